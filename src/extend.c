/*
 * extend.c -- dyad-year datasets with ATOP flags, current to today.
 *
 * Through ATOP's last year (2018 for ATOP 5.1) the flags are ATOP's own
 * directed dyad-year flags (atop.c), joined to the state system's dyad-years
 * as peacesciencer 1.2.0 does (dyads.c). After it, where peacesciencer
 * prints NA, casus goes on:
 *
 *   1. carried: an ATOP alliance whose member spells are still open on
 *      ATOP's last day (exit 0/0/0) keeps binding the members whose spells
 *      are open, with the obligations ATOP codes for them, unless the
 *      knowledge base holds that alliance (a treaty file with `atop: [id]`):
 *      then the file's dated facts replace it (its newer facts win);
 *   2. kb: every binding treaty of the knowledge base binds, in each year,
 *      the members bound at some time in that year, with the obligations its
 *      articles give (defence, offence, neutrality, non-aggression,
 *      consultation map to ATOP's five provisions; `by`/`to` give the
 *      direction). As in ATOP, a treaty counts from its signature for the
 *      states that signed it, and from accession for the states that joined
 *      later.
 *
 * Each dyad-year after ATOP's end is the union of both. `--explain` adds a
 * column naming the sources: "atop" (ATOP's years), "atop-carried:ID",
 * "kb:TREATY", joined with '+', or "none".
 */
#include "casus_int.h"
#include "atop.h"
#include "dyads.h"
#include "history_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_YEARS 400

/* one directed pair's flags for the years after ATOP */
typedef struct post_pair {
    uint32_t key;            /* c1 << 16 | c2; 0 = empty slot */
    uint8_t *bits;           /* per year after ATOP's last */
} post_pair;

typedef struct post {
    const casus_history *h;
    const casus_kb *kb;
    int alast;               /* ATOP's last year */
    int last;                /* last year wanted */
    size_t ny;               /* last - alast (>= 0) */
    post_pair *slot;         /* open addressing */
    size_t cap, n;
    uint8_t *store;          /* ny bytes per pair */
    size_t scap, sn;
    int *linked;             /* atop ids held by the kb */
    size_t nlinked;
} post;

static uint32_t mix(uint32_t k)
{
    k ^= k >> 16;
    k *= 0x7feb352dU;
    k ^= k >> 15;
    k *= 0x846ca68bU;
    k ^= k >> 16;
    return k;
}

static post_pair *post_find(const post *p, int c1, int c2)
{
    if (!p->cap)
        return NULL;
    uint32_t key = (uint32_t)c1 << 16 | (uint32_t)c2;
    for (size_t i = mix(key) & (p->cap - 1);; i = (i + 1) & (p->cap - 1)) {
        if (p->slot[i].key == key)
            return &p->slot[i];
        if (!p->slot[i].key)
            return NULL;
    }
}

static int post_grow(post *p)
{
    size_t nc = p->cap ? p->cap * 2 : 1024;
    post_pair *ns = calloc(nc, sizeof *ns);
    if (!ns)
        return -1;
    for (size_t i = 0; i < p->cap; i++) {
        if (!p->slot[i].key)
            continue;
        size_t j = mix(p->slot[i].key) & (nc - 1);
        while (ns[j].key)
            j = (j + 1) & (nc - 1);
        ns[j] = p->slot[i];
    }
    free(p->slot);
    p->slot = ns;
    p->cap = nc;
    return 0;
}

/* OR `bits` into (c1, c2) for year y */
static int post_set(post *p, int c1, int c2, int y, uint8_t bits)
{
    if (y <= p->alast || y > p->last || c1 == c2 || c1 <= 0 || c2 <= 0 || c1 > 0xffff || c2 > 0xffff)
        return 0;
    post_pair *q = post_find(p, c1, c2);
    if (!q) {
        if ((p->n + 1) * 2 > p->cap && post_grow(p))
            return -1;
        if (p->sn + p->ny > p->scap) {
            /* bits are offsets until the end: store may move */
            size_t nc = p->scap ? p->scap * 2 : 1 << 16;
            while (nc < p->sn + p->ny)
                nc *= 2;
            uint8_t *ns = realloc(p->store, nc);
            if (!ns)
                return -1;
            memset(ns + p->scap, 0, nc - p->scap);
            p->store = ns;
            p->scap = nc;
        }
        uint32_t key = (uint32_t)c1 << 16 | (uint32_t)c2;
        size_t i = mix(key) & (p->cap - 1);
        while (p->slot[i].key)
            i = (i + 1) & (p->cap - 1);
        p->slot[i].key = key;
        p->slot[i].bits = (uint8_t *)(uintptr_t)p->sn; /* an offset for now */
        p->sn += p->ny;
        p->n++;
        q = &p->slot[i];
    }
    p->store[(size_t)(uintptr_t)q->bits + (size_t)(y - p->alast - 1)] |= bits;
    return 0;
}

