/*
 * read_int.h -- the news reader's private types and helpers, shared by
 * news.c and news_*.c (docs/news.md). Not installed. The small helpers
 * that run for nearly every token are static inline here, so the reader's
 * files inline them as one file did.
 */
#ifndef CASUS_READ_INT_H
#define CASUS_READ_INT_H

#include "news_int.h"

#include <stdlib.h>
#include <string.h>

#define MAXC 12      /* codes in one set */

typedef struct cset {
    const char *c[MAXC];
    uint8_t n;
} cset;

/* Codes are mostly the lexicon's own strings: equal pointers first. */
static inline int same_code(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && !strcmp(a, b));
}

static inline int cs_has(const cset *s, const char *c)
{
    for (int i = 0; i < s->n; i++)
        if (same_code(s->c[i], c))
            return 1;
    return 0;
}
static inline void cs_add(cset *s, const char *c)
{
    if (c && !cs_has(s, c) && s->n < MAXC)
        s->c[s->n++] = c;
}
static inline void cs_union(cset *s, const cset *t)
{
    for (int i = 0; i < t->n; i++)
        cs_add(s, t->c[i]);
}
static inline int cs_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}
static inline void cs_sort(cset *s) { qsort(s->c, s->n, sizeof *s->c, cs_cmp); }
static inline int cs_eq(const cset *a, const cset *b)
{
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++)
        if (!cs_has(b, a->c[i]))
            return 0;
    return 1;
}
/* Is every code of a in b? */
static inline int cs_sub(const cset *a, const cset *b)
{
    for (int i = 0; i < a->n; i++)
        if (!cs_has(b, a->c[i]))
            return 0;
    return 1;
}
static inline void cs_minus(cset *s, const cset *t)
{
    cset r = {{0}, 0};
    for (int i = 0; i < s->n; i++)
        if (!cs_has(t, s->c[i]))
            r.c[r.n++] = s->c[i];
    *s = r;
}
static inline int cs_meets(const cset *a, const cset *b)
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
    uint64_t name;          /* hash of its proper name ("Reciprocal Access
                               Agreement"), 0 when it has none */
    uint64_t alias;         /* another name ("the Lombok Treaty") */
    int guess;              /* parties taken from the treaty before it */
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
                               article's; 2: the same, going on from the occasion told last ("In the
                               same statement"): the last day told, though in an earlier paragraph;
                               -1: told as background (a perfect, a participle); 0: neither */
    int perf;               /* told in a perfect ("has denounced"): of the report's day, not the lede's */
    int para;               /* paragraph number */
    int entryref;           /* dated only by its live-blog entry's heading, and named by its noun
                               after "the" ("07:40 KCNA confirms the launch"): a fact told before */
    casus_date pday;        /* a day an earlier sentence of the paragraph named ("The answer came on
                               Tuesday. Lukashenko denounced..."): the day of a newsday event */
    casus_date prevday;     /* the last day the paragraph before named ("OTTAWA - Canada expelled six
                               diplomats on Monday ... ¶ Joly accused"): a lede's day with no event */
    casus_modality mod;
    casus_event_details d;
    size_t ss, se;
    casus_span *rs; size_t nrs, rscap;
    int sent;               /* sentence number */
    int ent;
    cset guess;             /* a target guessed from the sentences before (casusi_discourse_targets),
                               when its own sentence names none */
    int guessed;            /* tgt was taken from guess (casusi_finish_article) */
    int srcinf;             /* src was inferred: the subject is an office that names no state */
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
    cset remarks_by;        /* whose remarks a condemnation last named ("condemned Netanyahu's
                               remarks"): "the remarks" others condemn after */
    cset mhist[4];          /* the groups last_multi held before, most recent first */
    /* the states whose ministries were named, most recent first ("Russia's
     * foreign ministry said ... The ministry warned"): see casusi_note_offices */
    struct mins { const char *code, *mod; } mins[8];
    int inquote;            /* a quotation an earlier sentence of the paragraph opened is still open */
    int sentquote;          /* the sentence leaves the quotation state changed (an odd number of marks) */
    cset qspeaker;          /* who speaks it, when the sentence that opened it said ("X said: \"...") */
    int nmins;
    cset last_attack;       /* who struck last ("Israel bombed", "the Israeli strike"): "condemned the strike" */
    casus_date artdate;
    int translated;         /* a translator's note heads the article: its months may stay in the original's language */
    int buddhist;           /* its note says years are of the Buddhist Era (B.E. 2568 = 2025): see casusi_era_years */
    const char *last_org;   /* the alliance last named ("the alliance" refers to it) */
    const char *seen[64];   /* codes named so far (contextual names need them) */
    const char *foes[64];   /* states earlier events condemned, warned, sanctioned or summoned */
    int nfoes;
    size_t foes_upto;       /* events looked at for foes so far */
    const char *recent[16]; /* states named in earlier sentences, most recent first */
    int nrecent;
    /* names learnt from the article: "Polish Defence Minister Mariusz
     * Blaszczak" teaches "Blaszczak" (and "Mariusz") -> POL */
    /* bare: a word of a leader's full name ("Yoon" of "Yoon Suk Yeol"), which
     * means the leader only standing alone ("Kim Hong-kyun" is someone else) */
    struct lname { char w[40]; uint32_t h; const char *code; uint8_t org, envoy, bare; } *ln;
    size_t nln, lncap;
    uint32_t *lnix; /* open-addressing index of ln by hash: slot holds q + 1, 0 is empty */
    size_t lnixcap; /* a power of two, at least twice nln, or 0 */
    int nseen;
    size_t dl_s, dl_e;      /* the dateline ("CARACAS, Dec 29 (Agency) -"), bytes */
    int32_t refday;
    /* the last event a verb made in this sentence ("held joint air drills":
     * the noun adds no second event) */
    long vend; int vsent; casus_evtype vtype;
    casus_date secdate;     /* a live blog's day heading ("Tuesday, 1 April") */
    casus_date pendday;     /* a line that is only a full date, before any time stamp */
    int heading;            /* the unit is a heading line (headlines join states by commas) */
    casus_date lastmonth;   /* the last month (or day) the article named ("that month") */
    casus_date lastday;     /* the last day the article named ("the following day" counts from it) */
    int lastday_para;       /* the paragraph that named it */
    casus_date sayday;      /* the last day a sentence with a verb of saying named ("Blinken announced the
                               measure on Friday"): where "In the same statement" goes on */
    int sayday_para;        /* the paragraph that named it */
    int lastyear;           /* the last year the article wrote out ("later that year"), 0 if none */
    casus_date lastany;     /* the last date of any precision the article wrote out ("at the time") */
    int lastany_para;       /* the paragraph that named it */
    const char *home;       /* the dateline capital's state: "CARACAS, Sept 6 -
                               Foreign Minister Yvan Gil said" speaks for VEN */
    int homeset;
    int arms_sent;          /* the last sentence that named arms ("MiG-29s ... donated six of them") */
    /* denials waiting to be applied */
    struct denial { cset who; casus_evtype type; int any; int sent; } *dn;
    size_t ndn, dncap;
} rd;

