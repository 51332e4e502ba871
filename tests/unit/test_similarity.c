/* test_similarity.c -- similarity.c and nmc.c: hand-computed S, weighted
 * S, tau-b and kappa for small systems (the arithmetic is in the comments),
 * the degenerate cases, the fast path against the plain one on whole
 * synthetic years, the ATOP valuation schemes, and the NMC reader with
 * every error's file, line and column (plus the real NMC v6.0 file from
 * ../shared, skipped when absent). */
#include "atop.h"
#include "nmc.h"
#include "similarity.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

#define SIM_MAXOUT 20000

/* Every dyad a run produced. */
typedef struct sim_out {
    size_t n;
    int c1[SIM_MAXOUT], c2[SIM_MAXOUT], year[SIM_MAXOUT];
    double val[SIM_MAXOUT];
    bool na[SIM_MAXOUT];
    int stop_after;        /* > 0: return 7 from the call with this count */
} sim_out;

static int sim_collect(void *ud, int c1, int c2, int year, double value,
                       bool na)
{
    sim_out *o = ud;
    if (o->n < SIM_MAXOUT) {
        o->c1[o->n] = c1;
        o->c2[o->n] = c2;
        o->year[o->n] = year;
        o->val[o->n] = value;
        o->na[o->n] = na;
    }
    o->n++;
    if (o->stop_after > 0 && (int)o->n == o->stop_after)
        return 7;
    return 0;
}

/* Runs measure m (fast path) into a fresh *o; asserts CASUS_OK. */
static void sim_run(const casusi_sim_input *in, casusi_sim_measure m,
                    const double *w, sim_out *o)
{
    casus_error e;
    memset(o, 0, sizeof *o);
    int rc = casusi_similarity_year(in, m, w, sim_collect, o, &e);
    if (rc)
        print_error("%s\n", e.msg);
    assert_int_equal(rc, CASUS_OK);
}

/* Asserts dyad k of o is (c1, c2) with value `want` to 1e-15. */
static void sim_expect(const sim_out *o, size_t k, int c1, int c2, double want)
{
    assert_true(k < o->n);
    assert_int_equal(o->c1[k], c1);
    assert_int_equal(o->c2[k], c2);
    assert_false(o->na[k]);
    if (fabs(o->val[k] - want) > 1e-15) {
        print_error("dyad %d-%d: got %.17g, want %.17g\n", c1, c2, o->val[k], want);
        fail();
    }
}

static void sim_expect_na(const sim_out *o, size_t k, int c1, int c2)
{
    assert_true(k < o->n);
    assert_int_equal(o->c1[k], c1);
    assert_int_equal(o->c2[k], c2);
    assert_true(o->na[k]);
    assert_true(isnan(o->val[k]));
}

/* PCG32 (O'Neill 2014, XSH-RR), seeded, for synthetic years. */
typedef struct sim_pcg {
    uint64_t state, inc;
} sim_pcg;

static uint32_t sim_pcg_next(sim_pcg *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ull + r->inc;
    uint32_t xs = (uint32_t)(((old >> 18) ^ old) >> 27);
    uint32_t rot = (uint32_t)(old >> 59);
    return (xs >> rot) | (xs << ((-rot) & 31));
}

static void sim_pcg_seed(sim_pcg *r, uint64_t seed, uint64_t seq)
{
    r->state = 0;
    r->inc = (seq << 1) | 1;
    sim_pcg_next(r);
    r->state += seed;
    sim_pcg_next(r);
}

/* ---- hand-computed cases ------------------------------------------------- */

/* Three states, codes 2, 20, 200 (rows are portfolios, diagonal 3):
 *            2  20  200
 *      2  [  3   3    0 ]    x = (3,3,0)
 *     20  [  3   3    1 ]    y = (3,3,1)
 *    200  [  0   1    3 ]    z = (0,1,3)
 * n = 3, d_max = 3. */
static const int sim3_codes[3] = {2, 20, 200};
static const uint8_t sim3_v[9] = {3, 3, 0,
                                  3, 3, 1,
                                  0, 1, 3};

static void sim_hand_s(void **st)
{
    (void)st;
    casusi_sim_input in = {1900, 3, sim3_codes, sim3_v};
    sim_out *o = test_malloc(sizeof *o);
    sim_run(&in, CASUSI_SIM_S, NULL, o);
    assert_int_equal(o->n, 3);
    assert_int_equal(o->year[0], 1900);
    /* (2,20):   |d| = (0,0,1), sum 1:  S = 1 - 2*1/(3*3) = 7/9 */
    sim_expect(o, 0, 2, 20, 7.0 / 9.0);
    /* (2,200):  |d| = (3,2,3), sum 8:  S = 1 - 16/9 = -7/9 */
    sim_expect(o, 1, 2, 200, -7.0 / 9.0);
    /* (20,200): |d| = (3,2,2), sum 7:  S = 1 - 14/9 = -5/9 */
    sim_expect(o, 2, 20, 200, -5.0 / 9.0);
    test_free(o);
}

