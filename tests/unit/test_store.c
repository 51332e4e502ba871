/* test_store.c -- store.c and evtypes.c: the SQLite event store (round trip
 * of every field, duplicates, filters and order, schema across reopen,
 * files that are not stores, a kill -9 in the middle of a run) and the
 * event type names. Each test works in its own mkdtemp folder. */
#include "casus.h"

#include <dirent.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct store_fx {
    char dir[64];
    char db[128];
} store_fx;

static int store_setup(void **state)
{
    store_fx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    snprintf(fx->dir, sizeof fx->dir, "/tmp/casus-store-XXXXXX");
    if (!mkdtemp(fx->dir)) {
        free(fx);
        return -1;
    }
    snprintf(fx->db, sizeof fx->db, "%s/casus.db", fx->dir);
    *state = fx;
    return 0;
}

static int store_teardown(void **state)
{
    store_fx *fx = *state;
    DIR *d = opendir(fx->dir);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char p[400];
            snprintf(p, sizeof p, "%s/%s", fx->dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    int rc = rmdir(fx->dir);
    free(fx);
    return rc;
}

/* ---- helpers ---------------------------------------------------------- */

static void store_sha(char out[65], unsigned i)
{
    snprintf(out, 65, "%064x", i);
}

static casus_date store_date(const char *s)
{
    casus_date d;
    memset(&d, 0, sizeof d);
    if (s)
        assert_int_equal(casus_date_parse(s, &d, NULL), CASUS_OK);
    return d;
}

static void store_str_eq(const char *want, const char *got)
{
    if (!want) {
        assert_null(got);
    } else {
        assert_non_null(got);
        assert_string_equal(got, want);
    }
}

static void store_date_eq(const casus_date *want, const casus_date *got)
{
    assert_int_equal(got->precision, want->precision);
    assert_int_equal(got->lo, want->lo);
    assert_int_equal(got->hi, want->hi);
    assert_int_equal(got->year, want->year);
    assert_int_equal(got->month, want->month);
    assert_int_equal(got->day, want->day);
}

static void store_codes_eq(const char *const *want, size_t nwant,
                           const char *const *got, size_t ngot)
{
    assert_int_equal(ngot, nwant);
    for (size_t i = 0; i < nwant; i++)
        assert_string_equal(got[i], want[i]);
}

/* Every field of an event read back; treaty_ref is always -1 there. */
static void store_event_eq(const casus_event *w, const casus_event *g)
{
    assert_int_equal(g->type, w->type);
    store_codes_eq(w->source, w->nsource, g->source, g->nsource);
    store_codes_eq(w->target, w->ntarget, g->target, g->ntarget);
    store_date_eq(&w->date, &g->date);
    assert_int_equal(g->denied, w->denied);
    assert_int_equal(g->hedged, w->hedged);
    assert_int_equal(g->modality, w->modality);
    store_str_eq(w->details.body, g->details.body);
    store_str_eq(w->details.treaty, g->details.treaty);
    assert_int_equal(g->details.treaty_ref, -1);
    assert_int_equal(g->details.count, w->details.count);
    store_str_eq(w->details.count_text, g->details.count_text);
    store_str_eq(w->details.place, g->details.place);
    store_str_eq(w->details.place_id, g->details.place_id);
    store_str_eq(w->details.item, g->details.item);
    assert_int_equal(g->details.quantity, w->details.quantity);
    store_str_eq(w->details.quantity_text, g->details.quantity_text);
    assert_int_equal(g->details.approx, w->details.approx);
    store_str_eq(w->details.denies, g->details.denies);
    store_str_eq(w->sentence, g->sentence);
    assert_int_equal(g->span.start, w->span.start);
    assert_int_equal(g->span.end, w->span.end);
    assert_int_equal(g->nrestated, w->nrestated);
    for (size_t i = 0; i < w->nrestated; i++) {
        assert_int_equal(g->restated[i].start, w->restated[i].start);
        assert_int_equal(g->restated[i].end, w->restated[i].end);
    }
    assert_int_equal(g->fuzzy, w->fuzzy);
    assert_int_equal(g->target_inferred, w->target_inferred);
    assert_int_equal(g->source_inferred, w->source_inferred);
}

static casus_event store_ev(casus_evtype type, const char *const *src, size_t nsrc,
                            const char *const *tgt, size_t ntgt, const char *date)
{
    casus_event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.source = src;
    e.nsource = nsrc;
    e.target = tgt;
    e.ntarget = ntgt;
    e.date = store_date(date);
    e.details.treaty_ref = -1;
    e.details.count = -1;
    e.details.quantity = -1;
    return e;
}

static void store_counts_are(casus_store *st, int64_t articles, int64_t events)
{
    int64_t a = -1, e = -1;
    assert_int_equal(casus_store_counts(st, &a, &e, NULL), CASUS_OK);
    assert_int_equal(a, articles);
    assert_int_equal(e, events);
}

/* The three events of the round-trip article, every field used. */
static const char *const ST_RUS[] = {"RUS"};
static const char *const ST_PRK[] = {"PRK"};
static const char *const ST_USA[] = {"USA"};
static const char *const ST_UKR[] = {"UKR"};
static const char *const ST_RUS_UKR[] = {"RUS", "UKR"};
static const casus_span ST_RESTATED[] = {{120, 161}, {300, 342}};

static void store_rt_events(casus_event ev[3])
{
    ev[0] = store_ev(CASUS_EV_TREATY_RATIFIED, ST_RUS, 1, ST_PRK, 1, "2024-11-09");
    ev[0].details.body = "State Duma";
    ev[0].details.treaty = "ru-kp-2024";
    ev[0].details.treaty_ref = 0;
    ev[0].sentence = "The State Duma ratified the treaty with North Korea on 9 November.";
    ev[0].span = (casus_span){0, 66};
    ev[0].restated = ST_RESTATED;
    ev[0].nrestated = 2;

    ev[1] = store_ev(CASUS_EV_TROOPS_DEPLOYED, ST_PRK, 1, ST_RUS_UKR, 2, "2024-10");
    ev[1].hedged = 1;
    ev[1].details.count = 10000;
    ev[1].details.count_text = "around 10,000";
    ev[1].details.approx = 1;
    ev[1].details.place = "Kursk region";
    ev[1].details.place_id = "kursk";
    ev[1].sentence = "Reportedly around 10,000 North Korean troops were sent to the Kursk region.";
    ev[1].span = (casus_span){67, 142};
    ev[1].fuzzy = 1;

    ev[2] = store_ev(CASUS_EV_DENY_ACCUSATION, ST_PRK, 1, ST_USA, 1, NULL);
    ev[2].denied = 1;
    ev[2].modality = CASUS_MOD_POSSIBLE;
    ev[2].details.item = "artillery shells";
    ev[2].details.quantity = 1600000;
    ev[2].details.quantity_text = "around 1.6 million";
    ev[2].details.denies = "arms_transferred";
    ev[2].target_inferred = 1;
    ev[2].source_inferred = 1;
    ev[2].sentence = "Pyongyang\xe2\x80\x99s envoy denied it may have sold around 1.6 million artillery shells.";
    ev[2].span = (casus_span){143, 230};
}

static casus_article store_article(const char *name, unsigned shanum,
                                   const char *date, const casus_event *ev,
                                   size_t nev)
{
    casus_article art;
    memset(&art, 0, sizeof art);
    art.name = name;
    art.title = "Duma ratifies pact; troops in Kursk";
    art.date = store_date(date);
    art.date_from = date ? "option" : NULL;
    art.text = "(text not stored)";
    art.len = 231;
    store_sha(art.sha256, shanum);
    art.events = ev;
    art.nevents = nev;
    return art;
}

/* ---- tests ------------------------------------------------------------ */

static void store_roundtrip(void **state)
{
    store_fx *fx = *state;
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("kursk.html", 0xabcdefu, "2024-11-10", ev, 3);
    art.html = 1;
    art.date_from = "html";

    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    assert_non_null(st);
    store_counts_are(st, 0, 0);
    int added = -1;
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, 1, 3);

    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    size_t n = 0;
    assert_int_equal(casus_store_events(st, a, NULL, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, 3);
    /* by event date: 2024-10 (from its first day), 2024-11-09, undated */
    store_event_eq(&ev[1], &out[0].event);
    store_event_eq(&ev[0], &out[1].event);
    store_event_eq(&ev[2], &out[2].event);
    casus_date adate = store_date("2024-11-10");
    for (size_t i = 0; i < n; i++) {
        assert_true(out[i].id > 0);
        assert_string_equal(out[i].article, "kursk.html");
        assert_string_equal(out[i].sha256, art.sha256);
        store_date_eq(&adate, &out[i].article_date);
    }
    assert_true(out[0].id != out[1].id && out[1].id != out[2].id && out[0].id != out[2].id);
    /* the same through an empty filter */
    casus_event_filter f = {0};
    assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, 3);
    assert_int_equal(out[0].event.type, CASUS_EV_TROOPS_DEPLOYED);

    /* the article row keeps what the article said about itself */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT name, title, date, date_from, html, bytes, nevents, length(stored_at)"
        " FROM articles", -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), "kursk.html");
    assert_string_equal((const char *)sqlite3_column_text(s, 1), art.title);
    assert_string_equal((const char *)sqlite3_column_text(s, 2), "2024-11-10");
    assert_string_equal((const char *)sqlite3_column_text(s, 3), "html");
    assert_int_equal(sqlite3_column_int(s, 4), 1);
    assert_int_equal(sqlite3_column_int(s, 5), 231);
    assert_int_equal(sqlite3_column_int(s, 6), 3);
    assert_int_equal(sqlite3_column_int(s, 7), 20); /* 2024-11-10T12:00:00Z */
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(db);

    casus_arena_free(a);
    casus_store_close(st);
    casus_store_close(NULL);
}

