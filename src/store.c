/*
 * store.c -- the event store: articles and the events read from them, kept
 * in an SQLite database so that many runs of `casus read --store` add up and
 * `casus events` can query them.
 *
 * Durability: the database is in WAL mode with synchronous=NORMAL, and each
 * article is added in one transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK
 * on any error). A process that is killed loses nothing it committed and
 * never leaves half an article; after a power loss the last few commits may
 * be missing, but the database is never corrupt.
 *
 * Identity: an article is its sha256 (UNIQUE); adding it again writes
 * nothing. Every value goes in through bound parameters; the only SQL text
 * built at run time is the event query, assembled from constant fragments.
 *
 * Schema version 3 (the `meta` row 'schema'); a newer version is refused,
 * an older one is upgraded when the store is opened, one version at a time
 * (version 1 lacked events.target_inferred, version 2 events.source_inferred:
 * their old rows get NULL there, "not recorded", since the reader that
 * wrote them may have inferred targets, or dropped events whose source it
 * would now infer, without saying so).
 * Adding an event type changes the CHECK on events.type and so needs a new
 * schema version.
 *
 *   meta(key TEXT PRIMARY KEY, value TEXT)        -- 'schema', 'writer'
 *   articles(id, sha256 UNIQUE, name, title, date, date_lo, date_from, html,
 *            bytes, nevents, stored_at)          -- the sources
 *   events(id, article_id -> articles, seq, type, date, date_lo, date_hi,
 *          status 'reported'|'denied', hedged, modality, sentence,
 *          span_start, span_end, body, treaty, count, count_text, quantity,
 *          quantity_text, approx, place, place_id, item, denies, fuzzy,
 *          target_inferred, source_inferred)
 *   event_actors(event_id -> events, role 'source'|'target', code)
 *   event_restated(event_id -> events, seq, span_start, span_end)
 *
 * Dates are kept as written (YYYY, YYYY-MM, YYYY-MM-DD) with their first and
 * last day numbers; a count or quantity below zero ("none") is kept as NULL.
 * A store handle is for one thread at a time.
 */
#include "news_int.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STORE_SCHEMA 3
#define STORE_BUSY_MS 10000

struct casus_store {
    sqlite3 *db;
    char *path;                  /* as given, for messages */
    sqlite3_stmt *ins_article, *ins_event, *ins_actor, *ins_restated;
    sqlite3_stmt *sel_actors, *sel_restated, *sel_counts;
};

static const char SCHEMA_SQL[] =
    "CREATE TABLE meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL\n"
    ");\n"
    "CREATE TABLE articles(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  sha256 TEXT NOT NULL UNIQUE CHECK(length(sha256) = 64),\n"
    "  name TEXT NOT NULL,\n"
    "  title TEXT,\n"
    "  date TEXT,\n"
    "  date_lo INTEGER,\n"
    "  date_from TEXT,\n"
    "  html INTEGER NOT NULL CHECK(html IN (0, 1)),\n"
    "  bytes INTEGER NOT NULL,\n"
    "  nevents INTEGER NOT NULL,\n"
    "  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
    ");\n"
    "CREATE TABLE events(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  type TEXT NOT NULL CHECK(type IN ('treaty_signed', 'treaty_ratified',\n"
    "    'treaty_in_force', 'treaty_withdrawn', 'alliance_joined',\n"
    "    'mutual_defense_pledge', 'troops_deployed', 'arms_transferred',\n"
    "    'military_exercise', 'intelligence_sharing', 'missile_test', 'condemn',\n"
    "    'warn', 'summon_ambassador', 'deny_accusation', 'aid_pledged',\n"
    "    'sanctions')),\n"
    "  date TEXT,\n"
    "  date_lo INTEGER,\n"
    "  date_hi INTEGER,\n"
    "  status TEXT NOT NULL CHECK(status IN ('reported', 'denied')),\n"
    "  hedged INTEGER NOT NULL CHECK(hedged IN (0, 1)),\n"
    "  modality TEXT NOT NULL CHECK(modality IN ('actual', 'planned', 'possible')),\n"
    "  sentence TEXT,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL,\n"
    "  body TEXT,\n"
    "  treaty TEXT,\n"
    "  count INTEGER,\n"
    "  count_text TEXT,\n"
    "  quantity INTEGER,\n"
    "  quantity_text TEXT,\n"
    "  approx INTEGER NOT NULL CHECK(approx IN (0, 1)),\n"
    "  place TEXT,\n"
    "  place_id TEXT,\n"
    "  item TEXT,\n"
    "  denies TEXT,\n"
    "  fuzzy INTEGER NOT NULL CHECK(fuzzy IN (0, 1)),\n"
    "  target_inferred INTEGER CHECK(target_inferred IN (0, 1)),\n"
    "  source_inferred INTEGER CHECK(source_inferred IN (0, 1)),\n"
    "  UNIQUE(article_id, seq)\n"
    ");\n"
    "CREATE INDEX events_date ON events(date_lo);\n"
    "CREATE TABLE event_actors(\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  role TEXT NOT NULL CHECK(role IN ('source', 'target')),\n"
    "  code TEXT NOT NULL,\n"
    "  PRIMARY KEY(event_id, role, code)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX event_actors_code ON event_actors(code COLLATE NOCASE);\n"
    "CREATE TABLE event_restated(\n"
    "  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,\n"
    "  seq INTEGER NOT NULL,\n"
    "  span_start INTEGER NOT NULL,\n"
    "  span_end INTEGER NOT NULL,\n"
    "  PRIMARY KEY(event_id, seq)\n"
    ") WITHOUT ROWID;\n"
    "INSERT INTO meta(key, value) VALUES ('schema', '3'),\n"
    "  ('writer', 'casus " CASUS_VERSION "');\n";

