/*
 * history_int.h -- the history handle's insides, shared by history.c (the
 * store) and extend.c (dyad-years carried past ATOP's last year).
 */
#ifndef CASUS_HISTORY_INT_H
#define CASUS_HISTORY_INT_H

#include "casus_int.h"
#include "atop.h"
#include "statesys.h"
#include "nmc.h"

struct casus_history {
    char *path;
    casusi_atop *atop;               /* NULL if not imported */
    casusi_atop_flags_table *flags;  /* ATOP's directed dyad-year flags */
    casusi_statesys *cow, *gw;       /* NULL if not imported */
    casusi_nmc *nmc;                 /* COW capabilities, NULL if not imported */
};

/* extend.c: directed ATOP flags for any year, carried past ATOP's end and
 * with the kb's facts applied (kb may be NULL), up to `last`. */
typedef struct casusi_flags casusi_flags;
int casusi_flags_new(const casus_history *h, const casus_kb *kb, int last, casusi_flags **out, casus_error *err);
void casusi_flags_free(casusi_flags *f);
/* ud is the casusi_flags *; the bits of atop.h */
uint8_t casusi_flags_at(void *ud, int c1, int c2, int year);

#endif
