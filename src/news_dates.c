/*
 * news_dates.c -- numbers and dates: a number before a noun ("10,000",
 * "three"), the date expressions of a sentence ("on Tuesday", "in March",
 * "the following day") placed against the article's date, and the
 * article's own date and home from its text (an opening date line, the
 * dateline, a letterhead, a sign-off).
 */
#include "read_int.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- numbers, dates ---------------------------------------------------- */

/* Whether ", the year ...", ", the day ..." follows a date that ends
 * at token e: a clause naming what happened then ("On 27 February, the
 * day the flights left,", "until 2017, the year the two countries
 * signed"). */
int casusi_day_apposition(const rd *r, long e)
{
    static const char *const SPAN[] = {"day", "days", "year", "month", "week", "night", "morning", "evening",
                                       "date", "afternoon"};
    return (size_t)e + 2 < r->nt && is_punct(r, e, ',') && is_word(r, e + 1, "the") && WORD_IN(r, e + 2, SPAN);
}

/* A number ending at token i (inclusive): 10,000 | 1.6 million | three.
 * Returns the value, -1 if none; *first gets its first token; *approx. */
double casusi_number_before(const rd *r, long i, long *first, int *approx)
{
    double v = -1;
    long s = i;
    if (i < 0)
        return -1;
    long mult = cue_at(r, i, CUE_MULT);
    if (mult && i >= 1 && r->t[i - 1].kind == TK_NUM) {
        v = r->t[i - 1].num * (double)(mult - 1);
        s = i - 1;
    } else if (r->t[i].kind == TK_NUM && !(r->t[i].fl & TF_ORD)) {
        v = r->t[i].num;
        /* "Mirage 2000-5 aircraft", "F-16": the end of a model's name, not a
         * count (a range, "5,000-7,000", rises) */
        if ((r->t[i].fl & TF_HYPH) && i >= 1 &&
            ((r->t[i - 1].kind == TK_NUM && r->t[i - 1].num > v) ||
             (r->t[i - 1].kind == TK_WORD && (r->t[i - 1].fl & TF_CAP))))
            return -1;
    } else {
        long nv = cue_at(r, i, CUE_NUMBER);
        if (nv) {
            v = (double)(nv - 1);
            s = (long)at(r, i)->s;
        }
    }
    if (v < 0)
        return -1;
    /* "several hundred soldiers": no number; "On 18 June 2017 Indian
     * troops": a year is no count */
    if (s >= 1 && (is_word(r, s - 1, "several") || is_word(r, s - 1, "few") || is_word(r, s - 1, "many")))
        return -1;
    for (size_t k = 0; k < r->ndm; k++)
        if ((long)r->dm[k].s <= i && i < (long)r->dm[k].e)
            return -1;
    *approx = 0;
    long j = s - 1;
    if (j >= 0 && cue_at(r, j, CUE_APPROX)) {
        *approx = 1;
        s = (long)at(r, j)->s;
    }
    *first = s;
    return v;
}