/* From version 1 to 2: the column for an inferred target. */
static const char UPGRADE_1_SQL[] =
    "ALTER TABLE events ADD COLUMN target_inferred INTEGER"
    " CHECK(target_inferred IN (0, 1));\n"
    "UPDATE meta SET value = '2' WHERE key = 'schema';\n";

/* From version 2 to 3: the column for an inferred source. */
static const char UPGRADE_2_SQL[] =
    "ALTER TABLE events ADD COLUMN source_inferred INTEGER"
    " CHECK(source_inferred IN (0, 1));\n"
    "UPDATE meta SET value = '3' WHERE key = 'schema';\n";

static const char INS_ARTICLE_SQL[] =
    "INSERT INTO articles(sha256, name, title, date, date_lo, date_from, html,"
    " bytes, nevents) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT(sha256) DO NOTHING";
static const char INS_EVENT_SQL[] =
    "INSERT INTO events(article_id, seq, type, date, date_lo, date_hi, status,"
    " hedged, modality, sentence, span_start, span_end, body, treaty, count,"
    " count_text, quantity, quantity_text, approx, place, place_id, item,"
    " denies, fuzzy, target_inferred, source_inferred) VALUES (?1, ?2, ?3, ?4, ?5,"
    " ?6, ?7, ?8, ?9,"
    " ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
    " ?25, ?26)";
static const char INS_ACTOR_SQL[] =
    "INSERT INTO event_actors(event_id, role, code) VALUES (?1, ?2, ?3)"
    " ON CONFLICT DO NOTHING";
static const char INS_RESTATED_SQL[] =
    "INSERT INTO event_restated(event_id, seq, span_start, span_end)"
    " VALUES (?1, ?2, ?3, ?4)";
static const char SEL_ACTORS_SQL[] =
    "SELECT role, code FROM event_actors WHERE event_id = ?1 ORDER BY role, code";
static const char SEL_RESTATED_SQL[] =
    "SELECT span_start, span_end FROM event_restated WHERE event_id = ?1"
    " ORDER BY seq";
static const char SEL_COUNTS_SQL[] =
    "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)";

/* The event query: a constant head, one constant fragment per filter in
 * use, a constant order. */
static const char EV_HEAD_SQL[] =
    "SELECT e.id, a.name, a.sha256, a.date, e.type, e.date, e.status, e.hedged,"
    " e.modality, e.sentence, e.span_start, e.span_end, e.body, e.treaty,"
    " e.count, e.count_text, e.quantity, e.quantity_text, e.approx, e.place,"
    " e.place_id, e.item, e.denies, e.fuzzy, e.target_inferred, e.source_inferred"
    " FROM events e JOIN articles a ON a.id = e.article_id WHERE 1";
static const char EV_ACTOR_SQL[] =
    " AND e.id IN (SELECT event_id FROM event_actors"
    " WHERE code = ?1 COLLATE NOCASE)";
static const char EV_TYPE_SQL[] = " AND e.type = ?2";
static const char EV_SINCE_SQL[] = " AND e.date_lo >= ?3";
static const char EV_ORDER_SQL[] =
    " ORDER BY e.date_lo IS NULL, e.date_lo, e.article_id, e.seq";

