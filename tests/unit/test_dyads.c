/* test_dyads.c -- statesys.c (COW and G&W lists, bad files) and dyads.c
 * (rows, false dyads, flags, CSV/JSON-lines output, threads). Fixtures are
 * in tests/data; the tests against the real lists and peacesciencer's
 * reference read ../shared and skip with a message when it is absent. */
#include "csv.h"
#include "dyads.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SHARED_STATES "../shared/data/cow_states/states2016.csv"

static bool shared_here(const char *what)
{
    if (access(SHARED_STATES, R_OK) == 0)
        return true;
    printf("skip %s: ../shared is absent\n", what);
    return false;
}

/* ---- statesys ---------------------------------------------------------- */

static void sys_cow_mini(void **st)
{
    (void)st;
    casusi_statesys *s;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, "tests/data/states_mini.csv", &s, &e),
                     CASUS_OK);
    assert_int_equal(s->nspells, 5);
    assert_int_equal(s->ncodes, 3);
    assert_int_equal(s->codes[0], 2);
    assert_int_equal(s->codes[1], 210);
    assert_int_equal(s->codes[2], 255);
    assert_int_equal(s->first_year, 1816);
    assert_int_equal(s->last_year, 2016);
    /* spells sorted by code, then start */
    const casusi_spell *g = &s->spells[s->first[2]];
    assert_string_equal(g[0].abbrev, "GMY");
    assert_string_equal(g[0].name, "Germany");
    assert_int_equal(g[0].end, casus_days_from_civil(1945, 5, 8));
    assert_int_equal(g[1].start, casus_days_from_civil(1990, 10, 3));
    assert_int_equal(g[1].line, 4);
    assert_true(casusi_statesys_member_day(s, 255, casus_days_from_civil(1945, 5, 8)));
    assert_false(casusi_statesys_member_day(s, 255, casus_days_from_civil(1945, 5, 9)));
    assert_true(casusi_statesys_member_year(s, 210, 1940));
    assert_false(casusi_statesys_member_year(s, 210, 1942));
    assert_true(casusi_statesys_member_year(s, 210, 1945));
    assert_false(casusi_statesys_member_year(s, 2, 1815));
    assert_false(casusi_statesys_member_year(s, 999, 1900));
    assert_int_equal(casusi_statesys_find(s, 210), 1);
    assert_int_equal(casusi_statesys_find(s, 211), -1);
    casusi_statesys_free(s);
    casusi_statesys_free(NULL);
}

static void sys_gw_mini(void **st)
{
    (void)st;
    casusi_statesys *s;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_GW, "tests/data/gw_mini.dat", &s, &e),
                     CASUS_OK);
    assert_int_equal(s->nspells, 5);
    assert_int_equal(s->ncodes, 4);
    assert_int_equal(s->last_year, 2017);
    /* Windows-1252 names become UTF-8 */
    assert_string_equal(s->spells[s->first[casusi_statesys_find(s, 271)]].name,
                        "W\xC3\xBCrttemberg");
    assert_string_equal(s->spells[s->first[casusi_statesys_find(s, 437)]].name,
                        "Cote D\xE2\x80\x99Ivoire");
    assert_true(casusi_statesys_member_day(s, 271, casus_days_from_civil(1871, 1, 17)));
    assert_false(casusi_statesys_member_day(s, 271, casus_days_from_civil(1871, 1, 18)));
    assert_false(casusi_statesys_member_year(s, 340, 1916));
    assert_true(casusi_statesys_member_year(s, 340, 2006));
    casusi_statesys_free(s);
}

