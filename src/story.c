/*
 * story.c -- several articles' events merged into facts. Two reports are
 * the same fact when they have the same type and sources, the same targets
 * (or one leaves them out) and dates that can be the same day. A target only
 * inferred (casus_event.target_inferred) still keeps reports apart: it is
 * weaker than a named one, but merging on an unknown target joins facts
 * about different states too readily. The fact's target is inferred only
 * if no report names it, its source only if every report inferred it
 * (casus_event.source_inferred). What the
 * reports disagree on (status, count, quantity, place, body, date) is
 * listed, value by value, with the articles that give each value.
 */
#include "news_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int same_codes(const char *const *a, size_t na, const char *const *b, size_t nb)
{
    if (na != nb)
        return 0;
    for (size_t i = 0; i < na; i++)
        if (strcmp(a[i], b[i]))
            return 0;
    return 1;
}

static int dates_meet(const casus_date *a, const casus_date *b)
{
    return !a->precision || !b->precision || (a->lo <= b->hi && b->lo <= a->hi);
}

typedef struct fbuild {
    casus_fact f;
    casus_report *r; size_t nr, cap;
} fbuild;

/* One field's values over the reports; a disagreement when 2+ differ. */
static int disagreement(casus_arena *a, const fbuild *fb, const char *field,
                        const char *(*get)(casus_arena *, const casus_event *),
                        casus_disagreement *out)
{
    const char **vals = casus_arena_alloc(a, fb->nr * sizeof *vals);
    const char ***arts = casus_arena_alloc(a, fb->nr * sizeof *arts);
    size_t *cnt = calloc(fb->nr, sizeof *cnt);
    if (!vals || !arts || !cnt) {
        free(cnt);
        return -1;
    }
    size_t nv = 0;
    for (size_t i = 0; i < fb->nr; i++) {
        const char *v = get(a, fb->r[i].event);
        if (!v)
            continue;
        size_t k = 0;
        while (k < nv && strcmp(vals[k], v))
            k++;
        if (k == nv) {
            vals[nv] = v;
            arts[nv] = casus_arena_alloc(a, (fb->nr + 1) * sizeof **arts);
            if (!arts[nv]) {
                free(cnt);
                return -1;
            }
            nv++;
        }
        /* each article once per value */
        int seen = 0;
        for (size_t q = 0; q < cnt[k]; q++)
            seen |= !strcmp(arts[k][q], fb->r[i].article->name);
        if (!seen)
            arts[k][cnt[k]++] = fb->r[i].article->name;
    }
    free(cnt);
    if (nv < 2)
        return 0;
    out->field = field;
    out->values = vals;
    out->nvalues = nv;
    out->articles = (const char *const *const *)arts;
    return 1;
}

static const char *g_status(casus_arena *a, const casus_event *e)
{
    (void)a;
    return e->denied ? "denied" : "reported";
}
static const char *g_count(casus_arena *a, const casus_event *e)
{
    return e->details.count >= 0 ? casus_arena_printf(a, "%lld", (long long)e->details.count) : NULL;
}
static const char *g_qty(casus_arena *a, const casus_event *e)
{
    return e->details.quantity >= 0 ? casus_arena_printf(a, "%lld", (long long)e->details.quantity) : NULL;
}
static const char *g_place(casus_arena *a, const casus_event *e)
{
    (void)a;
    return e->details.place_id ? e->details.place_id : e->details.place;
}
static const char *g_body(casus_arena *a, const casus_event *e)
{
    (void)a;
    return e->details.body;
}
static const char *g_date(casus_arena *a, const casus_event *e)
{
    char b[11];
    return e->date.precision ? casus_arena_strdup(a, casus_date_format(&e->date, b)) : NULL;
}

