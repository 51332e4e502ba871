/*
 * html.c -- the readable text of a news page (libxml2's HTML parser).
 *
 * The page is parsed into a tree, then walked three times, always
 * iteratively (children / next / parent pointers, never recursion):
 *
 *  1. metadata: <meta> (og:title, article:published_time, date names),
 *     <title>, JSON-LD datePublished; marks the ancestors of every <h1>,
 *     <main> and [itemprop=articleBody] as "holding content".
 *  2. discovery, skipping furniture: the first <article> holding the <h1>,
 *     else the first [itemprop=articleBody], else the first <article> (or,
 *     when several stand side by side as a live blog's entries, the <main>
 *     or element holding them), else
 *     the first <main>, else <body> becomes the container; the first <h1>
 *     and <time datetime> outside furniture are noted.
 *  3. text: the container's text, one line per block, furniture skipped.
 *
 * Furniture (dropped with everything inside it):
 *  - by tag, always: script, style, noscript, template, svg, math, iframe,
 *    object, embed, canvas, audio, video, nav, aside, footer, button,
 *    select, option, textarea, input, figcaption, dialog, menu, head,
 *    title, meta, link, frames; <header> unless inside an <article>.
 *  - unless the element holds content (an <h1>, <main> or
 *    [itemprop=articleBody]) or is html, body, main or articleBody itself:
 *    <form>; hidden elements (hidden, aria-hidden="true", style with
 *    display:none or visibility:hidden); role navigation, banner,
 *    contentinfo, complementary, search, dialog, alertdialog, menu,
 *    menubar or toolbar; and a class or id naming furniture.
 *
 * The class/id rule (hint words: hints[] below -- share, social, cookie,
 * consent, newsletter, subscribe, comment, related, recommended, promo,
 * advert, ad, ads, sponsor, sidebar, breadcrumb, menu, nav, footer, popup,
 * modal, banner, adblock, paywall, signup, login, author-bio, tags, ...):
 * the value is cut into words at every character other than an ASCII
 * letter or digit and at camelCase humps ("shareButtons" -> share,
 * buttons), then lower-cased. A word names furniture when it equals a hint
 * or the hint plus "s"; a hint of 4 letters or more also matches as the
 * start or the end of a longer word ("comments", "sidebarleft",
 * "mainmenu"), shorter ones only whole ("nav", "ad": not "navy",
 * "address"). Two-word hints (author bio, most read, sign up) match two
 * consecutive words. Words that begin with a hint but name content are
 * exceptions ("commentary", "subscriber", "shared"). So "ad-slot", "ads"
 * and "newsletterBox" go; "article-header-text", "shadow", "address" and
 * "tag-japan" (WordPress' tag classes on the article) stay.
 *
 * Text: each block element (p, h1-h6, li, blockquote, pre, td, th, dt, dd,
 * div, section, ...) and <br> ends a line; inside a line, whitespace runs
 * (including no-break and other Unicode spaces) become one space; zero-width
 * characters and soft hyphens are dropped; C1 controls are read as
 * windows-1252 (what browsers do for Latin-1 pages); invalid UTF-8 becomes
 * U+FFFD. No blank lines; no trailing newline.
 *
 * Title: og:title, else <title>, else the first <h1> (in the container,
 * else anywhere outside furniture). A container without an <h1> starts
 * with the title as its first line, unless the text already has it.
 * Date, as written in the page: article:published_time, else a <meta>
 * date name (date, pubdate, publishdate, dc.date, parsely-pub-date, ...),
 * else itemprop=datePublished in <head>, else the first <time datetime>
 * in the container, else JSON-LD datePublished, else itemprop
 * datePublished in the body, else the first <time datetime> outside
 * furniture.
 *
 * Input: a NUL byte in the first KiB (and no UTF-16 byte-order mark) is
 * binary data, CASUS_EPARSE. A byte-order mark gives the encoding; else a
 * charset declared in the first 4 KiB (other than UTF-8/16/32; Latin-1 and
 * ASCII read as windows-1252) is converted here with iconv; else the page
 * is UTF-8. libxml2 always gets valid UTF-8 without NUL and never converts
 * (its conversion errors go to stderr, past any per-parser handler).
 *
 * Cost: libxml2 2.9 scans its whole element stack for every stray end tag
 * and misplaced <body>, and checks each attribute of a tag against all the
 * others, so crafted pages could take quadratic time; and every element
 * costs a few hundred bytes. So: tags keep at most MAX_ATTRS attributes
 * (cut before parsing); the page goes to libxml2's push parser in pieces
 * ending just before a '<'; between pieces the stack scans (counted from
 * libxml2's error reports, through handlers set on this parser's own
 * context, never globally), the depth and the number of nodes are checked,
 * and past a limit the parse stops, keeping what was read. </body> and
 * </html> are dropped before parsing, as libxml2's push parser would
 * ignore what follows them. XML_PARSE_HUGE lifts libxml2's depth limit of
 * 256. Walks of the tree never recurse.
 */
#include "news_int.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ATTRS 64              /* attributes kept per tag */
#define CHARSET_SCAN 4096         /* bytes searched for a charset */
#define BINARY_SCAN 1024          /* bytes searched for NUL */
#define TITLE_MAX 2048            /* bytes of title kept */
#define DATE_MAX 100              /* longer "dates" are not dates */
#define JSONLD_MAX (1 << 20)      /* bytes of one JSON-LD block parsed */
#define JSONLD_COUNT 8            /* JSON-LD blocks looked at */
#define PUSH_CHUNK 4096           /* bytes given to the parser at a time */
#define MAX_DEPTH (1 << 20)       /* elements open at once */
#define MAX_NODES (1 << 20)       /* elements + attributes read */
#ifndef HTML_WORK_BASE            /* stack-scan budget: base + per byte */
#define HTML_WORK_BASE 100000000ULL
#endif
#ifndef HTML_WORK_PER_BYTE
#define HTML_WORK_PER_BYTE 16ULL
#endif

/* ------------------------------------------------------------------------
 * Sniffing
 * ---------------------------------------------------------------------- */

static bool is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static bool is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Does the lower-case ASCII word w occur at s[0..n) (case-insensitive)? */
static bool at_ci(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= n || lower((unsigned char)s[i]) != (unsigned char)w[i])
            return false;
    return true;
}

static bool has_utf8_bom(const char *b, size_t n)
{
    return n >= 3 && (unsigned char)b[0] == 0xEF &&
           (unsigned char)b[1] == 0xBB && (unsigned char)b[2] == 0xBF;
}

static bool has_utf16_bom(const char *b, size_t n)
{
    return n >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
                      ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF));
}