static void sys_real_lists(void **st)
{
    (void)st;
    if (!shared_here("sys_real_lists"))
        skip();
    casusi_statesys *s;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, SHARED_STATES, &s, &e), CASUS_OK);
    assert_int_equal(s->nspells, 243);
    assert_int_equal(s->ncodes, 217);
    assert_int_equal(s->last_year, 2016);
    casusi_statesys_free(s);
    /* v2024: 345 ends and restarts on 2006-06-03, a one-day overlap */
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW,
                                          "../shared/data/cow_states/statelist2024.csv", &s, &e),
                     CASUS_OK);
    assert_int_equal(s->nspells, 244);
    assert_int_equal(s->ncodes, 217);
    assert_int_equal(s->last_year, 2024);
    assert_true(casusi_statesys_member_day(s, 345, casus_days_from_civil(2006, 6, 3)));
    casusi_statesys_free(s);
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_GW, "../shared/data/gw/iisystem.dat", &s, &e),
                     CASUS_OK);
    assert_int_equal(s->nspells, 216);
    assert_int_equal(s->last_year, 2017);
    assert_string_equal(s->spells[s->first[casusi_statesys_find(s, 271)]].name,
                        "W\xC3\xBCrttemberg");
    assert_string_equal(s->spells[s->first[casusi_statesys_find(s, 437)]].name,
                        "Cote D\xE2\x80\x99Ivoire");
    assert_true(casusi_statesys_member_year(s, 260, 2000));   /* G&W: 260 goes on */
    assert_false(casusi_statesys_member_year(s, 255, 2000));
    casusi_statesys_free(s);
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_GW, "../shared/data/gw/microstatessystem.dat",
                                          &s, &e), CASUS_OK);
    assert_int_equal(s->nspells, 23);
    casusi_statesys_free(s);
}

/* One bad list: the status, then FILE:LINE:COL and the message. */
static void bad_list(casusi_sysfmt fmt, const char *text, int line, int col,
                     const char *msg)
{
    casusi_statesys *s = (casusi_statesys *)&s; /* must come back NULL */
    casus_error e;
    memset(&e, 0, sizeof e);
    int rc = casusi_statesys_parse(fmt, "bad.csv", text, strlen(text), &s, &e);
    if (rc != CASUS_EPARSE || e.line != line || e.column != col || strcmp(e.msg, msg) != 0)
        print_error("got %d %s:%d:%d: %s\n", rc, e.file, e.line, e.column, e.msg);
    assert_int_equal(rc, CASUS_EPARSE);
    assert_null(s);
    assert_string_equal(e.file, "bad.csv");
    assert_int_equal(e.line, line);
    assert_int_equal(e.column, col);
    assert_string_equal(e.msg, msg);
}

#define COWH "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\n"

static void sys_bad(void **st)
{
    (void)st;
    bad_list(CASUSI_SYS_COW, COWH "USA,2,United States,1816,1,1,2016,12,31,2016\nCAN,20,Canada,192O,1,10,2016,12,31,2016\n",
             3, 15, "expected an integer in column 'styear', got '192O'");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,United States,1816,13,1,2016,12,31,2016\n",
             2, 26, "expected a month 1..12, got 13");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,United States,1816,1,1,2015,2,29,2016\n",
             2, 37, "no day 29 in 2015-02");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,United States,1900,1,1,1899,12,31,2016\n",
             2, 30, "the spell ends before it starts");
    bad_list(CASUSI_SYS_COW, COWH "USA,0,United States,1816,1,1,2016,12,31,2016\n",
             2, 5, "expected a state code 1..999, got 0");
    bad_list(CASUSI_SYS_COW, COWH ",2,United States,1816,1,1,2016,12,31,2016\n",
             2, 1, "expected an abbreviation of 1..7 characters, got ''");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,,1816,1,1,2016,12,31,2016\n",
             2, 7, "expected a state name, got ''");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,United States,1816,1,1,2016,12,31\n",
             2, 40, "expected 10 fields as in the header, got 9");
    bad_list(CASUSI_SYS_COW, "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,version\n",
             1, 1, "missing column 'endday' in the header");
    bad_list(CASUSI_SYS_COW, COWH, 1, 1, "expected at least one membership spell");
    bad_list(CASUSI_SYS_COW, "", 1, 1, "empty file: expected a header row");
    bad_list(CASUSI_SYS_COW, COWH "USA,2,\"United States,1816,1,1,2016,12,31,2016\n",
             2, 7, "unterminated quoted field (no closing '\"')");
    /* two spells of one code may share one day, not more */
    bad_list(CASUSI_SYS_COW, COWH "YUG,345,Yugoslavia,1878,7,13,2006,6,4,2016\r\n"
                                  "SRB,345,Serbia,2006,6,3,2016,12,31,2016\r\n",
             3, 1, "spell of state 345 starting 2006-06-03 overlaps its spell ending 2006-06-04 (line 2)");
    bad_list(CASUSI_SYS_GW, "2\tUSA\tUnited States\t1:01:1816\t31:12:2017\n",
             1, 21, "expected a date dd:mm:yyyy, got '1:01:1816'");
    bad_list(CASUSI_SYS_GW, "2\tUSA\tUnited States\t30:02:1816\t31:12:2017\n",
             1, 21, "no such day '30:02:1816'");
    bad_list(CASUSI_SYS_GW, "2\tUSA\tUnited States\t01:01:1816\n",
             1, 21, "expected 5 tab-separated fields, got 4");
    bad_list(CASUSI_SYS_GW, "2\tUSA\tUnited States\t01:01:1816\t31:12:2017\n"
                            "20\tCAN\tCan\x81" "da\t01:07:1867\t31:12:2017\n",
             2, 8, "byte 0x81 is neither UTF-8 nor Windows-1252");
    bad_list(CASUSI_SYS_GW, "2\tUSA\tUnited\tStates\t01:01:1816\t31:12:2017\n",
             1, 32, "expected 5 tab-separated fields, got 6");
    /* a missing file */
    casusi_statesys *s;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, "tests/data/none.csv", &s, &e), CASUS_EIO);
    assert_null(s);
}

