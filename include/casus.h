/*
 * casus.h -- the public interface of libcasus, a knowledge base of security
 * commitments between states and the reasoning over it ("if A attacks B on
 * day D, who is bound to respond, by which article?").
 *
 * Ownership, once for the whole API:
 *  - A casus_kb owns every record it loaded (states, places, treaties,
 *    obligations, sources). Pointers to records are `const` and stay valid
 *    until casus_kb_close().
 *  - Every query takes a casus_arena. Its results are allocated in that arena
 *    and borrow const pointers into the kb; casus_arena_reset() or
 *    casus_arena_free() frees all of one query's memory at once.
 *  - Functions that can fail return an int status (CASUS_OK == 0) and, when
 *    `err` is not NULL, fill it with a one-line, human-readable message.
 *  - Every *_free / *_close function accepts NULL.
 *  - The library has no global mutable state; one kb may be queried from
 *    several threads at once, each with its own arena.
 */
#ifndef CASUS_H
#define CASUS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CASUS_VERSION "0.1.0"

/* ------------------------------------------------------------------------
 * Errors
 * ---------------------------------------------------------------------- */

/* Result codes: a stable table; numbers are never reused. */
enum {
    CASUS_OK = 0,
    CASUS_ENOMEM = 1,    /* out of memory */
    CASUS_EIO = 2,       /* a file could not be read */
    CASUS_EPARSE = 3,    /* a data file is malformed (file, line, column set) */
    CASUS_EINVAL = 4,    /* a bad argument: malformed date, bad option value */
    CASUS_ENOTFOUND = 5, /* unknown state, treaty or place */
    CASUS_ELIMIT = 6     /* an input exceeded a documented limit */
};

/* An error value: a code, a one-line message (no trailing newline) and, for
 * parse errors, where in which file. */
typedef struct casus_error {
    int code;           /* one of the CASUS_E* codes, CASUS_OK if none */
    char msg[512];      /* human-readable, one line */
    char file[256];     /* file the error is in, "" if none */
    int line;           /* 1-based line, 0 if none */
    int column;         /* 1-based column, 0 if none */
} casus_error;

/* The generic text of a result code ("out of memory", ...). Never NULL. */
const char *casus_errstr(int code);

/* ------------------------------------------------------------------------
 * Arenas: per-query memory
 * ---------------------------------------------------------------------- */

typedef struct casus_arena casus_arena;

/* A new arena; NULL when out of memory. */
casus_arena *casus_arena_new(void);
/* Frees everything allocated in the arena but keeps its first block. */
void casus_arena_reset(casus_arena *a);
/* Frees the arena and everything in it. NULL is a no-op. */
void casus_arena_free(casus_arena *a);
/* size bytes aligned for any type, zeroed; NULL when out of memory. */
void *casus_arena_alloc(casus_arena *a, size_t size);
/* A copy of s (n bytes + NUL) in the arena. */
char *casus_arena_strndup(casus_arena *a, const char *s, size_t n);
char *casus_arena_strdup(casus_arena *a, const char *s);
/* printf into the arena. */
char *casus_arena_printf(casus_arena *a, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Bytes currently allocated from the system by this arena. */
size_t casus_arena_size(const casus_arena *a);

/* ------------------------------------------------------------------------
 * Dates: civil dates to the day; partial dates (year, year-month) allowed
 * ---------------------------------------------------------------------- */

/* A date as written in a source. precision: 0 = no date, 1 = year only,
 * 2 = year and month, 3 = full date. `lo` and `hi` are the first and last
 * day it can mean, as day numbers (days since 1970-01-01); lo == hi for a
 * full date. */
typedef struct casus_date {
    int32_t lo;
    int32_t hi;
    int16_t year;
    int8_t month;
    int8_t day;
    int8_t precision;
} casus_date;

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000..9999). Returns
 * CASUS_OK or CASUS_EINVAL (a message naming the bad value goes to err). */
int casus_date_parse(const char *s, casus_date *out, casus_error *err);
/* Parses only a full date YYYY-MM-DD (for query arguments). */
int casus_date_parse_day(const char *s, casus_date *out, casus_error *err);
/* Day number of a valid civil date. */
int32_t casus_days_from_civil(int y, int m, int d);
/* Civil date of a day number. */
void casus_civil_from_days(int32_t z, int *y, int *m, int *d);
/* Writes the date as written (YYYY, YYYY-MM or YYYY-MM-DD; "" if none) into
 * buf, which must hold 11 bytes; returns buf. */
