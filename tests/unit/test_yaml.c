/* test_yaml.c -- yaml_tree.c: trees with positions, and clean errors. */
#include "yaml_tree.h"

#include <string.h>

static void yaml_tree_ok(void **st)
{
    (void)st;
    casus_arena *a = casus_arena_new();
    const char *doc = "id: x\nmembers:\n  - state: RUS\n  - {state: PRK}\n";
    casus_error e;
    ynode *r = casusi_yaml_parse(a, "t.yaml", doc, strlen(doc), &e);
    assert_non_null(r);
    assert_int_equal(r->type, Y_MAP);
    const ynode *m = casusi_ymap_get(r, "members");
    assert_non_null(m);
    assert_int_equal(m->type, Y_SEQ);
    assert_int_equal(m->n, 2);
    const ynode *s = casusi_ymap_get(m->items[1], "state");
    assert_string_equal(s->str, "PRK");
    assert_int_equal(s->line, 4);
    assert_int_equal(s->col, 13);
    casus_arena_free(a);
}

static void yaml_tree_errors(void **st)
{
    (void)st;
    casus_arena *a = casus_arena_new();
    casus_error e;
    const char *bad = "id: x\nmembers: [a, b\nname: y\n";
    assert_null(casusi_yaml_parse(a, "bad.yaml", bad, strlen(bad), &e));
    assert_int_equal(e.code, CASUS_EPARSE);
    assert_string_equal(e.file, "bad.yaml");
    assert_true(e.line >= 2);
    assert_non_null(strstr(e.msg, "expected well-formed YAML"));

    const char *alias = "a: &x 1\nb: *x\n";
    assert_null(casusi_yaml_parse(a, "alias.yaml", alias, strlen(alias), &e));
    assert_int_equal(e.line, 2);
    assert_non_null(strstr(e.msg, "alias"));

    assert_null(casusi_yaml_parse(a, "empty.yaml", "", 0, &e));
    assert_non_null(strstr(e.msg, "empty file"));

    char deep[400];
    memset(deep, '[', 200);
    deep[200] = 0;
    assert_null(casusi_yaml_parse(a, "deep.yaml", deep, 200, &e));
    assert_non_null(strstr(e.msg, "nesting"));

    const char nul[] = "a: b\0c\n";
    assert_null(casusi_yaml_parse(a, "nul.yaml", nul, sizeof nul - 1, &e));
    casus_arena_free(a);
}

static const struct CMUnitTest yaml_tests[] = {
    cmocka_unit_test(yaml_tree_ok),
    cmocka_unit_test(yaml_tree_errors),
};