static int weekday_of(int32_t day) /* 0 = Monday */
{
    return (int)(((day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

static casus_date mkdate(int y, int m, int d)
{
    casus_date x;
    memset(&x, 0, sizeof x);
    if (y < 1000 || y > 9999)
        return x;
    if (casusi_date_make(y, m, d, &x))
        memset(&x, 0, sizeof x);
    return x;
}

/* A span of days as a date of the best precision that covers it. */
static casus_date cover_days(int32_t lo, int32_t hi)
{
    int y1, m1, d1, y2, m2, d2;
    casus_civil_from_days(lo, &y1, &m1, &d1);
    casus_civil_from_days(hi, &y2, &m2, &d2);
    if (lo == hi)
        return mkdate(y1, m1, d1);
    if (y1 == y2 && m1 == m2)
        return mkdate(y1, m1, 0);
    if (y1 == y2)
        return mkdate(y1, 0, 0);
    casus_date z;
    memset(&z, 0, sizeof z);
    return z;
}

static int is_dom(const ntok *t)
{
    return t->kind == TK_NUM && t->num >= 1 && t->num <= 31 && t->num == (int)t->num;
}

/* Month-day with the year taken from the article's date (the closest). */
static casus_date month_day(const rd *r, int m, int d)
{
    casus_date z;
    memset(&z, 0, sizeof z);
    if (r->artdate.precision < 3)
        return z;
    int best = 0;
    int32_t bd = 0;
    for (int y = r->artdate.year - 1; y <= r->artdate.year + 1; y++) {
        casus_date c = mkdate(y, m, d);
        if (!c.precision)
            continue;
        int32_t dist = c.lo > r->artdate.lo ? c.lo - r->artdate.lo : r->artdate.lo - c.lo;
        if (!best || dist < bd) {
            best = y;
            bd = dist;
        }
    }
    return best ? mkdate(best, m, d) : z;
}

/* A month (and day) without a year, placed by the event's tense: what has
 * happened ("ratified it in December") lies on or before the article's date,
 * what is planned on or after it; anything else takes the closest. */
casus_date casusi_by_tense(const rd *r, int m, int d, const lx_trigger *tr, casus_modality mod, int was)
{
    /* was: a past progressive or a past reporting verb ("announced in
     * January that they were withdrawing") */
    int past = (mod == CASUS_MOD_ACTUAL && (tr->form == FORM_PAST || tr->form == FORM_PART ||
                                            tr->form == FORM_PASTPART || tr->form == FORM_NOUN || was)) ||
               /* "On March 18, Carney announced that Canada would partner
                * with Australia to acquire ...": the day of the announcing */
               (mod == CASUS_MOD_PLANNED && was);
    /* "enters into force on March 1": the present for what is scheduled */
    int fut = (mod == CASUS_MOD_PLANNED && !was) || (mod == CASUS_MOD_ACTUAL && tr->form == FORM_S && !was);
    if (!past && !fut)
        return d ? month_day(r, m, d) : mkdate(month_day(r, m, 1).year, m, 0);
    for (int y = fut ? r->artdate.year : r->artdate.year + 1; fut ? y <= r->artdate.year + 1 : y >= r->artdate.year - 1;
         y += fut ? 1 : -1) {
        casus_date c = mkdate(y, m, d);
        if (!c.precision)
            continue;
        if (past ? c.lo <= r->artdate.hi : c.hi >= r->artdate.lo)
            return c;
    }
    return month_day(r, m, d);
}

/* A year written apart after a month and day, at token k: "2 December of
 * the year 2025" (as translations from Tajik or Russian write it), "April
 * 30, Juche 114 (2025)" (North Korea's calendar, the common year in
 * brackets). The token after the year, or k when there is none. */
static long year_after(const rd *r, long k, int *y)
{
    if (is_word(r, k, "of") && is_word(r, k + 1, "the") && is_word(r, k + 2, "year") && (size_t)k + 3 < r->nt &&
        is_year(&r->t[k + 3])) {
        *y = (int)r->t[k + 3].num;
        return k + 4;
    }
    if (is_word(r, k, "juche") && (size_t)k + 4 < r->nt && r->t[k + 1].kind == TK_NUM && is_punct(r, k + 2, '(') &&
        is_year(&r->t[k + 3])) {
        *y = (int)r->t[k + 3].num;
        return is_punct(r, k + 4, ')') ? k + 5 : k + 4;
    }
    return k;
}

/* Has the sentence named a date before the token being read? */
static int prior_date(const rd *r)
{
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision && !r->dm[k].treatyyear)
            return 1;
    return 0;
}

/* "the following day", "the next day", "a day later", "two days later",
 * "the same day", "that day", "the day before", "a day earlier": a day
 * counted from r->lastday. Returns the end token, or i when none. */
static long anchor_day(const rd *r, long i, casus_date *d)
{
    long j = i, n = 0;
    int off = 0;
    static const char *const PART[] = {"day", "morning", "afternoon", "evening", "night"};
    /* a quick no: every anchor below opens with a number or one of these words */
    if (r->t[i].kind == TK_PUNCT)
        return i;
    if (r->t[i].kind == TK_WORD && !cue_at(r, i, CUE_NUMBER) && !strchr("TtAaOoLlEeSsFfHhMmWw", r->text[r->t[i].s]))
        return i; /* none of the words below starts with this letter */
    if ((r->text[r->t[i].s] | 0x20) == 'w' && !is_word(r, i, "within"))
        return i;
    if (r->t[i].kind == TK_WORD && !cue_at(r, i, CUE_NUMBER) && !is_word(r, i, "the") && !is_word(r, i, "a") &&
        !is_word(r, i, "that") && !is_word(r, i, "on") && !is_word(r, i, "later") && !is_word(r, i, "earlier") &&
        !is_word(r, i, "several") && !is_word(r, i, "few") && !is_word(r, i, "hours") && !is_word(r, i, "hour") &&
        !is_word(r, i, "minutes") && !is_word(r, i, "within"))
        return i;
    /* "within hours", "hours after the drill": the day last named; in a
     * live blog, unless this paragraph or the one before named it, the
     * entry's day. Not when the sentence names its own day. */
    /* the day last named: before i in this sentence ("On April 20 ...
     * at a briefing that day"), else in an earlier one */
    casus_date last = r->lastday;
    int here = 0;
    for (size_t k = 0; k < r->ndm && (long)r->dm[k].e <= i; k++)
        if (r->dm[k].d.precision == 3 && !r->dm[k].treatyyear)
            last = r->dm[k].d, here = 1;
    const casus_date *near = !here && r->lastday_para < r->parano - 1 && r->secdate.precision == 3 ? &r->secdate : &last;
    if (is_word(r, j, "within") && !prior_date(r)) {
        /* "within hours", "within minutes of the launch", "within the hour" */
        long w = j + 1 + (is_word(r, j + 1, "an") || is_word(r, j + 1, "the") || is_word(r, j + 1, "a"));
        if (is_word(r, w, "few") || is_word(r, w, "several"))
            w++;
        if (is_word(r, w, "hours") || is_word(r, w, "minutes") || is_word(r, w, "hour")) {
            *d = *near;
            return w + 1;
        }
        return i;
    }
    /* "that afternoon", "later that day", "earlier that evening" */
    long t0 = (is_word(r, j, "later") || is_word(r, j, "earlier")) ? j + 1 : j;
    if (is_word(r, t0, "that") && WORD_IN(r, t0 + 1, PART)) {
        *d = last;
        return t0 + 2;
    }
    /* "hours later", "two hours later", "minutes earlier", "the next morning" */
    long h = j;
    if (cue_at(r, h, CUE_NUMBER) || r->t[h].kind == TK_NUM || is_word(r, h, "several") || is_word(r, h, "a") ||
        is_word(r, h, "few"))
        h += is_word(r, h, "a") && is_word(r, h + 1, "few") ? 2 : 1;
    if ((is_word(r, h, "hours") || is_word(r, h, "minutes") || is_word(r, h, "hour")) &&
        (is_word(r, h + 1, "later") || is_word(r, h + 1, "earlier"))) {
        *d = last;
        return h + 2;
    }
    /* "Hours after the drill", "minutes before the launch" (not "48 hours
     * after", which is days, nor "halted for several hours after") */
    if ((is_word(r, h, "hours") || is_word(r, h, "minutes")) &&
        (is_word(r, h + 1, "after") || is_word(r, h + 1, "before")) && !prior_date(r) && !is_word(r, j - 1, "for") &&
        (h == j ? (j == 0 || r->t[j - 1].kind != TK_NUM) && !cue_at(r, j - 1, CUE_NUMBER) && !is_word(r, j - 1, "several") &&
                      !is_word(r, j - 1, "few") /* "24 hours after", "for several hours after" read from "hours" */
                : is_word(r, h, "minutes") || (r->t[j].kind == TK_NUM ? r->t[j].num < 12
                                                : !cue_at(r, j, CUE_NUMBER) || cue_at(r, j, CUE_NUMBER) - 1 < 12))) {
        *d = *near;
        return h + 2;
    }
    if (is_word(r, j, "the") && (is_word(r, j + 1, "next") || is_word(r, j + 1, "following")) &&
        (is_word(r, j + 2, "morning") || is_word(r, j + 2, "evening") || is_word(r, j + 2, "afternoon"))) {
        *d = casus_date_from_days(last.lo + 1);
        return j + 3;
    }
    if (is_word(r, j, "on"))
        j++;
    if (is_word(r, j, "the") || is_word(r, j, "that") || is_word(r, j, "a")) {
        int a = is_word(r, j, "a");
        j++;
        if (!a && (is_word(r, j, "following") || is_word(r, j, "next")) && is_word(r, j + 1, "day"))
            off = 1, n = j + 2;
        else if (!a && (is_word(r, j, "same") || is_word(r, j, "very")) && is_word(r, j + 1, "day"))
            off = 0, n = j + 2;
        /* "the same evening", "that same morning" */
        else if (!a && is_word(r, j, "same") && WORD_IN(r, j + 1, PART))
            off = 0, n = j + 2;
        else if (!a && is_word(r, j, "previous") && is_word(r, j + 1, "day"))
            off = -1, n = j + 2;
        else if (is_word(r, j, "day") && (is_word(r, j + 1, "later") || is_word(r, j + 1, "earlier")))
            off = is_word(r, j + 1, "later") ? 1 : -1, n = j + 2;
        /* "a week later", "a week earlier" */
        else if (a && is_word(r, j, "week") && (is_word(r, j + 1, "later") || is_word(r, j + 1, "earlier")))
            off = is_word(r, j + 1, "later") ? 7 : -7, n = j + 2;
        /* "The day before, Kazakhstan had protested", "... the day after.":
         * not "the day before the vote" (a day counted from the vote) */
        else if (!a && is_word(r, j, "day") && (is_word(r, j + 1, "before") || is_word(r, j + 1, "after")) &&
                 (is_punct(r, j + 2, ',') || is_punct(r, j + 2, '.') || is_punct(r, j + 2, ';')))
            off = is_word(r, j + 1, "after") ? 1 : -1, n = j + 2;
        else if (!a && is_word(r, i, "that") && is_word(r, j, "day"))
            off = 0, n = j + 1;
        else if (!a && is_word(r, j - 1, "that") && is_word(r, j, "same") && is_word(r, j + 1, "day"))
            off = 0, n = j + 2;
    } else if (cue_at(r, j, CUE_NUMBER) && (is_word(r, j + 1, "days") || is_word(r, j + 1, "weeks")) &&
               (is_word(r, j + 2, "later") || is_word(r, j + 2, "earlier"))) {
        /* "nine days later", "two weeks earlier" */
        long v = (cue_at(r, j, CUE_NUMBER) - 1) * (is_word(r, j + 1, "weeks") ? 7 : 1);
        off = (int)(is_word(r, j + 2, "later") ? v : -v);
        n = j + 3;
    }
    if (!n)
        return i;
    *d = casus_date_from_days(last.lo + off);
    return n;
}

/* "ten days ago", "three weeks ago", "two months ago", "a year ago",
 * "Today marks one year since": a span back from the article's date, at
 * unit token i. Sets *s to the phrase's first token and *d to the date (of
 * the day for days and for an anniversary, else of the week's span, the
 * month or the year; none for decades or without an article date).
 * The unit and the word after it are the lexicon's "span" cue.
 * Returns the token after the phrase, or i when there is none. */
static long ago(const rd *r, long i, long *s, casus_date *d)
{
    static const char *const DAY[] = {"day", "days"}, *const WEEK[] = {"week", "weeks"},
                             *const MONTH[] = {"month", "months"}, *const YEAR[] = {"year", "years"},
                             *const MARK[] = {"marks", "mark", "marked", "marking", "is", "was"};
    if (!cue_starts(r, i, CUE_SPAN))
        return i;
    int unit = WORD_IN(r, i, DAY) ? 1 : WORD_IN(r, i, WEEK) ? 2 : WORD_IN(r, i, MONTH) ? 3 : WORD_IN(r, i, YEAR) ? 4
               : is_word(r, i, "decade") || is_word(r, i, "decades") ? 5 : 0;
    if (!unit)
        return i;
    long first = i - 1;
    int approx = 0;
    double n = is_word(r, i - 1, "a") || is_word(r, i - 1, "an") ? 1 : casusi_number_before(r, i - 1, &first, &approx);
    if (is_word(r, i - 1, "few") || is_word(r, i - 1, "several") || is_word(r, i - 1, "some"))
        n = 0; /* "a few weeks ago": when is unknown */
    else if (n < 1 || n > 200 || n != (int)n)
        return i;
    /* "marks one year since Sweden became a member": the anniversary */
    int since = is_word(r, i + 1, "since");
    if (since && !(first >= 1 && WORD_IN(r, first - 1, MARK)))
        return i;
    if (!since && !is_word(r, i + 1, "ago"))
        return i;
    if (is_word(r, first - 1, "than") || is_word(r, first - 1, "as"))
        return i; /* "a smaller sum than a year ago": a comparison */
    *s = first;
    memset(d, 0, sizeof *d);
    /* "A year ago today": the day, a year back */
    int today = !since && is_word(r, i + 2, "today");
    if (today)
        since = 1;
    if (r->artdate.precision < 3 || !n || unit == 5)
        return i + 2 + today;
    int k = (int)n, y = r->artdate.year, m = r->artdate.month;
    int32_t day = r->artdate.lo;
    switch (unit) {
    case 1: *d = approx ? cover_days(day - k - 1, day - k + 1) : casus_date_from_days(day - k); break;
    case 2: *d = today ? casus_date_from_days(day - 7 * k) : cover_days(day - 7 * k - 3, day - 7 * k + 3); break;
    case 3:
        m -= k % 12;
        y -= k / 12;
        if (m < 1) {
            m += 12;
            y--;
        }
        *d = mkdate(y, m, since ? r->artdate.day : 0);
        break;
    default:
        *d = mkdate(y - k, since ? m : 0, since ? r->artdate.day : 0);
        break;
    }
    return i + 2 + today;
}

/* Whether the sentence has a word every anchor of anchor_day() needs
 * ("the following day", "hours later", "that afternoon"): most have none,
 * and anchor_day() would otherwise run for every token. */
static int has_anchor_word(const rd *r)
{
    static const char *const W[] = {"day", "days", "morning", "afternoon", "evening", "night",
                                    "hours", "hour", "minutes", "later", "earlier"};
    for (long i = 0; (size_t)i < r->nt; i++) {
        const ntok *t = &r->t[i];
        if (t->kind != TK_WORD)
            continue;
        /* the lengths of the words above by their first letter: most tokens
         * stop here, without a branch on the letter */
        static const uint16_t LENS[32] = {['a' & 31] = 1 << 9, ['d' & 31] = 1 << 3 | 1 << 4, ['e' & 31] = 1 << 7,
                                          ['h' & 31] = 1 << 4 | 1 << 5, ['l' & 31] = 1 << 5, ['m' & 31] = 1 << 7,
                                          ['n' & 31] = 1 << 5};
        size_t n = t->e - t->s;
        if (n < 16 && (LENS[r->text[t->s] & 31] >> n & 1) && WORD_IN(r, i, W))
            return 1;
    }
    return 0;
}

/* "that year", "that same year", "the same year", "the following year",
 * "the previous year" at token i: the number of tokens, with *y the year
 * meant (the last year written out before it, in this sentence or an
 * earlier one); 0 when there is none or no year to count from. */
static long year_ref(const rd *r, long i, int *y)
{
    long n = 0;
    int dy = 0;
    if (is_word(r, i, "that") && is_word(r, i + 1, "year"))
        n = 2;
    else if ((is_word(r, i, "that") || is_word(r, i, "the")) && is_word(r, i + 1, "same") && is_word(r, i + 2, "year"))
        n = 3;
    else if (is_word(r, i, "the") && is_word(r, i + 2, "year") &&
             (is_word(r, i + 1, "following") || is_word(r, i + 1, "previous")))
        n = 3, dy = is_word(r, i + 1, "following") ? 1 : -1;
    if (!n || (r->t[i + n - 1].fl & TF_POSS))
        return 0; /* not "that year's summit" */
    int last = r->lastyear;
    for (size_t k = 0; k < r->ndm; k++)
        if ((long)r->dm[k].e <= i && r->dm[k].d.precision >= 1 && !r->dm[k].treatyyear && !r->dm[k].mon)
            last = r->dm[k].d.year;
    if (!last)
        return 0;
    *y = last + dy;
    return n;
}

static int numeric_date(const char *t, size_t s, size_t e, int dayfirst, casus_date *out);

/* A numeric date opening at token i ("22.08.2024", "16/09/2023"; not an
 * ambiguous "03/04/2025"): its day in *d and its end token in *e. */
static int numeric_at(const rd *r, long i, casus_date *d, long *e)
{
    size_t s = r->t[i].s, q = s, dots = 0;
    if (s && (isdigit((unsigned char)r->text[s - 1]) || r->text[s - 1] == '.' || r->text[s - 1] == '/'))
        return 0;
    for (; q < r->len && q < s + 10 && (isdigit((unsigned char)r->text[q]) || r->text[q] == '.' || r->text[q] == '/'); q++)
        dots += !isdigit((unsigned char)r->text[q]);
    while (q > s && (r->text[q - 1] == '.' || r->text[q - 1] == '/'))
        q--, dots--; /* a full stop after the year */
    if (dots != 2 || q - s < 8)
        return 0;
    casus_date c;
    memset(&c, 0, sizeof c);
    if (!numeric_date(r->text, s, q, r->translated, &c))
        return 0;
    long j = i;
    while ((size_t)j < r->nt && r->t[j].e <= q)
        j++;
    if (j == i || r->t[j - 1].e != q)
        return 0;
    *d = c;
    *e = j;
    return 1;
}

/* A day and a month written with a slash and no year, as translations from
 * languages that write the day first keep them ("On 19/7 the Ministry",
 * "on the afternoon of 16/8"), at token i after a preposition: the month
 * (1 to 12, as mkdate() takes it) in *m, the end token in *e. */
static int day_slash_month(const rd *r, long i, int *m, long *e)
{
    if (i < 1 || !(is_word(r, i - 1, "on") || is_word(r, i - 1, "of") || is_word(r, i - 1, "since") ||
                   is_word(r, i - 1, "from") || is_word(r, i - 1, "until")))
        return 0;
    size_t q = r->t[i].e;
    if (q >= r->len || r->text[q] != '/')
        return 0;
    size_t b = ++q;
    int mon = 0;
    while (q < r->len && q < b + 2 && isdigit((unsigned char)r->text[q]))
        mon = mon * 10 + (r->text[q++] - '0');
    if (q == b || mon < 1 || mon > 12 || (q < r->len && (r->text[q] == '/' || isdigit((unsigned char)r->text[q]))))
        return 0;
    long j = i + 1;
    while ((size_t)j < r->nt && r->t[j].e <= q)
        j++;
    if (r->t[j - 1].e != q)
        return 0;
    *m = mon;
    *e = j;
    return 1;
}

/* A day of the Solar Hijri calendar (Iran's, and Afghanistan's with the
 * Dari month names) at token i: the day, the month's name, a year from
 * 1380 to 1406 (2001 to 2027), converted to the Gregorian day in *d, its
 * end token in *e. In those years 1 Farvardin falls on 20 March when the
 * Gregorian year is a leap year, else on 21 March; the first six months
 * have 31 days, the next five 30 ("31 Khordad 1403" is 20 June 2024). */
static int solar_hijri_at(const rd *r, long i, casus_date *d, long *e)
{
    static const char *const FA[] = {"farvardin", "ordibehesht", "khordad", "tir", "mordad", "shahrivar",
                                     "mehr", "aban", "azar", "dey", "bahman", "esfand"};
    static const char *const DARI[] = {"hamal", "sawr", "jawza", "saratan", "asad", "sunbula",
                                       "mizan", "aqrab", "qaws", "jadi", "dalw", "hut"};
    if ((size_t)i + 2 >= r->nt || r->t[i + 1].kind != TK_WORD || !(r->t[i + 1].fl & TF_CAP))
        return 0;
    const ntok *y = &r->t[i + 2];
    if (y->kind != TK_NUM || y->e - y->s != 4 || y->num < 1380 || y->num > 1406 || y->num != (int)y->num)
        return 0;
    int m = 0;
    for (int k = 0; k < 12 && !m; k++)
        if (is_word(r, i + 1, FA[k]) || is_word(r, i + 1, DARI[k]) || (k == 4 && is_word(r, i + 1, "amordad")))
            m = k + 1;
    int day = (int)r->t[i].num;
    if (!m || day < 1 || day > (m <= 6 ? 31 : 30))
        return 0;
    int gy = (int)y->num + 621;
    int leap = (gy % 4 == 0 && gy % 100 != 0) || gy % 400 == 0;
    casus_date nowruz = mkdate(gy, 3, leap ? 20 : 21);
    long off = (m <= 7 ? (m - 1) * 31 : 6 * 31 + (m - 7) * 30) + day - 1;
    *d = casus_date_from_days(nowruz.lo + off);
    *e = i + 3;
    return d->precision == 3;
}

/* "the sixteenth of this month", "the 3rd of last month": the day, with
 * *e set past "month"; 0 when tokens from i say no such thing. */
static int month_ordinal(const rd *r, long i, long *e)
{
    static const char *const ORDW[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                       "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                       "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                       "nineteenth", "twentieth"};
    if ((size_t)i + 4 >= r->nt || !is_word(r, i + 4, "month") || !is_word(r, i + 2, "of") || !is_word(r, i, "the"))
        return 0;
    int n = 0;
    const ntok *t = &r->t[i + 1];
    if ((t->fl & TF_ORD) && is_dom(t))
        n = (int)t->num;
    for (int k = 0; !n && k < (int)(sizeof ORDW / sizeof ORDW[0]); k++)
        if (is_word(r, i + 1, ORDW[k]))
            n = k + 1;
    if (!n || !(is_word(r, i + 3, "this") || is_word(r, i + 3, "last") || is_word(r, i + 3, "previous") ||
          is_word(r, i + 3, "the")))
        return 0;
    *e = i + 5;
    return n;
}

int casusi_find_dates(rd *r)
{
    r->ndm = 0;
    int range = 0;
    int anchors = r->lastday.precision == 3 && has_anchor_word(r);
    for (long i = 0; (size_t)i < r->nt; i++) {
        /* most tokens open no date: punctuation, and a lower-case word that
         * is no relative day ("yesterday", "last week") and none of the
         * openers below ("that month", "the 10th", "the following day") */
        if (r->t[i].kind == TK_PUNCT ||
            (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && !anchors &&
             !(r->cmask[i] & (((uint64_t)1 << CUE_RELDAY) | ((uint64_t)1 << CUE_SPAN))) && !is_word(r, i, "that") &&
             !is_word(r, i, "the") && !(is_word(r, i, "at") && is_word(r, i + 2, "time"))))
            continue;
        casus_date d;
        memset(&d, 0, sizeof d);
        int ym = 0, yd = 0, ny = 0;
        long s = i, e = i + 1, yr;
        int nth;
        const ntok *t = &r->t[i];
        long mon = (t->fl & TF_CAP) ? cue_at(r, i, CUE_MONTH) : 0;
        long fy; /* a translation's "In Februar 2023", "im Oktober 2022" */
        if (!mon && r->translated && (t->fl & TF_CAP) && cue_starts(r, i, CUE_FMONTH) &&
            (size_t)(fy = (long)at(r, i)->e) < r->nt && is_year(&r->t[fy])) {
            d = mkdate((int)r->t[fy].num, (int)cue_at(r, i, CUE_FMONTH) - 1, 0);
            e = fy + 1;
        } else if (mon && cue_starts(r, i, CUE_MONTH)) {
            long j = (long)at(r, i)->e;
            if (is_punct(r, j, '.'))
                j++;
            if ((size_t)j < r->nt && is_dom(&r->t[j]) && !is_year(&r->t[j])) {
                int dd = (int)r->t[j].num;
                long k = j + 1;
                if (is_punct(r, k, ','))
                    k++;
                int ya = 0;
                long yk = year_after(r, k, &ya);
                if (yk > k) {
                    d = mkdate(ya, (int)mon - 1, dd);
                    e = yk;
                } else if ((size_t)k < r->nt && is_year(&r->t[k])) {
                    d = mkdate((int)r->t[k].num, (int)mon - 1, dd);
                    e = k + 1;
                } else {
                    d = month_day(r, (int)mon - 1, dd);
                    ym = (int)mon - 1;
                    ny = 1;
                    yd = dd;
                    e = j + 1;
                }
            } else if ((size_t)j < r->nt && is_year(&r->t[j])) {
                d = mkdate((int)r->t[j].num, (int)mon - 1, 0);
                e = j + 1;
            } else if (!is_word(r, i, "may") || is_word(r, i - 1, "in") || is_word(r, i - 1, "since") ||
                       is_word(r, i - 1, "early") || is_word(r, i - 1, "late") || is_word(r, i - 1, "mid")) {
                /* a month alone: "in October", "in early May", "last
                 * November", "until March" -> the closest such month */
                long pw = i - 1;
                if (is_word(r, pw, "early") || is_word(r, pw, "late") || is_word(r, pw, "mid"))
                    pw--;
                int lead = is_word(r, pw, "in") || is_word(r, pw, "since") || is_word(r, pw, "during") ||
                           is_word(r, pw, "until") || is_word(r, pw, "by") || is_word(r, pw, "of") ||
                           is_word(r, pw, "last") || is_word(r, pw, "for") || is_word(r, pw, "from") || pw < i - 1;
                /* "This July, during the Talisman Sabre exercise": the
                 * article's year; "next March": the first after its date */
                int ry;
                long rn = year_ref(r, j, &ry);
                if (rn) { /* "In June that year", "in March the following year" */
                    d = mkdate(ry, (int)mon - 1, 0);
                    j += rn;
                } else if (r->artdate.precision >= 2 && pw == i - 1 &&
                           (is_word(r, pw, "this") || is_word(r, pw, "next"))) {
                    int y = r->artdate.year;
                    if (is_word(r, pw, "next") && (int)mon - 1 <= r->artdate.month)
                        y++;
                    d = mkdate(y, (int)mon - 1, 0);
                    s = pw;
                } else if (r->artdate.precision >= 2 && lead) {
                    casus_date c = month_day(r, (int)mon - 1, 1);
                    if (c.precision) {
                        d = mkdate(c.year, c.month, 0);
                        ym = (int)mon - 1;
                    ny = 1;
                    }
                }
                e = j;
            }
        } else if (is_dom(t) && !is_year(t) && solar_hijri_at(r, i, &d, &e)) {
            /* "Tehran, Thursday 31 Khordad 1403", "on 19 Azar 1401" */
        } else if (is_dom(t) && !is_year(t) && (size_t)i + 1 < r->nt &&
                   (((r->t[i + 1].fl & TF_CAP) && cue_starts(r, i + 1, CUE_MONTH)) ||
                    /* a translation's "Friday 27 yanvar", "yesterday, Thursday 24 Nisan" */
                    (r->translated && cue_starts(r, i + 1, CUE_FMONTH) && !cue_at(r, i + 1, CUE_MONTH)) ||
                    /* and its German "am 7. Juli 2023", Norwegian "On 28. februar",
                     * Spanish and Portuguese "24 de marzo de 1922", "sábado, 10 de Julho" */
                    (r->translated && (is_punct(r, i + 1, '.') || is_word(r, i + 1, "de")) && (size_t)i + 2 < r->nt &&
                     (((r->t[i + 2].fl & TF_CAP) && cue_starts(r, i + 2, CUE_MONTH)) ||
                      cue_starts(r, i + 2, CUE_FMONTH))))) {
            long mi = is_punct(r, i + 1, '.') || is_word(r, i + 1, "de") ? i + 2 : i + 1;
            long mm = cue_at(r, mi, CUE_MONTH);
            if (!mm)
                mm = cue_at(r, mi, CUE_FMONTH);
            long k = (long)at(r, mi)->e;
            if (mi == i + 2 && is_word(r, k, "de") && (size_t)k + 1 < r->nt && is_year(&r->t[k + 1]))
                k++; /* "de 1922" */
            /* a translator's gloss between the month and its year: "11 қараша
             * [November] 2013", "4 қазан (October) 2022" */
            if (is_punct(r, k, '(') && cue_starts(r, k + 1, CUE_MONTH) && is_punct(r, (long)at(r, k + 1)->e, ')') &&
                (size_t)at(r, k + 1)->e + 1 < r->nt && is_year(&r->t[at(r, k + 1)->e + 1]))
                k = (long)at(r, k + 1)->e + 1;
            int ya = 0;
            long yk = year_after(r, k, &ya);
            if (yk > k) {
                d = mkdate(ya, (int)mm - 1, (int)t->num);
                e = yk;
            } else if ((size_t)k < r->nt && is_year(&r->t[k])) {
                d = mkdate((int)r->t[k].num, (int)mm - 1, (int)t->num);
                e = k + 1;
            } else {
                d = month_day(r, (int)mm - 1, (int)t->num);
                ym = (int)mm - 1;
                ny = 1;
                yd = (int)t->num;
                e = k;
            }
        } else if (t->kind == TK_NUM && !is_year(t) &&
                   numeric_at(r, i, &d, &e)) {
            /* "signed in Dushanbe on 22.08.2024", "on 16/09/2023" */
        } else if (r->translated && is_dom(t) && day_slash_month(r, i, &ym, &e)) {
            /* a translation's "On 19/7 the Ministry ...", "on the afternoon of 16/8" */
            d = month_day(r, ym, (int)t->num);
            ny = 1;
            yd = (int)t->num;
        } else if (is_year(t) && (size_t)i + 2 < r->nt && (r->t[i + 1].fl & TF_HYPH) &&
                   (r->t[i + 2].fl & TF_HYPH) && r->t[i + 1].kind == TK_NUM && r->t[i + 2].kind == TK_NUM) {
            d = mkdate((int)t->num, (int)r->t[i + 1].num, (int)r->t[i + 2].num);
            e = i + 3;
        } else if (is_year(t) && (is_word(r, i - 1, "and") || is_punct(r, i - 1, ',')) && r->ndm &&
                   r->dm[r->ndm - 1].e == (uint32_t)(i - 1) && r->dm[r->ndm - 1].d.precision == 1) {
            d = mkdate((int)t->num, 0, 0); /* "in 2023 and 2024" */
        } else if (is_year(t) && (is_word(r, i - 1, "in") || is_word(r, i - 1, "since") ||
                                  /* not "the Fourth Geneva Convention of 1949": the treaty's year */
                                  (is_word(r, i - 1, "of") && !cue_at(r, i - 2, CUE_TREATY)) ||
                                  is_word(r, i - 1, "early") ||
                                  is_word(r, i - 1, "late") || is_word(r, i - 1, "mid") ||
                                  /* "stayed until 2017, the year the two countries signed" */
                                  casusi_day_apposition(r, i + 1) ||
                                  /* "held joint drills as recently as 2024" */
                                  (is_word(r, i - 1, "as") && (is_word(r, i - 2, "recently") ||
                                                               is_word(r, i - 2, "early") || is_word(r, i - 2, "late"))))) {
            d = mkdate((int)t->num, 0, 0);
        } else if (is_year(t)) {
            /* "a 1961 treaty", "the Convention of 1949": the treaty's year */
            long j = i + 1;
            int tr = is_word(r, i - 1, "of");
            for (int k = 0; k < 4 && (size_t)j < r->nt && !tr; k++) {
                if (cue_at(r, j, CUE_TREATY)) {
                    tr = 1;
                    break;
                }
                const lx_match *mm = at(r, j);
                j = mm ? (long)mm->e : j + 1;
            }
            if (tr) {
                if (GROW(r->dm, r->ndm, r->dmcap))
                    return -1;
                dmen *x = &r->dm[r->ndm++];
                x->s = (uint32_t)i;
                x->e = (uint32_t)i + 1;
                x->d = mkdate((int)t->num, 0, 0);
                x->treatyyear = 1;
                x->mon = x->dom = 0;
            }
            continue;
        } else if (r->lastmonth.precision >= 2 && is_word(r, i, "that") && is_word(r, i + 1, "month")) {
            /* "denounced the memorandum that month" */
            d = mkdate(r->lastmonth.year, r->lastmonth.month, 0);
            e = i + 2;
        } else if (is_word(r, i, "at") && is_word(r, i + 1, "the") && is_word(r, i + 2, "time") &&
                   !is_word(r, i + 3, "of") && !is_word(r, i + 3, "being") && r->lastany.precision &&
                   r->lastany_para == r->parano && !prior_date(r) && !cue_at(r, i - 1, CUE_PEOPLE) &&
                   !(is_punct(r, i + 3, ',') && (size_t)i + 4 < r->nt && (r->t[i + 4].fl & TF_CAP))) {
            /* "Beijing's foreign ministry at the time denounced": the time
             * the paragraph last wrote out; not when
             * the sentence names its own ("On Dec. 7 ..., a move Caracas
             * called a provocation at the time"), nor for an office ("the
             * Crown Prince at the time, Sheikh Mishal") */
            d = r->lastany;
            e = i + 3;
        } else if ((yr = year_ref(r, i, &ym)) > 0) {
            /* "later that year", "the following year" */
            d = mkdate(ym, 0, 0);
            e = i + yr;
            ym = 0;
        } else if ((nth = month_ordinal(r, i, &e)) > 0 &&
                   (r->artdate.precision == 3 || r->lastday.precision == 3 || r->lastmonth.precision >= 2)) {
            /* "On the sixteenth of this month", "on the 3rd of last month":
             * a day of the month the article's is, or of the one before */
            const casus_date *c = r->artdate.precision == 3 ? &r->artdate
                                  : r->lastday.precision == 3 ? &r->lastday
                                                              : &r->lastmonth;
            int y = c->year, m = c->month;
            if (is_word(r, e - 2, "last") || is_word(r, e - 2, "previous")) {
                y -= m == 1;
                m = m == 1 ? 12 : m - 1;
            }
            d = mkdate(y, m, nth);
        } else if ((size_t)i + 1 < r->nt && (r->t[i + 1].fl & TF_ORD) && is_word(r, i, "the") &&
                   is_dom(&r->t[i + 1]) && (is_word(r, i - 1, "on") || is_word(r, i - 1, "of")) &&
                   ((size_t)i + 2 >= r->nt || r->t[i + 2].kind == TK_PUNCT || /* not "the 79th anniversary" */
                    (i == 1 && (is_word(r, i + 2, "the") || (r->t[i + 2].fl & TF_CAP))) || /* "On the 14th the Ministry" */
                    cue_at(r, i + 2, CUE_CONJ) || cue_at(r, i + 2, CUE_PREP) || is_word(r, i + 2, "after") ||
                    is_word(r, i + 2, "when") || is_word(r, i + 2, "before") ||
                    (r->t[i + 2].kind == TK_WORD && !(r->t[i + 2].fl & TF_CAP) && is_trigger_tok(r, i + 2))) && /* "on the 21st and demanded", "on the 19th criticised" */
                   (r->lastday.precision == 3 || r->lastmonth.precision >= 2 || r->artdate.precision == 3)) {
            /* "on the 10th" (a day of the month being told, as Japanese
             * and Korean news write it): of the article's month, or the
             * month before when that day is still to come; without an
             * article date, of the last day or month named */
            int n = (int)r->t[i + 1].num;
            if (r->artdate.precision == 3)
                d = n <= r->artdate.day ? mkdate(r->artdate.year, r->artdate.month, n)
                    : r->artdate.month == 1 ? mkdate(r->artdate.year - 1, 12, n)
                                            : mkdate(r->artdate.year, r->artdate.month - 1, n);
            else {
                const casus_date *c = r->lastday.precision == 3 ? &r->lastday : &r->lastmonth;
                d = mkdate(c->year, c->month, n);
            }
            e = i + 2;
        } else if ((e = ago(r, i, &s, &d)) > i) {
            /* "two weeks ago", "a year ago", "Today marks one year since" */
        } else if (anchors && (e = anchor_day(r, i, &d)) > i) {
            /* "the following day", "a day later", "the same day", "two days
             * later": from the last day the article named */
        } else if (cue_starts(r, i, CUE_WEEKDAY) && (t->fl & TF_CAP)) {
            /* weekdays and "yesterday" count back from the article's day,
             * or in a live blog from the day heading the entry */
            long wd = cue_at(r, i, CUE_WEEKDAY) - 1;
            /* "on Monday, Dec. 29", "Tuesday 4 March": the date that follows
             * says the day (and its year is not this weekday's) */
            long nx = (long)at(r, i)->e + (is_punct(r, (long)at(r, i)->e, ',') ? 1 : 0);
            if (cue_starts(r, nx, CUE_MONTH) ||
                ((size_t)nx + 1 < r->nt && r->t[nx].kind == TK_NUM && cue_starts(r, nx + 1, CUE_MONTH)))
                continue;
            if (is_word(r, i - 1, "that") && r->lastday.precision == 3 && weekday_of(r->lastday.lo) == wd) {
                /* "The story began on 20 August 2023. That Sunday, Rutte
                 * announced": the day just named */
                d = r->lastday;
                s = i - 1;
            } else if (r->artdate.precision == 3) {
                int32_t day = r->secdate.precision == 3 ? r->secdate.lo : r->artdate.lo;
                int fut = is_word(r, i - 1, "next");
                int past = is_word(r, i - 1, "last"); /* "last Thursday" in Thursday's paper: a week ago */
                for (int k = 0; k < 7; k++) {
                    int32_t c = fut ? day + 1 + k : day - k - past;
                    if (weekday_of(c) == wd) {
                        d = casus_date_from_days(c);
                        break;
                    }
                }
            }
            e = (long)at(r, i)->e;
        } else if (cue_starts(r, i, CUE_RELDAY)) {
            long rel = cue_at(r, i, CUE_RELDAY) - 1;
            e = (long)at(r, i)->e;
            if (r->artdate.precision == 3) {
                int32_t day = r->secdate.precision == 3 ? r->secdate.lo : r->artdate.lo;
                int y, m, dd;
                casus_civil_from_days(day, &y, &m, &dd);
                int wd = weekday_of(day);
                switch (rel) {
                case 0: d = casus_date_from_days(day - 1); break;
                case 1: case 14: case 15: case 16: case 17: case 18: case 19: d = casus_date_from_days(day); break;
                case 2: d = casus_date_from_days(day + 1); break;
                case 3: d = cover_days(day - wd - 7, day - wd - 1); break;
                case 4: d = m == 1 ? mkdate(y - 1, 12, 0) : mkdate(y, m - 1, 0); break;
                case 5: d = mkdate(y - 1, 0, 0); break;
                case 6: case 20: case 21: case 22: d = cover_days(day - wd, day - wd + 6); break;
                case 7: case 9: d = mkdate(y, m, 0); break;
                case 8: case 10: d = mkdate(y, 0, 0); break;
                case 11: d = cover_days(day - wd + 7, day - wd + 13); break;
                case 12: d = m == 12 ? mkdate(y + 1, 1, 0) : mkdate(y, m + 1, 0); break;
                case 13: d = mkdate(y + 1, 0, 0); break;
                default: break;
                }
            }
        } else
            continue;
        /* "on July 8 last year", "in March this year" */
        if (ny && d.precision && r->artdate.precision && is_word(r, e + 1, "year") &&
            (is_word(r, e, "last") || is_word(r, e, "this") || is_word(r, e, "next"))) {
            int y = r->artdate.year + (is_word(r, e, "last") ? -1 : is_word(r, e, "next") ? 1 : 0);
            d = mkdate(y, d.month, d.precision == 3 ? d.day : 0);
            ym = yd = 0;
            e += 2;
        }
        if (r->dl_e && r->t[s].s >= r->dl_s && r->t[s].s < r->dl_e) {
            i = e - 1;
            continue; /* the dateline's date */
        }
        /* "from 15 to 24 July 2024", "on 11-20 September": days of one
         * month; what was held then began on the first */
        if (d.precision == 3 && s >= 2 && (is_word(r, s - 1, "to") || is_punct(r, s - 1, '-') ||
                                           is_word(r, s - 1, "and") || is_word(r, s - 1, "through")) &&
            r->t[s - 2].kind == TK_NUM && r->t[s - 2].num >= 1 && r->t[s - 2].num < d.day &&
            r->t[s - 2].num == (int)r->t[s - 2].num && !is_word(r, s - 3, "of")) {
            d = mkdate(d.year, d.month, (int)r->t[s - 2].num);
            if (ny)
                yd = d.day;
            s -= 2;
            if (is_word(r, s - 1, "from") || is_word(r, s - 1, "between"))
                s--;
        }
        /* ranges ("between August and January", "from 2019 to 2021") say
         * when something lasted; a lone "from January 2025" is its start */
        int to = is_word(r, e, "and") || is_word(r, e, "to") || is_word(r, e, "until") || is_word(r, e, "till") ||
                 is_word(r, e, "through") || is_punct(r, e, '-');
        int isrange = range || is_word(r, s - 1, "between") || (is_word(r, s - 1, "from") && to);
        range = isrange && to;
        /* "extended until 31 May 2026 the arms embargo": how long it
         * lasts, not when it was done ("did not sign until March" is) */
        int until = 0;
        if (!isrange && (is_word(r, s - 1, "until") || is_word(r, s - 1, "till")) &&
            !casusi_day_apposition(r, e)) { /* not "until 2017, the year the two countries signed" */
            int neg = 0;
            for (long k = 0; k < s && !neg; k++)
                neg = cue_at(r, k, CUE_NEG) != 0;
            isrange = until = !neg;
        }
        if (GROW(r->dm, r->ndm, r->dmcap))
            return -1;
        dmen *x = &r->dm[r->ndm++];
        x->s = (uint32_t)s;
        x->e = (uint32_t)e;
        x->d = d;
        x->treatyyear = 0;
        x->mon = d.precision ? (int8_t)ym : 0;
        x->dom = (int8_t)yd;
        if (isrange)
            memset(&x->d, 0, sizeof x->d);
        if (until) /* nor by tense: "opened the drill; it runs until 20 September" */
            x->mon = x->dom = 0;
        /* "In October 1998, ... and on 20 October Ankara and Damascus
         * signed", "In December 2023, after ..., Kinshasa summoned ... on
         * 16 December": a month without a year after a date with one in
         * the same sentence is in that date's year, unless it lies before it */
        for (size_t k = r->ndm - 1; x->mon && !isrange && k-- > 0;) {
            const dmen *p = &r->dm[k];
            if (p->mon || p->treatyyear || !p->d.precision)
                continue;
            /* (the same year too, when written: "on Nov. 11, 2024, and it
             * entered into force on Dec. 4" is not dated by tense afterwards) */
            int written = 0;
            for (uint32_t q = p->s; q < p->e && !written; q++)
                written = r->t[q].kind == TK_NUM && r->t[q].num == p->d.year;
            if ((p->d.year != x->d.year || written) && (p->d.precision == 1 || p->d.month <= x->d.month)) {
                x->d = mkdate(p->d.year, x->d.month, x->d.precision == 3 ? x->d.day : 0);
                x->mon = x->dom = 0;
            }
            break;
        }
        i = e - 1;
    }
    return 0;
}

/* ---- article date from the text ------------------------------------- */

/* A numeric date in bytes [s, e): "19.09.2025" (day first), "09/19/2025"
 * or "19/09/2025" when the order is unambiguous ("08/08/2025" is), and
 * year first, as Korean and Chinese pages write it: "2024.10.21",
 * "2024/10/21". */
static int numeric_date(const char *t, size_t s, size_t e, int dayfirst, casus_date *out)
{
    for (size_t i = s; i + 8 <= e; i++) {
        if (i > s && (isdigit((unsigned char)t[i - 1]) || t[i - 1] == '.' || t[i - 1] == '/'))
            continue;
        /* year first: four digits, a dot or slash, month, the same, day */
        if (i + 10 <= e && isdigit((unsigned char)t[i]) && isdigit((unsigned char)t[i + 1]) &&
            isdigit((unsigned char)t[i + 2]) && isdigit((unsigned char)t[i + 3]) && (t[i + 4] == '.' || t[i + 4] == '/') &&
            isdigit((unsigned char)t[i + 5]) && isdigit((unsigned char)t[i + 6]) && t[i + 7] == t[i + 4] &&
            isdigit((unsigned char)t[i + 8]) && isdigit((unsigned char)t[i + 9]) &&
            (i + 10 == e || !(isalnum((unsigned char)t[i + 10]) || t[i + 10] == '.' || t[i + 10] == '/'))) {
            int y = atoi(t + i), m = (t[i + 5] - '0') * 10 + t[i + 6] - '0', d = (t[i + 8] - '0') * 10 + t[i + 9] - '0';
            if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                *out = mkdate(y, m, d);
                if (out->precision == 3)
                    return 1;
            }
            continue;
        }
        size_t j = i;
        int v[3] = {0, 0, 0}, nd[3] = {0, 0, 0};
        char sep = 0;
        int k = 0;
        for (; k < 3 && j < e; k++) {
            while (j < e && isdigit((unsigned char)t[j]) && nd[k] < 4) {
                v[k] = v[k] * 10 + (t[j] - '0');
                nd[k]++;
                j++;
            }
            if (k < 2) {
                if (j >= e || (t[j] != '.' && t[j] != '/') || (sep && t[j] != sep))
                    break;
                sep = t[j++];
            }
        }
        if (k < 3 || nd[0] < 1 || nd[0] > 2 || nd[1] < 1 || nd[1] > 2 || nd[2] != 4 ||
            (j < e && (isalnum((unsigned char)t[j]) || t[j] == '.' || t[j] == '/')))
            continue;
        int day = v[0], mon = v[1];
        if (sep == '/') {
            if (v[0] <= 12 && v[1] <= 12 && v[0] != v[1] && !dayfirst)
                continue; /* 03/04/2025: either order (a translation's is day first) */
            if (v[1] > 12)
                day = v[1], mon = v[0];
        }
        if (mon < 1 || mon > 12 || day < 1 || day > 31)
            continue;
        *out = mkdate(v[2], mon, day);
        return out->precision == 3;
    }
    return 0;
}

/* Tokens, matches and dates of one line outside the sentence flow (a date
 * line, a letterhead, a sign-off): 0, or -1 when it has no tokens, more
 * than max, or memory runs out. */
static int read_line(rd *r, size_t s, size_t e, long max)
{
    r->nt = r->nm = r->nsel = r->ndm = 0;
    long n = casusi_tokenize(r->lx, r->text, e, s, &r->t, &r->tcap);
    if (n <= 0 || n > max)
        return -1;
    r->nt = (size_t)n;
    casusi_era_years(r);
    long nm = casusi_lex_match(r->lx, r->t, r->nt, &r->m, &r->mcap);
    if (nm < 0)
        return -1;
    r->nm = (size_t)nm;
    return casusi_select_matches(r) || casusi_find_dates(r) ? -1 : 0;
}

/* "18 novembre 2025", "10 de abril de 2025", "25. Januar 2023", "30 Ekim
 * 2025": a day, a month in the original's language (cues.yaml,
 * month-original) and a year, on a line read by read_line(). */
static int original_date(const rd *r, casus_date *out)
{
    /* Hungarian, year first: "2025. május 20." */
    for (long k = 0; (size_t)k + 3 < r->nt; k++)
        if (is_year(&r->t[k]) && is_punct(r, k + 1, '.') && cue_starts(r, k + 2, CUE_FMONTH)) {
            long j = (long)at(r, k + 2)->e;
            if ((size_t)j < r->nt && is_dom(&r->t[j])) {
                *out = mkdate((int)r->t[k].num, (int)cue_at(r, k + 2, CUE_FMONTH) - 1, (int)r->t[j].num);
                if (out->precision == 3)
                    return 1;
            }
        }
    for (long k = 0; (size_t)k + 2 < r->nt; k++) {
        /* "mardi 1er juillet 2025": French writes the first as "1er" */
        int first = is_word(r, k, "1er");
        if (!first && (!is_dom(&r->t[k]) || is_year(&r->t[k])))
            continue;
        long j = k + 1;
        if (is_punct(r, j, '.') || is_punct(r, j, '-')) /* "11-октябрь, 2023" */
            j++;
        if (is_word(r, j, "de"))
            j++;
        long mon = cue_starts(r, j, CUE_FMONTH) ? cue_at(r, j, CUE_FMONTH) - 1
                   /* "fredag den 12. september 2025": a month English shares */
                   : cue_starts(r, j, CUE_MONTH) && r->translated ? cue_at(r, j, CUE_MONTH) - 1 : 0;
        if (!mon)
            continue;
        j = (long)at(r, j)->e;
        if (is_word(r, j, "de") || is_word(r, j, "del") || is_punct(r, j, ','))
            j++;
        if ((size_t)j < r->nt && is_year(&r->t[j])) {
            *out = mkdate((int)r->t[j].num, (int)mon, first ? 1 : (int)r->t[k].num);
            if (out->precision == 3)
                return 1;
        }
    }
    return 0;
}

/* A Japanese, Chinese or Korean date in bytes [s, e): "2022年（令和4年）3月22日",
 * "2024年2月29日", "2023년 4월 22일": a year, 年 (년), at most 24 bytes of an
 * era in brackets, the month, 月 (월), the day, 日 (일); Korean puts a space
 * after each unit. */
static int cjk_date(const char *t, size_t s, size_t e, casus_date *out)
{
    static const char NEN[] = "\xE5\xB9\xB4", GATSU[] = "\xE6\x9C\x88", NICHI[] = "\xE6\x97\xA5";
    static const char NYEON[] = "\xEB\x85\x84", WOL[] = "\xEC\x9B\x94", IL[] = "\xEC\x9D\xBC";
    for (size_t i = s; i + 4 + 3 <= e; i++) {
        if ((i > s && isdigit((unsigned char)t[i - 1])) || !isdigit((unsigned char)t[i]) ||
            !isdigit((unsigned char)t[i + 1]) || !isdigit((unsigned char)t[i + 2]) ||
            !isdigit((unsigned char)t[i + 3]))
            continue;
        int ko = !memcmp(t + i + 4, NYEON, 3);
        if (!ko && memcmp(t + i + 4, NEN, 3))
            continue;
        int y = atoi(t + i);
        size_t j = i + 7, lim = j + 24 < e ? j + 24 : e;
        /* an era in brackets: "（令和4年）" */
        if (j < e && (t[j] == '(' || ((unsigned char)t[j] == 0xEF && j + 2 < e && (unsigned char)t[j + 1] == 0xBC &&
                                       (unsigned char)t[j + 2] == 0x88))) {
            size_t q = j;
            while (q < lim && t[q] != ')' &&
                   !((unsigned char)t[q] == 0xEF && q + 2 < e && (unsigned char)t[q + 1] == 0xBC &&
                     (unsigned char)t[q + 2] == 0x89))
                q++;
            if (q >= lim)
                continue;
            j = q + (t[q] == ')' ? 1 : 3);
        }
        int v[2] = {0, 0};
        const char *unit[2] = {ko ? WOL : GATSU, ko ? IL : NICHI};
        int ok = 1;
        for (int k = 0; k < 2 && ok; k++) {
            int nd = 0;
            if (ko && j < e && t[j] == ' ')
                j++;
            while (j < e && isdigit((unsigned char)t[j]) && nd < 2) {
                v[k] = v[k] * 10 + (t[j++] - '0');
                nd++;
            }
            ok = nd && j + 3 <= e && !memcmp(t + j, unit[k], 3);
            j += 3;
        }
        if (ok && v[0] >= 1 && v[0] <= 12 && v[1] >= 1 && v[1] <= 31) {
            *out = mkdate(y, v[0], v[1]);
            if (out->precision == 3)
                return 1;
        }
    }
    return 0;
}

/* A day, a month's abbreviation and a year joined by dots, as Brazilian
 * and Spanish papers write them: "20.fev.2024", "3.ago.2023". */
static int dotted_month_date(const char *t, size_t s, size_t e, casus_date *out)
{
    static const char *const AB[] = {"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out",
                                     "nov", "dez", "ene", "feb", "apr", "may", "aug", "sep", "oct", "dic", "dec"};
    static const int MON[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 4, 5, 8, 9, 10, 12, 12};
    for (size_t i = s; i + 10 <= e; i++) {
        if ((i > s && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '.')) || !isdigit((unsigned char)t[i]))
            continue;
        size_t j = i;
        int d = 0;
        while (j < e && j < i + 2 && isdigit((unsigned char)t[j]))
            d = d * 10 + (t[j++] - '0');
        if (j + 9 > e || t[j] != '.' || t[j + 4] != '.' || !isdigit((unsigned char)t[j + 5]) ||
            !isdigit((unsigned char)t[j + 6]) || !isdigit((unsigned char)t[j + 7]) || !isdigit((unsigned char)t[j + 8]) ||
            (j + 9 < e && isalnum((unsigned char)t[j + 9])))
            continue;
        for (size_t k = 0; k < sizeof AB / sizeof *AB; k++)
            if (!strncasecmp(t + j + 1, AB[k], 3)) {
                *out = mkdate(atoi(t + j + 5), MON[k], d);
                if (out->precision == 3)
                    return 1;
            }
    }
    return 0;
}

/* The first full date in bytes [s, e): numeric, else in words, in English
 * or in the original's language, else Japanese or Chinese. */
static void date_from_line(rd *r, size_t s, size_t e, casus_date *out)
{
    if (numeric_date(r->text, s, e, r->translated, out))
        return;
    if (read_line(r, s, e, LONG_MAX))
        return;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3) {
            *out = r->dm[k].d;
            return;
        }
    if (!original_date(r, out) && !cjk_date(r->text, s, e, out))
        dotted_month_date(r->text, s, e, out);
}