char *casus_date_format(const casus_date *d, char buf[11]);
/* A full date from a day number. */
casus_date casus_date_from_days(int32_t days);
/* Today's date (UTC) as a full date. */
casus_date casus_date_today(void);

/* ------------------------------------------------------------------------
 * Records of the knowledge base (read-only views owned by the kb)
 * ---------------------------------------------------------------------- */

typedef struct casus_source {
    const char *key;   /* key used by facts in the same file */
    const char *cite;  /* publisher, title */
    const char *url;   /* may be NULL */
    casus_date date;   /* publication date, precision 0 if not given */
} casus_source;

typedef struct casus_state {
    const char *iso3;          /* ISO 3166-1 alpha-3 (or 3166-3 for historical) */
    int cow;                   /* Correlates of War code, 0 if none */
    const char *cowabb;        /* COW abbreviation, NULL if none */
    const char *name;          /* short English name */
    const char *official;      /* official name, may be NULL */
    casus_date from;           /* first day, precision 0 if long before 1900 */
    casus_date until;          /* last day, precision 0 if it exists today */
    const struct casus_state *continues; /* predecessor it continues, or NULL */
    const char *capital;       /* may be NULL */
    const char *const *demonyms; size_t ndemonyms;
    const char *const *aliases;  size_t naliases;
    const char *const *areas;    size_t nareas;   /* metropolitan territory */
    const char *const *partly;   size_t npartly;  /* areas it lies partly in */
    const char *note;          /* may be NULL */
    int lineage;               /* index shared by a state and its continuators */
} casus_state;

typedef struct casus_place {
    const char *id;
    const char *name;
    const char *const *aliases; size_t naliases;
    const casus_state *sovereign; /* internationally recognised sovereign */
    const casus_state *admin;     /* who administers it */
    casus_date admin_from;        /* precision 0 if always */
    const char *const *areas;   size_t nareas;
    const char *kind;             /* land | sea | air */
    const char *note;             /* may be NULL */
} casus_place;

typedef struct casus_area {
    const char *id;
    const char *name;
    const char *const *includes; size_t nincludes; /* other area ids */
    const casus_state *const *states; size_t nstates;
} casus_area;

/* A step in a member's or a treaty's life. */
typedef struct casus_step {
    casus_date date;
    const char *what;          /* e.g. "ratification-vote", "exchange-of-instruments" */
    const char *body;          /* e.g. "State Duma"; may be NULL */
    const char *place;         /* may be NULL */
    const char *note;          /* may be NULL */
    int reported;              /* 1: reported only, not a legal event */
    const casus_source *source;/* may be NULL */
    int line;                  /* line in the data file */
} casus_step;

/* One period during which a member was bound. */
typedef struct casus_spell {
    casus_date from;           /* first day bound */
    casus_date until;          /* last day bound; precision 0 = still bound */
    const char *end;           /* why it ended: withdrawal, suspension, ... */
    const casus_source *source;
} casus_spell;

typedef struct casus_member {
    const casus_state *state;
    casus_date signed_on;      /* precision 0 if unknown */
    const casus_step *steps; size_t nsteps;
    const casus_spell *spells; size_t nspells; /* 0 spells: never bound yet */
    casus_date frozen;         /* participation frozen since (still bound) */
    const char *note;
    const casus_source *source;
} casus_member;

/* Obligation types. */
typedef enum casus_obtype {
    CASUS_OB_DEFENSE, CASUS_OB_OFFENSE, CASUS_OB_NEUTRALITY,
    CASUS_OB_NONAGGRESSION, CASUS_OB_CONSULTATION, CASUS_OB_MILITARY_AID,
    CASUS_OB_TECH_TRANSFER, CASUS_OB_INTELLIGENCE, CASUS_OB_BASING,
    CASUS_OB__COUNT
} casus_obtype;

/* What sets an obligation off. */
typedef enum casus_trigger {
    CASUS_TRIG_ATTACK,    /* a beneficiary is attacked */
    CASUS_TRIG_THREAT,    /* a beneficiary is threatened (an attack is one) */
    CASUS_TRIG_ATTACKING, /* a beneficiary attacks (offense) */
    CASUS_TRIG_WAR,       /* a beneficiary is at war, either way */
    CASUS_TRIG_STANDING   /* always (non-aggression, basing, aid) */
} casus_trigger;

