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
 */
#include "news_int.h"

#include <ctype.h>
#include <limits.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAXC 12      /* codes in one set */
#define MAXSENT 8192 /* bytes in one sentence; longer ones are cut */

typedef struct cset {
    const char *c[MAXC];
    uint8_t n;
} cset;

/* Codes are mostly the lexicon's own strings: equal pointers first. */
static inline int same_code(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && !strcmp(a, b));
}

static int cs_has(const cset *s, const char *c)
{
    for (int i = 0; i < s->n; i++)
        if (same_code(s->c[i], c))
            return 1;
    return 0;
}
static void cs_add(cset *s, const char *c)
{
    if (c && !cs_has(s, c) && s->n < MAXC)
        s->c[s->n++] = c;
}
static void cs_union(cset *s, const cset *t)
{
    for (int i = 0; i < t->n; i++)
        cs_add(s, t->c[i]);
}
static int cs_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}
static void cs_sort(cset *s) { qsort(s->c, s->n, sizeof *s->c, cs_cmp); }
static int cs_eq(const cset *a, const cset *b)
{
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (!cs_has(b, a->c[i]))
            return 0;
    return 1;
}
static void cs_minus(cset *s, const cset *t)
{
    cset r = {{0}, 0};
    for (int i = 0; i < s->n; i++)
        if (!cs_has(t, s->c[i]))
            r.c[r.n++] = s->c[i];
    *s = r;
}
static int cs_meets(const cset *a, const cset *b)
{
    for (int i = 0; i < a->n; i++)
        if (cs_has(b, a->c[i]))
            return 1;
    return 0;
}

/* An actor mention in a sentence: tokens [s, e). */
typedef struct amen {
    uint32_t s, e;
    const char *code;
    const lx_actor *actor;  /* the name matched (first of a merged run) */
    const char *body;       /* a body's canonical name */
    uint8_t poss, fuzzy, org;
    int prep;               /* token index of the preposition before, -1 */
    int group;              /* group index */
} amen;

typedef struct group {
    uint32_t s, e;          /* tokens */
    int first, last;        /* amen indexes */
    cset codes;
    int prep;               /* preposition token before it, -1 */
    int people;             /* a people noun ("leaders") right before "of"/"from" */
    int hyph;               /* members joined by hyphens ("Russia-North Korea") */
} group;

/* A treaty entity of the article. */
typedef struct ent {
    cset parties;
    const char *kind;
    int year;
    int isnew;
    const casus_treaty *kb;
    size_t fs, fe;          /* first mention, bytes */
    size_t n;
    int32_t head;           /* the treaty noun's word id ("memorandum", "pact") */
} ent;

/* A date expression in a sentence. */
typedef struct dmen {
    uint32_t s, e;
    casus_date d;
    int treatyyear;         /* a year that modifies a treaty noun */
    int8_t mon, dom;        /* a month (and day) without a year: the event's
                               tense picks the year (0 when a year was given) */
} dmen;

typedef struct rev {
    casus_evtype type;
    cset src, tgt;
    casus_date date;
    int denied, hedged, fuzzy;
    int present;            /* told in the reporting present: the article's day if no other */
    int newsday;            /* 1: told in the past with no time of its own: the paragraph's day, else the
                               article's; -1: told as background (a perfect, a participle); 0: neither */
    int para;               /* paragraph number */
    casus_modality mod;
    casus_event_details d;
    size_t ss, se;
    casus_span *rs; size_t nrs, rscap;
    int sent;               /* sentence number */
    int ent;
    int dead;
    long tok;               /* the trigger's first token in its sentence */
} rev;

typedef struct rd {
    const casusi_lexicon *lx;
    const casus_kb *kb;
    casus_arena *a;
    const char *text;
    size_t len;
    int err;                /* out of memory */
    /* current sentence */
    size_t ss, se;
    ntok *t; size_t nt, tcap;
    lx_match *m; size_t nm, mcap;
    int32_t *cov; size_t covcap;     /* per token: selected match, -1 */
    uint64_t *cmask; size_t cmcap;   /* per token: cue classes of its match */
    uint64_t *amask;                 /* per token: cue classes of any match over it
                                        ("sanctions" inside "sanctions against") */
    lx_match *sel; size_t nsel, selcap;
    amen *am; size_t nam, amcap;
    group *g; size_t ng, gcap;
    dmen *dm; size_t ndm, dmcap;
    int *tm; size_t ntm, tmcap;      /* treaty mentions: match idx */
    int *tment; size_t tmentcap;     /* their entity */
    /* article */
    rev *ev; size_t nev, evcap;
    ent *en; size_t nen, encap;
    int cur_ent;
    int sentno;
    int parano;             /* paragraphs so far */
    cset last_multi, last_single, last_person;
    cset mhist[4];          /* the groups last_multi held before, most recent first */
    cset last_attack;       /* who struck last ("Israel bombed", "the Israeli strike"): "condemned the strike" */
    casus_date artdate;
    const char *last_org;   /* the alliance last named ("the alliance" refers to it) */
    const char *seen[64];   /* codes named so far (contextual names need them) */
    /* names learnt from the article: "Polish Defence Minister Mariusz
     * Blaszczak" teaches "Blaszczak" (and "Mariusz") -> POL */
    struct lname { char w[40]; uint32_t h; const char *code; uint8_t org; } *ln;
    size_t nln, lncap;
    int nseen;
    size_t dl_s, dl_e;      /* the dateline ("CARACAS, Dec 29 (Agency) -"), bytes */
    int32_t refday;
    /* the last event a verb made in this sentence ("held joint air drills":
     * the noun adds no second event) */
    long vend; int vsent; casus_evtype vtype;
    casus_date secdate;     /* a live blog's day heading ("Tuesday, 1 April") */
    int heading;            /* the unit is a heading line (headlines join states by commas) */
    casus_date lastmonth;   /* the last month (or day) the article named ("that month") */
    casus_date lastday;     /* the last day the article named ("the following day" counts from it) */
    const char *home;       /* the dateline capital's state: "CARACAS, Sept 6 -
                               Foreign Minister Yvan Gil said" speaks for VEN */
    int homeset;
    /* denials waiting to be applied */
    struct denial { cset who; casus_evtype type; int any; int sent; } *dn;
    size_t ndn, dncap;
} rd;

#define GROW(p, n, cap)                                                        \
    ((n) < (cap) ? 0 : growv((void **)&(p), &(cap), sizeof *(p)))

static int growv(void **p, size_t *cap, size_t elem)
{
    size_t nc = *cap ? *cap * 2 : 32;
    void *q = realloc(*p, nc * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}

/* ---- payload helpers --------------------------------------------------- */

static const lx_payload *pays_of(const rd *r, const lx_match *m, uint32_t *n)
{
    const lx_pattern *p = &r->lx->pats[m->p];
    *n = p->npay;
    return &r->lx->pays[p->pay];
}

/* The selected match covering token i, or NULL. */
static const lx_match *at(const rd *r, long i)
{
    if (i < 0 || (size_t)i >= r->nt || r->cov[i] < 0)
        return NULL;
    return &r->sel[r->cov[i]];
}

/* Does the match at token i carry cue class c? Returns its value + 1, 0 if not. */
static long cue_at_slow(const rd *r, long i, int c)
{
    const lx_match *m = at(r, i);
    if (!m)
        return 0;
    uint32_t n;
    const lx_payload *p = pays_of(r, m, &n);
    for (uint32_t k = 0; k < n; k++)
        if (p[k].cat == LX_CUE && p[k].sub == c)
            return (long)p[k].idx + 1;
    return 0;
}

/* The cue value of class c at token i (0: none). The mask test is inlined:
 * most calls find no cue. */
static inline __attribute__((always_inline)) long cue_at(const rd *r, long i, int c)
{
    if (i < 0 || (size_t)i >= r->nt || !(r->cmask[i] & ((uint64_t)1 << c)))
        return 0;
    return cue_at_slow(r, i, c);
}

/* Does a match starting exactly at token i carry cue class c? */
static inline __attribute__((always_inline)) int cue_starts(const rd *r, long i, int c)
{
    if (!cue_at(r, i, c))
        return 0;
    const lx_match *m = at(r, i);
    return m && (long)m->s == i;
}

static const lx_match *cue_match(const rd *r, long i, int c)
{
    return cue_at(r, i, c) ? at(r, i) : NULL;
}

/* Is token i the word w (normalised)? */
/* Inlined so that the length of a literal folds to a constant (is_word runs
 * for nearly every token). */
static inline __attribute__((always_inline)) int is_word(const rd *r, long i, const char *w)
{
    if (i < 0 || (size_t)i >= r->nt || r->t[i].kind != TK_WORD)
        return 0;
    const ntok *t = &r->t[i];
    char c0 = r->text[t->s];
    if ((c0 >= 'A' && c0 <= 'Z' ? (char)(c0 - 'A' + 'a') : c0) != w[0])
        return 0; /* most words differ in their first letter: no strlen */
    size_t n = strlen(w);
    if (t->e - t->s != n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        char c = r->text[t->s + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != w[k])
            return 0;
    }
    return 1;
}

/* Is token i one of the n words ws? WORD_IN takes a static array. */
static int word_in(const rd *r, long i, const char *const *ws, size_t n)
{
    if (i < 0 || (size_t)i >= r->nt || r->t[i].kind != TK_WORD)
        return 0;
    const ntok *t = &r->t[i];
    const char *x = r->text + t->s;
    size_t len = t->e - t->s;
    char c0 = x[0] >= 'A' && x[0] <= 'Z' ? (char)(x[0] - 'A' + 'a') : x[0];
    for (size_t k = 0; k < n; k++) {
        const char *w = ws[k];
        if (w[0] != c0)
            continue; /* the token's checks and first letter, once for the list */
        size_t j = 1;
        for (; j < len; j++) {
            char c = x[j];
            if (c >= 'A' && c <= 'Z')
                c = (char)(c - 'A' + 'a');
            if (c != w[j])
                break;
        }
        if (j == len && w[len] == '\0')
            return 1;
    }
    return 0;
}
#define WORD_IN(r, i, ws) word_in((r), (i), (ws), sizeof(ws) / sizeof *(ws))

static int is_punct(const rd *r, long i, char p)
{
    return i >= 0 && (size_t)i < r->nt && r->t[i].kind == TK_PUNCT && r->t[i].punct == p;
}

/* Clause boundary at token i: ';', a dash, a boundary word. */
static int is_boundary(const rd *r, long i)
{
    if (is_punct(r, i, ';') || is_punct(r, i, '-') || is_punct(r, i, ':'))
        return 1;
    return cue_starts(r, i, CUE_BOUNDARY);
}

/* ---- sentence analysis: matches, actors, groups ----------------------- */

/* Whether a leader's term fits: it covers the article's day; or the name
 * follows "then" ("then-Prime Minister Fumio Kishida") and the term began
 * before that day; or the sentence names an earlier day inside the term
 * ("In November 2023, Kishida pledged"). */
static int day_ok(const rd *r, const lx_actor *a, const lx_match *m)
{
    if (a->kind != AK_LEADER)
        return 1;
    if (!r->artdate.precision)
        return 1;
    if (r->artdate.hi >= a->from && r->artdate.lo <= a->until)
        return 1;
    if (a->from > r->artdate.hi)
        return 0;
    for (long i = (long)m->s - 1; i >= 0 && i >= (long)m->s - 5; i--) {
        if (is_word(r, i, "then"))
            return 1;
        if (r->t[i].kind != TK_WORD || is_word(r, i, "former"))
            break;
    }
    for (size_t k = 0; k < r->ndm; k++) {
        const casus_date *d = &r->dm[k].d;
        if (d->precision && !r->dm[k].treatyyear && d->hi < r->artdate.lo && d->lo <= a->until && d->hi >= a->from)
            return 1;
    }
    return 0;
}

/* The actor a match stands for on the article's date, or NULL. */
static const lx_actor *actor_of(const rd *r, const lx_match *m)
{
    uint32_t n;
    const lx_payload *p = pays_of(r, m, &n);
    const lx_actor *best = NULL;
    for (uint32_t k = 0; k < n; k++) {
        if (p[k].cat != LX_ACTOR)
            continue;
        const lx_actor *a = &r->lx->actors[p[k].idx];
        if (!day_ok(r, a, m))
            continue;
        if (!best)
            best = a;
        else if (best->state && a->state && best->state != a->state) {
            /* the state that exists on the reference day wins (Kremlin: RUS, not SUN) */
            const casus_state *s = a->state;
            if (!s->until.precision || s->until.hi >= r->refday)
                if (best->state->until.precision && best->state->until.hi < r->refday)
                    best = a;
        }
    }
    if (best && m->fuzzy) {
        /* a misspelling counts only for a person's name, or a long name */
        if (best->kind != AK_LEADER && best->kind != AK_STATE && best->kind != AK_DEMONYM &&
            best->kind != AK_ALIAS)
            return NULL;
        if (m->e - m->s == 1) {
            const ntok *t = &r->t[m->s];
            if (t->e - t->s < 5)
                return NULL;
        }
    }
    return best;
}

static int has_cat(const rd *r, const lx_match *m, int cat)
{
    uint32_t n;
    const lx_payload *p = pays_of(r, m, &n);
    for (uint32_t k = 0; k < n; k++)
        if (p[k].cat == cat)
            return 1;
    return 0;
}

/* Leftmost-longest selection of the automaton's matches. */
static int select_matches(rd *r)
{
    if (r->nt > r->covcap) {
        size_t nc = r->nt * 2;
        int32_t *c = realloc(r->cov, nc * sizeof *c);
        if (!c)
            return -1;
        r->cov = c;
        r->covcap = nc;
    }
    for (size_t i = 0; i < r->nt; i++)
        r->cov[i] = -1;
    r->nsel = 0;
    /* matches come ordered by end; pick for each start the longest */
    size_t i = 0;
    /* best match starting at each token: reuse cov as scratch (index into m) */
    for (size_t k = 0; k < r->nm; k++) {
        const lx_match *m = &r->m[k];
        int32_t cur = r->cov[m->s];
        if (cur < 0 || r->m[cur].e < m->e)
            r->cov[m->s] = (int32_t)k;
    }
    /* walk left to right, taking the longest at each free position */
    int32_t *best = r->cov;
    size_t next_free = 0;
    for (i = 0; i < r->nt; i++) {
        int32_t b = best[i];
        best[i] = -1;
        if (b < 0 || i < next_free)
            continue;
        const lx_match *m = &r->m[b];
        /* skip a fuzzy match that resolves to nothing */
        if (m->fuzzy && (!has_cat(r, m, LX_ACTOR) || !actor_of(r, m)))
            continue;
        /* "condemned what it called Israel's exploitation", "criticised what
         * they described as": a naming verb in a relative is no trigger, and
         * must not end the clause of the verb before it */
        if (r->lx->naming[m->p]) {
            int rel = 0;
            for (size_t j = i; j-- > 0 && j + 3 >= i && !rel;)
                rel = is_word(r, (long)j, "what") || is_word(r, (long)j, "which");
            if (rel)
                continue;
        }
        if (GROW(r->sel, r->nsel, r->selcap))
            return -1;
        r->sel[r->nsel++] = *m;
        next_free = m->e;
    }
    if (r->nt > r->cmcap) {
        size_t nc = r->nt * 2;
        uint64_t *c = realloc(r->cmask, nc * sizeof *c);
        if (!c)
            return -1;
        r->cmask = c;
        c = realloc(r->amask, nc * sizeof *c);
        if (!c)
            return -1;
        r->amask = c;
        r->cmcap = nc;
    }
    if (!r->nt)
        return 0;
    memset(r->cmask, 0, r->nt * sizeof *r->cmask);
    memset(r->amask, 0, r->nt * sizeof *r->amask);
    for (size_t k = 0; k < r->nm; k++) {
        uint32_t np;
        const lx_payload *p = pays_of(r, &r->m[k], &np);
        uint64_t mask = 0;
        for (uint32_t q = 0; q < np; q++)
            if (p[q].cat == LX_CUE)
                mask |= (uint64_t)1 << p[q].sub;
        for (uint32_t j = r->m[k].s; j < r->m[k].e && mask; j++)
            r->amask[j] |= mask;
    }
    for (size_t k = 0; k < r->nsel; k++) {
        uint32_t np;
        const lx_payload *p = pays_of(r, &r->sel[k], &np);
        uint64_t mask = 0;
        for (uint32_t q = 0; q < np; q++)
            if (p[q].cat == LX_CUE)
                mask |= (uint64_t)1 << p[q].sub;
        for (uint32_t j = r->sel[k].s; j < r->sel[k].e; j++) {
            r->cov[j] = (int32_t)k;
            r->cmask[j] = mask;
        }
    }
    return 0;
}

/* The preposition token before token i (skipping determiners), or -1. */
static long prep_before(const rd *r, long i)
{
    long j = i - 1;
    while (j >= 0 && cue_starts(r, j, CUE_DET) && at(r, j)->e == (uint32_t)(j + 1))
        j--;
    /* "in a call with President Yoon Suk Yeol": a partner's title before
     * the name ("under President Joe Biden", "an adviser to Supreme Leader
     * Ali Khamenei" still say whose side the sentence is on) */
    if (j >= 1 && (r->t[j].fl & TF_CAP) && cue_at(r, j, CUE_PEOPLE) && (long)at(r, j)->e == j + 1) {
        long k = (long)at(r, j)->s - 1;
        while (k >= 0 && cue_starts(r, k, CUE_DET) && at(r, k)->e == (uint32_t)(k + 1))
            k--;
        if (is_word(r, k, "with"))
            return k;
    }
    /* "the three", "both": determiners that are multiword are fine to skip once */
    if (j >= 0 && cue_at(r, j, CUE_PREP) && at(r, j)->e == (uint32_t)(j + 1))
        return j;
    return -1;
}

/* The words of tokens s..e as the article writes them, without a final
 * possessive ("the Duma's" -> "Duma"). */
static const char *words_of(rd *r, long s, long e)
{
    if (s < 0 || e <= s)
        return NULL;
    size_t bs = r->t[s].s, be = r->t[e - 1].e;
    if (be - bs > 2 && r->text[be - 2] == '\'' && (r->text[be - 1] == 's' || r->text[be - 1] == 'S'))
        be -= 2;
    else if (be - bs > 4 && !memcmp(r->text + be - 4, "\xe2\x80\x99s", 4))
        be -= 4;
    return casus_arena_strndup(r->a, r->text + bs, be - bs);
}

/* Whether the gap before mention k holds a conjunction, or the list it
 * opens goes on through commas to one ("Japan, South Korea and the US"). */
static int and_follows(const rd *r, size_t k, long gs, long ge)
{
    for (long j = gs; j < ge; j++)
        if (cue_at(r, j, CUE_CONJ))
            return 1;
    for (size_t q = k; q + 1 < r->nam; q++) {
        int comma = 0, conj = 0;
        for (long j = (long)r->am[q].e; j < (long)r->am[q + 1].s; j++) {
            const lx_match *mm = at(r, j);
            if (is_punct(r, j, ','))
                comma = 1;
            else if (mm && cue_at(r, j, CUE_CONJ))
                conj = 1;
            else if (!(mm && (cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PEOPLE))))
                return 0;
            if (mm)
                j = (long)mm->e - 1;
        }
        if (conj)
            return 1;
        if (!comma)
            return 0;
    }
    return 0;
}

static int was_seen(const rd *r, const char *code)
{
    for (int i = 0; i < r->nseen; i++)
        if (same_code(r->seen[i], code))
            return 1;
    for (size_t k = 0; k < r->nam; k++)
        if (same_code(r->am[k].code, code))
            return 1;
    return 0;
}

/* Whether a contextual name stands for its state here: "the North" after
 * Korea was named, but not "the north", "the North Atlantic", "the island
 * of Guam" or "the island nation". */
static int context_ok(const rd *r, const lx_match *m, const lx_actor *a)
{
    /* "the Franco-Algerian agreement", "Sino-Russian drills": a combining
     * form joined by a hyphen to a capitalised name (not "Indo-Pacific",
     * whose second half names no state) */
    if (a->hyphen) {
        const lx_match *n = (size_t)m->e < r->nt ? at(r, (long)m->e) : NULL;
        return (r->t[m->s].fl & TF_CAP) && n && (r->t[m->e].fl & TF_HYPH) && (r->t[m->e].fl & TF_CAP) &&
               has_cat(r, n, LX_ACTOR);
    }
    if (a->need_the && (m->s == 0 || !is_word(r, (long)m->s - 1, "the")))
        return 0;
    if (a->cap && !(r->t[m->s].fl & TF_CAP))
        return 0;
    if (m->e < r->nt && !(r->t[m->e - 1].fl & TF_POSS)) {
        const ntok *n = &r->t[m->e];
        /* "the island of Guam", but "accused the North of shipping shells" */
        if (n->kind == TK_WORD && ((n->fl & TF_CAP) ||
                                   (is_word(r, (long)m->e, "of") && (size_t)m->e + 1 < r->nt &&
                                    ((r->t[m->e + 1].fl & TF_CAP) || cue_at(r, (long)m->e + 1, CUE_DET)))))
            return 0;
        for (int i = 0; i < a->nnot; i++)
            if (is_word(r, (long)m->e, a->notbefore[i]))
                return 0;
    }
    if (!a->nafter)
        return 1;
    for (int i = 0; i < a->nafter; i++)
        if (was_seen(r, a->after[i]))
            return 1;
    return 0;
}

/* A learnt name's hash: the lexicon's FNV-1a, folded to 32 bits. */
static uint32_t name_hash(const char *w)
{
    uint64_t h = CASUSI_FNV_OFFSET;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * CASUSI_FNV_PRIME;
    return (uint32_t)(h ^ (h >> 32));
}

/* The learnt name that token i is, or -1 (names are learnt from
 * capitalised words only, so no other word is looked up). */
static long learnt(const rd *r, long i)
{
    if (!r->nln || i < 0 || (size_t)i >= r->nt || r->t[i].kind != TK_WORD || !(r->t[i].fl & TF_CAP))
        return -1;
    char buf[40];
    size_t k = casusi_word_norm(r->text + r->t[i].s, r->t[i].e - r->t[i].s, buf, sizeof buf);
    if (!k)
        return -1;
    uint32_t h = name_hash(buf);
    for (size_t q = 0; q < r->nln; q++)
        if (r->ln[q].h == h && !strcmp(r->ln[q].w, buf))
            return (long)q;
    return -1;
}

/* A run of capitalised words the lexicon does not know, starting at i
 * (a person's name: "Mariusz Blaszczak", "Shin Won-sik"): its end, or i. */
static long name_run(const rd *r, long i)
{
    long j = i;
    while ((size_t)j < r->nt && j < i + 4 && r->t[j].kind == TK_WORD && !at(r, j) &&
           ((r->t[j].fl & TF_CAP) || (j > i && (r->t[j].fl & TF_HYPH))))
        j++;
    /* "Defence Minister Mariusz Blaszczak Tuesday": a name ends before a
     * known word, punctuation or a lower-case word */
    return j;
}

static void learn_name(rd *r, long s, long e, const char *code, int org)
{
    for (long i = s; i < e; i++) {
        if (!(r->t[i].fl & TF_CAP) || r->t[i].e - r->t[i].s < 3 || learnt(r, i) >= 0)
            continue;
        if (GROW(r->ln, r->nln, r->lncap)) {
            r->err = 1;
            return;
        }
        struct lname *l = &r->ln[r->nln];
        if (!casusi_word_norm(r->text + r->t[i].s, r->t[i].e - r->t[i].s, l->w, sizeof l->w))
            continue;
        l->h = name_hash(l->w);
        l->code = code;
        l->org = (uint8_t)org;
        r->nln++;
    }
}

/* People nouns that do not speak for the home state on their own. */
static int home_excluded(const rd *r, const lx_match *m)
{
    static const char *const NO[] = {"leaders", "leader", "counterpart", "counterparts", "ambassador", "envoy",
                                     "diplomat", "diplomats", "embassy", "ministers", "intelligence", "heads",
                                     "regime", "lawmakers", "security", "king", "emperor", "chairman",
                                     "governments", "state", "head", "office", "representative", "spokesman",
                                     "spokeswoman", "spokesperson", "general", "commander"};
    if (m->e - m->s > 1 && is_word(r, (long)m->s, "foreign") && is_word(r, (long)m->e - 1, "ministers"))
        return 1;
    if (m->e - m->s == 1 && WORD_IN(r, (long)m->s, NO))
        return 1;
    if (is_word(r, (long)m->e - 1, "ministers") || is_word(r, (long)m->e - 1, "chiefs"))
        return 1;
    return 0;
}

/* A mention of tokens [s, e) for code that no lexicon name made (a learnt
 * name, an office of the home state), kept in token order. */
static int insert_mention(rd *r, long s, long e, const char *code, int org)
{
    if (GROW(r->am, r->nam, r->amcap))
        return -1;
    size_t k = r->nam++;
    while (k > 0 && r->am[k - 1].s > (uint32_t)s) {
        r->am[k] = r->am[k - 1];
        k--;
    }
    amen *x = &r->am[k];
    memset(x, 0, sizeof *x);
    x->s = (uint32_t)s;
    x->e = (uint32_t)e;
    x->code = code;
    x->org = (uint8_t)org;
    x->poss = (r->t[e - 1].fl & TF_POSS) != 0;
    x->prep = (int)prep_before(r, s);
    x->group = -1;
    return 0;
}

static int add_mention(rd *r, const lx_match *m, const lx_actor *a)
{
    if (GROW(r->am, r->nam, r->amcap))
        return -1;
    amen *x = &r->am[r->nam++];
    memset(x, 0, sizeof *x);
    x->s = m->s;
    x->e = m->e;
    x->code = a->code;
    x->actor = a;
    x->body = a->kind == AK_BODY ? words_of(r, (long)m->s, (long)m->e) : NULL;
    x->org = a->kind == AK_ORG;
    x->fuzzy = m->fuzzy;
    x->poss = (r->t[m->e - 1].fl & TF_POSS) != 0;
    x->prep = (int)prep_before(r, (long)m->s);
    x->group = -1;
    return 0;
}

static int is_trigger_tok(const rd *r, long i);