/* The last full date in English words in bytes [s, e): "live coverage,
 * Tuesday 17 September 2024 to Wednesday 18 September 2024". */
static void last_date_of_line(rd *r, size_t s, size_t e, casus_date *out)
{
    if (read_line(r, s, e, LONG_MAX))
        return;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3 && !r->dm[k].mon)
            *out = r->dm[k].d;
}

/* A page's date as its metadata writes it when that is no ISO date: "26
 * Sep 2024 07.12 BST", "Thursday, May 15, 2025". */
casus_date casusi_date_of_string(rd *r, const char *v)
{
    casus_date d;
    memset(&d, 0, sizeof d);
    const char *text = r->text;
    size_t len = r->len;
    r->text = v;
    r->len = strlen(v);
    date_from_line(r, 0, r->len, &d);
    r->text = text;
    r->len = len;
    r->nt = r->nm = r->nsel = r->ndm = 0;
    return d;
}

/* Where a dateline's separator starts at byte q of a line ending at j: the
 * dateline's end, or 0. Separators: " - ", " -- ", an en or em dash,
 * TASS's "CITY, 11 June. /Agency/. " (the dateline keeps "/.") and an
 * agency's colon, "CITY, Oct 11 (APP): ". */
static size_t dateline_sep(const char *text, size_t q, size_t j)
{
    const char *t = text + q;
    unsigned char c = (unsigned char)t[0];
    if (q + 2 >= j)
        return 0;
    if ((c == ' ' && t[1] == '-' && t[2] == ' ') || (c == ' ' && t[1] == '-' && t[2] == '-' && q + 3 < j && t[3] == ' '))
        return q;
    if (c == 0xE2 && (unsigned char)t[1] == 0x80 && ((unsigned char)t[2] == 0x93 || (unsigned char)t[2] == 0x94))
        return q;
    if (c == '/' && t[1] == '.' && t[2] == ' ')
        return q + 2;
    /* "ISLAMABAD, Oct 11 (APP): Pakistan on Saturday..." */
    if (c == ')' && t[1] == ':' && t[2] == ' ')
        return q + 2;
    return 0;
}