/* Condition kinds. */
typedef enum casus_condkind {
    CASUS_COND_STATE_OF_WAR, CASUS_COND_TERRITORY, CASUS_COND_ADMINISTERED,
    CASUS_COND_ADMINISTERED_BY, CASUS_COND_AREA, CASUS_COND_ADVERSARY,
    CASUS_COND_NOT_ADVERSARY, CASUS_COND_NON_MEMBER_ATTACKER,
    CASUS_COND_CONSULTATION_FIRST, CASUS_COND_REQUEST, CASUS_COND_JOINT_FINDING,
    CASUS_COND_NON_PROVOCATION, CASUS_COND_CONSTITUTIONAL,
    CASUS_COND_COBELLIGERENT, /* internal: added in cascade rounds after the first */
    CASUS_COND_UNNAMED,  /* ATOP codes a condition without naming it: `area`
                            holds the ATOP column (defcoloc, ...), `states`
                            the threat ATOP names, if any; always unknown */
    CASUS_COND__COUNT
} casus_condkind;

typedef struct casus_condition {
    casus_condkind kind;
    const char *area;                          /* for CASUS_COND_AREA */
    const casus_state *const *states; size_t nstates; /* adversary, administered-by */
} casus_condition;

typedef struct casus_treaty casus_treaty;

typedef struct casus_obligation {
    const casus_treaty *treaty;
    const char *article;       /* "5", "V", "42(7)" */
    casus_obtype type;
    casus_trigger trigger;
    const casus_state *const *by; size_t nby;  /* NULL/0 = all members */
    const casus_state *const *to; size_t nto;  /* NULL/0 = all members */
    const casus_condition *conds; size_t nconds;
    const char *text;          /* one-line paraphrase in our own words */
    const casus_source *source;
    casus_date from, until;    /* version validity; precision 0 = always */
    int line;
} casus_obligation;

typedef struct casus_suspension {
    const casus_state *a, *b;
    casus_date from, until;
    const casus_source *source;
} casus_suspension;

typedef struct casus_supersession {
    const char *treaty_id;     /* the treaty superseded */
    const casus_treaty *treaty;/* resolved, NULL if not in the kb */
    casus_date date;
    const casus_source *source;
} casus_supersession;

struct casus_treaty {
    const char *id;
    const char *name;
    const char *short_name;
    const char *kind;          /* treaty, organisation, political-commitment, ... */
    int binding;               /* 0 for political commitments */
    const char *place;
    casus_date signed_on;
    casus_date in_force;       /* precision 0: not in force (yet) */
    casus_date ended;          /* last day in force; precision 0: in force */
    const char *end;           /* how it ended */
    const char *duration;
    int term_initial, term_renew, term_notice_months; /* 0 if no rule */
    const char *confidence;    /* high | medium | low */
    const int *atop; size_t natop;
    const casus_source *sources; size_t nsources;
    const char *const *notes; size_t nnotes;
    const casus_step *history; size_t nhistory;
    const casus_member *members; size_t nmembers;
    const casus_suspension *suspensions; size_t nsuspensions;
    const casus_obligation *obligations; size_t nobligations;
    const casus_supersession *supersedes; size_t nsupersedes;
    const casus_treaty *superseded_by; /* filled from the other side */
    const char *file;          /* path it was loaded from */
};

const char *casus_obtype_name(casus_obtype t);   /* "defense", ... */
const char *casus_trigger_name(casus_trigger t); /* "attack", ... */
const char *casus_condkind_name(casus_condkind k);

/* ------------------------------------------------------------------------
 * The knowledge base
 * ---------------------------------------------------------------------- */

typedef struct casus_kb casus_kb;

/* Called once per problem found while loading or checking. `e` is only valid
 * during the call. */
typedef void (*casus_diag_fn)(void *ud, const casus_error *e);

/* Loads a data folder (states.yaml, areas.yaml, places.yaml, treaties/ *.yaml).
 * All or nothing: on any error *out is NULL, the first error is in err and
 * every error goes to diag (if not NULL). */
int casus_kb_open(const char *dir, casus_kb **out, casus_error *err);
int casus_kb_open_ex(const char *dir, casus_kb **out, casus_diag_fn diag,
                     void *ud, casus_error *err);
void casus_kb_close(casus_kb *kb);

/* Validates files or folders (a folder is read as a whole data folder; a lone
 * treaty file is checked against the data folder `dir`, which may be NULL
 * for a syntax-and-shape check only). Returns the number of problems. */
int casus_check(const char *dir, const char *const *paths, size_t npaths,
                casus_diag_fn diag, void *ud);

size_t casus_kb_nstates(const casus_kb *kb);
const casus_state *casus_kb_state_at(const casus_kb *kb, size_t i);
size_t casus_kb_ntreaties(const casus_kb *kb);
const casus_treaty *casus_kb_treaty_at(const casus_kb *kb, size_t i);
size_t casus_kb_nplaces(const casus_kb *kb);
const casus_place *casus_kb_place_at(const casus_kb *kb, size_t i);