bool casusi_looks_html(const char *buf, size_t len)
{
    if (!buf)
        return false;
    size_t i = has_utf8_bom(buf, len) ? 3 : 0;
    while (i < len && is_ws((unsigned char)buf[i]))
        i++;
    if (i + 1 < len && buf[i] == '<') {
        unsigned char c = (unsigned char)buf[i + 1];
        if (is_alpha(c) || c == '!' || c == '?')
            return true;
    }
    size_t n = len < 1024 ? len : 1024;
    for (size_t k = 0; k < n; k++)
        if (buf[k] == '<' &&
            (at_ci(buf + k, n - k, "<html") || at_ci(buf + k, n - k, "<body") ||
             at_ci(buf + k, n - k, "<p>") || at_ci(buf + k, n - k, "<div")))
            return true;
    return false;
}

/* Obviously not text: a NUL byte near the start (UTF-16 aside). */
static bool looks_binary(const char *b, size_t n)
{
    if (has_utf16_bom(b, n))
        return false;
    return memchr(b, '\0', n < BINARY_SCAN ? n : BINARY_SCAN) != NULL;
}

/* The charset declared near the start ("charset=NAME" as in <meta>) when
 * it is one to convert from, into cs; false for none, UTF-8, or UTF-16/32
 * (which a page readable as ASCII cannot be: read as UTF-8, as browsers
 * do). Latin-1 and ASCII mean windows-1252, as in browsers. */
static bool declared_charset(const char *b, size_t n, char *cs, size_t cap)
{
    if (n > CHARSET_SCAN)
        n = CHARSET_SCAN;
    for (size_t i = 0; i + 7 <= n; i++) {
        if (lower((unsigned char)b[i]) != 'c' || !at_ci(b + i, n - i, "charset"))
            continue;
        size_t j = i + 7;
        while (j < n && is_ws((unsigned char)b[j]))
            j++;
        if (j >= n || b[j] != '=')
            continue;
        j++;
        while (j < n && (is_ws((unsigned char)b[j]) || b[j] == '"' || b[j] == '\''))
            j++;
        size_t st = j;
        while (j < n && (is_alnum((unsigned char)b[j]) || b[j] == '-' ||
                         b[j] == '_' || b[j] == '.' || b[j] == ':'))
            j++;
        size_t k = j - st;
        if (k == 0)
            continue;
        if (k >= cap)
            return false;
        for (size_t q = 0; q < k; q++)
            cs[q] = (char)lower((unsigned char)b[st + q]);
        cs[k] = '\0';
        if (!strcmp(cs, "utf-8") || !strcmp(cs, "utf8") ||
            !strncmp(cs, "utf-16", 6) || !strncmp(cs, "utf-32", 6) ||
            !strncmp(cs, "ucs", 3) || !strcmp(cs, "unicode"))
            return false;
        if (!strcmp(cs, "iso-8859-1") || !strcmp(cs, "iso8859-1") ||
            !strcmp(cs, "latin1") || !strcmp(cs, "l1") ||
            !strcmp(cs, "us-ascii") || !strcmp(cs, "ascii"))
            snprintf(cs, cap, "WINDOWS-1252");
        return true;
    }
    return false;
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t k;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        k = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return k;
}

/* ------------------------------------------------------------------------
 * Preparing the input: UTF-8 repair, attribute cap
 * ---------------------------------------------------------------------- */

typedef struct bytes {
    char *p;
    size_t len, cap;
} bytes;

static bool by_put(bytes *b, const char *s, size_t n)
{
    if (n == 0)
        return true;
    if (n > b->cap - b->len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (n > cap - b->len) {
            if (cap > SIZE_MAX / 2)
                return false;
            cap *= 2;
        }
        char *p = realloc(b->p, cap);
        if (!p)
            return false;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return true;
}

/* Replaces invalid UTF-8 with U+FFFD and NUL with a space (so libxml2
 * never meets bytes it would convert or guess an encoding from). *out is
 * NULL when nothing needed replacing. Returns false when out of memory. */
static bool repair_utf8(const char *in, size_t n, bytes *out)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, done = 0;
    uint32_t cp;
    out->p = NULL;
    out->len = out->cap = 0;
    while (i < n) {
        if (s[i] != 0 && s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = s[i] ? utf8_len(s + i, n - i, &cp) : 0;
        if (k) {
            i += k;
            continue;
        }
        if (!by_put(out, in + done, i - done) ||
            !by_put(out, s[i] ? "\xEF\xBF\xBD" : " ", s[i] ? 3 : 1))
            return false;
        i++;
        done = i;
    }
    if (out->p && !by_put(out, in + done, n - done))
        return false;
    return true;
}

/* Converts in[0..n) from `charset` to UTF-8 into out; bytes that are not
 * in the charset become U+FFFD (unit: bytes skipped per bad character).
 * Returns 1 when converted, 0 when iconv does not know the charset, -1
 * when out of memory. */
static int to_utf8(const char *in, size_t n, const char *charset, size_t unit,
                   bytes *out)
{
    out->p = NULL;
    out->len = out->cap = 0;
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1)
        return 0;
    char *ip = (char *)in;
    size_t il = n;
    int rc = 1;
    char tmp[16384];
    for (;;) {
        char *op = tmp;
        size_t ol = sizeof tmp;
        bool flush = il == 0;
        size_t r = flush ? iconv(cd, NULL, NULL, &op, &ol)
                         : iconv(cd, &ip, &il, &op, &ol);
        int e = errno;
        if (!by_put(out, tmp, (size_t)(op - tmp))) {
            rc = -1;
            break;
        }
        if (r != (size_t)-1) {
            if (flush)
                break;
            continue;
        }
        if (e == E2BIG)
            continue;
        if (flush)
            break;
        /* EILSEQ, or EINVAL (cut short at the end): one bad character */
        if (!by_put(out, "\xEF\xBF\xBD", 3)) {
            rc = -1;
            break;
        }
        size_t skip = unit < il ? unit : il;
        ip += skip;
        il -= skip;
    }
    iconv_close(cd);
    if (rc < 0) {
        free(out->p);
        out->p = NULL;
    }
    return rc;
}

/* Offset of the first w[0..wl) in b[from..n), or n. */
static size_t find_bytes(const char *b, size_t n, size_t from, const char *w,
                         size_t wl)
{
    if (wl == 0)
        return from < n ? from : n;
    while (from < n) {
        const char *p = memchr(b + from, w[0], n - from);
        if (!p)
            return n;
        size_t i = (size_t)(p - b);
        if (wl <= n - i && !memcmp(p, w, wl))
            return i;
        from = i + 1;
    }
    return n;
}

/* Skips to the end of a raw-text element's content ("</name"), or n. */
static size_t skip_raw(const char *b, size_t n, size_t i, const char *name)
{
    size_t nl = strlen(name);
    while (i < n) {
        const char *p = memchr(b + i, '<', n - i);
        if (!p)
            return n;
        i = (size_t)(p - b);
        if (i + 2 + nl <= n && b[i + 1] == '/' && at_ci(b + i + 2, n - i - 2, name))
            return i;
        i++;
    }
    return n;
}

