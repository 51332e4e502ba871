/*
 * token.c -- the news reader's tokeniser. One pass over UTF-8 text gives
 * words, numbers and punctuation with their byte offsets. Hyphens split
 * words (the next token is flagged TF_HYPH), so "Kim Jong-un" and "Kim Jong
 * Un" tokenise alike; "'s" is dropped and flags the word TF_POSS; "U.S."
 * is one word "u.s."; "n't" becomes the word "not". Plain ASCII takes a
 * fast path; other letters are case-folded and stripped of accents with
 * utf8proc.
 */
#include "news_int.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ASCII classes by table: 1 a letter, 2 a digit (the tokeniser asks for
 * every byte) */
#define L_ 1
#define D_ 2
static const unsigned char CLS[256] = {
    ['0'] = D_, ['1'] = D_, ['2'] = D_, ['3'] = D_, ['4'] = D_, ['5'] = D_, ['6'] = D_, ['7'] = D_, ['8'] = D_,
    ['9'] = D_,
    ['A'] = L_, ['B'] = L_, ['C'] = L_, ['D'] = L_, ['E'] = L_, ['F'] = L_, ['G'] = L_, ['H'] = L_, ['I'] = L_,
    ['J'] = L_, ['K'] = L_, ['L'] = L_, ['M'] = L_, ['N'] = L_, ['O'] = L_, ['P'] = L_, ['Q'] = L_, ['R'] = L_,
    ['S'] = L_, ['T'] = L_, ['U'] = L_, ['V'] = L_, ['W'] = L_, ['X'] = L_, ['Y'] = L_, ['Z'] = L_,
    ['a'] = L_, ['b'] = L_, ['c'] = L_, ['d'] = L_, ['e'] = L_, ['f'] = L_, ['g'] = L_, ['h'] = L_, ['i'] = L_,
    ['j'] = L_, ['k'] = L_, ['l'] = L_, ['m'] = L_, ['n'] = L_, ['o'] = L_, ['p'] = L_, ['q'] = L_, ['r'] = L_,
    ['s'] = L_, ['t'] = L_, ['u'] = L_, ['v'] = L_, ['w'] = L_, ['x'] = L_, ['y'] = L_, ['z'] = L_,
};
static inline int is_alpha(unsigned char c) { return CLS[c] & L_; }
static inline int is_digit(unsigned char c) { return CLS[c] & D_; }
static inline int is_alnum(unsigned char c) { return CLS[c]; }
#undef L_
#undef D_

/* The code point at p (n bytes left); *l gets its length (1 for a bad byte). */
static int32_t cp_at(const char *p, size_t n, int *l)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p,
                                          (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
    if (k <= 0) {
        *l = 1;
        return -1;
    }
    *l = (int)k;
    return cp;
}

