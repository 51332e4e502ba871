/*
 * news.c -- casus_read: one article in, sourced events out.
 *
 * The pipeline (docs/news.md has the rules in prose):
 *   1. check the bytes (UTF-8, no NULs); HTML goes through html.c;
 *   2. lines -> units: page furniture dropped, headings kept as their own
 *      sentence, wrapped lines joined into paragraphs;
 *   3. units -> sentences (abbreviation-aware);
 *   4. per sentence: tokens, one automaton pass over the lexicon, actor
 *      mentions grouped ("the U.S., Japan and South Korea"), treaty
 *      mentions, date expressions, then each event trigger with its
 *      clause: negation, conditionals, hypotheticals, modality, hedges,
 *      voice, source/target by position and preposition, details;
 *   5. per article: denials applied, restated events merged, treaties
 *      matched to the kb, actors listed.
 *
 * This file holds casus_read, steps 1-3 and the per-sentence driver; the
 * rest is in news_actors.c (actor mentions and groups), news_dates.c
 * (dates in sentences, the article's own date), news_treaties.c (treaty
 * mentions), news_roles.c (sources, targets and details), news_events.c
 * (triggers to events) and news_merge.c (step 5). read_int.h has the
 * reader's private types and helpers.
 */
#include "read_int.h"

#include <nettle/sha2.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXSENT 8192 /* bytes in one sentence; longer ones are cut */

/* ---- units, sentences ------------------------------------------------- */

/* The tokens a clock time opening the sentence takes: "13:20", "7.40"
 * (three), or "19.30", which the tokenizer reads as one number (one);
 * 0 if the sentence opens with none. */
static size_t clock_len(const rd *r)
{
    if (r->nt >= 3 && r->t[0].kind == TK_NUM && r->t[2].kind == TK_NUM &&
        (is_punct(r, 1, ':') || is_punct(r, 1, '.')))
        return 3;
    if (r->nt && r->t[0].kind == TK_NUM) {
        const char *p = r->text + r->t[0].s;
        size_t n = r->t[0].e - r->t[0].s;
        if ((n == 4 || n == 5) && p[n - 3] == '.' && isdigit((unsigned char)p[n - 2]) &&
            isdigit((unsigned char)p[n - 1]) && (p[n - 2] - '0') * 10 + (p[n - 1] - '0') <= 59 &&
            isdigit((unsigned char)p[0]) && (n == 4 || isdigit((unsigned char)p[1])) &&
            (n == 4 ? p[0] - '0' : (p[0] - '0') * 10 + (p[1] - '0')) <= 23)
            return 1;
    }
    return 0;
}

/* A line that is only a time stamp: "13:20", "19:40 GMT", "7.40pm",
 * "09:05 (local time)", "19.30". */
static int time_stamp(const rd *r)
{
    size_t c = clock_len(r);
    if (!c || r->nt > c + 3)
        return 0;
    for (size_t i = c; i < r->nt; i++) {
        const ntok *t = &r->t[i];
        if (t->kind == TK_NUM || (t->kind == TK_WORD && t->e - t->s > 5))
            return 0;
    }
    return 1;
}

/* A live-blog entry's title led by its time stamp: "16:05 - Tehran
 * summons", "19:40 GMT: Kyiv says", or its text: "09:45  The EU's
 * diplomatic service has summoned", "19.30 — The Pentagon has denied". */
static int stamp_lead(const rd *r)
{
    size_t c = clock_len(r);
    if (!c || r->nt < c + 2)
        return 0;
    if (c == 3 && (!is_punct(r, 1, ':') || r->t[0].e - r->t[0].s > 2 || r->t[2].e - r->t[2].s != 2 ||
                   r->t[0].num > 23 || r->t[2].num > 59))
        return 0;
    size_t i = c;
    if (r->t[i].kind == TK_WORD && r->t[i].e - r->t[i].s <= 4 && (r->t[i].fl & TF_CAP))
        i++; /* a zone: GMT, CET, ET */
    return i < r->nt && (is_punct(r, (long)i, '-') || is_punct(r, (long)i, ':') ||
                         (r->t[c].kind == TK_WORD && (r->t[c].fl & TF_CAP)));
}