enum { /* columns of the event query */
    C_ID, C_ANAME, C_SHA, C_ADATE, C_TYPE, C_DATE, C_STATUS, C_HEDGED,
    C_MODALITY, C_SENTENCE, C_START, C_END, C_BODY, C_TREATY, C_COUNT,
    C_COUNT_TEXT, C_QUANTITY, C_QUANTITY_TEXT, C_APPROX, C_PLACE, C_PLACE_ID,
    C_ITEM, C_DENIES, C_FUZZY, C_TARGET_INFERRED, C_SOURCE_INFERRED
};

/* ---------------------------------------------------------------------- */
/* Errors                                                                  */

static int code_of(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_NOMEM: return CASUS_ENOMEM;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_FORMAT: return CASUS_EPARSE;
    case SQLITE_TOOBIG: return CASUS_ELIMIT;
    default: return CASUS_EIO;
    }
}

/* "store 'PATH': WHAT: sqlite's message"; returns the casus code. */
static int db_fail(const casus_store *st, int rc, casus_error *err,
                   const char *what)
{
    int code = code_of(rc);
    const char *msg = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
    casusi_seterr_at(err, code, st->path, 0, 0, "store '%s': %s: %s", st->path,
                     what, msg);
    return code;
}

static void rollback(casus_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Steps a statement that returns no rows, then resets it. The error (if
 * any) goes to err before the reset. */
static int run(casus_store *st, sqlite3_stmt *s, casus_error *err,
               const char *what)
{
    int rc = sqlite3_step(s);
    int code = CASUS_OK;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        code = db_fail(st, rc, err, what);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return code;
}

/* ---------------------------------------------------------------------- */
/* Open and close                                                          */

static void store_free(casus_store *st)
{
    if (!st)
        return;
    sqlite3_finalize(st->ins_article);
    sqlite3_finalize(st->ins_event);
    sqlite3_finalize(st->ins_actor);
    sqlite3_finalize(st->ins_restated);
    sqlite3_finalize(st->sel_actors);
    sqlite3_finalize(st->sel_restated);
    sqlite3_finalize(st->sel_counts);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

void casus_store_close(casus_store *st)
{
    store_free(st);
}

static int exec(casus_store *st, const char *sql, casus_error *err,
                const char *what)
{
    int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? CASUS_OK : db_fail(st, rc, err, what);
}

/* Puts the database in WAL mode (an in-memory database keeps its own). */
static int set_wal(casus_store *st, casus_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        int code = db_fail(st, rc, err, "cannot open");
        sqlite3_finalize(s);
        return code;
    }
    const char *mode = (const char *)sqlite3_column_text(s, 0);
    const char *file = sqlite3_db_filename(st->db, "main");
    int code = CASUS_OK;
    if ((!mode || strcmp(mode, "wal") != 0) && file && *file) {
        code = CASUS_EIO;
        casusi_seterr_at(err, code, st->path, 0, 0,
                         "store '%s': cannot use WAL mode (journal mode is '%s')",
                         st->path, mode ? mode : "?");
    }
    sqlite3_finalize(s);
    return code;
}

/* What the database holds: 0 nothing (a new file), -1 tables that are not a
 * casus store, else the schema version (-2 when meta has no valid one). */
static int schema_state(casus_store *st, int *state, casus_error *err)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db,
        "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        " AND name = 'meta'), (SELECT count(*) FROM sqlite_master)",
        -1, &s, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        int code = db_fail(st, rc, err, "cannot open");
        sqlite3_finalize(s);
        return code;
    }
    int has_meta = sqlite3_column_int(s, 0) > 0;
    int nobjects = sqlite3_column_int(s, 1);
    sqlite3_finalize(s);
    if (!has_meta) {
        *state = nobjects ? -1 : 0;
        return CASUS_OK;
    }
    s = NULL;
    rc = sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'schema'",
                            -1, &s, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        int code = db_fail(st, rc, err, "cannot open");
        sqlite3_finalize(s);
        return code;
    }
    *state = -2;
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(s, 0);
        char *end = NULL;
        long n = v ? strtol(v, &end, 10) : 0;
        if (v && *v && end && !*end && n > 0 && n < 1000000)
            *state = (int)n;
    }
    sqlite3_finalize(s);
    return CASUS_OK;
}

/* Runs sql in one transaction if the schema is still at version `from`
 * (another process may have moved it meanwhile); *state is the version
 * after. */
