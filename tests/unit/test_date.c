/* test_date.c -- date.c: full and partial dates, day numbers, bad input. */
#include "casus.h"

#include <string.h>

static void date_full(void **st)
{
    (void)st;
    casus_date d;
    assert_int_equal(casus_date_parse("2024-12-04", &d, NULL), CASUS_OK);
    assert_int_equal(d.precision, 3);
    assert_int_equal(d.year, 2024);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 4);
    assert_int_equal(d.lo, d.hi);
    assert_int_equal(casus_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(casus_days_from_civil(2000, 3, 1) - casus_days_from_civil(2000, 2, 28), 2);
}

static void date_partial(void **st)
{
    (void)st;
    casus_date d;
    assert_int_equal(casus_date_parse("1998", &d, NULL), CASUS_OK);
    assert_int_equal(d.precision, 1);
    assert_int_equal(d.lo, casus_days_from_civil(1998, 1, 1));
    assert_int_equal(d.hi, casus_days_from_civil(1998, 12, 31));
    assert_int_equal(casus_date_parse("2004-02", &d, NULL), CASUS_OK);
    assert_int_equal(d.precision, 2);
    assert_int_equal(d.hi - d.lo, 28); /* leap year: 29 days */
    char b[11];
    assert_string_equal(casus_date_format(&d, b), "2004-02");
}

static void date_bad(void **st)
{
    (void)st;
    casus_date d;
    casus_error e;
    const char *bad[] = {"", "24-12-04", "2024-13-01", "2023-02-29", "2024-00-10",
                         "2024-1-1", "2024/12/04", "abcd", "2024-12-04x", "0999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        memset(&e, 0, sizeof e);
        assert_int_equal(casus_date_parse(bad[i], &d, &e), CASUS_EINVAL);
        assert_int_equal(e.code, CASUS_EINVAL);
        assert_non_null(strstr(e.msg, "expected YYYY-MM-DD"));
    }
    assert_int_equal(casus_date_parse("2024-02-29", &d, NULL), CASUS_OK);
    assert_int_equal(casus_date_parse_day("2024", &d, &e), CASUS_EINVAL);
    assert_string_equal(e.msg, "bad date '2024': expected YYYY-MM-DD");
}

static void date_roundtrip(void **st)
{
    (void)st;
    for (int32_t z = -200000; z < 200000; z += 37) {
        int y, m, d;
        casus_civil_from_days(z, &y, &m, &d);
        assert_int_equal(casus_days_from_civil(y, m, d), z);
    }
}

static const struct CMUnitTest date_tests[] = {
    cmocka_unit_test(date_full),
    cmocka_unit_test(date_partial),
    cmocka_unit_test(date_bad),
    cmocka_unit_test(date_roundtrip),
};
