/*
 * nmc.h -- the COW National Material Capabilities file (NMC v6.0,
 * NMC-60-abridged.csv; Singer, Bremer & Stuckey 1972) and, from it, the
 * capability weights of weighted S (docs/similarity.md).
 *
 * The file is CSV with a header; the columns read are ccode, year and cinc
 * (required) and milex, milper, irst, pec, tpop, upop (optional); others
 * (stateabb, version) are ignored. -9 is NMC's "missing" and is read as
 * missing (NAN), never as a number.
 *
 * The weight of a state in a year is its published CINC score: COW's
 * composite index, the mean of the state's shares of the system totals of
 * the six components, so already a capability share. It is used as is,
 * not renormalised: the yearly sums of CINC in v6.0 run from 1.000 to
 * 1.075 (COW's handling of missing components), and weighted S is a ratio
 * of weighted sums, so a yearly factor cancels. A state-year without a
 * row (or with a missing CINC) has weight 0.
 *
 * Loading is all or nothing: a malformed file gives CASUS_EPARSE with
 * FILE:LINE:COL in the casus_error and no table. A table is read-only
 * after loading and may be shared between threads.
 */
#ifndef CASUS_NMC_H
#define CASUS_NMC_H

#include "casus_int.h"

#include <stddef.h>
#include <stdint.h>

/* One state-year. Components are NAN when missing (-9) or absent. */
typedef struct casusi_nmc_row {
    int16_t ccode;         /* COW country code, 1..999 */
    int16_t year;          /* 1000..9999 */
    double cinc;           /* composite index, 0..1; NAN when missing */
    double milex;          /* military expenditure, thousands (GBP < 1914, USD) */
    double milper;         /* military personnel, thousands */
    double irst;           /* iron and steel production, thousand tons */
    double pec;            /* primary energy consumption, thousand coal-ton eq. */
    double tpop;           /* total population, thousands */
    double upop;           /* urban population, thousands */
    int line;              /* line of the row in the file */
} casusi_nmc_row;

/* A capability table. */
typedef struct casusi_nmc {
    casusi_nmc_row *rows;  /* sorted by year, then ccode */
    size_t nrows;
    int first_year, last_year;  /* years with rows (0, 0 if none) */
    size_t *year_start;    /* rows of year y: year_start[y - first_year]
                              .. year_start[y - first_year + 1] - 1 */
} casusi_nmc;

/* Limits: rows in one file (CASUS_ELIMIT). */
#define CASUSI_NMC_MAX_ROWS 1000000

/* Reads a table from memory (borrowed; read only during the call). `file`
 * names the input in messages. On success *out is a new table
 * (casusi_nmc_free); on error *out is NULL and err holds FILE:LINE:COL and
 * the reason: CASUS_EPARSE for a missing column, a bad number (ccode and
 * year must be integers; values decimal, optionally with an exponent), a
 * ccode outside 1..999, a year outside 1000..9999, a negative value other
 * than -9, a CINC above 1, a second row for one state-year, or no rows;
 * CASUS_ELIMIT; CASUS_ENOMEM. */
int casusi_nmc_parse(const char *file, const char *buf, size_t len,
                     casusi_nmc **out, casus_error *err);

/* The same from a file (CASUS_EIO when it cannot be read). */
int casusi_nmc_load(const char *path, casusi_nmc **out, casus_error *err);

/* Frees a table; NULL is a no-op. */
void casusi_nmc_free(casusi_nmc *t);

/* The row of (ccode, year), or NULL. O(log n). */
const casusi_nmc_row *casusi_nmc_find(const casusi_nmc *t, int ccode,
                                      int year);

/* Capability weights for one year: w[k] = CINC of codes[k] in `year`, 0
 * when the state has no row or a missing CINC that year. Returns how many
 * of the n states had a CINC (0 for a year the table does not cover, e.g.
 * after 2016 for v6.0: weighted S is then NA). */
size_t casusi_nmc_weights(const casusi_nmc *t, int year, const int *codes,
                          size_t n, double *w);

#endif