#define GROW(p, n, cap)                                                        \
    ((n) < (cap) ? 0 : growv((void **)&(p), &(cap), sizeof *(p)))

static inline int growv(void **p, size_t *cap, size_t elem)
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

static inline const lx_payload *pays_of(const rd *r, const lx_match *m, uint32_t *n)
{
    const lx_pattern *p = &r->lx->pats[m->p];
    *n = p->npay;
    return &r->lx->pays[p->pay];
}

/* The selected match covering token i, or NULL. */
static inline const lx_match *at(const rd *r, long i)
{
    if (i < 0 || (size_t)i >= r->nt || r->cov[i] < 0)
        return NULL;
    return &r->sel[r->cov[i]];
}

/* Does the match at token i carry cue class c? Returns its value + 1, 0 if not. */
static inline long cue_at_slow(const rd *r, long i, int c)
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

static inline const lx_match *cue_match(const rd *r, long i, int c)
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
static inline int word_in(const rd *r, long i, const char *const *ws, size_t n)
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

static inline int is_punct(const rd *r, long i, char p)
{
    return i >= 0 && (size_t)i < r->nt && r->t[i].kind == TK_PUNCT && r->t[i].punct == p;
}

/* Clause boundary at token i: ';', a dash, a boundary word. */
static inline int is_boundary(const rd *r, long i)
{
    if (is_punct(r, i, ';') || is_punct(r, i, '-') || is_punct(r, i, ':'))
        return 1;
    return cue_starts(r, i, CUE_BOUNDARY);
}

