/*
 * news_int.h -- internals shared by the news reader's modules (html.c,
 * lexicon.c, news.c and news_*.c, story.c, kbdiff.c, store.c). Not
 * installed.
 */
#ifndef CASUS_NEWS_INT_H
#define CASUS_NEWS_INT_H

#include "casus_int.h"

#include <stdbool.h>
#include <stdint.h>

/* html.c: the readable text of an HTML page. Scripts, styles, navigation,
 * headers, footers, asides, forms and elements whose class or id names page
 * furniture (share, social, cookie, newsletter, comment, related, ad...)
 * are dropped; each remaining block (p, h1-h6, li, blockquote, div text,
 * br) becomes one line. Character references are decoded; the output is
 * UTF-8 with '\n' between blocks and no blank lines. Never recurses on the
 * document depth. */
typedef struct casusi_html {
    char *text;        /* in the arena, NUL-terminated */
    size_t len;
    const char *title; /* <title>, og:title or the first <h1>; NULL if none */
    const char *date;  /* published date as found (article:published_time,
                          <time datetime>, meta date...), NULL if none */
} casusi_html;

/* Does the buffer look like HTML (a tag or doctype first, or <html>/<body>/
 * <p> near the start)? */
bool casusi_looks_html(const char *buf, size_t len);
/* Extracts the text. err gets `name` when the input cannot be parsed at all. */
int casusi_html_extract(casus_arena *a, const char *name, const char *buf,
                        size_t len, casusi_html *out, casus_error *err);


/* ---- tokens (token.c) -------------------------------------------------- */

enum { TK_WORD = 1, TK_NUM = 2, TK_PUNCT = 3 };
/* token flags */
enum {
    TF_CAP = 1,     /* starts with an upper-case letter */
    TF_ALLCAP = 2,  /* every letter upper-case (2+ letters) */
    TF_POSS = 4,    /* followed by 's or ' (possessive) */
    TF_HYPH = 8,    /* joined to the previous token by a hyphen */
    TF_ORD = 16,    /* 24th */
    TF_FIXED = 32   /* id set by fuzzy correction */
};

typedef struct ntok {
    uint32_t s, e;      /* byte offsets in the text */
    int32_t id;         /* vocabulary id, -1 if not in the lexicon */
    uint16_t fl;
    uint8_t kind;
    char punct;         /* TK_PUNCT: ',', ';', ':', '(', ')', '"', '-' (dash), '.', '?', '!', '/' */
    double num;         /* TK_NUM value */
} ntok;

typedef struct casusi_lexicon casusi_lexicon;
/* Tokenises text[0..len) appending to *toks (grown with realloc; *cap is
 * its capacity). Word ids are looked up in lx (NULL: all -1). Returns the
 * number of tokens or -1 when out of memory. */
long casusi_tokenize(const casusi_lexicon *lx, const char *text, size_t len,
                     size_t base, ntok **toks, size_t *cap);
/* The normalised form of a word (lower-case, accents stripped) into buf;
 * returns its length, or 0 if it does not fit. */
size_t casusi_word_norm(const char *s, size_t n, char *buf, size_t cap);

/* ---- the lexicon (lexicon.c) ------------------------------------------- */

