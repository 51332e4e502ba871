/*
 * atop.c -- the ATOP 5.1 importer and the directed dyad-year flags (see
 * atop.h, and docs/atop-derivation.md for the rule and how it was found).
 *
 * Loading: the member file is read with the CSV reader into a growing
 * array of spells, each field checked (FILE:LINE:COL on the first bad one);
 * the alliance file, when given, gives the alliances and is checked against
 * the spells. Nothing is kept on error.
 *
 * Flags: for every alliance and every ordered pair of its members (a, b),
 * the spells of a and b in the same phase that overlap (a later entry
 * strictly before an earlier exit) give intervals; each year an interval
 * touches is an allied year, and its provisions are a's obligations in the
 * interval(s) whose overlap lasts longest into that year (the later phase
 * wins a year in which the terms changed). A short table of ATOP's own
 * corrections for members whose obligations differ by partner (obvary)
 * removes the provisions a member did not owe that partner. The results
 * go into one dense byte run per directed dyad (first to last allied
 * year), found through a small open-addressing hash on (c1, c2).
 */
#include "atop.h"
#include "csv.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- ATOP's directed corrections ---------------------------------------
 *
 * ATOP builds its directed dyad-year file by giving every member's
 * obligations to every other member, then "examine[s] all multilateral
 * alliances in which the obligations of member states vary and correct[s]
 * the directed dyadic coding accordingly" (codebook 5.1, section 2.7). The
 * member file only flags such members (obvary = 1); whom they do not owe
 * is not in it. These are the corrections, recovered from the atop5_1ddyr
 * file: the obligations member `a` does NOT owe member `b` in that phase.
 * They apply only to rows with obvary = 1. Sorted by (atopid, phase, a, b).
 */
#define DEF CASUSI_ATOP_DEFENSE
#define OFF CASUSI_ATOP_OFFENSE
#define NEU CASUSI_ATOP_NEUTRAL
#define NAG CASUSI_ATOP_NONAGG
#define CON CASUSI_ATOP_CONSUL
typedef struct atop_corr {
    int16_t atopid;
    int8_t phase;
    int16_t a, b;
    uint8_t clear;
} atop_corr;

static const atop_corr corrections[] = {
    {1100, 2, 200, 220, DEF},
    {1100, 2, 230, 200, DEF},
    {1100, 2, 230, 220, DEF},
    {1100, 2, 235, 200, DEF},
    {1100, 2, 235, 220, DEF},
    {1110, 0, 200, 255, DEF | OFF},
    {1110, 0, 200, 300, DEF},
    {1110, 0, 200, 365, DEF | OFF},
    {1110, 0, 255, 200, DEF},
    {1110, 0, 300, 200, DEF},
    {1110, 0, 300, 255, OFF},
    {1110, 0, 365, 200, DEF},
    {1110, 0, 640, 255, OFF},
    {1110, 0, 640, 365, OFF},
    {1120, 0, 200, 220, DEF},
    {1120, 0, 200, 230, DEF},
    {1120, 0, 220, 200, DEF},
    {1120, 0, 220, 230, DEF},
    {1120, 0, 230, 200, DEF},
    {1120, 0, 230, 220, DEF},
    {1160, 0, 200, 325, DEF},
    {1160, 0, 220, 325, DEF},
    {1160, 0, 325, 200, DEF},
    {1160, 0, 325, 220, DEF},
    {1205, 0, 140, 160, DEF},
    {1205, 0, 160, 140, DEF},
    {1227, 0, 240, 245, NEU},
    {1227, 0, 240, 269, NEU},
    {1227, 0, 240, 271, NEU},
    {1227, 0, 240, 275, NEU},
    {1227, 0, 245, 240, NEU},
    {1227, 0, 245, 269, NEU},
    {1227, 0, 245, 271, NEU},
    {1227, 0, 245, 275, NEU},
    {1227, 0, 269, 240, NEU},
    {1227, 0, 269, 245, NEU},
    {1227, 0, 269, 271, NEU},
    {1227, 0, 269, 275, NEU},
    {1227, 0, 271, 240, NEU},
    {1227, 0, 271, 245, NEU},
    {1227, 0, 271, 269, NEU},
    {1227, 0, 271, 275, NEU},
    {1227, 0, 275, 240, NEU},
    {1227, 0, 275, 245, NEU},
    {1227, 0, 275, 269, NEU},
    {1227, 0, 275, 271, NEU},
    {1350, 2, 255, 300, OFF},
    {1350, 3, 255, 300, OFF},
    {1350, 4, 255, 300, OFF},
    {1355, 0, 360, 325, DEF},
    {2130, 0, 200, 325, DEF},
    {2130, 0, 211, 200, DEF | NAG},
    {2130, 0, 211, 325, DEF | NAG},
    {2130, 0, 220, 200, DEF | NAG},
    {2130, 0, 220, 325, DEF | NAG},
    {2130, 0, 255, 200, DEF | NAG},
    {2130, 0, 255, 211, DEF},
    {2130, 0, 255, 220, DEF},
    {2130, 0, 255, 325, DEF | NAG},
    {2130, 0, 325, 200, DEF},
    {3322, 0, 200, 220, NEU},
};
#undef DEF
#undef OFF
#undef NEU
#undef NAG
#undef CON

static int corr_cmp(const void *k, const void *e)
{
    const atop_corr *x = k, *y = e;
    if (x->atopid != y->atopid)
        return x->atopid < y->atopid ? -1 : 1;
    if (x->phase != y->phase)
        return x->phase < y->phase ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return 0;
}

/* The obligations spell `s` of member a owes member b. */
static uint8_t owed(const casusi_atop_spell *s, int b)
{
    if (s->obvary != 1)
        return s->oblig;
    if (s->atopid > INT16_MAX)
        return s->oblig;
    atop_corr key = {(int16_t)s->atopid, s->phase, s->member, (int16_t)b, 0};
    const atop_corr *c = bsearch(&key, corrections,
                                 sizeof corrections / sizeof corrections[0],
                                 sizeof corrections[0], corr_cmp);
    return c ? (uint8_t)(s->oblig & ~c->clear) : s->oblig;
}