static int build_actors(rd *r)
{
    r->nam = 0;
    r->ng = 0;
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if (!has_cat(r, m, LX_ACTOR))
            continue;
        /* contextual names: each state they stand for ("the two Koreas") */
        uint32_t np;
        const lx_payload *p = pays_of(r, m, &np);
        int ctx = 0;
        for (uint32_t q = 0; q < np; q++) {
            if (p[q].cat != LX_ACTOR || r->lx->actors[p[q].idx].kind != AK_CONTEXT)
                continue;
            ctx = 1;
            const lx_actor *a = &r->lx->actors[p[q].idx];
            if (context_ok(r, m, a) && add_mention(r, m, a))
                return -1;
        }
        if (ctx)
            continue;
        const lx_actor *a = actor_of(r, m);
        if (!a)
            continue;
        /* a city naming a treaty is no actor: "the Ottawa Convention", "the
         * Minsk agreements", "the Washington Treaty" */
        if (a->kind == AK_CAPITAL && !(r->t[m->e - 1].fl & TF_POSS) && cue_starts(r, (long)m->e, CUE_TREATY) &&
            ((r->t[m->e].fl & TF_CAP) || is_word(r, (long)m->e, "agreements") || is_word(r, (long)m->e, "accords") ||
             is_word(r, (long)m->e, "convention") || is_word(r, (long)m->e, "protocol")))
            continue;
        /* "a Soviet-era depot" names a time, "UN Security Council
         * resolutions" and "the UN resolution" a document: no actor */
        if ((size_t)m->e < r->nt &&
            (((r->t[m->e].fl & TF_HYPH) && is_word(r, (long)m->e, "era")) ||
             (a->kind == AK_ORG && (is_word(r, (long)m->e, "resolution") || is_word(r, (long)m->e, "resolutions")))))
            continue;
        /* a former office-holder is not an actor */
        if (a->kind == AK_LEADER) {
            long j = (long)m->s - 1;
            while (j >= 0 && (cue_at(r, j, CUE_PEOPLE) || cue_at(r, j, CUE_DET)))
                j = (long)at(r, j)->s - 1;
            if (j >= 0 && cue_at(r, j, CUE_FORMER))
                continue;
        }
        /* a name inside quotes as part of a title: kept */
        if (add_mention(r, m, a))
            return -1;
    }
    /* names learnt earlier in the article ("Blaszczak told radio") */
    for (long i = 0; r->nln && (size_t)i < r->nt; i++) {
        long q = at(r, i) ? -1 : learnt(r, i);
        if (q < 0 || !(r->t[i].fl & TF_CAP))
            continue;
        long j = name_run(r, i);
        if (insert_mention(r, i, j, r->ln[q].code, r->ln[q].org))
            return -1;
        i = j - 1;
    }
    /* the dateline's capital names the home state (not "WASHINGTON/ANKARA") */
    if (!r->homeset && r->dl_e && r->dl_s >= r->ss && r->dl_s < r->se) {
        r->homeset = 1;
        if (!memchr(r->text + r->dl_s, '/', r->dl_e - r->dl_s) || r->text[r->dl_e - 1] == '.')
            for (size_t k = 0; k < r->nam; k++)
                if (r->t[r->am[k].s].s >= r->dl_s && r->t[r->am[k].s].s < r->dl_e && r->am[k].actor &&
                    r->am[k].actor->kind == AK_CAPITAL && r->am[k].s == 0) {
                    r->home = r->am[k].code;
                    break;
                }
    }
    /* an office with no state in a story with a dateline ("Defence Minister
     * Vladimir Padrino Lopez warned", "the foreign ministry said"): the
     * home state's */
    for (size_t k = 0; r->home && k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        long i = (long)m->s;
        if (!cue_starts(r, i, CUE_PEOPLE) || home_excluded(r, m))
            continue;
        int near = 0;
        for (size_t a = 0; a < r->nam && !near; a++)
            near = (long)r->am[a].e >= i - 1 && (long)r->am[a].s <= (long)m->e;
        /* "the military governments of Burkina Faso and Niger": the run of
         * office words ends before "of" */
        long e = (long)m->e;
        while (cue_starts(r, e, CUE_PEOPLE))
            e = (long)at(r, e)->e;
        if (near || is_word(r, e, "of") || is_word(r, e, "from") || is_word(r, e, "for") ||
            is_word(r, i - 1, "a") ||
            is_word(r, i - 1, "an") || cue_at(r, i - 1, CUE_FORMER) || cue_at(r, i - 1, CUE_PREP) ||
            is_word(r, i - 1, "their") || is_word(r, i - 1, "its") || is_word(r, i - 1, "his") ||
            is_word(r, i - 1, "her") || is_word(r, i - 1, "whose") || is_word(r, i - 1, "other") ||
            is_word(r, i - 1, "both") || is_word(r, i - 1, "these") || is_word(r, i - 1, "those") ||
            (i > 0 && (r->t[i - 1].fl & TF_POSS)))
            continue;
        if (insert_mention(r, i, (long)m->e, r->home, 0))
            return -1;
    }
    /* "Security Council" alone is the UN's, but "Russia's Security
     * Council" is Russia's and a "National Security Council" a state's:
     * the state named before it, else the dateline's, else none */
    size_t kept = 0;
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (x->org && x->e == x->s + 2 && is_word(r, (long)x->s, "security") && !strcmp(x->code, "UNSC")) {
            long b = (long)x->s;
            int national = is_word(r, b - 1, "national");
            b -= national;
            b -= national && is_word(r, b - 1, "supreme");
            const amen *q = kept > 0 && r->am[kept - 1].e == (uint32_t)b ? &r->am[kept - 1] : NULL;
            if (q && (!q->actor || !q->actor->state || !(q->poss || q->actor->kind == AK_DEMONYM)))
                q = NULL;
            if (q || national) {
                const char *c = q ? q->code : r->home;
                if (!c)
                    continue;
                x->code = c;
                x->org = 0;
            }
        }
        r->am[kept++] = *x;
    }
    r->nam = kept;
    /* a ministry named by another state ("Pakistan's Foreign Office",
     * "the Foreign Office in Islamabad") is that state's */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (!x->actor || x->actor->kind != AK_BODY || x->org)
            continue;
        const amen *q = NULL;
        if (k > 0 && r->am[k - 1].e == x->s && r->am[k - 1].actor &&
            (r->am[k - 1].poss || r->am[k - 1].actor->kind == AK_DEMONYM))
            q = &r->am[k - 1];
        else if (k + 1 < r->nam && r->am[k + 1].s == x->e + 1 && is_word(r, (long)x->e, "in") &&
                 r->am[k + 1].actor && r->am[k + 1].actor->kind == AK_CAPITAL)
            q = &r->am[k + 1];
        if (q && q->actor->state && strcmp(q->code, x->code) && !q->org)
            x->code = q->code;
    }
    /* merge runs that name one state: "U.S. President Joe Biden",
     * "South Korea's Yoon Suk-yeol" */
    size_t o = 0;
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        if (o) {
            amen *p = &r->am[o - 1];
            long j = p->e;
            while ((size_t)j < x->s && cue_at(r, j, CUE_PEOPLE))
                j = at(r, j)->e;
            if ((size_t)j == x->s && !strcmp(p->code, x->code) && !(r->t[x->s].fl & TF_HYPH)) {
                p->e = x->e;
                p->poss = x->poss;
                p->fuzzy |= x->fuzzy;
                if (x->body)
                    p->body = x->body;
                continue;
            }
        }
        r->am[o++] = *x;
    }
    r->nam = o;
    /* people nouns after a mention belong to it ("North Korean troops" stays
     * separate: troops are not people nouns) */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        while (x->e < r->nt && cue_starts(r, x->e, CUE_PEOPLE) && !x->poss) {
            const lx_match *pm = at(r, x->e);
            x->poss = (r->t[pm->e - 1].fl & TF_POSS) != 0;
            x->e = pm->e;
        }
        /* a person named after the office: "Polish Defence Minister
         * Mariusz Blaszczak", "Poland's Blaszczak": the name is learnt */
        if (x->e < r->nt && (cue_at(r, x->e - 1, CUE_PEOPLE) || x->poss) && !at(r, x->e) &&
            (r->t[x->e].fl & TF_CAP)) {
            long j = name_run(r, x->e);
            /* "Thailand's National Security Council", "Cambodia's National
             * Defence Ministry": capitals before a known name or an office
             * are part of it, not a person */
            if (j > (long)x->e &&
                !((size_t)j < r->nt && at(r, j) && (has_cat(r, at(r, j), LX_ACTOR) || cue_starts(r, j, CUE_PEOPLE)))) {
                learn_name(r, x->e, j, x->code, x->org);
                x->poss = (r->t[j - 1].fl & TF_POSS) != 0;
                x->e = (uint32_t)j;
            }
        }
        /* a state's legislature: "Hungary's National Assembly", "the
         * Philippine Senate" name the body that ratifies */
        if (!x->body && !x->org && x->e < r->nt && cue_starts(r, x->e, CUE_LEGIS)) {
            const lx_match *lm = cue_match(r, x->e, CUE_LEGIS);
            x->body = words_of(r, (long)lm->s, (long)lm->e);
            x->poss = (r->t[lm->e - 1].fl & TF_POSS) != 0;
            x->e = lm->e;
        }
    }
    /* groups: mentions joined by ',', 'and', '&', hyphens, or people nouns */
    for (size_t k = 0; k < r->nam; k++) {
        amen *x = &r->am[k];
        int join = 0;
        if (k && r->ng) {
            const amen *p = &r->am[k - 1];
            long j = p->e;
            int ok = 1, conj = 0;
            if (x->s == p->s)
                join = 1; /* one name, several states ("the two Koreas") */
            else if (r->t[x->s].fl & TF_HYPH && (size_t)j == x->s)
                join = 1;
            else if (x->actor && x->actor->kind == AK_DEMONYM && x->s >= p->e + 2 && x->s <= p->e + 10 &&
                     (is_word(r, (long)x->e, "counterpart") || is_word(r, (long)x->e, "counterparts") ||
                      is_word(r, (long)x->e - 1, "counterpart") || is_word(r, (long)x->e - 1, "counterparts")) &&
                     (is_word(r, (long)x->s - 1, "his") || is_word(r, (long)x->s - 1, "her") ||
                      is_word(r, (long)x->s - 1, "their")) &&
                     is_word(r, (long)x->s - 2, "and")) {
                /* "Turkey's defence minister, Yaşar Güler, and his Somali
                 * counterpart": the two sides of one act */
                join = 1;
                for (long q = (long)p->e; q < (long)x->s - 2 && join; q++)
                    join = !is_punct(r, q, ';') && !cue_at(r, q, CUE_SAY) && !is_trigger_tok(r, q);
            } else if (p->poss && !strcmp(p->code, x->code) && x->s <= p->e + 5) {
                /* "Turkey's defence minister, Yaşar Güler,": the office and
                 * its holder are one */
                join = 1;
                for (long q = (long)p->e; q < (long)x->s && join; q++)
                    join = is_punct(r, q, ',') || cue_at(r, q, CUE_PEOPLE) || cue_at(r, q, CUE_DET);
            } else if (!p->poss) {
                while ((size_t)j < x->s) {
                    if (is_punct(r, j, ',')) {
                        j++;
                        conj = 1;
                        continue;
                    }
                    const lx_match *mm = at(r, j);
                    if (mm && (cue_at(r, j, CUE_CONJ) || cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PEOPLE))) {
                        conj |= cue_at(r, j, CUE_CONJ) != 0;
                        j = mm->e;
                        continue;
                    }
                    /* "Saudi Arabia and nuclear-armed Pakistan": an
                     * adjective after the conjunction */
                    if (!mm && conj && r->t[j].kind == TK_WORD && !(r->t[j].fl & TF_CAP) && j >= (long)x->s - 3) {
                        j++;
                        continue;
                    }
                    ok = 0;
                    break;
                }
                join = ok && conj;
                /* "the CSTO, Prime Minister Nikol Pashinyan said": commas
                 * alone make a list only when an "and" closes it later
                 * (headlines join by commas: "Saudi Arabia, Pakistan sign") */
                if (join && !and_follows(r, k, p->e, x->s) && !r->heading)
                    join = 0;
                /* "for use against Ukraine, and Britain, France and Germany
                 * announced": ", and" after a prepositional object opens a
                 * new clause */
                if (join && r->g[r->ng - 1].prep >= 0)
                    for (long q = p->e; q + 1 < (long)x->s; q++)
                        if (is_punct(r, q, ',') && cue_at(r, q + 1, CUE_CONJ))
                            join = 0;
            }
        }
        if (join) {
            group *g = &r->g[r->ng - 1];
            if (r->t[x->s].fl & TF_HYPH)
                g->hyph = 1;
            g->e = x->e;
            g->last = (int)k;
            cs_add(&g->codes, x->code);
        } else {
            if (GROW(r->g, r->ng, r->gcap))
                return -1;
            group *g = &r->g[r->ng++];
            memset(g, 0, sizeof *g);
            g->s = x->s;
            g->e = x->e;
            g->first = g->last = (int)k;
            cs_add(&g->codes, x->code);
            g->prep = x->prep;
            /* "both X and Y": the determiner is no preposition */
            /* "a spokesman for the Kremlin", "the speaker for the Russian Federation" */
            if (g->prep >= 0 && (is_word(r, g->prep, "of") || is_word(r, g->prep, "from") ||
                                 is_word(r, g->prep, "in") || is_word(r, g->prep, "for"))) {
                long j = g->prep - 1;
                while (j >= 0 && cue_at(r, j, CUE_DET))
                    j--;
                if (j >= 0 && cue_at(r, j, CUE_PEOPLE))
                    g->people = 1;
            }
        }
        x->group = (int)r->ng - 1;
    }
    return 0;
}

/* ---- numbers, dates ---------------------------------------------------- */

/* A number ending at token i (inclusive): 10,000 | 1.6 million | three.
 * Returns the value, -1 if none; *first gets its first token; *approx. */
static double number_before(const rd *r, long i, long *first, int *approx)
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
    } else {
        long nv = cue_at(r, i, CUE_NUMBER);
        if (nv) {
            v = (double)(nv - 1);
            s = (long)at(r, i)->s;
        }
    }
    if (v < 0)
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

static int is_year(const ntok *t)
{
    return t->kind == TK_NUM && t->num >= 1900 && t->num <= 2100 && t->num == (int)t->num &&
           t->e - t->s == 4;
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
static casus_date by_tense(const rd *r, int m, int d, const lx_trigger *tr, casus_modality mod, int was)
{
    /* was: a past progressive or a past reporting verb ("announced in
     * January that they were withdrawing") */
    int past = mod == CASUS_MOD_ACTUAL && (tr->form == FORM_PAST || tr->form == FORM_PART ||
                                           tr->form == FORM_PASTPART || tr->form == FORM_NOUN || was);
    /* "enters into force on March 1": the present for what is scheduled */
    int fut = mod == CASUS_MOD_PLANNED || (mod == CASUS_MOD_ACTUAL && tr->form == FORM_S);
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
    if (r->t[i].kind == TK_WORD && !cue_at(r, i, CUE_NUMBER) && !strchr("TtAaOoLlEeSsFfHhMm", r->text[r->t[i].s]))
        return i; /* none of the words below starts with this letter */
    if (r->t[i].kind == TK_WORD && !cue_at(r, i, CUE_NUMBER) && !is_word(r, i, "the") && !is_word(r, i, "a") &&
        !is_word(r, i, "that") && !is_word(r, i, "on") && !is_word(r, i, "later") && !is_word(r, i, "earlier") &&
        !is_word(r, i, "several") && !is_word(r, i, "few") && !is_word(r, i, "hours") && !is_word(r, i, "hour") &&
        !is_word(r, i, "minutes"))
        return i;
    /* "that afternoon", "later that day", "earlier that evening" */
    long t0 = (is_word(r, j, "later") || is_word(r, j, "earlier")) ? j + 1 : j;
    if (is_word(r, t0, "that") && WORD_IN(r, t0 + 1, PART)) {
        *d = r->lastday;
        return t0 + 2;
    }
    /* "hours later", "two hours later", "minutes earlier", "the next morning" */
    long h = j;
    if (cue_at(r, h, CUE_NUMBER) || r->t[h].kind == TK_NUM || is_word(r, h, "several") || is_word(r, h, "a") ||
        is_word(r, h, "few"))
        h += is_word(r, h, "a") && is_word(r, h + 1, "few") ? 2 : 1;
    if ((is_word(r, h, "hours") || is_word(r, h, "minutes") || is_word(r, h, "hour")) &&
        (is_word(r, h + 1, "later") || is_word(r, h + 1, "earlier"))) {
        *d = r->lastday;
        return h + 2;
    }
    if (is_word(r, j, "the") && is_word(r, j + 1, "next") &&
        (is_word(r, j + 2, "morning") || is_word(r, j + 2, "evening"))) {
        *d = casus_date_from_days(r->lastday.lo + 1);
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
        else if (!a && is_word(r, j, "previous") && is_word(r, j + 1, "day"))
            off = -1, n = j + 2;
        else if (is_word(r, j, "day") && (is_word(r, j + 1, "later") || is_word(r, j + 1, "earlier")))
            off = is_word(r, j + 1, "later") ? 1 : -1, n = j + 2;
        else if (!a && is_word(r, i, "that") && is_word(r, j, "day"))
            off = 0, n = j + 1;
        else if (!a && is_word(r, j - 1, "that") && is_word(r, j, "same") && is_word(r, j + 1, "day"))
            off = 0, n = j + 2;
    } else if (cue_at(r, j, CUE_NUMBER) && is_word(r, j + 1, "days") &&
               (is_word(r, j + 2, "later") || is_word(r, j + 2, "earlier"))) {
        long v = cue_at(r, j, CUE_NUMBER) - 1;
        off = (int)(is_word(r, j + 2, "later") ? v : -v);
        n = j + 3;
    }
    if (!n)
        return i;
    *d = casus_date_from_days(r->lastday.lo + off);
    return n;
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

static int find_dates(rd *r)
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
             !(r->cmask[i] & ((uint64_t)1 << CUE_RELDAY)) && !is_word(r, i, "that") && !is_word(r, i, "the")))
            continue;
        casus_date d;
        memset(&d, 0, sizeof d);
        int ym = 0, yd = 0, ny = 0;
        long s = i, e = i + 1;
        const ntok *t = &r->t[i];
        long mon = (t->fl & TF_CAP) ? cue_at(r, i, CUE_MONTH) : 0;
        if (mon && cue_starts(r, i, CUE_MONTH)) {
            long j = (long)at(r, i)->e;
            if (is_punct(r, j, '.'))
                j++;
            if ((size_t)j < r->nt && is_dom(&r->t[j]) && !is_year(&r->t[j])) {
                int dd = (int)r->t[j].num;
                long k = j + 1;
                if (is_punct(r, k, ','))
                    k++;
                if ((size_t)k < r->nt && is_year(&r->t[k])) {
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
                if (r->artdate.precision >= 2 && pw == i - 1 && (is_word(r, pw, "this") || is_word(r, pw, "next"))) {
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
        } else if (is_dom(t) && !is_year(t) && (size_t)i + 1 < r->nt && (r->t[i + 1].fl & TF_CAP) &&
                   cue_starts(r, i + 1, CUE_MONTH)) {
            long mm = cue_at(r, i + 1, CUE_MONTH);
            long k = (long)at(r, i + 1)->e;
            if ((size_t)k < r->nt && is_year(&r->t[k])) {
                d = mkdate((int)r->t[k].num, (int)mm - 1, (int)t->num);
                e = k + 1;
            } else {
                d = month_day(r, (int)mm - 1, (int)t->num);
                ym = (int)mm - 1;
                ny = 1;
                yd = (int)t->num;
                e = k;
            }
        } else if (is_year(t) && (size_t)i + 2 < r->nt && (r->t[i + 1].fl & TF_HYPH) &&
                   (r->t[i + 2].fl & TF_HYPH) && r->t[i + 1].kind == TK_NUM && r->t[i + 2].kind == TK_NUM) {
            d = mkdate((int)t->num, (int)r->t[i + 1].num, (int)r->t[i + 2].num);
            e = i + 3;
        } else if (is_year(t) && (is_word(r, i - 1, "and") || is_punct(r, i - 1, ',')) && r->ndm &&
                   r->dm[r->ndm - 1].e == (uint32_t)(i - 1) && r->dm[r->ndm - 1].d.precision == 1) {
            d = mkdate((int)t->num, 0, 0); /* "in 2023 and 2024" */
        } else if (is_year(t) && (is_word(r, i - 1, "in") || is_word(r, i - 1, "since") ||
                                  is_word(r, i - 1, "of") || is_word(r, i - 1, "early") ||
                                  is_word(r, i - 1, "late") || is_word(r, i - 1, "mid") ||
                                  /* "held joint drills as recently as 2024" */
                                  (is_word(r, i - 1, "as") && (is_word(r, i - 2, "recently") ||
                                                               is_word(r, i - 2, "early") || is_word(r, i - 2, "late"))))) {
            d = mkdate((int)t->num, 0, 0);
        } else if (is_year(t)) {
            /* "a 1961 treaty": the treaty's year */
            long j = i + 1;
            int tr = 0;
            for (int k = 0; k < 4 && (size_t)j < r->nt; k++) {
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
        } else if (r->lastmonth.precision >= 2 && is_word(r, i, "that") &&
                   (is_word(r, i + 1, "month") || is_word(r, i + 1, "year"))) {
            /* "denounced the memorandum that month" */
            d = is_word(r, i + 1, "month") ? mkdate(r->lastmonth.year, r->lastmonth.month, 0)
                                           : mkdate(r->lastmonth.year, 0, 0);
            e = i + 2;
        } else if ((size_t)i + 1 < r->nt && (r->t[i + 1].fl & TF_ORD) && is_word(r, i, "the") &&
                   is_dom(&r->t[i + 1]) && (is_word(r, i - 1, "on") || is_word(r, i - 1, "of")) &&
                   ((size_t)i + 2 >= r->nt || r->t[i + 2].kind == TK_PUNCT) && /* not "the 79th anniversary" */
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
        } else if (anchors && (e = anchor_day(r, i, &d)) > i) {
            /* "the following day", "a day later", "the same day", "two days
             * later": from the last day the article named */
        } else if (cue_starts(r, i, CUE_WEEKDAY) && (t->fl & TF_CAP)) {
            long wd = cue_at(r, i, CUE_WEEKDAY) - 1;
            if (r->artdate.precision == 3) {
                int32_t day = r->artdate.lo;
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
                int32_t day = r->artdate.lo;
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
                case 6: d = cover_days(day - wd, day - wd + 6); break;
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
        /* ranges ("between August and January", "from 2019 to 2021") say
         * when something lasted; a lone "from January 2025" is its start */
        int to = is_word(r, e, "and") || is_word(r, e, "to") || is_word(r, e, "until") || is_word(r, e, "till") ||
                 is_word(r, e, "through") || is_punct(r, e, '-');
        int isrange = range || is_word(r, s - 1, "between") || (is_word(r, s - 1, "from") && to);
        range = isrange && to;
        /* "extended until 31 May 2026 the arms embargo": how long it
         * lasts, not when it was done ("did not sign until March" is) */
        if (!isrange && (is_word(r, s - 1, "until") || is_word(r, s - 1, "till"))) {
            int neg = 0;
            for (long k = 0; k < s && !neg; k++)
                neg = cue_at(r, k, CUE_NEG) != 0;
            isrange = !neg;
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
        i = e - 1;
    }
    return 0;
}

/* ---- treaties ------------------------------------------------------------ */

/* A subordinate clause opens at token i: "after", "when", "hours after",
 * "a day before"; returns the index of its conjunction, else 0. */
static long subordinate(const rd *r, long i)
{
    static const char *const UNIT[] = {"a", "an", "the", "hours", "hour", "days", "day", "weeks", "week",
                                       "minutes", "months", "month", "shortly", "just", "only", "soon",
                                       "moments", "two", "three", "several", "few", "barely"};
    static const char *const SUB[] = {"after", "before", "when", "while", "since", "until", "as",
                                      "because", "once", "whereas", "which", "who"};
    /* ", a move Caracas denounced": an appositive on the event */
    if (is_word(r, i, "a") && cue_starts(r, i + 1, CUE_EVREF))
        return i;
    for (int k = 0; k < 4 && (size_t)i < r->nt; k++, i++) {
        if (WORD_IN(r, i, SUB))
            return i;
        int unit = r->t[i].kind == TK_NUM || WORD_IN(r, i, UNIT);
        if (!unit)
            return 0;
    }
    return 0;
}

/* A weapon's model designator: a short capitalised word joined by a hyphen
 * to a number ("S-400", "F-16", "Su-35", "Hwasong-18", "KN-23"); i is the
 * word. "G-20" and "COVID-19" are not weapons. */
static int designator(const rd *r, long i)
{
    if (i < 0 || (size_t)i + 1 >= r->nt)
        return 0;
    const ntok *w = &r->t[i], *n = &r->t[i + 1];
    if (w->kind != TK_WORD || !(w->fl & TF_CAP) || w->e - w->s > 8 || n->kind != TK_NUM || !(n->fl & TF_HYPH))
        return 0;
    if (is_word(r, i, "g") || is_word(r, i, "covid") || is_word(r, i, "article") || is_word(r, i, "resolution"))
        return 0;
    return at(r, i) == NULL || !has_cat(r, at(r, i), LX_ACTOR);
}

static const char *kind_near(const rd *r, long i, long lo)
{
    /* kind words right before the noun, or the noun's own kind */
    const char *k = NULL;
    for (long j = i; j >= lo && j >= 0; j--) {
        const lx_match *m = at(r, j);
        if (!m) {
            if (r->t[j].kind == TK_NUM || is_punct(r, j, '"'))
                continue;
            break;
        }
        long v = cue_at(r, j, CUE_KIND);
        if (v && (!k || strcmp(r->lx->kinds[v - 1], "defense")))
            k = r->lx->kinds[v - 1];
        else if (!v && j != i && !cue_at(r, j, CUE_DET) && !cue_at(r, j, CUE_NEW) &&
                 !has_cat(r, m, LX_ACTOR) && !cue_at(r, j, CUE_TREATY))
            break;
        j = (long)m->s;
    }
    return k;
}

static int ent_new(rd *r, const cset *parties, const char *kind, int year, int isnew, size_t fs, size_t fe)
{
    if (GROW(r->en, r->nen, r->encap))
        return -1;
    ent *x = &r->en[r->nen++];
    memset(x, 0, sizeof *x);
    x->parties = *parties;
    x->kind = kind;
    x->year = year;
    x->isnew = isnew;
    x->fs = fs;
    x->fe = fe;
    x->n = 1;
    x->head = -1;
    return (int)r->nen - 1;
}

static int verb_tok(const rd *r, long i);

/* "if the other is attacked", "in the event of an armed attack", "should
 * either come under attack": a condition of attack in the clause after
 * token te */
static int attack_condition(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 24; i++) {
        if (is_punct(r, i, ';') || is_boundary(r, i))
            return 0;
        if (!cue_starts(r, i, CUE_COND) || is_word(r, i, "unless") || is_word(r, i, "whether"))
            continue;
        for (long j = i + 1; (size_t)j < r->nt && j < i + 9; j++) {
            if (r->t[j].kind == TK_PUNCT && !is_punct(r, j, ','))
                return 0;
            if (is_word(r, j, "attacked") || is_word(r, j, "invaded") || is_word(r, j, "attack") ||
                is_word(r, j, "aggression") || is_word(r, j, "invasion"))
                return 1;
        }
        return 0;
    }
    return 0;
}

/* "the agreement on stationing the brigade", "a deal for supplying
 * drones": what a treaty is about is no event of its own (tr: the trigger
 * at i, or NULL for any) */
static int treaty_content(const rd *r, long i, const lx_trigger *tr)
{
    if (tr && (tr->form == FORM_NOUN || tr->type == CASUS_EV_TREATY_SIGNED))
        return 0;
    return i >= 2 && (is_word(r, i - 1, "on") || is_word(r, i - 1, "for") || is_word(r, i - 1, "of")) &&
           cue_at(r, i - 2, CUE_TREATY);
}

/* "a memorandum of understanding", "a ten-year defence agreement": an
 * indefinite article before the treaty noun at i introduces a new treaty */
static int indefinite(const rd *r, long i)
{
    for (long j = i - 1; j >= 0 && j >= i - 7; j--) {
        if (is_word(r, j, "a") || is_word(r, j, "an"))
            return 1;
        if (r->t[j].kind == TK_PUNCT || cue_at(r, j, CUE_DET) || cue_at(r, j, CUE_PREP) || cue_at(r, j, CUE_BE) ||
            (r->t[j].fl & TF_POSS) || verb_tok(r, j))
            return 0;
    }
    return 0;
}

static int find_treaties(rd *r)
{
    r->ntm = 0;
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        long i = (long)m->s;
        if (!cue_at(r, i, CUE_TREATY))
            continue;
        /* "comprehensive strategic partnership pact": the last noun counts */
        if ((size_t)m->e < r->nt && cue_starts(r, m->e, CUE_TREATY))
            continue;
        /* "a Tomahawk deal", "the F-35 deal", "an arms deal": a purchase */
        if (i > 0 && (cue_at(r, i - 1, CUE_ARMS) || (i >= 2 && designator(r, i - 2))))
            continue;
        cset parties = {{0}, 0};
        int year = 0, isnew = 0;
        long lo = i - 6 < 0 ? 0 : i - 6;
        const char *kind = kind_near(r, i, lo);
        /* walk left over the noun phrase: "the Australia-Tuvalu Falepili
         * Union Treaty", "the 2013 Franco-Algerian visa agreement" */
        int unknown = 0;
        for (long j = i - 1; j >= lo; j--) {
            const lx_match *mm = at(r, j);
            if (r->t[j].kind == TK_NUM && is_year(&r->t[j])) {
                if (!unknown) /* not "the 1951 ANZUS Treaty": an unknown name may be another treaty's */
                    year = (int)r->t[j].num;
                continue;
            }
            if (!mm) {
                if (is_punct(r, j, '"'))
                    continue;
                if (r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP) && !(r->t[j].fl & TF_POSS) && ++unknown <= 2 &&
                    j > lo)
                    continue;
                break;
            }
            if (cue_at(r, j, CUE_NEW))
                isnew = 1;
            if (has_cat(r, mm, LX_ACTOR)) {
                for (size_t a = 0; a < r->nam; a++)
                    if (r->am[a].s <= (uint32_t)j && (uint32_t)j < r->am[a].e) {
                        const group *g = &r->g[r->am[a].group];
                        /* a hyphenated pair or a possessive names parties */
                        if (g->hyph || r->am[a].poss) {
                            cs_union(&parties, &g->codes);
                            j = (long)g->s;
                        } else
                            j = -1;
                        break;
                    }
            } else if (cue_at(r, j, CUE_PREP) || cue_at(r, j, CUE_BE))
                break;
            j = (long)mm->s;
        }
        /* right: "between A and B", "with B" */
        long j = (long)m->e;
        for (size_t g = 0; g < r->ng; g++) {
            const group *gp = &r->g[g];
            if (gp->s < (uint32_t)j || gp->s > (uint32_t)j + 2 || gp->prep < 0)
                continue;
            if (is_word(r, gp->prep, "between"))
                cs_union(&parties, &gp->codes);
            else if (is_word(r, gp->prep, "with") && parties.n)
                cs_union(&parties, &gp->codes);
            break;
        }
        /* which entity */
        int e = -1, background = 0;
        if (parties.n >= 2 || year) {
            for (size_t q = r->nen; q-- > 0;) {
                ent *x = &r->en[q];
                int pm = parties.n < 2 || (x->parties.n >= 2 && cs_eq(&parties, &x->parties)) ||
                         x->parties.n < 2;
                int ym = !year || !x->year || x->year == year;
                if (parties.n < 2 && year && x->year != year)
                    continue;
                if (x->parties.n < 2 && parties.n >= 2 && x->year && year != x->year)
                    continue;
                if (pm && ym && (parties.n >= 2 ? x->parties.n >= 2 || !x->year : 1)) {
                    e = (int)q;
                    break;
                }
            }
            if (e >= 0) {
                ent *x = &r->en[e];
                if (x->parties.n < 2 && parties.n >= 2)
                    x->parties = parties;
                if (!x->year && year)
                    x->year = year;
                if (!x->kind && kind)
                    x->kind = kind;
                x->isnew |= isnew;
                x->n++;
            } else {
                e = ent_new(r, &parties, kind, year, isnew, r->t[i].s, r->t[m->e - 1].e);
                if (e < 0)
                    return -1;
            }
        } else if (r->cur_ent >= 0 && !indefinite(r, i)) {
            /* "the memorandum": the treaty last named by that noun, unless
             * the current one goes by it */
            e = r->cur_ent;
            int32_t head = r->t[m->e - 1].id;
            if (r->en[e].head != head)
                for (size_t q = r->nen; q-- > 0;)
                    if (r->en[q].head == head && head >= 0) {
                        e = (int)q;
                        break;
                    }
            ent *x = &r->en[e];
            x->n++;
            if (!x->kind && kind)
                x->kind = kind;
        } else if (r->cur_ent >= 0) {
            /* "a memorandum of understanding": a new treaty in the
             * background; the article's treaty stays the current one */
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
            background = 1;
        } else {
            /* "a treaty", "the pact": an unnamed treaty whose parties the
             * events may name ("Russia and Iran signed a treaty") */
            e = ent_new(r, &parties, kind, 0, isnew, r->t[i].s, r->t[m->e - 1].e);
            if (e < 0)
                return -1;
        }
        if (e >= 0 && r->en[e].head < 0)
            r->en[e].head = r->t[m->e - 1].id;
        if (e >= 0 && !background)
            r->cur_ent = e;
        if (GROW(r->tm, r->ntm, r->tmcap))
            return -1;
        if (r->ntm >= r->tmentcap) {
            size_t nc = r->tmcap;
            int *q = realloc(r->tment, nc * sizeof *q);
            if (!q)
                return -1;
            r->tment = q;
            r->tmentcap = nc;
        }
        r->tm[r->ntm] = (int)k;
        r->tment[r->ntm++] = e;
    }
    return 0;
}

/* ---- events ----------------------------------------------------------- */

/* "joined the alliance": the alliance named before, in this sentence or an
 * earlier one */
static const char *org_ref(const rd *r, long te)
{
    long i = te;
    if (cue_at(r, i, CUE_DET))
        i++;
    /* "the regional bloc", "the Western military alliance" */
    for (int k = 0; k < 2 && (size_t)i + 1 < r->nt && r->t[i].kind == TK_WORD && !at(r, i) && !is_word(r, i, "alliance") &&
                    !is_word(r, i, "bloc"); k++)
        i++;
    if (!is_word(r, i, "alliance") && !is_word(r, i, "bloc") && !is_word(r, i, "organisation") &&
        !is_word(r, i, "organization"))
        return NULL;
    for (size_t a = r->nam; a-- > 0;)
        if (r->am[a].org && (long)r->am[a].s < te)
            return r->am[a].code;
    return r->last_org;
}

/* A need word inside a longer match counts when that match is no trigger,
 * or a trigger for the event the word belongs to: "sanctions" in "sanctions
 * against", not "aid" in "come to the aid of". */
static int inside_ok(const rd *r, long i, int need)
{
    static const casus_evtype TYPE_FOR[] = {CASUS_EV__COUNT, CASUS_EV__COUNT, CASUS_EV_TROOPS_DEPLOYED,
        CASUS_EV_ARMS_TRANSFERRED, CASUS_EV_AID_PLEDGED, CASUS_EV_MISSILE_TEST, CASUS_EV_SUMMON_AMBASSADOR,
        CASUS_EV__COUNT, CASUS_EV_MILITARY_EXERCISE, CASUS_EV_INTELLIGENCE_SHARING, CASUS_EV_SANCTIONS,
        CASUS_EV_DENY_ACCUSATION, CASUS_EV_MUTUAL_DEFENSE_PLEDGE, CASUS_EV_AID_PLEDGED, CASUS_EV_WARN};
    const lx_match *m = at(r, i);
    if (!m || !has_cat(r, m, LX_TRIGGER))
        return 1;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].type == TYPE_FOR[need])
            return 1;
    return 0;
}