/* Tidies tags before parsing, with a rough tokenizer that knows comments,
 * quotes and raw-text elements:
 *  - attributes of a tag beyond the MAX_ATTRS-th are cut (libxml2 checks
 *    each new attribute against all earlier ones);
 *  - </body> and </html> are dropped: libxml2 (as fed here) ignores what
 *    follows them, where browsers read it as more of the body.
 * *out is NULL when nothing changed. */
static bool tidy_tags(const char *b, size_t n, bytes *out)
{
    size_t i = 0, done = 0;
    out->p = NULL;
    out->len = out->cap = 0;
    while (i < n) {
        const char *p = memchr(b + i, '<', n - i);
        if (!p)
            break;
        i = (size_t)(p - b) + 1;
        if (i >= n)
            break;
        if (b[i] == '/' && n - i > 5 &&
            (at_ci(b + i + 1, n - i - 1, "body") || at_ci(b + i + 1, n - i - 1, "html"))) {
            size_t k = i + 5;
            while (k < n && is_ws((unsigned char)b[k]))
                k++;
            if (k < n && b[k] == '>') {
                if (!by_put(out, b + done, i - 1 - done) || !by_put(out, " ", 1))
                    return false;
                done = k + 1;
                i = k + 1;
            }
            continue;
        }
        if (b[i] == '!' || b[i] == '?') {
            /* a comment ends at the first "-->" or "--!>" (as libxml2
             * reads it); unterminated, the rest is scanned as tags, which
             * is harmless */
            size_t end;
            if (i + 2 < n && b[i] == '!' && b[i + 1] == '-' && b[i + 2] == '-') {
                end = find_bytes(b, n, i + 3, "-->", 3);
                size_t alt = find_bytes(b, n, i + 3, "--!>", 4);
                end = alt < end ? alt + 1 : end;
                if (end < n)
                    end += 2;
            } else {
                end = find_bytes(b, n, i, ">", 1);
            }
            if (end < n)
                i = end + 1;
            continue;
        }
        if (!is_alpha((unsigned char)b[i]))
            continue;
        size_t name = i;
        while (i < n && !is_ws((unsigned char)b[i]) && b[i] != '>' && b[i] != '/')
            i++;
        size_t namelen = i - name;
        size_t count = 0, cut = 0;
        bool closed = false;
        while (i < n) {
            unsigned char c = (unsigned char)b[i];
            if (is_ws(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '>') {
                closed = true;
                break;
            }
            /* an attribute: name [= value] */
            while (i < n && !is_ws((unsigned char)b[i]) && b[i] != '=' &&
                   b[i] != '>' && b[i] != '/')
                i++;
            while (i < n && is_ws((unsigned char)b[i]))
                i++;
            if (i < n && b[i] == '=') {
                i++;
                while (i < n && is_ws((unsigned char)b[i]))
                    i++;
                if (i < n && (b[i] == '"' || b[i] == '\'')) {
                    const char *q = memchr(b + i + 1, b[i], n - i - 1);
                    i = q ? (size_t)(q - b) + 1 : n;
                } else {
                    while (i < n && !is_ws((unsigned char)b[i]) && b[i] != '>')
                        i++;
                }
            }
            if (++count == MAX_ATTRS)
                cut = i;
        }
        if (count > MAX_ATTRS) {
            if (!by_put(out, b + done, cut - done))
                return false;
            done = closed ? i : n;
        }
        if (!closed)
            break;
        i++;
        static const char *const raw[] = {"script", "style"};  /* libxml2's raw text */
        for (size_t r = 0; r < sizeof raw / sizeof raw[0]; r++)
            if (namelen == strlen(raw[r]) && at_ci(b + name, namelen, raw[r]))
                i = skip_raw(b, n, i, raw[r]);
    }
    if (out->p && !by_put(out, b + done, n - done))
        return false;
    return true;
}

/* ------------------------------------------------------------------------
 * Parsing
 * ---------------------------------------------------------------------- */

typedef struct guard {
    unsigned long long work;     /* stack entries scanned */
    size_t nodes;                /* elements and attributes made */
    startElementSAXFunc start;   /* libxml2's tree builder */
} guard;

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    htmlParserCtxtPtr c = ctx;
    guard *g = c->_private;
    g->nodes++;
    for (size_t i = 0; atts && atts[i]; i += 2)  /* values may be NULL */
        g->nodes++;
    g->start(ctx, name, atts);
}

/* libxml2 reports every stray end tag and misplaced <body> -- the cases
 * where it scans its whole element stack -- as an error; the scans are
 * summed here. libxml2 calls this as channel(ctx, "%s", message). The
 * parser is not stopped from here: code that reports an error may still
 * read its input, and a halted parser no longer advances. */
static void on_error(void *ctx, const char *msg, ...)
{
    htmlParserCtxtPtr c = ctx;
    if (!c || !c->_private || !msg)
        return;
    const char *text = msg;
    if (!strcmp(msg, "%s")) {
        va_list ap;
        va_start(ap, msg);
        text = va_arg(ap, const char *);
        va_end(ap);
        if (!text)
            return;
    }
    if (strncmp(text, "Unexpected end tag", 18) && !strstr(text, "misplaced <body>"))
        return;
    guard *g = c->_private;
    g->work += (unsigned long long)(c->nameNr > 0 ? c->nameNr : 0) + 1;
}

/* Parses valid UTF-8 (no NUL). The push parser gets the page in pieces
 * that end just before a '<', and between pieces the stack scans, the
 * depth and the number of elements and attributes are checked: past the budget, deeper
 * than MAX_DEPTH or over MAX_NODES, parsing stops and the tree so far
 * is kept. */
static htmlDocPtr parse(const char *buf, size_t len)
{
    htmlParserCtxtPtr c = htmlCreatePushParserCtxt(NULL, NULL, NULL, 0, NULL,
                                                   XML_CHAR_ENCODING_UTF8);
    if (!c)
        return NULL;
    htmlCtxtUseOptions(c, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                          HTML_PARSE_NONET | HTML_PARSE_RECOVER |
                          HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC |
                          XML_PARSE_HUGE);
    guard g = {0, 0, NULL};
    unsigned long long budget = HTML_WORK_BASE + HTML_WORK_PER_BYTE * (unsigned long long)len;
    c->_private = &g;
    if (!c->sax || !c->sax->startElement) {
        htmlFreeParserCtxt(c);
        return NULL;
    }
    c->sax->error = on_error;
    c->sax->warning = on_error;
    g.start = c->sax->startElement;
    c->sax->startElement = on_start;
    bool stopped = false;
    size_t off = 0;
    while (off < len) {
        size_t end = len - off > PUSH_CHUNK ? off + PUSH_CHUNK : len;
        if (end < len) {
            const char *lt = memchr(buf + end, '<', len - end);
            end = lt ? (size_t)(lt - buf) : len;
        }
        htmlParseChunk(c, buf + off, (int)(end - off), 0);
        off = end;
        if (c->instate == XML_PARSER_EOF) {
            stopped = true;
            break;
        }
        if (g.work > budget || c->nameNr > MAX_DEPTH || g.nodes > MAX_NODES) {
            xmlStopParser(c);
            stopped = true;
            break;
        }
    }
    if (!stopped)
        htmlParseChunk(c, NULL, 0, 1);
    htmlDocPtr doc = c->myDoc;
    c->myDoc = NULL;
    c->_private = NULL;
    htmlFreeParserCtxt(c);
    return doc;
}