uint8_t casusi_atop_owed(const casusi_atop_spell *s, int b)
{
    return owed(s, b);
}

/* ---- loading: fields ---------------------------------------------------- */

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

/* Column indices, looked up once per file. */
typedef struct col {
    const char *name;
    int i;
} col;

static int find_cols(casusi_csv *r, col *cols, size_t n, casus_error *err)
{
    for (size_t k = 0; k < n; k++) {
        cols[k].i = casusi_csv_column(r, cols[k].name, err);
        if (cols[k].i < 0)
            return CASUS_EPARSE;
    }
    return CASUS_OK;
}

/* Field i as an int in [lo, hi]; an empty field gives `na` when na_ok. */
static int get_int(const casusi_csv *r, int i, long lo, long hi, int na_ok,
                   int na, int *out, casus_error *err)
{
    bool empty = false;
    int v = 0;
    if (casusi_csv_int(r, (size_t)i, &v, na_ok ? &empty : NULL, err))
        return CASUS_EPARSE;
    if (empty) {
        *out = na;
        return CASUS_OK;
    }
    if (v < lo || v > hi)
        return casusi_csv_fail(r, (size_t)i, err,
                               "%s is %d: expected %ld to %ld",
                               casusi_csv_name(r, (size_t)i), v, lo, hi);
    *out = v;
    return CASUS_OK;
}

static int get_i16(const casusi_csv *r, int i, long lo, long hi, int na_ok,
                   int16_t *out, casus_error *err)
{
    int v = 0;
    if (get_int(r, i, lo, hi, na_ok, CASUSI_ATOP_NA, &v, err))
        return CASUS_EPARSE;
    *out = (int16_t)v;
    return CASUS_OK;
}

static int get_i8(const casusi_csv *r, int i, long lo, long hi, int8_t *out,
                  casus_error *err)
{
    int v = 0;
    if (get_int(r, i, lo, hi, 0, 0, &v, err))
        return CASUS_EPARSE;
    *out = (int8_t)v;
    return CASUS_OK;
}

/* A date from three columns (year, month, day). The day may be empty
 * (precision 2). With `open_ok`, 0/0/0 is "still in force": precision 0,
 * *open = 1. */
static int get_date(const casusi_csv *r, const int c[3], int open_ok,
                    casus_date *d, int *open, casus_error *err)
{
    int y, m, day;
    bool empty = false;
    memset(d, 0, sizeof *d);
    if (open)
        *open = 0;
    if (casusi_csv_int(r, (size_t)c[0], &y, NULL, err) ||
        casusi_csv_int(r, (size_t)c[1], &m, NULL, err) ||
        casusi_csv_int(r, (size_t)c[2], &day, &empty, err))
        return CASUS_EPARSE;
    if (open_ok && y == 0 && m == 0 && day == 0 && !empty) {
        *open = 1;
        return CASUS_OK;
    }
    if (y < 1000 || y > 9999)
        return casusi_csv_fail(r, (size_t)c[0], err,
                               "%s is %d: expected a year from 1000 to 9999%s",
                               casusi_csv_name(r, (size_t)c[0]), y,
                               open_ok ? " (or 0/0/0: still in force)" : "");
    if (m < 1 || m > 12)
        return casusi_csv_fail(r, (size_t)c[1], err,
                               "%s is %d: expected a month from 1 to 12",
                               casusi_csv_name(r, (size_t)c[1]), m);
    int dim = days_in_month(y, m);
    if (!empty && (day < 1 || day > dim))
        return casusi_csv_fail(r, (size_t)c[2], err,
                               "%s is %d: %04d-%02d has days 1 to %d "
                               "(leave it empty if unknown)",
                               casusi_csv_name(r, (size_t)c[2]), day, y, m,
                               dim);
    d->year = (int16_t)y;
    d->month = (int8_t)m;
    if (empty) {
        d->precision = 2;
        d->lo = casus_days_from_civil(y, m, 1);
        d->hi = casus_days_from_civil(y, m, dim);
    } else {
        d->precision = 3;
        d->day = (int8_t)day;
        d->lo = d->hi = casus_days_from_civil(y, m, day);
    }
    return CASUS_OK;
}

/* The five obligation columns (defense, offense, neutral, nonagg, consul:
 * consecutive entries of `c`) into a CASUSI_ATOP_* mask. */
static int get_oblig(const casusi_csv *r, const col *c, uint8_t *out,
                     casus_error *err)
{
    uint8_t m = 0;
    for (int k = 0; k < 5; k++) {
        int v = 0;
        if (get_int(r, c[k].i, 0, 1, 0, 0, &v, err))
            return CASUS_EPARSE;
        if (v)
            m |= (uint8_t)(CASUSI_ATOP_DEFENSE << k);
    }
    *out = m;
    return CASUS_OK;
}

/* ---- loading: the member file ------------------------------------------- */

enum {
    MC_ATOPID, MC_COWID, MC_COW4ID, MC_MEMBER, MC_COWSYS, MC_YRENT, MC_MOENT,
    MC_DAYENT, MC_YREXIT, MC_MOEXIT, MC_DAYEXIT, MC_INEFFECT, MC_BILAT,
    MC_PHASE, MC_MAXPHASE, MC_WARTIME, MC_DEFENSE, MC_OFFENSE, MC_NEUTRAL,
    MC_NONAGG, MC_CONSUL, MC__COUNT
};
static const char *const mc_names[MC__COUNT] = {
    "atopid", "cowid", "cow4id", "member", "cowsys", "yrent", "moent",
    "dayent", "yrexit", "moexit", "dayexit", "ineffect", "bilat", "phase",
    "maxphase", "wartime", "defense", "offense", "neutral", "nonagg",
    "consul"};

/* The coded variables: name and offset in casusi_atop_spell. */
typedef struct var_desc {
    const char *name;
    size_t off;
} var_desc;
#define CASUSI_ATOP_X_DESC(n) {#n, offsetof(casusi_atop_spell, n)},
static const var_desc spell_vars[] = {
    CASUSI_ATOP_SPELL_VARS(CASUSI_ATOP_X_DESC)
};
#undef CASUSI_ATOP_X_DESC
#define NVARS (sizeof spell_vars / sizeof spell_vars[0])

