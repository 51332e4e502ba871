/*
 * fuzz_csv.c -- fuzz target for the CSV-based readers: the state-system
 * lists (statesys.c, COW and Gleditsch-Ward formats) and the COW National
 * Material Capabilities file (nmc.c), and for the similarity measures fed
 * from what they read. The first byte picks the reader (mod 3: COW list,
 * G&W list, NMC); the rest is the file. Any bytes must give a result or a
 * clean FILE:LINE:COL error, never a crash, leak or hang; a result must
 * agree with itself (sorted, every row found again, weights and
 * similarity values in range).
 */
#include "nmc.h"
#include "similarity.h"
#include "statesys.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_MAX_STATES 160

static int check_value(void *ud, int c1, int c2, int year, double value,
                       bool na)
{
    (void)ud;
    (void)year;
    if (c1 >= c2 || (na && !isnan(value)) ||
        (!na && !(value >= -1 - 1e-9 && value <= 1 + 1e-9)))
        abort();
    return 0;
}

/* Every measure over one year of `n` states with a valuation made from
 * the codes (deterministic, symmetric, diagonal 3). */
static void run_year(const int *codes, size_t n, int year, const double *w)
{
    if (n > FUZZ_MAX_STATES)
        n = FUZZ_MAX_STATES;
    uint8_t *v = malloc(n * n + 1);
    if (!v)
        return;
    for (size_t i = 0; i < n; i++) {
        v[i * n + i] = 3;
        for (size_t k = i + 1; k < n; k++) {
            uint32_t h = (uint32_t)codes[i] * 2654435761u ^ (uint32_t)codes[k] * 40503u;
            v[i * n + k] = v[k * n + i] = (uint8_t)((h >> 7) % 7 < 4 ? 0 : (h >> 11) % 4);
        }
    }
    casusi_sim_input in = {year, n, codes, v};
    casus_error e;
    for (int m = 0; m < CASUSI_SIM__COUNT; m++)
        if (casusi_similarity_year(&in, (casusi_sim_measure)m, w, check_value, NULL, &e))
            abort();
    free(v);
}

static void bad_error(int rc, const void *out, const casus_error *e)
{
    if (rc == CASUS_OK || out || e->code != rc || strchr(e->msg, '\n') ||
        e->line < 0 || e->column < 0)
        abort();
}

static void fuzz_nmc(const char *buf, size_t len)
{
    casusi_nmc *t = NULL;
    casus_error e;
    int rc = casusi_nmc_parse("nmc.csv", buf, len, &t, &e);
    if (rc) {
        bad_error(rc, t, &e);
        return;
    }
    if (!t->nrows || t->first_year > t->last_year)
        abort();
    for (size_t i = 0; i < t->nrows; i++) {
        const casusi_nmc_row *r = &t->rows[i];
        if (i && (r->year < r[-1].year || (r->year == r[-1].year && r->ccode <= r[-1].ccode)))
            abort();
        if (casusi_nmc_find(t, r->ccode, r->year) != r)
            abort();
        if (!isnan(r->cinc) && !(r->cinc >= 0 && r->cinc <= 1))
            abort();
    }
    /* the first year's states and weights into the measures */
    int year = t->first_year;
    size_t lo = t->year_start[0], hi = t->year_start[1];
    size_t n = hi - lo;
    int *codes = malloc((n + 1) * sizeof *codes);
    double *w = malloc((n + 1) * sizeof *w);
    if (codes && w) {
        for (size_t i = 0; i < n; i++)
            codes[i] = t->rows[lo + i].ccode;
        size_t found = casusi_nmc_weights(t, year, codes, n, w);
        if (found > n)
            abort();
        run_year(codes, n, year, w);
    }
    free(codes);
    free(w);
    casusi_nmc_free(t);
}

static void fuzz_states(casusi_sysfmt fmt, const char *buf, size_t len)
{
    casusi_statesys *s = NULL;
    casus_error e;
    int rc = casusi_statesys_parse(fmt, fmt == CASUSI_SYS_GW ? "sys.dat" : "sys.csv", buf,
                                   len, &s, &e);
    if (rc) {
        bad_error(rc, s, &e);
        return;
    }
    for (size_t i = 0; i < s->ncodes; i++) {
        if (i && s->codes[i] <= s->codes[i - 1])
            abort();
        if (casusi_statesys_find(s, s->codes[i]) != (int)i)
            abort();
    }
    for (size_t i = 0; i < s->nspells; i++)
        if (!casusi_statesys_member_day(s, s->spells[i].code, s->spells[i].start) ||
            !casusi_statesys_member_year(s, s->spells[i].code, s->spells[i].styear))
            abort();
    /* the members of the first year into the measures, equal weights */
    int year = s->first_year;
    int *codes = malloc((s->ncodes + 1) * sizeof *codes);
    double *w = malloc((s->ncodes + 1) * sizeof *w);
    if (codes && w) {
        size_t n = 0;
        for (size_t i = 0; i < s->ncodes; i++)
            if (casusi_statesys_member_year(s, s->codes[i], year)) {
                w[n] = 1;
                codes[n++] = s->codes[i];
            }
        run_year(codes, n, year, w);
    }
    free(codes);
    free(w);
    casusi_statesys_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    const char *buf = (const char *)data + 1;
    size_t len = size - 1;
    switch (data[0] % 3) {
    case 0: fuzz_states(CASUSI_SYS_COW, buf, len); break;
    case 1: fuzz_states(CASUSI_SYS_GW, buf, len); break;
    default: fuzz_nmc(buf, len); break;
    }
    return 0;
}
