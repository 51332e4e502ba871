/*
 * fuzz_kb.c -- the bundled knowledge base for fuzz targets that load data
 * against it: read on first use from $CASUS_DATA or ./data, closed at exit. This is
 * harness state, not the library's (which keeps none).
 */
#include "fuzz_kb.h"

#include <stdlib.h>

#include <stdio.h>

static casus_kb *kb;
static casus_lexicon *lx;

static void close_kb(void)
{
    casus_lexicon_close(lx);
    casus_kb_close(kb);
}

casus_lexicon *fuzz_lexicon(void)
{
    if (!lx) {
        const char *dir = getenv("CASUS_DATA");
        char path[4096];
        snprintf(path, sizeof path, "%s/lexicon", dir ? dir : "data");
        casus_error e;
        if (casus_lexicon_open(fuzz_kb(), path, &lx, &e) != CASUS_OK)
            abort();
    }
    return lx;
}

casus_kb *fuzz_kb(void)
{
    if (!kb) {
        const char *dir = getenv("CASUS_DATA");
        casus_error e;
        if (casus_kb_open(dir ? dir : "data", &kb, &e) != CASUS_OK)
            abort();
        atexit(close_kb);
    }
    return kb;
}
