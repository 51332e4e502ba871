/*
 * similarity.c -- alliance-portfolio similarity for every dyad of a year
 * (see similarity.h; definitions and sources in docs/similarity.md).
 *
 * The fast path turns each portfolio (a row of v) into bit planes of
 * W = ceil(n / 64) words:
 *   - thermometer planes T1 ⊇ T2 ⊇ T3, Tt = { k : v[i][k] >= t };
 *   - category planes E1, E2, E3, Ea = { k : v[i][k] == a }.
 * For a dyad (i, j) and Xt = Ti_t XOR Tj_t, |x_k - y_k| = X1 + X2 + X3 at
 * bit k, so the distance's two binary digits are b0 = X1^X2^X3 and
 * b1 = majority(X1, X2, X3). Then, with pc() a popcount:
 *   sum |d|   = pc(b0) + 2 pc(b1)                      (S)
 *   sum d^2   = pc(b0) + 4 pc(b1) + 4 pc(b0 & b1)       (kappa)
 *   n_ab      = pc(Ei_a & Ej_b), a, b in 1..3; the 0 row and column
 *               from the marginals                     (tau-b's 4x4 table)
 *   sum w|d|  = wpc(b0) + 2 wpc(b1)                     (weighted S)
 * where wpc(x) sums the weights of x's bits with one lookup per byte in a
 * table built once per year. Each is the per-dyad contingency table (or
 * the part of it a measure reads: its diagonals for S and kappa), so a
 * dyad costs O(W) word operations and the measures O(16) after that.
 */
#include "similarity.h"
#include "atop.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *casusi_sim_measure_name(casusi_sim_measure m)
{
    switch (m) {
    case CASUSI_SIM_S: return "s";
    case CASUSI_SIM_S_WEIGHTED: return "s_weighted";
    case CASUSI_SIM_TAUB: return "taub";
    case CASUSI_SIM_KAPPA: return "kappa";
    default: return "?";
    }
}

/* ---- input checks ------------------------------------------------------ */

static int check_input(const casusi_sim_input *in, casusi_sim_measure m,
                       const double *weights, casusi_sim_out_fn fn,
                       casus_error *err)
{
    if (!in || !fn) {
        casusi_seterr(err, CASUS_EINVAL, "similarity: expected an input and a callback");
        return CASUS_EINVAL;
    }
    if ((unsigned)m >= CASUSI_SIM__COUNT) {
        casusi_seterr(err, CASUS_EINVAL, "similarity: unknown measure %d", (int)m);
        return CASUS_EINVAL;
    }
    if (in->n > CASUSI_SIM_MAX_STATES) {
        casusi_seterr(err, CASUS_ELIMIT,
                      "similarity: year %d has %zu states, expected at most %d",
                      in->year, in->n, CASUSI_SIM_MAX_STATES);
        return CASUS_ELIMIT;
    }
    size_t n = in->n;
    if (n == 0)
        return CASUS_OK;
    if (!in->codes || !in->v) {
        casusi_seterr(err, CASUS_EINVAL, "similarity: year %d: expected codes and valuations",
                      in->year);
        return CASUS_EINVAL;
    }
    for (size_t i = 1; i < n; i++)
        if (in->codes[i] <= in->codes[i - 1]) {
            casusi_seterr(err, CASUS_EINVAL,
                          "similarity: year %d: expected strictly ascending codes, got %d after %d",
                          in->year, in->codes[i], in->codes[i - 1]);
            return CASUS_EINVAL;
        }
    for (size_t i = 0; i < n * n; i++)
        if (in->v[i] > CASUSI_SIM_VMAX) {
            casusi_seterr(err, CASUS_EINVAL,
                          "similarity: year %d: expected valuations 0..3, got %u for %d -> %d",
                          in->year, in->v[i], in->codes[i / n], in->codes[i % n]);
            return CASUS_EINVAL;
        }
    if (m == CASUSI_SIM_S_WEIGHTED) {
        if (!weights) {
            casusi_seterr(err, CASUS_EINVAL, "similarity: weighted S needs weights");
            return CASUS_EINVAL;
        }
        for (size_t k = 0; k < n; k++)
            if (!isfinite(weights[k]) || weights[k] < 0) {
                casusi_seterr(err, CASUS_EINVAL,
                              "similarity: year %d: expected a finite weight >= 0 for state %d, got %g",
                              in->year, in->codes[k], weights[k]);
                return CASUS_EINVAL;
            }
    }
    return CASUS_OK;
}