/* A sign-off line at the end of a statement: "Pyongyang, March 11, Juche
 * 114 (2025)", "Moscow, 11 March 2025". The month and day, and a year
 * anywhere on the line. */
void casusi_find_signoff_date(rd *r, size_t s, size_t e)
{
    int lines = 0;
    size_t j = e;
    while (j > s && lines < 4) {
        while (j > s && (r->text[j - 1] == '\n' || r->text[j - 1] == ' ' || r->text[j - 1] == '\r'))
            j--;
        size_t i = j;
        while (i > s && r->text[i - 1] != '\n')
            i--;
        if (i == j)
            break;
        lines++;
        /* only a short line with a year in it ("(2025)", "2025") */
        int digits = 0, year = 0;
        for (size_t q = i; q < j && !year; q++) {
            digits = isdigit((unsigned char)r->text[q]) ? digits + 1 : 0;
            year = digits == 4 && (q + 1 >= j || !isdigit((unsigned char)r->text[q + 1]));
        }
        if (j - i <= 80 && year) {
            if (!read_line(r, i, j, LONG_MAX)) {
                year = 0;
                for (size_t k = 0; k < r->nt; k++)
                    if (is_year(&r->t[k]))
                        year = (int)r->t[k].num;
                for (size_t k = 0; k < r->ndm && !r->artdate.precision; k++)
                    if (r->dm[k].d.precision == 3 && !r->dm[k].mon)
                        r->artdate = r->dm[k].d;
                /* "March 11, Juche 114 (2025)": the year apart */
                for (size_t k = 0; k + 1 < r->nt && year && !r->artdate.precision; k++) {
                    long mon = cue_starts(r, (long)k, CUE_MONTH) ? cue_at(r, (long)k, CUE_MONTH) : 0;
                    long d = mon ? (long)at(r, (long)k)->e : -1;
                    if (d >= 0 && (size_t)d < r->nt && is_dom(&r->t[d]) && !is_year(&r->t[d]))
                        r->artdate = mkdate(year, (int)mon - 1, (int)r->t[d].num);
                }
            }
            r->nt = r->nm = r->nsel = r->ndm = 0;
            if (r->artdate.precision == 3)
                return;
        }
        j = i;
    }
}

