/* test_store.c -- placeholder */
static void store_placeholder(void **state) { (void)state; }
static const struct CMUnitTest store_tests[] = { cmocka_unit_test(store_placeholder) };