/* A sum of money at token i: "$300 million", "C$80.5 million", "€1.5bn",
 * "EUR 250 million", "500 million euros" (currency words are the currency
 * cue; symbols are read from the text, the tokenizer drops them). */
static int money_at(const rd *r, long i)
{
    if (i < 0 || (size_t)i >= r->nt)
        return 0;
    const ntok *t = &r->t[i];
    const unsigned char *x = (const unsigned char *)r->text;
    size_t s = t->s;
    if (t->kind != TK_NUM && !(t->kind == TK_WORD && x[s] >= '0' && x[s] <= '9')) /* "1.5bn" is a word */
        return 0;
    if (s >= 1 && x[s - 1] == '$')
        return 1;
    if (s >= 2 && x[s - 2] == 0xC2 && (x[s - 1] == 0xA3 || x[s - 1] == 0xA5)) /* £ ¥ */
        return 1;
    if (s >= 3 && x[s - 3] == 0xE2 && x[s - 2] == 0x82 && (x[s - 1] == 0xAC || x[s - 1] == 0xB9)) /* € ₹ */
        return 1;
    if (cue_at(r, i - 1, CUE_CURRENCY))
        return 1;
    long j = i + 1;
    if (cue_at(r, j, CUE_MULT))
        j++;
    return cue_at(r, j, CUE_CURRENCY) != 0;
}

/* A verb or noun that only moves a force ("deploy", "station"), not one
 * that may also hand weapons over ("send", "move"). */
static int deploy_verb(const rd *r, long ts)
{
    static const char *const DEPLOY[] = {"deploy", "deployed", "deploys", "deploying", "redeploy", "redeployed",
                                         "deployment", "deployments", "redeployment", "station", "stationed",
                                         "stationing", "stations"};
    return WORD_IN(r, ts, DEPLOY);
}

static int need_near(const rd *r, long ts, long te, int need, long *where)
{
    static const int CUE_FOR[] = {0, CUE_TREATY, CUE_TROOPS, CUE_ARMS, CUE_AID, CUE_MISSILE,
                                  CUE_AMBASSADOR, 0, CUE_EXERCISE, CUE_INTEL, CUE_SANCTION,
                                  CUE_CLAIM, CUE_PLEDGE, CUE_CURRENCY, CUE_REPRISAL, CUE_TRADE,
                                  CUE_BLAME};
    if (need == NEED_NONE)
        return 1;
    if (need == NEED_MONEY) {
        /* "pledged EUR 250 million", "committed more than $110 million":
         * a sum in the verb's object, before the clause ends */
        long hi = te + 8 > (long)r->nt ? (long)r->nt : te + 8;
        if (where)
            *where = -1;
        for (long i = te; i < hi && !is_boundary(r, i); i++)
            if (money_at(r, i))
                return 1;
        return 0;
    }
    if (need == NEED_TREATY) {
        if (r->ntm)
            return 1;
        /* "withdrawing from ECOWAS", "froze its participation in the CSTO",
         * "voted 188 to 6 on Monday to ratify Sweden's accession to NATO" */
        for (size_t a = 0; a < r->nam; a++)
            if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < te + 14)
                return 1;
        /* "it was ratified": a pronoun for the article's treaty */
        for (long i = 0; (size_t)i < r->nt; i++)
            if (r->cur_ent >= 0 && (is_word(r, i, "it") || cue_at(r, i, CUE_DENYREF) ||
                                    (is_word(r, i, "participation") && i >= te && i < te + 3)))
                return 1;
        return 0;
    }
    long reach = need == NEED_ARMS ? 16 : 12; /* "supplying the paramilitary Rapid Support Forces (RSF) with the long-range drones" */
    long lo = ts - 8 < 0 ? 0 : ts - 8, hi = te + reach > (long)r->nt ? (long)r->nt : te + reach;
    if (need == NEED_BLAME)
        lo = te; /* what the verb calls its object: "called the launch a provocation" */
    if (need == NEED_ORG) {
        for (size_t a = 0; a < r->nam; a++)
            if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < hi)
                return 1;
        return org_ref(r, te) != NULL;
    }
    /* the nearest such word; stop at a clause boundary after the trigger.
     * Troops may be ships ("sent the flotilla to Cuba"), but people come
     * first: "seven warships, a submarine and some 4,500 sailors" */
    long best = -1, bd = LONG_MAX;
    int cue = CUE_FOR[need];
again:
    for (long i = lo; i < hi; i++) {
        if (i >= te && is_boundary(r, i))
            break;
        /* the word may sit inside a longer match ("adopted new sanctions
         * against": "sanctions against" is a trigger) */
        int has = cue_at(r, i, cue) || (((r->amask[i] >> cue) & 1) && inside_ok(r, i, need));
        if (!has && !((need == NEED_ARMS || need == NEED_MISSILE) && designator(r, i)))
            continue;
        if (!at(r, i) && !designator(r, i))
            continue;
        long d = i < ts ? ts - i : i >= te ? i - te + 1 : 0;
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    if (best < 0 && cue == CUE_TROOPS) {
        cue = CUE_VESSEL;
        goto again;
    }
    /* "deployed its Typhon launcher to the Philippines", "will station
     * long-range strike systems in Germany": a force's own weapons
     * deployed (a deployment verb, not "send", which also hands over) */
    if (best < 0 && cue == CUE_VESSEL && deploy_verb(r, ts)) {
        cue = CUE_ARMS;
        lo = te; /* the object: not "the aircraft each side could deploy", "munitions are stationed" */
        goto again;
    }
    if (where)
        *where = best;
    return best >= 0;
}

static const char *span_text(rd *r, long s, long e)
{
    if (s < 0 || e <= s)
        return NULL;
    size_t bs = r->t[s].s, be = r->t[e - 1].e;
    return casus_arena_strndup(r->a, r->text + bs, be - bs);
}

/* The group that contains token i, or -1. */
static int group_at(const rd *r, long i)
{
    for (size_t g = 0; g < r->ng; g++)
        if ((long)r->g[g].s <= i && i < (long)r->g[g].e)
            return (int)g;
    return -1;
}

static int is_trigger_tok(const rd *r, long i)
{
    const lx_match *m = at(r, i);
    return m && has_cat(r, m, LX_TRIGGER);
}

/* A trigger used as a verb: a verb form, not after a determiner ("a move"
 * is a noun). */
static int verb_tok(const rd *r, long i);

/* A trigger that can make an event here: a verb, or a noun trigger. */
static int live_trigger(const rd *r, long i)
{
    const lx_match *m = at(r, i);
    if (!m || !has_cat(r, m, LX_TRIGGER))
        return 0;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].form == FORM_NOUN)
            return 1;
    return verb_tok(r, i);
}

static int verb_tok(const rd *r, long i)
{
    const lx_match *m = at(r, i);
    /* after a determiner or a possessive a verb form is a noun: "the
     * launch", "Thursday's launch" */
    if (!m || !has_cat(r, m, LX_TRIGGER) || (i > 0 && (cue_at(r, i - 1, CUE_DET) || (r->t[i - 1].fl & TF_POSS))))
        return 0;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].form != FORM_NOUN)
            return 1;
    return 0;
}

static int add_event(rd *r, rev *x)
{
    if (GROW(r->ev, r->nev, r->evcap))
        return -1;
    r->ev[r->nev++] = *x;
    return 0;
}

static int plural_anaphor(const rd *r, long lo, long hi)
{
    for (long i = lo; i < hi; i++)
        if (cue_starts(r, i, CUE_PLURAL))
            return 1;
    return 0;
}

/* A new group of two or more subjects; the one it replaces is kept. */
static void set_multi(rd *r, const cset *c)
{
    if (r->last_multi.n && !cs_eq(&r->last_multi, c)) {
        memmove(r->mhist + 1, r->mhist, sizeof r->mhist - sizeof *r->mhist);
        r->mhist[0] = r->last_multi;
    }
    r->last_multi = *c;
}

/* Whom a plural anaphor in [lo, hi) means. "The three juntas" after "Mali
 * and Burkina Faso warned" adds the groups named before until there are
 * three ("the military governments of Burkina Faso and Niger"); "the two
 * countries" after a group of three takes the last group of two. Else the
 * last group. */
static cset plural_referent(const rd *r, long lo, long hi)
{
    static const char *const TWO[] = {"two", "both"};
    int want = 0;
    for (long i = lo; i < hi && !want; i++) {
        const lx_match *m = cue_starts(r, i, CUE_PLURAL) ? at(r, i) : NULL;
        for (long j = i; m && j < (long)m->e && !want; j++)
            want = WORD_IN(r, j, TWO) ? 2 : is_word(r, j, "three") ? 3 : is_word(r, j, "four") ? 4 : 0;
    }
    if (!want || r->last_multi.n == want)
        return r->last_multi;
    size_t nh = sizeof r->mhist / sizeof *r->mhist;
    if (r->last_multi.n > want) {
        for (size_t k = 0; k < nh; k++)
            if (r->mhist[k].n == want)
                return r->mhist[k];
        return r->last_multi;
    }
    cset u = r->last_multi;
    for (size_t k = 0; k < nh && r->mhist[k].n && u.n < want; k++) {
        cset v = u;
        cs_union(&v, &r->mhist[k]);
        if (v.n <= want)
            u = v;
    }
    return u.n == want ? u : r->last_multi;
}

/* Fills an item ("artillery shells") and its quantity from cue at token w. */
static void item_and_qty(rd *r, long w, int cue, const char **item, int64_t *qty, const char **qtext,
                         int *approx)
{
    const lx_match *m = cue_match(r, w, cue);
    if (!m && !designator(r, w))
        return;
    long s = m ? (long)m->s : w, e = m ? (long)m->e : w + 2; /* "F-16s" */
    /* extend left over adjectives that are part of the item ("short-range") */
    while (s > 0 && r->t[s].fl & TF_HYPH && r->t[s - 1].kind == TK_WORD && !at(r, s - 1))
        s--;
    /* and over the model ("Leopard 2 tanks", "S-400 batteries", "Abrams
     * tanks"): a designator, a capitalised word the lexicon does not know,
     * or one with its model number */
    for (int k = 0; k < 3 && s > 0; k++) {
        if (s >= 2 && designator(r, s - 2)) {
            s -= 2;
            continue;
        }
        const ntok *p = &r->t[s - 1];
        if (p->kind == TK_WORD && (p->fl & TF_CAP) && !at(r, s - 1)) {
            s--;
            continue;
        }
        /* "Leopard 2 tanks", "Leopard 2A8 tanks" */
        int code = p->kind == TK_WORD && isdigit((unsigned char)r->text[p->s]);
        if (((p->kind == TK_NUM && p->num < 100) || code) && !(p->fl & TF_HYPH) && s >= 2 &&
            r->t[s - 2].kind == TK_WORD && (r->t[s - 2].fl & TF_CAP) && !at(r, s - 2)) {
            s -= 2;
            continue;
        }
        break;
    }
    /* extend right over a following cue of the same class ("Abrams tanks") */
    while ((size_t)e < r->nt && cue_starts(r, e, cue) && at(r, e)->e > (uint32_t)e)
        e = (long)at(r, e)->e;
    *item = span_text(r, s, e);
    long first;
    int ap = 0;
    long ni = s - 1;
    /* skip actor adjectives ("10,000 North Korean troops") */
    while (ni >= 0 && at(r, ni) && has_cat(r, at(r, ni), LX_ACTOR))
        ni = (long)at(r, ni)->s - 1;
    double v = number_before(r, ni, &first, &ap);
    /* "four additional Gripen jets", "two more", "12 new tanks" */
    if (v < 0 && ni > 0 && r->t[ni].kind == TK_WORD && !at(r, ni) && !(r->t[ni].fl & TF_CAP)) {
        v = number_before(r, ni - 1, &first, &ap);
        if (v >= 0)
            ni--;
    }
    if (v >= 0 && qty) {
        *qty = (int64_t)(v + 0.5);
        *qtext = span_text(r, first, ni + 1);
        *approx = ap;
    }
}

static const casus_place *place_of(rd *r, long from, casus_event_details *d)
{
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if ((long)m->s < from || !has_cat(r, m, LX_PLACE))
            continue;
        uint32_t n;
        const lx_payload *p = pays_of(r, m, &n);
        for (uint32_t q = 0; q < n; q++)
            if (p[q].cat == LX_PLACE) {
                const casus_place *pl = casus_kb_place_at(r->kb, p[q].idx);
                long e = (long)m->e;
                if ((size_t)e < r->nt && cue_starts(r, e, CUE_PLACESUFFIX))
                    e = (long)at(r, e)->e;
                d->place = span_text(r, (long)m->s, e);
                d->place_id = pl->id;
                return pl;
            }
    }
    return NULL;
}

/* Does token i name a treaty or a treaty body ("the pact", "ECOWAS")? The
 * test for a treaty step's object. */
static int names_treaty(const rd *r, long i)
{
    if (cue_at(r, i, CUE_TREATY) || ((r->amask[i] >> CUE_TREATY) & 1))
        return 1;
    for (size_t a = 0; a < r->nam; a++)
        if (r->am[a].org && (long)r->am[a].s == i)
            return 1;
    return 0;
}

/* Does the match at token i carry a trigger of the type? With as_object,
 * only one that names the event as a verb's object: a noun, or a treaty
 * step's infinitive ("held joint drills with", "voted to ratify"). */
static int trigger_type_at(const rd *r, long i, casus_evtype type, int as_object)
{
    const lx_match *m = at(r, i);
    uint32_t np;
    const lx_payload *p = m ? pays_of(r, m, &np) : NULL;
    for (uint32_t k = 0; p && k < np; k++)
        if (p[k].cat == LX_TRIGGER && r->lx->triggers[p[k].idx].type == type &&
            (!as_object || r->lx->triggers[p[k].idx].form == FORM_NOUN ||
             (is_word(r, i - 1, "to") && type <= CASUS_EV_TREATY_WITHDRAWN)))
            return 1;
    return 0;
}

/* Source and target of a trigger at [ts, te). */
/* Whether a comma stands among tokens [a, b). */
static int comma_between(const rd *r, long a, long b)
{
    for (long i = a; i < b; i++)
        if (is_punct(r, i, ','))
            return 1;
    return 0;
}

/* "the government in Caracas", "the regime in Pyongyang": a capital after
 * "in" that names a government; i is the preposition */
static int gov_in(const rd *r, long i)
{
    static const char *const GOV[] = {"government", "regime", "authorities", "leadership", "junta",
                                      "administration", "rulers", "leaders", "officials"};
    if (WORD_IN(r, i - 1, GOV))
        return 1;
    return 0;
}

/* "to the north of", "in the south of": the "of" of a part of a place
 * after "to" or "in" */
static int compass_of(const rd *r, long of)
{
    static const char *const PART[] = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                       "southwest", "centre", "center", "interior"};
    return of >= 3 && WORD_IN(r, of - 1, PART) && is_word(r, of - 2, "the") &&
           (is_word(r, of - 3, "to") || is_word(r, of - 3, "in") || is_word(r, of - 3, "into"));
}

