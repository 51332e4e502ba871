/*
 * lexicon.c -- the news reader's dictionaries, compiled into one
 * Aho-Corasick automaton over word ids. Sources: the kb's state names,
 * official names, aliases, demonyms and capitals, its place names, and
 * the YAML files of data/lexicon (events, cues, leaders, bodies).
 *
 * Words are interned in an open-addressing table; patterns are sequences of
 * word ids; the automaton's goto function is a hash of (state, word id).
 * A text token that is not in the vocabulary sends the automaton back to
 * its root, so ordinary prose costs one hash probe per word.
 */
#include "news_int.h"
#include "yaml_tree.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = CASUSI_FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= CASUSI_FNV_PRIME;
    }
    return h;
}

int32_t casusi_lex_word(const casusi_lexicon *lx, const char *w, size_t n)
{
    return casusi_lex_word_h(lx, w, n, fnv(w, n));
}

int32_t casusi_lex_word_h(const casusi_lexicon *lx, const char *w, size_t n, uint64_t h)
{
    if (!lx->wtab)
        return -1;
    uint32_t i = (uint32_t)h & lx->wmask, tag = (uint32_t)(h >> 32);
    for (;;) {
        int32_t id = lx->wtab[i].id;
        if (id < 0)
            return -1;
        if (lx->wtab[i].tag == tag) {
            const char *x = lx->words[id];
            if (!memcmp(x, w, n) && x[n] == '\0')
                return id;
        }
        i = (i + 1) & lx->wmask;
    }
}

/* ---- building -------------------------------------------------------- */

typedef struct builder {
    casusi_lexicon *lx;
    casus_error *err;
    const char *file;
    /* trie edges */
    uint32_t *efrom, *eto; int32_t *etok; uint32_t nedges, ecap;
    /* payload lists during the build */
    lx_payload *pays; uint32_t *pnext; uint32_t npays, pcap;
    uint32_t *phead, *ptail;  /* per pattern */
    uint32_t *pstate;         /* per pattern: its final state */
    uint32_t *sout;           /* per state: pattern, NONE */
    uint32_t scap;
    int oom;
    /* growable lists */
    uint32_t acap, tcap, fcap, kcap;
    /* names whose words go into the fuzzy index */
    const char **fz; uint8_t *fzk; uint32_t nfz, fzcap;
} builder;

static int grow(void **p, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    uint32_t nc = *cap ? *cap : 64;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, (size_t)nc * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}

static int32_t intern(builder *b, const char *w, size_t n)
{
    casusi_lexicon *lx = b->lx;
    if (lx->nwords * 2 >= lx->wmask) {
        uint32_t nm = lx->wmask ? lx->wmask * 2 + 1 : 4095;
        casusi_wslot *nt = malloc(((size_t)nm + 1) * sizeof *nt);
        if (!nt)
            return -1;
        for (uint32_t k = 0; k <= nm; k++)
            nt[k].id = -1;
        for (uint32_t k = 0; k < lx->nwords; k++) {
            uint64_t h = fnv(lx->words[k], strlen(lx->words[k]));
            uint32_t i = (uint32_t)h & nm;
            while (nt[i].id >= 0)
                i = (i + 1) & nm;
            nt[i].id = (int32_t)k;
            nt[i].tag = (uint32_t)(h >> 32);
        }
        free(lx->wtab);
        lx->wtab = nt;
        lx->wmask = nm;
    }
    int32_t id = casusi_lex_word(lx, w, n);
    if (id >= 0)
        return id;
    if (grow((void **)&lx->words, &lx->wcap, lx->nwords + 1, sizeof *lx->words))
        return -1;
    char *copy = casus_arena_strndup(lx->arena, w, n);
    if (!copy)
        return -1;
    uint64_t h = fnv(w, n);
    uint32_t i = (uint32_t)h & lx->wmask;
    while (lx->wtab[i].id >= 0)
        i = (i + 1) & lx->wmask;
    lx->wtab[i].id = (int32_t)lx->nwords;
    lx->wtab[i].tag = (uint32_t)(h >> 32);
    lx->words[lx->nwords] = copy;
    return (int32_t)lx->nwords++;
}

static uint64_t gkey(uint32_t state, int32_t tok)
{
    return ((uint64_t)state << 32) | (uint32_t)tok;
}

static uint32_t goto_get(const casusi_lexicon *lx, uint32_t state, int32_t tok)
{
    uint64_t k = gkey(state, tok);
    uint32_t i = (uint32_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) & lx->gmask;
    for (;;) {
        if (lx->gkey[i] == UINT64_MAX)
            return NONE;
        if (lx->gkey[i] == k)
            return lx->gval[i];
        i = (i + 1) & lx->gmask;
    }
}

static void goto_put(casusi_lexicon *lx, uint32_t state, int32_t tok, uint32_t to)
{
    uint64_t k = gkey(state, tok);
    uint32_t i = (uint32_t)((k * 0x9E3779B97F4A7C15ULL) >> 32) & lx->gmask;
    while (lx->gkey[i] != UINT64_MAX)
        i = (i + 1) & lx->gmask;
    lx->gkey[i] = k;
    lx->gval[i] = to;
}

/* Adds a phrase with one payload. Words are interned; an empty phrase or
 * one with no words is skipped. */
static int add_phrase(builder *b, const char *phrase, lx_payload pay)
{
    casusi_lexicon *lx = b->lx;
    ntok *toks = NULL;
    size_t cap = 0;
    long n = casusi_tokenize(NULL, phrase, strlen(phrase), 0, &toks, &cap);
    if (n < 0) {
        b->oom = 1;
        return -1;
    }
    int32_t ids[32];
    int nw = 0;
    for (long k = 0; k < n && nw < 32; k++) {
        const ntok *t = &toks[k];
        if (t->kind == TK_PUNCT && t->punct != '&')
            continue;
        char buf[128];
        size_t len;
        if (t->kind == TK_NUM || t->kind == TK_PUNCT) {
            len = t->e - t->s < sizeof buf ? t->e - t->s : 0;
            memcpy(buf, phrase + t->s, len);
            buf[len] = '\0';
        } else
            len = casusi_word_norm(phrase + t->s, t->e - t->s, buf, sizeof buf);
        if (!len)
            continue;
        int32_t id = intern(b, buf, len);
        if (id < 0) {
            free(toks);
            b->oom = 1;
            return -1;
        }
        ids[nw++] = id;
    }
    free(toks);
    if (!nw)
        return 0;
    /* walk/extend the trie */
    uint32_t s = 0;
    for (int k = 0; k < nw; k++) {
        uint32_t nx = NONE;
        /* edges are few per build; the hash is built at the end, so look up
         * the edge list through a temporary hash kept in gkey */
        nx = goto_get(lx, s, ids[k]);
        if (nx == NONE) {
            if (lx->ngoto * 2 >= lx->gmask) {
                /* rehash */
                uint32_t nm = lx->gmask * 2 + 1;
                uint64_t *nk = malloc(((size_t)nm + 1) * sizeof *nk);
                uint32_t *nv = malloc(((size_t)nm + 1) * sizeof *nv);
                if (!nk || !nv) {
                    free(nk);
                    free(nv);
                    b->oom = 1;
                    return -1;
                }
                memset(nk, 0xff, ((size_t)nm + 1) * sizeof *nk);
                uint64_t *ok = lx->gkey;
                uint32_t *ov = lx->gval;
                uint32_t om = lx->gmask;
                lx->gkey = nk;
                lx->gval = nv;
                lx->gmask = nm;
                for (uint32_t i = 0; i <= om; i++)
                    if (ok[i] != UINT64_MAX)
                        goto_put(lx, (uint32_t)(ok[i] >> 32), (int32_t)(uint32_t)ok[i], ov[i]);
                free(ok);
                free(ov);
            }
            nx = lx->nstates++;
            if (grow((void **)&b->sout, &b->scap, lx->nstates, sizeof *b->sout)) {
                b->oom = 1;
                return -1;
            }
            b->sout[nx] = NONE;
            goto_put(lx, s, ids[k], nx);
            lx->ngoto++;
            if (grow((void **)&b->efrom, &b->ecap, b->nedges + 1, sizeof *b->efrom) ||
                !(b->eto = realloc(b->eto, (size_t)b->ecap * sizeof *b->eto)) ||
                !(b->etok = realloc(b->etok, (size_t)b->ecap * sizeof *b->etok))) {
                b->oom = 1;
                return -1;
            }
            b->efrom[b->nedges] = s;
            b->eto[b->nedges] = nx;
            b->etok[b->nedges] = ids[k];
            b->nedges++;
        }
        s = nx;
    }
    uint32_t p = b->sout[s];
    if (p == NONE) {
        p = lx->npats;
        uint32_t pc = lx->npats; /* capacity tracked via realloc each time is fine */
        (void)pc;
        lx_pattern *np = realloc(lx->pats, ((size_t)lx->npats + 1) * sizeof *np);
        uint32_t *nh = realloc(b->phead, ((size_t)lx->npats + 1) * sizeof *nh);
        if (np)
            lx->pats = np;
        if (nh)
            b->phead = nh;
        uint32_t *nt = realloc(b->ptail, ((size_t)lx->npats + 1) * sizeof *nt);
        if (nt)
            b->ptail = nt;
        if (!np || !nh || !nt) {
            b->oom = 1;
            return -1;
        }
        lx->pats[p].ntok = (uint16_t)nw;
        lx->pats[p].npay = 0;
        lx->pats[p].pay = 0;
        b->phead[p] = b->ptail[p] = NONE;
        b->sout[s] = p;
        lx->npats++;
    }
    /* skip a duplicate payload */
    for (uint32_t q = b->phead[p]; q != NONE; q = b->pnext[q])
        if (b->pays[q].cat == pay.cat && b->pays[q].sub == pay.sub && b->pays[q].idx == pay.idx)
            return 0;
    if (grow((void **)&b->pays, &b->pcap, b->npays + 1, sizeof *b->pays) ||
        !(b->pnext = realloc(b->pnext, (size_t)b->pcap * sizeof *b->pnext))) {
        b->oom = 1;
        return -1;
    }
    b->pays[b->npays] = pay;
    b->pnext[b->npays] = NONE;
    if (b->ptail[p] == NONE)
        b->phead[p] = b->npays;
    else
        b->pnext[b->ptail[p]] = b->npays;
    b->ptail[p] = b->npays;
    b->npays++;
    lx->pats[p].npay++;
    return 0;
}

