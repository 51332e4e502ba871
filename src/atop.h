/*
 * atop.h -- the ATOP 5.1 importer (Alliance Treaty Obligations and
 * Provisions, Leeds et al. 2002; codebook version 5.1, 2022) and the
 * directed dyad-year alliance flags derived from it.
 *
 * casusi_atop_load() reads the member-level file (atop5_1m.csv: one row
 * per member x alliance phase x membership spell) and, optionally, the
 * alliance-level file (atop5_1a.csv) into a casusi_atop: alliances, each
 * with its member spells. All or nothing: a malformed or truncated file
 * gives CASUS_EPARSE with FILE:LINE:COL in the casus_error and no result.
 *
 * casusi_atop_flags_build() turns the member spells into ATOP's directed
 * dyad-year flags (the content of ATOP's atop5_1ddyr file, 1815-2018) by
 * the rule written down in docs/atop-derivation.md; against peacesciencer's
 * copy of that file it gives 0 differences. Lookups are O(1).
 *
 * Ownership: a casusi_atop owns all its records (pointers stay valid until
 * casusi_atop_free); a flags table owns its memory and does not point into
 * the casusi_atop it was built from. Both are read-only after building and
 * can be shared between threads. Every *_free accepts NULL.
 */
#ifndef CASUS_ATOP_H
#define CASUS_ATOP_H

#include "casus_int.h"

#include <stddef.h>
#include <stdint.h>

/* Value of an integer column whose field is empty (ATOP's "missing"). */
#define CASUSI_ATOP_NA INT16_MIN

/* Bits of a dyad-year's flags and of a spell's obligations (`oblig`, which
 * never has the alliance bit). */
enum {
    CASUSI_ATOP_ALLIANCE = 1 << 0, /* the directed dyad-year is in ATOP */
    CASUSI_ATOP_DEFENSE = 1 << 1,
    CASUSI_ATOP_OFFENSE = 1 << 2,
    CASUSI_ATOP_NEUTRAL = 1 << 3,
    CASUSI_ATOP_NONAGG = 1 << 4,
    CASUSI_ATOP_CONSUL = 1 << 5
};

/* The years ATOP 5.1 covers: dyad-years outside them have no ATOP data
 * (NA), inside them a dyad-year without flags is "not allied" (0). */
#define CASUSI_ATOP_FIRST_YEAR 1815
#define CASUSI_ATOP_LAST_YEAR 2018

/* The member file's coded variables beyond the key columns, each an
 * int16_t field of casusi_atop_spell named like its column (CASUSI_ATOP_NA
 * when the field is empty). See the codebook, section 2.3, for each. */
#define CASUSI_ATOP_SPELL_VARS(X)                                            \
    X(cowwar) X(estmode) X(pubsecr) X(secrart) X(proadd) X(futmem)           \
    X(speclgth) X(length) X(renounce) X(proren) X(renewlgt) X(term)          \
    X(termmode) X(termcaus) X(active) X(conditio) X(defcon) X(offcon)        \
    X(neucon) X(concon) X(defcoadv) X(defcoloc) X(defcocon) X(defconum)      \
    X(defcodem) X(defconpr) X(offcoadv) X(offcoloc) X(offcocon) X(offconum)  \
    X(offcodem) X(neucoadv) X(neucoloc) X(neucocon) X(neuconum) X(neucodem)  \
    X(neuconpr) X(neucoatt) X(concoadv) X(concoloc) X(concocon) X(concoreq)  \
    X(olimob) X(asymm) X(obvary) X(notaiden) X(dipaid) X(terrres)            \
    X(seppeace) X(thirdcom) X(noothall) X(specthrt) X(statthr1) X(statthr2)  \
    X(conwtin) X(medarb) X(milcon) X(milaid) X(intcom) X(subord) X(organ1)   \
    X(orgpurp1) X(organ2) X(orgpurp2) X(base) X(contrib) X(armred)           \
    X(acqterr) X(divgains) X(demwith) X(reflnun) X(refothio) X(natrefal)     \
    X(compag) X(nomicoop) X(conres) X(agprois) X(conmen) X(ecaid) X(interv)  \
    X(source) X(new5) X(rev5)

/* One row of the member file: one member's spell in one alliance phase. */
typedef struct casusi_atop_spell {
    int32_t atopid;       /* alliance id */
    int16_t member;       /* COW country code (8152 = Annam: no COW code) */
    int16_t cowid;        /* COW v3 alliance id, CASUSI_ATOP_NA if none */
    int16_t cow4id;       /* COW v4.1 alliance id, CASUSI_ATOP_NA if none */
    int8_t cowsys;        /* 1: a COW system member at signature */
    int8_t phase;         /* 0: single-phase alliance, else 1..maxphase */
    int8_t maxphase;
    int8_t bilat;         /* at most two members in this phase */
    int8_t ineffect;      /* still in force on 2018-12-31 */
    int8_t wartime;
    uint8_t oblig;        /* CASUSI_ATOP_DEFENSE..CONSUL: what THIS member
                             promised (defense, offense, neutral, nonagg,
                             consul columns) */
    casus_date entry;     /* signature; precision 2 when the day is unknown */
    casus_date exit;      /* last day; precision 2 when the day is unknown,
                             precision 0 when still in force (0/0/0) */
    int line;             /* line of the row in the member file */
#define CASUSI_ATOP_X_FIELD(name) int16_t name;
    CASUSI_ATOP_SPELL_VARS(CASUSI_ATOP_X_FIELD)
#undef CASUSI_ATOP_X_FIELD
} casusi_atop_spell;