static int spell_cmp(const void *x, const void *y)
{
    const casusi_atop_spell *a = x, *b = y;
    if (a->atopid != b->atopid)
        return a->atopid < b->atopid ? -1 : 1;
    if (a->phase != b->phase)
        return a->phase < b->phase ? -1 : 1;
    if (a->member != b->member)
        return a->member < b->member ? -1 : 1;
    if (a->entry.lo != b->entry.lo)
        return a->entry.lo < b->entry.lo ? -1 : 1;
    return a->line < b->line ? -1 : a->line > b->line;
}

static int read_spell(casusi_csv *r, const col *mc, const col *vc,
                      casusi_atop_spell *s, casus_error *err)
{
    int v = 0, open = 0;
    memset(s, 0, sizeof *s);
    s->line = r->rec_line;
    if (get_int(r, mc[MC_ATOPID].i, 1, INT32_MAX, 0, 0, &v, err))
        return CASUS_EPARSE;
    s->atopid = v;
    if (get_i16(r, mc[MC_MEMBER].i, 1, 9999, 0, &s->member, err) ||
        get_i16(r, mc[MC_COWID].i, 0, INT16_MAX, 1, &s->cowid, err) ||
        get_i16(r, mc[MC_COW4ID].i, 0, INT16_MAX, 1, &s->cow4id, err) ||
        get_i8(r, mc[MC_COWSYS].i, 0, 1, &s->cowsys, err))
        return CASUS_EPARSE;
    int ce[3] = {mc[MC_YRENT].i, mc[MC_MOENT].i, mc[MC_DAYENT].i};
    int cx[3] = {mc[MC_YREXIT].i, mc[MC_MOEXIT].i, mc[MC_DAYEXIT].i};
    if (get_date(r, ce, 0, &s->entry, NULL, err) ||
        get_date(r, cx, 1, &s->exit, &open, err))
        return CASUS_EPARSE;
    if (!open && s->exit.hi < s->entry.lo)
        return casusi_csv_fail(r, (size_t)cx[0], err,
                               "exit %d-%02d before entry %d-%02d",
                               s->exit.year, s->exit.month, s->entry.year,
                               s->entry.month);
    if (get_i8(r, mc[MC_INEFFECT].i, 0, 1, &s->ineffect, err) ||
        get_i8(r, mc[MC_BILAT].i, 0, 1, &s->bilat, err) ||
        get_i8(r, mc[MC_MAXPHASE].i, 0, 99, &s->maxphase, err) ||
        get_i8(r, mc[MC_PHASE].i, 0, 99, &s->phase, err) ||
        get_i8(r, mc[MC_WARTIME].i, 0, 1, &s->wartime, err))
        return CASUS_EPARSE;
    if (s->ineffect != open)
        return casusi_csv_fail(r, (size_t)mc[MC_INEFFECT].i, err,
                               "ineffect is %d but the exit date %s",
                               s->ineffect,
                               open ? "is 0/0/0 (still in force)"
                                    : "is set");
    if (s->maxphase == 0 ? s->phase != 0
                         : (s->phase < 1 || s->phase > s->maxphase))
        return casusi_csv_fail(r, (size_t)mc[MC_PHASE].i, err,
                               "phase is %d: expected %s%d", s->phase,
                               s->maxphase ? "1 to " : "", s->maxphase);
    if (get_oblig(r, mc + MC_DEFENSE, &s->oblig, err))
        return CASUS_EPARSE;
    for (size_t k = 0; k < NVARS; k++) {
        int16_t x;
        if (get_i16(r, vc[k].i, INT16_MIN + 1, INT16_MAX, 1, &x, err))
            return CASUS_EPARSE;
        memcpy((char *)s + spell_vars[k].off, &x, sizeof x);
    }
    if (s->obvary != CASUSI_ATOP_NA && (s->obvary < 0 || s->obvary > 1)) {
        size_t k = 0;
        while (strcmp(spell_vars[k].name, "obvary"))
            k++;
        return casusi_csv_fail(r, (size_t)vc[k].i, err, "obvary is %d: "
                               "expected 0 or 1", s->obvary);
    }
    return CASUS_OK;
}

static int load_members(const char *name, const char *buf, size_t len,
                        casusi_atop *at, casus_error *err)
{
    casusi_csv r;
    col mc[MC__COUNT], vc[NVARS];
    size_t cap = 0;
    int rc;
    casusi_csv_init(&r, name, buf, len, ',');
    for (int k = 0; k < MC__COUNT; k++)
        mc[k].name = mc_names[k];
    for (size_t k = 0; k < NVARS; k++)
        vc[k].name = spell_vars[k].name;
    if ((rc = casusi_csv_header(&r, err)) != CASUS_OK)
        goto done;
    if ((rc = find_cols(&r, mc, MC__COUNT, err)) != CASUS_OK ||
        (rc = find_cols(&r, vc, NVARS, err)) != CASUS_OK)
        goto done;
    while ((rc = casusi_csv_next(&r, err)) == 1) {
        if (at->nspells == cap) {
            size_t nc = cap ? cap * 2 : 1024;
            casusi_atop_spell *ns = realloc(at->spells, nc * sizeof *ns);
            if (!ns) {
                casusi_seterr(err, CASUS_ENOMEM, "%s: out of memory", name);
                rc = CASUS_ENOMEM;
                goto done;
            }
            at->spells = ns;
            cap = nc;
        }
        if ((rc = read_spell(&r, mc, vc, &at->spells[at->nspells], err)))
            goto done;
        at->nspells++;
    }
    if (rc < 0) {
        rc = err ? err->code : CASUS_EPARSE;
        goto done;
    }
    rc = CASUS_OK;
    if (!at->nspells) {
        casusi_seterr_at(err, CASUS_EPARSE, name, 2, 1,
                         "no member rows after the header");
        rc = CASUS_EPARSE;
    }
done:
    if (rc != CASUS_OK && err && err->code == CASUS_OK)
        err->code = rc;
    casusi_csv_free(&r);
    return rc;
}