/* ------------------------------------------------------------------------
 * Text output
 * ---------------------------------------------------------------------- */

typedef struct sbuf {
    bytes b;
    size_t max;    /* bytes kept at most (0: no limit) */
    bool oneline;  /* line ends become spaces */
    bool content;  /* the current line has text */
    bool space;    /* a space is due before the next text */
    bool full;     /* max reached */
    bool nomem;
} sbuf;

static void sb_put(sbuf *s, const char *p, size_t n)
{
    if (s->nomem || s->full)
        return;
    if (s->max && s->b.len + n > s->max) {
        s->full = true;
        return;
    }
    if (!by_put(&s->b, p, n))
        s->nomem = true;
}

static void sb_newline(sbuf *s)
{
    if (!s->content)
        return;
    if (s->oneline) {
        s->space = true;
        return;
    }
    sb_put(s, "\n", 1);
    s->content = false;
    s->space = false;
}

/* windows-1252 for 0x80..0x9F (0: undefined). */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static bool cp_space(uint32_t c)
{
    return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_invisible(uint32_t c)
{
    return c == 0xAD || c == 0x200B || c == 0x200E || c == 0x200F ||
           c == 0x2060 || c == 0xFEFF;
}

static void sb_cp(sbuf *s, uint32_t c)
{
    if (c >= 0x80 && c <= 0x9F)
        c = cp1252[c - 0x80] ? cp1252[c - 0x80] : ' ';
    if (cp_space(c)) {
        if (s->content)
            s->space = true;
        return;
    }
    if (cp_invisible(c))
        return;
    if (s->space)
        sb_put(s, " ", 1);
    s->space = false;
    s->content = true;
    char u[4];
    size_t k;
    if (c < 0x80) {
        u[0] = (char)c; k = 1;
    } else if (c < 0x800) {
        u[0] = (char)(0xC0 | (c >> 6)); u[1] = (char)(0x80 | (c & 0x3F)); k = 2;
    } else if (c < 0x10000) {
        u[0] = (char)(0xE0 | (c >> 12)); u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        u[2] = (char)(0x80 | (c & 0x3F)); k = 3;
    } else {
        u[0] = (char)(0xF0 | (c >> 18)); u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((c >> 6) & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); k = 4;
    }
    sb_put(s, u, k);
}

static void sb_text(sbuf *s, const char *p)
{
    if (!p)
        return;
    const unsigned char *u = (const unsigned char *)p;
    size_t n = strlen(p), i = 0;
    while (i < n && !s->nomem && !s->full) {
        /* runs of plain ASCII go in one copy */
        if (u[i] > 0x20 && u[i] < 0x7F) {
            size_t j = i;
            while (j < n && u[j] > 0x20 && u[j] < 0x7F)
                j++;
            if (s->space)
                sb_put(s, " ", 1);
            s->space = false;
            s->content = true;
            sb_put(s, p + i, j - i);
            i = j;
            continue;
        }
        uint32_t c;
        size_t k = utf8_len(u + i, n - i, &c);
        if (!k) {
            c = 0xFFFD;
            k = 1;
        }
        sb_cp(s, c);
        i += k;
    }
}

/* The finished string in the arena (NULL if empty or out of memory). */
static char *sb_finish(sbuf *s, casus_arena *a, size_t *len)
{
    size_t n = s->b.len;
    while (n && (s->b.p[n - 1] == '\n' || s->b.p[n - 1] == ' '))
        n--;
    char *r = n ? casus_arena_strndup(a, s->b.p, n) : NULL;
    if (n && !r)
        s->nomem = true;
    if (len)
        *len = r ? n : 0;
    free(s->b.p);
    s->b.p = NULL;
    s->b.len = s->b.cap = 0;
    return r;
}

/* ------------------------------------------------------------------------
 * The tree
 * ---------------------------------------------------------------------- */

enum {
    T_BLOCK = 1,  /* ends a line */
    T_DROP = 2,   /* furniture by tag */
    T_BR = 4,
    T_RAW = 8     /* not looked into when reading metadata */
};

typedef struct tagdef {
    const char *name;
    unsigned flags;
} tagdef;

/* Sorted by name (strcmp) for bsearch. */
static const tagdef tags[] = {
    {"address", T_BLOCK}, {"applet", T_DROP}, {"article", T_BLOCK},
    {"aside", T_BLOCK | T_DROP}, {"audio", T_BLOCK | T_DROP},
    {"blockquote", T_BLOCK}, {"body", T_BLOCK}, {"br", T_BR},
    {"button", T_DROP}, {"canvas", T_DROP}, {"caption", T_BLOCK},
    {"center", T_BLOCK}, {"datalist", T_DROP}, {"dd", T_BLOCK},
    {"details", T_BLOCK}, {"dialog", T_BLOCK | T_DROP}, {"dir", T_BLOCK},
    {"div", T_BLOCK}, {"dl", T_BLOCK}, {"dt", T_BLOCK}, {"embed", T_DROP},
    {"fieldset", T_BLOCK}, {"figcaption", T_BLOCK | T_DROP},
    {"figure", T_BLOCK}, {"footer", T_BLOCK | T_DROP}, {"form", T_BLOCK},
    {"frame", T_DROP}, {"frameset", T_DROP}, {"h1", T_BLOCK},
    {"h2", T_BLOCK}, {"h3", T_BLOCK}, {"h4", T_BLOCK}, {"h5", T_BLOCK},
    {"h6", T_BLOCK}, {"head", T_BLOCK | T_DROP}, {"header", T_BLOCK},
    {"hgroup", T_BLOCK}, {"hr", T_BLOCK}, {"html", T_BLOCK},
    {"iframe", T_BLOCK | T_DROP | T_RAW}, {"input", T_DROP},
    {"legend", T_BLOCK}, {"li", T_BLOCK}, {"link", T_DROP},
    {"main", T_BLOCK}, {"map", T_DROP}, {"math", T_DROP | T_RAW},
    {"menu", T_BLOCK | T_DROP}, {"meta", T_DROP}, {"nav", T_BLOCK | T_DROP},
    {"noembed", T_DROP | T_RAW}, {"noframes", T_DROP | T_RAW},
    {"noscript", T_DROP | T_RAW}, {"object", T_DROP}, {"ol", T_BLOCK},
    {"optgroup", T_DROP}, {"option", T_DROP}, {"p", T_BLOCK},
    {"param", T_DROP}, {"plaintext", T_BLOCK}, {"pre", T_BLOCK},
    {"script", T_DROP | T_RAW}, {"section", T_BLOCK},
    {"select", T_DROP}, {"source", T_DROP}, {"style", T_DROP | T_RAW},
    {"summary", T_BLOCK}, {"svg", T_DROP | T_RAW}, {"table", T_BLOCK},
    {"tbody", T_BLOCK}, {"td", T_BLOCK}, {"template", T_DROP | T_RAW},
    {"textarea", T_DROP | T_RAW}, {"tfoot", T_BLOCK}, {"th", T_BLOCK},
    {"thead", T_BLOCK}, {"title", T_DROP}, {"tr", T_BLOCK},
    {"track", T_DROP}, {"ul", T_BLOCK}, {"video", T_BLOCK | T_DROP},
    {"xmp", T_BLOCK},
};

static int tagcmp(const void *k, const void *e)
{
    return strcmp(k, ((const tagdef *)e)->name);
}

static const char *ename(const xmlNode *n)
{
    return (n->type == XML_ELEMENT_NODE && n->name) ? (const char *)n->name : "";
}

static unsigned tagflags(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const tagdef *t = bsearch(n->name, tags, sizeof tags / sizeof tags[0],
                              sizeof tags[0], tagcmp);
    return t ? t->flags : 0;
}

static bool is_tag(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

/* An attribute's value ("" when it is not one plain text). */
static const char *attr_value(const xmlAttr *a)
{
    if (a->children && a->children->type == XML_TEXT_NODE &&
        !a->children->next && a->children->content)
        return (const char *)a->children->content;
    return "";
}

/* The value of attribute `name`, or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, name))
            return attr_value(a);
    return NULL;
}

static bool eq_ci(const char *s, const char *lw)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    return n == strlen(lw) && at_ci(s, n, lw);
}

/* Does the space-separated list s contain word lw (case-insensitive)? */
static bool has_word_ci(const char *s, const char *lw)
{
    if (!s)
        return false;
    size_t wl = strlen(lw);
    const char *p = s;
    while (*p) {
        while (*p && is_ws((unsigned char)*p))
            p++;
        const char *q = p;
        while (*q && !is_ws((unsigned char)*q))
            q++;
        if ((size_t)(q - p) == wl && at_ci(p, wl, lw))
            return true;
        p = q;
    }
    return false;
}

/* Marks on nodes, kept in node->_private (our own document, freed before
 * returning): the address of one of these bytes, by bit set. */
enum { M_CONTENT = 1, M_H1 = 2 };
static const unsigned char marks[4];

static unsigned mark_of(const xmlNode *n)
{
    uintptr_t m = (uintptr_t)n->_private, base = (uintptr_t)marks;
    return (m >= base && m < base + sizeof marks) ? (unsigned)(m - base) : 0;
}

/* Sets `bits` on n and its ancestors, stopping where they are set already
 * (so all the marking of one document is linear). */
static void mark_up(xmlNode *n, unsigned bits)
{
    for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        unsigned m = mark_of(n);
        if ((m & bits) == bits)
            return;
        n->_private = (void *)(uintptr_t)(marks + (m | bits));
    }
}

static bool is_articlebody(const xmlNode *n)
{
    return has_word_ci(attr(n, "itemprop"), "articlebody");
}

/* ---- the class/id rule (see the top of the file) ---- */

static const char *const hints[] = {
    "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter",
    "subscribe", "comment", "disqus", "related", "recommended", "outbrain",
    "taboola", "trending", "popular", "promo", "advert", "ad", "ads",
    "adsbygoogle", "adslot", "adunit", "adblock", "sponsor", "sidebar",
    "breadcrumb", "menu", "nav", "navbar", "navigation", "footer", "popup",
    "modal", "banner", "paywall", "signup", "login", "authorbio", "mostread",
    "mostpopular", "tags", "toolbar", "skip", "ticker",
};
static const char *const hints2[][2] = {
    {"author", "bio"}, {"most", "read"}, {"most", "popular"}, {"sign", "up"},
    {"log", "in"},
};
static const char *const not_hints[] = {
    "commentary", "commentaries", "commentator", "commentators", "subscriber",
    "subscribers", "shared", "shareholder", "shareholders", "bannerman",
};

#define WORD_MAX 40

static bool word_is_hint(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof not_hints / sizeof not_hints[0]; i++)
        if (strlen(not_hints[i]) == n && !memcmp(not_hints[i], w, n))
            return false;
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
        size_t h = strlen(hints[i]);
        if (n == h && !memcmp(w, hints[i], h))
            return true;
        if (n == h + 1 && w[h] == 's' && !memcmp(w, hints[i], h))
            return true;
        if (h >= 4 && n > h &&
            (!memcmp(w, hints[i], h) || !memcmp(w + n - h, hints[i], h)))
            return true;
    }
    return false;
}