static void roles(rd *r, const lx_trigger *tr, long ts, long te, int passive, cset *src, cset *tgt,
                  int *subj_treaty, int *fuzzy, const char **body, int *subj_out)
{
    *subj_treaty = 0;
    long lo = 0;
    for (long i = ts - 1; i >= 0; i--)
        if (is_boundary(r, i) && !(is_punct(r, i, '-') && i == ts - 1)) {
            /* "Japan and South Korea, while geographically distant, have
             * committed": a clause set off by commas is a parenthesis */
            if (i > 0 && is_punct(r, i - 1, ',') && r->t[i].kind == TK_WORD) {
                long c = i + 1;
                while (c < ts && !is_punct(r, c, ','))
                    c++;
                if (c < ts && c < i + 8 && !verb_tok(r, c - 1)) {
                    i--;
                    continue;
                }
            }
            lo = i + 1;
            break;
        }
    long hi = (long)r->nt;
    /* a joint act has no object: "sign a pact a week after Israeli strike
     * on Doha" ends at the subordinate clause */
    int joint = tr->type == CASUS_EV_TREATY_SIGNED || tr->type == CASUS_EV_TREATY_RATIFIED ||
                tr->type == CASUS_EV_TREATY_IN_FORCE || tr->type == CASUS_EV_MILITARY_EXERCISE ||
                tr->type == CASUS_EV_INTELLIGENCE_SHARING;
    for (long i = te; (size_t)i < r->nt; i++)
        if (is_boundary(r, i) ||
            (joint && i > te && (r->t[i].kind == TK_NUM || (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP))) &&
             subordinate(r, i) > 0 && !is_word(r, i, "which") && !is_word(r, i, "who")) || (is_trigger_tok(r, i) && i > te + 1 && !is_trigger_tok(r, te) &&
                                  !trigger_type_at(r, i, tr->type, 1)) ||
            (i > te && is_word(r, i - 1, "and") && cue_at(r, i, CUE_SAY)) ||
            (is_punct(r, i, ',') && cue_at(r, i + 1, CUE_CONJ) && group_at(r, i - 1) < 0)) {
            hi = i;
            break;
        }
    /* subject: the nearest group on the left that no preposition governs,
     * that is not the object of an earlier trigger and does not modify a
     * treaty noun ("the Russia-North Korea alliance") */
    int subj = -1;
    for (long g = (long)r->ng - 1; g >= 0; g--) {
        const group *gp = &r->g[g];
        if ((long)gp->e > ts || (long)gp->s < lo)
            continue;
        int adjacent_ing = tr->form == FORM_ING && (long)gp->e == ts;
        /* "officials denied that the deal threatens Somalia": a that-clause
         * has its own subject */
        long comp = -1;
        for (long i = (long)gp->e + 1; i < ts && comp < 0; i++)
            if (is_word(r, i, "that") && verb_tok(r, i - 1) && !passive)
                comp = i;
        /* "NATO allies announced that they were suspending": a pronoun
         * there is the speaker */
        if (comp >= 0 && !(is_word(r, comp + 1, "they") || is_word(r, comp + 1, "it") || is_word(r, comp + 1, "he") ||
                           is_word(r, comp + 1, "she") || is_word(r, comp + 1, "we")))
            break;
        /* "hours after South Korea and the United States began": a
         * subordinator is no preposition when its verb follows */
        int clause = gp->prep >= 0 && ((long)gp->e >= ts - 2 || cue_at(r, (long)gp->e, CUE_SAY)) &&
                     subordinate(r, gp->prep) == gp->prep; /* "hours after Britain confirmed it was sending" */
        if (gp->prep >= 0 && !gp->people && !adjacent_ing && !clause)
            continue;
        int object = 0;
        /* "summoned the ambassador of Russia to protest": an office's
         * state is the object when a verb comes before the office */
        long from = gp->prep >= 0 && gp->people ? gp->prep : (long)gp->s;
        for (long i = from - 1; i >= 0 && i >= from - 3 && !object; i--) {
            if (is_word(r, i, "that"))
                break; /* "reaffirmed that Finland stands ready": a clause's subject */
            if (verb_tok(r, i))
                object = 1;
        }
        for (long i = (long)gp->e; (size_t)i < r->nt && i <= (long)gp->e + 2 && !object; i++) {
            if (is_trigger_tok(r, i) || is_boundary(r, i))
                break; /* "Russia and Iran signed a treaty": a verb comes first */
            if (cue_at(r, i, CUE_TREATY))
                object = 1;
        }
        if (object && !adjacent_ing)
            continue;
        /* a parenthetical: "Blinken, visiting Seoul, condemned": the group
         * sits between two commas after other words; the subject is the
         * group before the first comma */
        if (g > 0 && (long)gp->e < ts && is_punct(r, (long)gp->e, ',')) {
            long c = (long)gp->s - 1;
            while (c >= lo && !is_punct(r, c, ',') && c > (long)gp->s - 4)
                c--;
            const group *g2 = &r->g[g - 1];
            if (c >= lo && c < (long)gp->s - 1 && is_punct(r, c, ',') && (long)g2->e <= c && g2->prep < 0 &&
                (long)g2->s >= lo) {
                subj = (int)g - 1;
                break;
            }
        }
        /* an appositive: "South Korea, a key US ally, condemned" */
        if (g > 0) {
            const group *g2 = &r->g[g - 1];
            long c = -1;
            for (long i = (long)gp->s - 1; i >= (long)g2->e && i >= (long)gp->s - 4; i--)
                if (is_punct(r, i, ','))
                    c = i;
            if (c == (long)g2->e && g2->prep < 0 && (is_word(r, c + 1, "a") || is_word(r, c + 1, "an") ||
                                                    is_word(r, c + 1, "the"))) {
                subj = (int)g - 1;
                break;
            }
        }
        subj = (int)g;
        break;
    }
    /* "Lithuania, a former Soviet republic that borders Russia's
     * Kaliningrad exclave and Moscow's ally Belarus, ratified", "Amman,
     * which shares a long border with southern Syria, condemned": an
     * appositive or a relative clause after the opening subject, closed
     * by a comma right before the verb */
    static const char *const APPOS[] = {"a", "an", "the", "which", "who", "whose"};
    if (subj > 0 && tr->form != FORM_NOUN && r->g[0].prep < 0 && r->g[0].s <= 1 && (long)r->g[0].e < ts &&
        is_punct(r, (long)r->g[0].e, ',') && WORD_IN(r, (long)r->g[0].e + 1, APPOS)) {
        long c = ts - 1;
        if (c > 0 && r->t[c].kind == TK_WORD && !at(r, c) && !(r->t[c].fl & TF_CAP))
            c--; /* ", formally ratified" */
        int closed = c > (long)r->g[0].e + 2 && is_punct(r, c, ',');
        for (long i = (long)r->g[0].e + 1; i < c && closed; i++)
            closed = !is_punct(r, i, ',') && !is_punct(r, i, ';') && !is_boundary(r, i);
        if (closed)
            subj = 0;
    }
    /* ", and categorically rejected": a verb joined by "and" with no
     * subject of its own shares the sentence's subject */
    {
        long a = ts - 1;
        if (a >= 0 && r->t[a].kind == TK_WORD && !at(r, a) && !(r->t[a].fl & TF_CAP) && is_word(r, a - 1, "and"))
            a--;
        if ((is_word(r, a, "and") || is_word(r, a, "but")) && tr->form != FORM_NOUN && tr->form != FORM_ING &&
            is_punct(r, a - 1, ',') &&
            r->ng && r->g[0].prep < 0 && (long)r->g[0].e < a && subj != 0) {
            int own = 0;
            for (long i = a + 1; i < ts && !own; i++)
                own = group_at(r, i) >= 0;
            if (!own)
                subj = 0;
        }
    }
    /* "accused China of providing": the group before "of" */
    if (tr->form == FORM_ING && (is_word(r, ts - 1, "of") || is_word(r, ts - 1, "for"))) {
        int g = group_at(r, ts - 2);
        if (g >= 0)
            subj = g;
    }
    /* a noun: its source is a modifier right before it ("Russian technology
     * transfers", "Pyongyang's deployment"), or the subject of a light verb
     * ("issued a warning") */
    if (tr->form == FORM_NOUN) {
        int mod = -1, light = 0;
        for (long i = ts - 1; i >= 0 && i >= ts - 12; i--) {
            int g = group_at(r, i);
            if (g >= 0 && r->g[g].prep < 0) {
                mod = g;
                break;
            }
            /* "China opposes the drills", "Moscow said the exercises were":
             * the name before a stance or a saying is no modifier */
            if ((cue_at(r, i, CUE_REACT) || cue_at(r, i, CUE_SAY)) && !cue_at(r, i, CUE_LIGHT))
                break;
            /* "fumes over Chinese live-fire drills": a demonym before the
             * noun modifies it, whatever preposition leads the phrase */
            if (g >= 0 && i >= ts - 3 && r->am[r->g[g].last].actor &&
                r->am[r->g[g].last].actor->kind == AK_DEMONYM) {
                int adj = 1;
                for (long j = (long)r->g[g].e; j < ts && adj; j++)
                    adj = r->t[j].kind == TK_WORD && !(r->t[j].fl & TF_CAP) && !at(r, j);
                if (adj) {
                    mod = g;
                    break;
                }
            }
            if (cue_at(r, i, CUE_LIGHT)) {
                light = 1;
                /* "summoned Russia's envoy and handed him a protest note":
                 * a light verb after "and" shares the sentence's subject */
                long lv = (long)at(r, i)->s;
                if (is_word(r, lv - 1, "and") && r->ng && r->g[0].prep < 0 && (long)r->g[0].e < lv - 1 &&
                    group_at(r, lv - 2) != 0) {
                    int own = 0;
                    for (long j = lv; j < ts && !own; j++)
                        own = group_at(r, j) >= 0;
                    if (!own)
                        subj = 0;
                }
                break;
            }
            /* "Caracas denounced the drills": the verb's subject is no modifier */
            if (is_boundary(r, i) || is_punct(r, i, ',') || verb_tok(r, i))
                break;
        }
        if (mod >= 0)
            subj = mod;
        else if (!light)
            subj = -1;
    }
    if (subj >= 0 && subj_out)
        *subj_out = subj;
    /* a relative clause ("actions that threaten"): the subject is the noun
     * before the pronoun */
    if (is_word(r, ts - 1, "that") || is_word(r, ts - 1, "which") || is_word(r, ts - 1, "who")) {
        /* "Finland and Sweden, which joined" */
        int g = group_at(r, is_punct(r, ts - 2, ',') ? ts - 3 : ts - 2);
        subj = g;
        if (g < 0) {
            *subj_treaty = 0;
            return;
        }
    }
    /* a treaty subject ("the pact promises") */
    *subj_treaty = 0;
    long tlast = -1;
    for (size_t k = 0; k < r->ntm; k++) {
        long s = (long)r->sel[r->tm[k]].s;
        if (s >= lo && s < ts && (subj < 0 || s > (long)r->g[subj].e))
            tlast = s;
    }
    if (tlast >= 0) {
        /* the treaty noun phrase must open the clause ("The pact promises") */
        int unknown = 0;
        for (long i = tlast - 1; i >= lo; i--) {
            const lx_match *mm = at(r, i);
            if (mm && (cue_at(r, i, CUE_DET) || cue_at(r, i, CUE_KIND) || cue_at(r, i, CUE_NEW) ||
                       cue_at(r, i, CUE_TREATY) || has_cat(r, mm, LX_ACTOR))) {
                i = (long)mm->s;
                continue;
            }
            if (!mm && (r->t[i].kind == TK_NUM || is_punct(r, i, '"') ||
                        (r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && ++unknown <= 3) ||
                        (r->t[i].kind == TK_WORD && i == lo)))
                continue;
            tlast = -1;
            break;
        }
    }
    if (tlast >= 0 && (subj < 0 || tlast > (long)r->g[subj].e)) {
        int idle = 1; /* no actor between the treaty noun and the verb */
        for (size_t a = 0; a < r->nam; a++)
            if ((long)r->am[a].s > tlast && (long)r->am[a].s < ts && r->am[a].prep < 0)
                idle = 0;
        if (idle)
            *subj_treaty = 1;
    }
    /* "In Beijing, foreign ministry spokesperson Mao Ning criticised": an
     * office with no state takes the capital that opens the sentence */
    if (subj < 0 && !*subj_treaty && r->ng && r->g[0].prep >= 0 && is_word(r, r->g[0].prep, "in") &&
        r->g[0].prep <= 1 && is_punct(r, (long)r->g[0].e, ',') && (long)r->g[0].e < ts) {
        int office = 0;
        for (long i = (long)r->g[0].e + 1; i < ts && !office; i++)
            office = cue_at(r, i, CUE_PEOPLE) != 0;
        if (office && r->am[r->g[0].first].actor && r->am[r->g[0].first].actor->kind == AK_CAPITAL)
            subj = 0;
    }
    cset subjset = {{0}, 0};
    if (subj >= 0 && !*subj_treaty) {
        subjset = r->g[subj].codes;
        for (int a = r->g[subj].first; a <= r->g[subj].last; a++) {
            *fuzzy |= r->am[a].fuzzy;
            if (r->am[a].body && body && !*body)
                *body = r->am[a].body;
        }
    } else if (!*subj_treaty) {
        if (plural_anaphor(r, lo, ts) && r->last_multi.n)
            subjset = plural_referent(r, lo, ts);
        else if ((is_word(r, ts - 1, "it") || (is_word(r, ts - 2, "it") && r->t[ts - 1].kind == TK_WORD &&
                                               !at(r, ts - 1))) && r->last_single.n && tr->form != FORM_NOUN)
            subjset = r->last_single; /* "On Sunday it fired": the last single subject */
        else {
            for (long i = lo; i < ts; i++)
                if (cue_starts(r, i, CUE_SINGULAR) && (r->last_person.n || r->last_single.n))
                    subjset = r->last_person.n ? r->last_person : r->last_single;
        }
    }
    /* objects on the right */
    cset by = {{0}, 0}, obj = {{0}, 0}, with = {{0}, 0}, from = {{0}, 0};
    int together = 0; /* "joined NATO together with Prague and Budapest": co-agents */
    int located = tr->type == CASUS_EV_TROOPS_DEPLOYED || tr->type == CASUS_EV_ARMS_TRANSFERRED ||
                  tr->type == CASUS_EV_MISSILE_TEST || tr->type == CASUS_EV_MILITARY_EXERCISE;
    for (size_t g = 0; g < r->ng; g++) {
        const group *gp = &r->g[g];
        if ((long)gp->s < te || (long)gp->s >= hi)
            continue;
        const char *pw = gp->prep >= 0 ? r->lx->words[r->t[gp->prep].id] : NULL;
        if (pw && !strcmp(pw, "between") && gp->prep > 0 && cue_at(r, gp->prep - 1, CUE_TREATY))
            continue; /* "a treaty between A and B": the treaty's parties */
        if (pw && !strcmp(pw, "by")) {
            /* the agent follows its participle in the same phrase: not
             * "had been sent, calling the reports rumours spread by the South" */
            int comma = 0;
            for (long i = te; i < (long)gp->s && !comma; i++)
                comma = is_punct(r, i, ',');
            if (!by.n && !comma) {
                by = gp->codes;
                for (int a = gp->first; a <= gp->last; a++) {
                    *fuzzy |= r->am[a].fuzzy;
                    if (r->am[a].body && body && !*body)
                        *body = r->am[a].body;
                }
            }
        } else if (pw && (!strcmp(pw, "with") || !strcmp(pw, "between"))) {
            long b = gp->prep - 1; /* "its border with Guyana": no partner */
            /* "signed a treaty on Saturday, cementing a break with ECOWAS":
             * a partner after a comma belongs to another phrase */
            if (!with.n && !comma_between(r, te, gp->prep) && !(b >= 0 && cue_at(r, b, CUE_NOTPARTNER))) {
                with = gp->codes;
                together = is_word(r, b, "together") || is_word(r, b, "along") || is_word(r, b, "alongside");
            }
        } else if (pw && !strcmp(pw, "from")) {
            if (!from.n)
                from = gp->codes;
        } else if (!pw || !strcmp(pw, "to") || !strcmp(pw, "against") || !strcmp(pw, "on") ||
                   /* "deployed to the north of the Philippines" */
                   (located && !strcmp(pw, "of") && compass_of(r, gp->prep)) ||
                   /* "in X" is where troops or arms go; for words, sanctions
                    * and signings it is only where it happened ("its
                    * embassy in Beijing", "leaders gather in Kyiv") */
                   ((!strcmp(pw, "in") || !strcmp(pw, "at")) && (located || gov_in(r, gp->prep))) || !strcmp(pw, "into") ||
                   !strcmp(pw, "toward") || !strcmp(pw, "towards") ||
                   (!strcmp(pw, "for") && (tr->type == CASUS_EV_AID_PLEDGED || tr->type == CASUS_EV_ARMS_TRANSFERRED)) ||
                   (!strcmp(pw, "of") && (tr->form == FORM_NOUN || ((tr->type == CASUS_EV_CONDEMN ||
                                          tr->type == CASUS_EV_WARN) && gp->prep <= te + 3)))) {
            /* "signed a treaty on Saturday, cementing a break with the bloc ECOWAS" */
            if (!obj.n && !(joint && comma_between(r, te, (long)gp->s))) {
                obj = gp->codes;
                for (int a = gp->first; a <= gp->last; a++)
                    *fuzzy |= r->am[a].fuzzy;
            }
        }
    }
    if (passive && by.n) {
        cs_union(src, &by);
        if (!*subj_treaty)
            cs_union(tgt, &subjset);
    } else if (tr->subj_target) {
        cs_union(tgt, &subjset);
        /* "to buy French Caesar howitzers": a demonym on the item is the seller */
        for (size_t g = 0; g < r->ng && !src->n; g++)
            if ((long)r->g[g].s >= te && (long)r->g[g].s <= te + 3 && r->g[g].prep < 0 &&
                r->am[r->g[g].last].actor && r->am[r->g[g].last].actor->kind == AK_DEMONYM &&
                (size_t)r->g[g].e < r->nt) {
                int item = 0;
                for (long j = (long)r->g[g].e; (size_t)j < r->nt && j < (long)r->g[g].e + 3 && !item; j++)
                    item = cue_at(r, j, CUE_ARMS) != 0 || designator(r, j);
                if (item)
                    cs_union(src, &r->g[g].codes);
            }
        if (!src->n)
            cs_union(src, &from);
        /* "signed a contract with the United States to buy" */
        if (!src->n)
            cs_union(src, &with);
        for (size_t g = 0; g < r->ng && !src->n; g++)
            if ((long)r->g[g].s >= lo && (long)r->g[g].e <= ts && r->g[g].prep >= 0 &&
                is_word(r, r->g[g].prep, "with") && (subj < 0 || (long)r->g[g].s > (long)r->g[subj].s))
                cs_union(src, &r->g[g].codes);
        if (!tgt->n)
            cs_union(tgt, &obj);
    } else if (tr->form == FORM_NOUN && (tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN) && from.n &&
               is_word(r, te, "from")) {
        /* "Berlin's brigade draws warnings from Moscow": the words come
         * from the name after "from"; the name before is what they are about */
        cs_union(src, &from);
        cs_union(tgt, &subjset);
        cs_union(tgt, &obj);
    } else {
        cs_union(src, &subjset);
        cs_union(tgt, &obj);
        /* "a naval exercise by the U.S., Japan and South Korea" */
        if (tr->form == FORM_NOUN && !src->n)
            cs_union(src, &by);
        /* "denounced a naval exercise by the U.S. and Japan" */
        if ((tr->type == CASUS_EV_CONDEMN || tr->type == CASUS_EV_WARN) && !tgt->n)
            cs_union(tgt, &by);
        /* "lodged a strong protest with Pyongyang" */
        if (tr->type == CASUS_EV_CONDEMN && !tgt->n)
            cs_union(tgt, &with);
        joint = tr->type == CASUS_EV_TREATY_SIGNED || tr->type == CASUS_EV_MILITARY_EXERCISE ||
                tr->type == CASUS_EV_INTELLIGENCE_SHARING || tr->type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        if (together && src->n && tr->type != CASUS_EV_CONDEMN)
            cs_union(src, &with);
        else if (tr->with_target)
            cs_union(tgt, &with);
        else if (joint)
            cs_union(src, &with);
        if (!src->n)
            cs_union(src, &from);
    }
}

static int treaty_for(const rd *r, long ts)
{
    int best = -1;
    long bd = LONG_MAX;
    for (size_t k = 0; k < r->ntm; k++) {
        if (r->tment[k] < 0)
            continue;
        long s = (long)r->sel[r->tm[k]].s;
        long d = s > ts ? s - ts : ts - s;
        if (d < bd) {
            bd = d;
            best = r->tment[k];
        }
    }
    return best >= 0 ? best : r->cur_ent;
}

static int event_types_at(const rd *r, long i, int *types, int max)
{
    const lx_match *m = at(r, i);
    int n = 0;
    if (!m || !has_cat(r, m, LX_TRIGGER))
        return 0;
    uint32_t np;
    const lx_payload *p = pays_of(r, m, &np);
    for (uint32_t k = 0; k < np && n < max; k++)
        if (p[k].cat == LX_TRIGGER)
            types[n++] = (int)p[k].idx;
    return n;
}

/* Whether a trigger word could make an event here: what one of its
 * entries needs is near. */
static int can_fire(const rd *r, const lx_match *o)
{
    int types[8];
    int n = event_types_at(r, (long)o->s, types, 8);
    for (int u = 0; u < n; u++)
        if (need_near(r, (long)o->s, (long)o->e, r->lx->triggers[types[u]].needs, NULL))
            return 1;
    return 0;
}

/* "Finland and Sweden, which joined in 2023 and 2024 respectively": one
 * event per source, each with its date, in the order written. Returns 1
 * when it added them. */
static int respectively(rd *r, const rev *x, long te)
{
    if (x->src.n < 2)
        return 0;
    long resp = -1;
    for (long i = te; (size_t)i < r->nt && !is_boundary(r, i); i++)
        if (is_word(r, i, "respectively")) {
            resp = i;
            break;
        }
    if (resp < 0)
        return 0;
    const dmen *ds[MAXC];
    size_t nd = 0;
    for (size_t k = 0; k < r->ndm && nd < MAXC; k++)
        if ((long)r->dm[k].s >= te && (long)r->dm[k].e <= resp && !r->dm[k].treatyyear)
            ds[nd++] = &r->dm[k];
    if (nd != x->src.n)
        return 0;
    for (size_t k = 0; k < nd; k++) {
        rev y = *x;
        y.src.n = 0;
        cs_add(&y.src, x->src.c[k]);
        y.date = ds[k]->d;
        if (add_event(r, &y))
            return -1;
    }
    return 1;
}

/* The group a noun at [s, e) belongs to: right before it, over up to two
 * words the lexicon does not know ("Seoul's claims", "the Polish
 * accusations", "Russia's new ambassador"), else after one of preps and
 * determiners ("claims by Washington", "the Ambassador of the United
 * Kingdom"). A group right before it that starts before token lo (the
 * subject: "Russia's ambassador was summoned") gives none. Returns -1 if
 * none. */
static int owner_group(const rd *r, long s, long e, long lo, const char *const *preps)
{
    long j = s - 1;
    while (j >= lo && r->t[j].kind == TK_WORD && !at(r, j) && j >= s - 2)
        j--;
    int g = group_at(r, j);
    if (g >= 0)
        return (long)r->g[g].s >= lo ? g : -1;
    for (; *preps; preps++)
        if (is_word(r, e, *preps)) {
            long k = e + 1;
            while ((size_t)k < r->nt && cue_at(r, k, CUE_DET))
                k++;
            return group_at(r, k);
        }
    return -1;
}

/* A plural treaty noun right after a signing verb ("signed bilateral
 * security agreements with"): lower-case, ending in -s. */
static int plural_treaty(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 6; i++) {
        if (!cue_at(r, i, CUE_TREATY))
            continue;
        const lx_match *m = at(r, i);
        long last = (long)m->e - 1;
        if ((size_t)m->e < r->nt && cue_starts(r, m->e, CUE_TREATY))
            continue;
        const ntok *t = &r->t[last];
        return !(t->fl & TF_CAP) && t->e - t->s > 3 && r->text[t->e - 1] == 's';
    }
    return 0;
}

/* Whether a determiner or a possessive in [from, i) makes the noun at i
 * definite ("the sanctions", "this week's launch", "their strikes"): it
 * refers to something already told. */
static int definite(const rd *r, long from, long i)
{
    for (long j = i - 1; j >= from; j--)
        if (is_word(r, j, "the") || is_word(r, j, "this") || is_word(r, j, "these") || is_word(r, j, "that") ||
            is_word(r, j, "those") || is_word(r, j, "its") || is_word(r, j, "their") || (r->t[j].fl & TF_POSS))
            return 1;
    return 0;
}

/* An event named by a noun after a condemnation ("criticised the sanctions",
 * "the satellite, launched late Tuesday, was condemned" is handled by the
 * same-sentence rule): the most recent earlier event of that type by
 * others; its sources go to *tgt. Generic nouns ("the decision", "the
 * move") name the most recent event of any kind. */
static void event_ref(const rd *r, long te, const cset *src, cset *tgt)
{
    static const struct { int cue; casus_evtype type; } NOUNS[] = {
        {CUE_SANCTION, CASUS_EV_SANCTIONS}, {CUE_EXERCISE, CASUS_EV_MILITARY_EXERCISE},
        {CUE_MISSILE, CASUS_EV_MISSILE_TEST}, {CUE_TROOPS, CASUS_EV_TROOPS_DEPLOYED},
        {CUE_ARMS, CASUS_EV_ARMS_TRANSFERRED}, {CUE_EVREF, CASUS_EV__COUNT}};
    for (long i = te; (size_t)i < r->nt && i < te + 6; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ',') || is_punct(r, i, '.') || is_punct(r, i, ';'))
            return;
        if (group_at(r, i) >= 0)
            return;
        for (size_t k = 0; k < sizeof NOUNS / sizeof *NOUNS; k++) {
            if (!cue_starts(r, i, NOUNS[k].cue))
                continue;
            /* the noun is definite: "the sanctions", "this week's launch" */
            if (!definite(r, te, i))
                return;
            /* "denounced the dispatch", "condemned the delivery": a generic
             * noun that names an event type refers to the last such event,
             * if any */
            int types[8], nt = NOUNS[k].type == CASUS_EV__COUNT ? event_types_at(r, i, types, 8) : 0, typed = 0;
            for (size_t e = r->nev; e-- > 0 && !typed;)
                for (int u = 0; u < nt && !typed; u++)
                    typed = !r->ev[e].dead && r->ev[e].src.n && !cs_meets(&r->ev[e].src, src) &&
                            r->ev[e].type == r->lx->triggers[types[u]].type;
            for (size_t e = r->nev; e-- > 0;) {
                const rev *p = &r->ev[e];
                if (p->dead || cs_meets(&p->src, src) || !p->src.n)
                    continue;
                int want = !typed;
                for (int u = 0; u < nt && !want; u++)
                    want = p->type == r->lx->triggers[types[u]].type;
                if (NOUNS[k].type == CASUS_EV__COUNT
                        ? (p->type == CASUS_EV_CONDEMN || p->type == CASUS_EV_WARN ||
                           p->type == CASUS_EV_DENY_ACCUSATION || !want)
                        : p->type != NOUNS[k].type)
                    continue;
                /* "criticised the purchase": the buyer */
                int buyer = p->type == CASUS_EV_ARMS_TRANSFERRED &&
                            (is_word(r, i, "purchase") || is_word(r, i, "purchases") ||
                             is_word(r, i, "acquisition") || is_word(r, i, "acquisitions"));
                *tgt = buyer && p->tgt.n ? p->tgt : p->src;
                return;
            }
            return;
        }
    }
}

/* Is one of the words ws among the three tokens before ts (an auxiliary)? */
#define AUX_BEFORE(r, ts, ws) aux_before((r), (ts), (ws), sizeof(ws) / sizeof *(ws))
static int aux_before(const rd *r, long ts, const char *const *ws, size_t n)
{
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        if (word_in(r, i, ws, n))
            return 1;
    return 0;
}

/* "had been tracking", "had signed": a pluperfect tells of an earlier day. */
static int pre_perfect(const rd *r, long ts)
{
    static const char *const HAD[] = {"had"};
    return AUX_BEFORE(r, ts, HAD);
}

/* "This treaty, signed by Putin and Kim,", "a pact ratified by the
 * Federation Council": a participle with no "be" describes its noun; it
 * tells no news of the day */
static int reduced_relative(const rd *r, long ts, int passive)
{
    if (!passive)
        return 0;
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        if (cue_at(r, i, CUE_BE))
            return 0;
    return 1;
}

/* "Amid the US elections, North Korea fired missiles", "after the
 * talks": the sentence is timed by something other than the report */
static int time_anchor(const rd *r)
{
    static const char *const ANCHOR[] = {"amid", "amidst", "ahead"};
    for (size_t i = 0; i < r->nt; i++)
        if (WORD_IN(r, (long)i, ANCHOR))
            return 1;
    return 0;
}

/* Whether word w is among the first n tokens of the sentence. */
static int word_before(const rd *r, long n, const char *w)
{
    for (long i = 0; i < n; i++)
        if (is_word(r, i, w))
            return 1;
    return 0;
}

/* The date expression that token i is in, or NULL. */
static const dmen *date_at(const rd *r, long i)
{
    for (size_t k = 0; k < r->ndm; k++)
        if (i >= (long)r->dm[k].s && i < (long)r->dm[k].e)
            return &r->dm[k];
    return NULL;
}

#define OFF_UNKNOWN INT_MIN

/* "a day after Seoul suspended", "two days after", "hours after", "a week
 * before": a span of time from the event at token ts to the sentence's
 * main clause. Returns the token of after/before, with *k0 the phrase's
 * first token and *off the days the main clause is later than the event
 * at ts (OFF_UNKNOWN for "days after"); -1 when ts is in no such clause. */
static long after_anchor(const rd *r, long ts, long *k0, int *off)
{
    static const char *const DAY[] = {"day", "days"}, *const WEEK[] = {"week", "weeks"},
                             *const HOUR[] = {"hour", "hours", "minutes", "moments"};
    for (long j = ts - 1; j >= 1; j--) {
        if (is_punct(r, j, ';'))
            return -1;
        int after = is_word(r, j, "after");
        if (!after && !is_word(r, j, "before"))
            continue;
        long u = j - 1, n = j - 2, v = 0;
        int unit = WORD_IN(r, u, DAY) ? 1 : WORD_IN(r, u, WEEK) ? 7 : WORD_IN(r, u, HOUR) ? 0 : -1;
        if (unit < 0) {
            if (!is_word(r, u, "shortly"))
                return -1; /* "after the talks": no span of time */
            unit = 0, n = u;
        } else if (n >= 0 && (is_word(r, n, "a") || is_word(r, n, "one") || is_word(r, n, "the")))
            v = 1;
        else if (n >= 0 && cue_at(r, n, CUE_NUMBER))
            v = cue_at(r, n, CUE_NUMBER) - 1;
        else if (n >= 0 && r->t[n].kind == TK_NUM && r->t[n].num < 400)
            v = (long)r->t[n].num;
        else
            n = u; /* "days after", "hours after" */
        if (unit && !v)
            *off = OFF_UNKNOWN;
        else
            *off = (int)(after ? unit * v : -unit * v);
        *k0 = n;
        /* "On April 23, a day after the attack, New Delhi announced", "a
         * day before the launch, warning that": a comma ends the span's
         * complement */
        for (long i = j + 1; i < ts; i++)
            if (is_punct(r, i, ','))
                return -1;
        return j;
    }
    return -1;
}