static void store_duplicate(void **state)
{
    store_fx *fx = *state;
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("first.txt", 7, "2024-11-10", ev, 3);
    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    int added = -1;
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, 1, 3);

    /* the same text again, under another name and with fewer events */
    casus_article again = store_article("second.txt", 7, NULL, ev, 1);
    assert_int_equal(casus_store_add(st, &again, &added, &e), CASUS_OK);
    assert_int_equal(added, 0);
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 0);
    store_counts_are(st, 1, 3);
    /* upper-case hex is the same identity */
    casus_article upper = art;
    for (char *p = upper.sha256; *p; p++)
        if (*p >= 'a' && *p <= 'f')
            *p = (char)(*p - 'a' + 'A');
    assert_int_equal(casus_store_add(st, &upper, &added, &e), CASUS_OK);
    assert_int_equal(added, 0);

    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    size_t n = 0;
    assert_int_equal(casus_store_events(st, a, NULL, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(out[i].article, "first.txt");

    /* another text is another article */
    casus_article other = store_article("other.txt", 8, NULL, ev, 2);
    assert_int_equal(casus_store_add(st, &other, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, 2, 5);
    /* an article without events is stored too, once */
    casus_article empty = store_article("empty.txt", 9, NULL, NULL, 0);
    assert_int_equal(casus_store_add(st, &empty, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    assert_int_equal(casus_store_add(st, &empty, NULL, &e), CASUS_OK);
    store_counts_are(st, 3, 5);

    /* bad articles write nothing and say why */
    casus_article bad = store_article("bad.txt", 10, NULL, ev, 1);
    bad.sha256[0] = '\0';
    assert_int_equal(casus_store_add(st, &bad, &added, &e), CASUS_EINVAL);
    assert_int_equal(added, 0);
    assert_non_null(strstr(e.msg, "sha256"));
    assert_non_null(strstr(e.msg, fx->db));
    casus_event badev[2] = {ev[0], ev[1]};
    badev[1].type = CASUS_EV__COUNT;
    bad = store_article("bad.txt", 10, NULL, badev, 2);
    assert_int_equal(casus_store_add(st, &bad, &added, &e), CASUS_EINVAL);
    char want[400];
    snprintf(want, sizeof want,
             "store '%s': cannot add article 'bad.txt': event 2 has an unknown type",
             fx->db);
    assert_string_equal(e.msg, want);
    store_counts_are(st, 3, 5);

    casus_arena_free(a);
    casus_store_close(st);
}

/* Two articles for the filters: 5 events of 4 types, dates full, year-only
 * and none, actors as source and as target. */
static const char *const ST_RUS_PRK[] = {"RUS", "PRK"}; /* unsorted on purpose */
static const char *const ST_PRK_RUS[] = {"PRK", "RUS"}; /* ... and how it comes back */

static void store_filters(void **state)
{
    store_fx *fx = *state;
    casus_event e1[3], e2[2];
    e1[0] = store_ev(CASUS_EV_CONDEMN, ST_UKR, 1, ST_RUS_PRK, 2, "2024-06-10");
    e1[1] = store_ev(CASUS_EV_SANCTIONS, ST_USA, 1, ST_RUS, 1, "2024");
    e1[2] = store_ev(CASUS_EV_MISSILE_TEST, ST_PRK, 1, NULL, 0, NULL);
    e2[0] = store_ev(CASUS_EV_CONDEMN, ST_USA, 1, ST_PRK, 1, "2024-06-10");
    e2[1] = store_ev(CASUS_EV_TROOPS_DEPLOYED, ST_PRK, 1, ST_RUS, 1, "2024-10-15");
    casus_article a1 = store_article("a1.txt", 1, "2024-06-11", e1, 3);
    casus_article a2 = store_article("a2.txt", 2, "2024-10-16", e2, 2);
    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    assert_int_equal(casus_store_add(st, &a1, NULL, &e), CASUS_OK);
    assert_int_equal(casus_store_add(st, &a2, NULL, &e), CASUS_OK);

    struct {
        const char *actor;
        int has_type;
        casus_evtype type;
        const char *since;
        const char *want; /* "article:seq ..." in result order */
    } cases[] = {
        {NULL, 0, 0, NULL, "a1:1 a1:0 a2:0 a2:1 a1:2"},
        {"RUS", 0, 0, NULL, "a1:1 a1:0 a2:1"},
        {"rus", 0, 0, NULL, "a1:1 a1:0 a2:1"},
        {"PRK", 0, 0, NULL, "a1:0 a2:0 a2:1 a1:2"},
        {"CHN", 0, 0, NULL, ""},
        {NULL, 1, CASUS_EV_CONDEMN, NULL, "a1:0 a2:0"},
        {NULL, 1, CASUS_EV_WARN, NULL, ""},
        {NULL, 0, 0, "2024-06-10", "a1:0 a2:0 a2:1"},
        {NULL, 0, 0, "2024-06-11", "a2:1"},
        {NULL, 0, 0, "2024-01-01", "a1:1 a1:0 a2:0 a2:1"},
        {NULL, 0, 0, "2025-01-01", ""},
        {"PRK", 1, CASUS_EV_CONDEMN, "2024-06-01", "a1:0 a2:0"},
        {"USA", 1, CASUS_EV_SANCTIONS, NULL, "a1:1"},
        {"USA", 1, CASUS_EV_SANCTIONS, "2024-01-02", ""},
    };
    casus_arena *a = casus_arena_new();
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        casus_event_filter f = {0};
        f.actor = cases[c].actor;
        f.has_type = cases[c].has_type;
        f.type = cases[c].type;
        f.since = store_date(cases[c].since);
        casus_stored_event *out = NULL;
        size_t n = 99;
        assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
        char got[200] = "";
        for (size_t i = 0; i < n; i++) {
            const casus_article *art = strcmp(out[i].article, "a1.txt") == 0 ? &a1 : &a2;
            size_t seq = 0;
            while (seq < art->nevents && art->events[seq].type != out[i].event.type)
                seq++;
            /* a1 and a2 each hold a type once */
            assert_true(seq < art->nevents);
            casus_event w = art->events[seq];
            if (w.target == ST_RUS_PRK)
                w.target = ST_PRK_RUS;
            store_event_eq(&w, &out[i].event);
            size_t len = strlen(got);
            snprintf(got + len, sizeof got - len, "%s%.2s:%zu", i ? " " : "",
                     out[i].article, seq);
        }
        if (strcmp(got, cases[c].want) != 0)
            fail_msg("filter case %zu: got '%s', want '%s'", c, got, cases[c].want);
        if (n == 0)
            assert_null(out);
        casus_arena_reset(a);
    }

    /* codes come back sorted */
    casus_event_filter f = {0};
    f.actor = "UKR";
    casus_stored_event *out = NULL;
    size_t n = 0;
    assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, 1);
    assert_int_equal(out[0].event.ntarget, 2);
    assert_string_equal(out[0].event.target[0], "PRK");
    assert_string_equal(out[0].event.target[1], "RUS");
    assert_int_equal(out[0].event.nrestated, 0);
    assert_null(out[0].event.restated);

    /* a type outside the enumeration is a bad argument */
    f.actor = NULL;
    f.has_type = 1;
    f.type = (casus_evtype)99;
    assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_EINVAL);
    assert_int_equal(n, 0);
    assert_null(out);

    casus_arena_free(a);
    casus_store_close(st);
}

/* Every type and modality goes in and comes back; the names are stable. */
static void store_every_type(void **state)
{
    store_fx *fx = *state;
    casus_event ev[CASUS_EV__COUNT];
    for (int i = 0; i < CASUS_EV__COUNT; i++) {
        ev[i] = store_ev((casus_evtype)i, ST_RUS, 1, ST_UKR, 1, "2023-05-01");
        ev[i].modality = (casus_modality)(i % 3);
        ev[i].denied = i % 2;
        ev[i].details.count = i;    /* 0 is a count, not "none" */
        ev[i].details.quantity = i == 0 ? -1 : i * 1000;
    }
    casus_article art = store_article("all.txt", 3, NULL, ev, CASUS_EV__COUNT);
    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    assert_int_equal(casus_store_add(st, &art, NULL, &e), CASUS_OK);
    casus_arena *a = casus_arena_new();
    for (int i = 0; i < CASUS_EV__COUNT; i++) {
        casus_event_filter f = {0};
        f.has_type = 1;
        f.type = (casus_evtype)i;
        casus_stored_event *out = NULL;
        size_t n = 0;
        assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
        assert_int_equal(n, 1);
        store_event_eq(&ev[i], &out[0].event);
        store_date_eq(&(casus_date){0}, &out[0].article_date);

        casus_evtype t;
        assert_int_equal(casus_evtype_parse(casus_evtype_name((casus_evtype)i), &t, NULL),
                         CASUS_OK);
        assert_int_equal(t, i);
    }
    assert_string_equal(casus_evtype_name(CASUS_EV_TREATY_SIGNED), "treaty_signed");
    assert_string_equal(casus_evtype_name(CASUS_EV_MUTUAL_DEFENSE_PLEDGE), "mutual_defense_pledge");
    assert_string_equal(casus_evtype_name(CASUS_EV_SANCTIONS), "sanctions");
    assert_string_equal(casus_evtype_name(CASUS_EV__COUNT), "?");
    assert_string_equal(casus_modality_name(CASUS_MOD_ACTUAL), "actual");
    assert_string_equal(casus_modality_name(CASUS_MOD_PLANNED), "planned");
    assert_string_equal(casus_modality_name(CASUS_MOD_POSSIBLE), "possible");
    assert_string_equal(casus_verdict_name(CASUS_KB_CONFIRMS), "confirms");
    assert_string_equal(casus_verdict_name(CASUS_KB_NEW), "new");
    assert_string_equal(casus_verdict_name(CASUS_KB_CONFLICTS), "conflicts");
    casus_evtype t = CASUS_EV_WARN;
    assert_int_equal(casus_evtype_parse("invade", &t, &e), CASUS_EINVAL);
    assert_int_equal(e.code, CASUS_EINVAL);
    assert_int_equal(t, CASUS_EV_WARN);
    assert_string_equal(e.msg,
        "unknown event type 'invade' (expected one of: treaty_signed, "
        "treaty_ratified, treaty_in_force, treaty_withdrawn, alliance_joined, "
        "mutual_defense_pledge, troops_deployed, arms_transferred, "
        "military_exercise, intelligence_sharing, missile_test, condemn, warn, "
        "summon_ambassador, deny_accusation, aid_pledged, sanctions)");
    assert_int_equal(casus_evtype_parse(NULL, &t, NULL), CASUS_EINVAL);
    assert_int_equal(casus_evtype_parse("Condemn", &t, NULL), CASUS_EINVAL);
    casus_arena_free(a);
    casus_store_close(st);
}

static const char *store_sql1(sqlite3 *db, const char *sql, char *buf, size_t n)
{
    sqlite3_stmt *s = NULL;
    buf[0] = '\0';
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return buf;
}

/* A new store at path holding art, closed again. */
static void store_write(const char *path, const casus_article *art)
{
    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(path, &st, &e), CASUS_OK);
    assert_int_equal(casus_store_add(st, art, NULL, &e), CASUS_OK);
    casus_store_close(st);
}