static void post_free(post *p)
{
    free(p->slot);
    free(p->store);
    free(p->linked);
}

static int linked(const post *p, int id)
{
    for (size_t i = 0; i < p->nlinked; i++)
        if (p->linked[i] == id)
            return 1;
    return 0;
}

/* the ATOP provisions an obligation type stands for */
static uint8_t ob_bits(casus_obtype t)
{
    switch (t) {
    case CASUS_OB_DEFENSE: return CASUSI_ATOP_DEFENSE;
    case CASUS_OB_OFFENSE: return CASUSI_ATOP_OFFENSE;
    case CASUS_OB_NEUTRALITY: return CASUSI_ATOP_NEUTRAL;
    case CASUS_OB_NONAGGRESSION: return CASUSI_ATOP_NONAGG;
    case CASUS_OB_CONSULTATION: return CASUSI_ATOP_CONSUL;
    default: return 0;
    }
}

/* first and last day a member counts (ATOP's convention: from signature for
 * the original signatories, from accession for later members); lo > hi if
 * never bound */
static void member_days(const casus_treaty *t, const casus_member *m, int32_t *lo, int32_t *hi)
{
    *lo = INT32_MAX;
    *hi = INT32_MIN;
    for (size_t s = 0; s < m->nspells; s++) {
        const casus_spell *sp = &m->spells[s];
        if (!sp->from.precision)
            continue;
        if (sp->from.lo < *lo)
            *lo = sp->from.lo;
        int32_t e = sp->until.precision ? sp->until.hi : INT32_MAX;
        if (e > *hi)
            *hi = e;
    }
    if (*lo == INT32_MAX)
        return;
    if (m->signed_on.precision && t->signed_on.precision && m->signed_on.lo == t->signed_on.lo &&
        m->signed_on.lo < *lo)
        *lo = m->signed_on.lo;
}

static int in_list(const casus_state *const *l, size_t n, const casus_state *s)
{
    if (!l || !n)
        return 1; /* NULL = all members */
    for (size_t i = 0; i < n; i++)
        if (l[i] == s || casusi_same_lineage(l[i], s))
            return 1;
    return 0;
}

static int year_lo(int y) { return casus_days_from_civil(y, 1, 1); }
static int year_hi(int y) { return casus_days_from_civil(y, 12, 31); }

/* 2. the kb's treaties */
static int apply_kb(post *p)
{
    size_t nt = casus_kb_ntreaties(p->kb);
    for (size_t ti = 0; ti < nt; ti++) {
        const casus_treaty *t = casus_kb_treaty_at(p->kb, ti);
        if (!t->binding || !t->signed_on.precision)
            continue;
        for (int y = p->alast + 1; y <= p->last; y++) {
            int32_t ylo = year_lo(y), yhi = year_hi(y);
            if (t->signed_on.lo > yhi || (t->ended.precision && t->ended.hi < ylo))
                continue;
            for (size_t a = 0; a < t->nmembers; a++) {
                const casus_member *ma = &t->members[a];
                int32_t alo, ahi;
                member_days(t, ma, &alo, &ahi);
                if (!ma->state->cow || alo > yhi || ahi < ylo)
                    continue;
                for (size_t b = 0; b < t->nmembers; b++) {
                    const casus_member *mb = &t->members[b];
                    int32_t blo, bhi;
                    member_days(t, mb, &blo, &bhi);
                    if (a == b || !mb->state->cow || blo > yhi || bhi < ylo)
                        continue;
                    /* both bound on some common day of the year */
                    int32_t lo = alo > blo ? alo : blo, hi = ahi < bhi ? ahi : bhi;
                    if (lo < ylo)
                        lo = ylo;
                    if (hi > yhi)
                        hi = yhi;
                    if (lo > hi)
                        continue;
                    uint8_t bits = 0;
                    for (size_t o = 0; o < t->nobligations; o++) {
                        const casus_obligation *ob = &t->obligations[o];
                        if (!ob_bits(ob->type) || (ob->from.precision && ob->from.lo > hi) ||
                            (ob->until.precision && ob->until.hi < lo))
                            continue;
                        if (in_list(ob->by, ob->nby, ma->state) && in_list(ob->to, ob->nto, mb->state))
                            bits |= ob_bits(ob->type);
                    }
                    if (post_set(p, ma->state->cow, mb->state->cow, y, (uint8_t)(bits | CASUSI_ATOP_ALLIANCE)))
                        return -1;
                }
            }
        }
    }
    return 0;
}