/* ---- dyads -------------------------------------------------------------- */

/* Output collected in memory. */
typedef struct membuf {
    char *b;
    size_t n, cap;
    int fail_after;     /* >0: the sink fails on that call */
    int calls;
} membuf;

static int mem_sink(void *ud, const char *buf, size_t n)
{
    membuf *m = ud;
    if (m->fail_after && ++m->calls >= m->fail_after)
        return 1;
    if (m->n + n + 1 > m->cap) {
        size_t cap = m->cap ? m->cap : 4096;
        while (cap < m->n + n + 1)
            cap *= 2;
        char *b = realloc(m->b, cap);
        if (!b)
            return 1;
        m->b = b;
        m->cap = cap;
    }
    memcpy(m->b + m->n, buf, n);
    m->n += n;
    m->b[m->n] = '\0';
    return 0;
}

/* Test flags: 2->210 1945 alliance+defense, 210->2 1945 alliance+consul. */
static uint8_t test_flags(void *ud, int c1, int c2, int year)
{
    (void)ud;
    if (year == 1945 && c1 == 2 && c2 == 210)
        return CASUSI_DYAD_ALLIANCE | CASUSI_DYAD_DEFENSE;
    if (year == 1945 && c1 == 210 && c2 == 2)
        return CASUSI_DYAD_ALLIANCE | CASUSI_DYAD_CONSUL;
    return 0;
}

/* The same flags a pair at a time. */
static void test_pair(void *ud, int c1, int c2, int first, int last, uint8_t *out)
{
    for (int y = first; y <= last; y++)
        out[y - first] = test_flags(ud, c1, c2, y);
}

static casusi_statesys *mini(void)
{
    casusi_statesys *s;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, "tests/data/states_mini.csv", &s, &e),
                     CASUS_OK);
    return s;
}

static char *write_rows(const casusi_statesys *s, const casusi_dyad_opts *o,
                        casusi_dyad_fmt fmt, size_t *rows)
{
    casusi_dyads *d;
    casus_error e;
    membuf m = {0};
    assert_int_equal(casusi_dyads_new(s, o, &d, &e), CASUS_OK);
    assert_int_equal(casusi_dyads_write(d, fmt, mem_sink, &m, rows, &e), CASUS_OK);
    casusi_dyads_free(d);
    return m.b;
}

static int first_row(void *ud, const casusi_dyad_row *r)
{
    *(casusi_dyad_row *)ud = *r;
    return 1;
}

