/*
 * kbdiff.c -- an article's treaty events held against the knowledge base:
 * `confirms` (the kb has that step), `new` (it does not: the YAML line to
 * add is given) or `conflicts` (the kb has the step on another day).
 */
#include "news_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int meets(const casus_date *a, const casus_date *b)
{
    return a->lo <= b->hi && b->lo <= a->hi;
}

static const casus_member *member_of(const casus_kb *kb, const casus_treaty *t, const char *code)
{
    const casus_state *s = casus_kb_state(kb, code, NULL, NULL);
    if (!s)
        return NULL;
    for (size_t i = 0; i < t->nmembers; i++)
        if (t->members[i].state->lineage == s->lineage)
            return &t->members[i];
    return NULL;
}

static int body_is(const char *kb, const char *ev)
{
    if (!kb || !ev)
        return 0;
    size_t n = strlen(ev);
    if (!strncasecmp(kb, ev, n) && (kb[n] == '\0' || kb[n] == ' ' || kb[n] == '('))
        return 1;
    /* "Philippine Senate" is "Senate of the Philippines (concurrence)",
     * "Majlis" is "Islamic Consultative Assembly (Majlis)": the article's
     * head noun as a whole word of the kb's name */
    const char *h = strrchr(ev, ' ');
    h = h ? h + 1 : ev;
    size_t hn = strlen(h), kn = strlen(kb);
    for (size_t i = 0; i + hn <= kn; i++)
        if ((i == 0 || kb[i - 1] == ' ' || kb[i - 1] == '(') && !strncasecmp(kb + i, h, hn) &&
            (i + hn == kn || kb[i + hn] == ' ' || kb[i + hn] == ')'))
            return 1;
    return 0;
}

static const char *fmt(const casus_date *d, char b[11])
{
    return d->precision ? casus_date_format(d, b) : "(no date)";
}