static void sim_hand_s_weighted(void **st)
{
    (void)st;
    casusi_sim_input in = {1900, 3, sim3_codes, sim3_v};
    sim_out *o = test_malloc(sizeof *o);
    /* w = (0.5, 0.3, 0.2), sum 1:
     * (2,20):   sum w|d| = 0.2*1 = 0.2            S = 1 - 2*0.2/3 = 13/15
     * (2,200):  0.5*3 + 0.3*2 + 0.2*3 = 2.7        S = 1 - 5.4/3 = -0.8
     * (20,200): 0.5*3 + 0.3*2 + 0.2*2 = 2.5        S = 1 - 5/3 = -2/3 */
    const double w[3] = {0.5, 0.3, 0.2};
    sim_run(&in, CASUSI_SIM_S_WEIGHTED, w, o);
    assert_int_equal(o->n, 3);
    sim_expect(o, 0, 2, 20, 13.0 / 15.0);
    sim_expect(o, 1, 2, 200, -0.8);
    sim_expect(o, 2, 20, 200, -2.0 / 3.0);
    /* S is a ratio of weighted sums: any positive factor cancels (CINC
     * years summing to 1.07 need no renormalising) */
    const double w2[3] = {5.0, 3.0, 2.0};
    sim_run(&in, CASUSI_SIM_S_WEIGHTED, w2, o);
    sim_expect(o, 0, 2, 20, 13.0 / 15.0);
    sim_expect(o, 1, 2, 200, -0.8);
    /* equal weights are unweighted S */
    const double w3[3] = {1, 1, 1};
    sim_run(&in, CASUSI_SIM_S_WEIGHTED, w3, o);
    sim_expect(o, 2, 20, 200, -5.0 / 9.0);
    /* a state without capability data weighs 0: w = (0.5, 0.5, 0):
     * (2,20): 0 -> S = 1; (2,200): 1.5 + 1 = 2.5 -> 1 - 5/3 = -2/3 */
    const double w4[3] = {0.5, 0.5, 0};
    sim_run(&in, CASUSI_SIM_S_WEIGHTED, w4, o);
    sim_expect(o, 0, 2, 20, 1.0);
    sim_expect(o, 1, 2, 200, -2.0 / 3.0);
    /* no weights at all (a year without NMC data): NA for every dyad */
    const double w0[3] = {0, 0, 0};
    sim_run(&in, CASUSI_SIM_S_WEIGHTED, w0, o);
    assert_int_equal(o->n, 3);
    sim_expect_na(o, 0, 2, 20);
    sim_expect_na(o, 2, 20, 200);
    test_free(o);
}

static void sim_hand_taub(void **st)
{
    (void)st;
    casusi_sim_input in = {1900, 3, sim3_codes, sim3_v};
    sim_out *o = test_malloc(sizeof *o);
    sim_run(&in, CASUSI_SIM_TAUB, NULL, o);
    /* (2,20): x = (3,3,0), y = (3,3,1). Pairs (k,l):
     *   (1,2) tied on both; (1,3) dx=3, dy=2 concordant; (2,3) the same.
     *   C = 2, D = 0; pairs not tied on x: 2, on y: 2.
     *   tau-b = 2 / sqrt(2*2) = 1 */
    sim_expect(o, 0, 2, 20, 1.0);
    /* (2,200): x = (3,3,0), z = (0,1,3).
     *   (1,2) tied on x only; (1,3) dx=3, dz=-3 discordant; (2,3) dx=3,
     *   dz=-2 discordant. C = 0, D = 2; untied on x: 2, on z: 3.
     *   tau-b = -2 / sqrt(6) */
    sim_expect(o, 1, 2, 200, -2.0 / sqrt(6.0));
    /* (20,200): y = (3,3,1), z = (0,1,3): the same pattern, -2/sqrt(6) */
    sim_expect(o, 2, 20, 200, -2.0 / sqrt(6.0));
    test_free(o);
}

static void sim_hand_kappa(void **st)
{
    (void)st;
    casusi_sim_input in = {1900, 3, sim3_codes, sim3_v};
    sim_out *o = test_malloc(sizeof *o);
    sim_run(&in, CASUSI_SIM_KAPPA, NULL, o);
    /* kappa = 1 - D_o / D_e, D_o = sum (x-y)^2 / n,
     * D_e = (1/n^2) sum_ab r_a c_b (a-b)^2 (own marginals).
     * (2,20): x = (3,3,0), y = (3,3,1): D_o = 1/3.
     *   r_3 = 2, r_0 = 1; c_3 = 2, c_1 = 1:
     *   sum r c (a-b)^2 = 2*2*0 + 2*1*4 + 1*2*9 + 1*1*1 = 27, D_e = 27/9 = 3
     *   kappa = 1 - (1/3)/3 = 8/9 */
    sim_expect(o, 0, 2, 20, 8.0 / 9.0);
    /* (2,200): x = (3,3,0), z = (0,1,3): sum d^2 = 9+4+9 = 22, D_o = 22/3.
     *   c_0 = c_1 = c_3 = 1: sum r c (a-b)^2 = 2*(9+4+0) + 1*(0+1+9) = 36,
     *   D_e = 4;  kappa = 1 - (22/3)/4 = -5/6 */
    sim_expect(o, 1, 2, 200, -5.0 / 6.0);
    /* (20,200): y = (3,3,1), z = (0,1,3): sum d^2 = 9+4+4 = 17.
     *   sum r c (a-b)^2 = 2*(9+4+0) + 1*(1+0+4) = 31, D_e = 31/9;
     *   kappa = 1 - (17/3)/(31/9) = 1 - 51/31 = -20/31 */
    sim_expect(o, 2, 20, 200, -20.0 / 31.0);
    test_free(o);
}

