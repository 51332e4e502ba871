/*
 * news_int.h -- internals shared by the news reader's modules (html.c,
 * lexicon.c, news.c, story.c, kbdiff.c, store.c). Not installed.
 */
#ifndef CASUS_NEWS_INT_H
#define CASUS_NEWS_INT_H

#include "casus_int.h"

#include <stdbool.h>

/* html.c: the readable text of an HTML page. Scripts, styles, navigation,
 * headers, footers, asides, forms and elements whose class or id names page
 * furniture (share, social, cookie, newsletter, comment, related, ad...)
 * are dropped; each remaining block (p, h1-h6, li, blockquote, div text,
 * br) becomes one line. Character references are decoded; the output is
 * UTF-8 with '\n' between blocks and no blank lines. Never recurses on the
 * document depth. */
typedef struct casusi_html {
    char *text;        /* in the arena, NUL-terminated */
    size_t len;
    const char *title; /* <title>, og:title or the first <h1>; NULL if none */
    const char *date;  /* published date as found (article:published_time,
                          <time datetime>, meta date...), NULL if none */
} casusi_html;

/* Does the buffer look like HTML (a tag or doctype first, or <html>/<body>/
 * <p> near the start)? */
bool casusi_looks_html(const char *buf, size_t len);
/* Extracts the text. err gets `name` when the input cannot be parsed at all. */
int casusi_html_extract(casus_arena *a, const char *name, const char *buf,
                        size_t len, casusi_html *out, casus_error *err);

#endif