static int analyse_sentence(rd *r, size_t s, size_t e)
{
    while (s < e && (r->text[s] == ' ' || r->text[s] == '\n' || r->text[s] == '\t' || r->text[s] == '\r'))
        s++;
    while (e > s && (r->text[e - 1] == ' ' || r->text[e - 1] == '\n' || r->text[e - 1] == '\t' ||
                     r->text[e - 1] == '\r'))
        e--;
    if (e <= s)
        return 0;
    r->ss = s;
    r->se = e;
    r->sentno++;
    long n = casusi_tokenize(r->lx, r->text, e, s, &r->t, &r->tcap);
    if (n < 0)
        return -1;
    r->nt = (size_t)n;
    casusi_era_years(r);
    /* misspelt names: a capitalised word not in the lexicon (nor learnt);
     * an acronym is no misspelt name ("the SANDF" is not Sandu) */
    for (size_t i = 0; i < r->nt; i++) {
        ntok *t = &r->t[i];
        if (t->id >= 0 || t->kind != TK_WORD || !(t->fl & TF_CAP) || (t->fl & TF_ALLCAP) || t->e - t->s < 4 ||
            casusi_learnt(r, (long)i) >= 0)
            continue;
        char buf[64];
        size_t k = casusi_word_norm(r->text + t->s, t->e - t->s, buf, sizeof buf);
        int32_t id = k ? casusi_lex_fuzzy(r->lx, buf, k) : -1;
        if (id >= 0) {
            t->id = id;
            t->fl |= TF_FIXED;
        }
    }
    long nm = casusi_lex_match(r->lx, r->t, r->nt, &r->m, &r->mcap);
    if (nm < 0)
        return -1;
    r->nm = (size_t)nm;
    r->ndm = 0; /* casusi_select_matches checks leaders' terms against this sentence's dates: none yet */
    if (casusi_select_matches(r) || casusi_find_dates(r))
        return -1;
    casusi_drop_stale_leaders(r);
    if (casusi_build_actors(r))
        return -1;
    /* a line that is only a day without a year ("Tuesday, 1 April") heads a
     * live blog's entries: their events happened that day */
    /* a time stamp alone ("13:20") opens a live blog's entry: with no day
     * heading, the entries are of the article's day */
    /* (or of the full date a line before the first stamp held) */
    if (time_stamp(r) && (r->artdate.precision == 3 || r->pendday.precision) && !r->secdate.precision) {
        r->secdate = r->pendday.precision ? r->pendday : r->artdate;
        return 0;
    }
    /* "16:05 - Tehran summons three European envoys": an entry's stamp
     * heading its title */
    if (stamp_lead(r) && (r->artdate.precision == 3 || r->pendday.precision) && !r->secdate.precision)
        r->secdate = r->pendday.precision ? r->pendday : r->artdate;
    /* a line that is only a full date ("WEDNESDAY 31 JULY 2024") heads
     * the entries once time stamps have shown a live blog; before them it
     * waits for the first stamp (an ordinary article's date line heads
     * nothing) */
    const dmen *day = NULL;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3 && !r->dm[k].treatyyear)
            day = &r->dm[k];
    if (day && r->nt <= 8) {
        int only = 1;
        for (size_t i = 0; i < r->nt && only; i++) {
            static const char *const WD3[] = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"};
            /* "SUN 19 FEB": a weekday may be cut to three letters */
            int in = r->t[i].kind == TK_PUNCT || cue_at(r, (long)i, CUE_WEEKDAY) || WORD_IN(r, (long)i, WD3);
            for (size_t k = 0; k < r->ndm && !in; k++)
                in = i >= r->dm[k].s && i < r->dm[k].e;
            only = in;
        }
        if (only && !day->mon && !r->secdate.precision)
            r->pendday = day->d; /* and the line names the story's day, as any date does */
        else if (only) {
            r->secdate = day->d;
            return 0;
        }
    }
    if (casusi_find_treaties(r) || casusi_sentence_events(r))
        return -1;
    for (size_t i = 0; i < r->nt; i++)
        if (cue_at(r, (long)i, CUE_ARMS) || designator(r, (long)i)) {
            r->arms_sent = r->sentno;
            break;
        }
    /* the day nearest a verb of saying: "announced the measure on Friday,
     * saying ... who were flown out on 27 February" is Friday's */
    long best = -1;
    const dmen *said = NULL;
    for (size_t i = 0; r->ndm && i < r->nt; i++)
        if (cue_at(r, (long)i, CUE_SAY))
            for (size_t k = 0; k < r->ndm; k++) {
                const dmen *x = &r->dm[k];
                long d = (long)x->s > (long)i ? (long)x->s - (long)i : (long)i - (long)x->e;
                if (!x->treatyyear && x->d.precision == 3 && (best < 0 || d < best))
                    best = d, said = x;
            }
    if (said)
        r->sayday = said->d, r->sayday_para = r->parano;
    /* the last day, year and month the sentence names (a month: an
     * event's resolved date, or a date with its year) */
    for (size_t k = 0; k < r->ndm; k++) {
        const dmen *x = &r->dm[k];
        if (x->treatyyear)
            continue;
        if (x->d.precision == 3) {
            r->lastday = x->d, r->lastday_para = r->parano;
            /* "On 6 January, President Macron said ...": a day with no year
             * that someone spoke on, in the past, lies before the article's
             * day (in July 2025, the January before, not the next) */
            int spoke = 0;
            for (long i = (long)x->e; x->mon && (size_t)i < r->nt && !spoke; i++)
                spoke = cue_at(r, i, CUE_SAY) && !(r->t[i].fl & TF_CAP) &&
                       (ed_form(r, i) || is_word(r, i, "said") || is_word(r, i, "told")) && !is_word(r, i - 1, "will");
            casus_date before;
            if (spoke && r->artdate.precision == 3 && x->d.lo > r->artdate.hi &&
                !casusi_date_make(x->d.year - 1, x->d.month, x->d.day, &before))
                r->lastday = before;
        }
        if (x->d.precision >= 1 && !x->mon)
            r->lastyear = x->d.year;
        if (x->d.precision >= 2 && !x->mon)
            r->lastmonth = x->d;
        if (x->d.precision)
            r->lastany = x->d, r->lastany_para = r->parano;
    }
    size_t q0 = r->nev;
    while (q0 > 0 && r->ev[q0 - 1].sent == r->sentno)
        q0--;
    for (size_t q = q0; q < r->nev; q++)
        if (r->ev[q].date.precision >= 2 && r->ev[q].mod == CASUS_MOD_ACTUAL)
            r->lastmonth = r->ev[q].date;
    casusi_note_offices(r);
    r->inquote ^= r->sentquote; /* counted by casusi_sentence_events */
    r->sentquote = 0;
    for (size_t a = 0; a < r->nam; a++) {
        if (r->am[a].org)
            r->last_org = r->am[a].code;
        else
            casusi_note_recent(r, r->am[a].code); /* for anaphors: "the kingdom" */
        int k = 0;
        while (k < r->nseen && !same_code(r->seen[k], r->am[a].code))
            k++;
        if (k == r->nseen && k < 64)
            r->seen[r->nseen++] = r->am[a].code;
    }
    return 0;
}

