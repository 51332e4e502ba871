/* test_atop.c -- atop.c: the ATOP importer (records, unknown days, 0/0/0
 * exits, the alliance file's cross-checks, every malformed fixture with its
 * exact FILE:LINE:COL) and the directed dyad-year flags (hand-worked
 * fixtures in tests/data/atop/, then the whole ATOP 5.1 member file against
 * peacesciencer's copy of atop5_1ddyr, skipped when ../shared is absent). */
#include "atop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ATOP_FIX "tests/data/atop/"
#define ATOP_ALL CASUSI_ATOP_ALLIANCE
#define ATOP_DEF CASUSI_ATOP_DEFENSE
#define ATOP_OFF CASUSI_ATOP_OFFENSE
#define ATOP_NEU CASUSI_ATOP_NEUTRAL
#define ATOP_NAG CASUSI_ATOP_NONAGG
#define ATOP_CON CASUSI_ATOP_CONSUL

static casusi_atop_flags_table *atop_build(const char *m, const char *a,
                                           casusi_atop **atp)
{
    casus_error e;
    casusi_atop *at = NULL;
    casusi_atop_flags_table *t = NULL;
    int rc = casusi_atop_load(m, a, &at, &e);
    if (rc)
        fprintf(stderr, "%s:%d:%d: %s\n", e.file, e.line, e.column, e.msg);
    assert_int_equal(rc, CASUS_OK);
    assert_int_equal(casusi_atop_flags_build(at, &t, &e), CASUS_OK);
    if (atp)
        *atp = at;
    else
        casusi_atop_free(at);
    return t;
}

typedef struct atop_expect {
    int c1, c2, year;
    uint8_t flags;
} atop_expect;

/* Worked by hand from the rows of mini_m.csv (see the comments in
 * docs/atop-derivation.md, "Test fixtures"). */
static const atop_expect atop_mini_expect[] = {
    /* 9001: USA and Canada owe defense + consultation from 1950-01-15,
     * still in force (0/0/0): through 2018, not before, not after */
    {2, 20, 1949, 0},
    {2, 20, 1950, ATOP_ALL | ATOP_DEF | ATOP_CON},
    {20, 2, 2018, ATOP_ALL | ATOP_DEF | ATOP_CON},
    {2, 20, 2019, 0},
    /* Mexico joins 1951-03 (day unknown), owes only consultation, leaves
     * 1960-06-30: the others owe it defense + consultation */
    {2, 70, 1950, 0},
    {2, 70, 1951, ATOP_ALL | ATOP_DEF | ATOP_CON},
    {70, 2, 1951, ATOP_ALL | ATOP_CON},
    {70, 20, 1960, ATOP_ALL | ATOP_CON},
    {20, 70, 1960, ATOP_ALL | ATOP_DEF | ATOP_CON},
    {70, 20, 1961, 0},
    /* 9002: France leaves 1901-03-01 and rejoins 1903-06-01 */
    {200, 220, 1900, ATOP_ALL | ATOP_NAG},
    {220, 200, 1901, ATOP_ALL | ATOP_NAG},
    {200, 220, 1902, 0},
    {220, 200, 1902, 0},
    {200, 220, 1903, ATOP_ALL | ATOP_NAG},
    {220, 200, 1905, ATOP_ALL | ATOP_NAG},
    {200, 220, 1906, 0},
    /* 9003: phase 1 (defense + offense) to 1925-06-30, phase 2
     * (consultation) from that day: 1925 takes the later phase's terms */
    {300, 310, 1920, ATOP_ALL | ATOP_DEF | ATOP_OFF},
    {310, 300, 1924, ATOP_ALL | ATOP_DEF | ATOP_OFF},
    {300, 310, 1925, ATOP_ALL | ATOP_CON},
    {310, 300, 1930, ATOP_ALL | ATOP_CON},
    {300, 310, 1931, 0},
    /* 9004: 260 leaves on the day 255 joins: never members together */
    {255, 260, 1990, 0},
    {260, 255, 1990, 0},
    {2, 260, 1990, ATOP_ALL | ATOP_DEF},
    {2, 255, 1990, ATOP_ALL | ATOP_DEF},
    {255, 2, 2018, ATOP_ALL | ATOP_DEF},
    {260, 2, 1954, ATOP_ALL | ATOP_DEF},
    {260, 2, 1991, 0},
    /* 9005: Annam (8152) has no COW code: no dyad */
    {220, 8152, 1874, 0},
    {220, 8152 % 1024, 1874, 0},
    /* 9006: an exit on 1 January still counts that year */
    {300, 345, 1895, ATOP_ALL | ATOP_NEU},
    {345, 300, 1889, ATOP_ALL | ATOP_NEU},
    {300, 345, 1896, 0},
};
/* 9001: 2 x 69 + 4 x 10; 9002: 2 x 5; 9003: 2 x 11; 9004: 2 x 37 + 2 x 29;
 * 9006: 2 x 7 */