/* Fail and dictionary links (breadth first), payloads made contiguous. */
static int finish(builder *b)
{
    casusi_lexicon *lx = b->lx;
    uint32_t ns = lx->nstates;
    lx->fail = calloc(ns, sizeof *lx->fail);
    lx->out = malloc(ns * sizeof *lx->out);
    lx->dict = malloc(ns * sizeof *lx->dict);
    uint32_t *cnt = calloc((size_t)ns + 1, sizeof *cnt);
    uint32_t *order = malloc((size_t)(b->nedges ? b->nedges : 1) * sizeof *order);
    uint32_t *queue = malloc(ns * sizeof *queue);
    lx_payload *pays = casus_arena_alloc(lx->arena, (size_t)(b->npays ? b->npays : 1) * sizeof *pays);
    if (!lx->fail || !lx->out || !lx->dict || !cnt || !order || !queue || !pays) {
        free(cnt);
        free(order);
        free(queue);
        return -1;
    }
    memcpy(lx->out, b->sout, ns * sizeof *lx->out);
    /* children of each state, grouped (counting sort on efrom) */
    for (uint32_t e = 0; e < b->nedges; e++)
        cnt[b->efrom[e] + 1]++;
    for (uint32_t s = 0; s < ns; s++)
        cnt[s + 1] += cnt[s];
    uint32_t *pos = malloc((size_t)ns * sizeof *pos);
    if (!pos) {
        free(cnt);
        free(order);
        free(queue);
        return -1;
    }
    memcpy(pos, cnt, ns * sizeof *pos);
    for (uint32_t e = 0; e < b->nedges; e++)
        order[pos[b->efrom[e]]++] = e;
    free(pos);
    uint32_t qh = 0, qt = 0;
    lx->dict[0] = NONE;
    for (uint32_t k = cnt[0]; k < cnt[1]; k++) {
        uint32_t c = b->eto[order[k]];
        lx->fail[c] = 0;
        lx->dict[c] = NONE;
        queue[qt++] = c;
    }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (uint32_t k = cnt[s]; k < cnt[s + 1]; k++) {
            uint32_t e = order[k];
            uint32_t c = b->eto[e];
            int32_t tok = b->etok[e];
            uint32_t f = lx->fail[s];
            uint32_t g;
            while ((g = goto_get(lx, f, tok)) == NONE && f != 0)
                f = lx->fail[f];
            if (g == NONE || g == c)
                g = 0;
            lx->fail[c] = g;
            lx->dict[c] = lx->out[g] != NONE ? g : lx->dict[g];
            queue[qt++] = c;
        }
    }
    free(cnt);
    free(order);
    free(queue);
    /* the root's edges as a table: most tokens are read from the root */
    lx->nroot = lx->nwords;
    lx->root = malloc(((size_t)lx->nroot + 1) * sizeof *lx->root);
    if (!lx->root)
        return -1;
    for (uint32_t w = 0; w < lx->nroot; w++)
        lx->root[w] = NONE;
    for (uint32_t e = 0; e < b->nedges; e++)
        if (b->efrom[e] == 0)
            lx->root[b->etok[e]] = b->eto[e];
    /* payloads */
    uint32_t at = 0;
    for (uint32_t p = 0; p < lx->npats; p++) {
        lx->pats[p].pay = at;
        for (uint32_t q = b->phead[p]; q != NONE; q = b->pnext[q])
            pays[at++] = b->pays[q];
    }
    lx->pays = pays;
    lx->npays = at;
    return 0;
}

/* A token inside a pattern that matching skips: a quotation mark, or the
 * period after a single letter (an initial: "N. Korea", "George W. Bush"). */
static int see_through(const ntok *toks, size_t i)
{
    if (toks[i].kind != TK_PUNCT)
        return 0;
    return toks[i].punct == '"' ||
           (toks[i].punct == '.' && i > 0 && toks[i - 1].kind == TK_WORD && toks[i - 1].e - toks[i - 1].s == 1 &&
            toks[i].s == toks[i - 1].e);
}

long casusi_lex_match(const casusi_lexicon *lx, const ntok *toks, size_t n,
                      lx_match **m, size_t *cap)
{
    size_t nm = 0;
    uint32_t s = 0;
    size_t lastq = SIZE_MAX; /* the last token a pattern reads through: a quotation mark ("were
                                "deeply concerned""), an initial's period ("N. Korea") */
    for (size_t i = 0; i < n; i++) {
        int32_t id = toks[i].id;
        if (id < 0) {
            if (see_through(toks, i)) {
                lastq = i;
                continue;
            }
            s = 0;
            continue;
        }
        uint32_t g = NONE;
        while (s != 0 && (g = goto_get(lx, s, id)) == NONE)
            s = lx->fail[s];
        if (s == 0)
            g = (uint32_t)id < lx->nroot ? lx->root[id] : NONE;
        s = g == NONE ? 0 : g;
        for (uint32_t t = lx->out[s] != NONE ? s : lx->dict[s]; t != NONE; t = lx->dict[t]) {
            uint32_t p = lx->out[t];
            if (nm >= *cap) {
                size_t nc = *cap ? *cap * 2 : 64;
                lx_match *q = realloc(*m, nc * sizeof *q);
                if (!q)
                    return -1;
                *m = q;
                *cap = nc;
            }
            lx_match *x = &(*m)[nm++];
            x->e = (uint32_t)(i + 1);
            x->s = x->e - lx->pats[p].ntok;
            if (lastq != SIZE_MAX && lastq + lx->pats[p].ntok >= i + 1)
                for (uint32_t left = lx->pats[p].ntok, k = x->e; left; left--) {
                    do
                        k--;
                    while (see_through(toks, k));
                    x->s = k;
                }
            x->p = p;
            x->fuzzy = 0;
            for (uint32_t k = x->s; k < x->e; k++)
                if (toks[k].fl & TF_FIXED)
                    x->fuzzy = 1;
        }
    }
    return (long)nm;
}

/* ---- fuzzy names ----------------------------------------------------- */

/* Keys of the fuzzy table: a polynomial hash of the word, mixed, so the
 * n + 1 keys of a word and of its deletions ("Zelenskyy" -> "Zelensky")
 * take O(n) to compute, not O(n^2). */
#define FZ_MUL 0x100000001b3ULL
#define FZ_BLOOM_BITS (1u << 20)