/* A quick look at a line before reading it: does it open with a day, a
 * weekday or a month ("4 December 2025", "Thursday 4 December", "Dec. 4")? */
static int opens_with_date(const char *t, size_t n)
{
    static const char *const W[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar",
                                    "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n && isdigit((unsigned char)t[0]))
        return 1;
    if (n < 3 || !strchr("mtwfsjaondMTWFSJAOND", t[0]))
        return 0;
    for (size_t k = 0; k < sizeof W / sizeof *W; k++)
        if ((t[0] | 0x20) == W[k][0] && !strncasecmp(t, W[k], 3))
            return 1;
    return 0;
}

/* The first (or, with last, the last) full date in bytes [s, e) made the
 * article's date: 1, or 0 when the bytes hold none. */
static int artdate_from(rd *r, size_t s, size_t e, int last)
{
    casus_date d;
    memset(&d, 0, sizeof d);
    if (last)
        last_date_of_line(r, s, e, &d);
    else
        date_from_line(r, s, e, &d);
    if (d.precision != 3)
        return 0;
    r->artdate = d;
    return 1;
}

/* Where the line [i, j) opens a translator's note ("[Translated from
 * Dari.", "[Translator's note: ...", "[UNOFFICIAL TRANSLATION"): its '[',
 * else j. */
static size_t translator_note(const char *t, size_t i, size_t j)
{
    while (i < j && is_space(t[i]))
        i++;
    if (i >= j || t[i] != '[')
        return j;
    for (size_t q = i; q + 8 <= j && q < i + 80; q++)
        if ((t[q] | 0x20) == 't' && !strncasecmp(t + q, "translat", 8))
            return i;
    return j;
}

/* Does a translator's note open one of the first lines? Its dates may keep
 * the original's month names ("Friday 27 yanvar"). */
void casusi_find_translation(rd *r, size_t s, size_t e)
{
    for (int lines = 0; s < e && lines < 6; lines++) {
        size_t j = s;
        while (j < e && r->text[j] != '\n')
            j++;
        if (!r->translated)
            r->translated = translator_note(r->text, s, j) < j;
        /* "Years are Buddhist Era (พ.ศ., B.E.), which runs 543 years ahead
         * of the Common Era" */
        for (size_t q = s; r->translated && !r->buddhist && q + 4 <= j; q++)
            r->buddhist = (r->text[q] == 'B' && (!strncmp(r->text + q, "B.E.", 4) ||
                                                  (q + 12 <= j && !strncmp(r->text + q, "Buddhist Era", 12)))) ||
                          ((unsigned char)r->text[q] == 0xE0 && q + 7 <= j &&
                           !strncmp(r->text + q, "\xE0\xB8\x9E.\xE0\xB8\xA8.", 7));
        s = j + 1;
    }
}

/* In an article whose years are of the Buddhist Era (rd.buddhist), the
 * tokens of the line just read that are such years (2443-2643) become
 * years of the Common Era: "26 August 2568" is 26 August 2025. */
void casusi_era_years(rd *r)
{
    for (size_t i = 0; r->buddhist && i < r->nt; i++) {
        ntok *t = &r->t[i];
        if (t->kind == TK_NUM && t->e - t->s == 4 && t->num >= 2443 && t->num <= 2643 && t->num == (int)t->num)
            t->num -= 543;
    }
}

void casusi_find_article_date(rd *r, size_t s, size_t e)
{
    /* short lines near the top ("Published: 12 March 2025", a dateline),
     * or the dateline that opens the first paragraph */
    int lines = 0;
    size_t i = s;
    while (i < e && lines < 12) {
        size_t j = i;
        while (j < e && r->text[j] != '\n')
            j++;
        size_t len = j - i;
        if (len) {
            lines++;
            size_t words = count_words(r->text + i, len, 15);
            size_t lim = j;
            /* a dateline: up to the first separator */
            for (size_t q = i; q + 2 < j && q < i + 80; q++) {
                size_t d = dateline_sep(r->text, q, j);
                if (d) {
                    lim = d;
                    break;
                }
            }
            /* "By X in Y · Published 29 November 2024, 09:12 · 5 min read";
             * "[Translated from Japanese. Original: Kanto Shimpo, morning
             * edition, December 11, 2025, politics page.]"; "Source: Al-Mirbad
             * Daily, front page, Wednesday 6 Rajab 1445 AH / 17 January 2024";
             * "Received 17 May 2024, 07:52 KST": the first full date after
             * such a word, on the rest of the line */
            static const struct {
                const char *w;
                uint8_t n;
            } PUB[] = {{"published", 9}, {"posted", 6},  {"updated", 7}, {"edition", 7}, {"original:", 9},
                       {"source:", 7},    {"received", 8}, {"filed", 5},   {"dated", 5}, {"date line", 9}};
            int year = 0; /* a line with no year holds no full date: most lines, not read twice */
            for (size_t q = i, n = 0; words > 14 && q < j && j - i <= 600 && !year; q++) {
                n = isdigit((unsigned char)r->text[q]) ? n + 1 : 0;
                year = n == 4 && (r->text[q - 3] == '1' || r->text[q - 3] == '2');
            }
            for (size_t q = i; year && q + 6 < j; q++) {
                char c = (char)(r->text[q] | 0x20);
                if ((c != 'p' && c != 'u' && c != 'e' && c != 'o' && c != 's' && c != 'r' && c != 'f' && c != 'd') ||
                    (q > i && isalpha((unsigned char)r->text[q - 1])))
                    continue;
                size_t kw = 0, w = 0;
                for (; w < sizeof PUB / sizeof *PUB && !kw; w++)
                    if (PUB[w].w[0] == c && q + PUB[w].n <= j && !strncasecmp(r->text + q, PUB[w].w, PUB[w].n))
                        kw = PUB[w].n;
                if (!kw)
                    continue;
                /* in a header the words are capitalised ("Received 17 May",
                 * "Source:"), or the date follows ("Last updated Wednesday
                 * 12 November"), "edition" aside: the body's "received
                 * Iranian drones" is none */
                size_t a = q + kw;
                while (a < j && (r->text[a] == ' ' || r->text[a] == ':'))
                    a++;
                if (strcmp(PUB[w - 1].w, "edition") && !isupper((unsigned char)r->text[q]) &&
                    !opens_with_date(r->text + a, j - a))
                    continue;
                if (artdate_from(r, q + kw, j - q - kw > 320 ? q + kw + 320 : j, 0))
                    return;
                q += kw - 1;
            }
            /* a byline: "By Els Vandermeulen & Tom Achterberg · Brussels ·
             * Sunday 9 November 2025, 20:15 CET · 6 min read": its first
             * full date */
            if (year && len > 3 && !strncmp(r->text + i, "By ", 3) && j - i <= 320 && artdate_from(r, i, j, 0))
                return;
            /* a translator's note: "[Translated from Dari. Original published
             * in the Kabul weekly ..., Wednesday 10 Jawza 1402 (31 May
             * 2023), page 1": its first full date, wherever it stands */
            size_t b = translator_note(r->text, i, j);
            if (b < j && artdate_from(r, b, j - b > 600 ? b + 600 : j, 0))
                return;
            /* a live blog's span: "Eastern Mediterranean Desk — live
             * coverage, Tuesday 17 September 2024 to Wednesday 18 September
             * 2024", "Live coverage began ... and closed ...": the page's
             * last day, from which its weekdays count back */
            if (year || words <= 14)
                for (size_t q = i; q + 8 <= j && q < i + 200; q++)
                    if ((r->text[q] | 0x20) == 'c' && !strncasecmp(r->text + q, "coverage", 8) &&
                        (q == i || !isalpha((unsigned char)r->text[q - 1]))) {
                        if (artdate_from(r, i, j - i > 320 ? i + 320 : j, 1))
                            return;
                        break;
                    }
            /* a live blog's date line: "Thursday 4 December 2025 · All times
             * Eastern (ET)": a full date opening the line */
            if (words > 14 && opens_with_date(r->text + i, j - i) &&
                !read_line(r, i, j - i > 80 ? i + 80 : j, LONG_MAX))
                for (size_t k = 0; k < r->ndm && r->dm[k].s <= 2; k++)
                    if (r->dm[k].d.precision == 3 && !r->dm[k].mon &&
                        (r->dm[k].s == 0 || cue_starts(r, 0, CUE_WEEKDAY))) {
                        r->artdate = r->dm[k].d;
                        return;
                    }
            if ((words <= 14 || lim < j) && artdate_from(r, i, words <= 14 ? j : lim, 0))
                return;
        }
        i = j + 1;
    }
}

/* Is text[s, e) a dateline that names a capital city in ordinary case: the
 * capital first, then nothing, or a comma and a date or an agency ("Bamako,
 * 8 April 2025", "Pyongyang, June 30 (KCNA)", "Tehran")? Not a list of
 * capitals ("Moscow, Beijing"). The capital alone only when `alone` (what
 * follows the dash is an agency or a short outlet name, not a headline's
 * "Moscow - Kyiv talks resume"). Uses the sentence buffers. */
static int mixed_dateline(rd *r, size_t s, size_t e, int alone, const char **capital, casus_date *day)
{
    unsigned char c = (unsigned char)r->text[s];
    int ok = 0;
    if (((c >= 'A' && c <= 'Z') || c >= 0xC3) && count_words(r->text + s, e - s, 9) <= 8 &&
        !read_line(r, s, e, 16) && r->nsel && r->sel[0].s == 0 && has_cat(r, &r->sel[0], LX_ACTOR)) {
        const lx_actor *a = casusi_actor_of(r, &r->sel[0]);
        long after = (long)r->sel[0].e;
        if (a && a->kind == AK_CAPITAL) {
            if ((size_t)after == r->nt)
                ok = alone;
            else if (is_punct(r, after, ',')) {
                ok = r->ndm && r->dm[0].s == (uint32_t)after + 1;
                for (long k = after + 1; !ok && (size_t)k < r->nt; k++)
                    ok = is_punct(r, k, '(') || (r->t[k].fl & TF_ALLCAP);
                /* "Tehran, IRNA" but not "Moscow, Beijing and Tehran" */
                for (size_t k = 1; ok && k < r->nsel; k++)
                    if (has_cat(r, &r->sel[k], LX_ACTOR) && casusi_actor_of(r, &r->sel[k]) &&
                        casusi_actor_of(r, &r->sel[k])->kind == AK_CAPITAL)
                        ok = 0;
            }
        }
    }
    if (ok) {
        *capital = casusi_actor_of(r, &r->sel[0])->code;
        /* a full date with its year: the day the story was filed */
        if (r->ndm && !r->dm[0].mon && r->dm[0].d.precision == 3)
            *day = r->dm[0].d;
    }
    r->nt = r->nm = r->nsel = r->ndm = 0;
    return ok;
}

/* A dateline found by its capital: bytes [s, e), the capital's state is
 * the home state from the start (a headline above it speaks for it too),
 * and its full date is the article's when nothing else gave one. */
static void set_dateline(rd *r, size_t s, size_t e, const char *capital, casus_date day)
{
    r->dl_s = s;
    r->dl_e = e;
    r->home = capital;
    r->homeset = 1;
    if (!r->artdate.precision && day.precision == 3) {
        r->artdate = day;
        r->refday = day.lo;
    }
}

/* The dateline that opens the first paragraph ("CARACAS, Dec 29 (Andes
 * Wire) - "): its date is when the story was filed, not when anything in
 * the first sentence happened. */
void casusi_find_dateline(rd *r, size_t s, size_t e)
{
    int lines = 0;
    const char *cap = NULL;
    casus_date day = {0};
    for (size_t i = s; i < e && lines < 10;) {
        size_t j = i;
        while (j < e && r->text[j] != '\n')
            j++;
        if (j > i) {
            lines++;
            /* "(Seoul, 21 October 2024) The government called in..." */
            if (r->text[i] == '(') {
                size_t p = i + 1;
                while (p < j && p < i + 60 && r->text[p] != ')')
                    p++;
                if (p < j && r->text[p] == ')' && p + 2 < j && r->text[p + 1] == ' ' &&
                    memchr(r->text + i, ',', p - i) && mixed_dateline(r, i + 1, p, 0, &cap, &day)) {
                    set_dateline(r, i, p + 1, cap, day);
                    return;
                }
            }
            for (size_t q = i; q + 2 < j && q < i + 80; q++) {
                size_t d = dateline_sep(r->text, q, j);
                if (!d)
                    continue;
                /* a dateline opens with a place in capitals: "CARACAS," */
                /* and a sentence follows it, not "PTV NEWS — NATIONAL DESK" */
                int lower = 0;
                for (size_t k = d; k < j && !lower; k++)
                    lower = r->text[k] >= 'a' && r->text[k] <= 'z';
                int sentence = lower && count_words(r->text + d, j - d, 4) >= 4;
                if (sentence && r->text[i] >= 'A' && r->text[i] <= 'Z' && i + 1 < j && r->text[i + 1] >= 'A' &&
                    r->text[i + 1] <= 'Z' && count_words(r->text + i, q - i, 11) <= 10) {
                    r->dl_s = i;
                    r->dl_e = d;
                    return;
                }
                /* or with a capital city written as a name ("Bamako, 8 April
                 * 2025 - ", "Pyongyang, June 30 (KCNA) -- ", "Tehran - IRNA -
                 * "), or in brackets before the text ("(Seoul, 21 October
                 * 2024) The government..."), with a date or an agency */
                size_t w0 = d;
                while (w0 < j && (r->text[w0] == ' ' || r->text[w0] == '-' || (unsigned char)r->text[w0] >= 0x80))
                    w0++;
                int agency = w0 + 1 < j && r->text[w0] >= 'A' && r->text[w0] <= 'Z' && r->text[w0 + 1] >= 'A' &&
                             r->text[w0 + 1] <= 'Z';
                int alone = agency || count_words(r->text + d, j - d, 4) <= 3;
                if (mixed_dateline(r, i, q, alone, &cap, &day)) {
                    set_dateline(r, i, d, cap, day);
                    return;
                }
                break;
            }
        }
        i = j + 1;
    }
}

/* Whether the n bytes at x are a line in title case ("Ministry of Foreign
 * Affairs of the Russian Federation", "Embassy of Japan in the
 * Philippines"): it opens with an office and every word but "of", "the",
 * "and", "in" and "for" is capitalised. */
static int titled_office(const char *x, size_t n)
{
    static const char *const OPEN[] = {"Ministry ", "Embassy ", "Government ", "Office ", "Permanent Mission "};
    static const char *const SMALL[] = {"of", "the", "and", "in", "for"};
    int open = 0;
    for (size_t k = 0; k < sizeof OPEN / sizeof *OPEN && !open; k++)
        open = n > strlen(OPEN[k]) && !strncmp(x, OPEN[k], strlen(OPEN[k]));
    if (!open)
        return 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && x[j] != ' ')
            j++;
        if (x[i] >= 'a' && x[i] <= 'z') {
            int small = 0;
            for (size_t k = 0; k < sizeof SMALL / sizeof *SMALL && !small; k++)
                small = strlen(SMALL[k]) == j - i && !strncmp(x + i, SMALL[k], j - i);
            if (!small)
                return 0;
        }
        i = j + 1;
    }
    return 1;
}