/* ---- loading: the alliance file ----------------------------------------- */

enum {
    AC_ATOPID, AC_COWID, AC_COW4ID, AC_BEGYR, AC_BEGMO, AC_BEGDAY, AC_ENDYR,
    AC_ENDMO, AC_ENDDAY, AC_INEFFECT, AC_BILAT, AC_MAXPHASE, AC_ASYMM,
    AC_DEFENSE, AC_OFFENSE, AC_NEUTRAL, AC_NONAGG, AC_CONSUL, AC__COUNT
};
static const char *const ac_names[AC__COUNT] = {
    "atopid", "cowid", "cow4id", "begyr", "begmo", "begday", "endyr",
    "endmo", "endday", "ineffect", "bilat", "maxphase", "asymm", "defense",
    "offense", "neutral", "nonagg", "consul"};

#define MAX_MEMCOLS 999

static int alliance_cmp(const void *x, const void *y)
{
    const casusi_atop_alliance *a = x, *b = y;
    return a->atopid < b->atopid ? -1 : a->atopid > b->atopid;
}

static int load_alliances(const char *name, const char *buf, size_t len,
                          casusi_atop *at, casus_error *err)
{
    casusi_csv r;
    col ac[AC__COUNT];
    int memcol[MAX_MEMCOLS];
    size_t nmemcol = 0, cap = 0, mcap = 0, nm = 0;
    int rc;
    casusi_csv_init(&r, name, buf, len, ',');
    for (int k = 0; k < AC__COUNT; k++)
        ac[k].name = ac_names[k];
    if ((rc = casusi_csv_header(&r, err)) != CASUS_OK ||
        (rc = find_cols(&r, ac, AC__COUNT, err)) != CASUS_OK)
        goto done;
    for (; nmemcol < MAX_MEMCOLS; nmemcol++) {
        char cn[16];
        snprintf(cn, sizeof cn, "mem%zu", nmemcol + 1);
        memcol[nmemcol] = casusi_csv_column(&r, cn, NULL);
        if (memcol[nmemcol] < 0)
            break;
    }
    if (!nmemcol) {
        rc = casusi_csv_column(&r, "mem1", err) < 0 ? CASUS_EPARSE : CASUS_OK;
        goto done;
    }
    while ((rc = casusi_csv_next(&r, err)) == 1) {
        if (at->nalliances == cap) {
            size_t nc = cap ? cap * 2 : 256;
            casusi_atop_alliance *na = realloc(at->alliances, nc * sizeof *na);
            if (!na)
                goto oom;
            at->alliances = na;
            cap = nc;
        }
        casusi_atop_alliance *al = &at->alliances[at->nalliances];
        int v = 0, open = 0;
        memset(al, 0, sizeof *al);
        al->line = r.rec_line;
        if ((rc = get_int(&r, ac[AC_ATOPID].i, 1, INT32_MAX, 0, 0, &v, err)))
            goto done;
        al->atopid = v;
        int cb[3] = {ac[AC_BEGYR].i, ac[AC_BEGMO].i, ac[AC_BEGDAY].i};
        int ce[3] = {ac[AC_ENDYR].i, ac[AC_ENDMO].i, ac[AC_ENDDAY].i};
        if ((rc = get_i16(&r, ac[AC_COWID].i, 0, INT16_MAX, 1, &al->cowid, err)) ||
            (rc = get_i16(&r, ac[AC_COW4ID].i, 0, INT16_MAX, 1, &al->cow4id, err)) ||
            (rc = get_date(&r, cb, 0, &al->begin, NULL, err)) ||
            (rc = get_date(&r, ce, 1, &al->end, &open, err)) ||
            (rc = get_i8(&r, ac[AC_INEFFECT].i, 0, 1, &al->ineffect, err)) ||
            (rc = get_i8(&r, ac[AC_BILAT].i, 0, 1, &al->bilat, err)) ||
            (rc = get_i8(&r, ac[AC_MAXPHASE].i, 0, 99, &al->maxphase, err)) ||
            (rc = get_i8(&r, ac[AC_ASYMM].i, 0, 1, &al->asymm, err)) ||
            (rc = get_oblig(&r, ac + AC_DEFENSE, &al->oblig, err)))
            goto done;
        if (!open && al->end.hi < al->begin.lo) {
            rc = casusi_csv_fail(&r, (size_t)ce[0], err,
                                 "end %d-%02d before begin %d-%02d",
                                 al->end.year, al->end.month, al->begin.year,
                                 al->begin.month);
            goto done;
        }
        if (al->ineffect != open) {
            rc = casusi_csv_fail(&r, (size_t)ac[AC_INEFFECT].i, err,
                                 "ineffect is %d but the end date %s",
                                 al->ineffect,
                                 open ? "is 0/0/0 (still in force)"
                                      : "is set");
            goto done;
        }
        /* mem1..memN: the member codes, empty slots skipped; the list is
         * kept as an offset until the storage stops moving */
        size_t first = nm;
        for (size_t k = 0; k < nmemcol; k++) {
            int16_t m;
            if ((rc = get_i16(&r, memcol[k], 1, 9999, 1, &m, err)))
                goto done;
            if (m == CASUSI_ATOP_NA)
                continue;
            for (size_t j = first; j < nm; j++)
                if (at->mems[j] == m) {
                    rc = casusi_csv_fail(&r, (size_t)memcol[k], err,
                                         "member %d listed twice", m);
                    goto done;
                }
            if (nm == mcap) {
                size_t nc = mcap ? mcap * 2 : 1024;
                int16_t *nmems = realloc(at->mems, nc * sizeof *nmems);
                if (!nmems)
                    goto oom;
                at->mems = nmems;
                mcap = nc;
            }
            at->mems[nm++] = m;
        }
        al->nmem = nm - first; /* al->mem is set once mems stops moving */
        if (al->nmem < 2) {
            rc = casusi_csv_fail(&r, (size_t)memcol[0], err,
                                 "alliance %d lists %zu member(s): expected "
                                 "at least 2", al->atopid, al->nmem);
            goto done;
        }
        at->nalliances++;
    }
    if (rc < 0) {
        rc = err ? err->code : CASUS_EPARSE;
        goto done;
    }
    rc = CASUS_OK;
    for (size_t i = 0, off = 0; i < at->nalliances; i++) {
        at->alliances[i].mem = at->mems + off;
        off += at->alliances[i].nmem;
    }
    goto done;
oom:
    casusi_seterr(err, CASUS_ENOMEM, "%s: out of memory", name);
    rc = CASUS_ENOMEM;
done:
    if (rc != CASUS_OK && err && err->code == CASUS_OK)
        err->code = rc;
    casusi_csv_free(&r);
    return rc;
}

