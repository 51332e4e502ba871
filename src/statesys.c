/*
 * statesys.c -- reading COW and Gleditsch-Ward membership lists (see
 * statesys.h) and answering "is this state a member on that day / in that
 * year".
 */
#include "statesys.h"
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parsing state: spells grow in a vector, names in one text buffer whose
 * offsets are turned into pointers once it stops moving. */
typedef struct sysbuild {
    casusi_spell *sp;
    size_t n, cap;
    size_t *name_off;       /* per spell */
    char *text;
    size_t tlen, tcap;
} sysbuild;

static void build_free(sysbuild *b)
{
    free(b->sp);
    free(b->name_off);
    free(b->text);
}

static int nomem(casus_error *err, const char *file)
{
    casusi_seterr(err, CASUS_ENOMEM, "out of memory reading %s", file);
    return CASUS_ENOMEM;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int mdays(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t k;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF) { k = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { k = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { k = 4; min = 0x10000; }
    else return 0;
    if (n < k)
        return 0;
    unsigned cp = c & (0x7F >> k);
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

/* Windows-1252 0x80..0x9F as code points; 0 where the byte is undefined. */
static const unsigned short cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* Appends field f to the text buffer as NUL-terminated UTF-8 (converting
 * from Windows-1252 when it is not UTF-8); *off gets its offset. */
static int add_text(sysbuild *b, const casusi_csv *r, size_t i, size_t *off,
                    casus_error *err)
{
    const casusi_csv_field *f = casusi_csv_get(r, i);
    const unsigned char *s = (const unsigned char *)f->s;
    bool utf8 = true;
    for (size_t k = 0; k < f->len;) {
        if (s[k] < 0x20 || s[k] == 0x7F)
            return casusi_csv_fail(r, i, err, "control character 0x%02X in a name",
                                   s[k]);
        size_t m = utf8_len(s + k, f->len - k);
        if (!m) {
            utf8 = false;
            break;
        }
        k += m;
    }
    size_t need = b->tlen + f->len * 3 + 1;
    if (need > b->tcap) {
        size_t cap = b->tcap ? b->tcap : 4096;
        while (cap < need)
            cap *= 2;
        char *t = realloc(b->text, cap);
        if (!t)
            return nomem(err, r->file);
        b->text = t;
        b->tcap = cap;
    }
    *off = b->tlen;
    char *o = b->text + b->tlen;
    for (size_t k = 0; k < f->len; k++) {
        unsigned cp = s[k];
        if (utf8 || cp < 0x80) {
            *o++ = (char)cp;
            continue;
        }
        if (cp < 0xA0) {
            cp = cp1252[cp - 0x80];
            if (!cp)
                return casusi_csv_fail(r, i, err,
                                       "byte 0x%02X is neither UTF-8 nor Windows-1252",
                                       s[k]);
        }
        if (cp < 0x800) {
            *o++ = (char)(0xC0 | cp >> 6);
        } else {
            *o++ = (char)(0xE0 | cp >> 12);
            *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        }
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    *o++ = '\0';
    b->tlen = (size_t)(o - b->text);
    return CASUS_OK;
}

static int add_spell(sysbuild *b, const char *file, casus_error *err)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        casusi_spell *sp = realloc(b->sp, cap * sizeof *sp);
        if (!sp)
            return nomem(err, file);
        b->sp = sp;
        size_t *o = realloc(b->name_off, cap * sizeof *o);
        if (!o)
            return nomem(err, file);
        b->name_off = o;
        b->cap = cap;
    }
    memset(&b->sp[b->n], 0, sizeof b->sp[b->n]);
    b->n++;
    return CASUS_OK;
}

/* Checks y-m-d (each from its own field) and gives its day number. */
static int make_day(const casusi_csv *r, const size_t fi[3], const int ymd[3],
                    int32_t *day, casus_error *err)
{
    if (ymd[0] < 1000 || ymd[0] > 9999)
        return casusi_csv_fail(r, fi[0], err, "expected a year 1000..9999, got %d", ymd[0]);
    if (ymd[1] < 1 || ymd[1] > 12)
        return casusi_csv_fail(r, fi[1], err, "expected a month 1..12, got %d", ymd[1]);
    if (ymd[2] < 1 || ymd[2] > mdays(ymd[0], ymd[1]))
        return casusi_csv_fail(r, fi[2], err, "no day %d in %04d-%02d", ymd[2],
                               ymd[0], ymd[1]);
    *day = casus_days_from_civil(ymd[0], ymd[1], ymd[2]);
    return CASUS_OK;
}

static int set_code_abbrev(sysbuild *b, const casusi_csv *r, size_t ci,
                           size_t ai, casus_error *err)
{
    casusi_spell *sp = &b->sp[b->n - 1];
    int rc = casusi_csv_int(r, ci, &sp->code, NULL, err);
    if (rc)
        return rc;
    if (sp->code < 1 || sp->code > 999)
        return casusi_csv_fail(r, ci, err, "expected a state code 1..999, got %d",
                               sp->code);
    const casusi_csv_field *a = casusi_csv_get(r, ai);
    if (a->len == 0 || a->len >= sizeof sp->abbrev)
        return casusi_csv_fail(r, ai, err,
                               "expected an abbreviation of 1..7 characters, got '%.*s'",
                               (int)(a->len > 40 ? 40 : a->len), a->s);
    memcpy(sp->abbrev, a->s, a->len);
    return CASUS_OK;
}

static int check_name(const casusi_csv *r, size_t ni, casus_error *err)
{
    if (casusi_csv_get(r, ni)->len == 0)
        return casusi_csv_fail(r, ni, err, "expected a state name, got ''");
    return CASUS_OK;
}

static int read_cow(sysbuild *b, casusi_csv *r, casus_error *err)
{
    static const char *const cols[9] = {"stateabb", "ccode", "statenme",
        "styear", "stmonth", "stday", "endyear", "endmonth", "endday"};
    size_t ix[9];
    int rc = casusi_csv_header(r, err);
    if (rc)
        return rc;
    for (int i = 0; i < 9; i++) {
        int c = casusi_csv_column(r, cols[i], err);
        if (c < 0)
            return CASUS_EPARSE;
        ix[i] = (size_t)c;
    }
    /* the release (`version`, e.g. 2016) is the same on every row: a file
     * cut off inside its last row ("...,12,31,2") is caught here */
    int vcol = -1, version = 0;
    for (size_t i = 0; i < r->ncols; i++)
        if (!strcmp(casusi_csv_name(r, i), "version"))
            vcol = (int)i;
    int got;
    while ((got = casusi_csv_next(r, err)) == 1) {
        if (vcol >= 0) {
            int v;
            if ((rc = casusi_csv_int(r, (size_t)vcol, &v, NULL, err)) != 0)
                return rc;
            if (!version)
                version = v;
            else if (v != version)
                return casusi_csv_fail(r, (size_t)vcol, err,
                                       "expected version %d as on the first row, got %d (a cut-off file?)",
                                       version, v);
        }
        if ((rc = add_spell(b, r->file, err)) != 0)
            return rc;
        casusi_spell *sp = &b->sp[b->n - 1];
        sp->line = r->rec_line;
        if ((rc = set_code_abbrev(b, r, ix[1], ix[0], err)) != 0 ||
            (rc = check_name(r, ix[2], err)) != 0 ||
            (rc = add_text(b, r, ix[2], &b->name_off[b->n - 1], err)) != 0)
            return rc;
        int ymd[6];
        for (int i = 0; i < 6; i++)
            if ((rc = casusi_csv_int(r, ix[3 + i], &ymd[i], NULL, err)) != 0)
                return rc;
        if ((rc = make_day(r, ix + 3, ymd, &sp->start, err)) != 0 ||
            (rc = make_day(r, ix + 6, ymd + 3, &sp->end, err)) != 0)
            return rc;
        if (sp->end < sp->start)
            return casusi_csv_fail(r, ix[6], err, "the spell ends before it starts");
        sp->styear = (int16_t)ymd[0];
        sp->endyear = (int16_t)ymd[3];
    }
    return got < 0 ? (err ? err->code : CASUS_EPARSE) : CASUS_OK;
}

/* "dd:mm:yyyy" in field i. */
static int gw_date(const casusi_csv *r, size_t i, int32_t *day, int16_t *year,
                   casus_error *err)
{
    const casusi_csv_field *f = casusi_csv_get(r, i);
    const char *s = f->s;
    bool ok = f->len == 10 && s[2] == ':' && s[5] == ':';
    for (size_t k = 0; ok && k < 10; k++)
        if (k != 2 && k != 5 && (s[k] < '0' || s[k] > '9'))
            ok = false;
    if (!ok)
        return casusi_csv_fail(r, i, err, "expected a date dd:mm:yyyy, got '%.*s'",
                               (int)(f->len > 40 ? 40 : f->len), s);
    int d = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    int y = ((s[6] - '0') * 10 + (s[7] - '0')) * 100 + (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > mdays(y, m))
        return casusi_csv_fail(r, i, err, "no such day '%.10s'", s);
    *day = casus_days_from_civil(y, m, d);
    *year = (int16_t)y;
    return CASUS_OK;
}

static int read_gw(sysbuild *b, casusi_csv *r, casus_error *err)
{
    int got, rc;
    while ((got = casusi_csv_next(r, err)) == 1) {
        if (r->nf != 5) {
            const casusi_csv_field *last = casusi_csv_get(r, r->nf - 1);
            casusi_seterr_at(err, CASUS_EPARSE, r->file, last->line, last->col,
                             "expected 5 tab-separated fields, got %zu", r->nf);
            return CASUS_EPARSE;
        }
        if ((rc = add_spell(b, r->file, err)) != 0)
            return rc;
        casusi_spell *sp = &b->sp[b->n - 1];
        sp->line = r->rec_line;
        if ((rc = set_code_abbrev(b, r, 0, 1, err)) != 0 ||
            (rc = check_name(r, 2, err)) != 0 ||
            (rc = add_text(b, r, 2, &b->name_off[b->n - 1], err)) != 0 ||
            (rc = gw_date(r, 3, &sp->start, &sp->styear, err)) != 0 ||
            (rc = gw_date(r, 4, &sp->end, &sp->endyear, err)) != 0)
            return rc;
        if (sp->end < sp->start)
            return casusi_csv_fail(r, 4, err, "the spell ends before it starts");
    }
    return got < 0 ? (err ? err->code : CASUS_EPARSE) : CASUS_OK;
}

static int spell_cmp(const void *a, const void *b)
{
    const casusi_spell *x = a, *y = b;
    if (x->code != y->code)
        return x->code < y->code ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->line > y->line) - (x->line < y->line);
}

int casusi_statesys_parse(casusi_sysfmt fmt, const char *file, const char *buf,
                          size_t len, casusi_statesys **out, casus_error *err)
{
    *out = NULL;
    sysbuild b = {0};
    casusi_csv r;
    casusi_csv_init(&r, file, buf, len, fmt == CASUSI_SYS_GW ? '\t' : ',');
    int rc = fmt == CASUSI_SYS_GW ? read_gw(&b, &r, err) : read_cow(&b, &r, err);
    casusi_csv_free(&r);
    casusi_statesys *s = NULL;
    if (rc)
        goto fail;
    if (b.n == 0) {
        rc = CASUS_EPARSE;
        casusi_seterr_at(err, rc, file, 1, 1, "expected at least one membership spell");
        goto fail;
    }
    for (size_t i = 0; i < b.n; i++)   /* the text no longer moves */
        b.sp[i].name = b.text + b.name_off[i];
    qsort(b.sp, b.n, sizeof *b.sp, spell_cmp);
    size_t ncodes = 0;
    for (size_t i = 0; i < b.n; i++) {
        if (i == 0 || b.sp[i].code != b.sp[i - 1].code) {
            ncodes++;
        } else if (b.sp[i].start < b.sp[i - 1].end) {
            char d1[11], d2[11];
            casus_date a = casus_date_from_days(b.sp[i].start);
            casus_date z = casus_date_from_days(b.sp[i - 1].end);
            rc = CASUS_EPARSE;
            casusi_seterr_at(err, rc, file, b.sp[i].line, 1,
                             "spell of state %d starting %s overlaps its spell ending %s (line %d)",
                             b.sp[i].code, casus_date_format(&a, d1),
                             casus_date_format(&z, d2), b.sp[i - 1].line);
            goto fail;
        }
    }
    s = calloc(1, sizeof *s);
    if (!s || !(s->codes = malloc(ncodes * sizeof *s->codes)) ||
        !(s->first = malloc((ncodes + 1) * sizeof *s->first))) {
        rc = nomem(err, file);
        goto fail;
    }
    s->fmt = fmt;
    s->first_year = 9999;
    s->last_year = 0;
    for (size_t i = 0, k = 0; i < b.n; i++) {
        if (i == 0 || b.sp[i].code != b.sp[i - 1].code) {
            s->codes[k] = b.sp[i].code;
            s->first[k++] = i;
        }
        if (b.sp[i].styear < s->first_year)
            s->first_year = b.sp[i].styear;
        if (b.sp[i].endyear > s->last_year)
            s->last_year = b.sp[i].endyear;
    }
    s->first[ncodes] = b.n;
    s->ncodes = ncodes;
    s->spells = b.sp;
    s->nspells = b.n;
    s->text = b.text;
    free(b.name_off);
    *out = s;
    return CASUS_OK;
fail:
    if (s) {
        free(s->codes);
        free(s->first);
        free(s);
    }
    build_free(&b);
    return rc;
}

int casusi_statesys_load(casusi_sysfmt fmt, const char *path,
                         casusi_statesys **out, casus_error *err)
{
    char *buf;
    size_t len;
    *out = NULL;
    int rc = casusi_csv_read_file(path, &buf, &len, err);
    if (rc)
        return rc;
    rc = casusi_statesys_parse(fmt, path, buf, len, out, err);
    free(buf);
    return rc;
}

void casusi_statesys_free(casusi_statesys *s)
{
    if (!s)
        return;
    free(s->spells);
    free(s->codes);
    free(s->first);
    free(s->text);
    free(s);
}

int casusi_statesys_find(const casusi_statesys *s, int code)
{
    size_t lo = 0, hi = s->ncodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->codes[mid] < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->ncodes && s->codes[lo] == code ? (int)lo : -1;
}

bool casusi_statesys_member_day(const casusi_statesys *s, int code, int32_t day)
{
    int k = casusi_statesys_find(s, code);
    if (k < 0)
        return false;
    for (size_t i = s->first[k]; i < s->first[k + 1]; i++)
        if (s->spells[i].start <= day && day <= s->spells[i].end)
            return true;
    return false;
}

bool casusi_statesys_member_year(const casusi_statesys *s, int code, int year)
{
    int k = casusi_statesys_find(s, code);
    if (k < 0)
        return false;
    for (size_t i = s->first[k]; i < s->first[k + 1]; i++)
        if (s->spells[i].styear <= year && year <= s->spells[i].endyear)
            return true;
    return false;
}
