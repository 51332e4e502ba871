/*
 * nmc.c -- reading the COW National Material Capabilities file into a
 * table of state-years and capability weights (see nmc.h).
 */
#define _POSIX_C_SOURCE 200809L /* newlocale, uselocale */
#include "nmc.h"
#include "csv.h"

#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The optional component columns, in casusi_nmc_row order. */
static const char *const comp_names[6] = {"milex", "milper", "irst", "pec",
                                          "tpop", "upop"};

typedef struct nmcparse {
    casusi_csv r;
    locale_t cloc;          /* "C" numeric locale for strtod, made lazily */
    bool cloc_tried;
} nmcparse;

static int nomem(casus_error *err, const char *file)
{
    casusi_seterr(err, CASUS_ENOMEM, "out of memory reading %s", file);
    return CASUS_ENOMEM;
}

/* 10^e for 0 <= e <= 22: exact in a double. */
static double pow10_exact(int e)
{
    double p = 1;
    for (int i = 0; i < e; i++)
        p *= 10;
    return p;
}

/* Reads field i as a decimal number: [+-]digits[.digits][(e|E)[+-]digits]
 * (at least one digit before the exponent), or "" (missing: *out = NAN
 * only when `empty_ok`). Locale-independent. */
static int field_number(nmcparse *p, size_t i, double *out, casus_error *err)
{
    const casusi_csv_field *f = casusi_csv_get(&p->r, i);
    const char *s = f->s, *e = f->s + f->len;
    *out = NAN;
    if (f->len == 0)
        return CASUS_OK;
    bool neg = false;
    const char *q = s;
    if (q < e && (*q == '-' || *q == '+'))
        neg = *q++ == '-';
    uint64_t mant = 0;
    int digits = 0, sig = 0, dexp = 0;
    bool mant_exact = true;
    for (; q < e && *q >= '0' && *q <= '9'; q++, digits++) {
        if (sig < 19) {
            mant = mant * 10 + (uint64_t)(*q - '0');
            if (mant)
                sig++;
        } else {
            dexp++;
            if (*q != '0')
                mant_exact = false;
        }
    }
    if (q < e && *q == '.') {
        q++;
        for (; q < e && *q >= '0' && *q <= '9'; q++, digits++) {
            if (sig < 19) {
                mant = mant * 10 + (uint64_t)(*q - '0');
                dexp--;
                if (mant)
                    sig++;
            } else if (*q != '0') {
                mant_exact = false;
            }
        }
    }
    bool ok = digits > 0;
    if (ok && q < e && (*q == 'e' || *q == 'E')) {
        q++;
        bool eneg = false;
        if (q < e && (*q == '-' || *q == '+'))
            eneg = *q++ == '-';
        int x = 0, xd = 0;
        for (; q < e && *q >= '0' && *q <= '9'; q++, xd++)
            if (x < 10000)
                x = x * 10 + (*q - '0');
        ok = xd > 0;
        dexp += eneg ? -x : x;
    }
    if (!ok || q != e) {
        int n = f->len > 40 ? 40 : (int)f->len;
        return casusi_csv_fail(&p->r, i, err,
                               "expected a number in column '%s', got '%.*s%s'",
                               casusi_csv_name(&p->r, i), n, f->s,
                               f->len > 40 ? "..." : "");
    }
    double v;
    if (mant_exact && mant < (1ull << 53) && dexp >= -22 && dexp <= 22) {
        /* one correctly rounded operation on exact operands */
        v = dexp >= 0 ? (double)mant * pow10_exact(dexp)
                      : (double)mant / pow10_exact(-dexp);
    } else {
        /* rare: strtod on a NUL-terminated copy, in the "C" locale */
        char buf[128];
        if (f->len >= sizeof buf)
            return casusi_csv_fail(&p->r, i, err,
                                   "expected a number of at most %zu characters in column '%s'",
                                   sizeof buf - 1, casusi_csv_name(&p->r, i));
        memcpy(buf, f->s, f->len);
        buf[f->len] = '\0';
        if (!p->cloc_tried) {
            p->cloc_tried = true;
            p->cloc = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
        }
        locale_t old = p->cloc ? uselocale(p->cloc) : (locale_t)0;
        v = strtod(buf, NULL);
        if (p->cloc)
            uselocale(old);
        neg = false; /* strtod read the sign */
    }
    if (!isfinite(v))
        return casusi_csv_fail(&p->r, i, err,
                               "expected a finite number in column '%s'",
                               casusi_csv_name(&p->r, i));
    *out = neg ? -v : v;
    return CASUS_OK;
}

