/* test_load.c -- load.c: a good treaty loads; each kind of mistake gives one
 * message naming file, line and what was expected; the bundled data load. */
#include "casus_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static casus_kb *KB;

static int kb_setup(void **st)
{
    (void)st;
    const char *dir = getenv("CASUS_DATA");
    casus_error e = {0};
    if (casus_kb_open(dir ? dir : "data", &KB, &e) != CASUS_OK) {
        fprintf(stderr, "cannot load bundled data: %s:%d: %s\n", e.file, e.line, e.msg);
        return -1;
    }
    return 0;
}

static int kb_teardown(void **st)
{
    (void)st;
    casus_kb_close(KB);
    KB = NULL;
    return 0;
}

typedef struct diags {
    int n;
    casus_error first;
} diags;

static void collect(void *ud, const casus_error *e)
{
    diags *d = ud;
    if (d->n++ == 0)
        d->first = *e;
}

static const char GOOD[] =
    "id: test\n"
    "name: Test Treaty\n"
    "signed: 2020-01-01\n"
    "in_force: 2020-02-01\n"
    "sources:\n"
    "  - {key: s1, cite: A source}\n"
    "members:\n"
    "  - state: RUS\n"
    "  - {state: PRK, from: 2020-03-01}\n"
    "obligations:\n"
    "  - {article: '1', type: defense, by: all, to: all, conditions: [state-of-war, {area: europe}], text: helps, source: s1}\n";

static diags load_text(const char *text)
{
    diags d = {0, {0}};
    casusi_check_treaty_mem(KB, "test.yaml", text, strlen(text), collect, &d);
    return d;
}

/* Replaces the first `from` in GOOD with `to` and loads the result. */
static diags load_variant(const char *from, const char *to)
{
    static char buf[4096];
    const char *p = strstr(GOOD, from);
    assert_non_null(p);
    snprintf(buf, sizeof buf, "%.*s%s%s", (int)(p - GOOD), GOOD, to, p + strlen(from));
    return load_text(buf);
}

static void load_good(void **st)
{
    (void)st;
    diags d = load_text(GOOD);
    assert_int_equal(d.n, 0);
}

static void expect_error(const char *from, const char *to, int line, const char *needle)
{
    diags d = load_variant(from, to);
    if (d.n == 0)
        fail_msg("no error for '%s' -> '%s'", from, to);
    assert_string_equal(d.first.file, "test.yaml");
    assert_int_equal(d.first.line, line);
    if (!strstr(d.first.msg, needle))
        fail_msg("message '%s' lacks '%s'", d.first.msg, needle);
}

static void load_errors(void **st)
{
    (void)st;
    expect_error("state: RUS", "state: XXX", 8, "unknown state 'XXX'");
    expect_error("signed: 2020-01-01", "signed: 2020-02-30", 3, "expected a date");
    expect_error("name: Test", "nmae: Test", 2, "found 'nmae'");
    expect_error("type: defense", "type: defence", 11, "expected one of defense");
    expect_error("{area: europe}", "{area: atlantis}", 11, "unknown area 'atlantis'");
    expect_error("source: s1}", "source: s9}", 11, "unknown source 's9'");
    expect_error("id: test", "id: other", 1, "expected id 'test'");
    expect_error("in_force: 2020-02-01", "in_force: 2019-02-01", 4, "on or after 'signed'");
    expect_error("state-of-war,", "state-of-peace,", 11, "expected a condition");
    expect_error("to: all", "to: [USA]", 11, "expected members of the treaty in 'to'");
    expect_error("  - state: RUS\n", "  - state: PRK\n", 9, "found 'PRK' twice");
    expect_error("from: 2020-03-01", "from: 2019-03-01", 9, "on or after the treaty's in_force");
    expect_error("members:\n  - state: RUS\n  - {state: PRK, from: 2020-03-01}\n", "members: 3\n", 7,
                 "expected a list for 'members'");
}

