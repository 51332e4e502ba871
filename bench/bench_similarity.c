/*
 * bench_similarity.c -- benchmarks for the alliance-portfolio similarity
 * measures (make bench).
 *
 * The input is synthetic: YEARS years (default 210) of N states (default
 * 195, the most the COW system has held), each year a symmetric valuation
 * matrix drawn from a seeded PCG32 with about the density of ATOP's
 * post-1945 years (85% of pairs unallied, then 3% consultation, 4%
 * neutrality / non-aggression, 8% defense; diagonal 3) and random
 * capability shares. That is YEARS * N(N-1)/2 dyad-years per measure
 * (3.97 million by default, about 3.6 times the real 1816-2025 COW
 * panel's 1.1 million).
 *
 * One line per measure: total seconds over all years (best of 3 runs),
 * dyad-years per second, peak RSS so far (getrusage), and a checksum of the
 * values (sum of value * (dyad index mod 7 + 1), NA counted apart) from
 * the last run, so a faster but wrong build shows. Matrices are generated
 * one year at a time (untimed), so memory is flat: the peak does not grow
 * with YEARS. A last case times the plain (textbook) implementation on a
 * few years to show the gap.
 *
 * Usage: bench_similarity [YEARS [N]]
 */
#include "similarity.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* PCG32 (O'Neill 2014), the minimal XSH-RR generator. */
typedef struct pcg32 {
    uint64_t state, inc;
} pcg32;

static uint32_t pcg32_next(pcg32 *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ull + r->inc;
    uint32_t xs = (uint32_t)(((old >> 18) ^ old) >> 27);
    uint32_t rot = (uint32_t)(old >> 59);
    return (xs >> rot) | (xs << ((-rot) & 31));
}

static void pcg32_seed(pcg32 *r, uint64_t seed, uint64_t seq)
{
    r->state = 0;
    r->inc = (seq << 1) | 1;
    pcg32_next(r);
    r->state += seed;
    pcg32_next(r);
}

/* One synthetic year. */
static void make_year(pcg32 *r, size_t n, uint8_t *v, double *w)
{
    for (size_t i = 0; i < n; i++) {
        v[i * n + i] = 3;
        for (size_t k = i + 1; k < n; k++) {
            uint32_t u = pcg32_next(r) % 100;
            uint8_t x = u < 85 ? 0 : u < 88 ? 1 : u < 92 ? 2 : 3;
            v[i * n + k] = v[k * n + i] = x;
        }
    }
    double tot = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t u = pcg32_next(r);
        w[k] = (double)(u % 1000) * (double)(u % 1000) + 1; /* skewed */
        tot += w[k];
    }
    for (size_t k = 0; k < n; k++)
        w[k] /= tot;
}

typedef struct acc {
    size_t count, na;
    double sum;
} acc;

static int collect(void *ud, int c1, int c2, int year, double value, bool na)
{
    (void)c1;
    (void)c2;
    (void)year;
    acc *a = ud;
    if (na)
        a->na++;
    else
        a->sum += value * (double)(a->count % 7 + 1);
    a->count++;
    return 0;
}

typedef int (*year_fn)(const casusi_sim_input *, casusi_sim_measure,
                       const double *, casusi_sim_out_fn, void *,
                       casus_error *);

/* Runs measure m over `years` years; returns seconds spent inside fn. */
static double run(year_fn f, casusi_sim_measure m, int years, size_t n,
                  uint8_t *v, double *w, int *codes, acc *a)
{
    pcg32 r;
    pcg32_seed(&r, 20250101u, 54u);
    double t = 0;
    *a = (acc){0, 0, 0};
    for (int y = 0; y < years; y++) {
        make_year(&r, n, v, w);
        casusi_sim_input in = {1816 + y, n, codes, v};
        casus_error e;
        double t0 = now();
        if (f(&in, m, w, collect, a, &e)) {
            fprintf(stderr, "bench_similarity: %s\n", e.msg);
            exit(1);
        }
        t += now() - t0;
    }
    return t;
}

int main(int argc, char **argv)
{
    int years = argc > 1 ? atoi(argv[1]) : 210;
    size_t n = argc > 2 ? (size_t)atoi(argv[2]) : 195;
    if (years < 1 || n < 2 || n > CASUSI_SIM_MAX_STATES) {
        fprintf(stderr, "usage: bench_similarity [YEARS [N]]\n");
        return 2;
    }
    uint8_t *v = malloc(n * n);
    double *w = malloc(n * sizeof *w);
    int *codes = malloc(n * sizeof *codes);
    if (!v || !w || !codes)
        return 1;
    for (size_t i = 0; i < n; i++)
        codes[i] = (int)(2 + 5 * i);
    size_t dyads = (size_t)years * n * (n - 1) / 2;
    printf("similarity: %d years x %zu states = %zu dyad-years per measure\n",
           years, n, dyads);
    printf("%-16s %10s %14s %10s %12s %22s\n", "measure", "seconds", "dyad-years/s",
           "peak_kb", "na", "checksum");
    for (int m = 0; m < CASUSI_SIM__COUNT; m++) {
        double best = 1e30;
        acc a;
        for (int rep = 0; rep < 3; rep++) {
            double t = run(casusi_similarity_year, (casusi_sim_measure)m, years, n,
                           v, w, codes, &a);
            if (t < best)
                best = t;
        }
        printf("%-16s %10.3f %14.0f %10ld %12zu %22.12f\n",
               casusi_sim_measure_name((casusi_sim_measure)m), best,
               (double)dyads / best, peak_rss_kb(), a.na, a.sum);
    }
    /* the plain implementation on a few years, for scale */
    int py = years < 2 ? years : 2;
    size_t pdyads = (size_t)py * n * (n - 1) / 2;
    for (int m = 0; m < CASUSI_SIM__COUNT; m++) {
        acc a;
        double t = run(casusi_similarity_plain_year, (casusi_sim_measure)m, py, n,
                       v, w, codes, &a);
        printf("plain_%-10s %10.3f %14.0f %10ld %12zu %22.12f  (%d years)\n",
               casusi_sim_measure_name((casusi_sim_measure)m), t,
               (double)pdyads / t, peak_rss_kb(), a.na, a.sum, py);
    }
    free(v);
    free(w);
    free(codes);
    return 0;
}