/* ---- helpers more than one of the reader's files use --------------------- */

static inline int has_cat(const rd *r, const lx_match *m, int cat)
{
    uint32_t n;
    const lx_payload *p = pays_of(r, m, &n);
    for (uint32_t k = 0; k < n; k++)
        if (p[k].cat == cat)
            return 1;
    return 0;
}

static inline int is_year(const ntok *t)
{
    return t->kind == TK_NUM && t->num >= 1900 && t->num <= 2100 && t->num == (int)t->num &&
           t->e - t->s == 4;
}

/* A weapon's model designator: a short capitalised word joined by a hyphen
 * to a number ("S-400", "F-16", "Su-35", "Hwasong-18", "KN-23", "MiG-29s"); i is the
 * word. "G-20" and "COVID-19" are not weapons. */
static inline int designator(const rd *r, long i)
{
    if (i < 0 || (size_t)i + 1 >= r->nt)
        return 0;
    const ntok *w = &r->t[i], *n = &r->t[i + 1];
    /* the number may carry a suffix: "MiG-29s", "F-35As", "Su-35S"; not a
     * year ("Strait Thunder-2025A" is an exercise) */
    if (w->kind != TK_WORD || !(w->fl & TF_CAP) || w->e - w->s > 8 || !(n->fl & TF_HYPH))
        return 0;
    if (n->kind != TK_NUM) {
        size_t k = n->s;
        while (k < n->e && r->text[k] >= '0' && r->text[k] <= '9')
            k++;
        if (n->kind != TK_WORD || k == n->s || k - n->s > 3)
            return 0;
    }
    if (is_word(r, i, "g") || is_word(r, i, "covid") || is_word(r, i, "article") || is_word(r, i, "resolution"))
        return 0;
    return at(r, i) == NULL || !has_cat(r, at(r, i), LX_ACTOR);
}

/* The group that contains token i, or -1. */
static inline int group_at(const rd *r, long i)
{
    for (size_t g = 0; g < r->ng; g++)
        if ((long)r->g[g].s <= i && i < (long)r->g[g].e)
            return (int)g;
    return -1;
}

static inline int is_trigger_tok(const rd *r, long i)
{
    const lx_match *m = at(r, i);
    return m && has_cat(r, m, LX_TRIGGER);
}

/* The end of a hyphenated word, which is no verb: "hand" in "12
 * second-hand Typhoons" (but "co-hosted", "re-deployed"). */
static inline int hyphen_tail(const rd *r, long i)
{
    return i > 0 && (r->t[i].fl & TF_HYPH) && r->t[i - 1].kind == TK_WORD && r->t[i - 1].e - r->t[i - 1].s > 3;
}

/* A word of four letters or more ending in "-ed" (a past form the
 * dictionaries need not know: "backed", "praised"). */
static inline int ed_form(const rd *r, long i)
{
    const ntok *t = &r->t[i];
    return t->e - t->s > 3 && r->text[t->e - 2] == 'e' && r->text[t->e - 1] == 'd';
}

/* Whether token i is an adverb in -ly of five letters or more
 * ("strongly", "firmly"). */
static inline int ly_adverb(const rd *r, long i)
{
    return r->t[i].kind == TK_WORD && r->t[i].e - r->t[i].s > 4 && r->text[r->t[i].e - 1] == 'y' &&
           r->text[r->t[i].e - 2] == 'l';
}

/* A trigger used as a verb: a verb form, not after a determiner ("a move"
 * is a noun). */
static inline int verb_tok(const rd *r, long i)
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

static inline int event_types_at(const rd *r, long i, int *types, int max)
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

/* The date expression that token i is in, or NULL. */
static inline const dmen *date_at(const rd *r, long i)
{
    for (size_t k = 0; k < r->ndm; k++)
        if (i >= (long)r->dm[k].s && i < (long)r->dm[k].e)
            return &r->dm[k];
    return NULL;
}

static inline int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* The words in s[0..n), counted up to cap (the callers ask whether a line
 * is short; a paragraph need not be read to its end). */