int casus_kb_diff(const casus_kb *kb, casus_arena *a, const casus_article *art,
                  casus_kbcheck **out, size_t *n, casus_error *err)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0, cnt = 0;
    for (size_t i = 0; i < art->nevents; i++)
        cap += art->events[i].nsource + 1;
    casus_kbcheck *c = casus_arena_alloc(a, (cap ? cap : 1) * sizeof *c);
    if (!c) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    for (size_t i = 0; i < art->nevents; i++) {
        const casus_event *e = &art->events[i];
        if (e->type > CASUS_EV_TREATY_WITHDRAWN || !e->details.treaty || e->denied)
            continue;
        const casus_treaty *t = casus_kb_treaty(kb, e->details.treaty, NULL);
        if (!t)
            continue;
        char b1[11], b2[11];
        const char *src = casus_arena_printf(a, "%s", art->name);
        if (e->type == CASUS_EV_TREATY_SIGNED || e->type == CASUS_EV_TREATY_IN_FORCE) {
            const casus_date *kd = e->type == CASUS_EV_TREATY_SIGNED ? &t->signed_on : &t->in_force;
            const char *what = e->type == CASUS_EV_TREATY_SIGNED ? "signed" : "in force";
            casus_kbcheck *k = &c[cnt++];
            memset(k, 0, sizeof *k);
            k->event = e;
            k->treaty = t;
            if (!kd->precision) {
                k->verdict = CASUS_KB_NEW;
                k->explain = casus_arena_printf(a, "%s: the kb has no %s date", t->id, what);
                k->add = casus_arena_printf(a, "%s: %s  # source: %s", e->type == CASUS_EV_TREATY_SIGNED ? "signed" : "in_force",
                                            e->date.precision ? casus_date_format(&e->date, b1) : "YYYY-MM-DD", src);
            } else if (!e->date.precision || meets(kd, &e->date)) {
                k->verdict = CASUS_KB_CONFIRMS;
                k->explain = casus_arena_printf(a, "%s: %s %s in the kb", t->id, what, fmt(kd, b1));
            } else {
                k->verdict = CASUS_KB_CONFLICTS;
                k->explain = casus_arena_printf(a, "%s: the article says %s %s, the kb %s", t->id, what,
                                                fmt(&e->date, b1), fmt(kd, b2));
            }
            continue;
        }
        for (size_t s = 0; s < e->nsource; s++) {
            const casus_member *m = member_of(kb, t, e->source[s]);
            casus_kbcheck *k = &c[cnt++];
            memset(k, 0, sizeof *k);
            k->event = e;
            k->treaty = t;
            if (!m) {
                k->verdict = CASUS_KB_CONFLICTS;
                k->explain = casus_arena_printf(a, "%s: %s is not a member in the kb", t->id, e->source[s]);
                continue;
            }
            k->state = m->state;
            if (e->type == CASUS_EV_TREATY_WITHDRAWN) {
                const casus_spell *sp = m->nspells ? &m->spells[m->nspells - 1] : NULL;
                const casus_date *end = sp && sp->until.precision ? &sp->until : t->ended.precision ? &t->ended : NULL;
                if (!end) {
                    k->verdict = CASUS_KB_NEW;
                    k->explain = casus_arena_printf(a, "%s: the kb has %s still bound", t->id, m->state->iso3);
                    k->add = casus_arena_printf(a, "until: %s  # member %s; end: withdrawal; source: %s",
                                                e->date.precision ? casus_date_format(&e->date, b1) : "YYYY-MM-DD",
                                                m->state->iso3, src);
                } else if (!e->date.precision || meets(end, &e->date) ||
                           (e->date.lo <= end->hi + 1 && e->date.hi >= end->lo - 366)) {
                    k->verdict = CASUS_KB_CONFIRMS;
                    k->explain = casus_arena_printf(a, "%s: %s bound until %s in the kb", t->id, m->state->iso3,
                                                    fmt(end, b1));
                } else {
                    k->verdict = CASUS_KB_CONFLICTS;
                    k->explain = casus_arena_printf(a, "%s: the article dates %s's exit %s, the kb %s", t->id,
                                                    m->state->iso3, fmt(&e->date, b1), fmt(end, b2));
                }
                continue;
            }
            /* ratification: a step with that body (or any step) */
            const casus_step *hit = NULL;
            for (size_t q = 0; q < m->nsteps; q++) {
                const casus_step *st = &m->steps[q];
                if (e->details.body ? body_is(st->body, e->details.body) : 1) {
                    if (!hit || (e->date.precision && meets(&st->date, &e->date)))
                        hit = st;
                }
            }
            if (!hit) {
                k->verdict = CASUS_KB_NEW;
                k->explain = casus_arena_printf(a, "%s: the kb has no %s step for %s", t->id,
                                                e->details.body ? e->details.body : "ratification", m->state->iso3);
                k->add = casus_arena_printf(a, "- {date: %s, step: ratification%s%s, source: %s}  # member %s",
                                            e->date.precision ? casus_date_format(&e->date, b1) : "YYYY-MM-DD",
                                            e->details.body ? ", body: " : "",
                                            e->details.body ? e->details.body : "", src, m->state->iso3);
            } else if (!e->date.precision || meets(&hit->date, &e->date)) {
                k->verdict = CASUS_KB_CONFIRMS;
                k->step = hit;
                k->explain = casus_arena_printf(a, "%s: %s %s%s%s on %s (%s:%d)", t->id, m->state->iso3, hit->what,
                                                hit->body ? " by " : "", hit->body ? hit->body : "",
                                                fmt(&hit->date, b1), t->file, hit->line);
            } else {
                k->verdict = CASUS_KB_CONFLICTS;
                k->step = hit;
                k->explain = casus_arena_printf(a, "%s: the article dates the %s step %s, the kb %s (%s:%d)", t->id,
                                                hit->body ? hit->body : "ratification", fmt(&e->date, b1),
                                                fmt(&hit->date, b2), t->file, hit->line);
            }
        }
    }
    *out = c;
    *n = cnt;
    return CASUS_OK;
}