static void store_reopen(void **state)
{
    store_fx *fx = *state;
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("kursk.txt", 42, "2024-11-10", ev, 3);
    store_write(fx->db, &art);
    casus_store *st = NULL;
    casus_error e = {0};

    /* WAL, schema version 3, the tables of the schema */
    sqlite3 *db = NULL;
    char buf[64];
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_string_equal(store_sql1(db, "PRAGMA journal_mode", buf, sizeof buf), "wal");
    assert_string_equal(store_sql1(db, "SELECT value FROM meta WHERE key = 'schema'",
                                   buf, sizeof buf), "3");
    assert_string_equal(store_sql1(db, "SELECT group_concat(name, ' ') FROM (SELECT name"
                                   " FROM sqlite_master WHERE type = 'table' ORDER BY name)",
                                   buf, sizeof buf),
                        "articles event_actors event_restated events meta");
    sqlite3_close(db);

    /* open again: the same events, and more can be added */
    st = NULL;
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    store_counts_are(st, 1, 3);
    int added = -1;
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 0);
    casus_article more = store_article("more.txt", 43, NULL, ev, 2);
    assert_int_equal(casus_store_add(st, &more, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, 2, 5);
    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    size_t n = 0;
    casus_event_filter f = {0};
    f.actor = "USA";
    assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, 1);
    store_event_eq(&ev[2], &out[0].event);
    assert_string_equal(out[0].article, "kursk.txt");
    casus_arena_free(a);
    casus_store_close(st);

    /* a store written by a newer casus is refused, and left alone */
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE meta SET value = '4' WHERE key = 'schema'",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    st = (casus_store *)&e; /* must be reset to NULL */
    memset(&e, 0, sizeof e);
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_EPARSE);
    assert_null(st);
    char want[400];
    snprintf(want, sizeof want,
             "store '%s': schema version 4 is newer than this casus reads (3); "
             "use a newer casus", fx->db);
    assert_string_equal(e.msg, want);
    assert_string_equal(e.file, fx->db);

    /* a meta table without a version is not a store */
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE meta SET value = 'x' WHERE key = 'schema'",
                                  NULL, NULL, NULL), SQLITE_OK);
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events", buf, sizeof buf), "5");
    sqlite3_close(db);
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_EPARSE);
    assert_null(st);
    assert_non_null(strstr(e.msg, "not a casus event store (no schema version in meta)"));
}