/* The plain functions on the same vectors (the textbook path). */
static void sim_hand_plain(void **st)
{
    (void)st;
    const uint8_t x[3] = {3, 3, 0}, z[3] = {0, 1, 3};
    double v;
    assert_true(casusi_similarity_plain_s(x, z, 3, NULL, &v));
    assert_true(fabs(v - -7.0 / 9.0) < 1e-15);
    assert_true(casusi_similarity_plain_taub(x, z, 3, &v));
    assert_true(fabs(v - -2.0 / sqrt(6.0)) < 1e-15);
    assert_true(casusi_similarity_plain_kappa(x, z, 3, &v));
    assert_true(fabs(v - -5.0 / 6.0) < 1e-15);
}

static void sim_degenerate(void **st)
{
    (void)st;
    sim_out *o = test_malloc(sizeof *o);
    /* Two states in a defense pact: both portfolios (3,3), constant and
     * equal. S = 1; tau-b has no untied pair (0/0) -> NA; kappa: D_o = 0
     * and D_e = 0 (all mass on 3 for both) -> NA. */
    const int c2[2] = {2, 200};
    const uint8_t both[4] = {3, 3, 3, 3};
    casusi_sim_input in = {1950, 2, c2, both};
    sim_run(&in, CASUSI_SIM_S, NULL, o);
    sim_expect(o, 0, 2, 200, 1.0);
    sim_run(&in, CASUSI_SIM_TAUB, NULL, o);
    sim_expect_na(o, 0, 2, 200);
    sim_run(&in, CASUSI_SIM_KAPPA, NULL, o);
    sim_expect_na(o, 0, 2, 200);

    /* Two unallied states: x = (3,0), y = (0,3). S = 1 - 2*6/6 = -1;
     * tau-b: one pair, discordant, untied on both: -1/sqrt(1*1) = -1;
     * kappa: sum d^2 = 18, D_o = 9; r_3 = r_0 = c_3 = c_0 = 1:
     * D_e = (9 + 9)/4 = 4.5; kappa = 1 - 9/4.5 = -1. */
    const uint8_t apart[4] = {3, 0, 0, 3};
    in.v = apart;
    sim_run(&in, CASUSI_SIM_S, NULL, o);
    sim_expect(o, 0, 2, 200, -1.0);
    sim_run(&in, CASUSI_SIM_TAUB, NULL, o);
    sim_expect(o, 0, 2, 200, -1.0);
    sim_run(&in, CASUSI_SIM_KAPPA, NULL, o);
    sim_expect(o, 0, 2, 200, -1.0);

    /* One constant portfolio: A (code 2) in a defense pact with B and C,
     * which are not allied with each other:
     *   A = (3,3,3), B = (3,3,0), C = (3,0,3).
     * (A,B): S = 1 - 2*3/9 = 1/3; tau-b NA (A has no untied pair);
     *   kappa: sum d^2 = 9, D_o = 3; r_3 = 3, c_3 = 2, c_0 = 1:
     *   D_e = (3*2*0 + 3*1*9)/9 = 3; kappa = 1 - 3/3 = 0 (defined: with
     *   own marginals a constant rater agrees exactly at chance level).
     * (B,C): d = (0,3,3): S = 1 - 12/9 = -1/3;
     *   tau-b: (1,2) tied on B only, (1,3) tied on C only, (2,3) dB=3,
     *   dC=-3 discordant: -1/sqrt(2*2) = -1/2;
     *   kappa: sum d^2 = 18, D_o = 6; r_3 = 2, r_0 = 1, c the same:
     *   D_e = (2*1*9 + 1*2*9)/9 = 4; kappa = 1 - 6/4 = -1/2. */
    const int c3[3] = {2, 20, 200};
    const uint8_t hub[9] = {3, 3, 3,
                            3, 3, 0,
                            3, 0, 3};
    casusi_sim_input h = {1950, 3, c3, hub};
    sim_run(&h, CASUSI_SIM_S, NULL, o);
    sim_expect(o, 0, 2, 20, 1.0 / 3.0);
    sim_expect(o, 2, 20, 200, -1.0 / 3.0);
    sim_run(&h, CASUSI_SIM_TAUB, NULL, o);
    sim_expect_na(o, 0, 2, 20);
    sim_expect_na(o, 1, 2, 200);
    sim_expect(o, 2, 20, 200, -0.5);
    sim_run(&h, CASUSI_SIM_KAPPA, NULL, o);
    sim_expect(o, 0, 2, 20, 0.0);
    sim_expect(o, 2, 20, 200, -0.5);

    /* no dyads: n = 0 and n = 1 */
    casusi_sim_input none = {1950, 0, NULL, NULL};
    for (int m = 0; m < CASUSI_SIM__COUNT; m++) {
        sim_run(&none, (casusi_sim_measure)m, NULL, o);
        assert_int_equal(o->n, 0);
    }
    const uint8_t one[1] = {3};
    casusi_sim_input single = {1950, 1, c2, one};
    sim_run(&single, CASUSI_SIM_TAUB, NULL, o);
    assert_int_equal(o->n, 0);
    test_free(o);
}