/* A state by ISO3 code, COW abbreviation or number, name or alias (case- and
 * accent-insensitive). With a date (precision > 0), the answer is the member
 * of the state's lineage that existed on that day: "RUS" on 1970-01-01 is
 * the Soviet Union (COW code 365 for both). NULL + CASUS_ENOTFOUND if none. */
const casus_state *casus_kb_state(const casus_kb *kb, const char *name,
                                  const casus_date *on, casus_error *err);
/* The state of `s`'s lineage that existed on day `day`, or s itself. */
const casus_state *casus_kb_state_on(const casus_kb *kb, const casus_state *s,
                                     int32_t day);
const casus_treaty *casus_kb_treaty(const casus_kb *kb, const char *id,
                                    casus_error *err);
const casus_place *casus_kb_place(const casus_kb *kb, const char *name,
                                  casus_error *err);
const casus_area *casus_kb_area(const casus_kb *kb, const char *id);

/* ------------------------------------------------------------------------
 * Queries
 * ---------------------------------------------------------------------- */

/* The situation a query asks about. */
typedef struct casus_attack {
    const casus_state *attacker;
    const casus_state *target;
    int32_t day;               /* day number of the attack */
    const casus_place *place;  /* where it hits, or NULL */
    const casus_state *where_state; /* or: the metropolitan territory of a state */
    int certain_only;          /* cascade: follow only obligations with all conditions met */
} casus_attack;

typedef enum casus_cond_status {
    CASUS_MET, CASUS_NOT_MET, CASUS_UNKNOWN
} casus_cond_status;

typedef struct casus_cond_result {
    const casus_condition *cond;
    casus_cond_status status;
    const char *explain;       /* one line, in the arena */
} casus_cond_result;

typedef enum casus_side {
    CASUS_SIDE_NONE, CASUS_SIDE_ATTACKER, CASUS_SIDE_TARGET
} casus_side;

/* One state bound (or possibly bound) by one obligation. */
typedef struct casus_binding {
    const casus_state *state;      /* who owes (as on the query day) */
    const casus_state *toward;     /* to whom */
    const casus_treaty *treaty;
    const casus_obligation *ob;
    casus_cond_result *conds; size_t nconds;
    casus_cond_status overall;     /* MET: bound; UNKNOWN: possibly; NOT_MET: not triggered */
    casus_side side;               /* which side it makes `state` join */
    const char *duty;              /* one line: what the state must do */
    const char *why_pending;       /* for pending: what is missing */
    int rests_on_partial_date;     /* the answer depends on a year/month-only date */
    int frozen;                    /* the obligor's participation is frozen */
} casus_binding;

typedef struct casus_obligations {
    casus_binding *bound;   size_t nbound;    /* bound to act */
    casus_binding *pending; size_t npending;  /* signed, not yet in force */
    casus_binding *not_triggered; size_t nnot_triggered; /* in force, a condition not met */
    const char *const *violations; size_t nviolations;   /* e.g. the attack breaks a non-aggression pact */
} casus_obligations;

/* "If attacker attacks target on day D (at place P), who is bound to act?"
 * Results live in `arena`. */
int casus_query_obligations(const casus_kb *kb, casus_arena *arena,
                            const casus_attack *attack,
                            casus_obligations **out, casus_error *err);

typedef struct casus_joiner {
    const casus_state *state;
    casus_side side;
    int round;                  /* 1-based */
    const casus_binding *reason;/* the obligation that brings it in */
} casus_joiner;

typedef struct casus_cascade {
    const casus_state *const *attacker_side; size_t nattacker_side;
    const casus_state *const *target_side;   size_t ntarget_side;
    const casus_joiner *joiners; size_t njoiners;   /* in order of joining */
    size_t nrounds;
    const casus_binding *conflicted; size_t nconflicted; /* bound to both sides */
} casus_cascade;

/* The escalation by rounds: each state bound to act joins its side, which can
 * bind further states. See docs/reasoning.md for the model. */
int casus_query_cascade(const casus_kb *kb, casus_arena *arena,
                        const casus_attack *attack, casus_cascade **out,
                        casus_error *err);

/* Status of a member on a day. */
typedef enum casus_mstatus {
    CASUS_M_NOT_SIGNED, CASUS_M_PENDING, CASUS_M_BOUND, CASUS_M_ENDED,
    CASUS_M_UNCERTAIN
} casus_mstatus;
const char *casus_mstatus_name(casus_mstatus s);