/* ---- loading: putting it together --------------------------------------- */

void casusi_atop_free(casusi_atop *at)
{
    if (!at)
        return;
    free(at->alliances);
    free(at->spells);
    free(at->mems);
    free(at);
}

const casusi_atop_alliance *casusi_atop_find(const casusi_atop *at,
                                             int atopid)
{
    if (!at)
        return NULL;
    casusi_atop_alliance key;
    key.atopid = atopid;
    return bsearch(&key, at->alliances, at->nalliances, sizeof key,
                   alliance_cmp);
}

/* Alliances from the spells alone (no alliance file): begin = first
 * entry, end = last exit, members = the distinct member codes. */
static int alliances_from_spells(casusi_atop *at, casus_error *err)
{
    size_t n = 0;
    for (size_t i = 0; i < at->nspells; i++)
        if (i == 0 || at->spells[i].atopid != at->spells[i - 1].atopid)
            n++;
    at->alliances = calloc(n, sizeof *at->alliances);
    at->mems = malloc(at->nspells * sizeof *at->mems);
    if (!at->alliances || !at->mems) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    size_t nm = 0;
    for (size_t i = 0, j; i < at->nspells; i = j) {
        casusi_atop_alliance *al = &at->alliances[at->nalliances++];
        const casusi_atop_spell *s = &at->spells[i];
        al->atopid = s->atopid;
        al->cowid = s->cowid;
        al->cow4id = s->cow4id;
        al->maxphase = s->maxphase;
        al->bilat = 1;
        al->begin = s->entry;
        al->end = s->exit;
        al->mem = at->mems + nm;
        for (j = i; j < at->nspells && at->spells[j].atopid == s->atopid; j++) {
            const casusi_atop_spell *t = &at->spells[j];
            if (t->entry.lo < al->begin.lo)
                al->begin = t->entry;
            if (al->end.precision &&
                (!t->exit.precision || t->exit.hi > al->end.hi))
                al->end = t->exit;
            al->ineffect |= t->ineffect;
            al->bilat &= t->bilat;
            if (t->asymm == 1)
                al->asymm = 1;
            al->oblig |= t->oblig;
            size_t k = 0;
            while (k < al->nmem && al->mem[k] != t->member)
                k++;
            if (k == al->nmem) {
                at->mems[nm++] = t->member;
                al->nmem++;
            }
        }
    }
    return CASUS_OK;
}

/* Links spells to alliances and checks the two files agree. */
static int link_spells(casusi_atop *at, const char *mname, const char *aname,
                       casus_error *err)
{
    size_t i = 0;
    for (size_t a = 0; a < at->nalliances; a++) {
        casusi_atop_alliance *al = &at->alliances[a];
        if (a && al->atopid == at->alliances[a - 1].atopid) {
            casusi_seterr_at(err, CASUS_EPARSE, aname, al->line, 1,
                             "alliance %d appears twice", al->atopid);
            return CASUS_EPARSE;
        }
        while (i < at->nspells && at->spells[i].atopid < al->atopid) {
            casusi_seterr_at(err, CASUS_EPARSE, mname, at->spells[i].line, 1,
                             "alliance %d is not in %s",
                             at->spells[i].atopid, aname);
            return CASUS_EPARSE;
        }
        size_t j = i;
        while (j < at->nspells && at->spells[j].atopid == al->atopid)
            j++;
        if (j == i) {
            casusi_seterr_at(err, CASUS_EPARSE, aname, al->line, 1,
                             "alliance %d has no member rows in %s",
                             al->atopid, mname);
            return CASUS_EPARSE;
        }
        al->spells = at->spells + i;
        al->nspells = j - i;
        if (al->nspells > CASUSI_ATOP_MAX_ROWS) {
            casusi_seterr_at(err, CASUS_ELIMIT, mname,
                             at->spells[i + CASUSI_ATOP_MAX_ROWS].line, 1,
                             "alliance %d has over %d member rows",
                             al->atopid, CASUSI_ATOP_MAX_ROWS);
            return CASUS_ELIMIT;
        }
        for (size_t k = i, run = 1; k + 1 < j; k++) {
            /* rows of one member are adjacent within a phase only, so
             * count per (phase, member): the pair loop multiplies them */
            const casusi_atop_spell *p = &at->spells[k], *q = p + 1;
            run = p->phase == q->phase && p->member == q->member ? run + 1 : 1;
            if (run > CASUSI_ATOP_MAX_SPELLS) {
                casusi_seterr_at(err, CASUS_ELIMIT, mname, q->line, 1,
                                 "member %d has over %d rows in alliance %d "
                                 "phase %d", q->member, CASUSI_ATOP_MAX_SPELLS,
                                 al->atopid, q->phase);
                return CASUS_ELIMIT;
            }
        }
        /* the members of the rows are the members of the list */
        for (size_t k = i; k < j; k++) {
            const casusi_atop_spell *s = &at->spells[k];
            size_t m = 0;
            while (m < al->nmem && al->mem[m] != s->member)
                m++;
            if (m == al->nmem) {
                casusi_seterr_at(err, CASUS_EPARSE, mname, s->line, 1,
                                 "member %d of alliance %d is not in its "
                                 "member list in %s", s->member, al->atopid,
                                 aname);
                return CASUS_EPARSE;
            }
        }
        for (size_t m = 0; m < al->nmem; m++) {
            size_t k = i;
            while (k < j && at->spells[k].member != al->mem[m])
                k++;
            if (k == j) {
                casusi_seterr_at(err, CASUS_EPARSE, aname, al->line, 1,
                                 "member %d of alliance %d has no row in %s",
                                 al->mem[m], al->atopid, mname);
                return CASUS_EPARSE;
            }
        }
        i = j;
    }
    if (i < at->nspells) {
        casusi_seterr_at(err, CASUS_EPARSE, mname, at->spells[i].line, 1,
                         "alliance %d is not in %s", at->spells[i].atopid,
                         aname);
        return CASUS_EPARSE;
    }
    return CASUS_OK;
}

