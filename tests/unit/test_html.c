/* test_html.c -- html.c: readable text of news pages, furniture dropped,
 * title and date, deep and broken input. */
#include "news_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Extracts `doc` into *h with a fresh arena (returned; free it). */
static casus_arena *html_run(const char *doc, size_t len, casusi_html *h, int *rc)
{
    casus_arena *a = casus_arena_new();
    assert_non_null(a);
    casus_error e;
    memset(&e, 0, sizeof e);
    *rc = casusi_html_extract(a, "page.html", doc, len, h, &e);
    return a;
}

/* The text of `doc`, which must extract cleanly. */
#define HTML_TEXT(doc, h, a)                                          \
    do {                                                              \
        int rc_;                                                      \
        a = html_run(doc, strlen(doc), &h, &rc_);                     \
        assert_int_equal(rc_, CASUS_OK);                              \
        assert_non_null(h.text);                                      \
        assert_int_equal(strlen(h.text), h.len);                      \
    } while (0)

static void html_furniture_page(void **st)
{
    (void)st;
    const char *doc =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        "<title>Drills near Palawan | The Ledger</title>"
        "<script>var ad = '<p>script text</p>';</script>"
        "<style>p { color: red }</style></head>"
        "<body class=\"single has-sidebar\">"
        "<div id=\"cookie-banner\">We use cookies. <button>Accept</button></div>"
        "<nav class=\"main\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        "<div class=\"breadcrumbs\">Home &gt; World</div>"
        "<div class=\"content\">"
        "<h1>Drills near Palawan</h1>"
        "<div class=\"share-buttons\"><a>Share on Facebook</a> <a>Tweet</a></div>"
        "<p>Japan and the Philippines held a joint naval exercise on Wednesday.</p>"
        "<div class=\"ad-slot\">Advertisement: cheap flights</div>"
        "<p>China   condemned\n  the drills.</p>"
        "<div class=\"newsletter-box\"><p>Sign up for our newsletter</p></div>"
        "<div class=\"article-header-text\">Analysis</div>"
        "</div>"
        "<section id=\"comments\"><h3>Leave a Reply</h3>"
        "<p>Japan should send troops.</p></section>"
        "<aside><p>Most read: Russia tests a missile</p></aside>"
        "<div class=\"adblock-notice\">Adblock Detected</div>"
        "<footer><p>Copyright 2025</p></footer>"
        "<noscript>Enable JavaScript</noscript>"
        "</body></html>";
    casusi_html h;
    casus_arena *a;
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text,
                        "Drills near Palawan\n"
                        "Japan and the Philippines held a joint naval exercise on Wednesday.\n"
                        "China condemned the drills.\n"
                        "Analysis");
    static const char *const gone[] = {
        "cookies", "Accept", "Home", "World", "Share", "Tweet", "Advertisement",
        "newsletter", "Leave a Reply", "troops", "Most read", "Adblock",
        "Copyright", "JavaScript", "script text", "color"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_null(strstr(h.text, gone[i]));
    assert_string_equal(h.title, "Drills near Palawan | The Ledger");
    assert_null(h.date);
    casus_arena_free(a);
}