/* Is `m` bound on `day`? Sets *partial when the answer rests on a partial
 * date. */
casus_mstatus casus_member_status(const casus_treaty *t, const casus_member *m,
                                  int32_t day, int *partial);
/* The treaty's own status on a day: "not signed", "signed, not in force",
 * "in force", "ended". */
const char *casus_treaty_status(const casus_treaty *t, int32_t day);

/* The days on which the treaty's terms end under its renewal rule (`term`),
 * up to the treaty's end or `day`, whichever comes first: at most max of
 * them go into out. Returns how many there are (0 without a rule or a full
 * entry-into-force date). */
size_t casus_treaty_term_ends(const casus_treaty *t, int32_t day, int32_t *out,
                              size_t max);

/* Every commitment a state has and is owed on a day. */
typedef struct casus_commitment {
    const casus_treaty *treaty;
    const casus_obligation *ob;
    const casus_state *const *counterparts; size_t ncounterparts; /* as on that day */
    int owes;                  /* 1: the state owes it; 0: it is owed */
    int pending;               /* signed, not yet in force for this state */
    int partial;               /* rests on a partial date */
} casus_commitment;

typedef struct casus_allies {
    const casus_state *state;
    casus_commitment *items; size_t nitems;
} casus_allies;

int casus_query_allies(const casus_kb *kb, casus_arena *arena,
                       const casus_state *state, int32_t day,
                       casus_allies **out, casus_error *err);

/* ------------------------------------------------------------------------
 * Reading the news (news.c, lexicon.c, html.c, story.c, kbdiff.c)
 *
 * casus_read() turns one article (plain text or HTML, UTF-8) into sourced
 * events, treaty mentions and actors. The dictionaries it matches with
 * (leaders with their terms, bodies, organisations, event verbs, cue words)
 * are the YAML files of data/lexicon/ plus the kb's state names, aliases,
 * demonyms and capitals. See docs/news.md.
 * ---------------------------------------------------------------------- */

typedef struct casus_lexicon casus_lexicon;

/* Compiles the dictionaries of `dir` (usually DATA/lexicon) against `kb`
 * (which must outlive the lexicon). All or nothing, like casus_kb_open. */
int casus_lexicon_open(const casus_kb *kb, const char *dir,
                       casus_lexicon **out, casus_error *err);
void casus_lexicon_close(casus_lexicon *lx);
/* Number of patterns in the compiled automaton (for benchmarks). */
size_t casus_lexicon_npatterns(const casus_lexicon *lx);

typedef enum casus_evtype {
    CASUS_EV_TREATY_SIGNED, CASUS_EV_TREATY_RATIFIED, CASUS_EV_TREATY_IN_FORCE,
    CASUS_EV_TREATY_WITHDRAWN, CASUS_EV_ALLIANCE_JOINED,
    CASUS_EV_MUTUAL_DEFENSE_PLEDGE, CASUS_EV_TROOPS_DEPLOYED,
    CASUS_EV_ARMS_TRANSFERRED, CASUS_EV_MILITARY_EXERCISE,
    CASUS_EV_INTELLIGENCE_SHARING, CASUS_EV_MISSILE_TEST, CASUS_EV_CONDEMN,
    CASUS_EV_WARN, CASUS_EV_SUMMON_AMBASSADOR, CASUS_EV_DENY_ACCUSATION,
    CASUS_EV_AID_PLEDGED, CASUS_EV_SANCTIONS,
    CASUS_EV__COUNT
} casus_evtype;

const char *casus_evtype_name(casus_evtype t);   /* "treaty_ratified", ... */
/* The type named `name`; CASUS_EINVAL if none. */
int casus_evtype_parse(const char *name, casus_evtype *out, casus_error *err);

typedef enum casus_modality {
    CASUS_MOD_ACTUAL, CASUS_MOD_PLANNED, CASUS_MOD_POSSIBLE
} casus_modality;
const char *casus_modality_name(casus_modality m);

/* A span of the article: byte offsets [start, end) into the input as given
 * (for HTML: into the text extracted from it, see casus_article.html). */
typedef struct casus_span {
    size_t start, end;
} casus_span;