/* Writes an article of three events, turns the store into an older
 * version with `downgrade` (SQL), opens it (which upgrades it), checks that
 * the old events are kept, adds the same events as "new.txt" and returns
 * the two events whose actor is USA (in *out, from a). */
static void store_upgrade_from(store_fx *fx, const char *downgrade, casus_arena *a, casus_stored_event **out)
{
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("old.txt", 7, "2024-11-10", ev, 3);
    store_write(fx->db, &art);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, downgrade, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);

    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    store_counts_are(st, 1, 3);
    casus_article more = store_article("new.txt", 8, NULL, ev, 3);
    assert_int_equal(casus_store_add(st, &more, NULL, &e), CASUS_OK);
    size_t n = 0;
    casus_event_filter f = {0};
    f.actor = "USA";
    assert_int_equal(casus_store_events(st, a, &f, out, &n, &e), CASUS_OK);
    assert_int_equal(n, 2);
    casus_store_close(st);
}

/* A store of schema version 1 (before events.target_inferred and
 * events.source_inferred) is upgraded when opened, through version 2: its
 * events are kept, with both flags NULL ("not recorded", read as 0), and
 * new events carry the flags. */
static void store_upgrade_v1(void **state)
{
    store_fx *fx = *state;
    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    store_upgrade_from(fx, "ALTER TABLE events DROP COLUMN target_inferred;"
                           "ALTER TABLE events DROP COLUMN source_inferred;"
                           "UPDATE meta SET value = '1' WHERE key = 'schema'", a, &out);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(out[i].event.target_inferred, !strcmp(out[i].article, "new.txt"));
        assert_int_equal(out[i].event.source_inferred, !strcmp(out[i].article, "new.txt"));
    }
    casus_arena_free(a);

    sqlite3 *db = NULL;
    char buf[64];
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_string_equal(store_sql1(db, "SELECT value FROM meta WHERE key = 'schema'",
                                   buf, sizeof buf), "3");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE target_inferred IS NULL",
                                   buf, sizeof buf), "3");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE target_inferred = 1",
                                   buf, sizeof buf), "1");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE source_inferred IS NULL",
                                   buf, sizeof buf), "3");
    sqlite3_close(db);
}

