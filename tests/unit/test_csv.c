/* test_csv.c -- csv.c: line endings, BOM, quoting, empty fields, header
 * lookup, integers, and every error with its file, line and column. */
#include "csv.h"

#include <string.h>

/* Reads all records of `text` (with a header) into "a|b|c;" form, so a test
 * states the whole parse in one string. Returns the status of the last call. */
static int csv_dump(const char *text, char sep, char *out, size_t cap,
                    casus_error *e)
{
    casusi_csv r;
    casusi_csv_init(&r, "t.csv", text, strlen(text), sep);
    size_t n = 0;
    out[0] = '\0';
    int rc;
    while ((rc = casusi_csv_next(&r, e)) == 1) {
        for (size_t i = 0; i < r.nf; i++) {
            const casusi_csv_field *f = casusi_csv_get(&r, i);
            n += (size_t)snprintf(out + n, cap - n, "%s%.*s", i ? "|" : "",
                                  (int)f->len, f->s);
        }
        n += (size_t)snprintf(out + n, cap - n, ";");
    }
    casusi_csv_free(&r);
    return rc;
}

static void csv_line_endings(void **st)
{
    (void)st;
    char out[256];
    casus_error e;
    /* LF, CRLF, CR-only and mixed, with and without a final line end */
    assert_int_equal(csv_dump("a,b\n1,2\n", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "a|b;1|2;");
    assert_int_equal(csv_dump("a,b\r\n1,2\r\n3,4", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "a|b;1|2;3|4;");
    assert_int_equal(csv_dump("a,b\r1,2\r3,4", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "a|b;1|2;3|4;");
    assert_int_equal(csv_dump("a,b\r1,2\n3,4\r\n5,6", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "a|b;1|2;3|4;5|6;");
    /* blank lines are skipped; empty fields are kept */
    assert_int_equal(csv_dump("a,,c\n\n\r\n,,\n,x,", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "a||c;||;|x|;");
    /* BOM, tabs */
    assert_int_equal(csv_dump("\xEF\xBB\xBFid\tname\n7\tW\xC3\xBCrttemberg", '\t', out, sizeof out, &e), 0);
    assert_string_equal(out, "id|name;7|W\xC3\xBCrttemberg;");
    assert_int_equal(csv_dump("", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "");
}

static void csv_quotes(void **st)
{
    (void)st;
    char out[256];
    casus_error e;
    assert_int_equal(csv_dump("\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"x\r\ny\",2,\"\"\"\"", ',',
                              out, sizeof out, &e), 0);
    assert_string_equal(out, "a,b|say \"hi\"|;x\r\ny|2|\";");
    /* a quote inside an unquoted field is text */
    assert_int_equal(csv_dump("5\" gun,x", ',', out, sizeof out, &e), 0);
    assert_string_equal(out, "5\" gun|x;");
}

static void csv_positions(void **st)
{
    (void)st;
    /* fields after a quoted line break are on the next physical line */
    const char *t = "\xEF\xBB\xBFh1,h2,h3\r\n\"multi\nline\",b,c\r\n\"x\"\"\",yy,z";
    casusi_csv r;
    casus_error e;
    casusi_csv_init(&r, "p.csv", t, strlen(t), ',');
    assert_int_equal(casusi_csv_header(&r, &e), CASUS_OK);
    assert_int_equal(casusi_csv_column(&r, "h3", NULL), 2);
    assert_int_equal(casusi_csv_column(&r, "h4", NULL), -1);
    assert_int_equal(casusi_csv_column(&r, "h4", &e), -1);
    assert_string_equal(e.msg, "missing column 'h4' in the header");
    assert_int_equal(e.line, 1);
    assert_string_equal(casusi_csv_name(&r, 1), "h2");
    assert_int_equal(casusi_csv_next(&r, &e), 1);
    assert_int_equal(r.rec_line, 2);
    assert_int_equal(casusi_csv_get(&r, 0)->line, 2);
    assert_int_equal(casusi_csv_get(&r, 0)->col, 1);
    assert_int_equal(casusi_csv_get(&r, 1)->line, 3);
    assert_int_equal(casusi_csv_get(&r, 1)->col, 7);
    assert_int_equal(casusi_csv_get(&r, 2)->col, 9);
    assert_int_equal(casusi_csv_next(&r, &e), 1);
    assert_int_equal(r.rec_line, 4);
    const casusi_csv_field *f = casusi_csv_get(&r, 0);
    assert_int_equal(f->len, 2);
    assert_memory_equal(f->s, "x\"", 2);
    assert_int_equal(casusi_csv_get(&r, 1)->col, 7);
    assert_int_equal(casusi_csv_next(&r, &e), 0);
    casusi_csv_free(&r);
}

static void csv_ints(void **st)
{
    (void)st;
    const char *t = "yrent,moent,dayent,x\n1949,-4,,2147483647\n+7,04,,-2147483648\n";
    casusi_csv r;
    casus_error e;
    int v;
    bool empty;
    casusi_csv_init(&r, "i.csv", t, strlen(t), ',');
    assert_int_equal(casusi_csv_header(&r, &e), CASUS_OK);
    assert_int_equal(casusi_csv_next(&r, &e), 1);
    assert_int_equal(casusi_csv_int(&r, 0, &v, NULL, &e), CASUS_OK);
    assert_int_equal(v, 1949);
    assert_int_equal(casusi_csv_int(&r, 1, &v, &empty, &e), CASUS_OK);
    assert_int_equal(v, -4);
    assert_false(empty);
    assert_int_equal(casusi_csv_int(&r, 2, &v, &empty, &e), CASUS_OK);
    assert_true(empty);
    assert_int_equal(v, 0);
    /* empty not allowed without the flag */
    assert_int_equal(casusi_csv_int(&r, 2, &v, NULL, &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "expected an integer in column 'dayent', got ''");
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 9);
    assert_int_equal(casusi_csv_int(&r, 3, &v, NULL, &e), CASUS_OK);
    assert_int_equal(v, 2147483647);
    assert_int_equal(casusi_csv_next(&r, &e), 1);
    assert_int_equal(casusi_csv_int(&r, 0, &v, NULL, &e), CASUS_OK);
    assert_int_equal(v, 7);
    assert_int_equal(casusi_csv_int(&r, 1, &v, NULL, &e), CASUS_OK);
    assert_int_equal(v, 4);
    assert_int_equal(casusi_csv_int(&r, 3, &v, NULL, &e), CASUS_OK);
    assert_int_equal(v, -2147483647 - 1);
    casusi_csv_free(&r);
}

/* The error for `text` (header + records) after reading to the end and
 * parsing every field of data rows as an integer. */
static int csv_err(const char *text, casus_error *e)
{
    casusi_csv r;
    memset(e, 0, sizeof *e);
    casusi_csv_init(&r, "bad.csv", text, strlen(text), ',');
    int rc = casusi_csv_header(&r, e);
    while (rc == CASUS_OK) {
        int n = casusi_csv_next(&r, e);
        if (n <= 0) {
            rc = n < 0 ? e->code : CASUS_OK;
            break;
        }
        for (size_t i = 0; i < r.nf && rc == CASUS_OK; i++) {
            int v;
            rc = casusi_csv_int(&r, i, &v, NULL, e);
        }
    }
    casusi_csv_free(&r);
    return rc;
}

static void csv_errors(void **st)
{
    (void)st;
    casus_error e;
    assert_int_equal(csv_err("ccode,yrent\r\n2,1816\r\n20,x9\r\n", &e), CASUS_EPARSE);
    assert_string_equal(e.file, "bad.csv");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 4);
    assert_string_equal(e.msg, "expected an integer in column 'yrent', got 'x9'");
    /* overflow and a trailing space are not integers */
    assert_int_equal(csv_err("a\n2147483648\n", &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "expected an integer in column 'a', got '2147483648'");
    assert_int_equal(csv_err("a,b\n1,2 \n", &e), CASUS_EPARSE);
    assert_int_equal(e.column, 3);
    /* too few fields: at the end of the record; too many: at the first extra */
    assert_int_equal(csv_err("a,b,c\r1,2,3\r4,5\r", &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "expected 3 fields as in the header, got 2");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 4);
    assert_int_equal(csv_err("a,b\n1,2\n\n3,4,5,6\n", &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "expected 2 fields as in the header, got 4");
    assert_int_equal(e.line, 4);
    assert_int_equal(e.column, 5);
    /* unterminated quote: where it opened */
    assert_int_equal(csv_err("a,b\n1,\"2\n3,4\n", &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "unterminated quoted field (no closing '\"')");
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 3);
    /* text after a closing quote */
    assert_int_equal(csv_err("a,b\n\"1\"x,2\n", &e), CASUS_EPARSE);
    assert_string_equal(e.msg,
                        "expected ',' or the end of the line after a closing quote, got 'x'");
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 4);
    /* empty file */
    assert_int_equal(csv_err("", &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "empty file: expected a header row");
    assert_int_equal(e.line, 1);
    /* a header-less reader names columns by number */
    casusi_csv r;
    int v;
    casusi_csv_init(&r, "n.tsv", "1\tz\n", 4, '\t');
    assert_int_equal(casusi_csv_next(&r, &e), 1);
    assert_int_equal(casusi_csv_int(&r, 1, &v, NULL, &e), CASUS_EPARSE);
    assert_string_equal(e.msg, "expected an integer in column '#2', got 'z'");
    assert_int_equal(casusi_csv_fail(&r, 0, &e, "bad code %d", 1), CASUS_EPARSE);
    assert_string_equal(e.msg, "bad code 1");
    assert_int_equal(e.column, 1);
    casusi_csv_free(&r);
}

static void csv_read_file(void **st)
{
    (void)st;
    char *buf;
    size_t len;
    casus_error e;
    assert_int_equal(casusi_csv_read_file("tests/data/no-such.csv", &buf, &len, &e),
                     CASUS_EIO);
    assert_null(buf);
    assert_string_equal(e.file, "tests/data/no-such.csv");
    assert_int_equal(casusi_csv_read_file("tests/data/states_mini.csv", &buf, &len, &e),
                     CASUS_OK);
    assert_true(len > 0);
    assert_int_equal(buf[len], '\0');
    free(buf);
}

static const struct CMUnitTest csv_tests[] = {
    cmocka_unit_test(csv_line_endings),
    cmocka_unit_test(csv_quotes),
    cmocka_unit_test(csv_positions),
    cmocka_unit_test(csv_ints),
    cmocka_unit_test(csv_errors),
    cmocka_unit_test(csv_read_file),
};
