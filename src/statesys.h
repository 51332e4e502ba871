/*
 * statesys.h -- state-system membership lists: which states were members of
 * the international system, from which day to which day.
 *
 * Two formats are read:
 *   - COW State System Membership (states2016.csv, statelist2024.csv):
 *     CSV with the header stateabb,ccode,statenme,styear,stmonth,stday,
 *     endyear,endmonth,endday,version (extra columns are ignored);
 *   - Gleditsch-Ward iisystem.dat (and microstatessystem.dat): tab-separated,
 *     no header, gwcode, abbreviation, name, start and end as dd:mm:yyyy.
 * Names are stored as UTF-8: a name that is not valid UTF-8 is read as
 * Windows-1252 (G&W's "W\xFCrttemberg", "Cote D\x92Ivoire") and converted.
 *
 * A list is all or nothing: a malformed file gives an error with
 * FILE:LINE:COL and no list (nothing stays allocated). The list is
 * read-only after loading and may be shared between threads.
 */
#ifndef CASUS_STATESYS_H
#define CASUS_STATESYS_H

#include "casus_int.h"

#include <stdbool.h>
#include <stdint.h>

/* One membership spell; both ends inclusive. */
typedef struct casusi_spell {
    int code;              /* COW ccode or G&W gwcode (1..999) */
    char abbrev[8];        /* "USA", NUL-terminated */
    const char *name;      /* UTF-8, owned by the list */
    int32_t start, end;    /* first and last day (days since 1970-01-01) */
    int16_t styear, endyear;
    int line;              /* line in the file it was read from */
} casusi_spell;

/* Kinds of lists. */
typedef enum casusi_sysfmt {
    CASUSI_SYS_COW,        /* COW CSV */
    CASUSI_SYS_GW          /* Gleditsch-Ward tab-separated .dat */
} casusi_sysfmt;

/* A membership list. */
typedef struct casusi_statesys {
    casusi_sysfmt fmt;
    casusi_spell *spells;  /* sorted by code, then start */
    size_t nspells;
    int *codes;            /* distinct codes, ascending */
    size_t *first;         /* first[i]: index of codes[i]'s first spell */
    size_t ncodes;         /* spells of codes[i]: first[i] .. first[i+1]-1 */
    int first_year;        /* earliest styear */
    int last_year;         /* latest endyear: the list's coverage */
    char *text;            /* owns the names */
} casusi_statesys;

/* Reads a list from memory. `file` names the input in messages. On success
 * *out is a new list (casusi_statesys_free); on error *out is NULL and err
 * holds FILE:LINE:COL and the reason (CASUS_EPARSE, CASUS_ENOMEM). Rejects:
 * missing columns, bad integers, impossible dates, start after end, codes
 * outside 1..999, empty abbreviations or names, and two spells of one code
 * overlapping by more than one day (v2024's 345 ends and restarts on the
 * same day, which is allowed). */
int casusi_statesys_parse(casusi_sysfmt fmt, const char *file, const char *buf,
                          size_t len, casusi_statesys **out, casus_error *err);

/* Reads a list from a file (casusi_statesys_parse on its content). */
int casusi_statesys_load(casusi_sysfmt fmt, const char *path,
                         casusi_statesys **out, casus_error *err);

/* Frees a list; NULL is a no-op. */
void casusi_statesys_free(casusi_statesys *s);

/* Index of `code` in s->codes, or -1. */
int casusi_statesys_find(const casusi_statesys *s, int code);

/* Is `code` a member on day `day` (days since 1970-01-01)? */
bool casusi_statesys_member_day(const casusi_statesys *s, int code, int32_t day);

/* Is `code` a member at some time in `year` (any spell touching it)? */
bool casusi_statesys_member_year(const casusi_statesys *s, int code, int year);

#endif