/* 1. ATOP alliances still in force at ATOP's end, not held by the kb */
static int apply_carry(post *p)
{
    const casusi_atop *at = p->h->atop;
    for (size_t ai = 0; ai < at->nalliances; ai++) {
        const casusi_atop_alliance *al = &at->alliances[ai];
        if (al->end.precision || linked(p, al->atopid))
            continue;
        for (size_t i = 0; i < al->nspells; i++) {
            const casusi_atop_spell *x = &al->spells[i];
            if (x->exit.precision)
                continue;
            for (size_t j = 0; j < al->nspells; j++) {
                const casusi_atop_spell *z = &al->spells[j];
                if (i == j || z->exit.precision || z->phase != x->phase || z->member == x->member)
                    continue;
                for (int y = p->alast + 1; y <= p->last; y++)
                    if (post_set(p, x->member, z->member, y, (uint8_t)(x->oblig | CASUSI_ATOP_ALLIANCE)))
                        return -1;
            }
        }
    }
    return 0;
}

static int post_build(post *p, casus_error *err)
{
    if (p->kb) {
        size_t nt = casus_kb_ntreaties(p->kb);
        for (size_t ti = 0; ti < nt; ti++) {
            const casus_treaty *t = casus_kb_treaty_at(p->kb, ti);
            for (size_t k = 0; k < t->natop; k++) {
                int *nl = realloc(p->linked, (p->nlinked + 1) * sizeof *nl);
                if (!nl)
                    goto oom;
                p->linked = nl;
                p->linked[p->nlinked++] = t->atop[k];
            }
        }
    }
    if (p->ny && (apply_carry(p) || (p->kb && apply_kb(p))))
        goto oom;
    /* offsets to pointers, now that the store no longer moves */
    for (size_t i = 0; i < p->cap; i++)
        if (p->slot[i].key)
            p->slot[i].bits = p->store + (size_t)(uintptr_t)p->slot[i].bits;
    return 0;
oom:
    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    return -1;
}

/* the flag source the row generator calls: all years of one directed pair */
/* A G&W code as ATOP's (COW) code in year y, where the lists differ:
 * Germany is G&W 260 throughout, COW 255 from 1991 (260 before); Serbia is
 * G&W 340, COW 345; unified Yemen is G&W 678, COW 679 from 1990. */
static int gw_to_cow(int c, int y)
{
    if (c == 260 && y >= 1991)
        return 255;
    if (c == 340)
        return 345;
    if (c == 678 && y >= 1990)
        return 679;
    return c;
}

static void pair_flags_gw(void *ud, int c1, int c2, int first, int last, uint8_t *out);

static void pair_flags(void *ud, int c1, int c2, int first, int last, uint8_t *out)
{
    const post *p = ud;
    int alast = p->alast;
    int f0 = 0;
    size_t nf = 0;
    const uint8_t *fl = casusi_atop_dyad(p->h->flags, c1, c2, &f0, &nf);
    if (fl)
        for (int y = first > f0 ? first : f0; y <= last && y <= alast && (size_t)(y - f0) < nf; y++)
            out[y - first] = fl[y - f0];
    if (last > alast) {
        const post_pair *q = post_find(p, c1, c2);
        if (q)
            for (int y = first > alast + 1 ? first : alast + 1; y <= last; y++)
                out[y - first] = q->bits[y - alast - 1];
    }
}

/* G&W rows: each year looked up under the COW codes of that year */
static void pair_flags_gw(void *ud, int c1, int c2, int first, int last, uint8_t *out)
{
    for (int y = first; y <= last; y++) {
        uint8_t one = 0;
        pair_flags(ud, gw_to_cow(c1, y), gw_to_cow(c2, y), y, y, &one);
        out[y - first] = one;
    }
}

/* ---- the flag source for other modules (portfolio.c) ----------------- */

int casusi_flags_new(const casus_history *h, const casus_kb *kb, int last, casusi_flags **out, casus_error *err)
{
    *out = NULL;
    post *p = calloc(1, sizeof *p);
    if (!p) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    p->h = h;
    p->kb = kb;
    casusi_atop_years(h->flags, NULL, &p->alast);
    p->last = last;
    p->ny = last > p->alast ? (size_t)(last - p->alast) : 0;
    if (post_build(p, err)) {
        post_free(p);
        free(p);
        return CASUS_ENOMEM;
    }
    *out = (casusi_flags *)p;
    return CASUS_OK;
}