/* Rows that repeat another's key, or disagree with the alliance's other
 * rows on alliance-level columns. */
static int check_spells(const casusi_atop *at, const char *mname,
                        casus_error *err)
{
    for (size_t i = 1; i < at->nspells; i++) {
        const casusi_atop_spell *p = &at->spells[i - 1], *s = &at->spells[i];
        if (p->atopid != s->atopid)
            continue;
        if (p->maxphase != s->maxphase) {
            const casusi_atop_spell *late = p->line > s->line ? p : s;
            casusi_seterr_at(err, CASUS_EPARSE, mname, late->line, 1,
                             "alliance %d: maxphase %d here, %d in line %d",
                             s->atopid, late->maxphase,
                             (late == p ? s : p)->maxphase,
                             (late == p ? s : p)->line);
            return CASUS_EPARSE;
        }
        if (p->phase == s->phase && p->member == s->member &&
            p->entry.lo == s->entry.lo) {
            casusi_seterr_at(err, CASUS_EPARSE, mname, s->line, 1,
                             "member %d of alliance %d phase %d entering "
                             "%d-%02d is also in line %d", s->member,
                             s->atopid, s->phase, s->entry.year,
                             s->entry.month, p->line);
            return CASUS_EPARSE;
        }
    }
    return CASUS_OK;
}

int casusi_atop_load_mem(const char *mname, const char *mbuf, size_t mlen,
                         const char *aname, const char *abuf, size_t alen,
                         casusi_atop **out, casus_error *err)
{
    int rc;
    *out = NULL;
    if (err)
        memset(err, 0, sizeof *err);
    if (!mname)
        mname = "atop5_1m.csv";
    if (!aname)
        aname = "atop5_1a.csv";
    casusi_atop *at = calloc(1, sizeof *at);
    if (!at) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    if ((rc = load_members(mname, mbuf, mlen, at, err)))
        goto fail;
    qsort(at->spells, at->nspells, sizeof *at->spells, spell_cmp);
    if ((rc = check_spells(at, mname, err)))
        goto fail;
    if (abuf) {
        at->have_alliance_file = 1;
        if ((rc = load_alliances(aname, abuf, alen, at, err)))
            goto fail;
        qsort(at->alliances, at->nalliances, sizeof *at->alliances,
              alliance_cmp);
        if ((rc = link_spells(at, mname, aname, err)))
            goto fail;
    } else {
        if ((rc = alliances_from_spells(at, err)))
            goto fail;
        if ((rc = link_spells(at, mname, aname, err)))
            goto fail;
    }
    *out = at;
    return CASUS_OK;
fail:
    casusi_atop_free(at);
    return rc;
}

int casusi_atop_load(const char *mpath, const char *apath, casusi_atop **out,
                     casus_error *err)
{
    char *mbuf = NULL, *abuf = NULL;
    size_t mlen = 0, alen = 0;
    int rc;
    *out = NULL;
    if ((rc = casusi_csv_read_file(mpath, &mbuf, &mlen, err)))
        return rc;
    if (apath && (rc = casusi_csv_read_file(apath, &abuf, &alen, err))) {
        free(mbuf);
        return rc;
    }
    rc = casusi_atop_load_mem(mpath, mbuf, mlen, apath, abuf, alen, out, err);
    free(mbuf);
    free(abuf);
    return rc;
}

/* ---- the directed dyad-year flags --------------------------------------- */

/* One directed dyad's flags: years y0 .. y0 + ny - 1 at bytes[off..]. */
typedef struct flag_dyad {
    uint32_t key;   /* c1 << 10 | c2 */
    int16_t y0;
    uint16_t ny;
    uint32_t off;
} flag_dyad;

struct casusi_atop_flags_table {
    int first_year, last_year;  /* the years the data cover */
    flag_dyad *dyads; size_t ndyads; /* sorted by key */
    uint32_t *slots; uint32_t mask;  /* hash: dyad index + 1, 0 = empty */
    uint8_t *bytes; size_t nbytes;   /* flags, one byte per dyad-year */
    size_t nrows;                    /* allied dyad-years */
};

/* Codes of states with a COW code: ATOP leaves out dyads with a member
 * without one (France-Annam: 8152, codebook footnote 19). */
#define MAX_CODE 999

static uint32_t hash_key(uint32_t k)
{
    k *= 0x9E3779B1u;
    return k ^ (k >> 15);
}

/* The slot holding key, or the empty slot where it goes. */
static uint32_t *slot_of(uint32_t *slots, uint32_t mask,
                         const flag_dyad *dyads, uint32_t key)
{
    uint32_t h = hash_key(key) & mask;
    while (slots[h] && dyads[slots[h] - 1].key != key)
        h = (h + 1) & mask;
    return &slots[h];
}

/* One (alliance, a, b) group's contribution before the dyads are laid
 * out: flags for years y0.. at tmp[off..]. */
typedef struct group {
    uint32_t dyad;
    int16_t y0;
    uint16_t ny;
    uint32_t off;
} group;

typedef struct builder {
    casusi_atop_flags_table *t;
    size_t dcap;
    group *g; size_t ng, gcap;
    uint8_t *tmp; size_t ntmp, tcap;
    int32_t open_end;   /* day number of LAST_YEAR-12-31 */
} builder;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need)
        nc *= 2;
    void *np = realloc(*p, nc * size);
    if (!np)
        return -1;
    *p = np;
    *cap = nc;
    return 0;
}