static int schema_step(casus_store *st, int from, const char *sql, int to, int *state,
                       casus_error *err, const char *what)
{
    int code = exec(st, "BEGIN IMMEDIATE", err, what);
    if (!code)
        code = schema_state(st, state, err);
    if (!code && *state == from) {
        code = exec(st, sql, err, what);
        if (!code)
            *state = to;
    }
    if (!code)
        code = exec(st, "COMMIT", err, what);
    if (code)
        rollback(st);
    return code;
}

/* Checks the schema, creating it in a new database and upgrading an older
 * one. */
static int check_schema(casus_store *st, casus_error *err)
{
    int state = 0;
    int code = schema_state(st, &state, err);
    if (!code && state == 0)
        code = schema_step(st, 0, SCHEMA_SQL, STORE_SCHEMA, &state, err, "cannot create the schema");
    if (!code && state == 1)
        code = schema_step(st, 1, UPGRADE_1_SQL, 2, &state, err, "cannot upgrade the schema");
    if (!code && state == 2)
        code = schema_step(st, 2, UPGRADE_2_SQL, 3, &state, err, "cannot upgrade the schema");
    if (code)
        return code;
    if (state == -1 || state == -2) {
        casusi_seterr_at(err, CASUS_EPARSE, st->path, 0, 0,
                         "store '%s': an SQLite database, but not a casus event "
                         "store (%s)", st->path,
                         state == -1 ? "no meta table" : "no schema version in meta");
        return CASUS_EPARSE;
    }
    if (state > STORE_SCHEMA) {
        casusi_seterr_at(err, CASUS_EPARSE, st->path, 0, 0,
                         "store '%s': schema version %d is newer than this casus "
                         "reads (%d); use a newer casus", st->path, state,
                         STORE_SCHEMA);
        return CASUS_EPARSE;
    }
    return CASUS_OK;
}

static int prepare(casus_store *st, const char *sql, sqlite3_stmt **out,
                   casus_error *err)
{
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL);
    return rc == SQLITE_OK ? CASUS_OK : db_fail(st, rc, err, "cannot open");
}

int casus_store_open(const char *path, casus_store **out, casus_error *err)
{
    *out = NULL;
    if (!path || !*path) {
        casusi_seterr(err, CASUS_EINVAL, "store: no database path given");
        return CASUS_EINVAL;
    }
    casus_store *st = calloc(1, sizeof *st);
    size_t len = strlen(path);
    if (st)
        st->path = malloc(len + 1);
    if (!st || !st->path) {
        free(st);
        casusi_seterr(err, CASUS_ENOMEM, "store '%s': out of memory", path);
        return CASUS_ENOMEM;
    }
    memcpy(st->path, path, len + 1);

    int rc = sqlite3_open_v2(path, &st->db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    int code;
    if (rc != SQLITE_OK) {
        code = db_fail(st, rc, err, "cannot open");
        store_free(st);
        return code;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
    code = exec(st, "PRAGMA foreign_keys = ON", err, "cannot open");
    if (!code)
        code = set_wal(st, err);
    if (!code)
        code = exec(st, "PRAGMA synchronous = NORMAL", err, "cannot open");
    if (!code)
        code = check_schema(st, err);
    if (!code)
        code = prepare(st, INS_ARTICLE_SQL, &st->ins_article, err);
    if (!code)
        code = prepare(st, INS_EVENT_SQL, &st->ins_event, err);
    if (!code)
        code = prepare(st, INS_ACTOR_SQL, &st->ins_actor, err);
    if (!code)
        code = prepare(st, INS_RESTATED_SQL, &st->ins_restated, err);
    if (!code)
        code = prepare(st, SEL_ACTORS_SQL, &st->sel_actors, err);
    if (!code)
        code = prepare(st, SEL_RESTATED_SQL, &st->sel_restated, err);
    if (!code)
        code = prepare(st, SEL_COUNTS_SQL, &st->sel_counts, err);
    if (code) {
        store_free(st);
        return code;
    }
    *out = st;
    return CASUS_OK;
}

/* ---------------------------------------------------------------------- */
/* Adding                                                                  */

static int bind_text(sqlite3_stmt *s, int i, const char *v)
{
    return v ? sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC)
             : sqlite3_bind_null(s, i);
}

/* A date as three columns (text, first day, last day) from index i. */
static void bind_date(sqlite3_stmt *s, int i, const casus_date *d, int with_hi)
{
    if (!casusi_date_set(d)) {
        sqlite3_bind_null(s, i);
        sqlite3_bind_null(s, i + 1);
        if (with_hi)
            sqlite3_bind_null(s, i + 2);
        return;
    }
    char buf[11];
    sqlite3_bind_text(s, i, casus_date_format(d, buf), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, i + 1, d->lo);
    if (with_hi)
        sqlite3_bind_int64(s, i + 2, d->hi);
}

static void bind_amount(sqlite3_stmt *s, int i, int64_t v)
{
    if (v < 0)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, v);
}