/* A day written the German way, "7. Juli 2023": the day's digits (d, n
 * bytes, before the period), then a capitalised word and a year (at x,
 * m bytes left). */
static int german_date(const char *d, size_t n, const char *x, size_t m)
{
    if (n < 1 || n > 2 || d[0] < '0' || d[0] > '9' || (n == 2 && (d[1] < '0' || d[1] > '9')))
        return 0;
    int day = n == 2 ? (d[0] - '0') * 10 + d[1] - '0' : d[0] - '0';
    if (day < 1 || day > 31 || !m || x[0] < 'A' || x[0] > 'Z')
        return 0;
    size_t q = 1;
    while (q < m && (((x[q] | 0x20) >= 'a' && (x[q] | 0x20) <= 'z') || (unsigned char)x[q] >= 0x80))
        q++;
    if (q + 5 > m || x[q] != ' ')
        return 0;
    for (size_t z = q + 1; z < q + 5; z++)
        if (x[z] < '0' || x[z] > '9')
            return 0;
    return q + 5 == m || !(x[q + 5] >= '0' && x[q + 5] <= '9');
}

/* Splits [s, e) into sentences. */
static int split_sentences(rd *r, size_t s, size_t e)
{
    size_t start = s;
    r->parano++;
    r->inquote = 0;
    for (size_t i = s; i < e; i++) {
        /* skip to the next '.', '!' or '?' (eight bytes at a time), or to
         * the length where an over-long sentence is cut */
        size_t lim = start + MAXSENT < e ? start + MAXSENT : e;
        while (i + 8 <= lim) {
            uint64_t v;
            memcpy(&v, r->text + i, 8);
            const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
            uint64_t a = v ^ (ones * '.'), b = v ^ (ones * '!'), q = v ^ (ones * '?');
            if (((a - ones) & ~a & high) | ((b - ones) & ~b & high) | ((q - ones) & ~q & high))
                break; /* one of the eight is a stop: look at them one by one */
            i += 8;
        }
        while (i < lim && r->text[i] != '.' && r->text[i] != '!' && r->text[i] != '?')
            i++;
        if (i >= e)
            break;
        char c = r->text[i];
        if (i - start >= MAXSENT) {
            /* cut an over-long sentence at a space */
            size_t cut = i;
            while (cut > start && !is_space(r->text[cut]))
                cut--;
            if (cut == start)
                cut = i;
            /* never inside a UTF-8 sequence */
            while (cut > start && ((unsigned char)r->text[cut] & 0xC0) == 0x80)
                cut--;
            if (analyse_sentence(r, start, cut))
                return -1;
            start = cut;
            continue;
        }
        if (c != '.' && c != '!' && c != '?')
            continue;
        size_t j = i + 1;
        /* closing quotes and brackets */
        while (j < e) {
            unsigned char d = (unsigned char)r->text[j];
            if (d == '"' || d == '\'' || d == ')' || d == ']')
                j++;
            else if (d == 0xE2 && j + 2 < e && (unsigned char)r->text[j + 1] == 0x80 &&
                     ((unsigned char)r->text[j + 2] == 0x9D || (unsigned char)r->text[j + 2] == 0x99))
                j += 3;
            else
                break;
        }
        if (j < e && !is_space(r->text[j]))
            continue;
        size_t k = j;
        while (k < e && is_space(r->text[k]))
            k++;
        if (k < e) {
            unsigned char d = (unsigned char)r->text[k];
            int opener = (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') || d == '"' || d == '(' ||
                         d == 0xE2 || d >= 0xC3;
            if (!opener)
                continue;
        }
        if (c == '.') {
            /* the word before the period */
            size_t w = i;
            while (w > start && !is_space(r->text[w - 1]) && r->text[w - 1] != '(' && r->text[w - 1] != '"')
                w--;
            char buf[32];
            size_t wl = i - w;
            if (wl && wl < sizeof buf) {
                for (size_t q = 0; q < wl; q++) {
                    char ch = r->text[w + q];
                    buf[q] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
                }
                buf[wl] = '\0';
                int single = wl == 1 && r->text[w] >= 'A' && r->text[w] <= 'Z';
                if (single)
                    continue; /* an initial */
                if (r->translated && german_date(r->text + w, wl, r->text + k, e - k))
                    continue; /* a translation's "am 7. Juli 2023" */
                if (casusi_lex_is_abbrev(r->lx, buf, wl)) {
                    /* U.S. at the end of a sentence: only before an opener */
                    if (!strchr(buf, '.'))
                        continue;
                    size_t q = k;
                    while (q < e && !is_space(r->text[q]) && r->text[q] != ',')
                        q++;
                    char nb[32];
                    size_t nl = q - k < sizeof nb - 1 ? q - k : 0;
                    for (size_t z = 0; z < nl; z++) {
                        char ch = r->text[k + z];
                        nb[z] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
                    }
                    nb[nl] = '\0';
                    if (!nl || !casusi_lex_is_opener(r->lx, nb, nl))
                        continue;
                }
            }
        }
        if (analyse_sentence(r, start, j))
            return -1;
        start = j;
        i = j - 1;
    }
    if (start < e && analyse_sentence(r, start, e))
        return -1;
    return 0;
}

/* A nav line such as "BreakingLatestWorld": one word, inner capitals. */
static int camel_nav(const char *s, size_t n)
{
    int inner = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i]))
            return 0;
        if (i && s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
            inner++;
    }
    return inner >= 2 && n < 60;
}