static uint64_t fz_mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* The key of w[0..n) and, into del[k], of w without byte k (n <= 128). */
static uint64_t fz_keys(const char *w, size_t n, uint64_t *del)
{
    uint64_t pre[129], suf[130], pw[129];
    pre[0] = 0;
    pw[0] = 1;
    for (size_t i = 0; i < n; i++) {
        pre[i + 1] = pre[i] * FZ_MUL + (unsigned char)w[i];
        pw[i + 1] = pw[i] * FZ_MUL;
    }
    suf[n] = 0;
    for (size_t i = n; i-- > 0;)
        suf[i] = (unsigned char)w[i] * pw[n - 1 - i] + suf[i + 1];
    for (size_t k = 0; del && k < n; k++)
        del[k] = fz_mix(pre[k] * pw[n - 1 - k] + suf[k + 1]);
    return fz_mix(pre[n]);
}

/* The Bloom filter's bit for key h */
static inline uint32_t fz_bit(uint64_t h)
{
    return (uint32_t)(h >> 40) & (FZ_BLOOM_BITS - 1);
}

static void fput(casusi_lexicon *lx, uint64_t h, int32_t id)
{
    lx->fbloom[fz_bit(h) >> 6] |= (uint64_t)1 << (fz_bit(h) & 63);
    uint32_t i = (uint32_t)(h >> 20) & lx->fmask;
    for (;;) {
        if (lx->fkey[i] == 0) {
            lx->fkey[i] = h | 1;
            lx->fval[i] = id;
            return;
        }
        if (lx->fkey[i] == (h | 1)) {
            if (lx->fval[i] != id)
                lx->fval[i] = -2; /* ambiguous */
            return;
        }
        i = (i + 1) & lx->fmask;
    }
}

static int32_t fget(const casusi_lexicon *lx, uint64_t h)
{
    if (!lx->fkey || !((lx->fbloom[fz_bit(h) >> 6] >> (fz_bit(h) & 63)) & 1))
        return -1;
    uint32_t i = (uint32_t)(h >> 20) & lx->fmask;
    for (;;) {
        if (lx->fkey[i] == 0)
            return -1;
        if (lx->fkey[i] == (h | 1))
            return lx->fval[i];
        i = (i + 1) & lx->fmask;
    }
}

/* Damerau distance <= 1 (bytes). */
static int within_one(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > nb + 1 || nb > na + 1)
        return 0;
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (i == na && i == nb)
        return 1;
    if (na == nb)
        return !memcmp(a + i + 1, b + i + 1, na - i - 1) ||
               (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                !memcmp(a + i + 2, b + i + 2, na - i - 2));
    if (na > nb)
        return !memcmp(a + i + 1, b + i, nb - i);
    return !memcmp(a + i, b + i + 1, na - i);
}

static void fuzzy_add_word(casusi_lexicon *lx, int32_t id)
{
    const char *w = lx->words[id];
    size_t n = strlen(w);
    if (n > 128)
        return;
    uint64_t del[128];
    fput(lx, fz_keys(w, n, del), id);
    for (size_t k = 0; k < n; k++)
        fput(lx, del[k], id);
}

int32_t casusi_lex_fuzzy(const casusi_lexicon *lx, const char *w, size_t n)
{
    if (!lx->fkey || n < 4 || n >= 64)
        return -1;
    int32_t found = -1;
    uint64_t del[64];
    uint64_t whole = fz_keys(w, n, del);
    for (size_t k = 0; k <= n; k++) {
        int32_t id = fget(lx, k == n ? whole : del[k]);
        if (id == -2)
            return -1;
        if (id < 0)
            continue;
        const char *x = lx->words[id];
        if (!within_one(w, n, x, strlen(x)))
            continue;
        if (found >= 0 && found != id)
            return -1;
        found = id;
    }
    return found;
}

bool casusi_lex_is_abbrev(const casusi_lexicon *lx, const char *w, size_t n)
{
    unsigned char c = n ? (unsigned char)w[0] : 0;
    for (uint32_t i = lx->abbrevs_at[c]; i < lx->abbrevs_at[c + 1]; i++)
        if (!strncmp(lx->abbrevs[i], w, n) && lx->abbrevs[i][n] == '\0')
            return true;
    return false;
}

bool casusi_lex_is_opener(const casusi_lexicon *lx, const char *w, size_t n)
{
    for (uint32_t i = 0; i < lx->nopeners; i++)
        if (lx->openers[i][0] == w[0] && !strncmp(lx->openers[i], w, n) && lx->openers[i][n] == '\0')
            return true;
    return false;
}

/* Does line open with one of the normalised prefixes v (indexed by
 * their first byte in at; max the longest), a whole word or ending in a
 * space, ":" or "."? Long lines need a long (3+ word) prefix. */
static bool opens_with(const char *const *v, const uint32_t at[257], size_t max, const char *line, size_t n)
{
    char buf[160];
    size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
    /* lower-case ASCII copy; other bytes kept */
    size_t o = 0;
    size_t i = 0;
    while (i < k && (line[i] == ' ' || line[i] == '\t'))
        i++;
    if (k > i + max + 1)
        k = i + max + 1; /* the longest prefix and the letter after it */
    for (; i < k; i++) {
        char c = line[i];
        buf[o++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[o] = '\0';
    size_t words = 0; /* counted on the first prefix that fits */
    unsigned char c0 = (unsigned char)buf[0];
    for (uint32_t f = at[c0]; f < at[c0 + 1]; f++) {
        const char *p = v[f];
        size_t pl = strlen(p);
        if (pl > o || strncmp(buf, p, pl))
            continue;
        char nx = buf[pl];
        int wordend = !nx || !((nx >= 'a' && nx <= 'z') || (nx >= '0' && nx <= '9')) ||
                      p[pl - 1] == ':' || p[pl - 1] == '.' || p[pl - 1] == ' ';
        if (!wordend)
            continue;
        int spaces = 0;
        for (size_t j = 0; j < pl; j++)
            spaces += p[j] == ' ';
        if (!words) {
            words = 1;
            for (size_t j = 0; j < n; j++)
                words += line[j] == ' ';
        }
        if (words <= 14 || spaces >= 2)
            return true;
    }
    return false;
}

bool casusi_lex_is_furniture(const casusi_lexicon *lx, const char *line, size_t n)
{
    return opens_with(lx->furniture, lx->furniture_at, lx->furniture_max, line, n);
}

/* "RELATED COVERAGE", "Further reading on Turtle Bay Review:" (cues.yaml,
 * box-title) */
bool casusi_lex_is_box_title(const casusi_lexicon *lx, const char *line, size_t n)
{
    return opens_with(lx->boxtitle, lx->boxtitle_at, lx->boxtitle_max, line, n);
}

/* ---- loading --------------------------------------------------------- */

static int perr(builder *b, const ynode *n, const char *fmt, const char *what)
{
    casusi_seterr_at(b->err, CASUS_EPARSE, b->file, n ? n->line : 0, n ? n->col : 0, fmt, what);
    return -1;
}

static int add_actor(builder *b, const char *phrase, lx_actor a)
{
    casusi_lexicon *lx = b->lx;
    if (grow((void **)&lx->actors, &b->acap, lx->nactors + 1, sizeof *lx->actors)) {
        b->oom = 1;
        return -1;
    }
    lx->actors[lx->nactors] = a;
    if (a.kind == AK_LEADER || a.kind == AK_STATE || a.kind == AK_DEMONYM || a.kind == AK_ALIAS) {
        uint32_t c = b->fzcap;
        if (grow((void **)&b->fz, &b->fzcap, b->nfz + 1, sizeof *b->fz) ||
            (b->fzcap != c && !(b->fzk = realloc(b->fzk, b->fzcap)))) {
            b->oom = 1;
            return -1;
        }
        b->fz[b->nfz] = phrase;
        b->fzk[b->nfz++] = a.kind;
    }
    lx_payload p = {LX_ACTOR, a.kind, lx->nactors};
    lx->nactors++;
    return add_phrase(b, phrase, p);
}

static const lx_actor ACTOR0 = {NULL, NULL, NULL, 0, INT32_MIN, INT32_MAX, NULL, 0, 0, 0, 0, 0, {0}, NULL, 0, 0};

static int load_states(builder *b)
{
    const casus_kb *kb = b->lx->kb;
    for (size_t i = 0; i < casus_kb_nstates(kb); i++) {
        const casus_state *s = casus_kb_state_at(kb, i);
        lx_actor a = ACTOR0;
        a.code = s->iso3;
        a.state = s;
        a.name = s->name;
        a.kind = AK_STATE;
        if (add_actor(b, s->name, a))
            return -1;
        if (s->official && add_actor(b, s->official, a))
            return -1;
        a.kind = AK_ALIAS;
        for (size_t k = 0; k < s->naliases; k++)
            if (add_actor(b, s->aliases[k], a))
                return -1;
        a.kind = AK_DEMONYM;
        for (size_t k = 0; k < s->ndemonyms; k++)
            if (add_actor(b, s->demonyms[k], a))
                return -1;
        a.kind = AK_CAPITAL;
        if (s->capital && !s->until.precision && add_actor(b, s->capital, a))
            return -1;
    }
    for (size_t i = 0; i < casus_kb_nplaces(kb); i++) {
        const casus_place *p = casus_kb_place_at(kb, i);
        lx_payload pay = {LX_PLACE, 0, (uint32_t)i};
        if (add_phrase(b, p->name, pay))
            return -1;
        for (size_t k = 0; k < p->naliases; k++)
            if (add_phrase(b, p->aliases[k], pay))
                return -1;
    }
    return 0;
}

static int read_file(builder *b, const char *dir, const char *name, int required,
                     const ynode **root)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    b->file = casus_arena_strdup(b->lx->arena, path);
    *root = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (!required && errno == ENOENT)
            return 0;
        casusi_seterr(b->err, CASUS_EIO, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 65536 > cap) {
            cap = cap ? cap * 2 : 131072;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                b->oom = 1;
                return -1;
            }
            buf = nb;
        }
        size_t r = fread(buf + len, 1, cap - len, f);
        len += r;
        if (r == 0)
            break;
    }
    fclose(f);
    *root = casusi_yaml_parse(b->lx->arena, b->file, buf, len, b->err);
    free(buf);
    return *root ? 0 : -1;
}