/* One alliance: the alliance-file row (when loaded) and its spells. */
typedef struct casusi_atop_alliance {
    int32_t atopid;
    int16_t cowid, cow4id;   /* CASUSI_ATOP_NA if not in COW */
    casus_date begin;        /* first entry (precision 2: day unknown) */
    casus_date end;          /* last exit; precision 0: in force 2018-12-31 */
    int8_t ineffect, bilat, maxphase, asymm;
    uint8_t oblig;           /* any member's obligations (CASUSI_ATOP_*) */
    const int16_t *mem; size_t nmem;  /* member codes (mem1..memN) */
    const casusi_atop_spell *spells; size_t nspells; /* sorted by phase,
                                member, entry */
    int line;                /* line in the alliance file, 0 if not loaded */
} casusi_atop_alliance;

typedef struct casusi_atop {
    casusi_atop_alliance *alliances; size_t nalliances; /* by atopid */
    casusi_atop_spell *spells; size_t nspells; /* grouped by alliance */
    int16_t *mems;           /* storage of every alliance's mem list */
    int have_alliance_file;  /* 0: alliances were built from the spells */
} casusi_atop;

/* Limits (CASUS_ELIMIT): member rows in one alliance (ATOP 5.1 has at
 * most 105), rows of one member in one alliance phase (at most 2). */
#define CASUSI_ATOP_MAX_ROWS 2000
#define CASUSI_ATOP_MAX_SPELLS 50

/* Loads the member file `mpath` and, if `apath` is not NULL, the alliance
 * file (checked against each other: the same alliances, the same members).
 * Returns CASUS_OK and *out, or CASUS_EIO / CASUS_EPARSE (file, line and
 * column set) / CASUS_ENOMEM / CASUS_ELIMIT (file and line set) with
 * *out = NULL. */
int casusi_atop_load(const char *mpath, const char *apath, casusi_atop **out,
                     casus_error *err);

/* The same from memory: mname/aname name the inputs in errors; abuf may be
 * NULL (no alliance file). The buffers are only read during the call. */
int casusi_atop_load_mem(const char *mname, const char *mbuf, size_t mlen,
                         const char *aname, const char *abuf, size_t alen,
                         casusi_atop **out, casus_error *err);

void casusi_atop_free(casusi_atop *atop);

/* The alliance with id `atopid`, or NULL. */
const casusi_atop_alliance *casusi_atop_find(const casusi_atop *atop,
                                             int atopid);

/* The obligations (CASUSI_ATOP_DEFENSE..CONSUL) that spell `s`'s member
 * owes member `b` of the same phase: s->oblig less ATOP's corrections for
 * partner-specific obligations (docs/atop-derivation.md, rule 7). */
uint8_t casusi_atop_owed(const casusi_atop_spell *s, int b);

/* ---- directed dyad-year flags ---------------------------------------- */

typedef struct casusi_atop_flags_table casusi_atop_flags_table;

/* Builds the directed dyad-year flags for first..last year of the data
 * (CASUSI_ATOP_FIRST_YEAR..LAST_YEAR for ATOP 5.1). Returns CASUS_OK or
 * CASUS_ENOMEM (*out = NULL). */
int casusi_atop_flags_build(const casusi_atop *atop,
                            casusi_atop_flags_table **out, casus_error *err);

void casusi_atop_flags_free(casusi_atop_flags_table *t);

/* The flags of directed dyad (c1, c2) in `year`: CASUSI_ATOP_ALLIANCE set
 * when ATOP counts the dyad-year as allied, plus the provisions c1 owes c2.
 * 0 when not allied or outside the table's years (see casusi_atop_years). */
uint8_t casusi_atop_flags(const casusi_atop_flags_table *t, int c1, int c2,
                          int year);

/* All years of directed dyad (c1, c2) at once, for callers that walk a
 * dyad's years in order: returns its flags, one byte per year from *first
 * (OUT) for *n (OUT) years; years outside are not allied. NULL, *n = 0
 * when the dyad is never allied. */
const uint8_t *casusi_atop_dyad(const casusi_atop_flags_table *t, int c1,
                                int c2, int *first, size_t *n);

/* The same as a callback: `ud` is the const casusi_atop_flags_table *. */
uint8_t casusi_atop_flags_cb(void *ud, int c1, int c2, int year);

/* The years the flags cover (OUT: *first, *last; both may be NULL) and
 * the number of allied directed dyad-years (the rows of ATOP's ddyr file). */
size_t casusi_atop_years(const casusi_atop_flags_table *t, int *first,
                         int *last);

/* Bytes the table holds (for benchmarks). */
size_t casusi_atop_flags_size(const casusi_atop_flags_table *t);

/* Calls fn for every allied directed dyad-year, in (c1, c2, year) order;
 * stops early and returns fn's value when it is not 0. */
int casusi_atop_flags_each(const casusi_atop_flags_table *t,
                           int (*fn)(void *ud, int c1, int c2, int year,
                                     uint8_t flags),
                           void *ud);

#endif