static void dyads_mini_csv(void **st)
{
    (void)st;
    casusi_statesys *s = mini();
    casusi_dyad_opts o = {.first_year = 1944, .last_year = 1946, .directed = true,
                          .flags = test_flags, .flags_first = 1815, .flags_last = 1945};
    size_t rows;
    /* 1945: the Netherlands back on 06-26, Germany gone on 05-08: no 210-255 */
    char *out = write_rows(s, &o, CASUSI_DYAD_CSV, &rows);
    assert_int_equal(rows, 8);
    assert_string_equal(out,
        "ccode1,ccode2,year,atop_alliance,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
        "2,210,1945,1,1,0,0,0,0\n"
        "2,210,1946,NA,NA,NA,NA,NA,NA\n"
        "2,255,1944,0,0,0,0,0,0\n"
        "2,255,1945,0,0,0,0,0,0\n"
        "210,2,1945,1,0,0,0,0,1\n"
        "210,2,1946,NA,NA,NA,NA,NA,NA\n"
        "255,2,1944,0,0,0,0,0,0\n"
        "255,2,1945,0,0,0,0,0,0\n");
    /* the pair lookup gives the same */
    o.flags_pair = test_pair;
    char *by_pair = write_rows(s, &o, CASUSI_DYAD_CSV, &rows);
    assert_string_equal(by_pair, out);
    free(by_pair);
    free(out);
    /* non-directed: the maximum over both directions, one thread */
    static const char nd[] =
        "ccode1,ccode2,year,atop_alliance,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
        "2,210,1945,1,1,0,0,0,1\n"
        "2,210,1946,NA,NA,NA,NA,NA,NA\n"
        "2,255,1944,0,0,0,0,0,0\n"
        "2,255,1945,0,0,0,0,0,0\n";
    o.directed = false;
    o.threads = 1;
    out = write_rows(s, &o, CASUSI_DYAD_CSV, &rows);
    assert_int_equal(rows, 4);
    assert_string_equal(out, nd);
    free(out);
    o.flags_pair = NULL;
    out = write_rows(s, &o, CASUSI_DYAD_CSV, &rows);
    assert_string_equal(out, nd);
    free(out);
    /* each() sees the same flags */
    casusi_dyads *d;
    casus_error e;
    o.flags_pair = test_pair;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    casusi_dyad_row first;
    assert_int_equal(casusi_dyads_each(d, first_row, &first), 1);
    assert_int_equal(first.c1, 2);
    assert_int_equal(first.c2, 210);
    assert_int_equal(first.year, 1945);
    assert_int_equal(first.flags, CASUSI_DYAD_ALLIANCE | CASUSI_DYAD_DEFENSE | CASUSI_DYAD_CONSUL);
    casusi_dyads_free(d);
    o.flags_pair = NULL;
    out = write_rows(s, &o, CASUSI_DYAD_JSONL, &rows);
    assert_string_equal(out,
        "{\"ccode1\":2,\"ccode2\":210,\"year\":1945,\"atop_alliance\":1,\"atop_defense\":1,"
        "\"atop_offense\":0,\"atop_neutral\":0,\"atop_nonagg\":0,\"atop_consul\":1}\n"
        "{\"ccode1\":2,\"ccode2\":210,\"year\":1946,\"atop_alliance\":null,\"atop_defense\":null,"
        "\"atop_offense\":null,\"atop_neutral\":null,\"atop_nonagg\":null,\"atop_consul\":null}\n"
        "{\"ccode1\":2,\"ccode2\":255,\"year\":1944,\"atop_alliance\":0,\"atop_defense\":0,"
        "\"atop_offense\":0,\"atop_neutral\":0,\"atop_nonagg\":0,\"atop_consul\":0}\n"
        "{\"ccode1\":2,\"ccode2\":255,\"year\":1945,\"atop_alliance\":0,\"atop_defense\":0,"
        "\"atop_offense\":0,\"atop_neutral\":0,\"atop_nonagg\":0,\"atop_consul\":0}\n");
    free(out);
    /* without flags: three columns */
    o.flags = NULL;
    out = write_rows(s, &o, CASUSI_DYAD_CSV, &rows);
    assert_string_equal(out, "ccode1,ccode2,year\n2,210,1945\n2,210,1946\n2,255,1944\n2,255,1945\n");
    free(out);
    out = write_rows(s, &o, CASUSI_DYAD_JSONL, &rows);
    assert_string_equal(out, "{\"ccode1\":2,\"ccode2\":210,\"year\":1945}\n"
                             "{\"ccode1\":2,\"ccode2\":210,\"year\":1946}\n"
                             "{\"ccode1\":2,\"ccode2\":255,\"year\":1944}\n"
                             "{\"ccode1\":2,\"ccode2\":255,\"year\":1945}\n");
    free(out);
    casusi_statesys_free(s);
}

