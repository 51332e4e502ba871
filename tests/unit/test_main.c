/*
 * test_main.c -- the C unit tests (cmocka), one file per module, included
 * here so they build as one binary. Tests that read the bundled data find it
 * in $CASUS_DATA or ./data.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_date.c"
#include "test_arena.c"
#include "test_yaml.c"
#include "test_load.c"
#include "test_query.c"
#include "test_html.c"
#include "test_store.c"
#include "test_story.c"
#include "test_csv.c"
#include "test_dyads.c"
#include "test_atop.c"
#include "test_similarity.c"
#include "test_kbatop.c"

int main(void)
{
    int failed = 0;
    failed += cmocka_run_group_tests_name("date", date_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("arena", arena_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("yaml", yaml_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("load", load_tests, kb_setup, kb_teardown);
    failed += cmocka_run_group_tests_name("query", query_tests, kb_setup, kb_teardown);
    failed += cmocka_run_group_tests_name("html", html_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("store", store_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("story", story_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("csv", csv_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("dyads", dyads_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("atop", atop_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("similarity", similarity_tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("kbatop", kbatop_tests, NULL, NULL);
    return failed ? 1 : 0;
}