/* "Cambodia's defence ministry has condemned", "Marles has criticised
 * China": a statement told in the present perfect is news of the day, as a
 * state of affairs ("has deployed 570 troops") is not */
static int speech_act(int type)
{
    return type == CASUS_EV_CONDEMN || type == CASUS_EV_WARN || type == CASUS_EV_DENY_ACCUSATION ||
           type == CASUS_EV_SUMMON_AMBASSADOR;
}

/* "has deployed", "have long warned": the present perfect names no time */
static int perfect(const rd *r, long ts)
{
    static const char *const HAVE[] = {"has", "have", "having"};
    return AUX_BEFORE(r, ts, HAVE);
}

/* Whether a new clause (", and", ";", "but", "while") begins between a date
 * and the trigger at [ts, te). A bare comma does not part them: "signed
 * late on Wednesday, declaring that any aggression..." */
static int date_sep(const rd *r, const dmen *dm, long ts, long te)
{
    long a = te <= (long)dm->s ? te : (long)dm->e, b = te <= (long)dm->s ? (long)dm->s : ts;
    /* "on January 12, when Sunak announced": the clause is that day */
    if (a == (long)dm->e && is_punct(r, a, ',') && is_word(r, a + 1, "when"))
        a += 2;
    for (long i = a; i < b; i++)
        if ((is_punct(r, i, ',') && (cue_at(r, i + 1, CUE_CONJ) || subordinate(r, i + 1))) ||
            is_punct(r, i, ';') || cue_at(r, i, CUE_BOUNDARY))
            return 1;
    return 0;
}

/* "Estonian airspace violation", "a Polish territory incursion": a state
 * before these words is the victim, not the attacker of the noun at i. */
static int victim_before(const rd *r, int g, long i)
{
    for (long j = (long)r->g[g].e; j < i; j++)
        if (is_word(r, j, "airspace") || is_word(r, j, "territory") || is_word(r, j, "territorial") ||
            is_word(r, j, "waters") || is_word(r, j, "border") || is_word(r, j, "sovereignty"))
            return 1;
    return 0;
}

/* "Russian drones entered Polish airspace", "jets crossed into Estonian
 * airspace": a verb of crossing whose object is another's airspace,
 * waters or territory names an attack (a violation). */
static int trespass(const rd *r, long i)
{
    static const char *const CROSS[] = {"entered", "entering", "crossed", "crossing", "intruded", "penetrated", "strayed"};
    static const char *const SPACE[] = {"airspace", "waters", "territory"};
    /* runs for every token: the lengths of the words above by first letter */
    static const uint16_t LENS[32] = {['c' & 31] = 1 << 7 | 1 << 8, ['e' & 31] = 1 << 7 | 1 << 8,
                                      ['i' & 31] = 1 << 8, ['p' & 31] = 1 << 10, ['s' & 31] = 1 << 7};
    uint32_t n = r->t[i].e - r->t[i].s;
    if (r->t[i].kind != TK_WORD || n >= 16 || !(LENS[r->text[r->t[i].s] & 31] >> n & 1) ||
        !WORD_IN(r, i, CROSS))
        return 0;
    for (long j = i + 1; j < i + 5 && (size_t)j < r->nt; j++)
        if (WORD_IN(r, j, SPACE))
            return 1;
    return 0;
}

/* Attacks named in the sentence: the attacker of a noun is the actor
 * modifying it ("the Israeli strike", "Russia's incursion") or after "by";
 * of a verb, its subject ("When Israel bombed"). The last one is kept for
 * "condemned the strike". */
static void note_attacks(rd *r)
{
    for (long i = 0; (size_t)i < r->nt; i++) {
        int noun = cue_starts(r, i, CUE_ATTACK), verb = !noun && (cue_starts(r, i, CUE_ATTACKV) || trespass(r, i));
        if (!noun && !verb)
            continue;
        long e = at(r, i) ? (long)at(r, i)->e : i + 1;
        int g = -1;
        for (long j = i - 1; j >= 0 && j >= i - (verb ? 8 : 4) && g < 0; j--) {
            if (is_boundary(r, j) || r->t[j].kind == TK_PUNCT || (noun && verb_tok(r, j)))
                break;
            int h = group_at(r, j);
            static const char *const SUB[] = {"after", "before", "since", "until", "when", "as"};
            if (h >= 0 && (r->g[h].prep < 0 || (noun && (r->t[r->g[h].e - 1].fl & TF_POSS)) ||
                           (verb && WORD_IN(r, r->g[h].prep, SUB)))) /* "eight days after Israel struck" */
                g = h;
            else if (h >= 0)
                break; /* "the strike on Doha" is no attacker */
        }
        if (noun && g < 0 && is_word(r, e, "by"))
            g = group_at(r, e + 1);
        if (g >= 0 && noun && victim_before(r, g, i))
            g = -1;
        if (g >= 0 && r->g[g].codes.n)
            r->last_attack = r->g[g].codes;
    }
}

/* The attack noun ("strike", "incursion") among the six tokens from te in
 * the same clause, past a date inside its noun phrase ("condemned the Sept.
 * 9 strike"); -1 when none. */
static long attack_noun(const rd *r, long te)
{
    for (long i = te, n = 0; (size_t)i < r->nt && n < 6; i++, n++) {
        const dmen *dm = date_at(r, i);
        if (dm) {
            i = (long)dm->e - 1;
            continue;
        }
        if (is_boundary(r, i) || r->t[i].kind == TK_PUNCT)
            return -1;
        if (cue_starts(r, i, CUE_ATTACK))
            return i;
    }
    return -1;
}

/* "condemned the strike", "denounced the incursion": aimed at the one who
 * struck, named just before the noun or last. */
static void attack_ref(rd *r, long te, const cset *src, cset *tgt)
{
    long i = attack_noun(r, te);
    if (i < 0)
        return;
    int g = -1, def = definite(r, te, i);
    for (long j = i - 1; j >= te && g < 0; j--)
        g = group_at(r, j);
    if (g >= 0 && victim_before(r, g, i)) /* "condemned the Estonian airspace violation" */
        g = -1;
    long e = (long)at(r, i)->e;
    if (g < 0 && is_word(r, e, "by"))
        g = group_at(r, e + 1);
    /* "When a Venezuelan patrol boat approached..., Guyana condemned the
     * incursion": the subject of the opening when-clause */
    if (g < 0 && def && (is_word(r, 0, "when") || is_word(r, 0, "after"))) {
        int h = group_at(r, 1) >= 0 ? group_at(r, 1) : group_at(r, 2);
        if (h < 0 && is_word(r, 1, "a"))
            h = group_at(r, 2);
        if (h >= 0 && r->g[h].prep < 0 && (long)r->g[h].e < te)
            g = h;
    }
    if (g >= 0) {
        *tgt = r->g[g].codes;
        r->last_attack = r->g[g].codes; /* "Moldova also denounced the violation" */
    } else if (def)
        *tgt = r->last_attack;
    cs_minus(tgt, src);
}

/* "condemned the strike on Doha", "the violation of Polish airspace", "the
 * incursion into Estonian airspace": takes the codes of the group after the
 * attack noun's preposition out of *tgt. */
static void attack_victim(const rd *r, long te, cset *tgt)
{
    static const char *const ON[] = {"on", "of", "into", "against", "in", "over"};
    long i = attack_noun(r, te);
    if (i < 0)
        return;
    long e = (long)at(r, i)->e;
    if (!WORD_IN(r, e, ON))
        return;
    int g = group_at(r, e + 1);
    if (g < 0 && cue_at(r, e + 1, CUE_DET))
        g = group_at(r, e + 2);
    if (g >= 0)
        cs_minus(tgt, &r->g[g].codes);
}

/* Whether a verb in the present at token ts reports the article's day:
 * not a habit ("China routinely condemns"), not inside a quotation, not
 * reported speech of an earlier day ("said it 'condemns and rejects'"). */
static int reporting_present(const rd *r, long ts)
{
    static const char *const HABIT[] = {"routinely", "regularly", "usually", "often", "always", "frequently",
                                        "typically", "generally", "habitually", "every", "each", "whenever"};
    static const char *const SAID[] = {"said", "told", "stated", "added", "declared", "wrote", "announced"};
    for (size_t i = 0; i < r->nt; i++)
        if (WORD_IN(r, (long)i, HABIT))
            return 0;
    int quotes = 0;
    for (long i = 0; i < ts; i++) {
        quotes += is_punct(r, i, '"');
        if (WORD_IN(r, i, SAID))
            return 0;
    }
    return !(quotes & 1);
}

/* Whether a negation governs the trigger at ts. A negator counts in the
 * four tokens before it, within its clause ("did not summon"); quotation
 * marks and an adverb set off by commas are skipped ("did not, however,
 * summon", "has no plans "at this stage" to send"). A negator just before
 * a plan or sign noun reaches over the clause that noun governs ("had no
 * plans to lodge a protest", "Nor is there any sign that NATO intends to
 * conduct exercises"). "not only" negates nothing. */
static int negated_before(const rd *r, long ts)
{
    static const char *const ASIDE[] = {"however", "though", "therefore", "thus", "moreover", "apparently",
                                        "officially", "publicly", "formally", "yet", "still"};
    long dist = 0, light = -1; /* the light verb's distance ("has not announced any deployment") */
    for (long i = ts - 1; i >= 0 && dist < 14; i--) {
        if (is_punct(r, i, '"'))
            continue;
        if (is_punct(r, i, ',') && i >= 2 && is_punct(r, i - 2, ',') && WORD_IN(r, i - 1, ASIDE)) {
            i -= 2;
            continue;
        }
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        dist++;
        if (light < 0 && cue_at(r, i, CUE_LIGHT))
            light = dist;
        if (!cue_at(r, i, CUE_NEG) || (is_word(r, i, "not") && is_word(r, i + 1, "only")))
            continue;
        /* near the noun, or near the light verb whose object it is:
         * "Neither government has announced any deployment" */
        if (dist <= 4 || (light >= 0 && light <= 4 && dist - light <= 4))
            return 1;
        for (long j = i + 1; j <= i + 4 && j < ts; j++)
            if ((r->amask[j] >> CUE_NEGNOUN) & 1) /* inside "plans to" too */
                return 1;
    }
    return 0;
}

/* Whether token j names a state, a people, a place or some other proper
 * name (not a month or a weekday): "at Erbil", "to the Houthis". */
static int names_place(const rd *r, long j)
{
    if (j <= 0 || (size_t)j >= r->nt)
        return 0;
    const lx_match *m = at(r, j);
    if (group_at(r, j) >= 0 || (m && has_cat(r, m, LX_PLACE)))
        return 1;
    return r->t[j].kind == TK_WORD && (r->t[j].fl & TF_CAP) && !cue_at(r, j, CUE_MONTH) &&
           !cue_at(r, j, CUE_WEEKDAY) && !cue_at(r, j, CUE_RELDAY);
}

/* "Iran fired ballistic missiles at Erbil", "launched drones and missiles
 * against Israel", "launches missiles towards Tel Aviv": missiles fired at
 * a state, a place or a target are an attack, not a test ("fired a missile
 * into the East Sea" or "toward the East Sea" is one). */
static int fired_at(const rd *r, const lx_trigger *tr, long te)
{
    static const char *const TARGETS[] = {"what", "targets", "target", "bases", "base", "positions", "cities",
                                          "city", "sites", "facilities", "ships", "vessels", "territory"};
    static const char *const SEA[] = {"sea", "ocean", "waters", "pacific", "gulf", "bay", "strait"};
    if (tr->type != CASUS_EV_MISSILE_TEST || tr->form == FORM_NOUN ||
        (strcmp(tr->lemma, "fire") && strcmp(tr->lemma, "launch") && strcmp(tr->lemma, "lob")))
        return 0;
    for (long i = te; (size_t)i + 1 < r->nt && i < te + 16; i++) {
        if (is_boundary(r, i) || is_punct(r, i, '.'))
            return 0;
        int toward = is_word(r, i, "toward") || is_word(r, i, "towards");
        if (!is_word(r, i, "at") && !is_word(r, i, "against") && !toward)
            continue;
        long j = i + 1;
        while (cue_starts(r, j, CUE_DET) && j < i + 3)
            j++;
        /* "toward the East Sea", "towards the Sea of Japan": a test */
        int sea = 0;
        for (long q = j; q < j + 4 && !sea; q++)
            sea = WORD_IN(r, q, SEA);
        if (!sea && (names_place(r, j) || WORD_IN(r, j, TARGETS)))
            return 1;
    }
    return 0;
}

/* "carried weapons to the Houthis", "carrying weapons for the Somali
 * National Army": carrying moves arms only with a destination ("vessels
 * carrying nuclear weapons" moves nothing to anyone). */
static int carried_to(const rd *r, long te)
{
    for (long i = te; (size_t)i + 1 < r->nt && i < te + 12; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        if ((is_word(r, i, "to") || is_word(r, i, "for") || is_word(r, i, "into")) &&
            (names_place(r, i + 1) || (cue_starts(r, i + 1, CUE_DET) && names_place(r, i + 2))))
            return 1;
    }
    return 0;
}

/* "Has Turkiye sent troops to Gaza?": a question asserts nothing. */
static int is_question(const rd *r)
{
    long i = (long)r->nt - 1;
    while (i >= 0 && (is_punct(r, i, '"') || is_punct(r, i, ')')))
        i--;
    return i >= 0 && is_punct(r, i, '?');
}

/* The pattern index of a match that clause_events() made, not the lexicon. */
#define CLAUSE_MATCH UINT32_MAX

/* "Sending Bundeswehr troops to Ukraine was out of the question": words
 * after the event's own that say it will not happen, in its clause. */
static int negated_after(const rd *r, long te)
{
    for (long i = te; (size_t)i < r->nt && i < te + 12; i++) {
        if (is_boundary(r, i) || is_punct(r, i, ','))
            return 0;
        if (cue_starts(r, i, CUE_NEGAFTER))
            return 1;
    }
    return 0;
}

/* Who says the sentence: the group next to a verb of saying ("the
 * ministry said", "said the ministry", "Japan's foreign ministry said the
 * claim was ..."), or the name before a colon that opens it ("Lin Jian:
 * ..."); -1 if none. */
static int speaker_group(const rd *r)
{
    for (long i = 0; (size_t)i < r->nt; i++) {
        if (!cue_at(r, i, CUE_SAY) || (i > 0 && cue_at(r, i - 1, CUE_DET)))
            continue;
        /* ", the Turkish defence ministry said" or "Japan's ministry said" */
        long j = i - 1; /* "also said", "Japan's foreign ministry said" */
        while (j >= 0 && j >= i - 4 && group_at(r, j) < 0 && r->t[j].kind == TK_WORD &&
               ((!at(r, j) && !(r->t[j].fl & TF_CAP)) || cue_at(r, j, CUE_PEOPLE)))
            j--;
        int g = group_at(r, j);
        if (g >= 0 && (r->g[g].prep < 0 || r->g[g].people))
            return g;
        /* ", said the ministry" */
        long k = i + 1;
        while ((size_t)k < r->nt && cue_at(r, k, CUE_DET))
            k++;
        g = group_at(r, k);
        if (g >= 0 && r->g[g].prep < 0)
            return g;
    }
    for (long i = 1; (size_t)i < r->nt && i < 6; i++)
        if (is_punct(r, i, ':')) {
            int g = group_at(r, i - 1);
            return g >= 0 && r->g[g].s == 0 ? g : -1;
        }
    return -1;
}

/* A denial said of a claim ("the Chinese claim is entirely without
 * foundation, the ministry said"): the speaker denies, the claim's owner
 * accused. 0 when the claim or the speaker is missing. */
static int predicate_denial(const rd *r, long ts, cset *src, cset *tgt)
{
    /* the claim is the predicate's subject: the last claim word before it */
    long where = -1, we = -1;
    for (long i = ts - 1; i >= 0 && i >= ts - 24 && where < 0; i--)
        if (cue_at(r, i, CUE_CLAIM) || cue_at(r, i, CUE_DENYREF) || ((r->amask[i] >> CUE_CLAIM) & 1)) {
            where = i; /* "the accusation" is also a reference to a claim */
            we = i + 1;
        }
    if (where < 0)
        return 0;
    for (long i = we; i < ts; i++)
        if (is_boundary(r, i) || is_punct(r, i, ';'))
            return 0;
    int sp = speaker_group(r);
    if (sp < 0 || ((long)r->g[sp].s > where && (long)r->g[sp].e <= ts))
        return 0;
    static const char *const PREPS[] = {"by", "from", "of", NULL};
    int g = owner_group(r, where, we, 0, PREPS);
    /* "the claims put forward by Greek officials" */
    for (long i = we; g < 0 && i < we + 4 && i < ts; i++)
        if (is_word(r, i, "by"))
            g = group_at(r, cue_at(r, i + 1, CUE_DET) ? i + 2 : i + 1);
    src->n = tgt->n = 0;
    cs_union(src, &r->g[sp].codes);
    if (g >= 0 && g != sp)
        cs_union(tgt, &r->g[g].codes);
    cs_minus(tgt, src);
    return src->n > 0;
}

/* "pledged", "promised", "vowed", "committed": a promise made */
static int pledge_word(const rd *r, long i)
{
    static const char *const W[] = {"pledged", "pledges", "promised", "promises", "vowed", "vows", "committed",
                                    "commits"};
    return WORD_IN(r, i, W);
}

