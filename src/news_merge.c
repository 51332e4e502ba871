/*
 * news_merge.c -- the article finished: denials applied to the events they
 * deny, restated events merged into one, treaty entities matched to the
 * kb, events dated by their paragraph or the article's day, and the
 * article's events, treaties and actors written out.
 */
#include "read_int.h"

#include <stdlib.h>
#include <string.h>

/* The first event told in sentence s or later (events are stored in
 * sentence order). */
static size_t ev_from_sent(const rd *r, int s)
{
    size_t lo = 0, hi = r->nev;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->ev[mid].sent < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int deniable(const rev *x)
{
    return x->type != CASUS_EV_DENY_ACCUSATION && x->type != CASUS_EV_CONDEMN && x->type != CASUS_EV_WARN;
}

/* Denials: an event of the denied type involving a denier is denied.
 * Events are looked up by type and by sentence, so an article of n events
 * and k denials costs about n + k * (events of the type + log n), not n * k. */
static int apply_denials(rd *r)
{
    if (!r->ndn)
        return 0;
    /* the events of each type, in order */
    size_t start[CASUS_EV__COUNT + 1] = {0};
    size_t *by = casus_arena_alloc(r->a, (r->nev ? r->nev : 1) * sizeof *by);
    if (!by)
        return -1;
    for (size_t i = 0; i < r->nev; i++)
        start[r->ev[i].type + 1]++;
    for (int t = 0; t < CASUS_EV__COUNT; t++)
        start[t + 1] += start[t];
    size_t fill[CASUS_EV__COUNT];
    memcpy(fill, start, sizeof fill);
    for (size_t i = 0; i < r->nev; i++)
        by[fill[r->ev[i].type]++] = i;
    for (size_t k = 0; k < r->ndn; k++) {
        const struct denial *d = &r->dn[k];
        if (d->any) {
            /* "denied these allegations": the claims of the sentences before */
            for (size_t i = ev_from_sent(r, d->sent - 2), e = ev_from_sent(r, d->sent + 1); i < e; i++) {
                rev *x = &r->ev[i];
                if (deniable(x) && x->hedged && x->type > CASUS_EV_TREATY_WITHDRAWN &&
                    (cs_meets(&x->src, &d->who) || cs_meets(&x->tgt, &d->who)))
                    x->denied = 1;
            }
        } else if (d->type < CASUS_EV__COUNT) {
            for (size_t q = start[d->type]; q < start[d->type + 1]; q++) {
                rev *x = &r->ev[by[q]];
                if (deniable(x) && (cs_meets(&x->src, &d->who) || cs_meets(&x->tgt, &d->who)))
                    x->denied = 1;
            }
        }
        /* the first denied event of the two sentences before */
        const rev *first = NULL;
        for (size_t i = ev_from_sent(r, d->sent - 2), e = ev_from_sent(r, d->sent); i < e && !first; i++)
            if (r->ev[i].denied)
                first = &r->ev[i];
        size_t s0 = ev_from_sent(r, d->sent), s1 = ev_from_sent(r, d->sent + 1);
        /* a denial with no accuser named answers the last accusation
         * made against the denier */
        for (size_t i = s0; i < s1; i++) {
            rev *x = &r->ev[i];
            if (x->type != CASUS_EV_DENY_ACCUSATION || x->tgt.n)
                continue;
            for (size_t q = start[CASUS_EV_CONDEMN + 1]; q-- > start[CASUS_EV_CONDEMN];) {
                const rev *y = &r->ev[by[q]];
                if (by[q] >= i)
                    continue;
                if (cs_meets(&y->tgt, &x->src) && !cs_meets(&y->src, &x->src)) {
                    x->tgt = y->src;
                    break;
                }
            }
        }
        /* the deny event says what it denies */
        if (d->any && first)
            for (size_t i = s0; i < s1; i++) {
                rev *x = &r->ev[i];
                if (x->type == CASUS_EV_DENY_ACCUSATION && !x->d.denies)
                    x->d.denies = casus_evtype_name(first->type);
            }
    }
    return 0;
}

/* The first word of an item that starts with a capital ("Caesar" in
 * "French Caesar howitzers" is after a demonym: the item holds no
 * demonym, so its first capitalised word names the model), or NULL. */
static const char *proper_word(const char *s)
{
    for (const char *p = s; *p; p++)
        if ((p == s || p[-1] == ' ') && *p >= 'A' && *p <= 'Z')
            return p;
    return NULL;
}

/* Whether two words, each ending at a space or the end, are the same. */
static int same_word(const char *a, const char *b)
{
    while (*a && *a != ' ' && *a == *b)
        a++, b++;
    return (!*a || *a == ' ') && (!*b || *b == ' ');
}

static int details_clash(const casus_event_details *a, const casus_event_details *b)
{
    if (a->body && b->body && strcmp(a->body, b->body))
        return 1;
    return 0;
}

/* "French Caesar howitzers" and "Bastion armoured vehicles": two
 * deliveries, named by two models ("howitzers" may restate either) */
static int items_clash(const casus_event_details *a, const casus_event_details *b)
{
    const char *pa = a->item ? proper_word(a->item) : NULL, *pb = b->item ? proper_word(b->item) : NULL;
    return pa && pb && !same_word(pa, pb);
}

static void merge_details(casus_event_details *a, const casus_event_details *b)
{
    if (!a->body) a->body = b->body;
    if (a->count < 0) { a->count = b->count; a->count_text = b->count_text; }
    if (!a->place) { a->place = b->place; a->place_id = b->place_id; }
    /* "Rafale jets" in a headline, "Rafale fighter jets" in the body: the
     * fuller name of the same model */
    const char *pa = a->item ? proper_word(a->item) : NULL, *pb = b->item ? proper_word(b->item) : NULL;
    if (!a->item || (pa && pb && same_word(pa, pb) && strlen(b->item) > strlen(a->item))) a->item = b->item;
    if (a->quantity < 0) { a->quantity = b->quantity; a->quantity_text = b->quantity_text; }
    a->approx |= b->approx;
    if (!a->denies) a->denies = b->denies;
}

/* Events that could be one fact: same type, same set of sources (the
 * set's hash does not depend on order). */
struct ev_key { uint64_t key; size_t i; };

static int ev_key_cmp(const void *pa, const void *pb)
{
    const struct ev_key *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static uint64_t src_key(const rev *x)
{
    uint64_t h = 0;
    for (int k = 0; k < x->src.n; k++) {
        uint64_t f = CASUSI_FNV_OFFSET;
        for (const char *c = x->src.c[k]; *c; c++)
            f = (f ^ (unsigned char)*c) * CASUSI_FNV_PRIME;
        h += f;
    }
    return h * 31 + (uint64_t)x->type;
}

/* Restated facts: same type and actors (a restatement may leave the target
 * out), compatible dates and bodies. Each event is compared only with the
 * later ones of its group (same type and sources), in the order told. */
static int merge_restated(rd *r)
{
    if (r->nev < 2)
        return 0;
    struct ev_key *g = casus_arena_alloc(r->a, r->nev * sizeof *g);
    if (!g)
        return -1;
    for (size_t i = 0; i < r->nev; i++) {
        g[i].key = src_key(&r->ev[i]);
        g[i].i = i;
    }
    qsort(g, r->nev, sizeof *g, ev_key_cmp);
    for (size_t gs = 0, ge; gs < r->nev; gs = ge) {
        for (ge = gs + 1; ge < r->nev && g[ge].key == g[gs].key; ge++)
            ;
        for (size_t gi = gs; gi < ge; gi++) {
            rev *x = &r->ev[g[gi].i];
            if (x->dead)
                continue;
            for (size_t gj = gi + 1; gj < ge; gj++) {
                rev *y = &r->ev[g[gj].i];
                if (y->dead || y->type != x->type || !cs_eq(&x->src, &y->src))
                    continue;
                if (!cs_eq(&x->tgt, &y->tgt) && x->tgt.n && y->tgt.n)
                    continue;
                /* a later entry of a live blog retelling the fact ("07:40
                 * KCNA confirms the launch" under Saturday's heading) keeps
                 * the day first told */
                if (x->date.precision && y->date.precision &&
                    (x->date.hi < y->date.lo || y->date.hi < x->date.lo) &&
                    !(y->entryref && x->date.hi < y->date.lo && y->date.lo - x->date.hi <= 2))
                    continue;
                if (details_clash(&x->d, &y->d) ||
                    (x->type == CASUS_EV_ARMS_TRANSFERRED && items_clash(&x->d, &y->d)))
                    continue;
                /* steps of two treaties the article tells apart */
                if (x->ent >= 0 && y->ent >= 0 && x->ent != y->ent && r->en[x->ent].name != r->en[y->ent].name)
                    continue;
                if (!x->tgt.n)
                    x->tgt = y->tgt;
                if (!x->date.precision || (y->date.precision > x->date.precision))
                    x->date = y->date.precision ? y->date : x->date;
                merge_details(&x->d, &y->d);
                x->denied |= y->denied;
                x->hedged &= y->hedged;
                if (y->mod == CASUS_MOD_ACTUAL)
                    x->mod = CASUS_MOD_ACTUAL;
                x->fuzzy |= y->fuzzy;
                x->srcinf &= y->srcinf;
                x->present |= y->present;
                /* "draws warnings" restated as "warned"; a mention that
                 * is background ("a pact ratified by the Council") keeps
                 * the fact undated */
                x->newsday = x->newsday < 0 || y->newsday < 0 ? -1 : x->newsday > y->newsday ? x->newsday : y->newsday;
                if (x->ent < 0)
                    x->ent = y->ent;
                if (y->ss != x->ss) {
                    if (GROW(x->rs, x->nrs, x->rscap))
                        return -1;
                    x->rs[x->nrs].start = y->ss;
                    x->rs[x->nrs].end = y->se;
                    x->nrs++;
                }
                y->dead = 1;
            }
        }
    }
    return 0;
}

/* The kb treaty a mention stands for. */
static void match_kb(rd *r, ent *x)
{
    if (x->parties.n < 2 || x->kb)
        return;
    const casus_treaty *best = NULL;
    int best_rank = -1;
    for (size_t i = 0; i < casus_kb_ntreaties(r->kb); i++) {
        const casus_treaty *t = casus_kb_treaty_at(r->kb, i);
        int all = 1;
        for (int p = 0; p < x->parties.n && all; p++) {
            const casus_state *s = casus_kb_state(r->kb, x->parties.c[p], NULL, NULL);
            int f = 0;
            for (size_t m = 0; s && m < t->nmembers && !f; m++)
                f = t->members[m].state->lineage == s->lineage;
            all = f;
        }
        if (!all || !t->signed_on.precision)
            continue;
        if (x->year && t->signed_on.year != x->year)
            continue;
        if (t->signed_on.lo > r->refday)
            continue;
        /* rank: in force on the day, then the newest signed */
        int inforce = t->in_force.precision && t->in_force.lo <= r->refday &&
                      (!t->ended.precision || t->ended.hi >= r->refday);
        /* a treaty signed in the two years before the article is news */
        int recent = t->signed_on.lo <= r->refday && t->signed_on.lo > r->refday - 730;
        int rank = x->isnew ? recent : recent ? 3 : inforce * 2;
        if (!best || rank > best_rank || (rank == best_rank && t->signed_on.lo > best->signed_on.lo)) {
            best = t;
            best_rank = rank;
        }
    }
    x->kb = best;
}

static const char *const *codes_out(rd *r, cset *s, size_t *n)
{
    cs_sort(s);
    *n = s->n;
    if (!s->n)
        return NULL;
    const char **v = casus_arena_alloc(r->a, s->n * sizeof *v);
    if (!v)
        return NULL;
    for (int i = 0; i < s->n; i++)
        v[i] = s->c[i];
    return v;
}

static void actors_add(const char **v, size_t *n, const cset *s)
{
    for (int k = 0; k < s->n; k++) {
        size_t i = 0;
        while (i < *n && strcmp(v[i], s->c[k]))
            i++;
        if (i == *n)
            v[(*n)++] = s->c[k];
    }
}

int casusi_finish_article(rd *r, casus_article *art)
{
    if (apply_denials(r) || merge_restated(r))
        return -1;
    /* a fact whose restatements name no target takes the one guessed from
     * the discourse (casusi_discourse_targets) */
    for (size_t i = 0; i < r->nev; i++)
        if (!r->ev[i].dead && !r->ev[i].tgt.n && r->ev[i].guess.n) {
            r->ev[i].tgt = r->ev[i].guess;
            r->ev[i].guessed = 1;
        }
    /* "Seoul summons Russian envoy": told in the present and dated by no
     * restatement, an event is of the article's day */
    for (size_t i = 0; i < r->nev; i++)
        if (!r->ev[i].dead && r->ev[i].present && !r->ev[i].date.precision && r->artdate.precision == 3)
            r->ev[i].date = r->artdate;
    /* a past with no time of its own: the day of the paragraph's last dated
     * event; none dated, the last day the paragraph named before it, else
     * the day of the lede's event when that is the day before the article's
     * ("UNITED NATIONS, Tuesday - Russia on Monday vetoed ... He called the
     * veto a disgrace": the story is Monday's; not a perfect, "has
     * denounced"), else the article's day; a paragraph told in months or
     * years (background) gives none */
    const rev *p = NULL;    /* the paragraph's last dated actual event (one pass: events are in reading order) */
    const rev *pa = NULL;   /* the article's: "In the same statement" goes on from it */
    const rev *lede = NULL; /* the article's first dated actual event */
    for (size_t i = 0; i < r->nev; i++) {
        rev *x = &r->ev[i];
        if (!i || x->para != r->ev[i - 1].para)
            p = NULL;
        if (x->dead)
            continue;
        const rev *q = p || x->newsday != 2 || x->pday.precision == 3 ? p : pa;
        if (!q && x->newsday > 0 && !x->perf && x->pday.precision != 3 && pa &&
            (pa == lede || (pa->para >= x->para - 1 && lede->date.precision == 3 && pa->date.lo == lede->date.lo)) &&
            pa->date.precision == 3 && r->artdate.precision == 3 && r->artdate.lo - pa->date.lo == 1)
            q = pa;
        /* the lede names the day before the article's but tells no event
         * ("OTTAWA - Canada expelled six Indian diplomats on Monday ... ¶
         * Joly accused agents of the Indian government"): that day */
        if (!q && !pa && x->newsday > 0 && !x->perf && x->pday.precision != 3 && !x->date.precision &&
            x->prevday.precision == 3 && r->artdate.precision == 3 && r->artdate.lo - x->prevday.lo == 1)
            x->date = x->prevday;
        if (x->newsday > 0 && !x->date.precision && !q && x->pday.precision == 3)
            x->date = x->pday;
        else if (x->newsday > 0 && !x->date.precision && (q ? q->date.precision == 3 : r->artdate.precision == 3))
            x->date = q ? q->date : r->artdate;
        if (x->date.precision && x->mod == CASUS_MOD_ACTUAL) {
            p = pa = x;
            if (!lede)
                lede = x;
        }
    }
    for (size_t i = 0; i < r->nen; i++)
        match_kb(r, &r->en[i]);
    size_t live = 0;
    for (size_t i = 0; i < r->nev; i++)
        live += !r->ev[i].dead;
    casus_event *ev = casus_arena_alloc(r->a, (live ? live : 1) * sizeof *ev);
    casus_treaty_mention *tm = casus_arena_alloc(r->a, (r->nen ? r->nen : 1) * sizeof *tm);
    if (!ev || !tm)
        return -1;
    /* the article's actors: every code of its events and treaties (a set
     * without the cap of a cset: a long article names many states) */
    size_t cap = 1;
    for (size_t i = 0; i < r->nev; i++)
        cap += r->ev[i].src.n + r->ev[i].tgt.n;
    for (size_t i = 0; i < r->nen; i++)
        cap += r->en[i].parties.n;
    const char **actors = casus_arena_alloc(r->a, cap * sizeof *actors);
    if (!actors)
        return -1;
    size_t nactors = 0;
    size_t o = 0;
    for (size_t i = 0; i < r->nev; i++) {
        rev *x = &r->ev[i];
        if (x->dead)
            continue;
        casus_event *e = &ev[o++];
        e->type = x->type;
        actors_add(actors, &nactors, &x->src);
        actors_add(actors, &nactors, &x->tgt);
        e->source = codes_out(r, &x->src, &e->nsource);
        e->target = codes_out(r, &x->tgt, &e->ntarget);
        e->date = x->date;
        e->denied = x->denied;
        e->hedged = x->hedged;
        e->modality = x->mod;
        e->details = x->d;
        if (x->ent >= 0) {
            e->details.treaty_ref = x->ent;
            e->details.treaty = r->en[x->ent].kb ? r->en[x->ent].kb->id : NULL;
        }
        e->span.start = x->ss;
        e->span.end = x->se;
        e->sentence = casus_arena_strndup(r->a, r->text + x->ss, x->se - x->ss);
        if (x->nrs) {
            casus_span *sp = casus_arena_alloc(r->a, x->nrs * sizeof *sp);
            if (!sp)
                return -1;
            memcpy(sp, x->rs, x->nrs * sizeof *sp);
            e->restated = sp;
            e->nrestated = x->nrs;
        }
        e->fuzzy = x->fuzzy;
        e->target_inferred = x->guessed;
        e->source_inferred = x->srcinf;
    }
    size_t nt = 0;
    for (size_t i = 0; i < r->nen; i++) {
        ent *x = &r->en[i];
        if (!x->parties.n && !x->kind && !x->year)
            continue; /* nothing known about it */
        casus_treaty_mention *t = &tm[nt++];
        actors_add(actors, &nactors, &x->parties);
        t->parties = codes_out(r, &x->parties, &t->nparties);
        t->kind = x->kind;
        t->year_signed = x->year;
        t->kb = x->kb;
        t->first.start = x->fs;
        t->first.end = x->fe;
        t->nmentions = x->n;
    }
    art->events = ev;
    art->nevents = o;
    art->treaties = tm;
    art->ntreaties = nt;
    qsort(actors, nactors, sizeof *actors, cs_cmp);
    art->actors = nactors ? actors : NULL;
    art->nactors = nactors;
    return 0;
}
