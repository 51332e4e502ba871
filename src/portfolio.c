/*
 * portfolio.c -- alliance-portfolio similarity for every dyad-year: the
 * system's members each year (the COW list, extended to the last year as
 * dyads.c does), their valuations from the directed ATOP flags (carried and
 * kb-extended after ATOP's end, extend.c), and the measures of
 * similarity.c, streamed year by year as CSV.
 */
#include "casus_int.h"
#include "history_int.h"
#include "similarity.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int casus_sim_measure_parse(const char *s, casus_sim_measure *out)
{
    static const char *const N[] = {"s", "s-weighted", "taub", "kappa"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, N[i])) {
            *out = (casus_sim_measure)i;
            return CASUS_OK;
        }
    return CASUS_EINVAL;
}

typedef struct sim_out {
    casus_sink sink;
    void *ud;
    char *buf;
    size_t n, cap;
    size_t rows;
    int failed;
    /* --verify: the plain values of the year, in the same order */
    double *plain;
    unsigned char *plain_na;
    size_t np, ip;
    double maxdiff;
} sim_out;

static int flush(sim_out *o)
{
    if (o->n && o->sink(o->ud, o->buf, o->n)) {
        o->failed = 1;
        return -1;
    }
    o->n = 0;
    return 0;
}

static int emit(void *ud, int c1, int c2, int year, double v, bool na)
{
    sim_out *o = ud;
    if (o->plain) {
        if (o->ip >= o->np)
            return -1;
        size_t i = o->ip++;
        if (na != (o->plain_na[i] != 0))
            o->maxdiff = INFINITY;
        else if (!na && fabs(v - o->plain[i]) > o->maxdiff)
            o->maxdiff = fabs(v - o->plain[i]);
    }
    if (o->n + 64 > o->cap && flush(o))
        return -1;
    int k = na ? snprintf(o->buf + o->n, 64, "%d,%d,%d,NA\n", c1, c2, year)
               : snprintf(o->buf + o->n, 64, "%d,%d,%d,%.10g\n", c1, c2, year, v);
    o->n += (size_t)k;
    o->rows++;
    return 0;
}

static int keep_plain(void *ud, int c1, int c2, int year, double v, bool na)
{
    (void)c1;
    (void)c2;
    (void)year;
    sim_out *o = ud;
    if (o->np >= o->ip) /* ip holds the capacity while filling */
        return -1;
    o->plain[o->np] = v;
    o->plain_na[o->np++] = na;
    return 0;
}

/* members in `year`: any spell touching it, or (after the list's end) a
 * spell that reaches its last year -- the rule of dyads.c */
static size_t members(const casusi_statesys *s, int year, int *codes)
{
    size_t n = 0;
    for (size_t i = 0; i < s->ncodes; i++) {
        int c = s->codes[i];
        int in = casusi_statesys_member_year(s, c, year);
        size_t end = i + 1 < s->ncodes ? s->first[i + 1] : s->nspells;
        for (size_t k = s->first[i]; !in && year > s->last_year && k < end; k++)
            in = s->spells[k].endyear == s->last_year;
        if (in)
            codes[n++] = c;
    }
    return n;
}

int casus_similarity_write(const casus_history *h, const casus_kb *kb, const casus_sim_opts *o, casus_sink sink,
                           void *ud, size_t *rows, double *maxdiff, casus_error *err)
{
    if (rows)
        *rows = 0;
    if (maxdiff)
        *maxdiff = 0;
    if (!h->cow || !h->atop) {
        casusi_seterr(err, CASUS_ENOTFOUND, "no %s imported; run `casus import %s`", h->atop ? "COW state list" : "ATOP data",
                      h->atop ? "cow FILE" : "atop DIR");
        return CASUS_ENOTFOUND;
    }
    if (o->measure == CASUS_SIM_S_WEIGHTED && !h->nmc) {
        casusi_seterr(err, CASUS_ENOTFOUND, "weighted S needs capabilities; run `casus import nmc NMC-60-abridged.csv`");
        return CASUS_ENOTFOUND;
    }
    int last = o->last_year ? o->last_year : casus_date_today().year - 1;
    int first = o->first_year ? o->first_year : 1816;
    if (first > last || first < 1816 || last > 2216) {
        casusi_seterr(err, CASUS_EINVAL, "years %d to %d: expected 1816 <= from <= to <= 2216", first, last);
        return CASUS_EINVAL;
    }
    casusi_flags *fl = NULL;
    int rc = casusi_flags_new(h, kb, last, &fl, err);
    if (rc)
        return rc;
    size_t cap = h->cow->ncodes;
    int *codes = malloc((cap ? cap : 1) * sizeof *codes);
    uint8_t *v = malloc((cap ? cap * cap : 1));
    double *w = malloc((cap ? cap : 1) * sizeof *w);
    size_t maxd = cap * (cap ? cap - 1 : 0) / 2;
    sim_out out = {sink, ud, malloc(1 << 20), 0, 1 << 20, 0, 0, NULL, NULL, 0, 0, 0};
    if (o->verify) {
        out.plain = malloc((maxd ? maxd : 1) * sizeof *out.plain);
        out.plain_na = malloc(maxd ? maxd : 1);
    }
    if (!codes || !v || !w || !out.buf || (o->verify && (!out.plain || !out.plain_na))) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        rc = CASUS_ENOMEM;
        goto done;
    }
    casusi_sim_measure m = (casusi_sim_measure)o->measure;
    char head[64];
    int hn = snprintf(head, sizeof head, "ccode1,ccode2,year,%s\n", casusi_sim_measure_name(m));
    memcpy(out.buf, head, (size_t)hn);
    out.n = (size_t)hn;
    for (int y = first; y <= last && !rc; y++) {
        size_t n = members(h->cow, y, codes);
        casusi_similarity_fill(v, codes, n, y, casusi_flags_at, fl,
                               o->scheme ? CASUSI_SIM_SCHEME_CJL : CASUSI_SIM_SCHEME_COW);
        if (m == CASUSI_SIM_S_WEIGHTED)
            casusi_nmc_weights(h->nmc, y, codes, n, w);
        casusi_sim_input in = {y, n, codes, v};
        if (o->verify) {
            out.np = 0;
            out.ip = maxd; /* capacity while filling */
            rc = casusi_similarity_plain_year(&in, m, w, keep_plain, &out, err);
            out.ip = 0;
            if (rc)
                break;
        }
        rc = casusi_similarity_year(&in, m, w, emit, &out, err);
        if (rc && out.failed) {
            casusi_seterr(err, CASUS_EIO, "could not write the output");
            rc = CASUS_EIO;
        } else if (rc > 0 && !err)
            rc = CASUS_EINVAL;
    }
    if (!rc && flush(&out)) {
        casusi_seterr(err, CASUS_EIO, "could not write the output");
        rc = CASUS_EIO;
    }
    if (rows)
        *rows = out.rows;
    if (maxdiff)
        *maxdiff = out.maxdiff;
done:
    free(out.buf);
    free(out.plain);
    free(out.plain_na);
    free(codes);
    free(v);
    free(w);
    casusi_flags_free(fl);
    return rc;
}