static bool names_furniture(const char *v)
{
    if (!v)
        return false;
    char prev[WORD_MAX + 1] = "", cur[WORD_MAX + 1];
    const unsigned char *p = (const unsigned char *)v;
    while (*p) {
        while (*p && !is_alnum(*p))
            p++;
        if (!*p)
            break;
        size_t n = 0;
        bool over = false;
        do {
            if (n < WORD_MAX)
                cur[n++] = (char)lower(*p);
            else
                over = true;
            p++;
            /* camelCase hump: lower-case or digit, then upper-case */
            if (*p >= 'A' && *p <= 'Z' && !(p[-1] >= 'A' && p[-1] <= 'Z'))
                break;
        } while (is_alnum(*p));
        cur[n] = '\0';
        if (over) {
            prev[0] = '\0';
            continue;
        }
        if (word_is_hint(cur, n))
            return true;
        for (size_t i = 0; i < sizeof hints2 / sizeof hints2[0]; i++)
            if (!strcmp(prev, hints2[i][0]) && !strcmp(cur, hints2[i][1]))
                return true;
        memcpy(prev, cur, n + 1);
    }
    return false;
}

/* Does the CSS text st set property prop to value val ("display: none")? */
static bool css_sets(const char *st, const char *prop, const char *val)
{
    size_t n = strlen(st), pl = strlen(prop), vl = strlen(val);
    for (size_t i = 0; i + pl <= n; i++) {
        if (!at_ci(st + i, n - i, prop) || (i > 0 && (is_alnum((unsigned char)st[i - 1]) || st[i - 1] == '-')))
            continue;
        size_t j = i + pl;
        while (j < n && is_ws((unsigned char)st[j]))
            j++;
        if (j >= n || st[j] != ':')
            continue;
        j++;
        while (j < n && is_ws((unsigned char)st[j]))
            j++;
        if (at_ci(st + j, n - j, val) &&
            (j + vl == n || !is_alnum((unsigned char)st[j + vl])))
            return true;
    }
    return false;
}