static int count_row(void *ud, const casusi_dyad_row *r)
{
    (void)r;
    (*(size_t *)ud)++;
    return 0;
}

static void dyads_mini_counts(void **st)
{
    (void)st;
    casusi_statesys *s = mini();
    casusi_dyads *d;
    casus_error e;
    size_t n = 0;
    /* 1816..2016: USA-GMY 157 years, USA-NTH 197, NTH-GMY 125 + 27 (1945 false) */
    casusi_dyad_opts o = {.directed = false};
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    assert_int_equal(casusi_dyads_each(d, count_row, &n), 0);
    assert_int_equal(n, 506);
    casusi_dyad_row fr[4];
    assert_int_equal(casusi_dyads_false(d, fr, 4), 2);
    assert_int_equal(fr[0].c1, 210);
    assert_int_equal(fr[0].c2, 255);
    assert_int_equal(fr[0].year, 1945);
    assert_int_equal(fr[1].c1, 255);
    casusi_dyads_free(d);
    /* mry: spells ending in 2016 run on to 2020: 3 pairs x 4 more years */
    o.last_year = 2020;
    o.directed = true;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    n = 0;
    assert_int_equal(casusi_dyads_each(d, count_row, &n), 0);
    assert_int_equal(n, 2 * (506 + 12));
    casusi_dyads_free(d);
    /* bad options */
    o.first_year = 2021;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_EINVAL);
    assert_null(d);
    assert_string_equal(e.msg, "bad year range 2021..2020: expected 1000 <= first <= last <= 9999");
    o.first_year = 0;
    o.threads = 3;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_EINVAL);
    casusi_statesys_free(s);
}

static void dyads_sink_fails(void **st)
{
    (void)st;
    casusi_statesys *s = mini();
    casusi_dyads *d;
    casus_error e;
    casusi_dyad_opts o = {.directed = true, .threads = 2};
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    for (int k = 1; k <= 3; k++) {
        membuf m = {.fail_after = k};
        size_t rows = 99;
        assert_int_equal(casusi_dyads_write(d, CASUSI_DYAD_CSV, mem_sink, &m, &rows, &e),
                         CASUS_EIO);
        assert_string_equal(e.msg, "cannot write dyad-years: the output stopped");
        assert_int_equal(rows, 0);
        free(m.b);
    }
    casusi_dyads_free(d);
    casusi_statesys_free(s);
}

/* ---- against peacesciencer (../shared) ---------------------------------- */

static void dyads_false_reference(void **st)
{
    (void)st;
    if (!shared_here("dyads_false_reference"))
        skip();
    casusi_statesys *s;
    casusi_dyads *d;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, SHARED_STATES, &s, &e), CASUS_OK);
    /* through 2025: the years after 2016 repeat 2016's system, no false dyads */
    casusi_dyad_opts o = {.last_year = 2025, .directed = true};
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    casusi_dyad_row ours[100];
    size_t n = casusi_dyads_false(d, ours, 100);
    assert_int_equal(n, 60);
    /* the reference, sorted the same way */
    char *buf;
    size_t len;
    assert_int_equal(casusi_csv_read_file("../shared/reference/false_cow_dyads.csv", &buf, &len,
                                          &e), CASUS_OK);
    casusi_csv r;
    casusi_csv_init(&r, "false_cow_dyads.csv", buf, len, ',');
    assert_int_equal(casusi_csv_header(&r, &e), CASUS_OK);
    casusi_dyad_row ref[100];
    size_t nref = 0;
    while (casusi_csv_next(&r, &e) == 1 && nref < 100) {
        assert_int_equal(casusi_csv_int(&r, 0, &ref[nref].c1, NULL, &e), CASUS_OK);
        assert_int_equal(casusi_csv_int(&r, 1, &ref[nref].c2, NULL, &e), CASUS_OK);
        assert_int_equal(casusi_csv_int(&r, 2, &ref[nref].year, NULL, &e), CASUS_OK);
        nref++;
    }
    casusi_csv_free(&r);
    free(buf);
    assert_int_equal(nref, 60);
    for (size_t i = 0; i < nref; i++) {
        bool found = false;
        for (size_t j = 0; j < n && !found; j++)
            found = ours[j].c1 == ref[i].c1 && ours[j].c2 == ref[i].c2 &&
                    ours[j].year == ref[i].year;
        if (!found)
            print_error("reference false dyad %d,%d,%d not found\n", ref[i].c1, ref[i].c2,
                        ref[i].year);
        assert_true(found);
    }
    casusi_dyads_free(d);
    casusi_statesys_free(s);
}