/* The dyad of key (added if new), widened to years lo..hi; -1 if OOM. */
static long dyad_add(builder *b, uint32_t key, int lo, int hi)
{
    casusi_atop_flags_table *t = b->t;
    if ((t->ndyads + 1) * 3 / 2 > (size_t)t->mask + 1 || !t->slots) {
        uint32_t ncap = t->slots ? (t->mask + 1) * 2 : 4096;
        uint32_t *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < t->ndyads; i++)
            *slot_of(ns, ncap - 1, t->dyads, t->dyads[i].key) = (uint32_t)i + 1;
        free(t->slots);
        t->slots = ns;
        t->mask = ncap - 1;
    }
    uint32_t *s = slot_of(t->slots, t->mask, t->dyads, key);
    if (!*s) {
        if (grow((void **)&t->dyads, &b->dcap, t->ndyads + 1, sizeof *t->dyads))
            return -1;
        flag_dyad *d = &t->dyads[t->ndyads];
        d->key = key;
        d->y0 = (int16_t)lo;
        d->ny = (uint16_t)(hi - lo + 1);
        d->off = 0;
        *s = (uint32_t)++t->ndyads;
        return (long)t->ndyads - 1;
    }
    flag_dyad *d = &t->dyads[*s - 1];
    int end = d->y0 + d->ny - 1;
    if (lo < d->y0)
        d->y0 = (int16_t)lo;
    if (hi > end)
        end = hi;
    d->ny = (uint16_t)(end - d->y0 + 1);
    return (long)*s - 1;
}

/* A member spell's days and years, for the pair loop. */
typedef struct span {
    const casusi_atop_spell *s;
    int32_t in, out;     /* first day (entry.lo), last day (exit.hi) */
} span;

typedef struct ival {
    int32_t lo, hi;      /* overlap: later entry .. earlier exit */
    int ylo, yhi;
    uint8_t flags;
} ival;

static int year_of(int32_t day)
{
    int y, m, d;
    casus_civil_from_days(day, &y, &m, &d);
    return y;
}

static int span_cmp(const void *x, const void *y)
{
    const span *a = x, *b = y;
    if (a->s->member != b->s->member)
        return a->s->member < b->s->member ? -1 : 1;
    return a < b ? -1 : a > b; /* stable enough: input is by phase, entry */
}

/* The intervals of members a (spans sa) and b (spans sb) in one alliance
 * become one group: each year any interval touches, with the flags of the
 * interval(s) lasting longest into that year. */
static int pair_group(builder *b, const span *sa, size_t na, const span *sb,
                      size_t nb, ival *iv, int first, int last)
{
    size_t n = 0;
    int ylo = INT_MAX, yhi = INT_MIN;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            if (sa[i].s->phase != sb[j].s->phase)
                continue;
            int32_t lo = sa[i].in > sb[j].in ? sa[i].in : sb[j].in;
            int32_t hi = sa[i].out < sb[j].out ? sa[i].out : sb[j].out;
            if (lo >= hi) /* joined on or after the other left */
                continue;
            ival *v = &iv[n++];
            v->lo = lo;
            v->hi = hi;
            v->ylo = year_of(lo);
            v->yhi = year_of(hi);
            v->flags = owed(sa[i].s, sb[j].s->member);
            if (v->ylo < ylo)
                ylo = v->ylo;
            if (v->yhi > yhi)
                yhi = v->yhi;
        }
    if (!n)
        return 0;
    if (ylo < first)
        ylo = first;
    if (yhi > last)
        yhi = last;
    if (ylo > yhi)
        return 0;
    uint32_t key = (uint32_t)sa[0].s->member << 10 | (uint32_t)sb[0].s->member;
    long d = dyad_add(b, key, ylo, yhi);
    if (d < 0 || grow((void **)&b->g, &b->gcap, b->ng + 1, sizeof *b->g) ||
        grow((void **)&b->tmp, &b->tcap, b->ntmp + (size_t)(yhi - ylo + 1), 1))
        return -1;
    group *g = &b->g[b->ng++];
    g->dyad = (uint32_t)d;
    g->y0 = (int16_t)ylo;
    g->ny = (uint16_t)(yhi - ylo + 1);
    g->off = (uint32_t)b->ntmp;
    for (int y = ylo; y <= yhi; y++) {
        int32_t best = INT32_MIN;
        uint8_t f = 0;
        for (size_t k = 0; k < n; k++) {
            if (iv[k].ylo > y || iv[k].yhi < y)
                continue;
            /* how far into year y it lasts: past its end counts as Dec 31,
             * later than any interval ending inside y */
            int32_t e = iv[k].yhi > y ? INT32_MAX : iv[k].hi;
            if (e > best) {
                best = e;
                f = iv[k].flags;
            } else if (e == best) {
                f |= iv[k].flags;
            }
        }
        b->tmp[b->ntmp++] = best == INT32_MIN ? 0
                                              : (uint8_t)(f | CASUSI_ATOP_ALLIANCE);
    }
    return 0;
}