/* A store of schema version 2 (before events.source_inferred) is upgraded
 * when opened: its events keep their target_inferred, their source_inferred
 * is NULL ("not recorded", read as 0), and new events carry both. */
static void store_upgrade_v2(void **state)
{
    store_fx *fx = *state;
    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    store_upgrade_from(fx, "ALTER TABLE events DROP COLUMN source_inferred;"
                           "UPDATE meta SET value = '2' WHERE key = 'schema'", a, &out);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(out[i].event.target_inferred, 1);
        assert_int_equal(out[i].event.source_inferred, !strcmp(out[i].article, "new.txt"));
    }
    casus_arena_free(a);

    sqlite3 *db = NULL;
    char buf[64];
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_string_equal(store_sql1(db, "SELECT value FROM meta WHERE key = 'schema'",
                                   buf, sizeof buf), "3");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE source_inferred IS NULL",
                                   buf, sizeof buf), "3");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE source_inferred = 1",
                                   buf, sizeof buf), "1");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM events WHERE target_inferred = 1",
                                   buf, sizeof buf), "2");
    sqlite3_close(db);
}

/* A failure in the middle of an article (here: a trigger refusing its third
 * event) rolls the whole article back and names the store and the cause. */
static void store_rollback(void **state)
{
    store_fx *fx = *state;
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("half.txt", 5, NULL, ev, 3);
    casus_store *st = NULL;
    casus_error e = {0};
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
        "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.seq = 2"
        " BEGIN SELECT RAISE(ABORT, 'injected failure'); END", NULL, NULL, NULL),
        SQLITE_OK);
    int added = -1;
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_EIO);
    assert_int_equal(added, 0);
    char want[400];
    snprintf(want, sizeof want,
             "store '%s': cannot add article 'half.txt': injected failure", fx->db);
    assert_string_equal(e.msg, want);
    store_counts_are(st, 0, 0);
    char buf[32];
    assert_string_equal(store_sql1(db, "SELECT (SELECT count(*) FROM event_actors)"
                                   " + (SELECT count(*) FROM event_restated)",
                                   buf, sizeof buf), "0");
    /* the store goes on: the next add is a fresh transaction */
    assert_int_equal(sqlite3_exec(db, "DROP TRIGGER refuse", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, 1, 3);
    casus_store_close(st);
}