/* Pattern categories. */
enum {
    LX_ACTOR = 1, LX_TRIGGER, LX_CUE, LX_PLACE
};
/* Cue classes (LX_CUE sub). */
enum {
    CUE_NEG = 1, CUE_HEDGE, CUE_PLANNED, CUE_POSSIBLE, CUE_COND, CUE_WOULD, CUE_SAY,
    CUE_DENYREF, CUE_PLURAL, CUE_SINGULAR, CUE_PEOPLE, CUE_FORMER, CUE_TROOPS,
    CUE_ARMS, CUE_AID, CUE_MISSILE, CUE_AMBASSADOR, CUE_EXERCISE, CUE_INTEL,
    CUE_SANCTION, CUE_TREATY, CUE_KIND, CUE_NEW, CUE_BOUNDARY, CUE_PREP, CUE_CONJ,
    CUE_APPROX, CUE_NUMBER, CUE_MULT, CUE_PLACESUFFIX, CUE_MONTH, CUE_WEEKDAY,
    CUE_RELDAY, CUE_BE, CUE_DET, CUE_LIGHT, CUE_LEGIS, CUE_NOTPARTNER, CUE_EXHORT, CUE_EVREF, CUE_CLAIM, CUE_STALLED, CUE_PLEDGE,
    CUE_ATTACK, CUE_ATTACKV, CUE_CURRENCY, CUE_VESSEL, CUE_REPRISAL, CUE_NEGNOUN, CUE_NEGAFTER, CUE_REACT, CUE_UNDO, CUE_FMONTH, CUE_TRADE, CUE_BLAME, CUE_SPAN, CUE_TERROR, CUE_INSTRUMENT, CUE_HEDGEAG, CUE__COUNT
};
/* What a trigger needs in its clause (lx_trigger.needs). */
enum {
    NEED_NONE = 0, NEED_TREATY, NEED_TROOPS, NEED_ARMS, NEED_AID, NEED_MISSILE,
    NEED_AMBASSADOR, NEED_ORG, NEED_EXERCISE, NEED_INTEL, NEED_SANCTION, NEED_CLAIM, NEED_PLEDGE,
    NEED_MONEY, NEED_REPRISAL, NEED_TRADE, NEED_BLAME, NEED_TERROR
};
/* Word forms of a trigger. */
enum { FORM_BASE = 1, FORM_S, FORM_PAST, FORM_PART, FORM_PASTPART, FORM_ING, FORM_NOUN };
/* Kinds of actor names. */
enum { AK_STATE = 1, AK_DEMONYM, AK_CAPITAL, AK_ALIAS, AK_LEADER, AK_BODY, AK_ORG, AK_CONTEXT };

typedef struct lx_actor {
    const char *code;       /* ISO3 or organisation code */
    const char *name;       /* canonical name (body name, leader name) */
    const char *role;       /* leaders: role in this term */
    uint8_t kind;           /* AK_* */
    int32_t from, until;    /* valid days (INT32_MIN / INT32_MAX if always) */
    const casus_state *state; /* NULL for organisations */
    /* AK_CONTEXT (contextual.yaml): a name that stands for a state only in
     * context ("the North" once the article has named North or South Korea) */
    uint8_t need_the;       /* "the" must come before the name */
    uint8_t cap;            /* its first word must be capitalised ("the North", not "the north") */
    uint8_t nafter, nnot;
    uint8_t hyphen;         /* a combining form: only before a hyphen and a state's name ("Franco-German") */
    const char *after[4];   /* one of these codes must have been named before */
    const char *const *notbefore; /* words that must not follow ("the island nation") */
    uint8_t anaphor;        /* contextual.yaml `anaphor: true`: the one of its states named most
                               recently ("the kingdom" after Saudi Arabia) */
    uint8_t shared;         /* bodies.yaml `shared: true`: other states' offices bear the name too
                               ("the Foreign Office" of Pakistan): the home state's when the
                               article has one and no state is named before it */
} lx_actor;

typedef struct lx_trigger {
    casus_evtype type;
    const char *lemma;
    uint8_t form;           /* FORM_* */
    uint8_t needs;          /* NEED_* */
    uint8_t subj_target;    /* the subject is the target (receive) */
    uint8_t subj_speaker;   /* the source is who says the sentence ("the claim is false, Kyiv said") */
    uint8_t with_target;    /* "with X" is a target, not a co-source */
    uint8_t accuse;         /* accuse/blame: what follows is hedged */
} lx_trigger;

typedef struct lx_payload {
    uint8_t cat;            /* LX_* */
    uint8_t sub;            /* CUE_* for cues */
    uint32_t idx;           /* actor, trigger or place index; cue value */
} lx_payload;

/* A pattern: a token sequence with one or more payloads. */
typedef struct lx_pattern {
    uint16_t ntok;
    uint16_t npay;
    uint32_t pay;           /* first payload index in lx->pays */
} lx_pattern;

/* A match: pattern p covers tokens [s, e). */
typedef struct lx_match {
    uint32_t s, e;
    uint32_t p;
    uint8_t fuzzy;
} lx_match;

/* A slot of the vocabulary's hash table: id and tag side by side, so that
 * a probe reads one cache line. */
typedef struct casusi_wslot {
    int32_t id;
    uint32_t tag;
} casusi_wslot;

