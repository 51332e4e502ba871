/*
 * dyads.c -- the dyad-year generator and its CSV / JSON-lines writer (see
 * dyads.h).
 *
 * Preparation gives every state two bitsets over the output years: the
 * years it is a member (any spell touches the year) and the years it is a
 * member only part of (not every day of the year covered). The years of a
 * pair are the AND of the member sets; only years in both partial sets can
 * hold a false dyad, and those few are checked day by day.
 *
 * The writer cuts the work into units, one per ccode1. Each thread takes
 * the next unit, formats its rows into its own fixed buffer (row pieces are
 * prebuilt strings copied with fixed-size memcpy) and hands the buffer to
 * the sink when it is the unit's turn, so output is in order and memory
 * does not grow with the number of rows.
 */
#include "dyads.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DY_BUF (1u << 20)   /* a writer thread's buffer */
#define DY_SLACK 256        /* room kept for one row + fixed-size copies */
#define DY_PRE 48           /* prebuilt row prefix, padded */
#define DY_TAIL 160         /* prebuilt row tail (flags), padded */

struct casusi_dyads {
    const casusi_statesys *sys;
    casusi_dyad_opts o;
    int first, last;          /* output years */
    size_t nwords;            /* 64-bit words per year bitset */
    size_t n;                 /* states (sys->ncodes) */
    uint64_t *member;         /* n * nwords: member some time in the year */
    uint64_t *partial;        /* n * nwords: member, but not all the year */
    int32_t *start, *end;     /* day-level spells, mry-extended, as sys */
};

static int32_t jan1(int y) { return casus_days_from_civil(y, 1, 1); }
static int32_t dec31(int y) { return casus_days_from_civil(y, 12, 31); }

static void bit_set(uint64_t *w, size_t k) { w[k >> 6] |= (uint64_t)1 << (k & 63); }

/* Is state i a member every day of year y? Spells are sorted by start. */
static bool full_year(const casusi_dyads *d, size_t i, int y)
{
    int32_t lo = jan1(y), hi = dec31(y);
    int32_t next = lo;   /* first day not yet covered */
    for (size_t s = d->sys->first[i]; s < d->sys->first[i + 1]; s++) {
        if (d->start[s] > next)
            break;
        if (d->end[s] >= next)
            next = d->end[s] + 1;
        if (next > hi)
            return true;
    }
    return false;
}

/* A false dyad-year: i and j members in year y, never on the same day. */
static bool false_dyad(const casusi_dyads *d, size_t i, size_t j, int y)
{
    int32_t lo = jan1(y), hi = dec31(y);
    const size_t *f = d->sys->first;
    for (size_t a = f[i]; a < f[i + 1]; a++)
        for (size_t b = f[j]; b < f[j + 1]; b++) {
            int32_t l = lo, h = hi;
            if (d->start[a] > l) l = d->start[a];
            if (d->start[b] > l) l = d->start[b];
            if (d->end[a] < h) h = d->end[a];
            if (d->end[b] < h) h = d->end[b];
            if (l <= h)
                return false;
        }
    return true;
}

int casusi_dyads_new(const casusi_statesys *s, const casusi_dyad_opts *o,
                     casusi_dyads **out, casus_error *err)
{
    *out = NULL;
    int first = o->first_year ? o->first_year : 1816;
    int last = o->last_year ? o->last_year : s->last_year;
    if (first < 1000 || last > 9999 || first > last) {
        casusi_seterr(err, CASUS_EINVAL,
                      "bad year range %d..%d: expected 1000 <= first <= last <= 9999",
                      first, last);
        return CASUS_EINVAL;
    }
    if (o->threads < 0 || o->threads > 2) {
        casusi_seterr(err, CASUS_EINVAL, "bad thread count %d: expected 0, 1 or 2",
                      o->threads);
        return CASUS_EINVAL;
    }
    casusi_dyads *d = calloc(1, sizeof *d);
    if (!d)
        goto nomem;
    d->sys = s;
    d->o = *o;
    d->first = first;
    d->last = last;
    d->n = s->ncodes;
    d->nwords = ((size_t)(last - first) + 64) / 64;
    d->member = calloc(d->n * d->nwords, sizeof *d->member);
    d->partial = calloc(d->n * d->nwords, sizeof *d->partial);
    d->start = malloc(s->nspells * sizeof *d->start);
    d->end = malloc(s->nspells * sizeof *d->end);
    if (!d->member || !d->partial || !d->start || !d->end)
        goto nomem;
    /* mry: spells ending in the list's last year run on to `last` */
    int32_t ext = dec31(last);
    for (size_t k = 0; k < s->nspells; k++) {
        d->start[k] = s->spells[k].start;
        d->end[k] = s->spells[k].end;
        if (last > s->last_year && s->spells[k].endyear == s->last_year)
            d->end[k] = ext;
    }
    for (size_t i = 0; i < d->n; i++) {
        uint64_t *m = d->member + i * d->nwords, *p = d->partial + i * d->nwords;
        for (size_t k = s->first[i]; k < s->first[i + 1]; k++) {
            int y0, y1, mo, dd;
            casus_civil_from_days(d->start[k], &y0, &mo, &dd);
            casus_civil_from_days(d->end[k], &y1, &mo, &dd);
            for (int y = y0 < first ? first : y0; y <= y1 && y <= last; y++)
                bit_set(m, (size_t)(y - first));
            /* only a spell's first and last year can be partial */
            if (y0 >= first && y0 <= last && !full_year(d, i, y0))
                bit_set(p, (size_t)(y0 - first));
            if (y1 >= first && y1 <= last && !full_year(d, i, y1))
                bit_set(p, (size_t)(y1 - first));
        }
    }
    *out = d;
    return CASUS_OK;
nomem:
    casusi_dyads_free(d);
    casusi_seterr(err, CASUS_ENOMEM, "out of memory preparing dyad-years");
    return CASUS_ENOMEM;
}