static void store_write_file(const char *path, const char *text, int times)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < times; i++)
        fputs(text, f);
    fclose(f);
}

static long store_file_size(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

static void store_not_a_db(void **state)
{
    store_fx *fx = *state;
    char path[200], want[400];
    casus_store *st = NULL;
    casus_error e = {0};

    /* text files, long and short: an error, and the file untouched */
    const int times[] = {400, 1};
    for (size_t i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/notes%zu.txt", fx->dir, i);
        store_write_file(path, "This is not a database, only some notes.\n", times[i]);
        long size = store_file_size(path);
        memset(&e, 0, sizeof e);
        int rc = casus_store_open(path, &st, &e);
        assert_int_equal(rc, CASUS_EPARSE);
        assert_int_equal(e.code, CASUS_EPARSE);
        assert_null(st);
        snprintf(want, sizeof want, "store '%s': cannot open: file is not a database", path);
        assert_string_equal(e.msg, want);
        assert_int_equal(store_file_size(path), size);
        char side[220];
        snprintf(side, sizeof side, "%s-wal", path);
        assert_int_equal(access(side, F_OK), -1);
    }

    /* another program's SQLite database is not taken over */
    snprintf(path, sizeof path, "%s/other.db", fx->dir);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE notes(t TEXT)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(casus_store_open(path, &st, &e), CASUS_EPARSE);
    assert_null(st);
    snprintf(want, sizeof want,
             "store '%s': an SQLite database, but not a casus event store (no meta table)",
             path);
    assert_string_equal(e.msg, want);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char buf[32];
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM sqlite_master", buf, sizeof buf), "1");
    sqlite3_close(db);

    /* a folder that does not exist */
    snprintf(path, sizeof path, "%s/no/such/casus.db", fx->dir);
    assert_int_equal(casus_store_open(path, &st, &e), CASUS_EIO);
    assert_null(st);
    snprintf(want, sizeof want, "store '%s': cannot open: unable to open database file", path);
    assert_string_equal(e.msg, want);
    /* a folder */
    assert_int_equal(casus_store_open(fx->dir, &st, &e), CASUS_EIO);
    assert_non_null(strstr(e.msg, fx->dir));
    /* no path */
    assert_int_equal(casus_store_open("", &st, &e), CASUS_EINVAL);
    assert_int_equal(casus_store_open(NULL, &st, &e), CASUS_EINVAL);
    assert_null(st);
}

/* The crash test's articles: article i has (i % 7) + 1 events. */
#define STORE_CRASH_SENTENCE_LEN 1500

static int store_crash_child(const char *path)
{
    casus_store *st = NULL;
    if (casus_store_open(path, &st, NULL) != CASUS_OK)
        return 2;
    static char sentence[STORE_CRASH_SENTENCE_LEN + 1];
    memset(sentence, 'x', STORE_CRASH_SENTENCE_LEN);
    casus_event ev[7];
    for (unsigned i = 0; i < 1000000; i++) {
        char name[32];
        snprintf(name, sizeof name, "crash-%u", i);
        size_t nev = i % 7 + 1;
        for (size_t k = 0; k < nev; k++) {
            ev[k] = store_ev(CASUS_EV_TROOPS_DEPLOYED, ST_RUS, 1, ST_UKR, 1, "2024-01-01");
            ev[k].sentence = sentence;
            ev[k].details.count = (int64_t)k;
            ev[k].restated = ST_RESTATED;
            ev[k].nrestated = 2;
        }
        casus_article art = store_article(name, 100000 + i, NULL, ev, nev);
        int added = 0;
        if (casus_store_add(st, &art, &added, NULL) != CASUS_OK || !added)
            return 3;
    }
    casus_store_close(st);
    return 0;
}

static void store_crash(void **state)
{
    store_fx *fx = *state;
    casus_store *st = NULL;
    casus_error e = {0};
    /* created before the fork: no connection crosses it */
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    casus_store_close(st);

    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0)
        _exit(store_crash_child(fx->db));

    /* let it write a while, then kill -9 it wherever it is */
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    int64_t na = 0;
    for (int tries = 0; tries < 3000 && na < 300; tries++) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
        assert_int_equal(casus_store_counts(st, &na, NULL, &e), CASUS_OK);
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid)
            fail_msg("the writer ended early with status %d", status);
    }
    casus_store_close(st);
    assert_int_equal(kill(pid, SIGKILL), 0);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    /* the database is sound, and holds whole articles only */
    sqlite3 *db = NULL;
    char buf[64];
    assert_int_equal(sqlite3_open(fx->db, &db), SQLITE_OK);
    assert_string_equal(store_sql1(db, "PRAGMA integrity_check", buf, sizeof buf), "ok");
    assert_string_equal(store_sql1(db, "SELECT count(*) FROM pragma_foreign_key_check",
                                   buf, sizeof buf), "0");
    sqlite3_stmt *s = NULL;
    assert_int_equal(sqlite3_prepare_v2(db,
        "SELECT a.name, a.nevents,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM events e JOIN event_actors x ON x.event_id = e.id"
        "  WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM events e JOIN event_restated r ON r.event_id = e.id"
        "  WHERE e.article_id = a.id)"
        " FROM articles a ORDER BY a.id", -1, &s, NULL), SQLITE_OK);
    unsigned stored = 0;
    int64_t nevents = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        char name[32];
        snprintf(name, sizeof name, "crash-%u", stored);
        /* in order, none missing before the last one */
        assert_string_equal((const char *)sqlite3_column_text(s, 0), name);
        int want = (int)(stored % 7 + 1);
        assert_int_equal(sqlite3_column_int(s, 1), want);
        assert_int_equal(sqlite3_column_int(s, 2), want);
        assert_int_equal(sqlite3_column_int(s, 3), 2 * want);
        assert_int_equal(sqlite3_column_int(s, 4), 2 * want);
        nevents += want;
        stored++;
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    assert_true(stored >= 300);

    /* the store opens, counts and reads the same, and goes on */
    assert_int_equal(casus_store_open(fx->db, &st, &e), CASUS_OK);
    store_counts_are(st, stored, nevents);
    casus_arena *a = casus_arena_new();
    casus_stored_event *out = NULL;
    size_t n = 0;
    casus_event_filter f = {0};
    f.actor = "UKR";
    assert_int_equal(casus_store_events(st, a, &f, &out, &n, &e), CASUS_OK);
    assert_int_equal(n, (size_t)nevents);
    assert_int_equal(strlen(out[n - 1].event.sentence), STORE_CRASH_SENTENCE_LEN);
    casus_arena_free(a);
    casus_event ev[3];
    store_rt_events(ev);
    casus_article art = store_article("after.txt", 1, NULL, ev, 3);
    int added = 0;
    assert_int_equal(casus_store_add(st, &art, &added, &e), CASUS_OK);
    assert_int_equal(added, 1);
    store_counts_are(st, stored + 1, nevents + 3);
    casus_store_close(st);
}

#define STORE_TEST(f) cmocka_unit_test_setup_teardown(f, store_setup, store_teardown)

static const struct CMUnitTest store_tests[] = {
    STORE_TEST(store_roundtrip),
    STORE_TEST(store_duplicate),
    STORE_TEST(store_filters),
    STORE_TEST(store_every_type),
    STORE_TEST(store_reopen),
    STORE_TEST(store_upgrade_v1),
    STORE_TEST(store_upgrade_v2),
    STORE_TEST(store_rollback),
    STORE_TEST(store_not_a_db),
    STORE_TEST(store_crash),
};