static void html_article_container(void **st)
{
    (void)st;
    /* the first <article> holding the <h1> wins over a teaser article */
    const char *doc =
        "<html><body><div class=\"ticker\"><article><p>Teaser one</p></article></div>"
        "<p>Outside text</p>"
        "<article class=\"story\"><h1>Main story</h1><p>First paragraph.</p>"
        "<header><p>Byline here</p></header>"
        "<section><div>Second <b>para</b>graph.</div></section></article>"
        "<p>After the article</p></body></html>";
    casusi_html h;
    casus_arena *a;
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "Main story\nFirst paragraph.\nByline here\nSecond paragraph.");
    assert_string_equal(h.title, "Main story");
    casus_arena_free(a);

    /* itemprop=articleBody without the heading: the title leads */
    doc = "<html><head><title>Talks resume</title></head><body>"
          "<h1>Talks resume</h1><p>Lead outside</p>"
          "<div itemprop=\"articleBody\" class=\"paywall\"><p>Body one.</p><p>Body two.</p></div>"
          "</body></html>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "Talks resume\nBody one.\nBody two.");
    casus_arena_free(a);

    /* a live blog: one <article> per entry, the <h1> outside them: all
     * the entries are read, not the first alone */
    doc = "<html><body><main><h1>Live: talks</h1>"
          "<article><time>19:55</time><p>Entry two.</p></article>"
          "<article><time>18:40</time><p>Entry one.</p></article></main>"
          "<aside><p>Sidebar</p></aside></body></html>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "Live: talks\n19:55\nEntry two.\n18:40\nEntry one.");
    casus_arena_free(a);

    doc = "<html><head><title>Talks resume - Daily</title></head><body>"
          "<main><p>Body one.</p></main><p>Not this</p></body></html>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "Talks resume - Daily\nBody one.");
    casus_arena_free(a);

    /* class words: hints match whole words, plurals, and starts or ends of
     * longer words; "commentary", "address" and "shadow" are no hints */
    doc = "<body><article><h1>T</h1>"
          "<div class=\"commentary\">Kept 1</div><div class=\"address\">Kept 2</div>"
          "<div class=\"shadow\">Kept 3</div><div id=\"mainMenu\">Gone 1</div>"
          "<div class=\"shareButtons\">Gone 2</div><div class=\"x ads\">Gone 3</div>"
          "<div class=\"author-bio\">Gone 4</div><div class=\"sidebar-left\">Gone 5</div>"
          "<div hidden>Gone 6</div><div style=\"display : none\">Gone 7</div>"
          "<div role=\"navigation\">Gone 8</div><figure><figcaption>Gone 9</figcaption></figure>"
          "</article></body>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "T\nKept 1\nKept 2\nKept 3");
    casus_arena_free(a);
}

static void html_entities(void **st)
{
    (void)st;
    const char *doc = "<p>Tom &amp; Jerry&#8217;s&nbsp;house &lt;3 &eacute;t&eacute; &#x1F600;</p>"
                      "<p>a&nbsp;&nbsp; \t b\xC2\xA0" "c&shy;d&#8203;e</p>";
    casusi_html h;
    casus_arena *a;
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "Tom & Jerry\xE2\x80\x99s house <3 \xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80\n"
                                "a b c" "de");
    casus_arena_free(a);

    /* declared Latin-1 / windows-1252 is converted; 0x92 is a quote */
    doc = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xE9 \x92x\x92</p></body></html>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "caf\xC3\xA9 \xE2\x80\x99x\xE2\x80\x99");
    casus_arena_free(a);

    /* no charset: UTF-8, invalid bytes become U+FFFD, the rest is kept */
    doc = "<p>ok \xC3\xA9 bad \xFF\xC3( end \xC3\xA9</p>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "ok \xC3\xA9 bad \xEF\xBF\xBD\xEF\xBF\xBD( end \xC3\xA9");
    casus_arena_free(a);

    /* a UTF-8 byte-order mark */
    doc = "\xEF\xBB\xBF<p>caf\xC3\xA9</p>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "caf\xC3\xA9");
    casus_arena_free(a);

    /* other declared charsets are converted: Shift_JIS "Nihon" */
    doc = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">"
          "<p>\x93\xFA\x96\x7B</p>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "\xE6\x97\xA5\xE6\x9C\xAC");
    casus_arena_free(a);

    /* UTF-16 with a byte-order mark */
    static const char u16[] = "\xFF\xFE<\0p\0>\0h\0i\0<\0/\0p\0>\0";
    int rc;
    a = html_run(u16, sizeof u16 - 1, &h, &rc);
    assert_int_equal(rc, CASUS_OK);
    assert_string_equal(h.text, "hi");
    casus_arena_free(a);

    /* text after </body> or </html> is still read, as browsers do */
    doc = "<html><body><p>one</p></body></html><p>two</p>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text, "one\ntwo");
    casus_arena_free(a);
}

