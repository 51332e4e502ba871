/* test_html.c -- placeholder */
static void html_placeholder(void **state) { (void)state; }
static const struct CMUnitTest html_tests[] = { cmocka_unit_test(html_placeholder) };
