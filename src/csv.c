/*
 * csv.c -- the streaming RFC 4180 reader (see csv.h).
 *
 * Unquoted fields are cut with memchr: the end of the physical line is
 * found once per line (the next LF is cached, so CR-only files stay
 * linear), then the separators inside it. A quoted field is scanned with
 * memchr for '"'; only fields holding "" escapes are copied (into the
 * scratch buffer, patched into the views when the record is complete).
 */
#include "csv.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CSV_MAX_FILE ((size_t)1 << 30)   /* casusi_csv_read_file's cap */
#define CSV_MAX_FIELDS 100000            /* fields in one record */

void casusi_csv_init(casusi_csv *r, const char *file, const char *buf,
                     size_t len, char sep)
{
    memset(r, 0, sizeof *r);
    r->file = file ? file : "";
    r->p = buf;
    r->end = buf + len;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF &&
        (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
        r->p += 3;
    r->sep = sep;
    r->line = 1;
    r->line_start = r->p;
    r->nl = NULL;
    r->eol = NULL;
}

void casusi_csv_free(casusi_csv *r)
{
    if (!r)
        return;
    free(r->f);
    free(r->soff);
    free(r->scratch);
    free(r->names);
    r->f = NULL;
    r->soff = NULL;
    r->scratch = NULL;
    r->names = NULL;
    r->nf = r->fcap = r->scap = r->ncols = 0;
}

static int col_of(const casusi_csv *r, const char *at)
{
    size_t c = (size_t)(at - r->line_start) + 1;
    return c > INT_MAX ? INT_MAX : (int)c;
}

/* Consumes one line end (CRLF, LF or CR) at r->p, if any. */
static void eat_eol(casusi_csv *r)
{
    if (r->p >= r->end)
        return;
    if (*r->p == '\r') {
        r->p++;
        if (r->p < r->end && *r->p == '\n')
            r->p++;
    } else if (*r->p == '\n') {
        r->p++;
    } else {
        return;
    }
    r->line++;
    r->line_start = r->p;
}

/* The end of the physical line holding r->p: the first CR or LF, or end.
 * Both the next LF and the line end are cached: p only moves forward, and
 * once it passes a cached position that position is stale. */
static const char *line_end(casusi_csv *r)
{
    if (r->eol && r->eol >= r->p)
        return r->eol;
    if (!r->nl || r->nl < r->p) {
        const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
        r->nl = nl ? nl : r->end;
    }
    const char *cr = memchr(r->p, '\r', (size_t)(r->nl - r->p));
    r->eol = cr ? cr : r->nl;
    return r->eol;
}

/* Room for one more field. */
static int grow_fields(casusi_csv *r, casus_error *err)
{
    if (r->nf < r->fcap)
        return CASUS_OK;
    if (r->fcap >= CSV_MAX_FIELDS) {
        casusi_seterr_at(err, CASUS_ELIMIT, r->file, r->rec_line, 1,
                         "expected at most %d fields in a record", CSV_MAX_FIELDS);
        return CASUS_ELIMIT;
    }
    size_t cap = r->fcap ? r->fcap * 2 : 16;
    casusi_csv_field *f = realloc(r->f, cap * sizeof *f);
    if (!f)
        goto nomem;
    r->f = f;
    size_t *o = realloc(r->soff, cap * sizeof *o);
    if (!o)
        goto nomem;
    r->soff = o;
    r->fcap = cap;
    return CASUS_OK;
nomem:
    casusi_seterr(err, CASUS_ENOMEM, "out of memory reading %s", r->file);
    return CASUS_ENOMEM;
}

/* Copies s[0..n) into scratch at *used with "" turned into ". */
static int unescape(casusi_csv *r, const char *s, size_t n, size_t *used,
                    casus_error *err)
{
    if (*used + n > r->scap) {
        size_t cap = r->scap ? r->scap : 256;
        while (cap < *used + n)
            cap *= 2;
        char *b = realloc(r->scratch, cap);
        if (!b) {
            casusi_seterr(err, CASUS_ENOMEM, "out of memory reading %s", r->file);
            return CASUS_ENOMEM;
        }
        r->scratch = b;
        r->scap = cap;
    }
    char *o = r->scratch + *used;
    for (size_t i = 0; i < n; i++) {
        *o++ = s[i];
        if (s[i] == '"')
            i++; /* the second quote of a pair */
    }
    *used = (size_t)(o - r->scratch);
    return CASUS_OK;
}

/* Reads a quoted field starting at r->p (on the opening quote) into *f.
 * Leaves r->p just after the closing quote. */
static int quoted(casusi_csv *r, casusi_csv_field *f, size_t *soff,
                  size_t *used, casus_error *err)
{
    const char *open = r->p;
    const char *q = open + 1;
    bool esc = false;
    const char *close;
    for (;;) {
        close = memchr(q, '"', (size_t)(r->end - q));
        if (!close) {
            casusi_seterr_at(err, CASUS_EPARSE, r->file, f->line, f->col,
                             "unterminated quoted field (no closing '\"')");
            return CASUS_EPARSE;
        }
        if (close + 1 < r->end && close[1] == '"') {
            esc = true;
            q = close + 2;
            continue;
        }
        break;
    }
    /* line breaks inside the quotes move the physical position */
    for (const char *x = open + 1; x < close; x++) {
        if (*x == '\n' || (*x == '\r' && !(x + 1 < close && x[1] == '\n'))) {
            r->line++;
            r->line_start = x + 1;
        }
    }
    size_t n = (size_t)(close - open - 1);
    if (esc) {
        *soff = *used;
        if (unescape(r, open + 1, n, used, err))
            return err ? err->code : CASUS_ENOMEM;
        f->s = NULL; /* patched when the record is complete */
        f->len = *used - *soff;
    } else {
        f->s = open + 1;
        f->len = n;
    }
    r->p = close + 1;
    return CASUS_OK;
}

int casusi_csv_next(casusi_csv *r, casus_error *err)
{
    /* blank lines between records are skipped */
    while (r->p < r->end && (*r->p == '\n' || *r->p == '\r'))
        eat_eol(r);
    r->nf = 0;
    if (r->p >= r->end)
        return 0;
    r->rec_line = r->line;
    size_t used = 0;
    bool any_esc = false;
    int end_line = 0, end_col = 0;
    for (;;) {
        if (grow_fields(r, err))
            return -1;
        casusi_csv_field *f = &r->f[r->nf];
        size_t *soff = &r->soff[r->nf];
        r->nf++;
        f->line = r->line;
        f->col = col_of(r, r->p);
        *soff = SIZE_MAX;
        if (r->p < r->end && *r->p == '"') {
            if (quoted(r, f, soff, &used, err))
                return -1;
            if (!f->s)
                any_esc = true;
            if (r->p < r->end && *r->p == r->sep) {
                r->p++;
                continue;
            }
            if (r->p < r->end && *r->p != '\r' && *r->p != '\n') {
                casusi_seterr_at(err, CASUS_EPARSE, r->file, r->line,
                                 col_of(r, r->p),
                                 "expected '%s' or the end of the line after a closing quote, got '%c'",
                                 r->sep == '\t' ? "\\t" : (r->sep == ',' ? "," : ";"),
                                 *r->p);
                return -1;
            }
        } else {
            const char *eol = line_end(r);
            const char *s = memchr(r->p, r->sep, (size_t)(eol - r->p));
            if (s) {
                f->s = r->p;
                f->len = (size_t)(s - r->p);
                r->p = s + 1;
                continue;
            }
            f->s = r->p;
            f->len = (size_t)(eol - r->p);
            r->p = eol;
        }
        /* end of the record */
        end_line = r->line;
        end_col = col_of(r, r->p);
        eat_eol(r);
        break;
    }
    if (any_esc)
        for (size_t i = 0; i < r->nf; i++)
            if (r->soff[i] != SIZE_MAX)
                r->f[i].s = r->scratch + r->soff[i];
    if (r->ncols && r->nf != r->ncols) {
        if (r->nf > r->ncols)
            casusi_seterr_at(err, CASUS_EPARSE, r->file, r->f[r->ncols].line,
                             r->f[r->ncols].col,
                             "expected %zu fields as in the header, got %zu",
                             r->ncols, r->nf);
        else
            casusi_seterr_at(err, CASUS_EPARSE, r->file, end_line, end_col,
                             "expected %zu fields as in the header, got %zu",
                             r->ncols, r->nf);
        return -1;
    }
    return 1;
}

int casusi_csv_header(casusi_csv *r, casus_error *err)
{
    int rc = casusi_csv_next(r, err);
    if (rc < 0)
        return err ? err->code : CASUS_EPARSE;
    if (rc == 0) {
        casusi_seterr_at(err, CASUS_EPARSE, r->file, r->line, 1,
                         "empty file: expected a header row");
        return CASUS_EPARSE;
    }
    size_t bytes = r->nf * sizeof(char *);
    for (size_t i = 0; i < r->nf; i++)
        bytes += r->f[i].len + 1;
    char **names = malloc(bytes);
    if (!names) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory reading %s", r->file);
        return CASUS_ENOMEM;
    }
    char *s = (char *)(names + r->nf);
    for (size_t i = 0; i < r->nf; i++) {
        names[i] = s;
        memcpy(s, r->f[i].s, r->f[i].len);
        s[r->f[i].len] = '\0';
        s += r->f[i].len + 1;
    }
    free(r->names);
    r->names = names;
    r->ncols = r->nf;
    return CASUS_OK;
}