struct casusi_lexicon {
    casus_arena *arena;
    const casus_kb *kb;
    /* vocabulary: open addressing, normalised word -> id */
    char **words; uint32_t nwords, wcap;
    casusi_wslot *wtab; uint32_t wmask;  /* a slot: the word's id and its hash's high bits */
    /* Aho-Corasick over token ids: goto as a hash of (state, id) */
    uint64_t *gkey; uint32_t *gval; uint32_t gmask, ngoto;
    uint32_t *root; uint32_t nroot;      /* the root's edges by word id (most steps start there) */
    uint32_t *fail, *out, *dict; /* out: pattern ending here or UINT32_MAX; dict: next state with output */
    uint32_t nstates;
    lx_pattern *pats; uint32_t npats;
    uint8_t *naming;  /* by pattern: 1 if it only names blame ("called", "described"; the blame need) */
    lx_payload *pays; uint32_t npays;
    lx_actor *actors; uint32_t nactors;
    lx_trigger *triggers; uint32_t ntriggers;
    const char **kinds; uint32_t nkinds;   /* treaty kinds (CUE_KIND idx) */
    const char **furniture; uint32_t nfurniture; /* normalised prefixes */
    size_t furniture_max;                          /* the longest one's length */
    const char **boxtitle; uint32_t nboxtitle;   /* titles of boxes of other stories' headlines */
    size_t boxtitle_max;
    uint32_t boxtitle_at[257];
    const char **abbrevs; uint32_t nabbrevs;
    /* both lists sorted; [at[c], at[c + 1]) holds the ones starting with byte c */
    uint32_t furniture_at[257], abbrevs_at[257];
    const char **openers; uint32_t nopeners;
    /* makers.yaml: weapon designations (lower-case letters and digits,
     * sorted) and the state whose industry makes each */
    const char **mkeys; const char **mcodes; uint32_t nmakers;
    /* fuzzy names: symmetric-delete index over leader-name words */
    uint64_t *fkey; int32_t *fval; uint32_t fmask;
    uint64_t *fbloom;         /* FZ_BLOOM_BITS bits, one per key: most words no name is one letter off
                                 from are turned away without touching fkey */
};

struct casus_lexicon { casusi_lexicon lx; };

int32_t casusi_lex_word(const casusi_lexicon *lx, const char *w, size_t n);
/* The same, given the word's 64-bit FNV-1a hash (CASUSI_FNV_OFFSET, CASUSI_FNV_PRIME). */
int32_t casusi_lex_word_h(const casusi_lexicon *lx, const char *w, size_t n, uint64_t h);
#define CASUSI_FNV_OFFSET 14695981039346656037ULL
#define CASUSI_FNV_PRIME 1099511628211ULL
/* Runs the automaton over toks[0..n) and appends every match to *m (grown
 * with realloc). Returns the number of matches or -1 when out of memory. */
long casusi_lex_match(const casusi_lexicon *lx, const ntok *toks, size_t n,
                      lx_match **m, size_t *cap);
/* A word one edit away from a leader-name word: its id, or -1. */
int32_t casusi_lex_fuzzy(const casusi_lexicon *lx, const char *w, size_t n);
/* The maker of a weapon system: s[0..n) is its name with case, accents,
 * spaces and hyphens removed ("su30sme"). A key that has a digit matches
 * before a variant suffix that does not start with one ("su30" + "sme");
 * a key of letters alone before nothing, "s", "es", "class" or a model
 * number ("shahed" + "238"). Returns the
 * state's code or NULL. */
const char *casusi_lex_maker(const casusi_lexicon *lx, const char *s, size_t n);
/* The letters and digits of s[0..n), lower-case and without accents
 * ("Scorpène-class" -> "scorpeneclass"), into buf (cap bytes, NUL-ended):
 * a maker key. Returns its length. */
size_t casusi_maker_key(const char *s, size_t n, char *buf, size_t cap);
bool casusi_lex_is_abbrev(const casusi_lexicon *lx, const char *w, size_t n);
bool casusi_lex_is_opener(const casusi_lexicon *lx, const char *w, size_t n);
bool casusi_lex_is_furniture(const casusi_lexicon *lx, const char *line, size_t n);
bool casusi_lex_is_box_title(const casusi_lexicon *lx, const char *line, size_t n);

#endif