void casusi_dyads_free(casusi_dyads *d)
{
    if (!d)
        return;
    free(d->member);
    free(d->partial);
    free(d->start);
    free(d->end);
    free(d);
}

/* The years of pair (i, j) as a bitset w (nwords), false dyads removed.
 * Returns whether any year is set. */
static bool pair_years(const casusi_dyads *d, size_t i, size_t j, uint64_t *w)
{
    const uint64_t *mi = d->member + i * d->nwords, *mj = d->member + j * d->nwords;
    const uint64_t *pi = d->partial + i * d->nwords, *pj = d->partial + j * d->nwords;
    uint64_t any = 0;
    for (size_t k = 0; k < d->nwords; k++) {
        uint64_t x = mi[k] & mj[k];
        uint64_t cand = x & pi[k] & pj[k];
        while (cand) {
            int b = __builtin_ctzll(cand);
            cand &= cand - 1;
            if (false_dyad(d, i, j, d->first + (int)(k * 64) + b))
                x &= ~((uint64_t)1 << b);
        }
        w[k] = x;
        any |= x;
    }
    return any != 0;
}

/* Flags of one pair's years from opts.flags_pair, combined over both
 * directions for non-directed rows: pf[y - d->first]. */
static void pair_flags(const casusi_dyads *d, int c1, int c2, uint8_t *pf,
                       uint8_t *tmp)
{
    const casusi_dyad_opts *o = &d->o;
    int lo = d->first > o->flags_first ? d->first : o->flags_first;
    int hi = d->last < o->flags_last ? d->last : o->flags_last;
    if (lo > hi)
        return;
    size_t n = (size_t)(hi - lo + 1), off = (size_t)(lo - d->first);
    memset(pf + off, 0, n);
    o->flags_pair(o->flags_ud, c1, c2, lo, hi, pf + off);
    if (o->directed)
        return;
    memset(tmp, 0, n);
    o->flags_pair(o->flags_ud, c2, c1, lo, hi, tmp);
    for (size_t k = 0; k < n; k++) {
        uint8_t a = pf[off + k], b = tmp[k];
        pf[off + k] = a == CASUSI_DYAD_NA ? b : b == CASUSI_DYAD_NA ? a : (uint8_t)(a | b);
    }
}

/* Flags of a row (see dyads.h); pf holds the pair's flags when
 * opts.flags_pair is set. */
static uint8_t row_flags(const casusi_dyads *d, const uint8_t *pf, int c1,
                         int c2, int y)
{
    const casusi_dyad_opts *o = &d->o;
    if (!o->flags && !o->flags_pair)
        return 0;
    if (y < o->flags_first || y > o->flags_last)
        return CASUSI_DYAD_NA;
    if (o->flags_pair)
        return pf[y - d->first];
    uint8_t m = o->flags(o->flags_ud, c1, c2, y);
    if (!o->directed) {
        uint8_t m2 = o->flags(o->flags_ud, c2, c1, y);
        if (m == CASUSI_DYAD_NA)
            m = m2;
        else if (m2 != CASUSI_DYAD_NA)
            m |= m2;
    }
    return m;
}

/* Iterates the rows of state i as c1: the body (the variadic argument)
 * sees c1, c2, y and j. */
#define FOR_ROWS(d, i, wbuf, ...)                                           \
    for (size_t j = (d)->o.directed ? 0 : (i) + 1; j < (d)->n; j++) {        \
        if (j == (i) || !pair_years((d), (i), j, (wbuf)))                    \
            continue;                                                        \
        int c1 = (d)->sys->codes[i], c2 = (d)->sys->codes[j];                \
        for (size_t k = 0; k < (d)->nwords; k++)                             \
            for (uint64_t x = (wbuf)[k]; x; x &= x - 1) {                    \
                int y = (d)->first + (int)(k * 64) + __builtin_ctzll(x);     \
                __VA_ARGS__                                                  \
            }                                                                \
    }