#define ATOP_MINI_ROWS 356

static void atop_check_mini(casusi_atop_flags_table *t)
{
    int first, last;
    assert_int_equal(casusi_atop_years(t, &first, &last), ATOP_MINI_ROWS);
    assert_int_equal(first, 1815);
    assert_int_equal(last, 2018);
    for (size_t i = 0; i < sizeof atop_mini_expect / sizeof atop_mini_expect[0]; i++) {
        const atop_expect *x = &atop_mini_expect[i];
        uint8_t got = casusi_atop_flags(t, x->c1, x->c2, x->year);
        if (got != x->flags)
            fprintf(stderr, "(%d, %d, %d): flags %#x, expected %#x\n", x->c1,
                    x->c2, x->year, got, x->flags);
        assert_int_equal(got, x->flags);
        assert_int_equal(casusi_atop_flags_cb(t, x->c1, x->c2, x->year), x->flags);
    }
}

static void atop_mini_flags(void **state)
{
    (void)state;
    casusi_atop_flags_table *t = atop_build(ATOP_FIX "mini_m.csv",
                                            ATOP_FIX "mini_a.csv", NULL);
    atop_check_mini(t);
    casusi_atop_flags_free(t);
    /* the alliance file adds records, not flags; LF endings read the same */
    t = atop_build(ATOP_FIX "mini_m.csv", NULL, NULL);
    atop_check_mini(t);
    casusi_atop_flags_free(t);
    t = atop_build(ATOP_FIX "mini_m_lf.csv", NULL, NULL);
    atop_check_mini(t);
    casusi_atop_flags_free(t);
}

typedef struct atop_walk {
    size_t n;
    long last;
    int stop_at;
} atop_walk;

static int atop_walk_fn(void *ud, int c1, int c2, int year, uint8_t flags)
{
    atop_walk *w = ud;
    long k = ((long)c1 * 1000 + c2) * 10000 + year;
    assert_true(k > w->last);
    assert_true(flags & ATOP_ALL);
    w->last = k;
    w->n++;
    return w->stop_at && (int)w->n == w->stop_at ? 7 : 0;
}

static void atop_each(void **state)
{
    (void)state;
    casusi_atop_flags_table *t = atop_build(ATOP_FIX "mini_m.csv", NULL, NULL);
    atop_walk w = {0, -1, 0};
    assert_int_equal(casusi_atop_flags_each(t, atop_walk_fn, &w), 0);
    assert_int_equal(w.n, ATOP_MINI_ROWS);
    atop_walk w2 = {0, -1, 5};
    assert_int_equal(casusi_atop_flags_each(t, atop_walk_fn, &w2), 7);
    assert_int_equal(w2.n, 5);
    assert_true(casusi_atop_flags_size(t) > 0);
    /* a dyad's years at once */
    int y0;
    size_t ny;
    const uint8_t *run = casusi_atop_dyad(t, 200, 220, &y0, &ny);
    assert_non_null(run);
    assert_int_equal(y0, 1900);
    assert_int_equal(ny, 6);
    assert_int_equal(run[0], ATOP_ALL | ATOP_NAG);
    assert_int_equal(run[2], 0); /* 1902 */
    assert_int_equal(run[5], ATOP_ALL | ATOP_NAG);
    assert_null(casusi_atop_dyad(t, 200, 221, &y0, &ny));
    assert_int_equal(ny, 0);
    assert_null(casusi_atop_dyad(NULL, 200, 220, &y0, &ny));
    /* out of range and NULL */
    assert_int_equal(casusi_atop_flags(t, 0, 20, 1950), 0);
    assert_int_equal(casusi_atop_flags(t, -2, 20, 1950), 0);
    assert_int_equal(casusi_atop_flags(t, 2, 20000, 1950), 0);
    assert_int_equal(casusi_atop_flags(t, 2, 2, 1950), 0);
    assert_int_equal(casusi_atop_flags(NULL, 2, 20, 1950), 0);
    assert_int_equal(casusi_atop_years(NULL, NULL, NULL), 0);
    assert_int_equal(casusi_atop_flags_each(NULL, atop_walk_fn, &w), 0);
    casusi_atop_flags_free(t);
    casusi_atop_flags_free(NULL);
    casusi_atop_free(NULL);
}