static int ends_sentence(const char *s, size_t n)
{
    while (n && is_space(s[n - 1]))
        n--;
    if (!n)
        return 0;
    unsigned char c = (unsigned char)s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':' || c == ')')
        return 1;
    /* closing curly quote */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        return 1;
    return 0;
}

/* A box of other stories' headlines in a text page: its title ("RELATED
 * COVERAGE", "[Related articles]", "ELSEWHERE ON TURTLE BAY DISPATCH",
 * "Further reading on ...:") is a short line, no sentence, that opens with
 * a box title (cues.yaml). */
static int box_title(const rd *r, const char *s, size_t n)
{
    while (n && (*s == '[' || *s == '(' || *s == '#' || is_space(*s)))
        s++, n--;
    if (!n || n > 60 || (s[n - 1] == '.' && n > 1 && s[n - 2] != '.'))
        return 0;
    return casusi_lex_is_box_title(r->lx, s, n);
}

/* A line of a list: "- North Korea fires...", "> PLA concludes...", ">> Slovak
 * government weighs...", "* ...", "• ...". */
static int list_item(const char *s, size_t n)
{
    if (n >= 2 && (s[0] == '-' || s[0] == '>' || s[0] == '*') && (is_space(s[1]) || (s[0] == '>' && s[1] == '>')))
        return 1;
    return n >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93); /* "•", "–" */
}