int casusi_dyads_each(const casusi_dyads *d,
                      int (*fn)(void *ud, const casusi_dyad_row *row), void *ud)
{
    uint64_t *w = malloc(d->nwords * sizeof *w);
    uint8_t *pf = malloc(2 * d->nwords * 64);   /* pair flags + scratch */
    int rc = !w || !pf ? -1 : 0;
    for (size_t i = 0; i < d->n && !rc; i++) {
        int pc2 = -1;
        FOR_ROWS(d, i, w, {
            if (c2 != pc2 && d->o.flags_pair)
                pair_flags(d, c1, c2, pf, pf + d->nwords * 64);
            pc2 = c2;
            casusi_dyad_row r = {c1, c2, y, row_flags(d, pf, c1, c2, y)};
            if ((rc = fn(ud, &r)) != 0)
                goto out;
        })
    }
out:
    free(w);
    free(pf);
    return rc;
}

size_t casusi_dyads_false(const casusi_dyads *d, casusi_dyad_row *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        for (size_t j = 0; j < d->n; j++) {
            if (i == j)
                continue;
            const uint64_t *mi = d->member + i * d->nwords, *mj = d->member + j * d->nwords;
            const uint64_t *pi = d->partial + i * d->nwords, *pj = d->partial + j * d->nwords;
            for (size_t k = 0; k < d->nwords; k++)
                for (uint64_t x = mi[k] & mj[k] & pi[k] & pj[k]; x; x &= x - 1) {
                    int y = d->first + (int)(k * 64) + __builtin_ctzll(x);
                    if (!false_dyad(d, i, j, y))
                        continue;
                    if (n < cap)
                        out[n] = (casusi_dyad_row){d->sys->codes[i], d->sys->codes[j], y, 0};
                    n++;
                }
        }
    return n;
}

/* ---- writer ---------------------------------------------------------- */

/* Prebuilt pieces of a row: prefix (per pair), year, tail (per flags). */
typedef struct pieces {
    bool json;
    char year[4];                 /* per row: 4 digits, years 1000..9999 */
    char tail[65][DY_TAIL];       /* [mask] for 0..63, [64] NA; [0] alone
                                     when there are no flags */
    uint8_t tlen[65];
} pieces;

static const char *const flag_names[6] = {"atop_alliance", "atop_defense",
    "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"};

static void build_tails(pieces *pc, bool flags)
{
    memset(pc->tail, 0, sizeof pc->tail);
    for (int m = 0; m < 65; m++) {
        char *t = pc->tail[m];
        size_t n = 0;
        if (flags) {
            for (int b = 0; b < 6; b++) {
                const char *v = m == 64 ? (pc->json ? "null" : "NA")
                                        : (m >> b & 1 ? "1" : "0");
                if (pc->json)
                    n += (size_t)snprintf(t + n, DY_TAIL - n, ",\"%s\":%s",
                                          flag_names[b], v);
                else
                    n += (size_t)snprintf(t + n, DY_TAIL - n, ",%s", v);
            }
        }
        n += (size_t)snprintf(t + n, DY_TAIL - n, "%s", pc->json ? "}\n" : "\n");
        pc->tlen[m] = (uint8_t)n;
    }
}

/* The prefix of pair (c1, c2) up to the year, into p (DY_PRE bytes). */
static size_t build_prefix(char *p, bool json, const char *code, int c1, int c2)
{
    memset(p, 0, DY_PRE);
    int n = json ? snprintf(p, DY_PRE, "{\"%s1\":%d,\"%s2\":%d,\"year\":", code, c1, code, c2)
                 : snprintf(p, DY_PRE, "%d,%d,", c1, c2);
    return (size_t)n;
}

typedef struct wshared {
    const casusi_dyads *d;
    const pieces *pc;
    casusi_dyad_sink sink;
    void *ud;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next;        /* next unit (ccode1 index) to take */
    size_t turn;        /* unit whose output goes to the sink next */
    int stop;           /* 0, or CASUS_EIO / CASUS_ENOMEM */
    size_t rows;
} wshared;