static void atop_records(void **state)
{
    (void)state;
    casusi_atop *at;
    casus_error e;
    assert_int_equal(casusi_atop_load(ATOP_FIX "mini_m.csv", ATOP_FIX "mini_a.csv",
                                      &at, &e), CASUS_OK);
    assert_int_equal(at->nalliances, 6);
    assert_int_equal(at->nspells, 17);
    assert_int_equal(at->have_alliance_file, 1);
    assert_null(casusi_atop_find(at, 1));
    const casusi_atop_alliance *al = casusi_atop_find(at, 9001);
    assert_non_null(al);
    assert_int_equal(al->nmem, 3);
    assert_int_equal(al->mem[2], 70);
    assert_int_equal(al->nspells, 3);
    assert_int_equal(al->begin.precision, 3);
    assert_int_equal(al->begin.lo, casus_days_from_civil(1950, 1, 15));
    assert_int_equal(al->end.precision, 0); /* 0/0/0: in force */
    assert_int_equal(al->ineffect, 1);
    assert_int_equal(al->asymm, 1);
    assert_int_equal(al->oblig, ATOP_DEF | ATOP_CON);
    assert_int_equal(al->cowid, CASUSI_ATOP_NA);
    assert_int_equal(al->line, 2);
    /* spells sorted by phase, member, entry: Mexico's is the last */
    const casusi_atop_spell *s = &al->spells[2];
    assert_int_equal(s->member, 70);
    assert_int_equal(s->line, 4);
    assert_int_equal(s->oblig, ATOP_CON);
    assert_int_equal(s->entry.precision, 2); /* unknown day */
    assert_int_equal(s->entry.lo, casus_days_from_civil(1951, 3, 1));
    assert_int_equal(s->entry.hi, casus_days_from_civil(1951, 3, 31));
    assert_int_equal(s->exit.precision, 3);
    assert_int_equal(s->exit.lo, casus_days_from_civil(1960, 6, 30));
    assert_int_equal(s->ineffect, 0);
    assert_int_equal(s->cowsys, 1);
    assert_int_equal(s->conditio, 0);
    assert_int_equal(s->obvary, 0);
    assert_int_equal(s->source, 1);
    assert_int_equal(al->spells[0].exit.precision, 0);
    /* the rejoining member: two spells */
    al = casusi_atop_find(at, 9002);
    assert_int_equal(al->nspells, 3);
    assert_int_equal(al->spells[1].member, 220);
    assert_int_equal(al->spells[2].member, 220);
    assert_true(al->spells[1].entry.lo < al->spells[2].entry.lo);
    /* phases */
    al = casusi_atop_find(at, 9003);
    assert_int_equal(al->maxphase, 2);
    assert_int_equal(al->spells[0].phase, 1);
    assert_int_equal(al->spells[3].phase, 2);
    casusi_atop_free(at);

    /* without the alliance file, alliances come from the spells */
    assert_int_equal(casusi_atop_load(ATOP_FIX "mini_m.csv", NULL, &at, &e),
                     CASUS_OK);
    assert_int_equal(at->have_alliance_file, 0);
    al = casusi_atop_find(at, 9001);
    assert_int_equal(al->nmem, 3);
    assert_int_equal(al->end.precision, 0);
    assert_int_equal(al->begin.lo, casus_days_from_civil(1950, 1, 15));
    assert_int_equal(al->line, 0);
    al = casusi_atop_find(at, 9006);
    assert_int_equal(al->end.lo, casus_days_from_civil(1895, 1, 1));
    casusi_atop_free(at);
}

/* ATOP's correction for members whose obligations differ by partner. */
static void atop_obvary(void **state)
{
    (void)state;
    casusi_atop_flags_table *t = atop_build(ATOP_FIX "obvary_m.csv", NULL, NULL);
    /* Britain's neutrality promise in 3322 is owed to Israel, not France */
    assert_int_equal(casusi_atop_flags(t, 200, 220, 1956), ATOP_ALL | ATOP_OFF);
    assert_int_equal(casusi_atop_flags(t, 200, 666, 1956),
                     ATOP_ALL | ATOP_OFF | ATOP_NEU);
    assert_int_equal(casusi_atop_flags(t, 220, 200, 1956), ATOP_ALL | ATOP_OFF);
    casusi_atop_flags_free(t);
    /* without obvary = 1 the row is taken as it stands */
    t = atop_build(ATOP_FIX "obvary0_m.csv", NULL, NULL);
    assert_int_equal(casusi_atop_flags(t, 200, 220, 1956),
                     ATOP_ALL | ATOP_OFF | ATOP_NEU);
    casusi_atop_flags_free(t);
}

