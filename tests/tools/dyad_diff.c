/*
 * dyad_diff.c -- compares dyad-year CSVs with peacesciencer's reference,
 * row by row and cell by cell.
 *
 *   dyad_diff [--filled-after Y] [--nd-alliance-bug] OURS.csv REF.csv[.gz]
 *   dyad_diff [--nd-alliance-bug] --gen STATES.csv [--nd] [--last-year Y] [--ddyr DDYR.csv[.gz]]
 *             [--per-row] [--threads N] REF.csv[.gz]
 *
 * The second form makes our rows with the library (COW list STATES.csv,
 * directed unless --nd, years 1816..Y, default 2025) into a temporary file
 * first. With --ddyr, flags come from an ATOP directed dyad-year file in
 * peacesciencer's layout (ccode1,ccode2,year,atop_defense,atop_offense,
 * atop_neutral,atop_nonagg,atop_consul; a row also means atop_alliance = 1),
 * zero-filled inside its years and NA after: a development stand-in for
 * the ATOP module, never used by the library. It is looked up a pair at a
 * time (casusi_dyad_pair_fn), or row by row with --per-row.
 *
 * Both files must be sorted by ccode1, ccode2, year. The report gives the
 * rows only in one file and, over the rows in both, the differing cells of
 * each column the two files share. Exit 0: no difference; 1: differences;
 * 2: a usage or input error. .gz files are read through `gzip -dc`.
 *
 * --filled-after Y: cells of years after Y where the reference has NA (its
 * alliance data end) and ours a value (casus goes on) are counted apart.
 *
 * --nd-alliance-bug: peacesciencer 1.2.0's non-directed file never
 * zero-fills atop_alliance (NA where there is no alliance; fixed upstream in
 * 28cb294). Cells where ours is 0 and the reference NA in that column are
 * then counted apart, as the known bug, not as differences.
 */
#include "casus.h"
#include "csv.h"
#include "dyads.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading a CSV line by line (plain or through gzip) --------------- */

typedef struct lines {
    FILE *f;
    bool piped;
    char *line;
    size_t cap;
    long no;            /* line number */
    const char *name;
} lines;

static int lines_open(lines *l, const char *path)
{
    memset(l, 0, sizeof *l);
    l->name = path;
    size_t n = strlen(path);
    if (n > 3 && strcmp(path + n - 3, ".gz") == 0) {
        char cmd[4200];
        if (strchr(path, '\'') || n > 4000)
            return -1;
        snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
        l->f = popen(cmd, "r");
        l->piped = true;
    } else {
        l->f = fopen(path, "rb");
    }
    return l->f ? 0 : -1;
}

/* Next line without its line end, or NULL at the end. */
static char *lines_next(lines *l)
{
    ssize_t n = getline(&l->line, &l->cap, l->f);
    if (n < 0)
        return NULL;
    while (n > 0 && (l->line[n - 1] == '\n' || l->line[n - 1] == '\r'))
        l->line[--n] = '\0';
    l->no++;
    return l->line;
}

static void lines_close(lines *l)
{
    if (l->f)
        l->piped ? pclose(l->f) : fclose(l->f);
    free(l->line);
}

/* Splits s at commas (no quoting: dyad-year files are plain numbers). */
static int split(char *s, char **f, int max)
{
    int n = 0;
    for (;;) {
        if (n == max)
            return -1;
        f[n++] = s;
        char *c = strchr(s, ',');
        if (!c)
            return n;
        *c = '\0';
        s = c + 1;
    }
}

/* ---- the comparison --------------------------------------------------- */

#define MAXC 32

typedef struct side {
    lines l;
    char *h[MAXC];       /* header names */
    int nh;
    char *f[MAXC];       /* current row */
    long key[3];
    bool done;
} side;

static int side_next(side *s)
{
    char *ln = lines_next(&s->l);
    if (!ln) {
        s->done = true;
        return 0;
    }
    int n = split(ln, s->f, MAXC);
    if (n != s->nh) {
        fprintf(stderr, "%s:%ld: expected %d fields, got %d\n", s->l.name, s->l.no, s->nh, n);
        return -1;
    }
    for (int k = 0; k < 3; k++)
        s->key[k] = strtol(s->f[k], NULL, 10);
    return 1;
}

static int keycmp(const long *a, const long *b)
{
    for (int k = 0; k < 3; k++)
        if (a[k] != b[k])
            return a[k] < b[k] ? -1 : 1;
    return 0;
}

