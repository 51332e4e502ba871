/*
 * casus_int.h -- internals shared by the library's modules. Not installed;
 * front ends use include/casus.h only. Internal cross-file functions carry
 * the casusi_ prefix.
 */
#ifndef CASUS_INT_H
#define CASUS_INT_H

#include "casus.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* error.c */
void casusi_seterr(casus_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void casusi_seterr_at(casus_error *err, int code, const char *file, int line,
                      int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* name.c: normalised lookup keys (NFKC, case-folded, accents stripped,
 * punctuation and runs of spaces folded to one space). Result in arena. */
char *casusi_normalize(casus_arena *a, const char *s);
char *casusi_normalize_ascii(casus_arena *a, const char *s);

/* One entry of the name index. */
typedef enum { NAME_STATE, NAME_PLACE } name_kind;
typedef struct name_entry {
    const char *key;  /* normalised */
    name_kind kind;
    const void *rec;
} name_entry;

/* A membership of a lineage in a treaty (index for fast queries). */
typedef struct lin_membership {
    const casus_treaty *treaty;
    const casus_member *member;
} lin_membership;

struct casus_kb {
    casus_arena *arena;           /* owns every record */
    casus_state *states; size_t nstates;        /* sorted by iso3 */
    casus_place *places; size_t nplaces;
    casus_area *areas; size_t nareas;
    casus_treaty **treaties; size_t ntreaties;  /* sorted by id */
    name_entry *names; size_t nnames;           /* sorted by key */
    size_t nlineages;
    lin_membership **lin; size_t *nlin;         /* per lineage */
    const casus_state ***lin_states; size_t *nlin_states; /* per lineage, by from date */
    const char ***area_closure; size_t *narea_closure;    /* per area */
    size_t nhistory;              /* treaties added by casus_kb_add_history */
};

/* kb.c */
int casusi_kb_finish(casus_kb *kb, casus_error *err);
/* Replaces the kb's states with `states` (nstates, sorted by iso3, in the
 * kb's arena), where old state i is now states[map[i]], and its treaties
 * with `treaties` (ntreaties, any order); points every record of the kb at
 * the new states and rebuilds the indexes (casusi_kb_finish). The treaties
 * not in the kb before must already point into `states`. All or nothing:
 * on error the kb is as it was. */
int casusi_kb_rebuild(casus_kb *kb, casus_state *states, size_t nstates,
                      const size_t *map, casus_treaty **treaties,
                      size_t ntreaties, casus_error *err);
bool casusi_area_contains(const casus_kb *kb, const char *area,
                          const char *tag);
bool casusi_same_lineage(const casus_state *a, const casus_state *b);
bool casusi_state_in(const casus_state *s, const casus_state *const *list,
                     size_t n);

/* load.c: the YAML loader. Loads into kb->arena; reports every problem to
 * diag; returns the number of problems. */
int casusi_load_dir(casus_kb *kb, const char *dir, casus_diag_fn diag, void *ud);
/* Loads the states, areas and places of `dir`, then the given treaty files
 * (instead of dir/treaties). Returns the number of problems. */
int casusi_load_files(casus_kb *kb, const char *dir, const char *const *files,
                      size_t nfiles, casus_diag_fn diag, void *ud);

/* Loads one treaty from memory against kb's states, areas and places,
 * into scratch memory freed before returning (for fuzzing and checks).
 * Returns the number of problems. */
int casusi_check_treaty_mem(casus_kb *kb, const char *name, const char *buf,
                            size_t len, casus_diag_fn diag, void *ud);

/* Loads states.yaml (kind 0), areas.yaml (1) or places.yaml (2) from memory
 * against base's states and areas, into scratch memory freed before
 * returning. Returns the number of problems. */
int casusi_check_base_mem(const casus_kb *base, int kind, const char *buf,
                          size_t len, casus_diag_fn diag, void *ud);

/* date.c */
bool casusi_date_set(const casus_date *d);
int casusi_date_make(int y, int m, int d, casus_date *out);

#endif