typedef struct atop_bad {
    const char *m, *a;   /* inputs */
    const char *file;    /* file named in the error */
    int line, col;
    const char *msg;     /* expected message (exact) */
} atop_bad;

static const atop_bad atop_bads[] = {
    {"bad_day_m.csv", NULL, "bad_day_m.csv", 3, 20,
     "dayent is 30: 1950-02 has days 1 to 28 (leave it empty if unknown)"},
    {"bad_exit_m.csv", NULL, "bad_exit_m.csv", 7, 23,
     "exit 1899-12 before entry 1903-06"},
    {"bad_ineffect_m.csv", NULL, "bad_ineffect_m.csv", 4, 31,
     "ineffect is 1 but the exit date is set"},
    {"bad_int_m.csv", NULL, "bad_int_m.csv", 5, 8,
     "expected an integer in column 'member', got 'x20'"},
    {"bad_oblig_m.csv", NULL, "bad_oblig_m.csv", 6, 70,
     "defense is 2: expected 0 to 1"},
    {"bad_phase_m.csv", NULL, "bad_phase_m.csv", 8, 37,
     "phase is 3: expected 1 to 2"},
    {"dup_m.csv", NULL, "dup_m.csv", 19, 1,
     "member 2 of alliance 9001 phase 0 entering 1950-01 is also in line 2"},
    {"nocol_m.csv", NULL, "nocol_m.csv", 1, 1,
     "missing column 'obvary' in the header"},
    {"truncated_m.csv", NULL, "truncated_m.csv", 17, 145,
     "expected 105 fields as in the header, got 68"},
    {"mini_m.csv", "bad_list_a.csv", "mini_m.csv", 4, 1,
     "member 70 of alliance 9001 is not in its member list in "
     ATOP_FIX "bad_list_a.csv"},
    {"obvary_m.csv", "mini_a.csv", "obvary_m.csv", 2, 1,
     "alliance 3322 is not in " ATOP_FIX "mini_a.csv"},
};

static void atop_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof atop_bads / sizeof atop_bads[0]; i++) {
        const atop_bad *b = &atop_bads[i];
        char m[256], a[256], f[256];
        snprintf(m, sizeof m, ATOP_FIX "%s", b->m);
        snprintf(a, sizeof a, ATOP_FIX "%s", b->a ? b->a : "");
        snprintf(f, sizeof f, ATOP_FIX "%s", b->file);
        casusi_atop *at = (casusi_atop *)&at; /* must be reset to NULL */
        casus_error e;
        int rc = casusi_atop_load(m, b->a ? a : NULL, &at, &e);
        if (rc != CASUS_EPARSE || e.line != b->line || e.column != b->col ||
            strcmp(e.msg, b->msg) || strcmp(e.file, f))
            fprintf(stderr, "%s: got %d %s:%d:%d: %s\n", b->m, rc, e.file,
                    e.line, e.column, e.msg);
        assert_int_equal(rc, CASUS_EPARSE);
        assert_int_equal(e.code, CASUS_EPARSE);
        assert_null(at);
        assert_string_equal(e.file, f);
        assert_int_equal(e.line, b->line);
        assert_int_equal(e.column, b->col);
        assert_string_equal(e.msg, b->msg);
    }
}

static void atop_io(void **state)
{
    (void)state;
    casusi_atop *at;
    casus_error e;
    assert_int_equal(casusi_atop_load(ATOP_FIX "absent.csv", NULL, &at, &e),
                     CASUS_EIO);
    assert_null(at);
    assert_int_equal(casusi_atop_load(ATOP_FIX "mini_m.csv",
                                      ATOP_FIX "absent_a.csv", &at, &e),
                     CASUS_EIO);
    assert_null(at);
    /* 51 rows of one member in one alliance phase: over the limit */
    assert_int_equal(casusi_atop_load(ATOP_FIX "limit_m.csv", NULL, &at, &e),
                     CASUS_ELIMIT);
    assert_null(at);
    assert_int_equal(e.line, 52);
    assert_string_equal(e.msg, "member 2 has over 50 rows in alliance 9001 phase 0");
    /* an empty file and a header alone */
    assert_int_equal(casusi_atop_load_mem("empty", "", 0, NULL, NULL, 0, &at, &e),
                     CASUS_EPARSE);
    assert_null(at);
    assert_int_equal(e.line, 1);
    const char *h = "atopid,member\n";
    assert_int_equal(casusi_atop_load_mem("h", h, strlen(h), NULL, NULL, 0, &at, &e),
                     CASUS_EPARSE);
    assert_string_equal(e.msg, "missing column 'cowid' in the header");
}