/* ---- the fast path ------------------------------------------------------ */

static inline int pc64(uint64_t x)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_popcountll(x);
#else
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (int)((x * 0x0101010101010101ull) >> 56);
#endif
}

/* Planes per row: T1 T2 T3 E1 E2 E3, each W words. */
enum { P_T1, P_T2, P_T3, P_E1, P_E2, P_E3, P_COUNT };

typedef struct simyear {
    size_t n, W;
    uint64_t *planes;      /* n * P_COUNT * W words */
    int64_t (*cnt)[4];     /* per row: how many ties of value 0..3 */
    int64_t *s, *ss;       /* per row: sum of ties, of squared ties */
    double *wtab;          /* weighted S: nbytes * 256 byte sums */
    size_t nbytes;
} simyear;

static const uint64_t *plane(const simyear *y, size_t i, int p)
{
    return y->planes + (i * P_COUNT + (size_t)p) * y->W;
}

static void simyear_free(simyear *y)
{
    free(y->planes);
    free(y->cnt);
    free(y->s);
    free(y->ss);
    free(y->wtab);
}

static int simyear_build(simyear *y, const casusi_sim_input *in,
                         const double *weights, bool weighted, casus_error *err)
{
    size_t n = in->n, W = (n + 63) / 64;
    memset(y, 0, sizeof *y);
    y->n = n;
    y->W = W;
    y->planes = calloc(n * P_COUNT * W, sizeof *y->planes);
    y->cnt = calloc(n, sizeof *y->cnt);
    y->s = calloc(n, sizeof *y->s);
    y->ss = calloc(n, sizeof *y->ss);
    if (weighted) {
        y->nbytes = (n + 7) / 8;
        y->wtab = malloc(y->nbytes * 256 * sizeof *y->wtab);
    }
    if (!y->planes || !y->cnt || !y->s || !y->ss || (weighted && !y->wtab)) {
        simyear_free(y);
        casusi_seterr(err, CASUS_ENOMEM, "out of memory computing similarity for %d",
                      in->year);
        return CASUS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t *pl = y->planes + i * P_COUNT * W;
        const uint8_t *row = in->v + i * n;
        for (size_t k = 0; k < n; k++) {
            unsigned x = row[k];
            uint64_t bit = 1ull << (k & 63);
            size_t w = k >> 6;
            y->cnt[i][x]++;
            y->s[i] += x;
            y->ss[i] += x * x;
            if (x >= 1)
                pl[P_T1 * W + w] |= bit;
            if (x >= 2)
                pl[P_T2 * W + w] |= bit;
            if (x >= 3)
                pl[P_T3 * W + w] |= bit;
            if (x)
                pl[(P_E1 + x - 1) * W + w] |= bit;
        }
    }
    if (weighted) {
        /* wtab[p*256 + b]: the weights of the states whose bits are set in
         * byte b at byte position p (states 8p .. 8p+7) */
        for (size_t p = 0; p < y->nbytes; p++) {
            double *t = y->wtab + p * 256;
            t[0] = 0;
            for (unsigned b = 1; b < 256; b++) {
                unsigned low = 0;
                while (!(b >> low & 1))
                    low++;
                size_t k = p * 8 + low;
                t[b] = t[b & (b - 1)] + (k < n ? weights[k] : 0);
            }
        }
    }
    return CASUS_OK;
}

/* The distance digits of dyad (i, j) into b0 and b1 (W words each). */
static inline void dist_digits(const simyear *y, size_t i, size_t j,
                               uint64_t *b0, uint64_t *b1)
{
    const uint64_t *ti = plane(y, i, P_T1), *tj = plane(y, j, P_T1);
    size_t W = y->W;
    for (size_t w = 0; w < W; w++) {
        uint64_t x1 = ti[w] ^ tj[w];
        uint64_t x2 = ti[W + w] ^ tj[W + w];
        uint64_t x3 = ti[2 * W + w] ^ tj[2 * W + w];
        b0[w] = x1 ^ x2 ^ x3;
        b1[w] = (x1 & x2) | (x3 & (x1 | x2));
    }
}