static bool role_is_furniture(const char *r)
{
    static const char *const roles[] = {
        "navigation", "banner", "contentinfo", "complementary", "search",
        "dialog", "alertdialog", "menu", "menubar", "toolbar"};
    if (!r)
        return false;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (has_word_ci(r, roles[i]))
            return true;
    return false;
}

/* Does n open with a heading that names a box of other stories ("<div
 * class="rail"><h4>Related</h4><ul><li><a>Serbia signs for twelve
 * Rafales...")? */
static bool titled_furniture(const xmlNode *n)
{
    static const char *const titles[] = {
        "related", "related articles", "related stories", "related news", "read more", "read also",
        "also read", "more on this story", "more stories", "more news", "most read", "most popular",
        "most viewed", "trending", "trending now", "latest", "latest news", "latest stories",
        "top stories", "you may also like", "recommended", "recommended for you", "editor's picks",
        "in other news", "elsewhere", "more from the desk"};
    const xmlNode *h = n->children;
    while (h && h->type != XML_ELEMENT_NODE)
        h = h->next;
    if (!h || !h->name || h->name[0] != 'h' || h->name[1] < '2' || h->name[1] > '6' || h->name[2])
        return false;
    xmlChar *c = xmlNodeGetContent(h);
    if (!c)
        return false;
    const char *t = (const char *)c;
    size_t l = strlen(t);
    while (l && is_ws((unsigned char)t[l - 1]))
        l--;
    while (l && is_ws((unsigned char)*t))
        t++, l--;
    bool hit = false;
    for (size_t i = 0; i < sizeof titles / sizeof titles[0] && !hit; i++)
        hit = strlen(titles[i]) == l && at_ci(t, l, titles[i]);
    xmlFree(c);
    return hit;
}

/* Is text node n only white space? */
static bool blank_text(const xmlNode *n)
{
    for (const xmlChar *c = n->content; c && *c; c++)
        if (!is_ws(*c))
            return false;
    return true;
}

/* How many children n has, all <tag> elements but for blank text; -1
 * when another child stands among them. */
static int only_children(const xmlNode *n, const char *tag)
{
    int k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && blank_text(c))
            continue;
        if (c->type != XML_ELEMENT_NODE || !is_tag(c, tag))
            return -1;
        k++;
    }
    return k;
}

/* Is n a list of bare links ("<ul><li><a href=...>Japan protests to
 * Beijing ...</a></li><li><a ...>Recall votes ...</a></li></ul>"), other
 * stories' headlines? Two items at least, each nothing but one link. */
static bool link_list(const xmlNode *n)
{
    if ((!is_tag(n, "ul") && !is_tag(n, "ol")) || only_children(n, "li") < 2)
        return false;
    for (const xmlNode *li = n->children; li; li = li->next)
        if (li->type == XML_ELEMENT_NODE && only_children(li, "a") != 1)
            return false;
    return true;
}

/* Is element n furniture? art: how many <article>s it is inside. */
static bool is_furniture(const xmlNode *n, int art)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    unsigned f = tagflags(n);
    if (f & T_DROP)
        return true;
    if (is_tag(n, "header") && art == 0)
        return true;
    if (mark_of(n) & M_CONTENT)
        return false;
    if (is_tag(n, "html") || is_tag(n, "body") || is_tag(n, "main"))
        return false;
    if (is_tag(n, "form") || titled_furniture(n) || link_list(n))
        return true;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        if (!an)
            continue;
        const char *v = attr_value(a);
        if (!strcmp(an, "class") || !strcmp(an, "id")) {
            if (names_furniture(v))
                return true;
        } else if (!strcmp(an, "role")) {
            if (role_is_furniture(v))
                return true;
        } else if (!strcmp(an, "hidden")) {
            return true;
        } else if (!strcmp(an, "aria-hidden")) {
            if (eq_ci(v, "true"))
                return true;
        } else if (!strcmp(an, "style")) {
            if (css_sets(v, "display", "none") || css_sets(v, "visibility", "hidden"))
                return true;
        }
    }
    return false;
}

/* ---- walking ---- */

typedef bool (*enter_fn)(void *ud, xmlNode *n);  /* true: go inside */
typedef void (*leave_fn)(void *ud, xmlNode *n);  /* after the inside */

static bool walkable(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE || n->type == XML_DOCUMENT_NODE ||
           n->type == XML_HTML_DOCUMENT_NODE;
}