/* A press release's letterhead: a short line in capitals near the top that
 * names one state ("REPUBLIC OF ESTONIA", "MINISTRY OF FOREIGN AFFAIRS OF
 * JAPAN") makes it the home state, as a dateline's capital does; so does
 * the outlet's city in a translator's note ("Kaiyo Nippo (Tokyo)"). */
void casusi_find_letterhead(rd *r, size_t s, size_t e)
{
    static const char *const HEAD[] = {"republic", "kingdom", "government", "ministry", "embassy", "mission",
                                       "federation", "office", "state", "commonwealth", "emirate", "sultanate"};
    /* a translator's note names the outlet's city: "[Translated from
     * Japanese. Source: Kaiyo Nippo (Tokyo), morning edition, ...]" */
    size_t s0 = s;
    while (s0 < e && is_space(r->text[s0]))
        s0++;
    if (s0 < e && r->text[s0] == '[') {
        size_t j = s0;
        int tr = 0;
        while (j < e && j < s0 + 600 && r->text[j] != ']' && r->text[j] != '\n')
            j++;
        for (size_t q = s0; q + 8 < j && !tr; q++)
            tr = !strncasecmp(r->text + q, "translat", 8);
        for (size_t q = s0; tr && q < j && !r->homeset; q++) {
            if (r->text[q] != '(')
                continue;
            size_t c = q + 1;
            while (c < j && c < q + 40 && r->text[c] != ')')
                c++;
            const char *cap = NULL;
            casus_date day;
            memset(&day, 0, sizeof day);
            if (c < j && r->text[c] == ')' && c > q + 1 && mixed_dateline(r, q + 1, c, 1, &cap, &day)) {
                r->home = cap;
                r->homeset = 1;
            }
        }
    }
    int lines = 0;
    for (size_t i = s; i < e && lines < 4 && !r->homeset;) {
        size_t j = i;
        while (j < e && r->text[j] != '\n')
            j++;
        if (j > i && j - i < 80) {
            lines++;
            int lower = 0;
            for (size_t q = i; q < j; q++)
                lower |= r->text[q] >= 'a' && r->text[q] <= 'z';
            /* "Ministry of Foreign Affairs of the Russian Federation": a
             * line in title case that opens with the office */
            if (lower && titled_office(r->text + i, j - i))
                lower = 0;
            if (!lower && !read_line(r, i, j, 14) && r->nsel) {
                long n = (long)r->nt;
                const char *code = NULL;
                int states = 0, head = 0;
                for (size_t k = 0; k < r->nsel; k++) {
                    const lx_actor *a = has_cat(r, &r->sel[k], LX_ACTOR) ? casusi_actor_of(r, &r->sel[k]) : NULL;
                    if (a && a->state && (a->kind == AK_STATE || a->kind == AK_ALIAS) &&
                        (!code || strcmp(code, a->code))) {
                        code = a->code;
                        states++;
                    }
                }
                for (long q = 0; q < n; q++)
                    head |= WORD_IN(r, q, HEAD);
                int only = r->nsel == 1 && r->sel[0].s == 0 && (long)r->sel[0].e == n;
                if (states == 1 && (head || only)) {
                    r->home = code;
                    r->homeset = 1;
                }
            }
            r->nt = r->nm = r->nsel = 0;
        } else if (j > i)
            lines++;
        i = j + 1;
    }
}