static const ynode *top_list(builder *b, const ynode *root, const char *key, int required)
{
    if (!root || root->type != Y_MAP) {
        perr(b, root, "expected a mapping with '%s'", key);
        return NULL;
    }
    const ynode *l = casusi_ymap_get(root, key);
    if (!l) {
        if (required)
            perr(b, root, "missing '%s'", key);
        return NULL;
    }
    if (l->type != Y_SEQ) {
        perr(b, l, "'%s' must be a list", key);
        return NULL;
    }
    return l;
}

static const char *scalar(const ynode *m, const char *key)
{
    const ynode *v = casusi_ymap_get(m, key);
    return v && v->type == Y_SCALAR ? v->str : NULL;
}

/* Verb forms. */
static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static void inflect(const char *base, char *s3, char *past, char *ing, size_t cap)
{
    size_t n = strlen(base);
    if (n + 4 >= cap) {
        snprintf(s3, cap, "%s", base);
        snprintf(past, cap, "%s", base);
        snprintf(ing, cap, "%s", base);
        return;
    }
    char last = n ? base[n - 1] : 0, prev = n > 1 ? base[n - 2] : 0;
    /* -s */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(s3, cap, "%ses", base);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(s3, cap, "%.*sies", (int)n - 1, base);
    else
        snprintf(s3, cap, "%ss", base);
    /* doubling: short consonant-vowel-consonant words of one syllable
     * (slam, ship, scrap; not enter, offer, exit); the u of "qu" is no
     * vowel (quit, quitting) */
    int dbl = n >= 3 && n <= 5 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
              is_vowel(prev) && (!is_vowel(base[n - 3]) || (n >= 4 && base[n - 3] == 'u' && base[n - 4] == 'q'));
    for (size_t k = 0; k + 3 < n && dbl; k++)
        dbl = !is_vowel(base[k]) || (k > 0 && base[k] == 'u' && base[k - 1] == 'q');
    /* longer verbs stressed on the last syllable double too (committed,
     * deterred, patrolled, transmitted) */
    static const char *const FINAL_STRESS[] = {"commit", "admit", "submit", "permit", "transmit", "omit",
                                               "deter", "refer", "confer", "prefer", "patrol", "control",
                                               "compel", "expel", "dispel", "repel", "equip", "regret",
                                               "acquit", "allot", "forbid", "rebut", "incur", "embed", "annul"};
    for (size_t k = 0; k < sizeof FINAL_STRESS / sizeof *FINAL_STRESS && !dbl; k++)
        dbl = !strcmp(base, FINAL_STRESS[k]);
    if (last == 'e')
        snprintf(past, cap, "%sd", base);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(past, cap, "%.*sied", (int)n - 1, base);
    else if (dbl)
        snprintf(past, cap, "%s%ced", base, last);
    else
        snprintf(past, cap, "%sed", base);
    if (last == 'e' && prev == 'i')
        snprintf(ing, cap, "%.*sying", (int)n - 2, base);
    else if (last == 'e' && prev != 'e')
        snprintf(ing, cap, "%.*sing", (int)n - 1, base);
    else if (dbl)
        snprintf(ing, cap, "%s%cing", base, last);
    else
        snprintf(ing, cap, "%sing", base);
}

static int add_trigger(builder *b, const char *phrase, lx_trigger t)
{
    casusi_lexicon *lx = b->lx;
    if (grow((void **)&lx->triggers, &b->tcap, lx->ntriggers + 1, sizeof *lx->triggers)) {
        b->oom = 1;
        return -1;
    }
    lx->triggers[lx->ntriggers] = t;
    lx_payload p = {LX_TRIGGER, t.form, lx->ntriggers};
    lx->ntriggers++;
    return add_phrase(b, phrase, p);
}

/* One verb entry: "base", "base|past" or "base|past|participle"; in a
 * multi-word verb only the first word inflects. */
static int add_verb(builder *b, const char *spec, lx_trigger t)
{
    char forms[3][96] = {{0}};
    int nf = 0;
    const char *p = spec;
    while (nf < 3) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l >= sizeof forms[0])
            l = sizeof forms[0] - 1;
        memcpy(forms[nf], p, l);
        forms[nf][l] = '\0';
        nf++;
        if (!bar)
            break;
        p = bar + 1;
    }
    const char *base = forms[0];
    const char *sp = strchr(base, ' ');
    char head[96], rest[96];
    size_t hl = sp ? (size_t)(sp - base) : strlen(base);
    snprintf(head, sizeof head, "%.*s", (int)hl, base);
    snprintf(rest, sizeof rest, "%s", sp ? sp : "");
    char s3[112], past[112], ing[112], buf[224];
    inflect(head, s3, past, ing, sizeof s3);
    t.lemma = casus_arena_strdup(b->lx->arena, base);
    t.form = FORM_BASE;
    if (add_trigger(b, base, t))
        return -1;
    snprintf(buf, sizeof buf, "%s%s", s3, rest);
    t.form = FORM_S;
    if (add_trigger(b, buf, t))
        return -1;
    if (nf >= 2) {
        /* an explicit past: whole phrase as written */
        t.form = nf == 3 ? FORM_PAST : FORM_PASTPART;
        if (add_trigger(b, forms[1], t))
            return -1;
        if (nf == 3) {
            t.form = FORM_PART;
            if (add_trigger(b, forms[2], t))
                return -1;
        }
        /* -ing from a doubled past (shipped -> shipping) */
        size_t pl = strlen(forms[1]);
        const char *psp = strchr(forms[1], ' ');
        size_t phl = psp ? (size_t)(psp - forms[1]) : pl;
        if (phl > 4 && !strncmp(forms[1] + phl - 2, "ed", 2) && forms[1][phl - 3] == forms[1][phl - 4] &&
            forms[1][phl - 3] == head[hl - 1]) {
            snprintf(buf, sizeof buf, "%.*sing%s", (int)phl - 2, forms[1], rest);
            t.form = FORM_ING;
            if (add_trigger(b, buf, t))
                return -1;
        } else {
            snprintf(buf, sizeof buf, "%s%s", ing, rest);
            t.form = FORM_ING;
            if (add_trigger(b, buf, t))
                return -1;
        }
    } else {
        snprintf(buf, sizeof buf, "%s%s", past, rest);
        t.form = FORM_PASTPART;
        if (add_trigger(b, buf, t))
            return -1;
        snprintf(buf, sizeof buf, "%s%s", ing, rest);
        t.form = FORM_ING;
        if (add_trigger(b, buf, t))
            return -1;
    }
    return 0;
}