static void sim_errors(void **st)
{
    (void)st;
    sim_out *o = test_malloc(sizeof *o);
    memset(o, 0, sizeof *o);
    casus_error e;
    const int bad_codes[3] = {2, 200, 20};
    casusi_sim_input in = {1900, 3, bad_codes, sim3_v};
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_string_equal(e.msg,
                        "similarity: year 1900: expected strictly ascending codes, got 20 after 200");
    const int dup[3] = {2, 2, 20};
    in.codes = dup;
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    in.codes = sim3_codes;
    uint8_t v4[9];
    memcpy(v4, sim3_v, 9);
    v4[5] = 4;
    in.v = v4;
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_KAPPA, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_string_equal(e.msg, "similarity: year 1900: expected valuations 0..3, got 4 for 20 -> 200");
    assert_int_equal(casusi_similarity_plain_year(&in, CASUSI_SIM_KAPPA, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    in.v = sim3_v;
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S_WEIGHTED, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_string_equal(e.msg, "similarity: weighted S needs weights");
    const double wneg[3] = {0.5, -0.1, 0.2}, wnan[3] = {0.5, NAN, 0.2},
                 winf[3] = {INFINITY, 0, 0};
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S_WEIGHTED, wneg, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_string_equal(e.msg,
                        "similarity: year 1900: expected a finite weight >= 0 for state 20, got -0.1");
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S_WEIGHTED, wnan, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S_WEIGHTED, winf, sim_collect, o, &e),
                     CASUS_EINVAL);
    /* weights are not read for the other measures */
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S, wneg, sim_collect, o, &e), CASUS_OK);
    assert_int_equal(casusi_similarity_year(&in, (casusi_sim_measure)9, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    assert_int_equal(casusi_similarity_year(&in, CASUSI_SIM_S, NULL, NULL, o, &e), CASUS_EINVAL);
    assert_int_equal(casusi_similarity_year(NULL, CASUSI_SIM_S, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    casusi_sim_input big = {1900, CASUSI_SIM_MAX_STATES + 1, sim3_codes, sim3_v};
    assert_int_equal(casusi_similarity_year(&big, CASUSI_SIM_S, NULL, sim_collect, o, &e),
                     CASUS_ELIMIT);
    casusi_sim_input nov = {1900, 3, sim3_codes, NULL};
    assert_int_equal(casusi_similarity_year(&nov, CASUSI_SIM_S, NULL, sim_collect, o, &e),
                     CASUS_EINVAL);
    /* the callback stops the run: its value comes back, no more calls */
    for (int m = 0; m < CASUSI_SIM__COUNT; m++) {
        memset(o, 0, sizeof *o);
        o->stop_after = 2;
        const double w[3] = {1, 1, 1};
        assert_int_equal(casusi_similarity_year(&in, (casusi_sim_measure)m, w, sim_collect, o, &e), 7);
        assert_int_equal(o->n, 2);
        memset(o, 0, sizeof *o);
        o->stop_after = 2;
        assert_int_equal(casusi_similarity_plain_year(&in, (casusi_sim_measure)m, w, sim_collect, o, &e), 7);
        assert_int_equal(o->n, 2);
    }
    assert_string_equal(casusi_sim_measure_name(CASUSI_SIM_S_WEIGHTED), "s_weighted");
    assert_string_equal(casusi_sim_measure_name(CASUSI_SIM__COUNT), "?");
    test_free(o);
}

/* ---- fast path against the plain one on whole synthetic years ----------- */

/* Fills a symmetric n x n year (diagonal 3). kind 0: uniform 0..3; 1:
 * sparse like ATOP after 1945 (85% 0); 2: blocs (states in one of four
 * blocs, defense inside a bloc, with a few all-3 states so that constant
 * portfolios and tau-b NAs occur); 3: almost all 0. */
static void sim_make_year(sim_pcg *r, size_t n, int kind, uint8_t *v, double *w)
{
    for (size_t i = 0; i < n; i++) {
        v[i * n + i] = 3;
        for (size_t k = i + 1; k < n; k++) {
            uint32_t u = sim_pcg_next(r) % 100;
            uint8_t x;
            if (kind == 0)
                x = (uint8_t)(u % 4);
            else if (kind == 1)
                x = u < 85 ? 0 : u < 88 ? 1 : u < 92 ? 2 : 3;
            else if (kind == 2)
                x = (i % 4 == k % 4) ? 3 : (i < 3 || k < 3) ? 3 : (u < 10 ? (uint8_t)(u % 3) : 0);
            else
                x = u < 2 ? 1 : 0;
            v[i * n + k] = v[k * n + i] = x;
        }
    }
    for (size_t k = 0; k < n; k++) {
        uint32_t u = sim_pcg_next(r);
        w[k] = u % 5 == 0 ? 0 : (double)(u % 100000) / 100000.0; /* some 0 */
    }
}

static void sim_compare_year(const casusi_sim_input *in, const double *w,
                             sim_out *a, sim_out *b, double *maxdiff,
                             size_t *nas)
{
    casus_error e;
    for (int m = 0; m < CASUSI_SIM__COUNT; m++) {
        memset(a, 0, sizeof *a);
        memset(b, 0, sizeof *b);
        assert_int_equal(casusi_similarity_year(in, (casusi_sim_measure)m, w, sim_collect, a, &e),
                         CASUS_OK);
        assert_int_equal(casusi_similarity_plain_year(in, (casusi_sim_measure)m, w, sim_collect,
                                                      b, &e),
                         CASUS_OK);
        assert_int_equal(a->n, in->n * (in->n - 1) / 2);
        assert_int_equal(a->n, b->n);
        for (size_t k = 0; k < a->n && k < SIM_MAXOUT; k++) {
            assert_int_equal(a->c1[k], b->c1[k]);
            assert_int_equal(a->c2[k], b->c2[k]);
            assert_true(a->c1[k] < a->c2[k]);
            assert_int_equal(a->year[k], in->year);
            if (a->na[k] != b->na[k]) {
                print_error("%s %d-%d: na %d vs plain %d\n",
                            casusi_sim_measure_name((casusi_sim_measure)m), a->c1[k],
                            a->c2[k], a->na[k], b->na[k]);
                fail();
            }
            if (a->na[k]) {
                (*nas)++;
                continue;
            }
            double d = fabs(a->val[k] - b->val[k]);
            if (d > *maxdiff)
                *maxdiff = d;
            if (!(d <= 1e-12) || a->val[k] < -1 - 1e-12 || a->val[k] > 1 + 1e-12) {
                print_error("%s %d-%d: %.17g vs plain %.17g\n",
                            casusi_sim_measure_name((casusi_sim_measure)m), a->c1[k],
                            a->c2[k], a->val[k], b->val[k]);
                fail();
            }
        }
    }
}

static void sim_fast_vs_plain(void **st)
{
    (void)st;
    /* (states, kind): small systems of every kind, sizes around the
     * 64-bit word boundaries, and whole years of realistic size (150 and
     * 195 states). The plain tau-b is O(n^4) per year, so the big years
     * are few. */
    static const struct { size_t n; int kind; } cases[] = {
        {2, 0}, {2, 1}, {2, 2}, {2, 3}, {3, 0}, {3, 1}, {3, 2}, {3, 3},
        {5, 0}, {5, 1}, {5, 2}, {5, 3}, {8, 0}, {8, 1}, {8, 2}, {8, 3},
        {63, 0}, {64, 1}, {65, 2}, {127, 3}, {128, 0}, {129, 1},
        {150, 1}, {150, 2}, {195, 1},
    };
    size_t maxn = 195;
    uint8_t *v = test_malloc(maxn * maxn);
    double *w = test_malloc(maxn * sizeof *w);
    int *codes = test_malloc(maxn * sizeof *codes);
    sim_out *a = test_malloc(sizeof *a), *b = test_malloc(sizeof *b);
    for (size_t i = 0; i < maxn; i++)
        codes[i] = (int)(2 + 4 * i + (i % 3));
    sim_pcg r;
    sim_pcg_seed(&r, 0x5eed5eedu, 11u);
    double maxdiff = 0;
    size_t nas = 0;
    int years = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        sim_make_year(&r, cases[c].n, cases[c].kind, v, w);
        casusi_sim_input in = {1816 + years, cases[c].n, codes, v};
        sim_compare_year(&in, w, a, b, &maxdiff, &nas);
        years++;
    }
    printf("similarity: fast = plain on %d synthetic years, max |diff| %.3g, %zu NAs\n",
           years, maxdiff, nas);
    assert_true(nas > 0); /* the degenerate paths were compared too */
    test_free(v);
    test_free(w);
    test_free(codes);
    test_free(a);
    test_free(b);
}

/* ---- valuations from ATOP flags ------------------------------------------ */

static uint8_t sim_fake_flags(void *ud, int c1, int c2, int year)
{
    (void)ud;
    (void)year;
    /* 2 owes 20 defense; 200 owes 2 neutrality; 20 and 200 consult each
     * other; 2000 is in an alliance with 2 where nobody owes anything */
    if (c1 == 2 && c2 == 20) return CASUSI_ATOP_ALLIANCE | CASUSI_ATOP_DEFENSE;
    if (c1 == 20 && c2 == 2) return CASUSI_ATOP_ALLIANCE;
    if (c1 == 200 && c2 == 2) return CASUSI_ATOP_ALLIANCE | CASUSI_ATOP_NEUTRAL;
    if ((c1 == 20 && c2 == 200) || (c1 == 200 && c2 == 20))
        return CASUSI_ATOP_ALLIANCE | CASUSI_ATOP_CONSUL;
    if ((c1 == 2 && c2 == 2000) || (c1 == 2000 && c2 == 2))
        return CASUSI_ATOP_ALLIANCE;
    return 0;
}

static void sim_valuations(void **st)
{
    (void)st;
    /* COW ordering (the default): defense/offense 3, neutrality or
     * non-aggression 2, consultation 1, none 0; highest of both directions */
    casusi_sim_scheme cow = CASUSI_SIM_SCHEME_COW, cjl = CASUSI_SIM_SCHEME_CJL;
    assert_int_equal(casusi_similarity_value(0, 0, cow), 0);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_ALLIANCE, CASUSI_ATOP_ALLIANCE, cow), 0);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_DEFENSE, 0, cow), 3);
    assert_int_equal(casusi_similarity_value(0, CASUSI_ATOP_OFFENSE, cow), 3);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_NEUTRAL, 0, cow), 2);
    assert_int_equal(casusi_similarity_value(0, CASUSI_ATOP_NONAGG, cow), 2);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_CONSUL, 0, cow), 1);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_CONSUL, CASUSI_ATOP_NONAGG, cow), 2);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_CONSUL | CASUSI_ATOP_DEFENSE, 0, cow), 3);
    assert_int_equal(casusi_similarity_value(0x80, 0, cow), 0); /* NA bit ignored */
    /* Chiba, Johnson & Leeds: defense/offense 3, neutrality or
     * consultation 2, non-aggression only 1 */
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_OFFENSE, 0, cjl), 3);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_CONSUL, 0, cjl), 2);
    assert_int_equal(casusi_similarity_value(0, CASUSI_ATOP_NEUTRAL, cjl), 2);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_NONAGG, 0, cjl), 1);
    assert_int_equal(casusi_similarity_value(CASUSI_ATOP_NONAGG, CASUSI_ATOP_CONSUL, cjl), 2);
    assert_int_equal(casusi_similarity_value(0, 0, cjl), 0);

    const int codes[4] = {2, 20, 200, 2000};
    uint8_t v[16];
    memset(v, 9, sizeof v);
    casusi_similarity_fill(v, codes, 4, 1900, sim_fake_flags, NULL, cow);
    static const uint8_t want_cow[16] = {3, 3, 2, 0,
                                         3, 3, 1, 0,
                                         2, 1, 3, 0,
                                         0, 0, 0, 3};
    assert_memory_equal(v, want_cow, 16);
    casusi_similarity_fill(v, codes, 4, 1900, sim_fake_flags, NULL, cjl);
    static const uint8_t want_cjl[16] = {3, 3, 2, 0,
                                         3, 3, 2, 0,
                                         2, 2, 3, 0,
                                         0, 0, 0, 3};
    assert_memory_equal(v, want_cjl, 16);
}