void casusi_flags_free(casusi_flags *f)
{
    if (f) {
        post_free((post *)f);
        free(f);
    }
}

uint8_t casusi_flags_at(void *ud, int c1, int c2, int year)
{
    uint8_t b = 0;
    pair_flags(ud, c1, c2, year, year, &b);
    return b;
}

/* ---- --explain: rows written here, with the sources named ------------- */

typedef struct explain {
    const post *p;
    casus_dyad_format fmt;
    casus_sink sink;
    void *ud;
    char *buf;
    size_t n, cap;
    int stop;
    size_t rows;
    const char *code;
    int gw;                  /* G&W codes: sources looked up under COW's */
} explain;

static int ex_put(explain *e, const char *s, size_t n)
{
    if (e->n + n > e->cap) {
        if (e->n && e->sink(e->ud, e->buf, e->n)) {
            e->stop = 1;
            return -1;
        }
        e->n = 0;
        if (n > e->cap) {
            if (e->sink(e->ud, s, n)) {
                e->stop = 1;
                return -1;
            }
            return 0;
        }
    }
    memcpy(e->buf + e->n, s, n);
    e->n += n;
    return 0;
}

/* the sources of (c1, c2, year) after ATOP: which carried alliances and
 * which kb treaties give it flags (either direction, as the row's flags do
 * for non-directed rows) */
static void sources(const post *p, int c1, int c2, int y, char *out, size_t cap)
{
    size_t n = 0;
    out[0] = '\0';
    const casusi_atop *at = p->h->atop;
    for (size_t ai = 0; ai < at->nalliances && n + 32 < cap; ai++) {
        const casusi_atop_alliance *al = &at->alliances[ai];
        if (al->end.precision || linked(p, al->atopid))
            continue;
        int h1 = 0, h2 = 0;
        for (size_t i = 0; i < al->nspells; i++) {
            if (al->spells[i].exit.precision)
                continue;
            h1 |= al->spells[i].member == c1;
            h2 |= al->spells[i].member == c2;
        }
        if (h1 && h2)
            n += (size_t)snprintf(out + n, cap - n, "%satop-carried:%d", n ? "+" : "", (int)al->atopid);
    }
    if (p->kb) {
        size_t nt = casus_kb_ntreaties(p->kb);
        int32_t ylo = year_lo(y), yhi = year_hi(y);
        for (size_t ti = 0; ti < nt; ti++) {
            const casus_treaty *t = casus_kb_treaty_at(p->kb, ti);
            if (!t->binding || !t->signed_on.precision || t->signed_on.lo > yhi ||
                (t->ended.precision && t->ended.hi < ylo))
                continue;
            int h1 = 0, h2 = 0;
            for (size_t a = 0; a < t->nmembers; a++) {
                int32_t lo, hi;
                member_days(t, &t->members[a], &lo, &hi);
                if (lo > yhi || hi < ylo)
                    continue;
                h1 |= t->members[a].state->cow == c1;
                h2 |= t->members[a].state->cow == c2;
            }
            if (h1 && h2 && n + strlen(t->id) + 8 < cap)
                n += (size_t)snprintf(out + n, cap - n, "%skb:%s", n ? "+" : "", t->id);
        }
    }
    if (!n)
        snprintf(out, cap, "none");
}

static int ex_row(void *ud, const casusi_dyad_row *r)
{
    explain *e = ud;
    char line[1024], src[512];
    if (r->year <= e->p->alast)
        snprintf(src, sizeof src, "atop");
    else
        sources(e->p, e->gw ? gw_to_cow(r->c1, r->year) : r->c1, e->gw ? gw_to_cow(r->c2, r->year) : r->c2,
                r->year, src, sizeof src);
    int k;
    static const char *const NAMES[] = {"atop_alliance", "atop_defense", "atop_offense", "atop_neutral",
                                        "atop_nonagg", "atop_consul"};
    if (e->fmt == CASUS_DYADS_CSV) {
        k = snprintf(line, sizeof line, "%d,%d,%d", r->c1, r->c2, r->year);
        for (int b = 0; b < 6; b++)
            k += snprintf(line + k, sizeof line - (size_t)k, r->flags & CASUSI_DYAD_NA ? ",NA" : ",%d",
                          (r->flags >> b) & 1);
        k += snprintf(line + k, sizeof line - (size_t)k, ",%s\n", src);
    } else {
        k = snprintf(line, sizeof line, "{\"%s1\":%d,\"%s2\":%d,\"year\":%d", e->code, r->c1, e->code, r->c2,
                     r->year);
        for (int b = 0; b < 6; b++)
            k += snprintf(line + k, sizeof line - (size_t)k, r->flags & CASUSI_DYAD_NA ? ",\"%s\":null" : ",\"%s\":%d",
                          NAMES[b], (r->flags >> b) & 1);
        /* sources are ids and numbers: no characters that need escaping */
        k += snprintf(line + k, sizeof line - (size_t)k, ",\"flags_source\":\"%s\"}\n", src);
    }
    e->rows++;
    return ex_put(e, line, (size_t)k);
}