static const struct { const char *name; int need; } NEEDS[] = {
    {"treaty", NEED_TREATY}, {"troops", NEED_TROOPS}, {"arms", NEED_ARMS}, {"aid", NEED_AID},
    {"missile", NEED_MISSILE}, {"ambassador", NEED_AMBASSADOR}, {"org", NEED_ORG},
    {"exercise", NEED_EXERCISE}, {"intel", NEED_INTEL}, {"sanction", NEED_SANCTION},
    {"claim", NEED_CLAIM}, {"pledge", NEED_PLEDGE}, {"money", NEED_MONEY}, {"reprisal", NEED_REPRISAL},
    {"trade", NEED_TRADE}, {"blame", NEED_BLAME}, {"terror", NEED_TERROR},
};

static int load_events(builder *b, const char *dir)
{
    const ynode *root;
    if (read_file(b, dir, "events.yaml", 1, &root))
        return -1;
    const ynode *l = top_list(b, root, "triggers", 1);
    if (!l)
        return -1;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i];
        if (e->type != Y_MAP)
            return perr(b, e, "expected a trigger entry (a mapping), found %s", casusi_ydescribe(e));
        lx_trigger t = {0};
        const char *type = scalar(e, "type");
        casus_error te;
        if (!type)
            return perr(b, e, "a trigger entry needs '%s'", "type");
        if (casus_evtype_parse(type, &t.type, &te))
            return perr(b, casusi_ymap_get(e, "type"), "%s", te.msg);
        const char *needs = scalar(e, "needs");
        if (needs) {
            size_t k = 0;
            for (; k < sizeof NEEDS / sizeof *NEEDS; k++)
                if (!strcmp(needs, NEEDS[k].name))
                    break;
            if (k == sizeof NEEDS / sizeof *NEEDS)
                return perr(b, casusi_ymap_get(e, "needs"),
                            "unknown 'needs' value '%s' (expected treaty, troops, arms, aid, missile, "
                            "ambassador, org, exercise, intel, sanction, claim, pledge, money, reprisal, trade "
                            "or blame)", needs);
            t.needs = (uint8_t)NEEDS[k].need;
        }
        const char *subj = scalar(e, "subject");
        if (subj && strcmp(subj, "source") && strcmp(subj, "target") && strcmp(subj, "speaker"))
            return perr(b, casusi_ymap_get(e, "subject"), "'subject' must be source, target or speaker, not '%s'",
                        subj);
        t.subj_target = subj && !strcmp(subj, "target");
        t.subj_speaker = subj && !strcmp(subj, "speaker");
        const char *with = scalar(e, "with");
        if (with && strcmp(with, "source") && strcmp(with, "target"))
            return perr(b, casusi_ymap_get(e, "with"), "'with' must be source or target, not '%s'", with);
        t.with_target = with && !strcmp(with, "target");
        const ynode *verbs = casusi_ymap_get(e, "verbs");
        const ynode *nouns = casusi_ymap_get(e, "nouns");
        for (int pass = 0; pass < 2; pass++) {
            const ynode *vl = pass ? nouns : verbs;
            if (!vl)
                continue;
            if (vl->type != Y_SEQ)
                return perr(b, vl, "'%s' must be a list", pass ? "nouns" : "verbs");
            for (size_t k = 0; k < vl->n; k++) {
                const ynode *w = vl->items[k];
                if (w->type != Y_SCALAR || !w->len)
                    return perr(b, w, "expected a word, found %s", casusi_ydescribe(w));
                lx_trigger tt = t;
                tt.accuse = !strncmp(w->str, "accus", 5) || !strncmp(w->str, "blame", 5);
                if (pass) {
                    /* "train together|trained together": each form a
                     * phrase of its own, named by the first */
                    tt.form = FORM_NOUN;
                    const char *bar = strchr(w->str, '|');
                    tt.lemma = bar ? casus_arena_strndup(b->lx->arena, w->str, (size_t)(bar - w->str)) : w->str;
                    if (!tt.lemma) {
                        b->oom = 1;
                        return -1;
                    }
                    for (const char *f = w->str;;) {
                        const char *fe = strchr(f, '|');
                        char one[96];
                        snprintf(one, sizeof one, "%.*s", (int)(fe ? fe - f : (long)strlen(f)), f);
                        if (add_trigger(b, one, tt))
                            return -1;
                        if (!fe)
                            break;
                        f = fe + 1;
                    }
                } else if (add_verb(b, w->str, tt))
                    return -1;
            }
        }
    }
    return 0;
}

static const struct { const char *key; int cue; } CUES[] = {
    {"negation", CUE_NEG}, {"hedge", CUE_HEDGE}, {"planned", CUE_PLANNED}, {"possible", CUE_POSSIBLE},
    {"conditional", CUE_COND}, {"would", CUE_WOULD}, {"say", CUE_SAY}, {"denyref", CUE_DENYREF},
    {"plural", CUE_PLURAL}, {"singular", CUE_SINGULAR}, {"people", CUE_PEOPLE}, {"former", CUE_FORMER},
    {"troops", CUE_TROOPS}, {"arms", CUE_ARMS}, {"aid", CUE_AID}, {"missile", CUE_MISSILE},
    {"ambassador", CUE_AMBASSADOR}, {"exercise", CUE_EXERCISE}, {"intel", CUE_INTEL},
    {"sanction", CUE_SANCTION}, {"treaty", CUE_TREATY}, {"new", CUE_NEW}, {"boundary", CUE_BOUNDARY},
    {"prep", CUE_PREP}, {"conj", CUE_CONJ}, {"approx", CUE_APPROX}, {"number", CUE_NUMBER},
    {"multiplier", CUE_MULT}, {"place-suffix", CUE_PLACESUFFIX}, {"be", CUE_BE}, {"det", CUE_DET}, {"light", CUE_LIGHT},
    {"legislature", CUE_LEGIS}, {"not-partner", CUE_NOTPARTNER}, {"exhort", CUE_EXHORT},
    {"event-ref", CUE_EVREF}, {"claim", CUE_CLAIM}, {"stalled", CUE_STALLED}, {"pledge", CUE_PLEDGE},
    {"attack", CUE_ATTACK}, {"attack-verb", CUE_ATTACKV}, {"currency", CUE_CURRENCY}, {"vessels", CUE_VESSEL}, {"reprisal", CUE_REPRISAL},
    {"negation-noun", CUE_NEGNOUN}, {"negation-after", CUE_NEGAFTER}, {"reaction", CUE_REACT}, {"undo", CUE_UNDO}, {"month-original", CUE_FMONTH},
    {"trade", CUE_TRADE}, {"blame", CUE_BLAME}, {"span", CUE_SPAN}, {"terror", CUE_TERROR},
    {"instrument", CUE_INSTRUMENT}, {"hedge-agency", CUE_HEDGEAG},
};

static const char *MONTHS[] = {"january", "february", "march", "april", "may", "june", "july",
                               "august", "september", "october", "november", "december"};
static const char *MON3[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                             "nov", "dec"};
static const char *WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                 "sunday"};

