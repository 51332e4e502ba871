/*
 * name.c -- normalised keys for looking states and places up by name:
 * Unicode NFKC, case-folded, accents stripped (utf8proc), and every run of
 * characters that are not letters or digits folded to one space. So
 * "Türkiye", "TURKIYE" and "türkiye " give the same key, as do "Cote d'Ivoire"
 * and "Côte d’Ivoire".
 */
#include "casus_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

char *casusi_normalize(casus_arena *a, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p && *p < 0x80)
        p++;
    if (!*p) /* plain ASCII: no Unicode work needed */
        return casusi_normalize_ascii(a, s);
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
                                      UTF8PROC_NULLTERM | UTF8PROC_STABLE |
                                          UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    if (n < 0) /* invalid UTF-8: fall back to the bytes as they are */
        return casusi_normalize_ascii(a, s);
    char *out = casus_arena_alloc(a, (size_t)n + 1);
    if (!out) {
        free(m);
        return NULL;
    }
    size_t o = 0;
    int space = 1; /* drop leading separators */
    for (utf8proc_ssize_t i = 0; i < n;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t l = utf8proc_iterate(m + i, n - i, &cp);
        if (l <= 0)
            break;
        utf8proc_category_t cat = utf8proc_category(cp);
        int alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (cp == '\'' || cp == 0x2019) { /* apostrophes vanish: Cote d'Ivoire */
            i += l;
            continue;
        }
        if (alnum) {
            memcpy(out + o, m + i, (size_t)l);
            o += (size_t)l;
            space = 0;
        } else if (!space) {
            out[o++] = ' ';
            space = 1;
        }
        i += l;
    }
    if (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    free(m);
    return out;
}

char *casusi_normalize_ascii(casus_arena *a, const char *s)
{
    size_t n = strlen(s);
    char *out = casus_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int space = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\'')
            continue;
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch >= 0x80) {
            out[o++] = (char)ch;
            space = 0;
        } else if (ch >= 'A' && ch <= 'Z') {
            out[o++] = (char)(ch - 'A' + 'a');
            space = 0;
        } else if (!space) {
            out[o++] = ' ';
            space = 1;
        }
    }
    if (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}