/* A value column: -9 (or empty) is missing (NAN); other negatives and, for
 * CINC, values above 1 are errors. */
static int field_value(nmcparse *p, size_t i, bool share, double *out,
                       casus_error *err)
{
    int rc = field_number(p, i, out, err);
    if (rc)
        return rc;
    if (*out == -9) {
        *out = NAN;
    } else if (*out < 0) {
        return casusi_csv_fail(&p->r, i, err,
                               "expected a value >= 0 or -9 (missing) in column '%s'",
                               casusi_csv_name(&p->r, i));
    } else if (share && *out > 1) {
        return casusi_csv_fail(&p->r, i, err,
                               "expected a share of at most 1 in column '%s'",
                               casusi_csv_name(&p->r, i));
    }
    return CASUS_OK;
}

static int row_cmp(const void *a, const void *b)
{
    const casusi_nmc_row *x = a, *y = b;
    if (x->year != y->year)
        return x->year < y->year ? -1 : 1;
    if (x->ccode != y->ccode)
        return x->ccode < y->ccode ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

static int read_rows(nmcparse *p, const char *file, casusi_nmc_row **rows,
                     size_t *nrows, casus_error *err)
{
    casusi_csv *r = &p->r;
    int rc = casusi_csv_header(r, err);
    if (rc)
        return rc;
    int cc = casusi_csv_column(r, "ccode", err);
    if (cc < 0)
        return CASUS_EPARSE;
    int cy = casusi_csv_column(r, "year", err);
    if (cy < 0)
        return CASUS_EPARSE;
    int ci = casusi_csv_column(r, "cinc", err);
    if (ci < 0)
        return CASUS_EPARSE;
    int comp[6];
    for (int k = 0; k < 6; k++)
        comp[k] = casusi_csv_column(r, comp_names[k], NULL);
    size_t n = 0, cap = 0;
    casusi_nmc_row *v = NULL;
    while ((rc = casusi_csv_next(r, err)) == 1) {
        if (n == CASUSI_NMC_MAX_ROWS) {
            free(v);
            casusi_seterr_at(err, CASUS_ELIMIT, file, r->rec_line, 1,
                             "expected at most %d rows", CASUSI_NMC_MAX_ROWS);
            return CASUS_ELIMIT;
        }
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 1024;
            casusi_nmc_row *nv = realloc(v, nc * sizeof *nv);
            if (!nv) {
                free(v);
                return nomem(err, file);
            }
            v = nv;
            cap = nc;
        }
        casusi_nmc_row *row = &v[n];
        int code, year;
        double vals[6];
        if ((rc = casusi_csv_int(r, (size_t)cc, &code, NULL, err)))
            goto bad;
        if (code < 1 || code > 999) {
            rc = casusi_csv_fail(r, (size_t)cc, err,
                                 "expected a country code 1..999 in column 'ccode', got %d", code);
            goto bad;
        }
        if ((rc = casusi_csv_int(r, (size_t)cy, &year, NULL, err)))
            goto bad;
        if (year < 1000 || year > 9999) {
            rc = casusi_csv_fail(r, (size_t)cy, err,
                                 "expected a year 1000..9999 in column 'year', got %d", year);
            goto bad;
        }
        if ((rc = field_value(p, (size_t)ci, true, &row->cinc, err)))
            goto bad;
        for (int k = 0; k < 6; k++) {
            vals[k] = NAN;
            if (comp[k] >= 0 && (rc = field_value(p, (size_t)comp[k], false, &vals[k], err)))
                goto bad;
        }
        row->ccode = (int16_t)code;
        row->year = (int16_t)year;
        row->milex = vals[0];
        row->milper = vals[1];
        row->irst = vals[2];
        row->pec = vals[3];
        row->tpop = vals[4];
        row->upop = vals[5];
        row->line = r->rec_line;
        n++;
    }
    if (rc < 0) {
        free(v);
        return err ? err->code : CASUS_EPARSE;
    }
    *rows = v;
    *nrows = n;
    return CASUS_OK;
bad:
    free(v);
    return rc;
}

