/*
 * csv.h -- a streaming RFC 4180 reader over a file held in memory.
 *
 * The reader walks a buffer record by record. Fields are views into the
 * buffer (or, for quoted fields holding "" escapes, into the reader's own
 * scratch memory); a view stays valid until the next casusi_csv_next() or
 * casusi_csv_free(). It accepts:
 *   - CRLF, LF and CR-only line endings (also mixed), no final line end;
 *   - a UTF-8 byte order mark (skipped; columns count from after it);
 *   - quoted fields with "" escapes, separators and line breaks inside;
 *   - empty fields; blank lines between records are skipped.
 * Positions are 1-based physical lines and byte columns, so every error
 * reads FILE:LINE:COL: message (casus_error's file, line, column).
 *
 * Errors (CASUS_EPARSE): an unterminated quote, text after a closing quote,
 * a record whose field count differs from the header's, a bad integer.
 *
 * Typical use:
 *     casusi_csv r;
 *     casusi_csv_init(&r, "states2016.csv", buf, len, ',');
 *     if (casusi_csv_header(&r, err)) goto fail;
 *     int cc = casusi_csv_column(&r, "ccode", err); if (cc < 0) goto fail;
 *     while ((rc = casusi_csv_next(&r, err)) == 1) {
 *         int v;
 *         if (casusi_csv_int(&r, cc, &v, NULL, err)) goto fail;
 *     }
 *     if (rc < 0) goto fail;
 *     casusi_csv_free(&r);
 *
 * The reader holds no global state; one reader is used by one thread.
 */
#ifndef CASUS_CSV_H
#define CASUS_CSV_H

#include "casus_int.h"

#include <stdbool.h>
#include <stddef.h>

/* A field: a view of its bytes (not NUL-terminated) and where it starts. */
typedef struct casusi_csv_field {
    const char *s;      /* the field's text, quotes removed, "" unescaped */
    size_t len;         /* its length in bytes */
    int line;           /* 1-based physical line of its first byte */
    int col;            /* 1-based byte column of its first byte (the quote
                           for a quoted field) */
} casusi_csv_field;

/* The reader. All members are private except where noted: use the
 * functions below. */
typedef struct casusi_csv {
    const char *file;           /* file name for messages (borrowed) */
    const char *p, *end;        /* unread input */
    char sep;                   /* field separator: ',' or '\t' */
    int line;                   /* physical line of p */
    const char *line_start;     /* first byte of that line */
    const char *nl;             /* cached next LF at or after p (or end) */
    const char *eol;            /* cached end of p's line (CR, LF or end) */
    casusi_csv_field *f;        /* fields of the current record */
    size_t nf, fcap;            /* public read: nf = fields in the record */
    size_t *soff;               /* per field: offset in scratch or SIZE_MAX */
    char *scratch;              /* unescaped text of "" fields */
    size_t scap;
    int rec_line;               /* public read: line the record starts on */
    size_t ncols;               /* header width (0: no header read) */
    char **names;               /* header names, NUL-terminated (owned) */
} casusi_csv;

/* Starts reading buf[0..len) (borrowed; must outlive the reader). `file`
 * (borrowed) names the input in messages. `sep` is ',' or '\t'. Never
 * fails; allocates nothing until the first record. */
void casusi_csv_init(casusi_csv *r, const char *file, const char *buf,
                     size_t len, char sep);

/* Frees the reader's memory (not the buffer). Safe on a zeroed reader. */
void casusi_csv_free(casusi_csv *r);

/* Reads the next record. Returns 1 (a record: r->nf fields), 0 (end of
 * input) or -1 (err set: CASUS_EPARSE or CASUS_ENOMEM). After a header was
 * read, a record with another number of fields is an error. */
int casusi_csv_next(casusi_csv *r, casus_error *err);

/* Reads the first record as the header: later records must have as many
 * fields. Returns CASUS_OK, or an error code (an empty input is
 * CASUS_EPARSE "empty file: expected a header row"). */
int casusi_csv_header(casusi_csv *r, casus_error *err);

/* Index of the header column `name` (exact match), or -1 if absent; with
 * err, the absence is reported as CASUS_EPARSE at line 1 ("missing column
 * 'name' in the header"). */
int casusi_csv_column(const casusi_csv *r, const char *name, casus_error *err);

/* Name of header column i ("" if no header or out of range). */
const char *casusi_csv_name(const casusi_csv *r, size_t i);

/* Field i of the current record (i < r->nf is the caller's duty). */
const casusi_csv_field *casusi_csv_get(const casusi_csv *r, size_t i);

/* Field i as a decimal int (optional sign, digits, no spaces). An empty
 * field is allowed only when `empty` is not NULL: then *out = 0 and
 * *empty = true (otherwise *empty = false). Returns CASUS_OK or
 * CASUS_EPARSE: FILE:LINE:COL: expected an integer in column 'NAME', got
 * 'TEXT' (the column name is the header's, or "#N" without a header). */
int casusi_csv_int(const casusi_csv *r, size_t i, int *out, bool *empty,
                   casus_error *err);

/* Reports a custom error at field i of the current record (CASUS_EPARSE,
 * FILE:LINE:COL of the field). Returns CASUS_EPARSE. */
int casusi_csv_fail(const casusi_csv *r, size_t i, casus_error *err,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Reads a whole file into *buf (malloc'd, NUL-terminated, caller frees)
 * and *len. Files above 1 GiB are CASUS_ELIMIT; a missing or unreadable
 * file is CASUS_EIO. On error *buf is NULL. */
int casusi_csv_read_file(const char *path, char **buf, size_t *len,
                         casus_error *err);

#endif