static void html_title_date(void **st)
{
    (void)st;
    const char *doc =
        "<html><head><title>Page title | Site</title>"
        "<meta property=\"og:title\" content=\"  OG  title &amp; more \">"
        "<meta property=\"article:published_time\" content=\"2024-11-17T10:00:00Z\">"
        "<meta name=\"date\" content=\"2020-01-01\">"
        "</head><body><time datetime=\"2019-05-05\">x</time>"
        "<article><h1>Heading</h1><p>Text</p></article></body></html>";
    casusi_html h;
    casus_arena *a;
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.title, "OG title & more");
    assert_string_equal(h.date, "2024-11-17T10:00:00Z");
    assert_string_equal(h.text, "Heading\nText");
    casus_arena_free(a);

    /* meta name=pubdate, then <time> in the article before one outside */
    doc = "<html><head><title> Spaced\n  title </title>"
          "<meta name=\"PubDate\" content=\" 2024-03-01 \"></head><body></body></html>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.title, "Spaced title");
    assert_string_equal(h.date, "2024-03-01");
    assert_int_equal(h.len, 0);
    casus_arena_free(a);

    doc = "<body><div class=\"ticker\"><time datetime=\"2025-01-01\">old</time></div>"
          "<article><h1>Only <i>heading</i></h1>"
          "<time datetime=\"2025-03-12T09:30:00+08:00\">12 March</time><p>Text</p></article></body>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.title, "Only heading");
    assert_string_equal(h.date, "2025-03-12T09:30:00+08:00");
    assert_string_equal(h.text, "Only heading\n12 March\nText");
    casus_arena_free(a);

    /* <time> outside furniture when there is no article; JSON-LD first */
    doc = "<body><div class=\"related\"><time datetime=\"2000-01-01\">a</time></div>"
          "<time datetime=\"2023-06-30\">b</time></body>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.date, "2023-06-30");
    assert_null(h.title);
    casus_arena_free(a);
    doc = "<head><script type=\"application/ld+json\">"
          "{\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", "
          "\"datePublished\": \"2022-02-24T05:00:00+03:00\"}]}</script></head>"
          "<body><time datetime=\"2023-06-30\">b</time></body>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.date, "2022-02-24T05:00:00+03:00");
    casus_arena_free(a);

    /* itemprop=datePublished with the date as the element's text */
    doc = "<body><article><h1>H</h1><p>By X &middot; <span itemprop=\"datePublished\">26 Sep 2024 "
          "<b>07.12</b> BST</span></p><p>Text</p></article></body>";
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.date, "26 Sep 2024 07.12 BST");
    casus_arena_free(a);
}

static void html_lines(void **st)
{
    (void)st;
    const char *doc =
        "<body><p>one<br>two<br/><br>three</p>"
        "<ul><li>alpha</li><li> beta <ul><li>nested</li></ul></li></ul>"
        "<table><tr><td>c1</td><td>c2</td></tr></table>"
        "<dl><dt>term</dt><dd>def</dd></dl><blockquote>quote</blockquote>"
        "<div>run <span>in</span>line<div>inner</div>tail</div>"
        "<pre>  pre\n  text  </pre><h2>Sub</h2>end</body>";
    casusi_html h;
    casus_arena *a;
    HTML_TEXT(doc, h, a);
    assert_string_equal(h.text,
                        "one\ntwo\nthree\nalpha\nbeta\nnested\nc1\nc2\nterm\ndef\n"
                        "quote\nrun inline\ninner\ntail\npre text\nSub\nend");
    assert_null(strstr(h.text, "\n\n"));
    casus_arena_free(a);
}