/* Details of an event; NULL / -1 where the text gives none. */
typedef struct casus_event_details {
    const char *body;          /* acting body: "State Duma", "Federation Council" */
    const char *treaty;        /* kb treaty id the event is about */
    int treaty_ref;            /* index into casus_article.treaties, -1 if none */
    int64_t count;             /* troops: how many */
    const char *count_text;    /* as written: "10,000", "around 12,000" */
    const char *place;         /* where: "Kursk region" */
    const char *place_id;      /* kb place id, when the place is known */
    const char *item;          /* arms, missiles, aid: "artillery shells" */
    int64_t quantity;          /* arms: how many */
    const char *quantity_text; /* as written: "around 1.6 million" */
    int approx;                /* count or quantity is approximate */
    const char *denies;        /* deny_accusation: event type denied, or NULL */
} casus_event_details;

typedef struct casus_event {
    casus_evtype type;
    const char *const *source; size_t nsource;  /* actor codes, sorted; empty only for a
                                                   treaty_in_force whose parties go unnamed */
    const char *const *target; size_t ntarget;
    casus_date date;           /* precision 0: not given */
    int denied;                /* status: 1 = denied, 0 = reported */
    int hedged;                /* "reportedly", "accused", "intelligence says" */
    casus_modality modality;
    casus_event_details details;
    const char *sentence;      /* the sentence, exactly as in the text */
    casus_span span;           /* its offsets */
    const casus_span *restated; size_t nrestated; /* the same fact, again */
    int fuzzy;                 /* an actor was resolved from a misspelling */
    int target_inferred;       /* the target is not named where the fact is told: it was
                                  inferred from the sentences before (the adversary the
                                  article has shown, or the state named last) */
    int source_inferred;       /* the subject is an office, a body or people that name no
                                  state ("the ministry denounced"): the source is the state
                                  the sentences before are about */
} casus_event;

typedef struct casus_treaty_mention {
    const char *const *parties; size_t nparties; /* actor codes, sorted */
    const char *kind;          /* "mutual-defense", "partnership", ... or NULL */
    int year_signed;           /* 0 if the text does not give it */
    const casus_treaty *kb;    /* the matching kb treaty, or NULL */
    casus_span first;          /* first mention */
    size_t nmentions;
} casus_treaty_mention;

typedef struct casus_article {
    const char *name;          /* file name as given ("-" for stdin) */
    const char *title;         /* first line / <title>, or NULL */
    casus_date date;           /* article date, precision 0 if unknown */
    const char *date_from;     /* "option", "text", "html", "terms" (the dateline's month and day,
                                  the year from the terms of the leaders named) or NULL */
    int html;                  /* read as HTML (spans refer to `text`) */
    const char *text;          /* the text events were read from */
    size_t len;
    char sha256[65];           /* of `text`: the identity used by the store */
    const char *const *actors; size_t nactors;   /* sorted codes */
    const casus_event *events; size_t nevents;
    const casus_treaty_mention *treaties; size_t ntreaties;
} casus_article;

typedef struct casus_read_opts {
    casus_date date;           /* article date if known (precision 3), else 0 */
    int html;                  /* 1: HTML, 0: plain text, -1: guess */
} casus_read_opts;

/* Reads one article of `len` bytes. Bad input (invalid UTF-8, binary data,
 * over CASUS_READ_MAX bytes) is CASUS_EPARSE/CASUS_ELIMIT with `name` and
 * the line in err; an article with nothing in it is a clean empty result. */
#define CASUS_READ_MAX ((size_t)256 << 20)
int casus_read(const casus_lexicon *lx, casus_arena *a, const char *name,
               const char *buf, size_t len, const casus_read_opts *opts,
               casus_article **out, casus_error *err);

/* Several articles' events merged into facts. */
typedef struct casus_report {
    const casus_article *article;
    const casus_event *event;
} casus_report;

typedef struct casus_disagreement {
    const char *field;         /* "status", "count", "quantity", "date", "place", "body" */
    const char *const *values; size_t nvalues;  /* each value as text */
    const char *const *const *articles;          /* per value: NULL-terminated names */
} casus_disagreement;

typedef struct casus_fact {
    casus_evtype type;
    const char *const *source; size_t nsource;
    const char *const *target; size_t ntarget;
    casus_date date;           /* the most precise date the reports agree on */
    int target_inferred;       /* no report names the target: it is one report's inference */
    int source_inferred;       /* every report inferred the source */
    const casus_report *reports; size_t nreports;
    const casus_disagreement *disagreements; size_t ndisagreements;
} casus_fact;

typedef struct casus_story {
    const casus_fact *facts; size_t nfacts;
} casus_story;

int casus_story_merge(casus_arena *a, const casus_article *const *arts,
                      size_t n, casus_story **out, casus_error *err);

/* An article's treaty events held against the knowledge base. */
typedef enum casus_verdict {
    CASUS_KB_CONFIRMS, CASUS_KB_NEW, CASUS_KB_CONFLICTS
} casus_verdict;
const char *casus_verdict_name(casus_verdict v);