/* Sum of |d| and of d^2 over k for dyad (i, j). */
static inline void dist_sums(const simyear *y, size_t i, size_t j,
                             int64_t *sad, int64_t *ssd)
{
    const uint64_t *ti = plane(y, i, P_T1), *tj = plane(y, j, P_T1);
    size_t W = y->W;
    int64_t c0 = 0, c1 = 0, c01 = 0;
    for (size_t w = 0; w < W; w++) {
        uint64_t x1 = ti[w] ^ tj[w];
        uint64_t x2 = ti[W + w] ^ tj[W + w];
        uint64_t x3 = ti[2 * W + w] ^ tj[2 * W + w];
        uint64_t b0 = x1 ^ x2 ^ x3;
        uint64_t b1 = (x1 & x2) | (x3 & (x1 | x2));
        c0 += pc64(b0);
        c1 += pc64(b1);
        c01 += pc64(b0 & b1);
    }
    *sad = c0 + 2 * c1;
    if (ssd)
        *ssd = c0 + 4 * c1 + 4 * c01;
}

/* Pairs k < l of a portfolio that are not tied: n0 - sum_a C(cnt[a], 2). */
static int64_t untied_pairs(const int64_t cnt[4], int64_t n)
{
    int64_t t = n * (n - 1) / 2;
    for (int a = 0; a < 4; a++)
        t -= cnt[a] * (cnt[a] - 1) / 2;
    return t;
}

/* tau-b from the 4x4 table t[a][b] of a dyad and its two untied-pair
 * counts: (C - D) / sqrt(px * py), C and D in O(16) with suffix sums. */
static bool taub_of_table(int64_t t[4][4], int64_t px, int64_t py,
                          double *out)
{
    if (px == 0 || py == 0) {
        *out = NAN;
        return false;
    }
    /* q[a][b] = sum of t[a'][b'] for a' >= a, b' >= b (q[4][*] = q[*][4] = 0) */
    int64_t q[5][5];
    memset(q, 0, sizeof q);
    for (int a = 3; a >= 0; a--)
        for (int b = 3; b >= 0; b--)
            q[a][b] = t[a][b] + q[a + 1][b] + q[a][b + 1] - q[a + 1][b + 1];
    int64_t cd = 0; /* concordant minus discordant pairs */
    for (int a = 0; a < 3; a++)
        for (int b = 0; b < 4; b++)
            cd += t[a][b] * (q[a + 1][b + 1] - q[a + 1][0] + q[a + 1][b]);
    *out = (double)cd / sqrt((double)px * (double)py);
    return true;
}

/* Dyad (i, j)'s 4x4 contingency table: t[a][b] = #{k : v_ik = a, v_jk = b}. */
static inline void dyad_table(const simyear *y, size_t i, size_t j,
                              int64_t t[4][4])
{
    size_t W = y->W;
    const uint64_t *ei = plane(y, i, P_E1), *ej = plane(y, j, P_E1);
    for (int a = 1; a <= 3; a++)
        for (int b = 1; b <= 3; b++) {
            const uint64_t *pa = ei + (size_t)(a - 1) * W;
            const uint64_t *pb = ej + (size_t)(b - 1) * W;
            int64_t c = 0;
            for (size_t w = 0; w < W; w++)
                c += pc64(pa[w] & pb[w]);
            t[a][b] = c;
        }
    for (int a = 1; a <= 3; a++) {
        t[a][0] = y->cnt[i][a] - t[a][1] - t[a][2] - t[a][3];
        t[0][a] = y->cnt[j][a] - t[1][a] - t[2][a] - t[3][a];
    }
    t[0][0] = y->cnt[i][0] - t[0][1] - t[0][2] - t[0][3];
}