static int compare(const char *ours, const char *ref, bool nd_bug, long fill_after)
{
    side s[2];
    char *hl[2] = {NULL, NULL};
    int rc = 2;
    memset(s, 0, sizeof s);
    for (int i = 0; i < 2; i++) {
        if (lines_open(&s[i].l, i ? ref : ours)) {
            fprintf(stderr, "dyad_diff: cannot open %s\n", i ? ref : ours);
            goto out;
        }
        char *h = lines_next(&s[i].l);
        if (!h || !(hl[i] = strdup(h)) || (s[i].nh = split(hl[i], s[i].h, MAXC)) < 3 ||
            strcmp(s[i].h[0], "ccode1") || strcmp(s[i].h[1], "ccode2") ||
            strcmp(s[i].h[2], "year")) {
            fprintf(stderr, "%s:1: expected a header ccode1,ccode2,year,...\n", s[i].l.name);
            goto out;
        }
    }
    /* shared columns after the key */
    int ci[MAXC][2], nc = 0;
    for (int a = 3; a < s[0].nh; a++)
        for (int b = 3; b < s[1].nh; b++)
            if (strcmp(s[0].h[a], s[1].h[b]) == 0) {
                ci[nc][0] = a;
                ci[nc][1] = b;
                nc++;
            }
    long rows[2] = {0, 0}, only[2] = {0, 0}, both = 0, diff[MAXC] = {0}, bug = 0, filled = 0;
    long prev[2][3] = {{-1, -1, -1}, {-1, -1, -1}};
    for (int i = 0; i < 2; i++)
        if (side_next(&s[i]) < 0)
            goto out;
    int shown = 0;
    while (!s[0].done || !s[1].done) {
        for (int i = 0; i < 2; i++)
            if (!s[i].done && keycmp(prev[i], s[i].key) >= 0 && prev[i][0] >= 0) {
                fprintf(stderr, "%s:%ld: rows are not sorted by ccode1, ccode2, year\n",
                        s[i].l.name, s[i].l.no);
                goto out;
            }
        int c = s[0].done ? 1 : s[1].done ? -1 : keycmp(s[0].key, s[1].key);
        int adv[2] = {c <= 0, c >= 0};
        if (c == 0) {
            both++;
            for (int k = 0; k < nc; k++)
                if (strcmp(s[0].f[ci[k][0]], s[1].f[ci[k][1]]) != 0) {
                    if (fill_after && s[0].key[2] > fill_after && strcmp(s[1].f[ci[k][1]], "NA") == 0 &&
                        strcmp(s[0].f[ci[k][0]], "NA") != 0) {
                        filled++;
                        continue;
                    }
                    if (nd_bug && strcmp(s[0].h[ci[k][0]], "atop_alliance") == 0 &&
                        strcmp(s[0].f[ci[k][0]], "0") == 0 &&
                        strcmp(s[1].f[ci[k][1]], "NA") == 0) {
                        bug++;
                        continue;
                    }
                    if (diff[k]++ < 3 && shown++ < 12)
                        printf("  cell %ld,%ld,%ld %s: ours %s, reference %s\n", s[0].key[0],
                               s[0].key[1], s[0].key[2], s[0].h[ci[k][0]], s[0].f[ci[k][0]],
                               s[1].f[ci[k][1]]);
                }
        } else {
            int i = c < 0 ? 0 : 1;
            if (only[i]++ < 5)
                printf("  row %ld,%ld,%ld only in %s\n", s[i].key[0], s[i].key[1],
                       s[i].key[2], i ? "the reference" : "ours");
        }
        for (int i = 0; i < 2; i++)
            if (adv[i]) {
                memcpy(prev[i], s[i].key, sizeof prev[i]);
                rows[i]++;
                if (side_next(&s[i]) < 0)
                    goto out;
            }
    }
    long total = only[0] + only[1];
    printf("rows: ours %ld, reference %ld, in both %ld\n", rows[0], rows[1], both);
    printf("row differences: %ld (only in ours %ld, only in the reference %ld)\n", total,
           only[0], only[1]);
    for (int k = 0; k < nc; k++) {
        printf("cell differences %s: %ld\n", s[0].h[ci[k][0]], diff[k]);
        total += diff[k];
    }
    if (nd_bug)
        printf("known 1.2.0 bug, atop_alliance 0 here and NA there: %ld cells\n", bug);
    if (fill_after)
        printf("filled where the reference has NA (years after %ld): %ld cells\n", fill_after, filled);
    if (nc == 0)
        printf("no flag columns in common: compared the row set only\n");
    rc = total ? 1 : 0;
out:
    for (int i = 0; i < 2; i++) {
        lines_close(&s[i].l);
        free(hl[i]);
    }
    return rc;
}