int casusi_nmc_parse(const char *file, const char *buf, size_t len,
                     casusi_nmc **out, casus_error *err)
{
    *out = NULL;
    nmcparse p;
    memset(&p, 0, sizeof p);
    casusi_csv_init(&p.r, file, buf, len, ',');
    casusi_nmc_row *rows = NULL;
    size_t nrows = 0;
    int rc = read_rows(&p, file, &rows, &nrows, err);
    casusi_csv_free(&p.r);
    if (p.cloc)
        freelocale(p.cloc);
    casusi_nmc *t = NULL;
    if (rc)
        return rc;
    if (nrows == 0) {
        rc = CASUS_EPARSE;
        casusi_seterr_at(err, rc, file, 2, 1, "expected at least one state-year row");
        goto fail;
    }
    qsort(rows, nrows, sizeof *rows, row_cmp);
    for (size_t i = 1; i < nrows; i++)
        if (rows[i].year == rows[i - 1].year && rows[i].ccode == rows[i - 1].ccode) {
            rc = CASUS_EPARSE;
            casusi_seterr_at(err, rc, file, rows[i].line, 1,
                             "expected one row per state-year, got a second row for state %d in %d (first on line %d)",
                             rows[i].ccode, rows[i].year, rows[i - 1].line);
            goto fail;
        }
    t = calloc(1, sizeof *t);
    if (!t) {
        rc = nomem(err, file);
        goto fail;
    }
    t->first_year = rows[0].year;
    t->last_year = rows[nrows - 1].year;
    size_t ny = (size_t)(t->last_year - t->first_year) + 1;
    t->year_start = malloc((ny + 1) * sizeof *t->year_start);
    if (!t->year_start) {
        rc = nomem(err, file);
        goto fail;
    }
    size_t i = 0;
    for (size_t y = 0; y <= ny; y++) {
        while (i < nrows && (size_t)(rows[i].year - t->first_year) < y)
            i++;
        t->year_start[y] = i;
    }
    t->rows = rows;
    t->nrows = nrows;
    *out = t;
    return CASUS_OK;
fail:
    if (t)
        free(t->year_start);
    free(t);
    free(rows);
    return rc;
}

int casusi_nmc_load(const char *path, casusi_nmc **out, casus_error *err)
{
    char *buf;
    size_t len;
    *out = NULL;
    int rc = casusi_csv_read_file(path, &buf, &len, err);
    if (rc)
        return rc;
    rc = casusi_nmc_parse(path, buf, len, out, err);
    free(buf);
    return rc;
}

void casusi_nmc_free(casusi_nmc *t)
{
    if (!t)
        return;
    free(t->rows);
    free(t->year_start);
    free(t);
}

const casusi_nmc_row *casusi_nmc_find(const casusi_nmc *t, int ccode,
                                      int year)
{
    if (!t || year < t->first_year || year > t->last_year)
        return NULL;
    size_t y = (size_t)(year - t->first_year);
    size_t lo = t->year_start[y], hi = t->year_start[y + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->rows[mid].ccode < ccode)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->year_start[y + 1] && t->rows[lo].ccode == ccode ? &t->rows[lo]
                                                                   : NULL;
}

size_t casusi_nmc_weights(const casusi_nmc *t, int year, const int *codes,
                          size_t n, double *w)
{
    size_t found = 0;
    for (size_t k = 0; k < n; k++) {
        const casusi_nmc_row *row = casusi_nmc_find(t, codes[k], year);
        if (row && !isnan(row->cinc)) {
            w[k] = row->cinc;
            found++;
        } else {
            w[k] = 0;
        }
    }
    return found;
}
