/*
 * date.c -- civil dates to the day, and partial dates (a year, a month).
 *
 * A casus_date keeps what the source wrote (year, month, day, precision) and
 * the range of days it can mean ([lo, hi] as days since 1970-01-01), so
 * that "in force from 1998" is a range the query day can fall inside. The
 * day-number conversion is the proleptic Gregorian algorithm of Howard
 * Hinnant's "chrono-Compatible Low-Level Date Algorithms".
 */
#include "casus_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int32_t casus_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void casus_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t yy = (int32_t)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* A date of the precision given by which of m and d are 0 (YYYY, YYYY-MM,
 * YYYY-MM-DD); -1 when it is not a calendar date of years 1000-9999. */
int casusi_date_make(int y, int m, int d, casus_date *out)
{
    memset(out, 0, sizeof *out);
    if (y < 1000 || y > 9999 || m < 0 || m > 12 || d < 0 || (d && !m) || (d && d > days_in_month(y, m)))
        return -1;
    out->year = (int16_t)y;
    out->month = (int8_t)m;
    out->day = (int8_t)d;
    if (!m) {
        out->precision = 1;
        out->lo = casus_days_from_civil(y, 1, 1);
        out->hi = casus_days_from_civil(y, 12, 31);
    } else if (!d) {
        out->precision = 2;
        out->lo = casus_days_from_civil(y, m, 1);
        out->hi = casus_days_from_civil(y, m, days_in_month(y, m));
    } else {
        out->precision = 3;
        out->lo = out->hi = casus_days_from_civil(y, m, d);
    }
    return 0;
}

int casus_date_parse(const char *s, casus_date *out, casus_error *err)
{
    size_t n = s ? strlen(s) : 0;
    int y = -1, m = 0, d = 0;
    if (n == 4 || n == 7 || n == 10) {
        y = digits(s, 4);
        if (n >= 7) {
            m = s[4] == '-' ? digits(s + 5, 2) : -1;
            if (n == 10)
                d = s[7] == '-' ? digits(s + 8, 2) : -1;
        }
    }
    /* "2024-00" and "2024-05-00" name no month or day */
    if ((n >= 7 && m == 0) || (n == 10 && d == 0) || casusi_date_make(y, m, d, out)) {
        memset(out, 0, sizeof *out);
        casusi_seterr(err, CASUS_EINVAL,
                      "bad date '%s': expected YYYY-MM-DD, YYYY-MM or YYYY",
                      s ? s : "");
        return CASUS_EINVAL;
    }
    return CASUS_OK;
}

int casus_date_parse_day(const char *s, casus_date *out, casus_error *err)
{
    int rc = casus_date_parse(s, out, NULL);
    if (rc != CASUS_OK || out->precision != 3) {
        casusi_seterr(err, CASUS_EINVAL, "bad date '%s': expected YYYY-MM-DD",
                      s ? s : "");
        return CASUS_EINVAL;
    }
    return CASUS_OK;
}

char *casus_date_format(const casus_date *d, char buf[11])
{
    char tmp[48];
    switch (d->precision) {
    case 1: snprintf(tmp, sizeof tmp, "%04d", d->year); break;
    case 2: snprintf(tmp, sizeof tmp, "%04d-%02d", d->year, d->month); break;
    case 3: snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d->year, d->month, d->day); break;
    default: tmp[0] = '\0';
    }
    memcpy(buf, tmp, 10);
    buf[10] = '\0';
    return buf;
}

casus_date casus_date_from_days(int32_t days)
{
    casus_date d;
    int y, m, dd;
    casus_civil_from_days(days, &y, &m, &dd);
    d.lo = d.hi = days;
    d.year = (int16_t)y;
    d.month = (int8_t)m;
    d.day = (int8_t)dd;
    d.precision = 3;
    return d;
}

casus_date casus_date_today(void)
{
    time_t now = time(NULL);
    return casus_date_from_days((int32_t)(now / 86400));
}

bool casusi_date_set(const casus_date *d)
{
    return d->precision > 0;
}