static int cp_is_wordch(int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static int cp_is_upper(int32_t cp)
{
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

size_t casusi_word_norm(const char *s, size_t n, char *buf, size_t cap)
{
    size_t i = 0;
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            break;
    if (i == n) {
        if (n >= cap)
            return 0;
        for (size_t k = 0; k < n; k++) {
            char c = s[k];
            buf[k] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        buf[n] = '\0';
        return n;
    }
    utf8proc_uint8_t *m = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &m,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    if (r < 0)
        return 0;
    size_t o = 0;
    for (utf8proc_ssize_t k = 0; k < r;) {
        int l;
        int32_t cp = cp_at((const char *)m + k, (size_t)(r - k), &l);
        if (cp == 0x2019 || cp == 0x2018) { /* curly apostrophes: ASCII */
            if (o + 1 >= cap)
                break;
            buf[o++] = '\'';
        } else {
            if (o + (size_t)l >= cap) {
                o = 0;
                break;
            }
            memcpy(buf + o, m + k, (size_t)l);
            o += (size_t)l;
        }
        k += l;
    }
    free(m);
    if (o)
        buf[o] = '\0';
    return o;
}

static int push(ntok **toks, size_t *cap, size_t n)
{
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 256;
    ntok *t = realloc(*toks, nc * sizeof *t);
    if (!t)
        return -1;
    *toks = t;
    *cap = nc;
    return 0;
}

/* Appends one token; NULL when out of memory. */
static inline ntok *emit(ntok **toks, size_t *cap, size_t *n, size_t s, size_t e, uint8_t kind, uint16_t fl)
{
    if (push(toks, cap, *n))
        return NULL;
    ntok *t = &(*toks)[(*n)++];
    t->s = (uint32_t)s;
    t->e = (uint32_t)e;
    t->kind = kind;
    t->fl = fl;
    t->punct = 0;
    t->num = 0;
    t->id = -1;
    return t;
}

static int32_t lookup(const casusi_lexicon *lx, const char *s, size_t n)
{
    if (!lx)
        return -1;
    char buf[128];
    if (n < sizeof buf) {
        /* ASCII: lower-case and hash in one pass */
        uint64_t h = CASUSI_FNV_OFFSET;
        size_t k = 0;
        for (; k < n; k++) {
            unsigned char c = (unsigned char)s[k];
            if (c >= 0x80)
                break;
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            buf[k] = (char)c;
            h = (h ^ c) * CASUSI_FNV_PRIME;
        }
        if (k == n) {
            buf[n] = '\0';
            return casusi_lex_word_h(lx, buf, n, h);
        }
    }
    size_t k = casusi_word_norm(s, n, buf, sizeof buf);
    return k ? casusi_lex_word(lx, buf, k) : -1;
}

/* Punctuation that matters to the reader; 0 for the rest. */
static char punct_of(int32_t cp)
{
    switch (cp) {
    case ',': case ';': case ':': case '(': case ')': case '.': case '?': case '!': case '/':
        return (char)cp;
    case '[': return '(';
    case ']': return ')';
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        return '"';
    case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    default:
        return 0;
    }
}

/* A hyphen at byte i that joins the next word to this one ("U.S.-led",
 * "test-fire", "S-400"), not a dash; utf8: a non-ASCII letter may follow. */
static int joining_hyphen(const char *text, size_t len, size_t i, int utf8)
{
    if (i + 1 >= len || text[i] != '-')
        return 0;
    unsigned char n = (unsigned char)text[i + 1];
    return is_alnum(n) || (utf8 && n >= 0x80);
}

long casusi_tokenize(const casusi_lexicon *lx, const char *text, size_t len,
                     size_t base, ntok **toks, size_t *cap)
{
    size_t n = 0;
    size_t i = base;
    uint16_t pending = 0; /* flags for the next token */
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        int l = 1;
        int32_t cp = c < 0x80 ? (int32_t)c : cp_at(text + i, len - i, &l);
        if (c < 0x80 ? is_alpha(c) : cp_is_wordch(cp)) {
            size_t s = i, j = i;
            uint16_t fl = pending;
            pending = 0;
            if (c < 0x80 ? (c >= 'A' && c <= 'Z') : cp_is_upper(cp))
                fl |= TF_CAP;
            /* acronym with periods: U.S., D.P.R.K. */
            if (c < 0x80 && j + 3 < len + 1 && j + 1 < len && text[j + 1] == '.' &&
                j + 2 < len && is_alpha((unsigned char)text[j + 2]) &&
                (j + 3 >= len || text[j + 3] == '.')) {
                while (j + 1 < len && is_alpha((unsigned char)text[j]) && text[j + 1] == '.')
                    j += 2;
                ntok *t = emit(toks, cap, &n, s, j, TK_WORD, fl | TF_ALLCAP);
                if (!t)
                    return -1;
                t->id = lookup(lx, text + s, j - s);
                if (j + 1 < len && (text[j] == '\'' ) && (text[j + 1] == 's')) {
                    t->fl |= TF_POSS;
                    j += 2;
                }
                i = j;
                /* "U.S.-Philippines", "U.S.-led": a hyphen joins, it is no dash */
                if (joining_hyphen(text, len, i, 0)) {
                    pending = TF_HYPH;
                    i++;
                }
                continue;
            }
            int upper = 0, letters = 0, nott = 0;
            size_t after = 0; /* where to resume if not j */
            while (j < len) {
                unsigned char d = (unsigned char)text[j];
                if (d < 0x80) {
                    if (is_alnum(d)) {
                        if (is_alpha(d)) {
                            letters++;
                            upper += d >= 'A' && d <= 'Z';
                        }
                        j++;
                        continue;
                    }
                    if (d == '\'') {
                        l = 1;
                        cp = '\'';
                    } else
                        break;
                } else {
                    cp = cp_at(text + j, len - j, &l);
                    if (cp_is_wordch(cp)) {
                        letters++;
                        upper += cp_is_upper(cp);
                        j += (size_t)l;
                        continue;
                    }
                    if (cp != 0x2019)
                        break;
                }
                /* an apostrophe */
                size_t k = j + (size_t)l;
                unsigned char nx = k < len ? (unsigned char)text[k] : 0;
                unsigned char nx2 = k + 1 < len ? (unsigned char)text[k + 1] : 0;
                if ((nx == 's' || nx == 'S') && !is_alnum(nx2) && nx2 < 0x80) {
                    fl |= TF_POSS;
                    after = k + 1;
                    break;
                }
                if ((nx == 't' || nx == 'T') && !is_alnum(nx2) && j > s + 1 &&
                    (text[j - 1] == 'n' || text[j - 1] == 'N')) {
                    nott = 1;
                    j--; /* the word ends before the n */
                    after = k + 1;
                    break;
                }
                if (is_alpha(nx)) { /* O'Brien, d'Ivoire */
                    j = k;
                    continue;
                }
                if (j > s && (text[j - 1] == 's' || text[j - 1] == 'S')) /* allies' */
                    fl |= TF_POSS;
                after = k;
                break;
            }
            if (letters >= 2 && upper == letters)
                fl |= TF_ALLCAP;
            ntok *t = emit(toks, cap, &n, s, j, TK_WORD, fl);
            if (!t)
                return -1;
            t->id = lookup(lx, text + s, j - s);
            if (nott) {
                if (!(t = emit(toks, cap, &n, j, after, TK_WORD, 0)))
                    return -1;
                t->id = lx ? casusi_lex_word(lx, "not", 3) : -1;
            }
            i = after ? after : j;
            if (!after && joining_hyphen(text, len, i, 1)) {
                pending = TF_HYPH;
                i++;
            }
            continue;
        }
        if (is_digit(c)) {
            size_t s = i, j = i;
            double v = 0;
            while (j < len) {
                if (is_digit((unsigned char)text[j])) {
                    v = v * 10 + (text[j] - '0');
                    j++;
                } else if (text[j] == ',' && j + 3 < len + 0 && is_digit((unsigned char)text[j + 1]) &&
                           is_digit((unsigned char)text[j + 2]) && is_digit((unsigned char)text[j + 3]) &&
                           (j + 4 >= len || !is_digit((unsigned char)text[j + 4]))) {
                    j++;
                } else
                    break;
            }
            if (j + 1 < len && text[j] == '.' && is_digit((unsigned char)text[j + 1])) {
                double f = 0.1;
                j++;
                while (j < len && is_digit((unsigned char)text[j])) {
                    v += f * (text[j] - '0');
                    f /= 10;
                    j++;
                }
            }
            uint16_t fl = pending;
            pending = 0;
            size_t k = j;
            while (k < len && is_alpha((unsigned char)text[k]))
                k++;
            /* "2A8", "T-90M2": letters then digits stay one word */
            if (k > j)
                while (k < len && is_alnum((unsigned char)text[k]))
                    k++;
            if (k > j) {
                size_t sl = k - j;
                const char *sf = text + j;
                if (sl == 2 && (!strncmp(sf, "st", 2) || !strncmp(sf, "nd", 2) ||
                                !strncmp(sf, "rd", 2) || !strncmp(sf, "th", 2))) {
                    fl |= TF_ORD;
                    j = k;
                } else {
                    /* 5G, 10km, F16: a word */
                    ntok *t = emit(toks, cap, &n, s, k, TK_WORD, fl);
                    if (!t)
                        return -1;
                    t->id = lookup(lx, text + s, k - s);
                    i = k;
                    continue;
                }
            }
            ntok *t = emit(toks, cap, &n, s, j, TK_NUM, fl);
            if (!t)
                return -1;
            t->num = v;
            i = j;
            if (joining_hyphen(text, len, i, 0)) {
                pending = TF_HYPH;
                i++;
            }
            continue;
        }
        char p = punct_of(cp);
        if (c == '-') /* a hyphen not inside a word: a dash */
            p = '-';
        if (c == '&')
            p = '&';
        if (p) {
            ntok *t = emit(toks, cap, &n, i, i + (size_t)l, TK_PUNCT, 0);
            if (!t)
                return -1;
            t->punct = p;
            t->id = p == '&' && lx ? casusi_lex_word(lx, "&", 1) : -1;
        }
        pending = 0;
        i += (size_t)l;
    }
    return (long)n;
}