/* ---- the NMC reader ------------------------------------------------------- */

#define SIM_NMC_HEAD "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\r\n"

static void nmc_mini(void **st)
{
    (void)st;
    const char *t = SIM_NMC_HEAD
        "USA,2,1816,3823,17,80,254,8659,101,0.039697491,2021\r\n"
        "UKG,200,1816,16942,255,325,7603,19520,1979,0.33535337,2021\r\n"
        "USA,2,1817,2466,15,80,277,8899,106,0.03581661,2021\r\n"
        "LUX,212,1817,-9,-9,0,-9,233.5,-9,3.2678875E-06,2021";   /* no final EOL */
    casusi_nmc *n = NULL;
    casus_error e;
    assert_int_equal(casusi_nmc_parse("n.csv", t, strlen(t), &n, &e), CASUS_OK);
    assert_non_null(n);
    assert_int_equal(n->nrows, 4);
    assert_int_equal(n->first_year, 1816);
    assert_int_equal(n->last_year, 1817);
    const casusi_nmc_row *r = casusi_nmc_find(n, 2, 1816);
    assert_non_null(r);
    assert_true(r->cinc == 0.039697491);   /* the correctly rounded double */
    assert_true(r->milex == 3823 && r->tpop == 8659 && r->upop == 101);
    assert_int_equal(r->line, 2);
    r = casusi_nmc_find(n, 212, 1817);
    assert_non_null(r);
    assert_true(r->cinc == 3.2678875e-06);
    assert_true(isnan(r->milex) && isnan(r->milper) && isnan(r->pec) && isnan(r->upop));
    assert_true(r->irst == 0 && r->tpop == 233.5);
    assert_int_equal(r->line, 5);
    assert_null(casusi_nmc_find(n, 212, 1816));
    assert_null(casusi_nmc_find(n, 2, 1815));
    assert_null(casusi_nmc_find(n, 2, 1818));
    assert_null(casusi_nmc_find(NULL, 2, 1816));
    /* rows are sorted by year, then code */
    assert_int_equal(n->rows[1].ccode, 200);
    assert_int_equal(n->rows[2].ccode, 2);
    /* weights: CINC, 0 for a state without a row that year */
    const int codes[3] = {2, 200, 212};
    double w[3];
    assert_int_equal(casusi_nmc_weights(n, 1816, codes, 3, w), 2);
    assert_true(w[0] == 0.039697491 && w[1] == 0.33535337 && w[2] == 0);
    assert_int_equal(casusi_nmc_weights(n, 1817, codes, 3, w), 2);
    assert_true(w[0] == 0.03581661 && w[1] == 0 && w[2] == 3.2678875e-06);
    assert_int_equal(casusi_nmc_weights(n, 2020, codes, 3, w), 0);
    assert_true(w[0] == 0 && w[1] == 0 && w[2] == 0);
    casusi_nmc_free(n);
    casusi_nmc_free(NULL);

    /* only the three required columns, in another order, LF; a missing
     * CINC (-9) weighs 0; numbers with signs, exponents, many digits */
    const char *m = "cinc,year,ccode\n-9,1900,2\n+0.5,1900,20\n1e-1,1900,200\n"
                    "0.12345678901234567890123,1901,2\n.25,1901,20\n";
    assert_int_equal(casusi_nmc_parse("m.csv", m, strlen(m), &n, &e), CASUS_OK);
    assert_int_equal(n->nrows, 5);
    assert_true(isnan(casusi_nmc_find(n, 2, 1900)->cinc));
    assert_true(isnan(casusi_nmc_find(n, 2, 1900)->tpop));
    assert_true(casusi_nmc_find(n, 20, 1900)->cinc == 0.5);
    assert_true(casusi_nmc_find(n, 200, 1900)->cinc == 0.1);
    /* 23 significant digits: beyond the exact fast path, read by strtod */
    assert_true(casusi_nmc_find(n, 2, 1901)->cinc == 0.12345678901234567890123);
    assert_true(casusi_nmc_find(n, 20, 1901)->cinc == 0.25);
    const int c2[2] = {2, 20};
    assert_int_equal(casusi_nmc_weights(n, 1900, c2, 2, w), 1);
    assert_true(w[0] == 0 && w[1] == 0.5);
    casusi_nmc_free(n);
}