/* Pre-order over root's subtree without recursion. */
static void walk(xmlNode *root, enter_fn enter, leave_fn leave, void *ud)
{
    xmlNode *n = root;
    for (;;) {
        bool in = enter(ud, n) && walkable(n);
        if (in && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (in && leave)
                leave(ud, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            in = true;
            if (!n)
                return;
        }
    }
}

/* The text of n's subtree on one line (titles, headings). */
typedef struct linectx {
    sbuf *s;
} linectx;

static bool line_enter(void *ud, xmlNode *n)
{
    linectx *c = ud;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        sb_text(c->s, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;
    unsigned f = tagflags(n);
    if (f & (T_BLOCK | T_BR))
        sb_newline(c->s);
    return !(f & T_DROP) || is_tag(n, "title");
}

static void line_leave(void *ud, xmlNode *n)
{
    linectx *c = ud;
    if (tagflags(n) & T_BLOCK)
        sb_newline(c->s);
}

/* n's text, trimmed, on one line, in the arena; NULL if empty. */
static const char *node_line(casus_arena *a, xmlNode *n, size_t max, bool *nomem)
{
    sbuf s = {.oneline = true, .max = max};
    linectx c = {&s};
    walk(n, line_enter, line_leave, &c);
    char *r = sb_finish(&s, a, NULL);
    if (s.nomem)
        *nomem = true;
    return r;
}

/* A string value (attribute) trimmed and on one line; NULL if empty, or
 * if longer than max unless cut is set. */
static const char *value_line(casus_arena *a, const char *v, size_t max,
                              bool cut, bool *nomem)
{
    if (!v)
        return NULL;
    sbuf s = {.oneline = true, .max = max};
    sb_text(&s, v);
    if (s.full && !cut) {
        free(s.b.p);
        return NULL;
    }
    char *r = sb_finish(&s, a, NULL);
    if (s.nomem)
        *nomem = true;
    return r;
}

/* ---- pass 1: metadata ---- */

enum { D_PUBLISHED, D_META, D_ITEMPROP_HEAD, D_TIME_CONTAINER, D_JSONLD,
       D_ITEMPROP_BODY, D_TIME_ANY, D__COUNT };

typedef struct meta {
    casus_arena *a;
    bool nomem;
    int drop, art, head;
    const char *og_title;
    xmlNode *title;
    const char *date[D__COUNT];
    int njsonld;
} meta;

static void set_date(meta *m, int which, const char *v)
{
    if (m->date[which] || !v)
        return;
    m->date[which] = value_line(m->a, v, DATE_MAX, false, &m->nomem);
}

static const char *json_date(json_t *o)
{
    if (!json_is_object(o))
        return NULL;
    json_t *d = json_object_get(o, "datePublished");
    if (json_is_string(d))
        return json_string_value(d);
    if (json_is_array(d) && json_is_string(json_array_get(d, 0)))
        return json_string_value(json_array_get(d, 0));
    return NULL;
}

/* datePublished of a JSON-LD block: the object itself, the objects of a
 * top-level array, or of an "@graph" array (no deeper). */
static void read_jsonld(meta *m, xmlNode *script)
{
    if (m->njsonld >= JSONLD_COUNT || m->date[D_JSONLD])
        return;
    m->njsonld++;
    bytes js = {0};
    for (xmlNode *t = script->children; t; t = t->next) {
        if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content)
            continue;
        size_t k = strlen((const char *)t->content);
        if (k > JSONLD_MAX - js.len) {
            free(js.p);
            return;
        }
        if (!by_put(&js, (const char *)t->content, k)) {
            free(js.p);
            m->nomem = true;
            return;
        }
    }
    if (!js.p)
        return;
    json_error_t je;
    json_t *root = json_loadb(js.p, js.len, 0, &je);
    free(js.p);
    if (!root)
        return;
    const char *d = json_date(root);
    json_t *lists[2] = {json_is_array(root) ? root : NULL,
                        json_object_get(root, "@graph")};
    for (int l = 0; l < 2 && !d; l++) {
        if (!json_is_array(lists[l]))
            continue;
        for (size_t i = 0; i < json_array_size(lists[l]) && !d; i++) {
            json_t *o = json_array_get(lists[l], i);
            d = json_date(o);
            if (!d && json_is_array(json_object_get(o, "@graph"))) {
                json_t *g = json_object_get(o, "@graph");
                for (size_t k = 0; k < json_array_size(g) && !d; k++)
                    d = json_date(json_array_get(g, k));
            }
        }
    }
    set_date(m, D_JSONLD, d);
    json_decref(root);
}

static void read_meta(meta *m, xmlNode *n)
{
    const char *content = attr(n, "content");
    if (!content)
        return;
    const char *prop = attr(n, "property"), *name = attr(n, "name");
    if (eq_ci(prop, "og:title") || eq_ci(name, "og:title")) {
        if (!m->og_title)
            m->og_title = value_line(m->a, content, TITLE_MAX, true, &m->nomem);
    }
    if (eq_ci(prop, "article:published_time") || eq_ci(name, "article:published_time"))
        set_date(m, D_PUBLISHED, content);
    static const char *const names[] = {
        "date", "pubdate", "publishdate", "publish-date", "dc.date",
        "dc.date.issued", "dcterms.date", "dcterms.issued", "parsely-pub-date",
        "sailthru.date", "og:published_time"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (eq_ci(name, names[i]) || eq_ci(prop, names[i]))
            set_date(m, D_META, content);
    if (m->head && has_word_ci(attr(n, "itemprop"), "datepublished"))
        set_date(m, D_ITEMPROP_HEAD, content);
}

static bool meta_enter(void *ud, xmlNode *n)
{
    meta *m = ud;
    if (n->type != XML_ELEMENT_NODE)
        return n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
    unsigned f = tagflags(n);
    const char *nm = ename(n);
    if (!strcmp(nm, "meta")) {
        read_meta(m, n);
    } else if (!strcmp(nm, "title")) {
        if (!m->title)
            m->title = n;
        return false;
    } else if (!strcmp(nm, "script")) {
        const char *ty = attr(n, "type");
        if (ty && strstr(ty, "ld+json"))
            read_jsonld(m, n);
        return false;
    } else if (m->drop == 0) {
        if (!strcmp(nm, "h1"))
            mark_up(n, M_CONTENT | M_H1);
        else if (!strcmp(nm, "main") || is_articlebody(n))
            mark_up(n, M_CONTENT);
    }
    if (f & T_RAW)
        return false;
    if ((f & T_DROP) || (!strcmp(nm, "header") && m->art == 0))
        m->drop++;
    if (!strcmp(nm, "article"))
        m->art++;
    if (!strcmp(nm, "head"))
        m->head++;
    return true;
}

static void meta_leave(void *ud, xmlNode *n)
{
    meta *m = ud;
    if (n->type != XML_ELEMENT_NODE)
        return;
    const char *nm = ename(n);
    if (!strcmp(nm, "article"))
        m->art--;
    if (!strcmp(nm, "head"))
        m->head--;
    if ((tagflags(n) & T_DROP) || (!strcmp(nm, "header") && m->art == 0))
        m->drop--;
}

/* ---- pass 2: the container ---- */

typedef struct find {
    meta *m;
    int art;
    int ntop;           /* <article>s not inside another: a live blog's entries */
    xmlNode *body, *article, *article_h1, *articlebody, *main, *h1;
} find;

static bool find_enter(void *ud, xmlNode *n)
{
    find *f = ud;
    if (n->type != XML_ELEMENT_NODE)
        return n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
    if (is_furniture(n, f->art))
        return false;
    const char *nm = ename(n);
    if (!strcmp(nm, "article")) {
        f->ntop += f->art == 0;
        f->art++;
        if (!f->article)
            f->article = n;
        if (!f->article_h1 && (mark_of(n) & M_H1))
            f->article_h1 = n;
    } else if (!strcmp(nm, "body")) {
        if (!f->body)
            f->body = n;
    } else if (!strcmp(nm, "main")) {
        if (!f->main)
            f->main = n;
    } else if (!strcmp(nm, "h1")) {
        if (!f->h1)
            f->h1 = n;
    } else if (!strcmp(nm, "time")) {
        set_date(f->m, D_TIME_ANY, attr(n, "datetime"));
    }
    if (!f->articlebody && is_articlebody(n))
        f->articlebody = n;
    if (has_word_ci(attr(n, "itemprop"), "datepublished")) {
        const char *v = attr(n, "content");
        if (!v)
            v = attr(n, "datetime");
        if (v)
            set_date(f->m, D_ITEMPROP_BODY, v);
        else { /* <span itemprop="datePublished">26 Sep 2024 07.12 BST</span> */
            xmlChar *t = xmlNodeGetContent(n);
            if (t)
                set_date(f->m, D_ITEMPROP_BODY, (const char *)t);
            else
                f->m->nomem = true;
            xmlFree(t);
        }
    }
    return true;
}

static void find_leave(void *ud, xmlNode *n)
{
    find *f = ud;
    if (is_tag(n, "article"))
        f->art--;
}

/* ---- pass 3: the text ---- */

typedef struct textctx {
    meta *m;
    sbuf *s;
    xmlNode *root;
    int art;
    bool in_container;  /* root is the container (not the body) */
    xmlNode *h1;
} textctx;

static bool text_enter(void *ud, xmlNode *n)
{
    textctx *c = ud;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        sb_text(c->s, (const char *)n->content);
        return false;
    }
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (n != c->root && is_furniture(n, c->art))
        return false;
    unsigned f = tagflags(n);
    if (f & (T_BLOCK | T_BR))
        sb_newline(c->s);
    const char *nm = ename(n);
    if (!strcmp(nm, "article"))
        c->art++;
    else if (!strcmp(nm, "h1") && !c->h1)
        c->h1 = n;
    else if (!strcmp(nm, "time") && c->in_container)
        set_date(c->m, D_TIME_CONTAINER, attr(n, "datetime"));
    return true;
}

static void text_leave(void *ud, xmlNode *n)
{
    textctx *c = ud;
    if (tagflags(n) & T_BLOCK)
        sb_newline(c->s);
    if (is_tag(n, "article"))
        c->art--;
}

static void text_of(textctx *c, xmlNode *root)
{
    c->root = root;
    c->art = 0;
    for (xmlNode *p = root->parent; p; p = p->parent)
        if (is_tag(p, "article"))
            c->art++;
    walk(root, text_enter, text_leave, c);
}

/* Is t (or its part before a " | " / " - " site-name separator) a
 * substring of the text? */
static bool title_in_text(const char *t, const char *text, size_t len)
{
    if (!t || !text)
        return false;
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 "};
    size_t n = strlen(t);
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        const char *p = strstr(t, seps[i]);
        if (p && (size_t)(p - t) >= 8 && (size_t)(p - t) < n)
            n = (size_t)(p - t);
    }
    return n && find_bytes(text, len, 0, t, n) < len;
}