/* ---- flags from an ATOP ddyr file (development stand-in) -------------- */

typedef struct ddyr {
    uint64_t *keys;     /* c1 << 32 | c2 << 16 | year, sorted */
    uint8_t *val;       /* flag bits of keys[i] */
    size_t n, cap;
    int first, last;    /* years */
} ddyr;

#define DKEY(c1, c2, y) ((uint64_t)(c1) << 32 | (uint64_t)(c2) << 16 | (uint64_t)(y))

/* First index whose key is >= key. */
static size_t lower(const ddyr *t, uint64_t key)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->keys[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The per-row lookup (casusi_dyad_flags_fn). */
static uint8_t ddyr_flags(void *ud, int c1, int c2, int year)
{
    const ddyr *t = ud;
    size_t i = lower(t, DKEY(c1, c2, year));
    return i < t->n && t->keys[i] == DKEY(c1, c2, year) ? t->val[i] : 0;
}

/* The per-pair lookup (casusi_dyad_pair_fn). */
static void ddyr_pair(void *ud, int c1, int c2, int first, int last, uint8_t *out)
{
    const ddyr *t = ud;
    for (size_t i = lower(t, DKEY(c1, c2, first)); i < t->n && t->keys[i] <= DKEY(c1, c2, last); i++)
        out[(t->keys[i] & 0xFFFF) - (uint64_t)first] |= t->val[i];
}

static int key_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Reads the whole of path (through gzip for .gz) into memory. */
static char *slurp(const char *path, size_t *len)
{
    lines l;
    if (lines_open(&l, path))
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    for (size_t got; b && (got = fread(b + n, 1, cap - n, l.f)) > 0;) {
        n += got;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    lines_close(&l);
    *len = n;
    return b;
}

static int ddyr_load(ddyr *t, const char *path)
{
    static const char *const cols[8] = {"ccode1", "ccode2", "year", "atop_defense",
        "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"};
    size_t len;
    char *buf = slurp(path, &len);
    if (!buf) {
        fprintf(stderr, "dyad_diff: cannot read %s\n", path);
        return -1;
    }
    memset(t, 0, sizeof *t);
    t->first = 9999;
    casusi_csv r;
    casus_error e = {0};
    int ix[8], rc = -1, got;
    casusi_csv_init(&r, path, buf, len, ',');
    if (casusi_csv_header(&r, &e))
        goto out;
    for (int i = 0; i < 8; i++)
        if ((ix[i] = casusi_csv_column(&r, cols[i], &e)) < 0)
            goto out;
    /* keys carry the flag bits in their low byte while sorting */
    while ((got = casusi_csv_next(&r, &e)) == 1) {
        int v[8];
        for (int i = 0; i < 8; i++)
            if (casusi_csv_int(&r, (size_t)ix[i], &v[i], NULL, &e))
                goto out;
        if (v[0] < 1 || v[0] > 999 || v[1] < 1 || v[1] > 999 || v[2] < 1000 || v[2] > 9999) {
            casusi_csv_fail(&r, (size_t)ix[0], &e, "expected codes 1..999 and a year 1000..9999");
            goto out;
        }
        if (t->n == t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 1 << 16;
            uint64_t *k = realloc(t->keys, cap * sizeof *k);
            if (!k) {
                casusi_seterr(&e, CASUS_ENOMEM, "out of memory");
                goto out;
            }
            t->keys = k;
            t->cap = cap;
        }
        uint64_t m = CASUSI_DYAD_ALLIANCE;
        for (int b = 0; b < 5; b++)
            if (v[3 + b])
                m |= (uint64_t)2 << b;
        t->keys[t->n++] = DKEY(v[0], v[1], v[2]) << 8 | m;
        if (v[2] < t->first) t->first = v[2];
        if (v[2] > t->last) t->last = v[2];
    }
    if (got < 0)
        goto out;
    qsort(t->keys, t->n, sizeof *t->keys, key_cmp);
    if (!(t->val = malloc(t->n ? t->n : 1))) {
        casusi_seterr(&e, CASUS_ENOMEM, "out of memory");
        goto out;
    }
    size_t n = 0;   /* split key and bits; or together duplicate rows */
    for (size_t i = 0; i < t->n; i++) {
        uint64_t k = t->keys[i] >> 8;
        uint8_t m = (uint8_t)(t->keys[i] & 0xFF);
        if (n && t->keys[n - 1] == k) {
            t->val[n - 1] |= m;
        } else {
            t->keys[n] = k;
            t->val[n++] = m;
        }
    }
    t->n = n;
    rc = 0;
out:
    if (rc)
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
    casusi_csv_free(&r);
    free(buf);
    return rc;
}

static int generate(const char *states, bool directed, int last, const char *ddyr_path,
                    bool per_row, int threads, FILE *out)
{
    casus_error e;
    casusi_statesys *s = NULL;
    casusi_dyads *d = NULL;
    ddyr t = {0};
    int rc = 2;
    if (casusi_statesys_load(CASUSI_SYS_COW, states, &s, &e)) {
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
        goto out;
    }
    casusi_dyad_opts o = {.last_year = last, .directed = directed, .threads = threads};
    if (ddyr_path) {
        if (ddyr_load(&t, ddyr_path))
            goto out;
        if (per_row)
            o.flags = ddyr_flags;
        else
            o.flags_pair = ddyr_pair;
        o.flags_ud = &t;
        o.flags_first = t.first;
        o.flags_last = t.last;
    }
    size_t rows;
    if (casusi_dyads_new(s, &o, &d, &e) ||
        casusi_dyads_write(d, CASUSI_DYAD_CSV, casusi_dyad_sink_file, out, &rows, &e)) {
        fprintf(stderr, "dyad_diff: %s\n", e.msg);
        goto out;
    }
    rc = 0;
out:
    casusi_dyads_free(d);
    casusi_statesys_free(s);
    free(t.keys);
    free(t.val);
    return rc;
}

static int usage(void)
{
    fprintf(stderr, "usage: dyad_diff [--nd-alliance-bug] OURS.csv REF.csv[.gz]\n"
                    "       dyad_diff [--nd-alliance-bug] --gen STATES.csv [--nd] [--last-year Y] "
                    "[--ddyr DDYR.csv[.gz] [--per-row]] [--threads N] REF.csv[.gz]\n");
    return 2;
}

int main(int argc, char **argv)
{
    long fill_after = 0;
    if (argc > 2 && strcmp(argv[1], "--filled-after") == 0) {
        fill_after = atol(argv[2]);
        argc -= 2;
        argv += 2;
    }
    bool nd_bug = argc > 1 && strcmp(argv[1], "--nd-alliance-bug") == 0;
    if (nd_bug) {
        argv++;
        argc--;
    }
    if (argc == 3 && argv[1][0] != '-')
        return compare(argv[1], argv[2], nd_bug, fill_after);
    if (argc < 4 || strcmp(argv[1], "--gen") != 0)
        return usage();
    const char *states = argv[2], *ddyr_path = NULL;
    bool directed = true, per_row = false;
    int last = 2025, threads = 0, i = 3;
    for (; i < argc - 1; i++) {
        if (strcmp(argv[i], "--nd") == 0)
            directed = false;
        else if (strcmp(argv[i], "--last-year") == 0 && i + 2 < argc)
            last = atoi(argv[++i]);
        else if (strcmp(argv[i], "--ddyr") == 0 && i + 2 < argc)
            ddyr_path = argv[++i];
        else if (strcmp(argv[i], "--per-row") == 0)
            per_row = true;
        else if (strcmp(argv[i], "--nd-alliance-bug") == 0)
            nd_bug = true;
        else if (strcmp(argv[i], "--threads") == 0 && i + 2 < argc)
            threads = atoi(argv[++i]);
        else
            return usage();
    }
    char tmp[] = "/tmp/dyad_diff_XXXXXX";
    int fd = mkstemp(tmp);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
    if (!f) {
        fprintf(stderr, "dyad_diff: cannot make a temporary file\n");
        return 2;
    }
    int rc = generate(states, directed, last, ddyr_path, per_row, threads, f);
    if (fclose(f) != 0 && rc == 0) {
        fprintf(stderr, "dyad_diff: cannot write %s\n", tmp);
        rc = 2;
    }
    if (rc == 0)
        rc = compare(tmp, argv[argc - 1], nd_bug, fill_after);
    remove(tmp);
    return rc;
}