static void wstop(wshared *w, int code)
{
    pthread_mutex_lock(&w->mu);
    if (!w->stop)
        w->stop = code;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

/* Sends buf when unit u has its turn. Nonzero: stop. */
static int wflush(wshared *w, size_t u, const char *buf, size_t len)
{
    pthread_mutex_lock(&w->mu);
    while (w->turn != u && !w->stop)
        pthread_cond_wait(&w->cv, &w->mu);
    int st = w->stop;
    pthread_mutex_unlock(&w->mu);
    if (st)
        return st;
    if (len && w->sink(w->ud, buf, len)) {
        wstop(w, CASUS_EIO);
        return CASUS_EIO;
    }
    return 0;
}

static void *worker(void *arg)
{
    wshared *w = arg;
    const casusi_dyads *d = w->d;
    const pieces *pc = w->pc;
    char *buf = malloc(DY_BUF);
    uint64_t *yw = malloc(d->nwords * sizeof *yw);
    uint8_t *pf = malloc(2 * d->nwords * 64);   /* pair flags + scratch */
    if (!buf || !yw || !pf) {
        wstop(w, CASUS_ENOMEM);
        goto out;
    }
    size_t rows = 0;
    for (;;) {
        pthread_mutex_lock(&w->mu);
        size_t u = w->next++;
        int st = w->stop;
        pthread_mutex_unlock(&w->mu);
        if (u >= d->n || st)
            break;
        size_t len = 0;
        char pre[DY_PRE];
        size_t plen = 0;
        int pc2 = -1;
        FOR_ROWS(d, u, yw, {
            if (len > DY_BUF - DY_SLACK) {
                if (wflush(w, u, buf, len))
                    goto out;
                len = 0;
            }
            if (c2 != pc2) {
                plen = build_prefix(pre, pc->json, d->o.code ? d->o.code : "ccode", c1, c2);
                if (d->o.flags_pair)
                    pair_flags(d, c1, c2, pf, pf + d->nwords * 64);
                pc2 = c2;
            }
            char *o = buf + len;
            uint8_t m = row_flags(d, pf, c1, c2, y);
            size_t t = m == CASUSI_DYAD_NA ? 64 : (size_t)(m & 63);
            memcpy(o, pre, DY_PRE);
            o += plen;
            int yy = y;
            o[3] = (char)('0' + yy % 10); yy /= 10;
            o[2] = (char)('0' + yy % 10); yy /= 10;
            o[1] = (char)('0' + yy % 10); yy /= 10;
            o[0] = (char)('0' + yy);
            o += 4;
            if (pc->json)
                memcpy(o, pc->tail[t], pc->tlen[t]);
            else
                memcpy(o, pc->tail[t], 32);
            len = (size_t)(o - buf) + pc->tlen[t];
            rows++;
        })
        if (wflush(w, u, buf, len))
            break;
        pthread_mutex_lock(&w->mu);
        w->turn = u + 1;
        pthread_cond_broadcast(&w->cv);
        pthread_mutex_unlock(&w->mu);
    }
    pthread_mutex_lock(&w->mu);
    w->rows += rows;
    pthread_mutex_unlock(&w->mu);
out:
    free(buf);
    free(yw);
    free(pf);
    return NULL;
}

int casusi_dyad_sink_file(void *ud, const char *buf, size_t n)
{
    return fwrite(buf, 1, n, (FILE *)ud) != n;
}

int casusi_dyads_write(const casusi_dyads *d, casusi_dyad_fmt fmt,
                       casusi_dyad_sink sink, void *ud, size_t *rows,
                       casus_error *err)
{
    if (rows)
        *rows = 0;
    pieces *pc = malloc(sizeof *pc);
    if (!pc) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory writing dyad-years");
        return CASUS_ENOMEM;
    }
    pc->json = fmt == CASUSI_DYAD_JSONL;
    bool flags = d->o.flags || d->o.flags_pair;
    build_tails(pc, flags);
    wshared w = {.d = d, .pc = pc, .sink = sink, .ud = ud};
    int rc = CASUS_OK;
    if (!pc->json) {
        char head[256];
        const char *code = d->o.code ? d->o.code : "ccode";
        int n = snprintf(head, sizeof head, "%s1,%s2,year", code, code);
        if (flags)
            for (int b = 0; b < 6; b++)
                n += snprintf(head + n, sizeof head - (size_t)n, ",%s", flag_names[b]);
        head[n++] = '\n';
        if (sink(ud, head, (size_t)n)) {
            rc = CASUS_EIO;
            goto done;
        }
    }
    pthread_mutex_init(&w.mu, NULL);
    pthread_cond_init(&w.cv, NULL);
    pthread_t t;
    bool two = d->o.threads != 1 && pthread_create(&t, NULL, worker, &w) == 0;
    worker(&w);
    if (two)
        pthread_join(t, NULL);
    pthread_cond_destroy(&w.cv);
    pthread_mutex_destroy(&w.mu);
    rc = w.stop;
done:
    free(pc);
    if (rc == CASUS_EIO)
        casusi_seterr(err, rc, "cannot write dyad-years: the output stopped");
    else if (rc)
        casusi_seterr(err, rc, "out of memory writing dyad-years");
    else if (rows)
        *rows = w.rows;
    return rc;
}