int casusi_csv_column(const casusi_csv *r, const char *name, casus_error *err)
{
    for (size_t i = 0; i < r->ncols; i++)
        if (strcmp(r->names[i], name) == 0)
            return (int)i;
    casusi_seterr_at(err, CASUS_EPARSE, r->file, 1, 1,
                     "missing column '%s' in the header", name);
    return -1;
}

const char *casusi_csv_name(const casusi_csv *r, size_t i)
{
    return i < r->ncols ? r->names[i] : "";
}

const casusi_csv_field *casusi_csv_get(const casusi_csv *r, size_t i)
{
    return &r->f[i];
}

int casusi_csv_fail(const casusi_csv *r, size_t i, casus_error *err,
                    const char *fmt, ...)
{
    char msg[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line = i < r->nf ? r->f[i].line : r->rec_line;
    int col = i < r->nf ? r->f[i].col : 1;
    casusi_seterr_at(err, CASUS_EPARSE, r->file, line, col, "%s", msg);
    return CASUS_EPARSE;
}

int casusi_csv_int(const casusi_csv *r, size_t i, int *out, bool *empty,
                   casus_error *err)
{
    const casusi_csv_field *f = &r->f[i];
    if (empty)
        *empty = false;
    *out = 0;
    if (f->len == 0 && empty) {
        *empty = true;
        return CASUS_OK;
    }
    const char *s = f->s, *e = f->s + f->len;
    bool neg = false;
    if (s < e && (*s == '-' || *s == '+'))
        neg = *s++ == '-';
    long long v = 0;
    const char *d = s;
    for (; s < e && *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (*s - '0');
        if (v > (long long)INT_MAX + 1)
            break;
    }
    if (s == d || s != e || (neg ? -v < INT_MIN : v > INT_MAX)) {
        char name[32];
        const char *nm = casusi_csv_name(r, i);
        if (!*nm) {
            snprintf(name, sizeof name, "#%zu", i + 1);
            nm = name;
        }
        int n = f->len > 40 ? 40 : (int)f->len;
        return casusi_csv_fail(r, i, err,
                               "expected an integer in column '%s', got '%.*s%s'",
                               nm, n, f->s, f->len > 40 ? "..." : "");
    }
    *out = (int)(neg ? -v : v);
    return CASUS_OK;
}

int casusi_csv_read_file(const char *path, char **buf, size_t *len,
                         casus_error *err)
{
    *buf = NULL;
    *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        casusi_seterr_at(err, CASUS_EIO, path, 0, 0, "cannot open: %s",
                         strerror(errno));
        return CASUS_EIO;
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    int rc = CASUS_OK;
    while (b) {
        size_t got = fread(b + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            if (cap >= CSV_MAX_FILE) {
                rc = CASUS_ELIMIT;
                casusi_seterr_at(err, rc, path, 0, 0,
                                 "expected a file under %zu bytes", CSV_MAX_FILE);
                break;
            }
            char *nb = realloc(b, cap * 2 + 1);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    if (rc == CASUS_OK && !b) {
        rc = CASUS_ENOMEM;
        casusi_seterr(err, rc, "out of memory reading %s", path);
    } else if (rc == CASUS_OK && ferror(fp)) {
        rc = CASUS_EIO;
        casusi_seterr_at(err, rc, path, 0, 0, "read error: %s", strerror(errno));
    }
    fclose(fp);
    if (rc) {
        free(b);
        return rc;
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return CASUS_OK;
}