static inline size_t count_words(const char *s, size_t n, size_t cap)
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

/* ---- functions one reader file calls in another ---------------------------- */

/* news_actors.c: matches selected, actor mentions and groups */
const lx_actor *casusi_actor_of(const rd *r, const lx_match *m);
int casusi_select_matches(rd *r);
void casusi_drop_stale_leaders(rd *r);
long casusi_learnt(const rd *r, long i);
int casusi_build_actors(rd *r);

/* news_dates.c: numbers, dates in sentences, the article's date and dateline */
double casusi_number_before(const rd *r, long i, long *first, int *approx);
int casusi_day_apposition(const rd *r, long e);
casus_date casusi_by_tense(const rd *r, int m, int d, const lx_trigger *tr, casus_modality mod, int was);
int casusi_find_dates(rd *r);
casus_date casusi_date_of_string(rd *r, const char *v);
void casusi_find_signoff_date(rd *r, size_t s, size_t e);
void casusi_find_article_date(rd *r, size_t s, size_t e);
void casusi_find_translation(rd *r, size_t s, size_t e);
void casusi_find_dateline(rd *r, size_t s, size_t e);
void casusi_date_from_terms(rd *r, size_t s, size_t e);
void casusi_find_letterhead(rd *r, size_t s, size_t e);
void casusi_era_years(rd *r);

/* news_treaties.c: treaty mentions and entities */
int casusi_find_treaties(rd *r);

/* news_roles.c: sources, targets, referents, attacks, items and places */
long casusi_subordinate(const rd *r, long i);
int casusi_owner_group(const rd *r, long p, int plural);
int casusi_ship_word(const rd *r, long i);
/* The state that makes the arms named in tokens [lo, hi) of the sentence:
 * a weapon in makers.yaml ("AH-64E Apache", "Su-30SMEs", "Type 054A") or a
 * state before "-made"/"-built" ("an Israeli-made Barak MX"). NULL when
 * none, when two differ, or when the arms are second-hand ("surplus",
 * "retired", "ex-"). */
const char *casusi_arms_maker(const rd *r, long lo, long hi);
void casusi_item_and_qty(rd *r, long w, int cue, const char **item, int64_t *qty, const char **qtext,
                         int *approx);
/* The number ending at token i as a quantity ("donated six of them"). */
void casusi_qty_at(rd *r, long i, int64_t *qty, const char **qtext, int *approx);
const casus_place *casusi_place_of(rd *r, long from, long to, casus_event_details *d);
int casusi_place_of_target(rd *r, long te, const cset *tgt, casus_event_details *d);
int casusi_place_span(const rd *r, long te, int wide, long *ps, long *pe);
int casusi_place_named(rd *r, long te, int wide, casus_event_details *d);
int casusi_trigger_type_at(const rd *r, long i, casus_evtype type, int as_object);
void casusi_note_recent(rd *r, const char *code);
int casusi_ministry_word(const rd *r, long i);
const char *casusi_office_mod(const rd *r, long i);
const char *casusi_ministry_of(const rd *r, const char *mod);
void casusi_note_offices(rd *r);
void casusi_learn_speaker(rd *r, long v, const char *code);
const char *casusi_learn_titled(rd *r, long io);
int casusi_intel_given(const lx_trigger *tr);
void casusi_roles(rd *r, const lx_trigger *tr, long ts, long te, int passive, cset *src, cset *tgt,
                  int *subj_treaty, int *fuzzy, const char **body, int *subj_out);
void casusi_event_ref(const rd *r, long te, const cset *src, cset *tgt);
void casusi_note_attacks(rd *r);
void casusi_attack_ref(rd *r, long te, const cset *src, cset *tgt);
void casusi_attack_victim(const rd *r, long te, cset *tgt);
/* The text of tokens [s, e), copied into the reader's arena (NULL when empty). */
const char *casusi_span_text(rd *r, long s, long e);
void casusi_sovereignty_victim(const rd *r, long te, cset *tgt);
void casusi_discourse_targets(rd *r, size_t first);

/* news_events.c: triggers to events */
int casusi_sentence_events(rd *r);

/* news_merge.c: the article finished */
int casusi_finish_article(rd *r, casus_article *art);

#endif
