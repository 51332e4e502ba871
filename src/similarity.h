/*
 * similarity.h -- alliance-portfolio similarity for every non-directed
 * dyad of a year: Signorino & Ritter's S (unweighted and weighted by
 * capability), Bueno de Mesquita's tau-b and Cohen's kappa as Haege
 * (2011) applies it. Definitions, valuation table and citations are in
 * docs/similarity.md; this header gives the contracts.
 *
 * Input, one year at a time: the n system members (COW codes, strictly
 * ascending) and an n x n matrix v of valuations in 0..3, row-major:
 * v[i*n + k] is state i's tie to state k, so row i is i's alliance
 * portfolio. casus uses a symmetric v with v[i*n + i] = 3 (a state is
 * fully allied with itself) filled by casusi_similarity_fill(); the
 * measures themselves only read rows and accept any v.
 *
 * Output: fn(ud, c1, c2, year, value, na) once per dyad i < j (so
 * c1 < c2), in (c1, c2) order. `na` is true (value NAN) when the measure
 * is undefined for the dyad (a zero denominator; see each measure).
 *
 * Cost: O(n^2) to set up a year, then O(n / 64) word operations per dyad
 * (per-dyad contingency tables built with popcounts over bit planes of
 * the rows). Memory is O(n^2 / 8) bytes per call, freed before return;
 * nothing is kept between calls, so memory stays flat over the years.
 * The functions hold no global state and are safe to call from several
 * threads at once (e.g. one year per thread).
 *
 * casusi_similarity_plain_*() compute the same measures straight from the
 * textbook formulas (explicit sums, explicit pair counting for tau-b). They
 * are O(n) to O(n^2) per dyad and exist to test the fast path.
 */
#ifndef CASUS_SIMILARITY_H
#define CASUS_SIMILARITY_H

#include "casus_int.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The valuation range: ties are 0..CASUSI_SIM_VMAX; d_max = 3 in S. */
#define CASUSI_SIM_VMAX 3
/* Most states one year may hold (CASUS_ELIMIT above it). The COW system
 * never exceeded 195. */
#define CASUSI_SIM_MAX_STATES 4096

/* The measures. */
typedef enum casusi_sim_measure {
    CASUSI_SIM_S,          /* Signorino & Ritter S, unweighted, |d|, in [-1, 1] */
    CASUSI_SIM_S_WEIGHTED, /* S weighted by `weights` (capability shares) */
    CASUSI_SIM_TAUB,       /* Kendall's tau-b (Bueno de Mesquita), [-1, 1] */
    CASUSI_SIM_KAPPA,      /* Cohen's kappa, quadratic distances (Haege) */
    CASUSI_SIM__COUNT
} casusi_sim_measure;

/* "s", "s_weighted", "taub", "kappa" (column names); "?" if out of range. */
const char *casusi_sim_measure_name(casusi_sim_measure m);

/* One year's input (all borrowed, read only during the call). */
typedef struct casusi_sim_input {
    int year;              /* passed through to the callback */
    size_t n;              /* number of system members */
    const int *codes;      /* n COW codes, strictly ascending */
    const uint8_t *v;      /* n*n valuations 0..3, row-major (see above) */
} casusi_sim_input;

/* Receives one dyad's value; returns 0 to go on, nonzero to stop. */
typedef int (*casusi_sim_out_fn)(void *ud, int c1, int c2, int year,
                                 double value, bool na);

/* Computes measure m for every dyad i < j of the year and passes each to
 * fn, in order. `weights` (n values, weights[k] for codes[k]) is read only
 * for CASUSI_SIM_S_WEIGHTED and must then be finite and >= 0 (NULL there is
 * CASUS_EINVAL); a state without capability data has weight 0.
 * NA: S never; weighted S when the weights sum to 0 (no NMC data that
 * year); tau-b when either portfolio is constant (its ties all equal);
 * kappa when both portfolios are constant at the same value (0/0).
 * Returns CASUS_OK; CASUS_EINVAL (codes not strictly ascending, a value
 * above 3, bad weights, unknown measure, NULL pointers with n > 0);
 * CASUS_ELIMIT (n > CASUSI_SIM_MAX_STATES); CASUS_ENOMEM; or, when fn
 * stopped, fn's nonzero value (err untouched). n < 2 gives no dyads. */
int casusi_similarity_year(const casusi_sim_input *in, casusi_sim_measure m,
                           const double *weights, casusi_sim_out_fn fn,
                           void *ud, casus_error *err);

/* The same with the textbook formulas (tests only; same contract). */
int casusi_similarity_plain_year(const casusi_sim_input *in,
                                 casusi_sim_measure m, const double *weights,
                                 casusi_sim_out_fn fn, void *ud,
                                 casus_error *err);

/* One dyad's value by the textbook formulas, from the two portfolios x and
 * y (n ties each, 0..3) and, for weighted S, the weights. Returns false
 * (NA) when the measure is undefined; *out is then NAN. */
bool casusi_similarity_plain_s(const uint8_t *x, const uint8_t *y, size_t n,
                               const double *w, double *out);
bool casusi_similarity_plain_taub(const uint8_t *x, const uint8_t *y,
                                  size_t n, double *out);
bool casusi_similarity_plain_kappa(const uint8_t *x, const uint8_t *y,
                                   size_t n, double *out);

/* ---- valuations from ATOP flags -------------------------------------- */

/* How ATOP provisions map to the 0..3 valuation (docs/similarity.md). */
typedef enum casusi_sim_scheme {
    /* The brief's and Bueno de Mesquita's ordering of the COW alliance
     * types: defense (or offense) 3; neutrality or non-aggression 2;
     * consultation (entente) 1; none 0. The default. */
    CASUSI_SIM_SCHEME_COW,
    /* Chiba, Johnson & Leeds (2015) and ATOP's S-score release notes
     * (2022): defense or offense 3; neutrality or consultation 2;
     * non-aggression only 1; none 0. */
    CASUSI_SIM_SCHEME_CJL
} casusi_sim_scheme;

/* The valuation of a dyad from the ATOP flag bits of both directions
 * (CASUSI_ATOP_DEFENSE ... CASUSI_ATOP_CONSUL in atop.h; other bits, the
 * alliance and NA bits included, are ignored): the highest provision
 * either side owes the other. An allied dyad where neither side owes
 * anything is 0. For directed valuations pass 0 as `ba`. */
uint8_t casusi_similarity_value(uint8_t ab, uint8_t ba, casusi_sim_scheme s);

/* A directed flag lookup, as casusi_atop_flags_cb (atop.h). */
typedef uint8_t (*casusi_sim_flags_fn)(void *ud, int c1, int c2, int year);

/* Fills v (n*n, row-major) for `year` from flags(ud, codes[i], codes[k],
 * year) with casusi_similarity_value(), symmetric, diagonal 3. Calls flags
 * n*(n-1) times. */
void casusi_similarity_fill(uint8_t *v, const int *codes, size_t n, int year,
                            casusi_sim_flags_fn flags, void *ud,
                            casusi_sim_scheme scheme);

#endif