/* Parses `text` and asserts the error: code, line, column and message. */
static void nmc_bad1(const char *text, int code, int line, int col, const char *msg)
{
    casusi_nmc *n = (casusi_nmc *)1;
    casus_error e;
    memset(&e, 0, sizeof e);
    int rc = casusi_nmc_parse("bad.csv", text, strlen(text), &n, &e);
    if (rc != code || e.line != line || e.column != col || strcmp(e.msg, msg) != 0) {
        print_error("%s:%d:%d: %s (code %d); wanted %d:%d: %s (code %d)\n", e.file, e.line,
                    e.column, e.msg, rc, line, col, msg, code);
        fail();
    }
    assert_null(n);
    assert_string_equal(e.file, "bad.csv");
}

static void nmc_bad(void **st)
{
    (void)st;
    nmc_bad1("", CASUS_EPARSE, 1, 1, "empty file: expected a header row");
    nmc_bad1(SIM_NMC_HEAD, CASUS_EPARSE, 2, 1, "expected at least one state-year row");
    nmc_bad1("stateabb,ccode,year\nUSA,2,1816\n", CASUS_EPARSE, 1, 1,
             "missing column 'cinc' in the header");
    nmc_bad1("ccode,cinc\n2,0.1\n", CASUS_EPARSE, 1, 1, "missing column 'year' in the header");
    /* line 3, column 5: the ccode field */
    nmc_bad1(SIM_NMC_HEAD "USA,2,1816,3823,17,80,254,8659,101,0.039697491,2021\r\n"
             "UKG,2x,1816,16942,255,325,7603,19520,1979,0.33535337,2021\r\n",
             CASUS_EPARSE, 3, 5, "expected an integer in column 'ccode', got '2x'");
    nmc_bad1(SIM_NMC_HEAD "UKG,0,1816,16942,255,325,7603,19520,1979,0.33535337,2021\r\n",
             CASUS_EPARSE, 2, 5, "expected a country code 1..999 in column 'ccode', got 0");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,816,16942,255,325,7603,19520,1979,0.33535337,2021\r\n",
             CASUS_EPARSE, 2, 9, "expected a year 1000..9999 in column 'year', got 816");
    /* cinc is column 10: "UKG,200,1816,16942,255,325,7603,19520,1979," is 43 bytes */
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,0.3x,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a number in column 'cinc', got '0.3x'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,1.5,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a share of at most 1 in column 'cinc'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,-0.5,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a value >= 0 or -9 (missing) in column 'cinc'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,1e999,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a finite number in column 'cinc'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,.,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a number in column 'cinc', got '.'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979,1e,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a number in column 'cinc', got '1e'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,255,325,7603,19520,1979, 0.3,2021\r\n",
             CASUS_EPARSE, 2, 44, "expected a number in column 'cinc', got ' 0.3'");
    /* a component: milper is column 5, after "UKG,200,1816,16942," (19 bytes) */
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,-1,325,7603,19520,1979,0.3,2021\r\n",
             CASUS_EPARSE, 2, 20, "expected a value >= 0 or -9 (missing) in column 'milper'");
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816,16942,NA,325,7603,19520,1979,0.3,2021\r\n",
             CASUS_EPARSE, 2, 20, "expected a number in column 'milper', got 'NA'");
    /* a short row: the CSV reader's error at the end of the line */
    nmc_bad1(SIM_NMC_HEAD "UKG,200,1816\r\n", CASUS_EPARSE, 2, 13,
             "expected 11 fields as in the header, got 3");
    /* one state-year twice: reported at the second row */
    nmc_bad1("ccode,year,cinc\n2,1816,0.1\n200,1816,0.3\n2,1817,0.1\n2,1816,0.2\n",
             CASUS_EPARSE, 5, 1,
             "expected one row per state-year, got a second row for state 2 in 1816 (first on line 2)");
    nmc_bad1("ccode,year,cinc\n2,1816,\"0.1\n", CASUS_EPARSE, 2, 8,
             "unterminated quoted field (no closing '\"')");

    casusi_nmc *n = (casusi_nmc *)1;
    casus_error e;
    assert_int_equal(casusi_nmc_load("/nonexistent/nmc.csv", &n, &e), CASUS_EIO);
    assert_null(n);
    assert_string_equal(e.file, "/nonexistent/nmc.csv");
}