static int str_list(builder *b, const ynode *l, const char ***out, uint32_t *n, int norm)
{
    if (l->type != Y_SEQ)
        return perr(b, l, "expected a list, found %s", casusi_ydescribe(l));
    const char **v = casus_arena_alloc(b->lx->arena, (l->n + 1) * sizeof *v);
    if (!v) {
        b->oom = 1;
        return -1;
    }
    for (size_t k = 0; k < l->n; k++) {
        const ynode *w = l->items[k];
        if (w->type != Y_SCALAR || !w->len)
            return perr(b, w, "expected a phrase, found %s", casusi_ydescribe(w));
        if (norm) {
            char *c = casus_arena_strdup(b->lx->arena, w->str);
            for (char *q = c; q && *q; q++)
                if (*q >= 'A' && *q <= 'Z')
                    *q = (char)(*q - 'A' + 'a');
            v[k] = c;
        } else
            v[k] = w->str;
    }
    *out = v;
    *n = (uint32_t)l->n;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts a word list and fills at[] so that the words starting with byte c
 * are v[at[c]] .. v[at[c + 1] - 1]. */
static void index_by_first(const char **v, uint32_t n, uint32_t at[257])
{
    qsort(v, n, sizeof *v, cmp_str);
    uint32_t k = 0;
    for (unsigned c = 0; c < 257; c++) {
        while (k < n && (unsigned char)v[k][0] < c)
            k++;
        at[c] = k;
    }
}

static int load_cues(builder *b, const char *dir)
{
    casusi_lexicon *lx = b->lx;
    const ynode *root;
    if (read_file(b, dir, "cues.yaml", 1, &root))
        return -1;
    if (root->type != Y_MAP)
        return perr(b, root, "expected a mapping of cue classes, found %s", casusi_ydescribe(root));
    lx->kinds = casus_arena_alloc(lx->arena, (root->n + 1) * sizeof *lx->kinds);
    if (!lx->kinds)
        return -1;
    for (size_t i = 0; i + 1 < root->n; i += 2) {
        const ynode *k = root->items[i], *v = root->items[i + 1];
        const char *key = k->str;
        if (!strcmp(key, "furniture-prefix")) {
            if (str_list(b, v, &lx->furniture, &lx->nfurniture, 1))
                return -1;
            for (uint32_t f = 0; f < lx->nfurniture; f++)
                if (strlen(lx->furniture[f]) > lx->furniture_max)
                    lx->furniture_max = strlen(lx->furniture[f]);
            index_by_first(lx->furniture, lx->nfurniture, lx->furniture_at);
            continue;
        }
        if (!strcmp(key, "box-title")) {
            if (str_list(b, v, &lx->boxtitle, &lx->nboxtitle, 1))
                return -1;
            for (uint32_t f = 0; f < lx->nboxtitle; f++)
                if (strlen(lx->boxtitle[f]) > lx->boxtitle_max)
                    lx->boxtitle_max = strlen(lx->boxtitle[f]);
            index_by_first(lx->boxtitle, lx->nboxtitle, lx->boxtitle_at);
            continue;
        }
        if (!strcmp(key, "abbreviation")) {
            if (str_list(b, v, &lx->abbrevs, &lx->nabbrevs, 1))
                return -1;
            index_by_first(lx->abbrevs, lx->nabbrevs, lx->abbrevs_at);
            continue;
        }
        if (!strcmp(key, "sentence-opener")) {
            if (str_list(b, v, &lx->openers, &lx->nopeners, 1))
                return -1;
            continue;
        }
        int cue = 0;
        uint32_t idx = 0;
        if (!strncmp(key, "kind-", 5)) {
            cue = CUE_KIND;
            idx = lx->nkinds;
            lx->kinds[lx->nkinds++] = key + 5;
        } else
            for (size_t c = 0; c < sizeof CUES / sizeof *CUES; c++)
                if (!strcmp(key, CUES[c].key))
                    cue = CUES[c].cue;
        if (!cue)
            return perr(b, k, "unknown cue class '%s' (see the header of cues.yaml)", key);
        if (v->type == Y_MAP) { /* phrase: value */
            for (size_t j = 0; j + 1 < v->n; j += 2) {
                const ynode *pk = v->items[j], *pv = v->items[j + 1];
                char *end = NULL;
                long long val = pv->type == Y_SCALAR ? strtoll(pv->str, &end, 10) : -1;
                if (pv->type != Y_SCALAR || !end || *end || val < 0 || val > UINT32_MAX)
                    return perr(b, pv, "expected a whole number, found %s", casusi_ydescribe(pv));
                lx_payload p = {LX_CUE, (uint8_t)cue, (uint32_t)val};
                if (add_phrase(b, pk->str, p))
                    return -1;
            }
            continue;
        }
        if (v->type != Y_SEQ)
            return perr(b, v, "expected a list of phrases, found %s", casusi_ydescribe(v));
        for (size_t j = 0; j < v->n; j++) {
            const ynode *w = v->items[j];
            if (w->type != Y_SCALAR || !w->len)
                return perr(b, w, "expected a phrase, found %s", casusi_ydescribe(w));
            lx_payload p = {LX_CUE, (uint8_t)cue, idx};
            if (add_phrase(b, w->str, p))
                return -1;
        }
    }
    /* built in: months, weekdays, days relative to today */
    for (uint32_t m = 0; m < 12; m++) {
        lx_payload p = {LX_CUE, CUE_MONTH, m + 1};
        if (add_phrase(b, MONTHS[m], p) || add_phrase(b, MON3[m], p))
            return -1;
    }
    lx_payload sept = {LX_CUE, CUE_MONTH, 9};
    if (add_phrase(b, "sept", sept))
        return -1;
    for (uint32_t d = 0; d < 7; d++) {
        lx_payload p = {LX_CUE, CUE_WEEKDAY, d};
        if (add_phrase(b, WEEKDAYS[d], p))
            return -1;
    }
    static const char *REL[] = {"yesterday", "today", "tomorrow", "last week", "last month", "last year",
                                "this week", "this month", "this year", "earlier this month",
                                "earlier this year", "next week", "next month", "next year",
                                /* parts of the article's day (14-19) */
                                "this morning", "this afternoon", "this evening", "tonight",
                                "earlier today", "later today",
                                /* the article's week (20-22) */
                                "earlier this week", "earlier in the week", "later this week"};
    for (uint32_t r = 0; r < sizeof REL / sizeof *REL; r++) {
        lx_payload p = {LX_CUE, CUE_RELDAY, r};
        if (add_phrase(b, REL[r], p))
            return -1;
    }
    return 0;
}

static int day_of(builder *b, const ynode *n, int32_t *out, int hi)
{
    casus_date d;
    casus_error e;
    if (n->type != Y_SCALAR || casus_date_parse(n->str, &d, &e))
        return perr(b, n, "expected a date YYYY-MM-DD, found %s", casusi_ydescribe(n));
    *out = hi ? d.hi : d.lo;
    return 0;
}

static const casus_state *code_state(builder *b, const ynode *n, const char **code)
{
    static const char *ORGS[] = {"UN", "UNSC", "NATO", "EU", "CSTO", "APEC", "ECOWAS", "ASEAN", "AU",
                                 "G7", "SCO", "OSCE", "IAEA", "AES", "GCC", "OAS", "QUAD"};
    *code = NULL;
    if (!n || n->type != Y_SCALAR) {
        perr(b, n, "expected a state code or organisation, found %s", n ? casusi_ydescribe(n) : "nothing");
        return NULL;
    }
    for (size_t i = 0; i < sizeof ORGS / sizeof *ORGS; i++)
        if (!strcmp(n->str, ORGS[i])) {
            *code = ORGS[i];
            return NULL;
        }
    /* an ISO3 code exactly (the kb's lookup also takes names) */
    const casus_state *s = casus_kb_state(b->lx->kb, n->str, NULL, NULL);
    /* a state that no longer exists resolves to its successor today ("SUN"
     * to RUS); a leader of the Soviet Union acted for SUN itself: the
     * state whose code it is exactly */
    if (s && strcmp(s->iso3, n->str)) {
        const casus_state *t;
        s = NULL;
        for (size_t i = 0; !s && (t = casus_kb_state_at(b->lx->kb, i)); i++)
            if (!strcmp(t->iso3, n->str))
                s = t;
    }
    if (!s) {
        perr(b, n, "unknown state '%s' (expected an ISO3 code from states.yaml or UN, UNSC, NATO, EU, "
                   "CSTO, APEC, ECOWAS, ASEAN, AU, G7, SCO, OSCE, IAEA, AES, GCC, OAS, QUAD)", n->str);
        return NULL;
    }
    *code = s->iso3;
    return s;
}

/* The list `key` of an optional file: *l is NULL (and 0 returned) when the
 * file is absent. */
static int optional_list(builder *b, const char *dir, const char *file, const char *key, const ynode **l)
{
    const ynode *root;
    *l = NULL;
    if (read_file(b, dir, file, 0, &root))
        return -1;
    if (!root)
        return 0;
    *l = top_list(b, root, key, 1);
    return *l ? 0 : -1;
}

static int load_leaders(builder *b, const char *dir)
{
    const ynode *l;
    if (optional_list(b, dir, "leaders.yaml", "leaders", &l))
        return -1;
    if (!l)
        return 0;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i];
        if (e->type != Y_MAP)
            return perr(b, e, "expected a leader (a mapping), found %s", casusi_ydescribe(e));
        const char *name = scalar(e, "name");
        if (!name)
            return perr(b, e, "a leader needs '%s'", "name");
        lx_actor a = ACTOR0;
        a.kind = AK_LEADER;
        a.name = name;
        a.state = code_state(b, casusi_ymap_get(e, "state"), &a.code);
        if (!a.code)
            return -1;
        const ynode *terms = casusi_ymap_get(e, "terms");
        if (!terms || terms->type != Y_SEQ || !terms->n)
            return perr(b, terms ? terms : e, "a leader needs '%s': a list of terms of office", "terms");
        const ynode *al = casusi_ymap_get(e, "aliases");
        if (al && al->type != Y_SEQ)
            return perr(b, al, "'%s' must be a list", "aliases");
        for (size_t t = 0; t < terms->n; t++) {
            const ynode *tm = terms->items[t];
            if (tm->type != Y_MAP)
                return perr(b, tm, "expected a term (a mapping), found %s", casusi_ydescribe(tm));
            const ynode *from = casusi_ymap_get(tm, "from"), *until = casusi_ymap_get(tm, "until");
            if (!from)
                return perr(b, tm, "a term needs '%s'", "from");
            if (day_of(b, from, &a.from, 0) || (until && day_of(b, until, &a.until, 1)))
                return -1;
            if (!until)
                a.until = INT32_MAX;
            a.role = scalar(tm, "role");
            if (add_actor(b, name, a))
                return -1;
            for (size_t k = 0; al && k < al->n; k++) {
                if (al->items[k]->type != Y_SCALAR)
                    return perr(b, al->items[k], "expected a name, found %s", casusi_ydescribe(al->items[k]));
                if (add_actor(b, al->items[k]->str, a))
                    return -1;
            }
        }
    }
    return 0;
}