static bool date_ok(const casus_date *d)
{
    return d->precision >= 0 && d->precision <= 3 &&
           (d->precision == 0 || (d->year >= 1000 && d->year <= 9999));
}

static bool codes_ok(const char *const *codes, size_t n)
{
    if (n && !codes)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!codes[i] || !*codes[i])
            return false;
    return true;
}

/* Checks what the schema cannot hold; lower-cases the hash into sha. */
static int check_article(const casus_store *st, const casus_article *art,
                         char sha[65], casus_error *err)
{
    const char *name = art && art->name ? art->name : "?";
    const char *why = NULL;
    size_t bad = 0;
    if (!art || !art->name) {
        why = "the article has no name";
    } else {
        size_t i = 0;
        for (; i < 64; i++) {
            char c = art->sha256[i];
            if (c >= 'A' && c <= 'F')
                c = (char)(c - 'A' + 'a');
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                break;
            sha[i] = c;
        }
        sha[64] = '\0';
        if (i < 64 || art->sha256[64] != '\0')
            why = "its sha256 is not 64 hex digits";
        else if (!date_ok(&art->date))
            why = "its date is malformed";
        else if (art->nevents && !art->events)
            why = "its event list is missing";
    }
    for (size_t k = 0; !why && k < art->nevents; k++) {
        const casus_event *ev = &art->events[k];
        bad = k + 1;
        if ((unsigned)ev->type >= CASUS_EV__COUNT)
            why = "has an unknown type";
        else if ((unsigned)ev->modality > CASUS_MOD_POSSIBLE)
            why = "has an unknown modality";
        else if (!codes_ok(ev->source, ev->nsource) ||
                 !codes_ok(ev->target, ev->ntarget))
            why = "has a missing actor code";
        else if (ev->nrestated && !ev->restated)
            why = "has a missing restated list";
        else if (!date_ok(&ev->date))
            why = "has a malformed date";
    }
    if (!why)
        return CASUS_OK;
    if (bad)
        casusi_seterr_at(err, CASUS_EINVAL, st->path, 0, 0,
                         "store '%s': cannot add article '%s': event %zu %s",
                         st->path, name, bad, why);
    else
        casusi_seterr_at(err, CASUS_EINVAL, st->path, 0, 0,
                         "store '%s': cannot add article '%s': %s", st->path,
                         name, why);
    return CASUS_EINVAL;
}

static int add_actors(casus_store *st, sqlite3_int64 eid, const char *role,
                      const char *const *codes, size_t n, casus_error *err,
                      const char *what)
{
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *s = st->ins_actor;
        sqlite3_bind_int64(s, 1, eid);
        sqlite3_bind_text(s, 2, role, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, codes[i], -1, SQLITE_STATIC);
        int code = run(st, s, err, what);
        if (code)
            return code;
    }
    return CASUS_OK;
}