/* ------------------------------------------------------------------------
 * The entry point
 * ---------------------------------------------------------------------- */

static int nomem(casus_error *err)
{
    casusi_seterr(err, CASUS_ENOMEM, "out of memory");
    return CASUS_ENOMEM;
}

int casusi_html_extract(casus_arena *a, const char *name, const char *buf,
                        size_t len, casusi_html *out, casus_error *err)
{
    if (!name)
        name = "-";
    out->text = casus_arena_strdup(a, "");
    out->len = 0;
    out->title = NULL;
    out->date = NULL;
    if (!out->text)
        return nomem(err);
    if (!buf || len == 0)
        return CASUS_OK;
    if (looks_binary(buf, len)) {
        casusi_seterr_at(err, CASUS_EPARSE, name, 0, 0,
                         "expected an HTML page, found binary data");
        return CASUS_EPARSE;
    }

    /* the bytes libxml2 gets: valid UTF-8 without NUL, tags cut short */
    bytes conv = {0}, fixed = {0}, capped = {0};
    const char *in = buf;
    size_t n = len;
    char cs[48];
    const char *from = NULL;
    size_t unit = 1;
    if (has_utf8_bom(in, n)) {
        in += 3;
        n -= 3;
    } else if (has_utf16_bom(in, n)) {
        from = (unsigned char)in[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
        unit = 2;
        in += 2;
        n -= 2;
    } else if (declared_charset(in, n, cs, sizeof cs)) {
        from = cs;
    }
    if (from) {
        int r = to_utf8(in, n, from, unit, &conv);
        if (r < 0)
            goto oom;
        if (r > 0) {
            in = conv.p ? conv.p : "";
            n = conv.len;
        }
    }
    if (!repair_utf8(in, n, &fixed))
        goto oom;
    if (fixed.p) {
        in = fixed.p;
        n = fixed.len;
    }
    if (!tidy_tags(in, n, &capped))
        goto oom;
    if (capped.p) {
        in = capped.p;
        n = capped.len;
    }
    if (n > INT_MAX) {
        free(conv.p);
        free(fixed.p);
        free(capped.p);
        casusi_seterr_at(err, CASUS_ELIMIT, name, 0, 0,
                         "expected an HTML page under 2 GiB");
        return CASUS_ELIMIT;
    }
    htmlDocPtr doc = NULL;
    if (n > 0) {
        xmlInitParser();
        doc = parse(in, n);
    }
    free(conv.p);
    free(fixed.p);
    free(capped.p);
    conv.p = fixed.p = capped.p = NULL;
    if (!doc)
        return CASUS_OK;

    meta m = {.a = a};
    walk((xmlNode *)doc, meta_enter, meta_leave, &m);

    find f = {.m = &m};
    walk((xmlNode *)doc, find_enter, find_leave, &f);
    xmlNode *body = f.body ? f.body : xmlDocGetRootElement(doc);
    xmlNode *container = f.article_h1 ? f.article_h1 : f.articlebody ? f.articlebody
                       : f.article ? f.article : f.main;
    /* a live blog: one <article> per entry and the <h1> outside them; the
     * entries together are the text (the <main> holding them, else their
     * parent) */
    if (container == f.article && f.ntop > 1) {
        xmlNode *up = f.article->parent;
        for (xmlNode *p = up; p && f.main; p = p->parent)
            if (p == f.main)
                up = f.main;
        if (up && up->type == XML_ELEMENT_NODE)
            container = up;
    }

    sbuf s = {0};
    textctx tc = {.m = &m, .s = &s};
    if (container) {
        tc.in_container = true;
        text_of(&tc, container);
        tc.in_container = false;
    }
    if (container && s.b.len == 0 && body && body != container) {
        /* an empty container: read the whole body instead */
        m.date[D_TIME_CONTAINER] = NULL;
        container = NULL;
        tc.h1 = NULL;
    }
    if (!container && body)
        text_of(&tc, body);
    if (s.nomem) {
        free(s.b.p);
        goto oom_doc;
    }

    /* title: og:title, <title>, the first <h1> */
    const char *title = m.og_title;
    if (!title && m.title)
        title = node_line(a, m.title, TITLE_MAX, &m.nomem);
    if (!title && (tc.h1 || f.h1))
        title = node_line(a, tc.h1 ? tc.h1 : f.h1, TITLE_MAX, &m.nomem);
    out->title = title;

    /* a container without its heading starts with the title */
    if (container && title && !(mark_of(container) & M_H1) &&
        !title_in_text(title, s.b.p, s.b.len)) {
        bytes t = {0};
        if (!by_put(&t, title, strlen(title)) || !by_put(&t, "\n", 1) ||
            !by_put(&t, s.b.p ? s.b.p : "", s.b.len)) {
            free(t.p);
            free(s.b.p);
            goto oom_doc;
        }
        free(s.b.p);
        s.b = t;
    }
    size_t tlen = 0;
    char *text = sb_finish(&s, a, &tlen);
    if (s.nomem || m.nomem)
        goto oom_doc;
    if (text) {
        out->text = text;
        out->len = tlen;
    }
    for (int i = 0; i < D__COUNT; i++)
        if (m.date[i]) {
            out->date = m.date[i];
            break;
        }
    xmlFreeDoc(doc);
    return CASUS_OK;

oom_doc:
    xmlFreeDoc(doc);
    out->title = out->date = NULL;
    return nomem(err);
oom:
    free(conv.p);
    free(fixed.p);
    free(capped.p);
    return nomem(err);
}
