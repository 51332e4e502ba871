/*
 * fuzz_atop.c -- fuzz target for the ATOP importer and the dyad-year flags.
 * The first byte picks the inputs: even, the rest is a member file alone;
 * odd, the rest is a member file, a NUL byte, then an alliance file. Any
 * bytes must give a table or a clean FILE:LINE:COL error, never a crash,
 * leak or hang; a table must agree with itself (lookups, walk, row count).
 */
#include "atop.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct walk {
    const casusi_atop_flags_table *t;
    size_t n;
} walk;

static int check_row(void *ud, int c1, int c2, int year, uint8_t flags)
{
    walk *w = ud;
    if (!(flags & CASUSI_ATOP_ALLIANCE) || flags > 63 ||
        casusi_atop_flags(w->t, c1, c2, year) != flags)
        abort();
    w->n++;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    const char *m = (const char *)data + 1, *a = NULL;
    size_t mlen = size - 1, alen = 0;
    if (data[0] & 1) {
        const char *nul = memchr(m, 0, mlen);
        if (nul) {
            a = nul + 1;
            alen = mlen - (size_t)(a - m);
            mlen = (size_t)(nul - m);
        }
    }
    casusi_atop *at = NULL;
    casus_error e;
    if (casusi_atop_load_mem("m.csv", m, mlen, "a.csv", a, alen, &at, &e)) {
        if (at || e.code == CASUS_OK || strchr(e.msg, '\n'))
            abort();
        return 0;
    }
    casusi_atop_flags_table *t = NULL;
    if (casusi_atop_flags_build(at, &t, &e) == CASUS_OK) {
        walk w = {t, 0};
        casusi_atop_flags_each(t, check_row, &w);
        if (w.n != casusi_atop_years(t, NULL, NULL))
            abort();
        for (size_t i = 0; i < at->nspells && i < 64; i++)
            (void)casusi_atop_flags(t, at->spells[i].member,
                                    at->spells[(i + 1) % at->nspells].member,
                                    at->spells[i].entry.year);
    }
    casusi_atop_flags_free(t);
    casusi_atop_free(at);
    return 0;
}