static int add_event(casus_store *st, sqlite3_int64 aid, size_t seq,
                     const casus_event *ev, casus_error *err, const char *what)
{
    sqlite3_stmt *s = st->ins_event;
    const casus_event_details *d = &ev->details;
    sqlite3_bind_int64(s, 1, aid);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)seq);
    sqlite3_bind_text(s, 3, casus_evtype_name(ev->type), -1, SQLITE_STATIC);
    bind_date(s, 4, &ev->date, 1); /* 4, 5, 6 */
    sqlite3_bind_text(s, 7, ev->denied ? "denied" : "reported", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 8, ev->hedged != 0);
    sqlite3_bind_text(s, 9, casus_modality_name(ev->modality), -1, SQLITE_STATIC);
    bind_text(s, 10, ev->sentence);
    sqlite3_bind_int64(s, 11, (sqlite3_int64)ev->span.start);
    sqlite3_bind_int64(s, 12, (sqlite3_int64)ev->span.end);
    bind_text(s, 13, d->body);
    bind_text(s, 14, d->treaty);
    bind_amount(s, 15, d->count);
    bind_text(s, 16, d->count_text);
    bind_amount(s, 17, d->quantity);
    bind_text(s, 18, d->quantity_text);
    sqlite3_bind_int(s, 19, d->approx != 0);
    bind_text(s, 20, d->place);
    bind_text(s, 21, d->place_id);
    bind_text(s, 22, d->item);
    bind_text(s, 23, d->denies);
    sqlite3_bind_int(s, 24, ev->fuzzy != 0);
    sqlite3_bind_int(s, 25, ev->target_inferred != 0);
    sqlite3_bind_int(s, 26, ev->source_inferred != 0);
    int code = run(st, s, err, what);
    if (code)
        return code;
    sqlite3_int64 eid = sqlite3_last_insert_rowid(st->db);
    code = add_actors(st, eid, "source", ev->source, ev->nsource, err, what);
    if (!code)
        code = add_actors(st, eid, "target", ev->target, ev->ntarget, err, what);
    for (size_t i = 0; !code && i < ev->nrestated; i++) {
        s = st->ins_restated;
        sqlite3_bind_int64(s, 1, eid);
        sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(s, 3, (sqlite3_int64)ev->restated[i].start);
        sqlite3_bind_int64(s, 4, (sqlite3_int64)ev->restated[i].end);
        code = run(st, s, err, what);
    }
    return code;
}

int casus_store_add(casus_store *st, const casus_article *art, int *added,
                    casus_error *err)
{
    int ignored;
    if (!added)
        added = &ignored;
    *added = 0;
    char sha[65];
    int code = check_article(st, art, sha, err);
    if (code)
        return code;
    char what[320];
    snprintf(what, sizeof what, "cannot add article '%.256s'", art->name);

    code = exec(st, "BEGIN IMMEDIATE", err, what);
    if (code)
        return code;
    sqlite3_stmt *s = st->ins_article;
    sqlite3_bind_text(s, 1, sha, 64, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, art->name, -1, SQLITE_STATIC);
    bind_text(s, 3, art->title);
    bind_date(s, 4, &art->date, 0); /* 4, 5 */
    bind_text(s, 6, art->date_from);
    sqlite3_bind_int(s, 7, art->html != 0);
    sqlite3_bind_int64(s, 8, (sqlite3_int64)art->len);
    sqlite3_bind_int64(s, 9, (sqlite3_int64)art->nevents);
    code = run(st, s, err, what);
    if (code) {
        rollback(st);
        return code;
    }
    if (sqlite3_changes(st->db) == 0) { /* already stored */
        rollback(st);
        return CASUS_OK;
    }
    sqlite3_int64 aid = sqlite3_last_insert_rowid(st->db);
    for (size_t i = 0; !code && i < art->nevents; i++)
        code = add_event(st, aid, i, &art->events[i], err, what);
    if (!code)
        code = exec(st, "COMMIT", err, what);
    if (code) {
        rollback(st);
        return code;
    }
    *added = 1;
    return CASUS_OK;
}

/* ---------------------------------------------------------------------- */
/* Querying                                                                */

typedef struct reader {
    casus_store *st;
    casus_arena *a;
    casus_error *err;
    int code;                /* first error */
} reader;

static int read_fail(reader *r, int rc)
{
    if (!r->code)
        r->code = db_fail(r->st, rc, r->err, "cannot read events");
    return r->code;
}

static int read_oom(reader *r)
{
    if (!r->code) {
        r->code = CASUS_ENOMEM;
        casusi_seterr_at(r->err, CASUS_ENOMEM, r->st->path, 0, 0,
                         "store '%s': cannot read events: out of memory",
                         r->st->path);
    }
    return r->code;
}

static int read_bad(reader *r, sqlite3_int64 id, const char *what,
                    const char *value)
{
    if (!r->code) {
        r->code = CASUS_EPARSE;
        casusi_seterr_at(r->err, CASUS_EPARSE, r->st->path, 0, 0,
                         "store '%s': event %lld has %s '%.64s'", r->st->path,
                         (long long)id, what, value ? value : "(null)");
    }
    return r->code;
}

/* Column i as a string in the arena; NULL for SQL NULL. */
static const char *col_str(reader *r, sqlite3_stmt *s, int i)
{
    if (sqlite3_column_type(s, i) == SQLITE_NULL)
        return NULL;
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (!t) {
        read_oom(r);
        return NULL;
    }
    char *p = casus_arena_strndup(r->a, t, (size_t)sqlite3_column_bytes(s, i));
    if (!p)
        read_oom(r);
    return p;
}

