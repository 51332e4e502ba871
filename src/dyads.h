/*
 * dyads.h -- dyad-year rows from a state-system list, as peacesciencer
 * 1.2.0's create_dyadyears() builds them, with alliance flags joined from a
 * caller's lookup (add_atop_alliance()).
 *
 * The rules (shared/reference/README.md, "How peacesciencer builds
 * dyad-years"):
 *   - a state is a member in a year when any of its spells touches it;
 *   - a dyad-year exists when both states are members that year, except the
 *     "false" dyads: both members at some time in the year, never on the
 *     same day (computed here from the day-level spells);
 *   - spells ending in the list's last year (2016 for COW v2016) are
 *     extended to opts.last_year when that is later (peacesciencer's
 *     mry = TRUE with last year = current year - 1);
 *   - rows are sorted by ccode1, ccode2, year; directed rows hold both
 *     orders (c1 != c2), non-directed rows c1 < c2;
 *   - flags come from opts.flags for years inside [flags_first, flags_last]
 *     (a missing match is 0) and are NA outside; non-directed rows take the
 *     maximum (bitwise or) over both directions.
 *
 * Rows are streamed: no function here holds more than a fixed amount of
 * output in memory, whatever the year range. A casusi_dyads is read-only
 * once made and may be used from several threads.
 */
#ifndef CASUS_DYADS_H
#define CASUS_DYADS_H

#include "statesys.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Flag bits, in the order of the output columns. */
enum {
    CASUSI_DYAD_ALLIANCE = 1 << 0,   /* atop_alliance */
    CASUSI_DYAD_DEFENSE = 1 << 1,    /* atop_defense */
    CASUSI_DYAD_OFFENSE = 1 << 2,    /* atop_offense */
    CASUSI_DYAD_NEUTRAL = 1 << 3,    /* atop_neutral */
    CASUSI_DYAD_NONAGG = 1 << 4,     /* atop_nonagg */
    CASUSI_DYAD_CONSUL = 1 << 5,     /* atop_consul */
    CASUSI_DYAD_NA = 0x80            /* all six are missing (NA) */
};

/* The flag lookup: the bits for the directed dyad-year (c1, c2, year), 0
 * when the flag data have no such row, or CASUSI_DYAD_NA. Called only for
 * years inside [flags_first, flags_last], possibly from two threads at once. */
typedef uint8_t (*casusi_dyad_flags_fn)(void *ud, int c1, int c2, int year);

/* The faster alternative: all years of one directed pair at once. Sets
 * out[y - first] to the bits of (c1, c2, y) for first <= y <= last; out
 * comes zeroed. Called once per pair and direction, from either thread. */
typedef void (*casusi_dyad_pair_fn)(void *ud, int c1, int c2, int first,
                                    int last, uint8_t *out);

typedef struct casusi_dyad_opts {
    int first_year;     /* first year of output; 0 = 1816 */
    int last_year;      /* last year; 0 = the list's last year. Later than
                           the list's last year: the mry extension above */
    bool directed;      /* both orders, or c1 < c2 only */
    casusi_dyad_flags_fn flags;  /* NULL: rows have no flag columns */
    casusi_dyad_pair_fn flags_pair; /* used instead of flags when set */
    void *flags_ud;     /* passed to flags / flags_pair */
    int flags_first, flags_last; /* years the flag data cover (1815, 2018) */
    int threads;        /* writer threads: 1 or 2; 0 = 2 */
    const char *code;   /* the code columns' stem: NULL = "ccode" (COW), "gwcode" */
} casusi_dyad_opts;

/* One row. */
typedef struct casusi_dyad_row {
    int c1, c2, year;
    uint8_t flags;      /* bits above, or CASUSI_DYAD_NA; 0 without flags */
} casusi_dyad_row;

/* A prepared generator (year-level and day-level membership per state). */
typedef struct casusi_dyads casusi_dyads;

/* Prepares rows for list `s` (borrowed; must outlive the generator) with
 * `o` (copied). CASUS_EINVAL for a bad year range (first > last, years
 * outside 1000..9999, threads not 0..2); CASUS_ENOMEM. */
int casusi_dyads_new(const casusi_statesys *s, const casusi_dyad_opts *o,
                     casusi_dyads **out, casus_error *err);
void casusi_dyads_free(casusi_dyads *d);

/* Calls fn for each row in order, in this thread. fn returns nonzero to
 * stop; that value is returned. Returns 0 after the last row. */
int casusi_dyads_each(const casusi_dyads *d,
                      int (*fn)(void *ud, const casusi_dyad_row *row),
                      void *ud);

/* The false dyad-years (directed: both orders), in row order, that the
 * rules remove: fills up to `cap` rows and returns how many there are. */
size_t casusi_dyads_false(const casusi_dyads *d, casusi_dyad_row *out,
                          size_t cap);

/* Output formats. */
typedef enum casusi_dyad_fmt {
    CASUSI_DYAD_CSV,    /* header, LF, NA for missing */
    CASUSI_DYAD_JSONL   /* one object per row, same names, null for missing */
} casusi_dyad_fmt;

/* Receives output in order; returns 0, or nonzero to stop the writer. */
typedef int (*casusi_dyad_sink)(void *ud, const char *buf, size_t n);

/* A sink for a FILE * (ud): fwrite, nonzero when it fails. */
int casusi_dyad_sink_file(void *ud, const char *buf, size_t n);

/* Writes every row (the CSV header first) to `sink` in blocks of about
 * 1 MiB, formatted by opts.threads threads and delivered in order from
 * them. *rows (if not NULL) gets the number of rows written. Returns
 * CASUS_OK, CASUS_EIO when the sink stopped, or CASUS_ENOMEM. */
int casusi_dyads_write(const casusi_dyads *d, casusi_dyad_fmt fmt,
                       casusi_dyad_sink sink, void *ud, size_t *rows,
                       casus_error *err);

#endif