/* ---- the whole ATOP 5.1 member file against atop5_1ddyr -------------- */

#define ATOP_SHARED "../shared/"
#define ATOP_REF ATOP_SHARED "reference/atop_alliance_5.1.csv.gz"

static void atop_reference(void **state)
{
    (void)state;
    if (access(ATOP_REF, R_OK) != 0 ||
        access(ATOP_SHARED "data/atop/atop5_1m.csv", R_OK) != 0) {
        printf("skip atop_reference: " ATOP_SHARED " is absent\n");
        skip();
    }
    casusi_atop *at;
    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    casusi_atop_flags_table *t = atop_build(ATOP_SHARED "data/atop/atop5_1m.csv",
                                            ATOP_SHARED "data/atop/atop5_1a.csv",
                                            &at);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_int_equal(at->nalliances, 789);
    assert_int_equal(at->nspells, 2510);
    casusi_atop_flags_table *t_m = NULL;
    casus_error e;
    casusi_atop_free(at);

    FILE *f = popen("zcat " ATOP_REF, "r");
    assert_non_null(f);
    char line[256];
    assert_non_null(fgets(line, sizeof line, f));
    assert_string_equal(line, "ccode1,ccode2,year,atop_defense,atop_offense,"
                              "atop_neutral,atop_nonagg,atop_consul\n");
    long n = 0, only_ref = 0, cells[5] = {0};
    int c1, c2, y, d[5];
    while (fscanf(f, "%d,%d,%d,%d,%d,%d,%d,%d\n", &c1, &c2, &y, &d[0], &d[1],
                  &d[2], &d[3], &d[4]) == 8) {
        n++;
        uint8_t fl = casusi_atop_flags(t, c1, c2, y);
        if (!(fl & ATOP_ALL)) {
            if (only_ref++ < 10)
                fprintf(stderr, "only in atop5_1ddyr: %d %d %d\n", c1, c2, y);
            continue;
        }
        for (int i = 0; i < 5; i++)
            if (((fl >> (i + 1)) & 1) != d[i] && cells[i]++ < 10)
                fprintf(stderr, "cell %d differs: %d %d %d\n", i, c1, c2, y);
    }
    assert_int_equal(pclose(f), 0);
    long only_ours = (long)casusi_atop_years(t, NULL, NULL) - (n - only_ref);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("atop_reference: %ld rows; only ours %ld, only theirs %ld, cells "
           "differing %ld/%ld/%ld/%ld/%ld; load+build %.1f ms, %zu bytes\n",
           n, only_ours, only_ref, cells[0], cells[1], cells[2], cells[3],
           cells[4], ((double)(t1.tv_sec - t0.tv_sec) * 1e3 +
                      (double)(t1.tv_nsec - t0.tv_nsec) / 1e6),
           casusi_atop_flags_size(t));
    assert_int_equal(n, 273296);
    assert_int_equal(only_ref, 0);
    assert_int_equal(only_ours, 0);
    for (int i = 0; i < 5; i++)
        assert_int_equal(cells[i], 0);

    /* the member file alone gives the same table */
    assert_int_equal(casusi_atop_load(ATOP_SHARED "data/atop/atop5_1m.csv", NULL,
                                      &at, &e), CASUS_OK);
    assert_int_equal(casusi_atop_flags_build(at, &t_m, &e), CASUS_OK);
    assert_int_equal(casusi_atop_years(t_m, NULL, NULL),
                     casusi_atop_years(t, NULL, NULL));
    for (int c = 2; c < 1000; c += 7)
        for (int k = 2; k < 1000; k += 13)
            for (int yy = 1815; yy <= 2018; yy += 11)
                assert_int_equal(casusi_atop_flags(t, c, k, yy),
                                 casusi_atop_flags(t_m, c, k, yy));
    casusi_atop_free(at);
    casusi_atop_flags_free(t_m);
    casusi_atop_flags_free(t);
}

static const struct CMUnitTest atop_tests[] = {
    cmocka_unit_test(atop_mini_flags),
    cmocka_unit_test(atop_each),
    cmocka_unit_test(atop_records),
    cmocka_unit_test(atop_obvary),
    cmocka_unit_test(atop_malformed),
    cmocka_unit_test(atop_io),
    cmocka_unit_test(atop_reference),
};