/* ---- the article -------------------------------------------------------- */

static int process_text(rd *r, const char **title)
{
    size_t i = 0, len = r->len;
    size_t pstart = SIZE_MAX, pend = 0;
    int first = 1;
    int box = 0; /* in a box of other stories' headlines: 1 after its title, 2 after a blank line in it */
    while (i < len) {
        const char *nl = memchr(r->text + i, '\n', len - i);
        size_t j = nl ? (size_t)(nl - r->text) : len;
        size_t ls = i, le = j;
        while (ls < le && is_space(r->text[ls]))
            ls++;
        while (le > ls && is_space(r->text[le - 1]))
            le--;
        int blank = ls == le;
        int furn = !blank && (casusi_lex_is_furniture(r->lx, r->text + ls, le - ls) ||
                              camel_nav(r->text + ls, le - ls));
        /* the box's headlines: list items after its title; lines that end
         * no sentence right after it */
        if (!blank && box && (list_item(r->text + ls, le - ls) ||
                              (box == 1 && !ends_sentence(r->text + ls, le - ls) && count_words(r->text + ls, le - ls, 21) <= 20)))
            furn = 1;
        else if (blank && box)
            box = 2;
        else if (!blank)
            box = 0;
        if (!blank && box_title(r, r->text + ls, le - ls)) {
            furn = 1;
            box = 1;
        }
        int heading = !blank && !furn && !ends_sentence(r->text + ls, le - ls) &&
                      count_words(r->text + ls, le - ls, 21) <= 20;
        /* a line continuing a wrapped paragraph starts in lower case */
        int cont = !blank && !furn && pstart != SIZE_MAX && !ends_sentence(r->text + pstart, pend - pstart) &&
                   ((unsigned char)r->text[ls] >= 'a' && (unsigned char)r->text[ls] <= 'z');
        if (cont) {
            pend = le;
        } else {
            if (pstart != SIZE_MAX) {
                if (split_sentences(r, pstart, pend))
                    return -1;
                pstart = SIZE_MAX;
            }
            if (heading) {
                if (first && title && !*title)
                    *title = casus_arena_strndup(r->a, r->text + ls, le - ls);
                r->heading = 1;
                int bad = analyse_sentence(r, ls, le);
                r->heading = 0;
                if (bad)
                    return -1;
            } else if (!blank && !furn) {
                pstart = ls;
                pend = le;
            }
        }
        if (!blank)
            first = 0;
        if (blank && pstart != SIZE_MAX) {
            if (split_sentences(r, pstart, pend))
                return -1;
            pstart = SIZE_MAX;
        }
        i = j + 1;
    }
    if (pstart != SIZE_MAX && split_sentences(r, pstart, pend))
        return -1;
    return 0;
}