static int do_trigger(rd *r, const lx_match *m, const lx_trigger *tr, int nested_denied)
{
    long ts = (long)m->s, te = (long)m->e;
    long where = -1;
    int selfsuff = tr->form == FORM_NOUN &&
                   (tr->type == CASUS_EV_MILITARY_EXERCISE || tr->type == CASUS_EV_INTELLIGENCE_SHARING ||
                    tr->type == CASUS_EV_MISSILE_TEST || tr->type == CASUS_EV_SANCTIONS ||
                    /* a claim called untrue looks for its claim itself */
                    (tr->subj_speaker && tr->type == CASUS_EV_DENY_ACCUSATION));
    if (!need_near(r, ts, te, tr->needs, &where) && !selfsuff)
        return 0;
    /* "Sweden's accession to NATO", "an obstacle to its entry into the
     * alliance": a joining named by a noun is an event only when a verb
     * carries it out ("completed its accession") */
    if (tr->form == FORM_NOUN && tr->type == CASUS_EV_ALLIANCE_JOINED) {
        int light = 0;
        for (long i = ts - 1; i >= 0 && i >= ts - 4 && !light; i--)
            light = cue_at(r, i, CUE_LIGHT) != 0;
        if (!light)
            return 0;
    }
    /* "a US aid package remains stalled in Congress": a noun whose event is held up */
    if (tr->form == FORM_NOUN)
        for (long i = te; (size_t)i < r->nt && i < te + 4; i++)
            if (cue_starts(r, i, CUE_STALLED))
                return 0;
    /* "an early-warning aircraft", "real-time warning data": a warning
     * inside a compound word or naming equipment */
    static const char *const GEAR[] = {"data", "system", "systems", "radar", "radars", "aircraft", "plane",
                                       "planes", "satellite", "satellites", "centre", "center", "network"};
    if (tr->type == CASUS_EV_WARN && (tr->form == FORM_NOUN || tr->form == FORM_ING) &&
        ((r->t[ts].fl & TF_HYPH) || WORD_IN(r, te, GEAR)))
        return 0;
    /* "surface-to-ship missiles", "ship-to-shore": a verb inside a hyphenated word */
    if (tr->form != FORM_NOUN && ((r->t[ts].fl & TF_HYPH) || ((size_t)te < r->nt && (r->t[te].fl & TF_HYPH))))
        return 0;
    /* the object of a verb for the same event: "held joint air drills",
     * "adopted new sanctions against" */
    if (tr->form == FORM_NOUN && r->vsent == r->sentno && r->vtype == tr->type && r->vend <= ts &&
        r->vend >= ts - 5) {
        int sep = 0;
        for (long i = r->vend; i < ts && !sep; i++) {
            int g = group_at(r, i); /* a possessive is no separator: "reaffirmed America's ironclad commitment" */
            sep = is_boundary(r, i) || is_punct(r, i, ',') || (g >= 0 && !(r->t[r->g[g].e - 1].fl & TF_POSS));
        }
        if (!sep)
            return 0;
    }
    if (negated_before(r, ts) || negated_after(r, te) || is_question(r))
        return 0;
    if (fired_at(r, tr, te) || (!strcmp(tr->lemma, "carry") && !carried_to(r, te)))
        return 0;
    /* "called on Russia to end its illegal war", "called for": an appeal */
    if (tr->needs == NEED_BLAME && (is_word(r, te, "on") || is_word(r, te, "upon") || is_word(r, te, "for") ||
                                    is_word(r, te, "in") || is_word(r, te, "off")))
        return 0;
    /* "condemned what it called Israel's exploitation": the naming
     * belongs to the verb before */
    if (tr->needs == NEED_BLAME && tr->form != FORM_NOUN)
        for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
            if (is_word(r, i, "what") || is_word(r, i, "which"))
                return 0;
    /* "ordered the carrier strike group to the Caribbean", "shifted 1,500
     * soldiers to Niger", "troops landed in Dili": a move with a
     * destination (not "ordered troops to withdraw") */
    if (tr->type == CASUS_EV_TROOPS_DEPLOYED && tr->form != FORM_NOUN &&
        (!strcmp(tr->lemma, "order") || !strcmp(tr->lemma, "shift") || !strcmp(tr->lemma, "rotate")) &&
        !carried_to(r, te))
        return 0;
    if (tr->type == CASUS_EV_TROOPS_DEPLOYED && tr->form != FORM_NOUN && !strcmp(tr->lemma, "land") &&
        !((is_word(r, te, "in") || is_word(r, te, "on") || is_word(r, te, "at")) && names_place(r, te + 1)))
        return 0;
    /* "the law revoking Russia's ratification", "suspended its
     * deployment": a noun undone by the verb it is the object of */
    if (tr->form == FORM_NOUN && tr->type != CASUS_EV_TREATY_WITHDRAWN)
        for (long i = ts - 1; i >= 0 && i >= ts - 5; i--) {
            if (group_at(r, i) >= 0 || cue_at(r, i, CUE_DET))
                continue;
            if (cue_at(r, i, CUE_UNDO))
                return 0;
            break;
        }
    /* "held no joint patrol", "sent no troops": the needed object is negated */
    static const char *const NOT[] = {"no", "neither", "never", "not"};
    for (long i = te; i < where; i++)
        if (WORD_IN(r, i, NOT) && !is_word(r, i + 1, "only"))
            return 0;
    /* "a sign of", "North Korea's dispatch of troops": a verb form after a
     * determiner or a possessive is a noun */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 &&
        ((cue_at(r, ts - 1, CUE_DET) && !is_word(r, ts - 1, "both") && !is_word(r, ts - 1, "all")) ||
         (r->t[ts - 1].fl & TF_POSS)))
        return 0;
    /* "Putin signed the law ratifying the pact", "signed a decree on":
     * the signing of a domestic act is no treaty's signature */
    if (tr->type == CASUS_EV_TREATY_SIGNED && tr->form != FORM_NOUN)
        for (long i = te; (size_t)i < r->nt && i < te + 4; i++) {
            if (is_word(r, i, "off") || /* "signs off on": approves */
                is_word(r, i, "law") || is_word(r, i, "laws") || is_word(r, i, "bill") || is_word(r, i, "decree") ||
                is_word(r, i, "legislation") || is_word(r, i, "instrument") || is_word(r, i, "instruments"))
                return 0;
            if (r->t[i].kind == TK_PUNCT || cue_at(r, i, CUE_TREATY))
                break;
        }
    /* "warned over drills near Taiwan": after a preposition, a noun */
    if (tr->form == FORM_S && ts > 0 && cue_at(r, ts - 1, CUE_PREP) && !is_word(r, ts - 1, "to"))
        return 0;
    /* "13 navy ships", "Chinese aircraft and navy ships operated": the
     * vessels, not the verb */
    static const char *const SHIPNOUN[] = {"navy", "naval", "war", "cargo", "merchant", "container", "coast",
                                           "guard", "government", "official", "research", "survey", "patrol",
                                           "supply", "escort", "warships", "other", "two", "three", "four"};
    if ((tr->form == FORM_S || tr->form == FORM_BASE) && !strcmp(tr->lemma, "ship") && ts > 0 &&
        (WORD_IN(r, ts - 1, SHIPNOUN) || r->t[ts - 1].kind == TK_NUM || r->t[ts - 1].kind == TK_PUNCT))
        return 0;
    /* "could be sent to Latvia to join the forces there": an infinitive of
     * purpose after a verb for the same event adds no event */
    if (tr->form == FORM_BASE && is_word(r, ts - 1, "to")) {
        for (long i = ts - 2; i >= 0 && i >= ts - 14 && !is_boundary(r, i); i--) {
            int types[8];
            int n = verb_tok(r, i) ? event_types_at(r, i, types, 8) : 0;
            for (int u = 0; u < n; u++)
                if (r->lx->triggers[types[u]].type == tr->type)
                    return 0;
        }
    }
    /* "urged the Security Council to impose sanctions": someone is asked to act */
    if (tr->form == FORM_BASE && is_word(r, ts - 1, "to"))
        for (long i = ts - 2; i >= 0 && i >= ts - 10 && !is_boundary(r, i); i--)
            if (cue_at(r, i, CUE_EXHORT))
                return 0;
    /* "to revive terminated Security Council resolutions": a participle
     * between an infinitive and its object is an adjective */
    if ((tr->form == FORM_PAST || tr->form == FORM_PASTPART) && ts > 1 && is_word(r, ts - 2, "to") &&
        r->t[ts - 1].kind == TK_WORD && !at(r, ts - 1) && !(r->t[ts - 1].fl & TF_CAP) && (size_t)te < r->nt &&
        r->t[te].kind == TK_WORD && !cue_at(r, te, CUE_DET) && !cue_at(r, te, CUE_PREP) &&
        ((r->t[te].fl & TF_CAP) || !at(r, te)))
        return 0;
    /* "held drills": a verb form right after a verb is a noun */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 && verb_tok(r, ts - 1))
        return 0;
    /* "by 188 votes to six": a verb form after a number is a noun, and so
     * is one after a number and an adjective ("four official
     * ships") */
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 0 && r->t[ts - 1].kind == TK_NUM)
        return 0;
    if ((tr->form == FORM_BASE || tr->form == FORM_S) && ts > 1 && r->t[ts - 1].kind == TK_WORD &&
        !at(r, ts - 1) && !(r->t[ts - 1].fl & TF_CAP) &&
        (r->t[ts - 2].kind == TK_NUM || cue_at(r, ts - 2, CUE_NUMBER)))
        return 0;
    /* "against supplying", "from sending": not an event */
    if (tr->form == FORM_ING && (is_word(r, ts - 1, "against") || is_word(r, ts - 1, "from")))
        return 0;
    /* a conditional clause earlier in the sentence; not one the warning
     * quotes ("If Ukraine struck Russian territory, he warned, the response
     * would be serious") */
    int quoting = tr->type == CASUS_EV_WARN && tr->form != FORM_NOUN && is_punct(r, te, ',') && ts >= 2 &&
                  (is_punct(r, ts - 2, ',') || (ts >= 3 && is_punct(r, ts - 3, ',')));
    for (long i = 0; i < ts && !quoting; i++) {
        if (is_punct(r, i, ';'))
            break;
        if (cue_starts(r, i, CUE_COND)) {
            /* "should" only opens a clause */
            if (is_word(r, i, "should") && i > 0 && !is_punct(r, i - 1, ','))
                continue;
            return 0;
        }
    }
    rev x;
    memset(&x, 0, sizeof x);
    x.type = tr->type;
    x.mod = CASUS_MOD_ACTUAL;
    x.d.treaty_ref = -1;
    x.d.count = -1;
    x.d.quantity = -1;
    x.ent = -1;
    /* hypothetical "would", planned, possible */
    int threat_now = tr->type == CASUS_EV_WARN && (tr->form == FORM_NOUN || tr->subj_speaker ||
                                                   (strcmp(tr->lemma, "warn") && strcmp(tr->lemma, "caution")));
    for (long i = ts - 1; i >= 0 && i >= ts - 6; i--) {
        if (is_boundary(r, i))
            break;
        if (cue_starts(r, i, CUE_WOULD)) {
            int said = 0;
            for (long j = i - 1; j >= 0 && j >= i - 6; j--)
                if (cue_at(r, j, CUE_SAY))
                    said = 1;
            if (!said)
                return 0;
            /* "said it would take appropriate measures", "will respond
             * firmly": the threat is made now; what it threatens is to come */
            if (!threat_now)
                x.mod = CASUS_MOD_PLANNED;
        }
        if (cue_at(r, i, CUE_POSSIBLE) && !(is_word(r, i, "may") && r->t[i].fl & TF_CAP))
            x.mod = CASUS_MOD_POSSIBLE;
        else if (cue_at(r, i, CUE_PLANNED) && x.mod == CASUS_MOD_ACTUAL && !threat_now &&
                 !(tr->type == CASUS_EV_TREATY_WITHDRAWN && (is_word(r, (long)at(r, i)->s, "decided") ||
                                                             is_word(r, (long)at(r, i)->s, "decides"))) &&
                 !((tr->type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE || tr->type == CASUS_EV_AID_PLEDGED) &&
                   (cue_at(r, i, CUE_SAY) || pledge_word(r, (long)at(r, i)->s)) && !is_word(r, i, "will")))
            x.mod = CASUS_MOD_PLANNED; /* "pledged to come to the aid of", "pledged to keep up military
                                          support": the pledge is made */
    }
    /* "the strategic exercise planned for September", "drills scheduled
     * for next month": a participle after the noun */
    if (tr->form == FORM_NOUN && x.mod == CASUS_MOD_ACTUAL)
        for (long i = te; (size_t)i + 1 < r->nt && i <= te + 1; i++)
            if ((is_word(r, i, "planned") || is_word(r, i, "scheduled") || is_word(r, i, "slated") ||
                 is_word(r, i, "set")) && (is_word(r, i + 1, "for") || is_word(r, i + 1, "to")))
                x.mod = CASUS_MOD_PLANNED;
    /* "Russia could in turn send weapons to North Korea if Western
     * countries kept arming Ukraine": a possible or planned event on a
     * condition that follows it is a hypothetical. Threats and defence
     * pledges are conditional by nature and stay. */
    if (x.mod != CASUS_MOD_ACTUAL && tr->type != CASUS_EV_WARN && tr->type != CASUS_EV_MUTUAL_DEFENSE_PLEDGE)
        for (long i = te; (size_t)i < r->nt && !is_punct(r, i, ';'); i++)
            if (is_word(r, i, "if") || is_word(r, i, "unless"))
                return 0;
    /* hedges: before the trigger, or "according to" anywhere */
    for (long i = 0; (size_t)i < r->nt; i++)
        if (cue_starts(r, i, CUE_HEDGE) && (i < ts || is_word(r, i, "according"))) {
            x.hedged = 1;
            break;
        }
    /* voice */
    int passive = 0;
    if (tr->form == FORM_PASTPART || tr->form == FORM_PART) {
        long j = te;
        /* "blamed militias backed by Tehran": "by" after another
         * participle is that one's agent */
        while ((size_t)j < r->nt && r->t[j].kind == TK_WORD && !at(r, j) && j < te + 2 &&
               !(r->t[j].e - r->t[j].s > 3 && r->text[r->t[j].e - 2] == 'e' && r->text[r->t[j].e - 1] == 'd'))
            j++;
        if (is_word(r, j, "by"))
            passive = 1;
        for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
            if (cue_at(r, i, CUE_BE))
                passive = 1;
        /* "troops deployed in", "This treaty, signed by Putin": a
         * participle after its noun; not a verb with its object after a
         * parenthetical ("Maduro, speaking on state television, denounced
         * the deployment", "The minister, Maxime Prevot, denounced a
         * decision") */
        if (ts > 0 && (cue_at(r, ts - 1, CUE_TROOPS) || cue_at(r, ts - 1, CUE_TREATY)))
            passive = 1;
        else if (is_punct(r, ts - 1, ',')) {
            int g = group_at(r, te);
            int object = !date_at(r, te) && ((cue_at(r, te, CUE_DET) && !is_word(r, te, "that")) ||
                                              (g >= 0 && r->g[g].prep < 0 && (long)r->g[g].s == te));
            if (!object)
                passive = 1;
        }
    }
    if (treaty_content(r, ts, tr))
        return 0;
    /* "Beijing's warships gave pilots barely any warning": the arms are
     * the subject of an active verb, not what it hands over */
    if (tr->type == CASUS_EV_ARMS_TRANSFERRED && tr->form == FORM_PAST && !passive && !tr->subj_target &&
        where >= 0 && where < ts && at(r, where) && (long)at(r, where)->e == ts)
        return 0;
    /* "which under its rules takes a year to take effect": a rule, no event */
    if (tr->type == CASUS_EV_TREATY_IN_FORCE && is_word(r, ts - 1, "to"))
        for (long i = ts - 2; i >= 0 && i >= ts - 6; i--)
            if (is_word(r, i, "takes") || is_word(r, i, "take") || is_word(r, i, "took") || is_word(r, i, "needs"))
                return 0;
    /* "no agreement on arms supplies had been signed": a subject with "no" */
    int be = 0;
    for (long i = ts - 1; i >= 0 && i >= ts - 3; i--)
        be |= cue_at(r, i, CUE_BE) != 0;
    for (long i = ts - 1; (passive || be) && i >= 0 && i >= ts - 10; i--) {
        if (is_boundary(r, i) || is_punct(r, i, ',') || cue_at(r, i, CUE_SAY))
            break;
        if (is_word(r, i, "no"))
            return 0;
    }
    int subj_treaty = 0;
    const char *body = NULL;
    int subj = -1;
    roles(r, tr, ts, te, passive, &x.src, &x.tgt, &subj_treaty, &x.fuzzy, &body, &subj);
    int said_untrue = tr->subj_speaker && tr->type == CASUS_EV_DENY_ACCUSATION;
    if (said_untrue && !predicate_denial(r, ts, &x.src, &x.tgt))
        return 0;
    if (said_untrue) /* "Russian claims that ... are false": the claim is hedged, not the denial */
        x.hedged = 0;
    /* "Any Indian misadventure will be met with a swift response, the army
     * said": the speaker threatens; a name modifying the subject, not
     * after a preposition, is the one threatened */
    if (tr->subj_speaker && !said_untrue) {
        int sp = speaker_group(r);
        if (sp >= 0) {
            x.src = r->g[sp].codes;
            x.tgt.n = 0;
            for (size_t g = 0; g < r->ng; g++)
                if ((long)g != sp && (long)r->g[g].e <= ts && r->g[g].prep < 0 && !r->g[g].people &&
                    ((long)r->g[sp].e <= (long)r->g[g].s || (long)r->g[sp].s >= ts) && r->am[r->g[g].last].actor &&
                    (r->am[r->g[g].last].actor->kind == AK_DEMONYM || (r->t[r->g[g].e - 1].fl & TF_POSS)))
                    cs_union(&x.tgt, &r->g[g].codes);
            cs_minus(&x.tgt, &x.src);
        }
    }
    /* "neither Paris nor Berlin has committed to sending troops" */
    if (subj >= 0 && (cue_at(r, (long)r->g[subj].s - 1, CUE_NEG) ||
                      (r->g[subj].s >= 2 && cue_at(r, (long)r->g[subj].s - 2, CUE_NEG) &&
                       cue_at(r, (long)r->g[subj].s - 1, CUE_DET))))
        return 0;
    if (nested_denied) {
        if (tr->form == FORM_NOUN)
            return 0; /* "dismissed claims of troop deployment": the denial says it */
        /* "denied that the deal threatens Somalia": a word said by no state
         * is no event, only what the denial is about */
        if ((tr->type == CASUS_EV_WARN || tr->type == CASUS_EV_CONDEMN) && subj < 0)
            return 0;
        x.denied = 1;
    }
    int e = -1;
    cset pairwith = {{0}, 0}, pairsubj = {{0}, 0};
    switch (tr->type) {
    case CASUS_EV_TREATY_SIGNED:
    case CASUS_EV_TREATY_RATIFIED:
    case CASUS_EV_TREATY_IN_FORCE:
    case CASUS_EV_TREATY_WITHDRAWN: {
        /* "left ECOWAS", "to leave the Ottawa Treaty": "leave" only with
         * the treaty or the body as its object (not "left Pyongyang after
         * signing the treaty") */
        if (tr->type == CASUS_EV_TREATY_WITHDRAWN && !strcmp(tr->lemma, "leave")) {
            int obj = 0;
            for (long i = te; !obj && (size_t)i < r->nt && i < te + 5 && !is_boundary(r, i); i++) {
                obj = names_treaty(r, i);
                if (!obj && group_at(r, i) >= 0)
                    break; /* "left Moscow", not "to leave the Ottawa Convention" */
            }
            if (!obj)
                return 0;
        }
        /* "the withdrawal of the United States from the JCPOA": the
         * state after "of" leaves what follows "from" (not "the withdrawal
         * of Russian troops from Armenia") */
        if (!strcmp(tr->lemma, "withdrawal of")) {
            long i = is_word(r, te, "the") ? te + 1 : te;
            int g = group_at(r, i);
            if (g < 0 || (long)r->g[g].s != i || r->g[g].people || !is_word(r, (long)r->g[g].e, "from"))
                return 0;
            int obj = 0;
            for (long j = (long)r->g[g].e + 1; !obj && (size_t)j < r->nt && j < (long)r->g[g].e + 6; j++)
                obj = names_treaty(r, j) || (at(r, j) && group_at(r, j) >= 0 && r->am[r->g[group_at(r, j)].first].org);
            if (!obj)
                return 0;
            x.src = r->g[g].codes;
            cs_minus(&x.tgt, &x.src);
        }
        e = treaty_for(r, ts);
        /* "the JCPOA" names no treaty with parties: not the article's
         * current treaty either */
        if (!strcmp(tr->lemma, "withdrawal of")) {
            int here = 0;
            for (size_t k = 0; k < r->ntm && !here; k++)
                here = r->tment[k] >= 0 && r->tment[k] == e;
            if (!here)
                e = -1;
        }
        ent *en = e >= 0 ? &r->en[e] : NULL;
        /* organisations or treaty nouns are not parties */
        if (tr->type == CASUS_EV_TREATY_RATIFIED) {
            /* a ministry, an agency or the military approves no treaty
             * ("the State Department's approval of the sale") */
            if (subj >= 0)
                for (int a = r->g[subj].first; a <= r->g[subj].last; a++) {
                    const lx_actor *ac = r->am[a].actor;
                    if (ac && ac->kind == AK_BODY && ac->role &&
                        (!strcmp(ac->role, "ministry") || !strcmp(ac->role, "agency") ||
                         !strcmp(ac->role, "military") || !strcmp(ac->role, "media")))
                        return 0;
                }
            /* "voted 66-14 on Thursday to withdraw from", "approved the
             * withdrawal from", "passed a bill on withdrawing from": the
             * vote is the withdrawal, no ratification */
            int as_exit = 0;
            for (long i = te; (size_t)i < r->nt && i < te + 10 && !is_boundary(r, i) && !is_punct(r, i, ','); i++) {
                /* "approved the withdrawal on Friday": the noun is the
                 * vote's object, the vote is the exit */
                if (i <= te + 2 && is_word(r, i, "withdrawal") && !is_word(r, i + 1, "from") &&
                    !is_word(r, i + 1, "of")) {
                    as_exit = 1;
                    break;
                }
                if (trigger_type_at(r, i, CASUS_EV_TREATY_WITHDRAWN, 0))
                    return 0;
                /* "voted to take the country out of the 1997 treaty", "to
                 * pull Lithuania out of the Convention" */
                static const char *const TAKE[] = {"take", "pull", "taking", "pulling"};
                if (is_word(r, i, "to") && WORD_IN(r, i + 1, TAKE))
                    for (long j = i + 2; (size_t)j + 1 < r->nt && j < i + 7 && !as_exit; j++)
                        as_exit = is_word(r, j, "out") && is_word(r, j + 1, "of");
                if (as_exit)
                    break;
            }
            if (as_exit)
                x.type = CASUS_EV_TREATY_WITHDRAWN;
            /* "approved a national nature reserve": a verb that is not
             * "ratify" needs the treaty as its object */
            if (tr->form != FORM_NOUN && !passive && !as_exit && strcmp(tr->lemma, "ratify") &&
                strcmp(tr->lemma, "vote")) {
                int obj = 0;
                for (long i = te; !obj && (size_t)i < r->nt && i < te + 10 && !is_boundary(r, i); i++)
                    obj = names_treaty(r, i) || is_word(r, i, "it") || is_word(r, i, "them") ||
                          cue_at(r, i, CUE_DENYREF);
                if (!obj)
                    return 0;
            }
            x.d.body = body;
            cs_minus(&x.tgt, &x.src);
            if (en && x.src.n) {
                cset t = en->parties;
                cs_minus(&t, &x.src);
                if (t.n)
                    x.tgt = t;
            }
        } else if (tr->type == CASUS_EV_TREATY_SIGNED) {
            if (!x.src.n && en)
                x.src = en->parties;
            cs_union(&x.src, &x.tgt);
            x.tgt.n = 0;
            if (en && en->parties.n < 2 && x.src.n >= 2)
                en->parties = x.src;
            /* "Germany and France signed bilateral security agreements
             * with Ukraine": one signing per pair */
            if (subj >= 0 && r->g[subj].codes.n >= 2 && plural_treaty(r, te)) {
                for (size_t g = 0; g < r->ng; g++)
                    if ((long)r->g[g].s >= te && r->g[g].prep >= 0 && is_word(r, r->g[g].prep, "with") &&
                        !cs_meets(&r->g[g].codes, &r->g[subj].codes)) {
                        pairwith = r->g[g].codes;
                        pairsubj = r->g[subj].codes;
                        break;
                    }
            }
        } else if (tr->type == CASUS_EV_TREATY_IN_FORCE) {
            x.src.n = 0;
            x.tgt.n = 0;
            if (en)
                x.src = en->parties;
        } else {
            if (!x.src.n && en)
                x.src = en->parties;
            cs_minus(&x.tgt, &x.src);
            /* "terminate its defence agreement with France" */
            if (!x.tgt.n)
                for (size_t g = 0; g < r->ng; g++)
                    if ((long)r->g[g].s >= te && (long)r->g[g].s < te + 10 && r->g[g].prep >= 0 &&
                        is_word(r, r->g[g].prep, "with") && !cs_meets(&r->g[g].codes, &x.src)) {
                        x.tgt = r->g[g].codes;
                        break;
                    }
            /* leaving an organisation: the organisation is the target */
            for (size_t a = 0; a < r->nam; a++)
                if (r->am[a].org && (long)r->am[a].s >= te && (long)r->am[a].s < te + 8) {
                    x.tgt.n = 0;
                    cs_add(&x.tgt, r->am[a].code);
                    en = NULL;
                    x.ent = e = -1;
                    break;
                }
            if (en) {
                cset t = en->parties;
                cs_minus(&t, &x.src);
                if (t.n)
                    x.tgt = t;
            }
            /* "Finland's Eduskunta voted to leave the Ottawa Convention" */
            if (body && tr->form != FORM_NOUN)
                x.d.body = body;
        }
        x.ent = e;
        break;
    }
    case CASUS_EV_CONDEMN:
    case CASUS_EV_WARN:
        /* "Putin signed a law denouncing the Plutonium Management and
         * Disposition Agreement with the United States", "Russia denounced
         * its treaty with": a party that denounces its own treaty, named
         * or its own, leaves it; "Seoul denounced the treaty" between
         * others condemns it */
        if (tr->form != FORM_NOUN && !strcmp(tr->lemma, "denounce"))
            for (size_t k = 0; k < r->ntm && x.type == CASUS_EV_CONDEMN; k++) {
                const lx_match *tm = &r->sel[r->tm[k]];
                if ((long)tm->s < te || (long)tm->s >= te + 8 || r->tment[k] < 0)
                    continue;
                int own = 0, with = 0;
                for (long i = te; i < (long)tm->e && !own; i++)
                    own = is_word(r, i, "its") || is_word(r, i, "their") ||
                          ((r->t[i].fl & TF_CAP) && group_at(r, i) < 0);
                for (size_t g = 0; g < r->ng && !with; g++)
                    with = r->g[g].s >= tm->e && (long)r->g[g].s < (long)tm->e + 6 && r->g[g].prep >= 0 &&
                           is_word(r, r->g[g].prep, "with") && !cs_meets(&r->g[g].codes, &x.src);
                /* "denounced the 2013 Franco-Algerian agreement" (a party),
                 * "denounced the 2013 agreement with France" (no other
                 * party before the treaty noun) */
                int nogroup = 1;
                for (long i = te; i < (long)tm->s && nogroup; i++)
                    nogroup = group_at(r, i) < 0;
                if (!cs_meets(&r->en[r->tment[k]].parties, &x.src) && !(with && (own || nogroup)))
                    continue;
                /* "denounced the memorandum as null and void": a judgment */
                int as = 0;
                for (long i = (long)tm->e; (size_t)i < r->nt && i < (long)tm->e + 4 && !as; i++)
                    as = is_word(r, i, "as");
                if (as)
                    continue;
                x.type = CASUS_EV_TREATY_WITHDRAWN;
                x.ent = e = r->tment[k];
                cset t = r->en[e].parties;
                cs_minus(&t, &x.src);
                if (t.n)
                    x.tgt = t;
            }
        if (x.type == CASUS_EV_TREATY_WITHDRAWN)
            break;
        /* "condemned the attack on Qatar", "the violation of Polish
         * airspace": the place struck is no target; the striker is */
        if (tr->type == CASUS_EV_CONDEMN)
            attack_victim(r, te, &x.tgt);
        cs_minus(&x.tgt, &x.src);
        if (!x.tgt.n) {
            /* condemning a treaty condemns its parties */
            for (size_t k = 0; k < r->ntm; k++) {
                long s = (long)r->sel[r->tm[k]].s;
                if (s >= te && s < te + 8 && r->tment[k] >= 0) {
                    x.tgt = r->en[r->tment[k]].parties;
                    x.ent = r->tment[k];
                    /* a deal with no state on the other side ("with the
                     * breakaway region of Somaliland"): its signers */
                    for (size_t q = r->nev; !x.tgt.n && q-- > 0 && q + 200 > r->nev;)
                        if (r->ev[q].type == CASUS_EV_TREATY_SIGNED && r->ev[q].ent == x.ent)
                            x.tgt = r->ev[q].src;
                    break;
                }
            }
        }
        /* "X held drills, a move Caracas denounced": what is condemned is
         * the sentence's earlier event, so its sources are the target */
        /* "summoned Russia's chargé and handed him a note of protest": the
         * same actor goes on against the same target */
        if (!x.tgt.n && r->nev && r->ev[r->nev - 1].sent == r->sentno && cs_eq(&r->ev[r->nev - 1].src, &x.src) &&
            r->ev[r->nev - 1].tgt.n)
            x.tgt = r->ev[r->nev - 1].tgt;
        if (!x.tgt.n && tr->type == CASUS_EV_CONDEMN && r->nev && r->ev[r->nev - 1].sent == r->sentno &&
            r->ev[r->nev - 1].type != CASUS_EV_CONDEMN && r->ev[r->nev - 1].type != CASUS_EV_DENY_ACCUSATION)
            x.tgt = r->ev[r->nev - 1].src;
        /* "accusing the regional bloc of": the alliance last named */
        if (!x.tgt.n && org_ref(r, te) && !cs_has(&x.src, org_ref(r, te)))
            cs_add(&x.tgt, org_ref(r, te));
        /* "criticised the sanctions", "condemned the launch": the object
         * names an earlier event, whose sources are the target */
        if (!x.tgt.n)
            event_ref(r, te, &x.src, &x.tgt);
        if (!x.tgt.n && tr->type == CASUS_EV_CONDEMN)
            attack_ref(r, te, &x.src, &x.tgt);
        cs_minus(&x.tgt, &x.src);
        /* "Estonia condemns this violation": with no target named, the
         * target of the same actor's last word or summons in the two
         * sentences before */
        for (size_t q = r->nev; !x.tgt.n && q-- > 0 && r->ev[q].sent >= r->sentno - 2;) {
            const rev *pv = &r->ev[q];
            if ((pv->type == CASUS_EV_CONDEMN || pv->type == CASUS_EV_WARN || pv->type == CASUS_EV_SUMMON_AMBASSADOR ||
                 pv->type == CASUS_EV_SANCTIONS) && cs_eq(&pv->src, &x.src) && pv->tgt.n)
                x.tgt = pv->tgt;
        }
        break;
    case CASUS_EV_MUTUAL_DEFENSE_PLEDGE:
        /* "the three governments signed the Charter, under which an attack
         * on one member is considered an attack on all": the signers */
        for (size_t q = r->nev; !x.src.n && tr->form == FORM_NOUN && q-- > 0 && r->ev[q].sent == r->sentno;)
            if (r->ev[q].type == CASUS_EV_TREATY_SIGNED)
                x.src = r->ev[q].src;
        /* "Saudi Arabia and Pakistan pledged that aggression against either
         * would be treated as aggression against both": a clause told as a
         * noun is pledged by the subject of the sentence */
        if (!x.src.n && m->p == CLAUSE_MATCH && r->ng && r->g[0].prep < 0 && r->g[0].s <= 3 && (long)r->g[0].e <= ts)
            x.src = r->g[0].codes;
        if (subj_treaty || !x.src.n) {
            int q = treaty_for(r, ts);
            if (q >= 0) {
                x.src = r->en[q].parties;
                x.ent = q;
            }
        }
        if (tr->needs == NEED_PLEDGE) {
            /* "reaffirmed America's ironclad commitment to the security of
             * Israel", "reaffirmed that Article IV of the U.S.-Philippines
             * treaty extends to": the defended state follows the commitment */
            cs_minus(&x.tgt, &x.src);
            for (long i = where; !x.tgt.n && i >= 0 && (size_t)i < r->nt && i < where + 14 &&
                                 !(i > where && is_boundary(r, i)); i++) {
                int g = group_at(r, i);
                if (g >= 0) {
                    x.tgt = r->g[g].codes;
                    cs_minus(&x.tgt, &x.src);
                }
            }
            if (!x.tgt.n && x.ent >= 0) {
                x.tgt = r->en[x.ent].parties;
                cs_minus(&x.tgt, &x.src);
            }
            if (x.tgt.n)
                break;
        }
        /* "Germany will defend every inch of allied territory, and that
         * includes Vilnius": the defended state later in the sentence */
        cs_minus(&x.tgt, &x.src);
        for (size_t g = 0; !x.tgt.n && !strstr(tr->lemma, "mutual") && x.ent < 0 && g < r->ng; g++)
            if ((long)r->g[g].s >= te) {
                x.tgt = r->g[g].codes;
                cs_minus(&x.tgt, &x.src);
            }
        if (!x.tgt.n || strstr(tr->lemma, "mutual") || x.ent >= 0)
            x.tgt = x.src;
        /* "will defend": the pledge is made now */
        if (x.mod == CASUS_MOD_PLANNED)
            x.mod = CASUS_MOD_ACTUAL;
        break;
    case CASUS_EV_TROOPS_DEPLOYED: {
        long w = where;
        if (w >= 0) {
            /* the troops' owner: "North Korean troops", "Pyongyang's soldiers" */
            long j = (long)at(r, w)->s - 1;
            while (j >= 0 && r->t[j].kind == TK_WORD && !at(r, j) && j >= (long)at(r, w)->s - 2)
                j--;
            int g = group_at(r, j);
            if (g >= 0 && r->g[g].prep < 0 && (passive || !x.src.n || tr->form == FORM_NOUN)) {
                x.src = r->g[g].codes;
                cs_minus(&x.tgt, &x.src);
            } else if (g >= 0 && is_word(r, r->g[g].prep, "of") && tr->form == FORM_NOUN) {
                x.src = r->g[g].codes;
                cs_minus(&x.tgt, &x.src);
            }
            const char *item = NULL;
            if (cue_at(r, w, CUE_TROOPS)) /* ships have no troop count */
                item_and_qty(r, w, CUE_TROOPS, &item, &x.d.count, &x.d.count_text, &x.d.approx);
        }
        const casus_place *pl = place_of(r, ts, &x.d);
        cs_minus(&x.tgt, &x.src);
        /* "North Korean troops deployed to the Kursk region": the place's
         * state is the host, unless the sender holds it */
        if (!x.tgt.n && pl && pl->sovereign && !cs_has(&x.src, pl->sovereign->iso3) &&
            !(pl->admin && cs_has(&x.src, pl->admin->iso3)))
            cs_add(&x.tgt, pl->sovereign->iso3);
        break;
    }
    case CASUS_EV_ARMS_TRANSFERRED:
        for (long i = where; i >= 0 && (size_t)i < r->nt && i < te + 14; i++) {
            if (is_boundary(r, i))
                break;
            if (cue_starts(r, i, CUE_ARMS)) {
                long f;
                int ap;
                long ni = i - 1;
                while (ni >= 0 && r->t[ni].kind == TK_WORD && !at(r, ni) && ni >= i - 2)
                    ni--;
                if (number_before(r, ni, &f, &ap) >= 0 || cue_at(r, i - 1, CUE_MULT)) {
                    where = i;
                    break;
                }
            }
        }
        if (where >= 0)
            item_and_qty(r, where, CUE_ARMS, &x.d.item, &x.d.quantity, &x.d.quantity_text, &x.d.approx);
        if (tr->form == FORM_NOUN && !x.src.n) {
            /* "Russian technology transfers": an actor adjective */
            int g = group_at(r, ts - 1);
            if (g < 0 && where >= 0)
                g = group_at(r, (at(r, where) ? (long)at(r, where)->s : where) - 1);
            if (g >= 0)
                x.src = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_AID_PLEDGED:
        if (where >= 0) {
            int ap = 0;
            item_and_qty(r, where, CUE_AID, &x.d.item, NULL, NULL, &ap);
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_MISSILE_TEST:
        if (where >= 0) {
            int ap = 0;
            item_and_qty(r, where, CUE_MISSILE, &x.d.item, NULL, NULL, &ap);
        }
        x.tgt.n = 0;
        break;
    case CASUS_EV_MILITARY_EXERCISE:
    case CASUS_EV_INTELLIGENCE_SHARING:
        /* joint: the partners are co-sources ("with", "and"); an object
         * ("near Guyana", "the arrival of a British ship") takes no part */
        if (!x.src.n)
            cs_union(&x.src, &x.tgt);
        x.tgt.n = 0;
        break;
    case CASUS_EV_ALLIANCE_JOINED:
        x.tgt.n = 0;
        if (org_ref(r, te))
            cs_add(&x.tgt, org_ref(r, te));
        for (size_t a = 0; a < r->nam && !x.tgt.n; a++)
            if (r->am[a].org && (long)r->am[a].s >= te) {
                cs_add(&x.tgt, r->am[a].code);
                break;
            }
        cs_minus(&x.src, &x.tgt);
        break;
    case CASUS_EV_SUMMON_AMBASSADOR:
        if (where >= 0) {
            /* "Russia's ambassador", "the Ambassador of the United Kingdom" */
            static const char *const PREPS[] = {"of", "from", "to", NULL};
            int g = owner_group(r, (long)at(r, where)->s, (long)at(r, where)->e, te, PREPS);
            if (g >= 0)
                x.tgt = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        break;
    case CASUS_EV_DENY_ACCUSATION: {
        /* what is denied: a trigger after the verb, or an earlier claim */
        int types[8];
        for (long i = te; (size_t)i < r->nt && i < te + 10; i++) {
            int n = event_types_at(r, i, types, 8);
            for (int k = 0; k < n; k++) {
                const lx_trigger *t2 = &r->lx->triggers[types[k]];
                if (t2->type == CASUS_EV_DENY_ACCUSATION || t2->type == CASUS_EV_CONDEMN)
                    continue;
                long w2;
                if (!need_near(r, i, (long)at(r, i)->e, t2->needs, &w2))
                    continue;
                x.d.denies = casus_evtype_name(t2->type);
                break;
            }
            if (x.d.denies)
                break;
        }
        /* the accuser: "the Polish accusations", "Seoul's claims",
         * "accusations by Washington"; else the last accusation (below) */
        if (!said_untrue)
            x.tgt.n = 0;
        for (long i = te; (size_t)i < r->nt && i < te + 10 && !x.tgt.n && !said_untrue; i++) {
            if (is_boundary(r, i) || is_punct(r, i, ';'))
                break;
            if (!cue_starts(r, i, CUE_CLAIM) && !cue_starts(r, i, CUE_DENYREF)) /* "the accusations of Kinshasa" */
                continue;
            static const char *const PREPS[] = {"by", "from", "of", NULL};
            int g = owner_group(r, i, (long)at(r, i)->e, te, PREPS);
            if (g >= 0)
                x.tgt = r->g[g].codes;
        }
        cs_minus(&x.tgt, &x.src);
        if (GROW(r->dn, r->ndn, r->dncap))
            return -1;
        struct denial *dn = &r->dn[r->ndn++];
        dn->who = x.src;
        dn->any = !x.d.denies;
        casus_evtype_parse(x.d.denies ? x.d.denies : "condemn", &dn->type, NULL);
        dn->sent = r->sentno;
        break;
    }
    case CASUS_EV_SANCTIONS:
        cs_minus(&x.tgt, &x.src);
        if (tr->needs == NEED_TRADE) {
            /* "put 20 American companies under sanctions, freezing any
             * assets": a participle restates the measure */
            if (tr->form == FORM_ING)
                return 0;
            /* "any assets he holds are frozen": a passive with no agent
             * tells the measure's effect, not who took it */
            int agent = 0;
            for (long i = te; passive && (size_t)i < r->nt && i < te + 4 && !agent; i++)
                agent = is_word(r, i, "by");
            if (passive && !agent)
                return 0;
            /* "banned imports of Russian steel": a state named in the
             * object; "closed its airspace to civilian flights" stops no
             * state's trade */
            for (size_t g = 0; g < r->ng && !x.tgt.n; g++)
                if ((long)r->g[g].s >= te && (long)r->g[g].s < te + 8 && !cs_meets(&r->g[g].codes, &x.src))
                    x.tgt = r->g[g].codes;
            if (!x.tgt.n)
                return 0;
        }
        break;
    default:
        break;
    }
    /* "the treaty entered into force on 5 March 1970": a treaty whose
     * parties the article does not name still takes effect */
    if (!x.src.n && !(x.type == CASUS_EV_TREATY_IN_FORCE && r->ntm && tr->form != FORM_NOUN && !r->heading &&
                      r->ndm))
        return 0;
    /* "commits each side to provide immediate military assistance with all
     * means at its disposal if the other is attacked", "will send troops in
     * the event of an armed attack": help promised against an attack is a
     * defence pledge, made now */
    if ((x.type == CASUS_EV_ARMS_TRANSFERRED || x.type == CASUS_EV_AID_PLEDGED ||
         x.type == CASUS_EV_TROOPS_DEPLOYED) &&
        x.mod != CASUS_MOD_POSSIBLE && attack_condition(r, te)) {
        x.type = CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        x.mod = CASUS_MOD_ACTUAL;
        x.d.item = x.d.count_text = x.d.quantity_text = NULL;
        x.d.count = x.d.quantity = -1;
        x.d.approx = 0;
        x.d.place = x.d.place_id = NULL;
    }
    /* "Britain pledged up to £160 million for water, food and schooling",
     * "Estonia imposed sanctions on Ivanishvili": with no recipient named,
     * the recipient of the article's last pledge (sanctions, arms) */
    if (!x.tgt.n &&
        (x.type == CASUS_EV_AID_PLEDGED || x.type == CASUS_EV_SANCTIONS || x.type == CASUS_EV_ARMS_TRANSFERRED))
        for (size_t q = r->nev; !x.tgt.n && q-- > 0;)
            if (!r->ev[q].dead && r->ev[q].type == x.type && r->ev[q].tgt.n && !cs_meets(&r->ev[q].tgt, &x.src)) {
                x.tgt = r->ev[q].tgt;
                break;
            }
    /* date: a date expression in the clause, the nearest to the trigger */
    int pluperf = -1; /* pre_perfect(r, ts), once a date before the trigger asks */
    long bd = LONG_MAX;
    const dmen *bdm = NULL;
    for (size_t k = 0; k < r->ndm; k++) {
        const dmen *dm = &r->dm[k];
        if (dm->treatyyear)
            continue;
        /* "On 18 August 2019, the United States carried out a flight test
         * ..., about which the Russian side had warned for years": a
         * pluperfect in a relative clause after the date is earlier */
        if ((long)dm->e <= ts && pluperf < 0)
            pluperf = pre_perfect(r, ts);
        if ((long)dm->e <= ts && pluperf) {
            int rel = 0;
            for (long i = (long)dm->e + 1; i < ts && !rel; i++)
                rel = is_punct(r, i - 1, ',') && (is_word(r, i, "which") || is_word(r, i, "who") ||
                                                  ((is_word(r, i, "about") || is_word(r, i, "of")) &&
                                                   is_word(r, i + 1, "which")));
            if (rel)
                continue;
        }
        long d = (long)dm->s >= te ? (long)dm->s - te : ts - (long)dm->e;
        /* "kicked off the large-scale joint exercises on March 10": the
         * distance counts from the verb's object naming the same event */
        for (size_t q = 0; q < r->nsel && (long)dm->s >= te; q++) {
            const lx_match *o = &r->sel[q];
            if (o == m || !has_cat(r, o, LX_TRIGGER) || (long)o->s < te || o->e > dm->s ||
                (long)o->s > te + 8 || verb_tok(r, (long)o->s))
                continue;
            int apart = 0;
            for (long i = te; i < (long)o->s && !apart; i++)
                apart = r->t[i].kind == TK_PUNCT && !is_punct(r, i, '"');
            if (apart)
                continue;
            int types[8], nt = event_types_at(r, (long)o->s, types, 8);
            for (int u = 0; u < nt; u++)
                if (r->lx->triggers[types[u]].type == tr->type && (long)dm->s - (long)o->e < d)
                    d = (long)dm->s - (long)o->e;
        }
        /* a date belongs to the trigger nearest to it; "on January 12,
         * when Sunak announced": the when-clause is that day too */
        int mine = 1;
        int when = is_punct(r, (long)dm->e, ',') && is_word(r, (long)dm->e + 1, "when") && ts > (long)dm->e;
        for (size_t q = 0; q < r->nsel && mine && !when; q++) {
            const lx_match *o = &r->sel[q];
            if (o == m || !has_cat(r, o, LX_TRIGGER))
                continue;
            /* "ratified ... by 188 votes ... on February 26": a word for the
             * same event does not take the date away */
            if (!live_trigger(r, (long)o->s) || !can_fire(r, o) || treaty_content(r, (long)o->s, NULL))
                continue; /* "a move": a verb's word used as a noun; "announced": no aid or sanction near;
                             "the agreement on stationing": no event */
            int types[8], same = 0;
            int nt = event_types_at(r, (long)o->s, types, 8);
            for (int u = 0; u < nt; u++)
                same |= r->lx->triggers[types[u]].type == tr->type;
            if (same)
                continue;
            long od = (long)dm->s >= (long)o->e ? (long)dm->s - (long)o->e : (long)o->s - (long)dm->e;
            if ((long)dm->s < (long)o->e && (long)dm->e > (long)o->s)
                continue;
            /* "signed the pact late on Wednesday, declaring that...": a
             * date trails the verb phrase it dates; a trigger past a comma
             * after the date does not take it away */
            if (te <= (long)dm->s && (long)o->s >= (long)dm->e) {
                int apart = 0;
                for (long i = (long)dm->e; i < (long)o->s && !apart; i++)
                    apart = is_punct(r, i, ',');
                /* "accused Iran on Tuesday of sending missiles": the date
                 * is the accusation's, not its complement's */
                long c = (long)dm->e;
                apart |= c < (long)o->s && (is_word(r, c, "of") || is_word(r, c, "that") || is_word(r, c, "to"));
                if (apart)
                    continue;
            }
            /* "On 18 August 2019, barely two weeks after leaving the Treaty,
             * the United States carried out a flight test": a trigger in a
             * clause timed by another event does not take the date */
            if ((long)o->s >= (long)dm->e) {
                static const char *const TIMED[] = {"after", "before", "following", "since", "until"};
                int timed = 0;
                for (long i = (long)dm->e; i < (long)o->s && i < (long)dm->e + 24; i++)
                    if (WORD_IN(r, i, TIMED))
                        timed = 1;
                    else if (r->t[i].kind == TK_PUNCT)
                        timed = 0; /* the clause closed before o */
                if (timed)
                    continue;
            }
            /* "This July, during the Talisman Sabre exercise held by the
             * United States and Australia, the American side launched": a
             * noun after "during" or "amid" is the main clause's time, and
             * shares the date */
            int during = 0;
            for (long i = (long)o->s - 1; i >= 0 && i >= (long)o->s - 5 && !during; i--) {
                if (r->t[i].kind == TK_PUNCT)
                    break;
                during = is_word(r, i, "during") || is_word(r, i, "amid");
            }
            if (during)
                continue;
            /* "the treaty that Putin and Kim signed in Pyongyang on 19 June
             * 2024 commits each side": a verb right after the date that ends
             * a relative clause is the main clause's, undated */
            if (te <= (long)dm->s && (long)o->s == (long)dm->e) {
                int rel = 0;
                for (long i = ts - 1; i >= 0 && i >= ts - 8 && !rel && r->t[i].kind != TK_PUNCT; i--)
                    rel = is_word(r, i, "that") || is_word(r, i, "which") || is_word(r, i, "who");
                if (rel)
                    continue;
            }
            /* "delivered them in July 2019, and the military test-fired":
             * a new clause between a date and a trigger parts them, unless
             * it parts this trigger from the date too */
            /* "voted on Monday to ratify Sweden's accession": a trigger
             * behind another verb after the date is that verb's object */
            if ((long)o->s >= (long)dm->e) {
                int behind = 0;
                for (long i = (long)dm->e; i < (long)o->s && !behind; i++)
                    behind = verb_tok(r, i) && live_trigger(r, i) && !treaty_content(r, i, NULL);
                if (behind)
                    continue;
            }
            int osep = date_sep(r, dm, (long)o->s, (long)o->e), msep = date_sep(r, dm, ts, te);
            if (osep != msep) {
                if (msep)
                    mine = 0;
                continue;
            }
            if (od < d)
                mine = 0;
        }
        if (!mine)
            continue;
        /* "signed on 8 December 1987, entered into force on 1 June 1988":
         * at the same distance, a date past a comma before the trigger
         * yields to one in its own verb phrase */
        d *= 2;
        for (long i = (long)dm->e; i < ts && !(d & 1); i++)
            d |= is_punct(r, i, ',');
        if (d < bd) {
            bd = d;
            bdm = dm;
            x.date = dm->d;
            if (dm->mon)
                x.date = by_tense(r, dm->mon, dm->dom, tr, x.mod,
                                  /* "was deploying"; "launched Baltic Sentry, deploying
                                   * frigates": a participle not after "is" or "are" */
                                  tr->form == FORM_ING && !is_word(r, ts - 1, "is") && !is_word(r, ts - 1, "are") &&
                                      !is_word(r, ts - 1, "am") && !is_word(r, ts - 1, "be"));
        }
    }
    /* "accused Washington on Tuesday of ... and warned Manila": a verb
     * joined by "and" to the sentence's last event, with the same subject,
     * shares its date and is hedged only as much as that event */
    long andv = ts - 1; /* "and handed him a protest note": the light verb's "and" */
    if (tr->form == FORM_NOUN) {
        andv = -1;
        for (long i = ts - 1; i >= 1 && i >= ts - 5 && andv < 0; i--) {
            if (r->t[i].kind == TK_PUNCT)
                break;
            if (cue_at(r, i, CUE_LIGHT) && is_word(r, (long)at(r, i)->s - 1, "and"))
                andv = (long)at(r, i)->s - 1;
        }
    }
    if (andv >= 0 && is_word(r, andv, "and") && r->nev) {
        const rev *pv = &r->ev[r->nev - 1];
        if (pv->sent == r->sentno && cs_eq(&pv->src, &x.src)) {
            if (!x.date.precision)
                x.date = pv->date;
            x.hedged = pv->hedged;
        }
    }
    /* "summoned the ambassador on Wednesday to protest": an infinitive of
     * purpose is done when the act it serves is */
    if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL && tr->form == FORM_BASE && is_word(r, ts - 1, "to") &&
        r->nev) {
        const rev *pv = &r->ev[r->nev - 1];
        int apart = pv->sent != r->sentno || pv->dead || pv->tok >= ts || pv->mod != CASUS_MOD_ACTUAL ||
                    !pv->date.precision || !cs_eq(&pv->src, &x.src);
        for (long i = pv->tok + 1; i < ts - 1 && !apart; i++)
            apart = is_boundary(r, i) || is_punct(r, i, ';') || verb_tok(r, i);
        if (!apart)
            x.date = pv->date;
    }
    /* "In March 2022 the Revolutionary Guard fired missiles at the city;
     * Baghdad then summoned the Iranian ambassador": "then" follows on from
     * the sentence's earlier time, in the same month or year (a day named
     * before gives none: "then" may be days later) */
    int then = !x.date.precision && x.mod == CASUS_MOD_ACTUAL &&
               (is_word(r, ts - 1, "then") || (is_word(r, ts + 1, "then") && tr->form != FORM_NOUN));
    if (then) {
        const dmen *pd = NULL;
        for (size_t k = 0; k < r->ndm && (long)r->dm[k].e <= ts; k++)
            if (!r->dm[k].treatyyear && r->dm[k].d.precision)
                pd = &r->dm[k];
        if (!pd)
            then = 0;
        else if (pd->d.precision < 3)
            x.date = pd->d;
    }
    /* a live blog's entry: the day of its heading */
    if (!x.date.precision && r->secdate.precision && x.mod == CASUS_MOD_ACTUAL && !pre_perfect(r, ts) && !then)
        x.date = r->secdate;
    /* "Taipei condemns 'provocation'", "Seoul summons Russian envoy": the
     * reporting present is the article's day */
    if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL &&
        (tr->form == FORM_S || (tr->form == FORM_BASE && r->heading && ts > 0 && !is_word(r, ts - 1, "to"))) &&
        (tr->type != CASUS_EV_MUTUAL_DEFENSE_PLEDGE || r->heading) && reporting_present(r, ts))
        x.present = 1; /* dated once restatements have been merged */
    /* "Maduro denounced the deployment", "Guyana rejected the claim": a
     * past told with no time of its own in the body of a report is of the
     * report's day (dated once restatements have been merged); not a
     * perfect ("has deployed", "had warned"), which sets no time */
    else if (!x.date.precision && x.mod == CASUS_MOD_ACTUAL && !r->heading &&
             ((tr->form != FORM_BASE && tr->form != FORM_S) || threat_now))
        x.newsday = then || pre_perfect(r, ts) || (perfect(r, ts) && !speech_act(tr->type)) ||
                            reduced_relative(r, ts, passive) || time_anchor(r)
                        ? -1
                        : 1;
    /* "Venezuela on Saturday denounced..., a day after Trump warned": the
     * clause after the span is that much before the main clause's day (its
     * own date, if it names one, stands) */
    long k0;
    int off;
    long ka = x.mod == CASUS_MOD_ACTUAL ? after_anchor(r, ts, &k0, &off) : -1;
    if (ka >= 0 && !(bdm && (long)bdm->s > ka)) {
        casus_date base;
        memset(&base, 0, sizeof base);
        const rev *main = NULL;
        for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno && !main;)
            if (!r->ev[q].dead && r->ev[q].tok < k0 && r->ev[q].mod == CASUS_MOD_ACTUAL)
                main = &r->ev[q];
        const dmen *mdm = NULL;
        for (size_t k = 0; k < r->ndm; k++)
            if (!r->dm[k].treatyyear && (long)r->dm[k].e <= k0 && r->dm[k].d.precision == 3 &&
                !is_word(r, (long)r->dm[k].s - 1, "the")) /* "the Sept. 19 accord" names a pact */
                mdm = &r->dm[k];
        int para = 0;
        if (main && main->date.precision)
            base = main->date;
        else if (main && main->present && r->artdate.precision == 3)
            base = r->artdate;
        else if (mdm)
            base = mdm->d;
        else if (main ? main->newsday > 0 : !word_before(r, k0, "had"))
            para = 1; /* "His remarks came a day after": the report's day; not "Trump had
                         raised the temperature a day before the launch" */
        if (para) {
            const rev *p = NULL;
            for (size_t q = r->nev; q-- > 0 && r->ev[q].para == r->parano && !p;)
                if (!r->ev[q].dead && r->ev[q].date.precision && r->ev[q].mod == CASUS_MOD_ACTUAL)
                    p = &r->ev[q];
            base = p ? p->date : r->artdate;
        }
        memset(&x.date, 0, sizeof x.date);
        if (base.precision == 3 && off != OFF_UNKNOWN)
            x.date = casus_date_from_days(base.lo - off);
        x.present = 0;
        x.newsday = -1;
    }
    x.para = r->parano;
    if (x.ent >= 0 && tr->type == CASUS_EV_TREATY_SIGNED && x.date.precision && !r->en[x.ent].year)
        r->en[x.ent].year = x.date.year;
    x.ss = r->ss;
    x.se = r->se;
    x.sent = r->sentno;
    x.tok = ts;
    if (subj >= 0 && r->g[subj].codes.n >= 2)
        set_multi(r, &r->g[subj].codes);
    else if (subj >= 0 && r->g[subj].codes.n == 1)
        r->last_single = r->g[subj].codes;
    int split = respectively(r, &x, te);
    if (split)
        return split < 0 ? -1 : 0;
    if (tr->form != FORM_NOUN) {
        r->vend = te;
        r->vsent = r->sentno;
        r->vtype = tr->type;
    }
    if (pairwith.n) {
        for (int k = 0; k < pairsubj.n; k++) {
            rev y = x;
            y.src = pairwith;
            cs_add(&y.src, pairsubj.c[k]);
            y.rs = NULL;
            y.nrs = y.rscap = 0;
            if (add_event(r, &y))
                return -1;
        }
        return 0;
    }
    return add_event(r, &x);
}