static int run_fast(const casusi_sim_input *in, casusi_sim_measure m,
                    const double *weights, casusi_sim_out_fn fn, void *ud,
                    casus_error *err)
{
    size_t n = in->n;
    if (n < 2)
        return CASUS_OK;
    simyear y;
    bool weighted = m == CASUSI_SIM_S_WEIGHTED;
    int rc = simyear_build(&y, in, weights, weighted, err);
    if (rc)
        return rc;
    double totw = 0;
    uint64_t *b0 = NULL, *b1 = NULL;
    if (weighted) {
        for (size_t k = 0; k < n; k++)
            totw += weights[k];
        b0 = malloc(2 * y.W * sizeof *b0);
        if (!b0) {
            simyear_free(&y);
            casusi_seterr(err, CASUS_ENOMEM, "out of memory computing similarity for %d",
                          in->year);
            return CASUS_ENOMEM;
        }
        b1 = b0 + y.W;
    }
    const double nn = (double)n;
    const int64_t n64 = (int64_t)n;
    rc = CASUS_OK;
    for (size_t i = 0; i + 1 < n && !rc; i++) {
        for (size_t j = i + 1; j < n; j++) {
            double val = NAN;
            bool ok = true;
            switch (m) {
            case CASUSI_SIM_S: {
                int64_t sad;
                dist_sums(&y, i, j, &sad, NULL);
                val = 1.0 - 2.0 * (double)sad / (3.0 * nn);
                break;
            }
            case CASUSI_SIM_S_WEIGHTED: {
                if (totw <= 0) {
                    ok = false;
                    break;
                }
                dist_digits(&y, i, j, b0, b1);
                double s0 = 0, s1 = 0;
                const double *t = y.wtab;
                for (size_t w = 0; w < y.W; w++) {
                    uint64_t x0 = b0[w], x1 = b1[w];
                    size_t pmax = y.nbytes - w * 8 < 8 ? y.nbytes - w * 8 : 8;
                    for (size_t p = 0; p < pmax; p++, t += 256) {
                        s0 += t[x0 & 255];
                        s1 += t[x1 & 255];
                        x0 >>= 8;
                        x1 >>= 8;
                    }
                }
                val = 1.0 - 2.0 * (s0 + 2.0 * s1) / (3.0 * totw);
                break;
            }
            case CASUSI_SIM_KAPPA: {
                int64_t sad, ssd;
                dist_sums(&y, i, j, &sad, &ssd);
                /* n*D_e = n*ss_i + n*ss_j - 2*s_i*s_j (exact integers) */
                int64_t de = n64 * y.ss[i] + n64 * y.ss[j] - 2 * y.s[i] * y.s[j];
                if (de == 0) {
                    ok = false;
                    break;
                }
                val = 1.0 - (double)(n64 * ssd) / (double)de;
                break;
            }
            case CASUSI_SIM_TAUB: {
                int64_t t[4][4];
                dyad_table(&y, i, j, t);
                ok = taub_of_table(t, untied_pairs(y.cnt[i], n64),
                                   untied_pairs(y.cnt[j], n64), &val);
                break;
            }
            default:
                break;
            }
            if (!ok)
                val = NAN;
            int r = fn(ud, in->codes[i], in->codes[j], in->year, val, !ok);
            if (r) {
                rc = r;
                break;
            }
        }
    }
    free(b0);
    simyear_free(&y);
    return rc;
}

int casusi_similarity_year(const casusi_sim_input *in, casusi_sim_measure m,
                           const double *weights, casusi_sim_out_fn fn,
                           void *ud, casus_error *err)
{
    int rc = check_input(in, m, weights, fn, err);
    if (rc)
        return rc;
    return run_fast(in, m, weights, fn, ud, err);
}

/* ---- the plain path: textbook formulas --------------------------------- */

bool casusi_similarity_plain_s(const uint8_t *x, const uint8_t *y, size_t n,
                               const double *w, double *out)
{
    /* S = 1 - 2 * sum_k w_k |x_k - y_k| / (sum_k w_k * d_max), d_max = 3 */
    double num = 0, den = 0;
    for (size_t k = 0; k < n; k++) {
        double wk = w ? w[k] : 1.0;
        int d = (int)x[k] - (int)y[k];
        num += wk * (d < 0 ? -d : d);
        den += wk * CASUSI_SIM_VMAX;
    }
    if (!(den > 0)) {
        *out = NAN;
        return false;
    }
    *out = 1.0 - 2.0 * num / den;
    return true;
}