/* ---- input checks -------------------------------------------------------- */

static int line_of(const char *buf, size_t i)
{
    int line = 1;
    for (const char *p = buf, *e = buf + i; (p = memchr(p, '\n', (size_t)(e - p))); p++)
        line++;
    return line;
}

static int check_utf8(const char *name, const char *buf, size_t len, casus_error *err)
{
    for (size_t i = 0; i < len;) {
        /* eight ASCII bytes at a time: no high bit, no NUL */
        while (i + 8 <= len) {
            uint64_t v;
            memcpy(&v, buf + i, 8);
            if ((v & 0x8080808080808080ULL) || ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)buf[i];
        if (c < 0x80) {
            if (c == 0) {
                casusi_seterr_at(err, CASUS_EPARSE, name, line_of(buf, i), 0,
                                 "binary data (a NUL byte at offset %zu); expected UTF-8 text or HTML", i);
                return CASUS_EPARSE;
            }
            i++;
            continue;
        }
        size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        int ok = n && i + n <= len;
        for (size_t k = 1; ok && k < n; k++)
            ok = ((unsigned char)buf[i + k] & 0xC0) == 0x80;
        if (ok && n == 3) {
            unsigned char c1 = (unsigned char)buf[i + 1];
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
        } else if (ok && n == 4) {
            unsigned char c1 = (unsigned char)buf[i + 1];
            ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (!ok) {
            casusi_seterr_at(err, CASUS_EPARSE, name, line_of(buf, i), 0,
                             "invalid UTF-8 (byte 0x%02X at offset %zu); expected UTF-8 text or HTML", c, i);
            return CASUS_EPARSE;
        }
        i += n;
    }
    return CASUS_OK;
}

static void free_rd(rd *r)
{
    free(r->t);
    free(r->m);
    free(r->cov);
    free(r->cmask);
    free(r->amask);
    free(r->ln);
    free(r->lnix);
    free(r->sel);
    free(r->am);
    free(r->g);
    free(r->dm);
    free(r->tm);
    free(r->tment);
    for (size_t i = 0; i < r->nev; i++)
        free(r->ev[i].rs);
    free(r->ev);
    free(r->en);
    free(r->dn);
}

int casus_read(const casus_lexicon *l, casus_arena *a, const char *name,
               const char *buf, size_t len, const casus_read_opts *opts,
               casus_article **out, casus_error *err)
{
    casus_error dummy;
    if (!err)
        err = &dummy;
    memset(err, 0, sizeof *err);
    *out = NULL;
    if (!name)
        name = "-";
    if (len > CASUS_READ_MAX) {
        casusi_seterr(err, CASUS_ELIMIT, "%s: %zu bytes is over the limit of %zu bytes for one article", name,
                      len, CASUS_READ_MAX);
        snprintf(err->file, sizeof err->file, "%s", name);
        return CASUS_ELIMIT;
    }
    casus_article *art = casus_arena_alloc(a, sizeof *art);
    if (!art) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    art->name = casus_arena_strdup(a, name);
    int html = opts ? opts->html : -1;
    if (html < 0)
        html = casusi_looks_html(buf, len);
    const char *text = buf;
    size_t tlen = len;
    const char *html_date = NULL;
    if (html) {
        casusi_html h;
        memset(&h, 0, sizeof h);
        int rc = casusi_html_extract(a, name, buf, len, &h, err);
        if (rc)
            return rc;
        text = h.text ? h.text : "";
        tlen = h.len;
        art->title = h.title;
        html_date = h.date;
    }
    if (check_utf8(name, text, tlen, err))
        return CASUS_EPARSE;
    art->html = html;
    art->text = text;
    art->len = tlen;
    {
        struct sha256_ctx ctx;
        uint8_t dg[SHA256_DIGEST_SIZE];
        sha256_init(&ctx);
        sha256_update(&ctx, tlen, (const uint8_t *)text);
        sha256_digest(&ctx, sizeof dg, dg);
        static const char hex[] = "0123456789abcdef";
        for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
            art->sha256[2 * i] = hex[dg[i] >> 4];
            art->sha256[2 * i + 1] = hex[dg[i] & 15];
        }
        art->sha256[2 * SHA256_DIGEST_SIZE] = '\0';
    }
    rd r;
    memset(&r, 0, sizeof r);
    r.lx = &l->lx;
    r.kb = l->lx.kb;
    r.a = a;
    r.text = text;
    r.len = tlen;
    r.cur_ent = -1;
    if (opts && opts->date.precision == 3) {
        r.artdate = opts->date;
        art->date_from = "option";
    } else if (html_date) {
        char d10[11];
        snprintf(d10, sizeof d10, "%.10s", html_date);
        casus_date d;
        if (!casus_date_parse_day(d10, &d, NULL) || (r.refday = casus_date_today().lo, d = casusi_date_of_string(&r, html_date)).precision == 3) {
            r.artdate = d;
            art->date_from = "html";
        }
    }
    casusi_find_translation(&r, 0, tlen);
    if (!r.artdate.precision) {
        r.refday = casus_date_today().lo;
        casusi_find_article_date(&r, 0, tlen);
        if (!r.artdate.precision)
            casusi_find_signoff_date(&r, 0, tlen);
        if (r.artdate.precision)
            art->date_from = "text";
    }
    r.refday = r.artdate.precision ? r.artdate.lo : casus_date_today().lo;
    casusi_find_dateline(&r, 0, tlen);
    if (r.artdate.precision && !art->date_from)
        art->date_from = "text"; /* "(Seoul, 21 October 2024) The government..." */
    if (!r.artdate.precision) {
        casusi_date_from_terms(&r, 0, tlen);
        if (r.artdate.precision) {
            art->date_from = "terms";
            r.refday = r.artdate.lo;
        }
    }
    if (!r.dl_e)
        casusi_find_letterhead(&r, 0, tlen);
    art->date = r.artdate;
    int rc = CASUS_OK;
    if (process_text(&r, html ? NULL : &art->title) || casusi_finish_article(&r, art)) {
        casusi_seterr(err, CASUS_ENOMEM, "%s: out of memory", name);
        rc = CASUS_ENOMEM;
    }
    free_rd(&r);
    if (rc == CASUS_OK)
        *out = art;
    return rc;
}