/* A collective-defence clause told in its own words: "any aggression
 * against either country shall be considered an aggression against both",
 * "an armed attack on any one of them is to be treated as an attack on
 * all". Returns the token after it, or -1; *s gets its first token. */
static long defence_clause(const rd *r, long i, long *s)
{
    static const char *const N[] = {"attack", "attacks", "aggression"};
    static const char *const P[] = {"on", "against"};
    static const char *const ONE[] = {"one", "either", "any"};
    static const char *const ALL[] = {"all", "both", "them", "each", "every", "the", "other", "others"};
    if (!WORD_IN(r, i, N) || !WORD_IN(r, i + 1, P))
        return -1;
    /* "an attack on the sovereignty or territorial integrity of one member" */
    long k = i + 2;
    while ((size_t)k < r->nt && k < i + 9 && !WORD_IN(r, k, ONE) && r->t[k].kind == TK_WORD)
        k++;
    if (!WORD_IN(r, k, ONE))
        return -1;
    for (long j = k + 1; (size_t)j + 2 < r->nt && j < k + 18; j++) {
        if (is_boundary(r, j) || is_punct(r, j, ';'))
            return -1;
        if (WORD_IN(r, j, N) && WORD_IN(r, j + 1, P) && WORD_IN(r, j + 2, ALL)) {
            *s = i > 0 && (is_word(r, i - 1, "armed") || is_word(r, i - 1, "an") || is_word(r, i - 1, "any")) ? i - 1 : i;
            return j + 3;
        }
    }
    return -1;
}

/* The lexicon's noun for such a clause ("an attack on one is an attack on
 * all"), or NULL when the lexicon has none. */
static const lx_trigger *defence_clause_trigger(const rd *r)
{
    for (uint32_t k = 0; k < r->lx->ntriggers; k++) {
        const lx_trigger *t = &r->lx->triggers[k];
        if (t->type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE && t->form == FORM_NOUN && t->needs == NEED_NONE &&
            strstr(t->lemma, "attack on one"))
            return t;
    }
    return NULL;
}

static int clause_events(rd *r)
{
    for (long i = 0; (size_t)i + 5 < r->nt; i++) {
        long s, e = defence_clause(r, i, &s);
        if (e < 0)
            continue;
        int have = 0;
        for (size_t q = r->nev; q-- > 0 && r->ev[q].sent == r->sentno && !have;)
            have = r->ev[q].type == CASUS_EV_MUTUAL_DEFENSE_PLEDGE;
        const lx_trigger *tr = have ? NULL : defence_clause_trigger(r);
        if (!tr)
            return 0;
        lx_match m = {(uint32_t)s, (uint32_t)e, CLAUSE_MATCH, 0};
        return do_trigger(r, &m, tr, 0);
    }
    return 0;
}

static int sentence_events(rd *r)
{
    note_attacks(r);
    /* deny verbs first mark the triggers they govern */
    for (size_t k = 0; k < r->nsel; k++) {
        const lx_match *m = &r->sel[k];
        if (!has_cat(r, m, LX_TRIGGER))
            continue;
        uint32_t np;
        const lx_payload *p = pays_of(r, m, &np);
        int denied = 0;
        /* a trigger right after a deny verb ("denied sending troops"), or
         * in the that-clause it governs ("denied that North Korean troops
         * were fighting in Ukraine") */
        for (long i = (long)m->s - 1; i >= 0 && i >= (long)m->s - 14; i--) {
            int types[8];
            int n = event_types_at(r, i, types, 8);
            for (int q = 0; q < n; q++)
                if (r->lx->triggers[types[q]].type == CASUS_EV_DENY_ACCUSATION &&
                    (i >= (long)m->s - 5 || is_word(r, (long)at(r, i)->e, "that")))
                    denied = 1;
            if (is_boundary(r, i) || is_punct(r, i, ',') || is_punct(r, i, ';'))
                break;
        }
        int done = 0;
        for (uint32_t q = 0; q < np; q++) {
            if (p[q].cat != LX_TRIGGER)
                continue;
            const lx_trigger *tr = &r->lx->triggers[p[q].idx];
            size_t before = r->nev;
            /* one event per type per trigger word */
            int seen = 0;
            for (uint32_t q2 = 0; q2 < q; q2++)
                if (p[q2].cat == LX_TRIGGER && r->lx->triggers[p[q2].idx].type == tr->type &&
                    (done & (1 << (q2 & 31))))
                    seen = 1;
            if (seen)
                continue;
            if (do_trigger(r, m, tr, denied))
                return -1;
            if (r->nev > before)
                done |= 1 << (q & 31);
        }
    }
    if (clause_events(r))
        return -1;
    /* "denounced a naval exercise by the U.S., Japan and South Korea": a
     * condemnation with no target is aimed at the actors of an event named
     * in its object */
    size_t first = r->nev;
    while (first > 0 && r->ev[first - 1].sent == r->sentno)
        first--;
    for (size_t i = first; i < r->nev; i++) {
        rev *c = &r->ev[i];
        if (c->tgt.n || (c->type != CASUS_EV_CONDEMN && c->type != CASUS_EV_WARN))
            continue;
        for (size_t q = i + 1; q < r->nev; q++) {
            const rev *y = &r->ev[q];
            if (y->sent == r->sentno && y->tok > c->tok && y->tok <= c->tok + 6 && y->src.n &&
                !cs_meets(&y->src, &c->src) && y->type != CASUS_EV_CONDEMN && y->type != CASUS_EV_WARN &&
                y->type != CASUS_EV_DENY_ACCUSATION) {
                c->tgt = y->src;
                break;
            }
        }
    }
    /* the subject group of a sentence opening with two or more actors, or
     * with one ("North Korea, whose missile programme..., has kept up its
     * tests. On Sunday it fired") */
    if (r->ng && r->g[0].codes.n >= 2 && (r->g[0].prep < 0 || r->g[0].people))
        set_multi(r, &r->g[0].codes);
    else if (r->ng && r->g[0].codes.n == 1 && r->g[0].prep < 0 && r->g[0].s <= 3)
        r->last_single = r->g[0].codes;
    /* the first person the sentence names outside a prepositional phrase
     * and before its verb ("Tiani told the gathering. He warned ..."): whom
     * "he" and "she" mean; not the object ("summoned Ambassador Zinoviev").
     * A subject office with no state of its own ("Vice Minister Kim
     * condemned ...") is the state its event speaks for. */
    int found = 0;
    for (size_t a = 0; a < r->nam; a++) {
        const amen *m = &r->am[a];
        int person = m->actor ? m->actor->kind == AK_LEADER : !m->org;
        for (uint32_t i = m->s; i < m->e && !person; i++)
            person = cue_at(r, (long)i, CUE_PEOPLE) != 0;
        if (r->g[m->group].people) /* "The speaker for the Russian Federation said" */
            person = 1;
        if (!person || (m->prep >= 0 && !r->g[m->group].people))
            continue;
        int verb = 0; /* the first such person: the subject if no verb comes first */
        for (long i = 0; i < (long)m->s && !verb; i++)
            verb = r->t[i].kind == TK_WORD && !(r->t[i].fl & TF_CAP) && verb_tok(r, i);
        if (!verb) {
            r->last_person.n = 0;
            cs_add(&r->last_person, m->code);
            found = 1;
        }
        break;
    }
    long io = -1, v0 = 0;
    for (long i = 0; i < 4 && (size_t)i < r->nt && !found && io < 0; i++)
        if (cue_at(r, i, CUE_PEOPLE) && group_at(r, i) < 0)
            io = i;
    int office = io >= 0;
    for (long i = 0; i < io && office; i++)
        office = !verb_tok(r, i);
    if (office)
        while ((size_t)v0 < r->nt && !verb_tok(r, v0))
            v0++;
    for (size_t q = r->nev; office && q-- > 0 && r->ev[q].sent == r->sentno;)
        if (!r->ev[q].dead && r->ev[q].src.n == 1 && r->ev[q].tok >= v0) {
            r->last_person = r->ev[q].src;
            office = 0;
        }
    return 0;
}