int casus_story_merge(casus_arena *a, const casus_article *const *arts, size_t n,
                      casus_story **out, casus_error *err)
{
    *out = NULL;
    fbuild *fs = NULL;
    size_t nf = 0, cap = 0;
    int rc = CASUS_OK;
    for (size_t i = 0; i < n; i++) {
        const casus_article *ar = arts[i];
        for (size_t k = 0; k < ar->nevents; k++) {
            const casus_event *e = &ar->events[k];
            size_t f = 0;
            for (; f < nf; f++) {
                casus_fact *x = &fs[f].f;
                if (x->type != e->type || !same_codes(x->source, x->nsource, e->source, e->nsource))
                    continue;
                if (x->ntarget && e->ntarget && !same_codes(x->target, x->ntarget, e->target, e->ntarget))
                    continue;
                if (!dates_meet(&x->date, &e->date))
                    continue;
                break;
            }
            if (f == nf) {
                if (nf == cap) {
                    size_t nc = cap ? cap * 2 : 32;
                    fbuild *q = realloc(fs, nc * sizeof *q);
                    if (!q) {
                        rc = CASUS_ENOMEM;
                        goto done;
                    }
                    fs = q;
                    cap = nc;
                }
                memset(&fs[nf], 0, sizeof fs[nf]);
                fs[nf].f.type = e->type;
                fs[nf].f.source = e->source;
                fs[nf].f.nsource = e->nsource;
                fs[nf].f.source_inferred = e->source_inferred;
                nf++;
            }
            fbuild *fb = &fs[f];
            fb->f.source_inferred &= e->source_inferred;
            if (e->ntarget && (!fb->f.ntarget || (fb->f.target_inferred && !e->target_inferred))) {
                fb->f.target = e->target;
                fb->f.ntarget = e->ntarget;
                fb->f.target_inferred = e->target_inferred;
            }
            if (e->date.precision > fb->f.date.precision)
                fb->f.date = e->date;
            if (fb->nr == fb->cap) {
                size_t nc = fb->cap ? fb->cap * 2 : 4;
                casus_report *q = realloc(fb->r, nc * sizeof *q);
                if (!q) {
                    rc = CASUS_ENOMEM;
                    goto done;
                }
                fb->r = q;
                fb->cap = nc;
            }
            fb->r[fb->nr].article = ar;
            fb->r[fb->nr].event = e;
            fb->nr++;
        }
    }
    casus_story *st = casus_arena_alloc(a, sizeof *st);
    casus_fact *facts = casus_arena_alloc(a, (nf ? nf : 1) * sizeof *facts);
    if (!st || !facts) {
        rc = CASUS_ENOMEM;
        goto done;
    }
    static const char *FIELDS[] = {"status", "count", "quantity", "place", "body", "date"};
    const char *(*GET[])(casus_arena *, const casus_event *) = {g_status, g_count, g_qty,
                                                                  g_place, g_body, g_date};
    for (size_t f = 0; f < nf; f++) {
        fbuild *fb = &fs[f];
        casus_report *r = casus_arena_alloc(a, fb->nr * sizeof *r);
        casus_disagreement *d = casus_arena_alloc(a, 6 * sizeof *d);
        if (!r || !d) {
            rc = CASUS_ENOMEM;
            goto done;
        }
        memcpy(r, fb->r, fb->nr * sizeof *r);
        size_t nd = 0;
        for (int k = 0; k < 6; k++) {
            int x = disagreement(a, fb, FIELDS[k], GET[k], &d[nd]);
            if (x < 0) {
                rc = CASUS_ENOMEM;
                goto done;
            }
            nd += (size_t)x;
        }
        facts[f] = fb->f;
        facts[f].reports = r;
        facts[f].nreports = fb->nr;
        facts[f].disagreements = d;
        facts[f].ndisagreements = nd;
    }
    st->facts = facts;
    st->nfacts = nf;
    *out = st;
done:
    for (size_t f = 0; f < nf; f++)
        free(fs[f].r);
    free(fs);
    if (rc)
        casusi_seterr(err, rc, "out of memory");
    return rc;
}