static int load_bodies(builder *b, const char *dir)
{
    const ynode *l;
    if (optional_list(b, dir, "bodies.yaml", "bodies", &l))
        return -1;
    if (!l)
        return 0;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i];
        if (e->type != Y_MAP)
            return perr(b, e, "expected a body (a mapping), found %s", casusi_ydescribe(e));
        const ynode *names = casusi_ymap_get(e, "names");
        if (!names || names->type != Y_SEQ || !names->n)
            return perr(b, names ? names : e, "a body needs '%s': a list of names", "names");
        lx_actor a = ACTOR0;
        a.state = code_state(b, casusi_ymap_get(e, "state"), &a.code);
        if (!a.code)
            return -1;
        const char *kind = scalar(e, "kind");
        a.kind = kind && !strcmp(kind, "organisation") ? AK_ORG : AK_BODY;
        a.role = kind;
        const char *sh = scalar(e, "shared");
        if (sh && strcmp(sh, "true") && strcmp(sh, "false"))
            return perr(b, casusi_ymap_get(e, "shared"), "'%s' must be true or false", "shared");
        a.shared = sh && !strcmp(sh, "true");
        a.name = names->items[0]->str;
        for (size_t k = 0; k < names->n; k++) {
            if (names->items[k]->type != Y_SCALAR)
                return perr(b, names->items[k], "expected a name, found %s", casusi_ydescribe(names->items[k]));
            if (add_actor(b, names->items[k]->str, a))
                return -1;
        }
    }
    return 0;
}

size_t casusi_maker_key(const char *s, size_t n, char *buf, size_t cap)
{
    char tmp[256];
    size_t m = n < sizeof tmp ? casusi_word_norm(s, n, tmp, sizeof tmp) : 0, k = 0;
    if (!cap)
        return 0;
    for (size_t i = 0; i < m && k + 1 < cap; i++)
        if ((tmp[i] >= 'a' && tmp[i] <= 'z') || (tmp[i] >= '0' && tmp[i] <= '9'))
            buf[k++] = tmp[i];
    buf[k] = '\0';
    return k;
}

/* makers.yaml: weapon systems and the state that makes them. */
static int load_makers(builder *b, const char *dir)
{
    casusi_lexicon *lx = b->lx;
    const ynode *l;
    if (optional_list(b, dir, "makers.yaml", "makers", &l))
        return -1;
    if (!l)
        return 0;
    size_t total = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i], *names = e->type == Y_MAP ? casusi_ymap_get(e, "names") : NULL;
        if (e->type != Y_MAP)
            return perr(b, e, "expected a state's block (a mapping), found %s", casusi_ydescribe(e));
        if (!names || names->type != Y_SEQ || !names->n)
            return perr(b, names ? names : e, "a block needs '%s': a list of weapon names", "names");
        total += names->n;
    }
    lx->mkeys = casus_arena_alloc(lx->arena, (total + 1) * sizeof *lx->mkeys);
    lx->mcodes = casus_arena_alloc(lx->arena, (total + 1) * sizeof *lx->mcodes);
    if (!lx->mkeys || !lx->mcodes) {
        b->oom = 1;
        return -1;
    }
    /* keys and codes sorted together: sort "key\0code" strings, then split */
    char **pair = casus_arena_alloc(lx->arena, (total + 1) * sizeof *pair);
    if (!pair) {
        b->oom = 1;
        return -1;
    }
    size_t np = 0;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i], *names = casusi_ymap_get(e, "names");
        const char *code;
        code_state(b, casusi_ymap_get(e, "state"), &code);
        if (!code)
            return -1;
        for (size_t k = 0; k < names->n; k++) {
            const ynode *w = names->items[k];
            char key[64];
            if (w->type != Y_SCALAR || !casusi_maker_key(w->str, strlen(w->str), key, sizeof key))
                return perr(b, w, "expected a weapon's name, found %s", casusi_ydescribe(w));
            /* a few hundred names: the quadratic check costs nothing */
            for (size_t q = 0; q < np; q++)
                if (!strcmp(pair[q], key) && strcmp(pair[q] + strlen(pair[q]) + 1, code))
                    return perr(b, w, "the weapon '%s' is listed for two states", w->str);
            size_t kl = strlen(key), cl = strlen(code);
            char *p = casus_arena_alloc(lx->arena, kl + cl + 2);
            if (!p) {
                b->oom = 1;
                return -1;
            }
            memcpy(p, key, kl + 1);
            memcpy(p + kl + 1, code, cl + 1);
            pair[np++] = p;
        }
    }
    qsort(pair, np, sizeof *pair, cmp_str);
    for (size_t i = 0; i < np; i++) {
        lx->mkeys[i] = pair[i];
        lx->mcodes[i] = pair[i] + strlen(pair[i]) + 1;
    }
    lx->nmakers = (uint32_t)np;
    return 0;
}

