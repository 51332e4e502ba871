/*
 * history_int.h -- the history handle's insides, shared by history.c (the
 * store) and extend.c (dyad-years carried past ATOP's last year).
 */
#ifndef CASUS_HISTORY_INT_H
#define CASUS_HISTORY_INT_H

#include "casus_int.h"
#include "atop.h"
#include "statesys.h"

struct casus_history {
    char *path;
    casusi_atop *atop;               /* NULL if not imported */
    casusi_atop_flags_table *flags;  /* ATOP's directed dyad-year flags */
    casusi_statesys *cow, *gw;       /* NULL if not imported */
};

#endif
