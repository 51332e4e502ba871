/*
 * fuzz_html.c -- fuzz target for the HTML reader (html.c): any bytes must
 * give text (valid UTF-8, no blank lines) or a clean error, never a crash,
 * leak or hang.
 */
#include "news_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    (void)casusi_looks_html(buf, size);
    casus_arena *a = casus_arena_new();
    if (!a)
        return 0;
    casusi_html h;
    casus_error e;
    int rc = casusi_html_extract(a, "fuzz.html", buf, size, &h, &e);
    if (rc == CASUS_OK) {
        /* the promises of the interface */
        if (!h.text || strlen(h.text) != h.len)
            abort();
        if (h.len && (h.text[0] == '\n' || h.text[h.len - 1] == '\n' ||
                      strstr(h.text, "\n\n")))
            abort();
    }
    casus_arena_free(a);
    return 0;
}