/* A dateline with a month and a day but no year ("ISLAMABAD, April 24
 * (Indus Newswire) - "), and no date anywhere else: the year is the one,
 * from 1946 to today, in which every leader the article names held office
 * on that day (Raisi, Shehbaz Sharif and President Zardari: only 2024).
 * Names after "former", "then" or "late", and the paragraphs that write
 * out a year (history: "In 2018, Trump met Kim") count for nothing, and
 * only a name after its title counts; when no year or several fit, the
 * article stays undated. Reads the first twelve lines of [s, e) only: the
 * leaders of the lede are enough. */
void casusi_date_from_terms(rd *r, size_t s, size_t e)
{
    enum { Y0 = 1946, NY = 256 };
    if (!r->dl_e || r->artdate.precision)
        return;
    int m = 0, dom = 0;
    /* "April 24", "24 April" (the date reader leaves a dateline's date
     * alone, and has no year to give it) */
    if (!read_line(r, r->dl_s, r->dl_e, 40))
        for (long k = 0; (size_t)k < r->nt && !m; k++) {
            if (!cue_starts(r, k, CUE_MONTH))
                continue;
            long a = (long)at(r, k)->e;
            if ((size_t)a < r->nt && is_dom(&r->t[a]) && !is_year(&r->t[a]))
                dom = (int)r->t[a].num;
            else if (k > 0 && is_dom(&r->t[k - 1]) && !is_year(&r->t[k - 1]))
                dom = (int)r->t[k - 1].num;
            else
                continue;
            m = (int)cue_at(r, k, CUE_MONTH) - 1;
        }
    r->nt = r->nm = r->nsel = r->ndm = 0;
    if (!m)
        return;
    casus_date today = casus_date_today();
    int ny = today.year - Y0 + 1;
    if (ny <= 0 || ny > NY)
        return;
    uint8_t fit[NY];
    int32_t day[NY];
    for (int y = 0; y < ny; y++) {
        casus_date c = mkdate(Y0 + y, m, dom);
        fit[y] = c.precision == 3 && c.lo <= today.lo;
        day[y] = c.lo;
    }
    int named = 0;
    size_t lines = 0;
    for (size_t i = s; i < e && lines < 12 && i < s + 16384;) {
        size_t j = i;
        while (j < e && r->text[j] != '\n')
            j++;
        if (j > i && !read_line(r, i, j, 4096)) {
            lines++;
            int history = 0;
            for (size_t k = 0; k < r->ndm && !history; k++)
                history = r->dm[k].d.precision && !r->dm[k].mon;
            for (size_t k = 0; k < r->nsel && !history; k++) {
                const lx_match *x = &r->sel[k];
                uint32_t np;
                const lx_payload *p = pays_of(r, x, &np);
                int leader = 0, other = 0;
                for (uint32_t q = 0; q < np; q++)
                    if (p[q].cat == LX_ACTOR)
                        r->lx->actors[p[q].idx].kind == AK_LEADER ? leader++ : other++;
                if (!leader || other || x->fuzzy)
                    continue;
                /* only a name after its title ("President Ebrahim Raisi",
                 * "Defence Minister Yasar Guler"): the dictionaries know a
                 * person's listed office, not the deputy's post before it
                 * ("deputy defence minister Atanas Zapryanov" in January
                 * 2024, minister from April) nor what came after */
                int titled = 0, other_post = 0;
                for (long q = (long)x->s - 1; q >= 0 && q >= (long)x->s - 4 && r->t[q].kind == TK_WORD; q--) {
                    titled |= cue_at(r, q, CUE_PEOPLE) != 0;
                    static const char *const NOT[] = {"deputy", "vice", "then", "acting", "assistant", "interim",
                                                      "designate", "elect", "candidate", "opposition"};
                    other_post |= WORD_IN(r, q, NOT) || cue_at(r, q, CUE_FORMER) != 0;
                }
                if (!titled || other_post)
                    continue;
                named++;
                for (int y = 0; y < ny; y++) {
                    int in = 0;
                    for (uint32_t q = 0; q < np && fit[y] && !in; q++)
                        if (p[q].cat == LX_ACTOR)
                            in = r->lx->actors[p[q].idx].from <= day[y] && day[y] <= r->lx->actors[p[q].idx].until;
                    fit[y] = fit[y] && in;
                }
            }
        }
        r->nt = r->nm = r->nsel = r->ndm = 0;
        i = j + 1;
    }
    int year = 0, n = 0;
    for (int y = 0; y < ny; y++)
        if (fit[y])
            year = Y0 + y, n++;
    if (named && n == 1)
        r->artdate = mkdate(year, m, dom);
}
