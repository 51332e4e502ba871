/*
 * news_check.c -- scores `casus read --json` output against an expectation
 * file (tests/news/NAME.expect, tests/seeds/NAME.expect):
 *   events  : each spec must match some event (fields given must be equal;
 *             lists as sets; details key by key, a detail's words found in
 *             order among the output's: "Kursk" in "Kursk region", "F-16"
 *             in "F-16 fighter jets", "Rafale" in "Rafales"; not "mines"
 *             for "anti-personnel mines"). A spec with "must": true is a
 *             hard requirement.
 *   absent  : each spec must match no event.
 *   count   : exact number of events per type.
 *   actors  : each code must be in the article's actors.
 *   treaties: each spec must match a treaty mention.
 * Prints one line per file: "NAME expected H/N absent-violations V count-
 * mismatches C actors A/B treaties T/U must-failures M" and the misses.
 * Usage: news_check EXPECT OUTPUT_JSON NAME, or news_check --args EXPECT. Exit status: must-failures > 0.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int set_eq(json_t *want, json_t *got)
{
    if (!json_is_array(want) || !json_is_array(got) || json_array_size(want) != json_array_size(got))
        return 0;
    size_t i, j;
    json_t *w, *g;
    json_array_foreach(want, i, w) {
        int found = 0;
        json_array_foreach(got, j, g) found |= json_equal(w, g);
        if (!found)
            return 0;
    }
    return 1;
}

static int val_eq(json_t *w, json_t *g)
{
    if (json_is_array(w))
        return set_eq(w, g);
    if (json_is_string(w) && json_is_string(g))
        return !strcasecmp(json_string_value(w), json_string_value(g));
    if (json_is_number(w) && json_is_number(g))
        return json_number_value(w) == json_number_value(g);
    if (json_is_null(w))
        return !g || json_is_null(g);
    return json_equal(w, g);
}

/* The words of s, lower-cased, split at anything but letters, digits and
 * bytes of UTF-8 letters, each without a plural "s" (four letters or
 * more); at most n, into w (each at most 31 bytes). Returns the count. */
static size_t words_of(const char *s, char w[][32], size_t n)
{
    size_t k = 0;
    while (*s && k < n) {
        while (*s && !(isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80))
            s++;
        size_t len = 0;
        while (*s && (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)) {
            if (len < 31)
                w[k][len++] = (char)tolower((unsigned char)*s);
            s++;
        }
        if (!len)
            break;
        if (len >= 4 && w[k][len - 1] == 's')
            len--;
        w[k++][len] = 0;
    }
    return k;
}

/* Whether the expected detail want is said by got: its words, in order,
 * among got's. */
static int detail_eq(const char *want, const char *got)
{
    char a[16][32], b[32][32];
    size_t na = words_of(want, a, 16), nb = words_of(got, b, 32);
    if (!na)
        return !nb;
    for (size_t i = 0; i + na <= nb; i++) {
        size_t j = 0;
        while (j < na && !strcmp(a[j], b[i + j]))
            j++;
        if (j == na)
            return 1;
    }
    return 0;
}

static int matches(json_t *spec, json_t *ev)
{
    const char *k;
    json_t *v;
    json_object_foreach(spec, k, v) {
        if (!strcmp(k, "must") || !strcmp(k, "note"))
            continue;
        if (!strcmp(k, "details")) {
            json_t *d = json_object_get(ev, "details");
            const char *dk;
            json_t *dv;
            json_object_foreach(v, dk, dv) {
                json_t *gv = json_object_get(d, dk);
                if (json_is_string(dv) ? !(json_is_string(gv) && detail_eq(json_string_value(dv), json_string_value(gv)))
                                       : !val_eq(dv, gv))
                    return 0;
            }
            continue;
        }
        if (!val_eq(v, json_object_get(ev, k)))
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--args")) { /* the extra arguments, one line */
        json_error_t e;
        json_t *x = json_load_file(argv[2], 0, &e);
        size_t i;
        json_t *a;
        json_array_foreach(json_object_get(x, "args"), i, a) printf("%s%s", i ? " " : "", json_string_value(a));
        printf("\n");
        json_decref(x);
        return x ? 0 : 2;
    }
    if (argc != 4) {
        fprintf(stderr, "usage: news_check EXPECT OUTPUT_JSON NAME\n");
        return 2;
    }
    json_error_t je;
    json_t *exp = json_load_file(argv[1], 0, &je);
    if (!exp) {
        fprintf(stderr, "%s:%d: %s\n", argv[1], je.line, je.text);
        return 2;
    }
    /* the output: NDJSON; the first document is the article */
    FILE *f = fopen(argv[2], "r");
    json_t *out = f ? json_loadf(f, JSON_DISABLE_EOF_CHECK, &je) : NULL;
    if (f)
        fclose(f);
    if (!out) {
        printf("%s expected 0/0 absent-violations 0 count-mismatches 0 actors 0/0 treaties 0/0 must-failures 1 "
               "(no output)\n", argv[3]);
        json_decref(exp);
        return 1;
    }
    json_t *events = json_object_get(out, "events");
    size_t hit = 0, n = 0, viol = 0, cm = 0, ah = 0, an = 0, th = 0, tn = 0, must = 0;
    char misses[8192] = "";
    size_t i, j;
    json_t *s, *e;
    json_array_foreach(json_object_get(exp, "events"), i, s) {
        int found = 0;
        json_array_foreach(events, j, e) found |= matches(s, e);
        n++;
        hit += found;
        if (!found) {
            char *d = json_dumps(s, JSON_COMPACT);
            int m = json_is_true(json_object_get(s, "must"));
            must += m;
            size_t l = strlen(misses);
            snprintf(misses + l, sizeof misses - l, "    %s: %s\n", m ? "MUST missing" : "missing", d);
            free(d);
        }
    }
    json_array_foreach(json_object_get(exp, "absent"), i, s) {
        json_array_foreach(events, j, e) {
            if (matches(s, e)) {
                viol++;
                char *d = json_dumps(s, JSON_COMPACT);
                size_t l = strlen(misses);
                snprintf(misses + l, sizeof misses - l, "    should be absent: %s\n", d);
                free(d);
                break;
            }
        }
    }
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(exp, "count"), k, v) {
        json_int_t c = 0;
        json_array_foreach(events, j, e) c += !strcmp(json_string_value(json_object_get(e, "type")), k);
        if (c != json_integer_value(v)) {
            cm++;
            size_t l = strlen(misses);
            snprintf(misses + l, sizeof misses - l, "    count %s: %lld, expected %lld\n", k, (long long)c,
                     (long long)json_integer_value(v));
        }
    }
    json_array_foreach(json_object_get(exp, "actors"), i, s) {
        int found = 0;
        json_array_foreach(json_object_get(out, "actors"), j, e) found |= json_equal(s, e);
        an++;
        ah += found;
    }
    json_array_foreach(json_object_get(exp, "treaties"), i, s) {
        int found = 0;
        json_array_foreach(json_object_get(out, "treaties"), j, e) found |= matches(s, e);
        tn++;
        th += found;
    }
    printf("%s expected %zu/%zu absent-violations %zu count-mismatches %zu actors %zu/%zu treaties %zu/%zu "
           "must-failures %zu\n%s",
           argv[3], hit, n, viol, cm, ah, an, th, tn, must, misses);
    json_decref(exp);
    json_decref(out);
    return must ? 1 : 0;
}
