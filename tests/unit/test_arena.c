/* test_arena.c -- arena.c: alignment, zeroing, big blocks, reset. */
#include "casus.h"

#include <string.h>

static void arena_basic(void **st)
{
    (void)st;
    casus_arena *a = casus_arena_new();
    assert_non_null(a);
    for (int i = 0; i < 5000; i++) {
        char *p = casus_arena_alloc(a, (size_t)(i % 97) + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        for (int k = 0; k < i % 97 + 1; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xAB, (size_t)(i % 97) + 1);
    }
    char *big = casus_arena_alloc(a, 1 << 20);
    assert_non_null(big);
    memset(big, 1, 1 << 20);
    assert_true(casus_arena_size(a) > (1 << 20));
    casus_arena_reset(a);
    assert_true(casus_arena_size(a) < 65536);
    assert_string_equal(casus_arena_printf(a, "%s-%d", "x", 42), "x-42");
    char longer[600];
    memset(longer, 'y', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    assert_string_equal(casus_arena_printf(a, "%s", longer), longer);
    casus_arena_free(a);
    casus_arena_free(NULL);
}

static const struct CMUnitTest arena_tests[] = {
    cmocka_unit_test(arena_basic),
};