static int col_date(reader *r, sqlite3_stmt *s, int i, sqlite3_int64 id,
                    casus_date *out)
{
    memset(out, 0, sizeof *out);
    if (sqlite3_column_type(s, i) == SQLITE_NULL)
        return CASUS_OK;
    const char *t = (const char *)sqlite3_column_text(s, i);
    if (!t)
        return read_oom(r);
    if (casus_date_parse(t, out, NULL) != CASUS_OK)
        return read_bad(r, id, i == C_ADATE ? "an article with a bad date"
                                            : "a bad date", t);
    return CASUS_OK;
}

static int64_t col_amount(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, i);
}

/* Appends to an arena array of `size`-byte items, doubling it when full. */
static void *grow(reader *r, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 4;
    void *p = casus_arena_alloc(r->a, ncap * size);
    if (!p) {
        read_oom(r);
        return NULL;
    }
    if (n)
        memcpy(p, arr, n * size);
    *cap = ncap;
    return p;
}

/* The event's actors and restated spans. */
static int read_parts(reader *r, sqlite3_int64 id, casus_event *ev)
{
    sqlite3_stmt *s = r->st->sel_actors;
    const char **src = NULL, **tgt = NULL;
    size_t ns = 0, nt = 0, cs = 0, ct = 0;
    int rc = SQLITE_DONE;
    sqlite3_bind_int64(s, 1, id);
    while (!r->code && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *role = (const char *)sqlite3_column_text(s, 0);
        const char *code = col_str(r, s, 1);
        if (r->code)
            break;
        if (!code) {
            read_bad(r, id, "a missing actor code", role);
        } else if (role && strcmp(role, "source") == 0) {
            if ((src = grow(r, src, ns, &cs, sizeof *src)))
                src[ns++] = code;
        } else if (role && strcmp(role, "target") == 0) {
            if ((tgt = grow(r, tgt, nt, &ct, sizeof *tgt)))
                tgt[nt++] = code;
        } else {
            read_bad(r, id, "an actor of unknown role", role);
        }
    }
    if (!r->code && rc != SQLITE_DONE)
        read_fail(r, rc);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (r->code)
        return r->code;
    ev->source = src;
    ev->nsource = ns;
    ev->target = tgt;
    ev->ntarget = nt;

    s = r->st->sel_restated;
    casus_span *sp = NULL;
    size_t nsp = 0, csp = 0;
    sqlite3_bind_int64(s, 1, id);
    while (!r->code && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if ((sp = grow(r, sp, nsp, &csp, sizeof *sp))) {
            sp[nsp].start = (size_t)sqlite3_column_int64(s, 0);
            sp[nsp].end = (size_t)sqlite3_column_int64(s, 1);
            nsp++;
        }
    }
    if (!r->code && rc != SQLITE_DONE)
        read_fail(r, rc);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    ev->restated = sp;
    ev->nrestated = nsp;
    return r->code;
}

/* One row of the event query. */
static int read_row(reader *r, sqlite3_stmt *s, casus_stored_event *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_int64 id = sqlite3_column_int64(s, C_ID);
    casus_event *ev = &out->event;
    casus_event_details *d = &ev->details;
    out->id = id;
    out->article = col_str(r, s, C_ANAME);
    out->sha256 = col_str(r, s, C_SHA);
    if (r->code || col_date(r, s, C_ADATE, id, &out->article_date))
        return r->code;

    const char *type = (const char *)sqlite3_column_text(s, C_TYPE);
    if (!type || casus_evtype_parse(type, &ev->type, NULL) != CASUS_OK)
        return read_bad(r, id, "an unknown type", type);
    if (col_date(r, s, C_DATE, id, &ev->date))
        return r->code;
    const char *status = (const char *)sqlite3_column_text(s, C_STATUS);
    if (status && strcmp(status, "denied") == 0)
        ev->denied = 1;
    else if (!status || strcmp(status, "reported") != 0)
        return read_bad(r, id, "an unknown status", status);
    ev->hedged = sqlite3_column_int(s, C_HEDGED) != 0;
    const char *mod = (const char *)sqlite3_column_text(s, C_MODALITY);
    int m = CASUS_MOD_POSSIBLE;
    while (mod && m >= 0 && strcmp(mod, casus_modality_name((casus_modality)m)) != 0)
        m--;
    if (!mod || m < 0)
        return read_bad(r, id, "an unknown modality", mod);
    ev->modality = (casus_modality)m;
    ev->sentence = col_str(r, s, C_SENTENCE);
    ev->span.start = (size_t)sqlite3_column_int64(s, C_START);
    ev->span.end = (size_t)sqlite3_column_int64(s, C_END);
    ev->fuzzy = sqlite3_column_int(s, C_FUZZY) != 0;
    ev->target_inferred = sqlite3_column_int(s, C_TARGET_INFERRED) != 0; /* NULL: not recorded */
    ev->source_inferred = sqlite3_column_int(s, C_SOURCE_INFERRED) != 0;

    d->body = col_str(r, s, C_BODY);
    d->treaty = col_str(r, s, C_TREATY);
    d->treaty_ref = -1;
    d->count = col_amount(s, C_COUNT);
    d->count_text = col_str(r, s, C_COUNT_TEXT);
    d->quantity = col_amount(s, C_QUANTITY);
    d->quantity_text = col_str(r, s, C_QUANTITY_TEXT);
    d->approx = sqlite3_column_int(s, C_APPROX) != 0;
    d->place = col_str(r, s, C_PLACE);
    d->place_id = col_str(r, s, C_PLACE_ID);
    d->item = col_str(r, s, C_ITEM);
    d->denies = col_str(r, s, C_DENIES);
    if (r->code)
        return r->code;
    return read_parts(r, id, ev);
}

