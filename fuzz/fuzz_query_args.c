/*
 * fuzz_query_args.c -- fuzz target for what a user types: dates, state and
 * place names (Unicode normalisation, invalid UTF-8, lookups by code, COW
 * number and alias), and an obligations + cascade query on what resolves.
 * Input: "ATTACKER\nTARGET\nDATE\nPLACE" (missing parts allowed).
 */
#include "fuzz_kb.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    char *part[4] = {s, "", "", ""};
    for (int i = 1; i < 4; i++) {
        char *nl = strchr(part[i - 1], '\n');
        if (!nl)
            break;
        *nl = '\0';
        part[i] = nl + 1;
    }
    casus_kb *kb = fuzz_kb();
    casus_date d;
    casus_error e;
    if (casus_date_parse(part[2], &d, &e) != CASUS_OK || d.precision != 3)
        d = casus_date_from_days(20000);
    casus_attack at;
    memset(&at, 0, sizeof at);
    at.day = d.lo;
    at.attacker = casus_kb_state(kb, part[0], &d, &e);
    at.target = casus_kb_state(kb, part[1], &d, &e);
    at.place = casus_kb_place(kb, part[3], &e);
    casus_arena *a = casus_arena_new();
    if (a && at.attacker && at.target) {
        casus_obligations *r;
        casus_cascade *c;
        if (casus_query_obligations(kb, a, &at, &r, &e) == CASUS_OK)
            (void)casus_json_obligations(a, &at, r, 0);
        if (casus_query_cascade(kb, a, &at, &c, &e) == CASUS_OK)
            (void)casus_json_cascade(a, &at, c, 0);
    }
    casus_arena_free(a);
    free(s);
    return 0;
}