static void html_deep(void **st)
{
    (void)st;
    const int depth = 20000;
    size_t cap = (size_t)depth * 12 + 64, n = 0;
    char *doc = malloc(cap);
    assert_non_null(doc);
    n += (size_t)sprintf(doc + n, "<body>");
    for (int i = 0; i < depth; i++)
        n += (size_t)sprintf(doc + n, "<div>");
    n += (size_t)sprintf(doc + n, "deep");
    for (int i = 0; i < depth; i++)
        n += (size_t)sprintf(doc + n, "</div>");
    n += (size_t)sprintf(doc + n, "<p>after</p></body>");
    clock_t t0 = clock();
    casusi_html h;
    int rc;
    casus_arena *a = html_run(doc, n, &h, &rc);
    assert_int_equal(rc, CASUS_OK);
    assert_string_equal(h.text, "deep\nafter");
    casus_arena_free(a);

    /* unclosed, and stray end tags under a deep stack: ends quickly */
    n = 0;
    for (int i = 0; i < depth; i++)
        n += (size_t)sprintf(doc + n, "<div>");
    for (int i = 0; i < depth / 2; i++)
        n += (size_t)sprintf(doc + n, "</b>");
    a = html_run(doc, n, &h, &rc);
    assert_int_equal(rc, CASUS_OK);
    casus_arena_free(a);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 20.0);
    free(doc);
}

static void html_empty_and_binary(void **st)
{
    (void)st;
    casusi_html h;
    int rc;
    casus_arena *a = html_run("", 0, &h, &rc);
    assert_int_equal(rc, CASUS_OK);
    assert_int_equal(h.len, 0);
    assert_string_equal(h.text, "");
    assert_null(h.title);
    assert_null(h.date);
    casus_arena_free(a);

    static const char *const blank[] = {"   \n ", "<html></html>", "<!-- c -->",
                                        "<script>x()</script>", "\xEF\xBB\xBF"};
    for (size_t i = 0; i < sizeof blank / sizeof blank[0]; i++) {
        a = html_run(blank[i], strlen(blank[i]), &h, &rc);
        assert_int_equal(rc, CASUS_OK);
        assert_int_equal(h.len, 0);
        assert_string_equal(h.text, "");
        casus_arena_free(a);
    }

    /* NUL bytes near the start: not text */
    const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    a = casus_arena_new();
    casus_error e;
    memset(&e, 0, sizeof e);
    assert_int_equal(casusi_html_extract(a, "img.png", bin, sizeof bin - 1, &h, &e),
                     CASUS_EPARSE);
    assert_int_equal(e.code, CASUS_EPARSE);
    assert_string_equal(e.file, "img.png");
    assert_int_equal(h.len, 0);
    casus_arena_free(a);

    /* plain text goes through as one paragraph */
    a = html_run("just  text\nhere", 15, &h, &rc);
    assert_int_equal(rc, CASUS_OK);
    assert_string_equal(h.text, "just text here");
    casus_arena_free(a);
}

static void html_looks(void **st)
{
    (void)st;
    static const char *const yes[] = {
        "<!DOCTYPE html><html>", "  \n<html lang=en>", "\xEF\xBB\xBF<p>x", "<?xml version=\"1.0\"?>",
        "<div>x</div>", "Some text then <P>para", "text <body>", "x <DIV class=a>", "<a href=x>"};
    static const char *const no[] = {
        "", "   ", "Plain article text.", "1 < 2 and 3 > 2", "< html>", "<3 you",
        "Seoul, Oct 30 (Wire) - North Korea <denies> troops"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        assert_true(casusi_looks_html(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_false(casusi_looks_html(no[i], strlen(no[i])));
    /* the marker must be in the first 1024 bytes */
    char buf[2048];
    memset(buf, 'a', sizeof buf);
    memcpy(buf + 1500, "<html>", 6);
    assert_false(casusi_looks_html(buf, sizeof buf));
    memcpy(buf + 100, "<div", 4);
    assert_true(casusi_looks_html(buf, sizeof buf));
    assert_false(casusi_looks_html("<", 1));
}

static const struct CMUnitTest html_tests[] = {
    cmocka_unit_test(html_furniture_page),
    cmocka_unit_test(html_article_container),
    cmocka_unit_test(html_entities),
    cmocka_unit_test(html_title_date),
    cmocka_unit_test(html_lines),
    cmocka_unit_test(html_deep),
    cmocka_unit_test(html_empty_and_binary),
    cmocka_unit_test(html_looks),
};