typedef struct casus_kbcheck {
    const casus_event *event;
    const casus_treaty *treaty;
    const casus_state *state;  /* the member the step belongs to, or NULL */
    casus_verdict verdict;
    const casus_step *step;    /* the kb step it confirms or conflicts with */
    const char *explain;       /* one line */
    const char *add;           /* NEW: the YAML line to add to the treaty file */
} casus_kbcheck;

int casus_kb_diff(const casus_kb *kb, casus_arena *a, const casus_article *art,
                  casus_kbcheck **out, size_t *n, casus_error *err);

/* ------------------------------------------------------------------------
 * The event store (SQLite, WAL; store.c)
 * ---------------------------------------------------------------------- */

typedef struct casus_store casus_store;

/* Opens (creating if needed) the store at `path`. */
int casus_store_open(const char *path, casus_store **out, casus_error *err);
void casus_store_close(casus_store *st);
/* Adds one article and its events in one transaction. *added is 0 when an
 * article with the same sha256 is already stored (nothing is written). */
int casus_store_add(casus_store *st, const casus_article *art, int *added,
                    casus_error *err);

typedef struct casus_event_filter {
    const char *actor;         /* code in source or target, or NULL */
    int has_type; casus_evtype type;
    casus_date since;          /* events dated on/after; precision 0 = all */
} casus_event_filter;

typedef struct casus_stored_event {
    int64_t id;
    const char *article;       /* the article's name when stored */
    const char *sha256;
    casus_date article_date;
    casus_event event;
} casus_stored_event;

int casus_store_events(casus_store *st, casus_arena *a,
                       const casus_event_filter *f, casus_stored_event **out,
                       size_t *n, casus_error *err);
/* Counts of stored articles and events. */
int casus_store_counts(casus_store *st, int64_t *articles, int64_t *events,
                       casus_error *err);

/* ------------------------------------------------------------------------
 * JSON (rendered with jansson). Strings are allocated in the arena.
 * ---------------------------------------------------------------------- */

/* Flags for the JSON writers. */
enum { CASUS_JSON_PRETTY = 1 };

char *casus_json_obligations(casus_arena *a, const casus_attack *attack,
                             const casus_obligations *r, int flags);
char *casus_json_cascade(casus_arena *a, const casus_attack *attack,
                         const casus_cascade *c, int flags);
char *casus_json_treaty(casus_arena *a, const casus_kb *kb,
                        const casus_treaty *t, int32_t day, int flags);
char *casus_json_allies(casus_arena *a, const casus_allies *r, int32_t day,
                        int flags);

char *casus_json_article(casus_arena *a, const casus_article *art,
                         const casus_kbcheck *checks, size_t nchecks, int flags);
char *casus_json_story(casus_arena *a, const casus_story *s, int flags);
char *casus_json_kbdiff(casus_arena *a, const casus_article *art,
                        const casus_kbcheck *checks, size_t n, int flags);
char *casus_json_stored_events(casus_arena *a, const casus_stored_event *ev,
                               size_t n, int flags);

/* ------------------------------------------------------------------------
 * History: imported ATOP and state-system data, dyad-year datasets
 * ---------------------------------------------------------------------- */

/* The datasets `casus import` reads. (COW Formal Alliances is deliberately
 * not among them: its maintainer asked that software not automate its use.) */
typedef enum casus_dataset {
    CASUS_DS_ATOP,  /* ATOP 5.x member- and alliance-level CSV files (a folder) */
    CASUS_DS_COW,   /* COW State System Membership list (states2016.csv, statelist2024.csv) */
    CASUS_DS_GW,    /* Gleditsch-Ward iisystem.dat */
    CASUS_DS_NMC    /* COW National Material Capabilities (NMC-60-abridged.csv) */
} casus_dataset;

const char *casus_dataset_name(casus_dataset d);          /* "atop", "cow", "gw", "nmc" */
int casus_dataset_parse(const char *s, casus_dataset *out); /* CASUS_EINVAL if unknown */

/* What an import read (or, from casus_history_list, what is stored). */
typedef struct casus_import_info {
    casus_dataset dataset;
    size_t rows;             /* member rows (atop) or membership spells */
    size_t units;            /* alliances (atop) or states */
    int first_year, last_year;
    char sha256[65];         /* of the file(s) as read */
    char source[512];        /* the path imported from */
    char imported_at[32];    /* ISO 8601 UTC (casus_history_list only) */
} casus_import_info;