int casus_store_events(casus_store *st, casus_arena *a,
                       const casus_event_filter *f, casus_stored_event **out,
                       size_t *n, casus_error *err)
{
    *out = NULL;
    *n = 0;
    if (f && f->has_type && (unsigned)f->type >= CASUS_EV__COUNT) {
        casusi_seterr(err, CASUS_EINVAL, "store '%s': unknown event type %d",
                      st->path, (int)f->type);
        return CASUS_EINVAL;
    }
    const char *actor = f ? f->actor : NULL;
    int has_type = f && f->has_type;
    int has_since = f && casusi_date_set(&f->since);

    char sql[sizeof EV_HEAD_SQL + sizeof EV_ACTOR_SQL + sizeof EV_TYPE_SQL +
             sizeof EV_SINCE_SQL + sizeof EV_ORDER_SQL];
    strcpy(sql, EV_HEAD_SQL);
    if (actor)
        strcat(sql, EV_ACTOR_SQL);
    if (has_type)
        strcat(sql, EV_TYPE_SQL);
    if (has_since)
        strcat(sql, EV_SINCE_SQL);
    strcat(sql, EV_ORDER_SQL);

    reader r = {st, a, err, CASUS_OK};
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc != SQLITE_OK)
        return read_fail(&r, rc);
    if (actor)
        sqlite3_bind_text(s, 1, actor, -1, SQLITE_STATIC);
    if (has_type)
        sqlite3_bind_text(s, 2, casus_evtype_name(f->type), -1, SQLITE_STATIC);
    if (has_since)
        sqlite3_bind_int64(s, 3, f->since.lo);

    /* Rows collect in a malloc'd vector, copied to the arena at the end. The
     * statement stays active throughout, so the actor and span reads see the
     * same snapshot. */
    casus_stored_event *v = NULL;
    size_t nv = 0, cap = 0;
    while (!r.code && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (nv == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            casus_stored_event *p = realloc(v, ncap * sizeof *v);
            if (!p) {
                read_oom(&r);
                break;
            }
            v = p;
            cap = ncap;
        }
        if (read_row(&r, s, &v[nv]) == CASUS_OK)
            nv++;
    }
    if (!r.code && rc != SQLITE_DONE)
        read_fail(&r, rc);
    sqlite3_finalize(s);
    if (!r.code && nv) {
        *out = casus_arena_alloc(a, nv * sizeof *v);
        if (*out) {
            memcpy(*out, v, nv * sizeof *v);
            *n = nv;
        } else {
            read_oom(&r);
        }
    }
    free(v);
    if (r.code) {
        *out = NULL;
        *n = 0;
    }
    return r.code;
}

int casus_store_counts(casus_store *st, int64_t *articles, int64_t *events,
                       casus_error *err)
{
    sqlite3_stmt *s = st->sel_counts;
    int rc = sqlite3_step(s);
    int code = CASUS_OK;
    if (rc == SQLITE_ROW) {
        if (articles)
            *articles = sqlite3_column_int64(s, 0);
        if (events)
            *events = sqlite3_column_int64(s, 1);
    } else {
        code = db_fail(st, rc, err, "cannot count");
    }
    sqlite3_reset(s);
    return code;
}