const char *casusi_lex_maker(const casusi_lexicon *lx, const char *s, size_t n)
{
    char key[64];
    if (!lx->nmakers || n >= sizeof key)
        return NULL;
    for (size_t len = n; len >= 2; len--) {
        memcpy(key, s, len);
        key[len] = '\0';
        size_t lo = 0, hi = lx->nmakers;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int c = strcmp(lx->mkeys[mid], key);
            if (c == 0) {
                const char *rest = s + len;
                size_t rn = n - len;
                int digit = strpbrk(key, "0123456789") != NULL;
                if (digit ? (!rn || (!(rest[0] >= '0' && rest[0] <= '9') && rn <= 6))
                          : (!rn || (rn == 1 && rest[0] == 's') || (rn == 2 && !memcmp(rest, "es", 2)) ||
                             (rn == 5 && !memcmp(rest, "class", 5)) ||
                             (rest[0] >= '0' && rest[0] <= '9' && rn <= 8))) /* "Shahed-238" */
                    return lx->mcodes[mid];
                break;
            }
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return NULL;
}

/* contextual.yaml: names that stand for a state only in context. */
static int load_contextual(builder *b, const char *dir)
{
    const ynode *l;
    if (optional_list(b, dir, "contextual.yaml", "contextual", &l))
        return -1;
    if (!l)
        return 0;
    for (size_t i = 0; i < l->n; i++) {
        const ynode *e = l->items[i];
        if (e->type != Y_MAP)
            return perr(b, e, "expected a contextual name (a mapping), found %s", casusi_ydescribe(e));
        const ynode *names = casusi_ymap_get(e, "names");
        const ynode *states = casusi_ymap_get(e, "states");
        const ynode *after = casusi_ymap_get(e, "after");
        const ynode *nb = casusi_ymap_get(e, "not-before");
        const char *hy = scalar(e, "hyphen");
        const char *an = scalar(e, "anaphor");
        if (!names || names->type != Y_SEQ || !names->n)
            return perr(b, names ? names : e, "a contextual name needs '%s': a list of names", "names");
        if (!states || states->type != Y_SEQ || !states->n)
            return perr(b, states ? states : e, "a contextual name needs '%s': a list of state codes", "states");
        if (after && (after->type != Y_SEQ || after->n > 4))
            return perr(b, after, "'%s' must be a list of at most 4 state codes", "after");
        if (nb && nb->type != Y_SEQ)
            return perr(b, nb, "'%s' must be a list of words", "not-before");
        if (hy && strcmp(hy, "true") && strcmp(hy, "false"))
            return perr(b, casusi_ymap_get(e, "hyphen"), "'%s' must be true or false", "hyphen");
        if (an && strcmp(an, "true") && strcmp(an, "false"))
            return perr(b, casusi_ymap_get(e, "anaphor"), "'%s' must be true or false", "anaphor");
        lx_actor a = ACTOR0;
        a.kind = AK_CONTEXT;
        a.hyphen = hy && !strcmp(hy, "true");
        a.anaphor = an && !strcmp(an, "true");
        for (size_t k = 0; after && k < after->n; k++) {
            code_state(b, after->items[k], &a.after[a.nafter]);
            if (!a.after[a.nafter++])
                return -1;
        }
        if (nb && nb->n) {
            const char **w = casus_arena_alloc(b->lx->arena, nb->n * sizeof *w);
            if (!w) {
                b->oom = 1;
                return -1;
            }
            for (size_t k = 0; k < nb->n; k++) {
                if (nb->items[k]->type != Y_SCALAR)
                    return perr(b, nb->items[k], "expected a word, found %s", casusi_ydescribe(nb->items[k]));
                w[k] = nb->items[k]->str;
            }
            a.notbefore = w;
            a.nnot = (uint8_t)(nb->n > 255 ? 255 : nb->n);
        }
        for (size_t s = 0; s < states->n; s++) {
            a.state = code_state(b, states->items[s], &a.code);
            if (!a.code)
                return -1;
            for (size_t k = 0; k < names->n; k++) {
                const char *nm = names->items[k]->type == Y_SCALAR ? names->items[k]->str : NULL;
                if (!nm)
                    return perr(b, names->items[k], "expected a name, found %s", casusi_ydescribe(names->items[k]));
                /* "the North": the pattern is "North", so that "the North
                 * Korean leader" still reads "North Korean"; the reader
                 * checks the "the" and the capital; so too for an anaphor
                 * ("the kingdom" is "kingdom", so that "the Kingdom of Saudi
                 * Arabia" stays a state's name) */
                a.need_the = !strncmp(nm, "the ", 4) && ((nm[4] >= 'A' && nm[4] <= 'Z') || a.anaphor);
                if (a.need_the)
                    nm += 4;
                a.cap = *nm >= 'A' && *nm <= 'Z';
                a.name = nm;
                if (!*nm)
                    return perr(b, names->items[k], "a contextual name needs more than '%s'", "the");
                if (add_actor(b, nm, a))
                    return -1;
            }
        }
    }
    return 0;
}

static int fuzzy_from_names(casusi_lexicon *lx, const char *const *names, const uint8_t *kinds, size_t n)
{
    uint32_t m = 1024;
    while (m < n * 64)
        m *= 2;
    lx->fkey = calloc(m, sizeof *lx->fkey);
    lx->fval = calloc(m, sizeof *lx->fval);
    lx->fbloom = calloc(FZ_BLOOM_BITS / 64, sizeof *lx->fbloom);
    if (!lx->fkey || !lx->fval || !lx->fbloom) {
        free(lx->fkey);
        free(lx->fval);
        free(lx->fbloom);
        lx->fkey = NULL;
        lx->fval = NULL;
        lx->fbloom = NULL;
        return -1;
    }
    lx->fmask = m - 1;
    for (size_t i = 0; i < n; i++) {
        ntok *toks = NULL;
        size_t cap = 0;
        long nt = casusi_tokenize(lx, names[i], strlen(names[i]), 0, &toks, &cap);
        for (long k = 0; k < nt; k++) {
            if (toks[k].id < 0 || toks[k].kind != TK_WORD)
                continue;
            size_t len = strlen(lx->words[toks[k].id]);
            if (len >= (kinds[i] == AK_LEADER ? 4u : 7u))
                fuzzy_add_word(lx, toks[k].id);
        }
        free(toks);
    }
    return 0;
}

void casus_lexicon_close(casus_lexicon *l)
{
    if (!l)
        return;
    casusi_lexicon *lx = &l->lx;
    free(lx->words);
    free(lx->wtab);
    free(lx->gkey);
    free(lx->gval);
    free(lx->root);
    free(lx->fail);
    free(lx->out);
    free(lx->dict);
    free(lx->pats);
    free(lx->actors);
    free(lx->triggers);
    free(lx->fkey);
    free(lx->fval);
    free(lx->fbloom);
    casus_arena_free(lx->arena);
    free(l);
}

size_t casus_lexicon_npatterns(const casus_lexicon *l)
{
    return l ? l->lx.npats : 0;
}

int casus_lexicon_open(const casus_kb *kb, const char *dir, casus_lexicon **out,
                       casus_error *err)
{
    casus_error dummy;
    if (!err)
        err = &dummy;
    *out = NULL;
    casus_lexicon *l = calloc(1, sizeof *l);
    if (!l) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    casusi_lexicon *lx = &l->lx;
    lx->kb = kb;
    lx->arena = casus_arena_new();
    lx->gmask = 4095;
    lx->gkey = malloc(((size_t)lx->gmask + 1) * sizeof *lx->gkey);
    lx->gval = malloc(((size_t)lx->gmask + 1) * sizeof *lx->gval);
    builder b = {0};
    b.lx = lx;
    b.err = err;
    int rc = CASUS_OK;
    if (!lx->arena || !lx->gkey || !lx->gval) {
        rc = CASUS_ENOMEM;
        goto fail;
    }
    memset(lx->gkey, 0xff, ((size_t)lx->gmask + 1) * sizeof *lx->gkey);
    lx->nstates = 1;
    b.scap = 0;
    if (grow((void **)&b.sout, &b.scap, 1, sizeof *b.sout)) {
        rc = CASUS_ENOMEM;
        goto fail;
    }
    b.sout[0] = NONE;
    if (intern(&b, "not", 3) < 0 || intern(&b, "&", 1) < 0) {
        rc = CASUS_ENOMEM;
        goto fail;
    }
    if (load_states(&b) || load_cues(&b, dir) || load_events(&b, dir) || load_leaders(&b, dir) ||
        load_bodies(&b, dir) || load_contextual(&b, dir) || load_makers(&b, dir)) {
        rc = b.oom ? CASUS_ENOMEM : (err->code ? err->code : CASUS_EPARSE);
        if (b.oom)
            casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        goto fail;
    }
    if (finish(&b)) {
        rc = CASUS_ENOMEM;
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        goto fail;
    }
    fuzzy_from_names(lx, b.fz, b.fzk, b.nfz);
    /* the naming verbs of blame, which a relative turns into no trigger
     * ("condemned what it called ...") */
    lx->naming = casus_arena_alloc(lx->arena, lx->npats ? lx->npats : 1);
    if (!lx->naming) {
        rc = CASUS_ENOMEM;
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        goto fail;
    }
    for (uint32_t q = 0; q < lx->npats; q++) {
        int n = 0, other = 0;
        for (uint32_t k = 0; k < lx->pats[q].npay; k++) {
            const lx_payload *pl = &lx->pays[lx->pats[q].pay + k];
            if (pl->cat == LX_CUE)
                continue;
            if (pl->cat == LX_TRIGGER && lx->triggers[pl->idx].needs == NEED_BLAME &&
                lx->triggers[pl->idx].form != FORM_NOUN)
                n++;
            else
                other = 1;
        }
        lx->naming[q] = n && !other;
    }
    free(b.efrom);
    free(b.eto);
    free(b.etok);
    free(b.pays);
    free(b.pnext);
    free(b.phead);
    free(b.ptail);
    free(b.sout);
    free(b.fz);
    free(b.fzk);
    *out = l;
    return CASUS_OK;
fail:
    if (rc == CASUS_ENOMEM && !err->code)
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    free(b.efrom);
    free(b.eto);
    free(b.etok);
    free(b.pays);
    free(b.pnext);
    free(b.phead);
    free(b.ptail);
    free(b.sout);
    free(b.fz);
    free(b.fzk);
    casus_lexicon_close(l);
    return rc;
}