/* ---- units, sentences ------------------------------------------------- */

/* A line that is only a time stamp: "13:20", "19:40 GMT", "7.40pm",
 * "09:05 (local time)". */
static int time_stamp(const rd *r)
{
    if (r->nt < 3 || r->nt > 6 || r->t[0].kind != TK_NUM || r->t[2].kind != TK_NUM ||
        !(is_punct(r, 1, ':') || is_punct(r, 1, '.')))
        return 0;
    for (size_t i = 3; i < r->nt; i++) {
        const ntok *t = &r->t[i];
        if (t->kind == TK_NUM || (t->kind == TK_WORD && t->e - t->s > 5))
            return 0;
    }
    return 1;
}

/* A live-blog entry's title led by its time stamp: "16:05 - Tehran
 * summons", "19:40 GMT: Kyiv says". */
static int stamp_lead(const rd *r)
{
    if (r->nt < 5 || r->t[0].kind != TK_NUM || r->t[2].kind != TK_NUM || !is_punct(r, 1, ':') ||
        r->t[0].e - r->t[0].s > 2 || r->t[2].e - r->t[2].s != 2 || r->t[0].num > 23 || r->t[2].num > 59)
        return 0;
    size_t i = 3;
    if (r->t[i].kind == TK_WORD && r->t[i].e - r->t[i].s <= 4 && (r->t[i].fl & TF_CAP))
        i++; /* a zone: GMT, CET, ET */
    return i < r->nt && (is_punct(r, (long)i, '-') || is_punct(r, (long)i, ':'));
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
    /* misspelt names: a capitalised word not in the lexicon (nor learnt);
     * an acronym is no misspelt name ("the SANDF" is not Sandu) */
    for (size_t i = 0; i < r->nt; i++) {
        ntok *t = &r->t[i];
        if (t->id >= 0 || t->kind != TK_WORD || !(t->fl & TF_CAP) || (t->fl & TF_ALLCAP) || t->e - t->s < 4 ||
            learnt(r, (long)i) >= 0)
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
    r->ndm = 0; /* select_matches checks leaders' terms against this sentence's dates: none yet */
    if (select_matches(r) || find_dates(r) || build_actors(r))
        return -1;
    /* a line that is only a day without a year ("Tuesday, 1 April") heads a
     * live blog's entries: their events happened that day */
    /* a time stamp alone ("13:20") opens a live blog's entry: with no day
     * heading, the entries are of the article's day */
    if (time_stamp(r) && r->artdate.precision == 3 && !r->secdate.precision) {
        r->secdate = r->artdate;
        return 0;
    }
    /* "16:05 - Tehran summons three European envoys": an entry's stamp
     * heading its title */
    if (stamp_lead(r) && r->artdate.precision == 3 && !r->secdate.precision)
        r->secdate = r->artdate;
    const dmen *day = NULL;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3 && r->dm[k].mon)
            day = &r->dm[k];
    if (day && r->nt <= 8) {
        int only = 1;
        for (size_t i = 0; i < r->nt && only; i++) {
            int in = r->t[i].kind == TK_PUNCT || cue_at(r, (long)i, CUE_WEEKDAY);
            for (size_t k = 0; k < r->ndm && !in; k++)
                in = i >= r->dm[k].s && i < r->dm[k].e;
            only = in;
        }
        if (only) {
            r->secdate = day->d;
            return 0;
        }
    }
    if (find_treaties(r) || sentence_events(r))
        return -1;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3 && !r->dm[k].treatyyear)
            r->lastday = r->dm[k].d;
    /* the last month: an event's resolved date, or a date with its year */
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision >= 2 && !r->dm[k].treatyyear && !r->dm[k].mon)
            r->lastmonth = r->dm[k].d;
    size_t q0 = r->nev;
    while (q0 > 0 && r->ev[q0 - 1].sent == r->sentno)
        q0--;
    for (size_t q = q0; q < r->nev; q++)
        if (r->ev[q].date.precision >= 2 && r->ev[q].mod == CASUS_MOD_ACTUAL)
            r->lastmonth = r->ev[q].date;
    for (size_t a = 0; a < r->nam; a++) {
        if (r->am[a].org)
            r->last_org = r->am[a].code;
        int k = 0;
        while (k < r->nseen && !same_code(r->seen[k], r->am[a].code))
            k++;
        if (k == r->nseen && k < 64)
            r->seen[r->nseen++] = r->am[a].code;
    }
    return 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Splits [s, e) into sentences. */
static int split_sentences(rd *r, size_t s, size_t e)
{
    size_t start = s;
    r->parano++;
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

/* The words in s[0..n), counted up to cap (the callers ask whether a line
 * is short; a paragraph need not be read to its end). */
static size_t count_words(const char *s, size_t n, size_t cap)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n && w < cap; i++) {
        if (is_space(s[i]))
            in = 0;
        else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* ---- article date from the text ------------------------------------- */

/* A numeric date in bytes [s, e): "19.09.2025" (day first), "09/19/2025"
 * or "19/09/2025" when the order is unambiguous ("08/08/2025" is), and
 * year first, as Korean and Chinese pages write it: "2024.10.21",
 * "2024/10/21". */
static int numeric_date(const char *t, size_t s, size_t e, casus_date *out)
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
            if (v[0] <= 12 && v[1] <= 12 && v[0] != v[1])
                continue; /* 03/04/2025: either order */
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
    long nm = casusi_lex_match(r->lx, r->t, r->nt, &r->m, &r->mcap);
    if (nm < 0)
        return -1;
    r->nm = (size_t)nm;
    return select_matches(r) || find_dates(r) ? -1 : 0;
}

/* "18 novembre 2025", "10 de abril de 2025", "25. Januar 2023", "30 Ekim
 * 2025": a day, a month in the original's language (cues.yaml,
 * month-original) and a year, on a line read by read_line(). */
static int original_date(const rd *r, casus_date *out)
{
    for (long k = 0; (size_t)k + 2 < r->nt; k++) {
        if (!is_dom(&r->t[k]) || is_year(&r->t[k]))
            continue;
        long j = k + 1;
        if (is_punct(r, j, '.'))
            j++;
        if (is_word(r, j, "de"))
            j++;
        long mon = cue_starts(r, j, CUE_FMONTH) ? cue_at(r, j, CUE_FMONTH) - 1 : 0;
        if (!mon)
            continue;
        j = (long)at(r, j)->e;
        if (is_word(r, j, "de") || is_word(r, j, "del"))
            j++;
        if ((size_t)j < r->nt && is_year(&r->t[j])) {
            *out = mkdate((int)r->t[j].num, (int)mon, (int)r->t[k].num);
            if (out->precision == 3)
                return 1;
        }
    }
    return 0;
}

/* The first full date in bytes [s, e): numeric, else in words, in English
 * or in the original's language. */
static void date_from_line(rd *r, size_t s, size_t e, casus_date *out)
{
    if (numeric_date(r->text, s, e, out))
        return;
    if (read_line(r, s, e, LONG_MAX))
        return;
    for (size_t k = 0; k < r->ndm; k++)
        if (r->dm[k].d.precision == 3) {
            *out = r->dm[k].d;
            return;
        }
    original_date(r, out);
}

/* A page's date as its metadata writes it when that is no ISO date: "26
 * Sep 2024 07.12 BST", "Thursday, May 15, 2025". */
static casus_date date_of_string(rd *r, const char *v)
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
 * dateline's end, or 0. Separators: " - ", " -- ", an en or em dash, and
 * TASS's "CITY, 11 June. /Agency/. " (the dateline keeps "/."). */
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
    return 0;
}

/* A sign-off line at the end of a statement: "Pyongyang, March 11, Juche
 * 114 (2025)", "Moscow, 11 March 2025". The month and day, and a year
 * anywhere on the line. */
static void find_signoff_date(rd *r, size_t s, size_t e)
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

static void find_article_date(rd *r, size_t s, size_t e)
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
            } PUB[] = {{"published", 9}, {"posted", 6},  {"updated", 7}, {"edition", 7},
                       {"original:", 9}, {"source:", 7}, {"received", 8}};
            int year = 0; /* a line with no year holds no full date: most lines, not read twice */
            for (size_t q = i, n = 0; words > 14 && q < j && j - i <= 600 && !year; q++) {
                n = isdigit((unsigned char)r->text[q]) ? n + 1 : 0;
                year = n == 4 && (r->text[q - 3] == '1' || r->text[q - 3] == '2');
            }
            for (size_t q = i; year && q + 6 < j; q++) {
                char c = (char)(r->text[q] | 0x20);
                if ((c != 'p' && c != 'u' && c != 'e' && c != 'o' && c != 's' && c != 'r') ||
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
                casus_date d;
                memset(&d, 0, sizeof d);
                date_from_line(r, q + kw, j - q - kw > 320 ? q + kw + 320 : j, &d);
                if (d.precision == 3) {
                    r->artdate = d;
                    return;
                }
                q += kw - 1;
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
            if (words <= 14 || lim < j) {
                casus_date d;
                memset(&d, 0, sizeof d);
                date_from_line(r, i, words <= 14 ? j : lim, &d);
                if (d.precision == 3) {
                    r->artdate = d;
                    return;
                }
            }
        }
        i = j + 1;
    }
}

/* The dateline that opens the first paragraph ("CARACAS, Dec 29 (Andes
 * Wire) - "): its date is when the story was filed, not when anything in
 * the first sentence happened. */
static void find_dateline(rd *r, size_t s, size_t e)
{
    int lines = 0;
    for (size_t i = s; i < e && lines < 10;) {
        size_t j = i;
        while (j < e && r->text[j] != '\n')
            j++;
        if (j > i) {
            lines++;
            for (size_t q = i; q + 2 < j && q < i + 80; q++) {
                size_t d = dateline_sep(r->text, q, j);
                if (!d)
                    continue;
                /* a dateline opens with a place in capitals: "CARACAS," */
                if (r->text[i] >= 'A' && r->text[i] <= 'Z' && i + 1 < j && r->text[i + 1] >= 'A' &&
                    r->text[i + 1] <= 'Z' && count_words(r->text + i, q - i, 11) <= 10) {
                    r->dl_s = i;
                    r->dl_e = d;
                    return;
                }
                break;
            }
        }
        i = j + 1;
    }
}

/* A press release's letterhead: a short line in capitals near the top that
 * names one state ("REPUBLIC OF ESTONIA", "MINISTRY OF FOREIGN AFFAIRS OF
 * JAPAN") makes it the home state, as a dateline's capital does. */
static void find_letterhead(rd *r, size_t s, size_t e)
{
    static const char *const HEAD[] = {"republic", "kingdom", "government", "ministry", "embassy", "mission",
                                       "federation", "office", "state", "commonwealth", "emirate", "sultanate"};
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
            if (!lower && !read_line(r, i, j, 8) && r->nsel) {
                long n = (long)r->nt;
                const char *code = NULL;
                int states = 0, head = 0;
                for (size_t k = 0; k < r->nsel; k++) {
                    const lx_actor *a = has_cat(r, &r->sel[k], LX_ACTOR) ? actor_of(r, &r->sel[k]) : NULL;
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

/* ---- the article -------------------------------------------------------- */

static int process_text(rd *r, const char **title)
{
    size_t i = 0, len = r->len;
    size_t pstart = SIZE_MAX, pend = 0;
    int first = 1;
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

/* The first event told in sentence s or later (events are stored in
 * sentence order). */
static size_t ev_from_sent(const rd *r, int s)
{
    size_t lo = 0, hi = r->nev;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->ev[mid].sent < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int deniable(const rev *x)
{
    return x->type != CASUS_EV_DENY_ACCUSATION && x->type != CASUS_EV_CONDEMN && x->type != CASUS_EV_WARN;
}

/* Denials: an event of the denied type involving a denier is denied.
 * Events are looked up by type and by sentence, so an article of n events
 * and k denials costs about n + k * (events of the type + log n), not n * k. */
static int apply_denials(rd *r)
{
    if (!r->ndn)
        return 0;
    /* the events of each type, in order */
    size_t start[CASUS_EV__COUNT + 1] = {0};
    size_t *by = casus_arena_alloc(r->a, (r->nev ? r->nev : 1) * sizeof *by);
    if (!by)
        return -1;
    for (size_t i = 0; i < r->nev; i++)
        start[r->ev[i].type + 1]++;
    for (int t = 0; t < CASUS_EV__COUNT; t++)
        start[t + 1] += start[t];
    size_t fill[CASUS_EV__COUNT];
    memcpy(fill, start, sizeof fill);
    for (size_t i = 0; i < r->nev; i++)
        by[fill[r->ev[i].type]++] = i;
    for (size_t k = 0; k < r->ndn; k++) {
        const struct denial *d = &r->dn[k];
        if (d->any) {
            /* "denied these allegations": the claims of the sentences before */
            for (size_t i = ev_from_sent(r, d->sent - 2), e = ev_from_sent(r, d->sent + 1); i < e; i++) {
                rev *x = &r->ev[i];
                if (deniable(x) && x->hedged && x->type > CASUS_EV_TREATY_WITHDRAWN &&
                    (cs_meets(&x->src, &d->who) || cs_meets(&x->tgt, &d->who)))
                    x->denied = 1;
            }
        } else if (d->type < CASUS_EV__COUNT) {
            for (size_t q = start[d->type]; q < start[d->type + 1]; q++) {
                rev *x = &r->ev[by[q]];
                if (deniable(x) && (cs_meets(&x->src, &d->who) || cs_meets(&x->tgt, &d->who)))
                    x->denied = 1;
            }
        }
        /* the first denied event of the two sentences before */
        const rev *first = NULL;
        for (size_t i = ev_from_sent(r, d->sent - 2), e = ev_from_sent(r, d->sent); i < e && !first; i++)
            if (r->ev[i].denied)
                first = &r->ev[i];
        size_t s0 = ev_from_sent(r, d->sent), s1 = ev_from_sent(r, d->sent + 1);
        /* a denial with no accuser named answers the last accusation
         * made against the denier */
        for (size_t i = s0; i < s1; i++) {
            rev *x = &r->ev[i];
            if (x->type != CASUS_EV_DENY_ACCUSATION || x->tgt.n)
                continue;
            for (size_t q = start[CASUS_EV_CONDEMN + 1]; q-- > start[CASUS_EV_CONDEMN];) {
                const rev *y = &r->ev[by[q]];
                if (by[q] >= i)
                    continue;
                if (cs_meets(&y->tgt, &x->src) && !cs_meets(&y->src, &x->src)) {
                    x->tgt = y->src;
                    break;
                }
            }
        }
        /* the deny event says what it denies */
        if (d->any && first)
            for (size_t i = s0; i < s1; i++) {
                rev *x = &r->ev[i];
                if (x->type == CASUS_EV_DENY_ACCUSATION && !x->d.denies)
                    x->d.denies = casus_evtype_name(first->type);
            }
    }
    return 0;
}

static int details_clash(const casus_event_details *a, const casus_event_details *b)
{
    if (a->body && b->body && strcmp(a->body, b->body))
        return 1;
    return 0;
}

static void merge_details(casus_event_details *a, const casus_event_details *b)
{
    if (!a->body) a->body = b->body;
    if (a->count < 0) { a->count = b->count; a->count_text = b->count_text; }
    if (!a->place) { a->place = b->place; a->place_id = b->place_id; }
    if (!a->item) a->item = b->item;
    if (a->quantity < 0) { a->quantity = b->quantity; a->quantity_text = b->quantity_text; }
    a->approx |= b->approx;
    if (!a->denies) a->denies = b->denies;
}

/* Events that could be one fact: same type, same set of sources (the
 * set's hash does not depend on order). */
struct ev_key { uint64_t key; size_t i; };

static int ev_key_cmp(const void *pa, const void *pb)
{
    const struct ev_key *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static uint64_t src_key(const rev *x)
{
    uint64_t h = 0;
    for (int k = 0; k < x->src.n; k++) {
        uint64_t f = CASUSI_FNV_OFFSET;
        for (const char *c = x->src.c[k]; *c; c++)
            f = (f ^ (unsigned char)*c) * CASUSI_FNV_PRIME;
        h += f;
    }
    return h * 31 + (uint64_t)x->type;
}

/* Restated facts: same type and actors (a restatement may leave the target
 * out), compatible dates and bodies. Each event is compared only with the
 * later ones of its group (same type and sources), in the order told. */
static int merge_restated(rd *r)
{
    if (r->nev < 2)
        return 0;
    struct ev_key *g = casus_arena_alloc(r->a, r->nev * sizeof *g);
    if (!g)
        return -1;
    for (size_t i = 0; i < r->nev; i++) {
        g[i].key = src_key(&r->ev[i]);
        g[i].i = i;
    }
    qsort(g, r->nev, sizeof *g, ev_key_cmp);
    for (size_t gs = 0, ge; gs < r->nev; gs = ge) {
        for (ge = gs + 1; ge < r->nev && g[ge].key == g[gs].key; ge++)
            ;
        for (size_t gi = gs; gi < ge; gi++) {
            rev *x = &r->ev[g[gi].i];
            if (x->dead)
                continue;
            for (size_t gj = gi + 1; gj < ge; gj++) {
                rev *y = &r->ev[g[gj].i];
                if (y->dead || y->type != x->type || !cs_eq(&x->src, &y->src))
                    continue;
                if (!cs_eq(&x->tgt, &y->tgt) && x->tgt.n && y->tgt.n)
                    continue;
                if (x->date.precision && y->date.precision &&
                    (x->date.hi < y->date.lo || y->date.hi < x->date.lo))
                    continue;
                if (details_clash(&x->d, &y->d))
                    continue;
                if (!x->tgt.n)
                    x->tgt = y->tgt;
                if (!x->date.precision || (y->date.precision > x->date.precision))
                    x->date = y->date.precision ? y->date : x->date;
                merge_details(&x->d, &y->d);
                x->denied |= y->denied;
                x->hedged &= y->hedged;
                if (y->mod == CASUS_MOD_ACTUAL)
                    x->mod = CASUS_MOD_ACTUAL;
                x->fuzzy |= y->fuzzy;
                x->present |= y->present;
                /* "draws warnings" restated as "warned"; a mention that
                 * is background ("a pact ratified by the Council") keeps
                 * the fact undated */
                x->newsday = x->newsday < 0 || y->newsday < 0 ? -1 : x->newsday > y->newsday ? x->newsday : y->newsday;
                if (x->ent < 0)
                    x->ent = y->ent;
                if (y->ss != x->ss) {
                    if (GROW(x->rs, x->nrs, x->rscap))
                        return -1;
                    x->rs[x->nrs].start = y->ss;
                    x->rs[x->nrs].end = y->se;
                    x->nrs++;
                }
                y->dead = 1;
            }
        }
    }
    return 0;
}

/* The kb treaty a mention stands for. */
static void match_kb(rd *r, ent *x)
{
    if (x->parties.n < 2)
        return;
    const casus_treaty *best = NULL;
    int best_rank = -1;
    for (size_t i = 0; i < casus_kb_ntreaties(r->kb); i++) {
        const casus_treaty *t = casus_kb_treaty_at(r->kb, i);
        int all = 1;
        for (int p = 0; p < x->parties.n && all; p++) {
            const casus_state *s = casus_kb_state(r->kb, x->parties.c[p], NULL, NULL);
            int f = 0;
            for (size_t m = 0; s && m < t->nmembers && !f; m++)
                f = t->members[m].state->lineage == s->lineage;
            all = f;
        }
        if (!all || !t->signed_on.precision)
            continue;
        if (x->year && t->signed_on.year != x->year)
            continue;
        if (t->signed_on.lo > r->refday)
            continue;
        /* rank: in force on the day, then the newest signed */
        int inforce = t->in_force.precision && t->in_force.lo <= r->refday &&
                      (!t->ended.precision || t->ended.hi >= r->refday);
        /* a treaty signed in the two years before the article is news */
        int recent = t->signed_on.lo <= r->refday && t->signed_on.lo > r->refday - 730;
        int rank = x->isnew ? recent : recent ? 3 : inforce * 2;
        if (!best || rank > best_rank || (rank == best_rank && t->signed_on.lo > best->signed_on.lo)) {
            best = t;
            best_rank = rank;
        }
    }
    x->kb = best;
}

static const char *const *codes_out(rd *r, cset *s, size_t *n)
{
    cs_sort(s);
    *n = s->n;
    if (!s->n)
        return NULL;
    const char **v = casus_arena_alloc(r->a, s->n * sizeof *v);
    if (!v)
        return NULL;
    for (int i = 0; i < s->n; i++)
        v[i] = s->c[i];
    return v;
}

static void actors_add(const char **v, size_t *n, const cset *s)
{
    for (int k = 0; k < s->n; k++) {
        size_t i = 0;
        while (i < *n && strcmp(v[i], s->c[k]))
            i++;
        if (i == *n)
            v[(*n)++] = s->c[k];
    }
}

static int finish_article(rd *r, casus_article *art)
{
    if (apply_denials(r) || merge_restated(r))
        return -1;
    /* "Seoul summons Russian envoy": told in the present and dated by no
     * restatement, an event is of the article's day */
    for (size_t i = 0; i < r->nev; i++)
        if (!r->ev[i].dead && r->ev[i].present && !r->ev[i].date.precision && r->artdate.precision == 3)
            r->ev[i].date = r->artdate;
    /* a past with no time of its own: the day of the paragraph's last dated
     * event; none dated, the article's day; a paragraph told in months or
     * years (background) gives none */
    const rev *p = NULL; /* the paragraph's last dated actual event (one pass: events are in reading order) */
    for (size_t i = 0; i < r->nev; i++) {
        rev *x = &r->ev[i];
        if (!i || x->para != r->ev[i - 1].para)
            p = NULL;
        if (x->dead)
            continue;
        if (x->newsday > 0 && !x->date.precision && (p ? p->date.precision == 3 : r->artdate.precision == 3))
            x->date = p ? p->date : r->artdate;
        if (x->date.precision && x->mod == CASUS_MOD_ACTUAL)
            p = x;
    }
    for (size_t i = 0; i < r->nen; i++)
        match_kb(r, &r->en[i]);
    size_t live = 0;
    for (size_t i = 0; i < r->nev; i++)
        live += !r->ev[i].dead;
    casus_event *ev = casus_arena_alloc(r->a, (live ? live : 1) * sizeof *ev);
    casus_treaty_mention *tm = casus_arena_alloc(r->a, (r->nen ? r->nen : 1) * sizeof *tm);
    if (!ev || !tm)
        return -1;
    /* the article's actors: every code of its events and treaties (a set
     * without the cap of a cset: a long article names many states) */
    size_t cap = 1;
    for (size_t i = 0; i < r->nev; i++)
        cap += r->ev[i].src.n + r->ev[i].tgt.n;
    for (size_t i = 0; i < r->nen; i++)
        cap += r->en[i].parties.n;
    const char **actors = casus_arena_alloc(r->a, cap * sizeof *actors);
    if (!actors)
        return -1;
    size_t nactors = 0;
    size_t o = 0;
    for (size_t i = 0; i < r->nev; i++) {
        rev *x = &r->ev[i];
        if (x->dead)
            continue;
        casus_event *e = &ev[o++];
        e->type = x->type;
        actors_add(actors, &nactors, &x->src);
        actors_add(actors, &nactors, &x->tgt);
        e->source = codes_out(r, &x->src, &e->nsource);
        e->target = codes_out(r, &x->tgt, &e->ntarget);
        e->date = x->date;
        e->denied = x->denied;
        e->hedged = x->hedged;
        e->modality = x->mod;
        e->details = x->d;
        if (x->ent >= 0) {
            e->details.treaty_ref = x->ent;
            e->details.treaty = r->en[x->ent].kb ? r->en[x->ent].kb->id : NULL;
        }
        e->span.start = x->ss;
        e->span.end = x->se;
        e->sentence = casus_arena_strndup(r->a, r->text + x->ss, x->se - x->ss);
        if (x->nrs) {
            casus_span *sp = casus_arena_alloc(r->a, x->nrs * sizeof *sp);
            if (!sp)
                return -1;
            memcpy(sp, x->rs, x->nrs * sizeof *sp);
            e->restated = sp;
            e->nrestated = x->nrs;
        }
        e->fuzzy = x->fuzzy;
    }
    size_t nt = 0;
    for (size_t i = 0; i < r->nen; i++) {
        ent *x = &r->en[i];
        if (!x->parties.n && !x->kind && !x->year)
            continue; /* nothing known about it */
        casus_treaty_mention *t = &tm[nt++];
        actors_add(actors, &nactors, &x->parties);
        t->parties = codes_out(r, &x->parties, &t->nparties);
        t->kind = x->kind;
        t->year_signed = x->year;
        t->kb = x->kb;
        t->first.start = x->fs;
        t->first.end = x->fe;
        t->nmentions = x->n;
    }
    art->events = ev;
    art->nevents = o;
    art->treaties = tm;
    art->ntreaties = nt;
    qsort(actors, nactors, sizeof *actors, cs_cmp);
    art->actors = nactors ? actors : NULL;
    art->nactors = nactors;
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
        if (!casus_date_parse_day(d10, &d, NULL) || (r.refday = casus_date_today().lo, d = date_of_string(&r, html_date)).precision == 3) {
            r.artdate = d;
            art->date_from = "html";
        }
    }
    if (!r.artdate.precision) {
        r.refday = casus_date_today().lo;
        find_article_date(&r, 0, tlen);
        if (!r.artdate.precision)
            find_signoff_date(&r, 0, tlen);
        if (r.artdate.precision)
            art->date_from = "text";
    }
    r.refday = r.artdate.precision ? r.artdate.lo : casus_date_today().lo;
    find_dateline(&r, 0, tlen);
    if (!r.dl_e)
        find_letterhead(&r, 0, tlen);
    art->date = r.artdate;
    int rc = CASUS_OK;
    if (process_text(&r, html ? NULL : &art->title) || finish_article(&r, art)) {
        casusi_seterr(err, CASUS_ENOMEM, "%s: out of memory", name);
        rc = CASUS_ENOMEM;
    }
    free_rd(&r);
    if (rc == CASUS_OK)
        *out = art;
    return rc;
}