#define SIM_SHARED_NMC "../shared/data/cow_nmc/NMC-60-abridged.csv"

static void nmc_real(void **st)
{
    (void)st;
    FILE *f = fopen(SIM_SHARED_NMC, "rb");
    if (!f) {
        printf("skip nmc_real: ../shared is absent\n");
        skip();
    }
    fclose(f);
    casusi_nmc *n = NULL;
    casus_error e;
    int rc = casusi_nmc_load(SIM_SHARED_NMC, &n, &e);
    if (rc)
        print_error("%s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
    assert_int_equal(rc, CASUS_OK);
    /* MANIFEST: 15,951 state-years, 1816-2016; USA 1816 tpop 8659, cinc
     * 0.039697491; milex missing (-9) in 2,217 rows, tpop never */
    assert_int_equal(n->nrows, 15951);
    assert_int_equal(n->first_year, 1816);
    assert_int_equal(n->last_year, 2016);
    const casusi_nmc_row *r = casusi_nmc_find(n, 2, 1816);
    assert_non_null(r);
    assert_true(r->cinc == 0.039697491 && r->tpop == 8659);
    size_t milex_na = 0, tpop_na = 0, cinc_na = 0;
    for (size_t i = 0; i < n->nrows; i++) {
        milex_na += isnan(n->rows[i].milex);
        tpop_na += isnan(n->rows[i].tpop);
        cinc_na += isnan(n->rows[i].cinc);
    }
    assert_int_equal(milex_na, 2217);
    assert_int_equal(tpop_na, 0);
    assert_int_equal(cinc_na, 0);
    /* 1900: UKG 0.17752758, RUS 0.10923852 (lines 3960, 8029) */
    const int codes[3] = {2, 200, 365};
    double w[3];
    assert_int_equal(casusi_nmc_weights(n, 1900, codes, 3, w), 3);
    assert_true(w[1] == 0.17752758 && w[2] == 0.10923852);
    assert_int_equal(casusi_nmc_weights(n, 2017, codes, 3, w), 0);
    casusi_nmc_free(n);
}

static const struct CMUnitTest similarity_tests[] = {
    cmocka_unit_test(sim_hand_s),
    cmocka_unit_test(sim_hand_s_weighted),
    cmocka_unit_test(sim_hand_taub),
    cmocka_unit_test(sim_hand_kappa),
    cmocka_unit_test(sim_hand_plain),
    cmocka_unit_test(sim_degenerate),
    cmocka_unit_test(sim_errors),
    cmocka_unit_test(sim_fast_vs_plain),
    cmocka_unit_test(sim_valuations),
    cmocka_unit_test(nmc_mini),
    cmocka_unit_test(nmc_bad),
    cmocka_unit_test(nmc_real),
};
