/*
 * fuzz_read.c -- fuzz target for the news reader (casus_read): any bytes,
 * read as plain text, as HTML, or guessed (the first byte chooses), must give
 * an article or a clean error; the article's promises are checked: spans
 * inside the text, sentences equal to their spans, sorted actor codes.
 */
#include "fuzz_kb.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!size)
        return 0;
    casus_read_opts o;
    memset(&o, 0, sizeof o);
    o.html = data[0] % 3 == 0 ? 0 : data[0] % 3 == 1 ? 1 : -1;
    if (data[0] & 4)
        o.date = casus_date_from_days(20000);
    casus_arena *a = casus_arena_new();
    if (!a)
        return 0;
    casus_article *art = NULL;
    casus_error e;
    int rc = casus_read(fuzz_lexicon(), a, "fuzz", (const char *)data + 1, size - 1, &o, &art, &e);
    if (rc == CASUS_OK) {
        for (size_t i = 0; i < art->nevents; i++) {
            const casus_event *ev = &art->events[i];
            if (ev->span.end > art->len || ev->span.start > ev->span.end)
                abort();
            if (strlen(ev->sentence) != ev->span.end - ev->span.start ||
                memcmp(ev->sentence, art->text + ev->span.start, ev->span.end - ev->span.start))
                abort();
            /* only a treaty whose parties the text does not name enters
             * into force with no source */
            if (!ev->nsource && ev->type != CASUS_EV_TREATY_IN_FORCE)
                abort();
        }
        for (size_t i = 1; i < art->nactors; i++)
            if (strcmp(art->actors[i - 1], art->actors[i]) >= 0)
                abort();
        casus_kbcheck *k;
        size_t nk;
        casus_kb_diff(fuzz_kb(), a, art, &k, &nk, NULL);
        (void)casus_json_article(a, art, k, nk, 0);
        const casus_article *arts[2] = {art, art};
        casus_story *st;
        if (casus_story_merge(a, arts, 2, &st, &e) == CASUS_OK)
            (void)casus_json_story(a, st, 0);
    } else if (!e.msg[0])
        abort();
    casus_arena_free(a);
    return 0;
}