int casus_dyads_write(const casus_history *h, const casus_kb *kb, const casus_dyads_opts *o, casus_sink sink,
                      void *ud, size_t *rows, casus_error *err)
{
    if (rows)
        *rows = 0;
    const casusi_statesys *sys = o->system == CASUS_SYSTEM_GW ? h->gw : h->cow;
    if (!sys) {
        casusi_seterr(err, CASUS_ENOTFOUND, "no %s state list imported; run `casus import %s FILE`",
                      o->system == CASUS_SYSTEM_GW ? "Gleditsch-Ward" : "COW", o->system == CASUS_SYSTEM_GW ? "gw" : "cow");
        return CASUS_ENOTFOUND;
    }
    if (!h->atop) {
        casusi_seterr(err, CASUS_ENOTFOUND, "no ATOP data imported; run `casus import atop DIR`");
        return CASUS_ENOTFOUND;
    }
    int last = o->last_year ? o->last_year : casus_date_today().year - 1;
    int first = o->first_year ? o->first_year : 1816;
    if (first > last || first < 1816 || last > 1816 + MAX_YEARS) {
        casusi_seterr(err, CASUS_EINVAL, "years %d to %d: expected 1816 <= from <= to <= %d", first, last,
                      1816 + MAX_YEARS);
        return CASUS_EINVAL;
    }
    post p;
    memset(&p, 0, sizeof p);
    p.h = h;
    p.kb = kb;
    casusi_atop_years(h->flags, NULL, &p.alast);
    p.last = last;
    p.ny = last > p.alast ? (size_t)(last - p.alast) : 0;
    if (post_build(&p, err)) {
        post_free(&p);
        return CASUS_ENOMEM;
    }
    casusi_dyad_opts d;
    memset(&d, 0, sizeof d);
    d.first_year = first;
    d.last_year = last;
    d.directed = o->directed != 0;
    d.flags_pair = o->system == CASUS_SYSTEM_GW ? pair_flags_gw : pair_flags;
    d.code = o->system == CASUS_SYSTEM_GW ? "gwcode" : "ccode";
    d.flags_ud = &p;
    casusi_atop_years(h->flags, &d.flags_first, NULL);
    d.flags_last = last > p.alast ? last : p.alast;
    d.threads = o->threads;
    casusi_dyads *g = NULL;
    int rc = casusi_dyads_new(sys, &d, &g, err);
    if (!rc && !o->explain)
        rc = casusi_dyads_write(g, o->format == CASUS_DYADS_JSONL ? CASUSI_DYAD_JSONL : CASUSI_DYAD_CSV,
                                sink, ud, rows, err);
    else if (!rc) {
        explain e = {&p, o->format, sink, ud, malloc(1 << 20), 0, 1 << 20, 0, 0, d.code, o->system == CASUS_SYSTEM_GW};
        if (!e.buf) {
            casusi_seterr(err, CASUS_ENOMEM, "out of memory");
            rc = CASUS_ENOMEM;
        } else {
            char head[160];
            int hn = snprintf(head, sizeof head,
                              "%s1,%s2,year,atop_alliance,atop_defense,atop_offense,atop_neutral,atop_nonagg,"
                              "atop_consul,flags_source\n", d.code, d.code);
            if (o->format == CASUS_DYADS_CSV)
                ex_put(&e, head, (size_t)hn);
            if (casusi_dyads_each(g, ex_row, &e) || e.stop || (e.n && sink(ud, e.buf, e.n))) {
                casusi_seterr(err, CASUS_EIO, "could not write the output");
                rc = CASUS_EIO;
            }
            if (rows)
                *rows = e.rows;
            free(e.buf);
        }
    }
    casusi_dyads_free(g);
    post_free(&p);
    return rc;
}