bool casusi_similarity_plain_taub(const uint8_t *x, const uint8_t *y,
                                  size_t n, double *out)
{
    /* every pair k < l: concordant, discordant, or tied */
    int64_t conc = 0, disc = 0, tie_x_only = 0, tie_y_only = 0;
    for (size_t k = 0; k < n; k++)
        for (size_t l = k + 1; l < n; l++) {
            int dx = (int)x[k] - (int)x[l], dy = (int)y[k] - (int)y[l];
            if (dx == 0 && dy == 0)
                continue;             /* tied on both: in neither term */
            if (dx == 0)
                tie_x_only++;
            else if (dy == 0)
                tie_y_only++;
            else if ((dx > 0) == (dy > 0))
                conc++;
            else
                disc++;
        }
    /* tau-b = (C - D) / sqrt((n0 - n1)(n0 - n2)); pairs not tied on x are
     * C + D + the pairs tied on y only, and likewise for y */
    int64_t px = conc + disc + tie_y_only, py = conc + disc + tie_x_only;
    if (px == 0 || py == 0) {
        *out = NAN;
        return false;
    }
    *out = (double)(conc - disc) / sqrt((double)px * (double)py);
    return true;
}

bool casusi_similarity_plain_kappa(const uint8_t *x, const uint8_t *y,
                                   size_t n, double *out)
{
    /* explicit frequency tables: p[a][b] observed, r/c the marginals */
    double f[4][4] = {{0}}, r[4] = {0}, c[4] = {0};
    for (size_t k = 0; k < n; k++) {
        f[x[k]][y[k]] += 1;
        r[x[k]] += 1;
        c[y[k]] += 1;
    }
    /* kappa = 1 - sum_ab w_ab p_ab / sum_ab w_ab p_a. p_.b, w_ab = (a-b)^2 */
    double obs = 0, exp_ = 0, nn = (double)n;
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 4; b++) {
            double wab = (double)((a - b) * (a - b));
            obs += wab * f[a][b] / nn;
            exp_ += wab * (r[a] / nn) * (c[b] / nn);
        }
    if (n == 0 || exp_ == 0) {
        *out = NAN;
        return false;
    }
    *out = 1.0 - obs / exp_;
    return true;
}

int casusi_similarity_plain_year(const casusi_sim_input *in,
                                 casusi_sim_measure m, const double *weights,
                                 casusi_sim_out_fn fn, void *ud,
                                 casus_error *err)
{
    int rc = check_input(in, m, weights, fn, err);
    if (rc)
        return rc;
    size_t n = in->n;
    for (size_t i = 0; i + 1 < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            const uint8_t *x = in->v + i * n, *y = in->v + j * n;
            double val;
            bool ok;
            switch (m) {
            case CASUSI_SIM_S: ok = casusi_similarity_plain_s(x, y, n, NULL, &val); break;
            case CASUSI_SIM_S_WEIGHTED: ok = casusi_similarity_plain_s(x, y, n, weights, &val); break;
            case CASUSI_SIM_TAUB: ok = casusi_similarity_plain_taub(x, y, n, &val); break;
            default: ok = casusi_similarity_plain_kappa(x, y, n, &val); break;
            }
            int r = fn(ud, in->codes[i], in->codes[j], in->year, val, !ok);
            if (r)
                return r;
        }
    return CASUS_OK;
}

/* ---- valuations from ATOP flags ---------------------------------------- */

uint8_t casusi_similarity_value(uint8_t ab, uint8_t ba, casusi_sim_scheme s)
{
    unsigned f = (unsigned)(ab | ba);
    if (f & (CASUSI_ATOP_DEFENSE | CASUSI_ATOP_OFFENSE))
        return 3;
    if (s == CASUSI_SIM_SCHEME_CJL) {
        if (f & (CASUSI_ATOP_NEUTRAL | CASUSI_ATOP_CONSUL))
            return 2;
        if (f & CASUSI_ATOP_NONAGG)
            return 1;
        return 0;
    }
    if (f & (CASUSI_ATOP_NEUTRAL | CASUSI_ATOP_NONAGG))
        return 2;
    if (f & CASUSI_ATOP_CONSUL)
        return 1;
    return 0;
}

void casusi_similarity_fill(uint8_t *v, const int *codes, size_t n, int year,
                            casusi_sim_flags_fn flags, void *ud,
                            casusi_sim_scheme scheme)
{
    for (size_t i = 0; i < n; i++) {
        v[i * n + i] = CASUSI_SIM_VMAX;
        for (size_t k = i + 1; k < n; k++) {
            uint8_t ab = flags(ud, codes[i], codes[k], year);
            uint8_t ba = flags(ud, codes[k], codes[i], year);
            uint8_t x = casusi_similarity_value(ab, ba, scheme);
            v[i * n + k] = x;
            v[k * n + i] = x;
        }
    }
}