/* The history database's path: `db` if given, else $CASUS_DB, else
 * $XDG_DATA_HOME/casus/history.db, else ~/.local/share/casus/history.db. */
int casus_history_path(char *buf, size_t n, const char *db);

/* Reads and validates `path` (a folder for ATOP, a file otherwise) and, only
 * when all of it parses, replaces that dataset in database `db` (created if
 * missing) in one transaction. Errors name file, line and column. */
int casus_history_import(const char *db, casus_dataset ds, const char *path,
                         casus_import_info *info, casus_error *err);
/* The datasets stored in `db` (up to cap). */
int casus_history_list(const char *db, casus_import_info *out, size_t cap,
                       size_t *n, casus_error *err);

typedef struct casus_history casus_history;

/* Loads every dataset stored in `db`. CASUS_ENOTFOUND (with a message
 * saying what to import) when the database does not exist. */
int casus_history_open(const char *db, casus_history **out, casus_error *err);
void casus_history_close(casus_history *h);
int casus_history_has(const casus_history *h, casus_dataset ds);

/* Adds the ATOP alliances of `h` to `kb` as treaties with ids "atop-N"
 * (kind "alliance", confidence "medium"): members, spells, and obligations
 * and conditions mapped from ATOP's member rows (docs/history.md). An
 * alliance that a bundled treaty lists under `atop` is not added: the
 * bundled file stands for it (casus_kb_treaty also resolves "atop-N" to
 * it). ATOP members without a kb state get state records from COW codes
 * ("COW-AUH", ..., named from h's COW list when imported). Everything goes
 * into the kb's arena; all or nothing (CASUS_EINVAL when h has no ATOP or
 * the kb already has it). Pass casus_dyads_write a kb without history: it
 * carries ATOP itself. */
int casus_kb_add_history(casus_kb *kb, const casus_history *h, casus_error *err);

typedef enum casus_system { CASUS_SYSTEM_COW, CASUS_SYSTEM_GW } casus_system;
typedef enum casus_dyad_format { CASUS_DYADS_CSV, CASUS_DYADS_JSONL } casus_dyad_format;

typedef struct casus_dyads_opts {
    int first_year;          /* 0: 1816 */
    int last_year;           /* 0: last year (today's year - 1) */
    int directed;            /* both orders, or ccode1 < ccode2 only */
    casus_system system;
    casus_dyad_format format;
    int explain;             /* add a column saying where the flags came from */
    int threads;             /* 0: 2 */
} casus_dyads_opts;

/* Receives output blocks in order; returns nonzero to stop. */
typedef int (*casus_sink)(void *ud, const char *buf, size_t n);

/* Streams the dyad-year dataset with ATOP flags (peacesciencer 1.2.0's
 * columns). Years through ATOP's last (2018) are ATOP's; later years carry
 * forward the alliances ATOP codes as still in force and apply the kb's
 * dated facts (kb may be NULL: carry only). *rows gets the row count. */
int casus_dyads_write(const casus_history *h, const casus_kb *kb,
                      const casus_dyads_opts *o, casus_sink sink, void *ud,
                      size_t *rows, casus_error *err);

/* Alliance-portfolio similarity (docs/similarity.md). */
typedef enum casus_sim_measure {
    CASUS_SIM_S,          /* Signorino & Ritter's S, unweighted */
    CASUS_SIM_S_WEIGHTED, /* S weighted by COW capability (CINC); needs `casus import nmc` */
    CASUS_SIM_TAUB,       /* Bueno de Mesquita's tau-b */
    CASUS_SIM_KAPPA       /* Cohen's kappa as Haege (2011) */
} casus_sim_measure;
int casus_sim_measure_parse(const char *s, casus_sim_measure *out); /* "s", "s-weighted", "taub", "kappa" */

typedef struct casus_sim_opts {
    casus_sim_measure measure;
    int first_year, last_year;  /* 0: 1816 and last year */
    int scheme;                 /* valuation: 0 COW types (default), 1 ATOP S-score (Chiba, Johnson & Leeds) */
    int verify;                 /* also compute with the plain formulas; *maxdiff gets the largest difference */
} casus_sim_opts;

/* Streams ccode1,ccode2,year,VALUE (NA where undefined) for every
 * non-directed pair of system members in every year, year by year. */
int casus_similarity_write(const casus_history *h, const casus_kb *kb,
                           const casus_sim_opts *o, casus_sink sink, void *ud,
                           size_t *rows, double *maxdiff, casus_error *err);

#ifdef __cplusplus
}
#endif
#endif /* CASUS_H */