static void load_bad_yaml(void **st)
{
    (void)st;
    diags d = load_text("id: [unclosed\n");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.first.code, CASUS_EPARSE);
    assert_non_null(strstr(d.first.msg, "expected well-formed YAML"));
    d = load_text("- just\n- a list\n");
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.first.msg, "expected a mapping at the top"));
    d = load_text("\xff\xfe\x00garbage");
    assert_true(d.n >= 1);
}

static void load_bundled(void **st)
{
    (void)st;
    assert_true(casus_kb_ntreaties(KB) >= 25);
    assert_true(casus_kb_nstates(KB) >= 195);
    casus_error e;
    const casus_treaty *t = casus_kb_treaty(KB, "nato-1949", &e);
    assert_non_null(t);
    assert_int_equal(t->nmembers, 32);
    assert_null(casus_kb_treaty(KB, "no-such-treaty", &e));
    assert_int_equal(e.code, CASUS_ENOTFOUND);
    assert_non_null(strstr(e.msg, "no-such-treaty"));
}

/* A broken data folder never half-loads: casus_kb_open returns nothing. */
static void load_dir_all_or_nothing(void **st)
{
    (void)st;
    casus_kb *kb = (casus_kb *)0x1;
    casus_error e;
    assert_int_not_equal(casus_kb_open("tests/cases/check/broken-data", &kb, &e), CASUS_OK);
    assert_null(kb);
    assert_int_equal(e.code, CASUS_EPARSE);
    assert_true(e.line > 0);
    assert_int_not_equal(casus_kb_open("/nonexistent/dir", &kb, &e), CASUS_OK);
    assert_null(kb);
    assert_int_equal(e.code, CASUS_EIO);
}

static diags load_base_text(int kind, const char *text)
{
    diags d = {0, {0}};
    casusi_check_base_mem(KB, kind, text, strlen(text), collect, &d);
    return d;
}

/* states.yaml, areas.yaml, places.yaml: the same one-line errors. */
static void load_base_errors(void **st)
{
    (void)st;
    diags d = load_base_text(0, "states:\n  - {iso3: AAA, name: A}\n  - {iso3: aab, name: B}\n");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.first.line, 3);
    assert_non_null(strstr(d.first.msg, "three capital letters"));
    d = load_base_text(0, "states:\n  - {iso3: AAA, name: A, continues: ZZZ}\n");
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.first.msg, "unknown state 'ZZZ'"));
    d = load_base_text(0, "states:\n  - {iso3: AAA, name: A, areas: [mars]}\n");
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.first.msg, "unknown area 'mars'"));
    d = load_base_text(0, "countries: []\n");
    assert_int_equal(d.first.line, 1);
    assert_non_null(strstr(d.first.msg, "found 'countries'"));
    d = load_base_text(2, "places:\n  - {id: x, sovereign: XXX}\n");
    assert_int_equal(d.n, 1);
    assert_int_equal(d.first.line, 2);
    assert_non_null(strstr(d.first.msg, "unknown state 'XXX'"));
    d = load_base_text(2, "places:\n  - {id: kursk, sovereign: RUS, areas: [europe], kind: lake}\n");
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.first.msg, "expected one of land, sea, air"));
    d = load_base_text(1, "areas:\n  - {id: a, includes: [b]}\n");
    assert_int_equal(d.n, 1);
    assert_non_null(strstr(d.first.msg, "unknown area 'b'"));
    /* and a valid file gives none */
    d = load_base_text(1, "areas:\n  - {id: a, name: A, states: [RUS]}\n");
    assert_int_equal(d.n, 0);
}

static const struct CMUnitTest load_tests[] = {
    cmocka_unit_test(load_base_errors),
    cmocka_unit_test(load_good),
    cmocka_unit_test(load_errors),
    cmocka_unit_test(load_bad_yaml),
    cmocka_unit_test(load_bundled),
    cmocka_unit_test(load_dir_all_or_nothing),
};