static int dyad_cmp(const void *x, const void *y)
{
    const flag_dyad *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

void casusi_atop_flags_free(casusi_atop_flags_table *t)
{
    if (!t)
        return;
    free(t->dyads);
    free(t->slots);
    free(t->bytes);
    free(t);
}

int casusi_atop_flags_build(const casusi_atop *at,
                            casusi_atop_flags_table **out, casus_error *err)
{
    builder b;
    span *sp = NULL;
    ival *iv = NULL;
    uint32_t *remap = NULL;
    size_t spcap = 0, ivcap = 0;
    memset(&b, 0, sizeof b);
    *out = NULL;
    b.t = calloc(1, sizeof *b.t);
    if (!b.t)
        goto oom;
    b.t->first_year = CASUSI_ATOP_FIRST_YEAR;
    b.t->last_year = CASUSI_ATOP_LAST_YEAR;
    b.open_end = casus_days_from_civil(CASUSI_ATOP_LAST_YEAR, 12, 31);

    for (size_t a = 0; a < at->nalliances; a++) {
        const casusi_atop_alliance *al = &at->alliances[a];
        if (grow((void **)&sp, &spcap, al->nspells, sizeof *sp))
            goto oom;
        size_t n = 0;
        for (size_t i = 0; i < al->nspells; i++) {
            const casusi_atop_spell *s = &al->spells[i];
            if (s->member > MAX_CODE)
                continue;
            sp[n].s = s;
            sp[n].in = s->entry.lo;
            sp[n].out = s->exit.precision ? s->exit.hi : b.open_end;
            n++;
        }
        qsort(sp, n, sizeof *sp, span_cmp);
        for (size_t i = 0, i2; i < n; i = i2) {
            for (i2 = i; i2 < n && sp[i2].s->member == sp[i].s->member; i2++)
                ;
            for (size_t j = 0, j2; j < n; j = j2) {
                for (j2 = j; j2 < n && sp[j2].s->member == sp[j].s->member; j2++)
                    ;
                if (j == i)
                    continue;
                if (grow((void **)&iv, &ivcap, (i2 - i) * (j2 - j), sizeof *iv) ||
                    pair_group(&b, sp + i, i2 - i, sp + j, j2 - j, iv,
                               b.t->first_year, b.t->last_year))
                    goto oom;
            }
        }
    }

    /* lay the dyads out in key order, then OR the groups in */
    casusi_atop_flags_table *t = b.t;
    size_t nd = t->ndyads;
    if (nd) {
        remap = malloc(nd * sizeof *remap);
        if (!remap)
            goto oom;
        for (size_t i = 0; i < nd; i++)
            t->dyads[i].off = (uint32_t)i; /* old index, kept through sort */
        qsort(t->dyads, nd, sizeof *t->dyads, dyad_cmp);
        size_t off = 0;
        for (size_t i = 0; i < nd; i++) {
            remap[t->dyads[i].off] = (uint32_t)i;
            t->dyads[i].off = (uint32_t)off;
            off += t->dyads[i].ny;
        }
        t->nbytes = off;
        t->bytes = calloc(off ? off : 1, 1);
        if (!t->bytes)
            goto oom;
        memset(t->slots, 0, ((size_t)t->mask + 1) * sizeof *t->slots);
        for (size_t i = 0; i < nd; i++)
            *slot_of(t->slots, t->mask, t->dyads, t->dyads[i].key) =
                (uint32_t)i + 1;
        for (size_t k = 0; k < b.ng; k++) {
            const group *g = &b.g[k];
            const flag_dyad *d = &t->dyads[remap[g->dyad]];
            uint8_t *dst = t->bytes + d->off + (g->y0 - d->y0);
            for (size_t y = 0; y < g->ny; y++)
                dst[y] |= b.tmp[g->off + y];
        }
        for (size_t i = 0; i < t->nbytes; i++)
            t->nrows += t->bytes[i] != 0;
    }
    free(remap);
    free(sp);
    free(iv);
    free(b.g);
    free(b.tmp);
    *out = t;
    return CASUS_OK;
oom:
    free(remap);
    free(sp);
    free(iv);
    free(b.g);
    free(b.tmp);
    casusi_atop_flags_free(b.t);
    casusi_seterr(err, CASUS_ENOMEM, "out of memory building ATOP flags");
    return CASUS_ENOMEM;
}

static const flag_dyad *dyad_find(const casusi_atop_flags_table *t, int c1,
                                  int c2)
{
    if (!t || !t->ndyads || c1 < 1 || c1 > MAX_CODE || c2 < 1 ||
        c2 > MAX_CODE)
        return NULL;
    uint32_t key = (uint32_t)c1 << 10 | (uint32_t)c2;
    uint32_t s = *slot_of(t->slots, t->mask, t->dyads, key);
    return s ? &t->dyads[s - 1] : NULL;
}

uint8_t casusi_atop_flags(const casusi_atop_flags_table *t, int c1, int c2,
                          int year)
{
    const flag_dyad *d = dyad_find(t, c1, c2);
    if (!d || year < d->y0 || year >= d->y0 + d->ny)
        return 0;
    return t->bytes[d->off + (uint32_t)(year - d->y0)];
}

const uint8_t *casusi_atop_dyad(const casusi_atop_flags_table *t, int c1,
                                int c2, int *first, size_t *n)
{
    const flag_dyad *d = dyad_find(t, c1, c2);
    *first = d ? d->y0 : 0;
    *n = d ? d->ny : 0;
    return d ? t->bytes + d->off : NULL;
}

uint8_t casusi_atop_flags_cb(void *ud, int c1, int c2, int year)
{
    return casusi_atop_flags(ud, c1, c2, year);
}

size_t casusi_atop_years(const casusi_atop_flags_table *t, int *first,
                         int *last)
{
    if (first)
        *first = t ? t->first_year : 0;
    if (last)
        *last = t ? t->last_year : 0;
    return t ? t->nrows : 0;
}

size_t casusi_atop_flags_size(const casusi_atop_flags_table *t)
{
    if (!t)
        return 0;
    return sizeof *t + t->ndyads * sizeof *t->dyads +
           ((size_t)t->mask + 1) * sizeof *t->slots * (t->slots != NULL) +
           t->nbytes;
}

int casusi_atop_flags_each(const casusi_atop_flags_table *t,
                           int (*fn)(void *ud, int c1, int c2, int year,
                                     uint8_t flags),
                           void *ud)
{
    if (!t)
        return 0;
    for (size_t i = 0; i < t->ndyads; i++) {
        const flag_dyad *d = &t->dyads[i];
        for (unsigned y = 0; y < d->ny; y++) {
            uint8_t f = t->bytes[d->off + y];
            if (!f)
                continue;
            int rc = fn(ud, (int)(d->key >> 10), (int)(d->key & 1023),
                        d->y0 + (int)y, f);
            if (rc)
                return rc;
        }
    }
    return 0;
}