typedef struct tally {
    size_t n;
    size_t per_year[2100 - 1816];
} tally;

static int tally_row(void *ud, const casusi_dyad_row *r)
{
    tally *t = ud;
    t->n++;
    t->per_year[r->year - 1816]++;
    return 0;
}

typedef struct hashsink {
    uint64_t h;
    size_t n;
} hashsink;

static int hash_sink(void *ud, const char *buf, size_t n)
{
    hashsink *s = ud;
    for (size_t i = 0; i < n; i++)
        s->h = (s->h ^ (unsigned char)buf[i]) * 1099511628211ull;
    s->n += n;
    return 0;
}

static void dyads_counts_reference(void **st)
{
    (void)st;
    if (!shared_here("dyads_counts_reference"))
        skip();
    casusi_statesys *s;
    casusi_dyads *d;
    casus_error e;
    assert_int_equal(casusi_statesys_load(CASUSI_SYS_COW, SHARED_STATES, &s, &e), CASUS_OK);
    static tally t;
    /* peacesciencer 1.2.0 run in 2026: 1816..2025 */
    casusi_dyad_opts o = {.last_year = 2025, .directed = true};
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    memset(&t, 0, sizeof t);
    assert_int_equal(casusi_dyads_each(d, tally_row, &t), 0);
    assert_int_equal(t.n, 2252760);
    for (int y = 2017; y <= 2025; y++)
        assert_int_equal(t.per_year[y - 1816], 37830);
    assert_int_equal(t.per_year[2000 - 1816], 36290);
    /* the threaded writer gives the same bytes as one thread: without
     * flags, byte for byte the reference's first three columns (checked
     * with cut -d, -f1-3: 28,684,913 bytes) */
    hashsink h1 = {14695981039346656037ull, 0}, h2 = h1;
    size_t rows = 0;
    assert_int_equal(casusi_dyads_write(d, CASUSI_DYAD_CSV, hash_sink, &h2, &rows, &e), CASUS_OK);
    assert_int_equal(rows, 2252760);
    casusi_dyads_free(d);
    o.threads = 1;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    assert_int_equal(casusi_dyads_write(d, CASUSI_DYAD_CSV, hash_sink, &h1, &rows, &e), CASUS_OK);
    assert_int_equal(h1.n, 28684913);
    assert_int_equal(h1.n, h2.n);
    assert_true(h1.h == h2.h);
    casusi_dyads_free(d);
    /* non-directed */
    o.directed = false;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    memset(&t, 0, sizeof t);
    assert_int_equal(casusi_dyads_each(d, tally_row, &t), 0);
    assert_int_equal(t.n, 1126380);
    casusi_dyads_free(d);
    /* mry off: the rows up to 2016 */
    o.last_year = 0;
    o.directed = true;
    assert_int_equal(casusi_dyads_new(s, &o, &d, &e), CASUS_OK);
    memset(&t, 0, sizeof t);
    assert_int_equal(casusi_dyads_each(d, tally_row, &t), 0);
    assert_int_equal(t.n, 2252760 - 9 * 37830);
    casusi_dyads_free(d);
    casusi_statesys_free(s);
}

static const struct CMUnitTest dyads_tests[] = {
    cmocka_unit_test(sys_cow_mini),
    cmocka_unit_test(sys_gw_mini),
    cmocka_unit_test(sys_real_lists),
    cmocka_unit_test(sys_bad),
    cmocka_unit_test(dyads_mini_csv),
    cmocka_unit_test(dyads_mini_counts),
    cmocka_unit_test(dyads_sink_fails),
    cmocka_unit_test(dyads_false_reference),
    cmocka_unit_test(dyads_counts_reference),
};
