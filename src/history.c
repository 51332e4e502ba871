/*
 * history.c -- the imported historical data: ATOP and the state-system
 * lists, kept in an SQLite database so that `casus import` runs once and
 * later commands find the data without flags.
 *
 * What is stored: the validated original files, byte for byte, with their
 * sha256 and when they were imported. Importing parses a file completely
 * first (casusi_atop_load_mem, casusi_statesys_parse); only a file that
 * parses is written, in one transaction that replaces the dataset, so a
 * malformed or truncated file never half-loads and a crash mid-import keeps
 * the previous import. Opening reads the blobs back and parses them again
 * (a few milliseconds; see bench/), so the store needs no schema change when
 * the importers learn a new column.
 *
 * Schema version 1:
 *   meta(key TEXT PRIMARY KEY, value TEXT)            -- 'schema' = '1'
 *   datasets(name PRIMARY KEY 'atop'|'cow'|'gw'|'nmc', rows, sha256, source,
 *            imported_at)
 *   files(dataset -> datasets, role, name, content BLOB)  -- role 'member',
 *            'alliance' (atop) or 'list'
 *
 * Where the database is: --db FILE, else $CASUS_DB, else
 * $XDG_DATA_HOME/casus/history.db, else ~/.local/share/casus/history.db
 * (casus_history_path). A history handle is read-only after opening and may
 * be shared between threads.
 */
#include "casus_int.h"
#include "atop.h"
#include "history_int.h"
#include "statesys.h"
#include "nmc.h"

#include <dirent.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HIST_SCHEMA "1"
#define HIST_BUSY_MS 10000

static const char SCHEMA_SQL[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS datasets(\n"
    "  name TEXT PRIMARY KEY,\n"
    "  rows INTEGER NOT NULL,\n"
    "  sha256 TEXT NOT NULL,\n"
    "  source TEXT NOT NULL,\n"
    "  imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))\n"
    ");\n"
    "CREATE TABLE IF NOT EXISTS files(\n"
    "  dataset TEXT NOT NULL REFERENCES datasets(name) ON DELETE CASCADE,\n"
    "  role TEXT NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  content BLOB NOT NULL,\n"
    "  PRIMARY KEY(dataset, role)\n"
    ");\n"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '" HIST_SCHEMA "');\n";

const char *casus_dataset_name(casus_dataset d)
{
    switch (d) {
    case CASUS_DS_ATOP: return "atop";
    case CASUS_DS_COW: return "cow";
    case CASUS_DS_GW: return "gw";
    case CASUS_DS_NMC: return "nmc";
    }
    return "?";
}

int casus_dataset_parse(const char *s, casus_dataset *out)
{
    for (int d = 0; d <= CASUS_DS_NMC; d++)
        if (!strcmp(s, casus_dataset_name((casus_dataset)d))) {
            *out = (casus_dataset)d;
            return CASUS_OK;
        }
    return CASUS_EINVAL;
}

int casus_history_path(char *buf, size_t n, const char *db)
{
    const char *env = getenv("CASUS_DB");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int k;
    if (db && *db)
        k = snprintf(buf, n, "%s", db);
    else if (env && *env)
        k = snprintf(buf, n, "%s", env);
    else if (xdg && *xdg == '/')
        k = snprintf(buf, n, "%s/casus/history.db", xdg);
    else if (home && *home)
        k = snprintf(buf, n, "%s/.local/share/casus/history.db", home);
    else
        return CASUS_ENOTFOUND;
    return k > 0 && (size_t)k < n ? CASUS_OK : CASUS_ELIMIT;
}

/* mkdir -p of the folder that will hold `path` */
static int make_parent(const char *path, casus_error *err)
{
    char d[4096];
    size_t n = strlen(path);
    if (n >= sizeof d) {
        casusi_seterr(err, CASUS_ELIMIT, "%s: path too long", path);
        return CASUS_ELIMIT;
    }
    memcpy(d, path, n + 1);
    char *slash = strrchr(d, '/');
    if (!slash || slash == d)
        return CASUS_OK;
    *slash = '\0';
    for (char *p = d + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(d, 0755) && errno != EEXIST) {
            casusi_seterr(err, CASUS_EIO, "%s: cannot create folder: %s", d, strerror(errno));
            return CASUS_EIO;
        }
        *p = '/';
    }
    if (mkdir(d, 0755) && errno != EEXIST) {
        casusi_seterr(err, CASUS_EIO, "%s: cannot create folder: %s", d, strerror(errno));
        return CASUS_EIO;
    }
    return CASUS_OK;
}

static int db_err(sqlite3 *db, const char *path, casus_error *err)
{
    casusi_seterr(err, CASUS_EIO, "%s: %s", path, db ? sqlite3_errmsg(db) : "cannot open the database");
    return CASUS_EIO;
}

static int db_open(const char *path, int create, sqlite3 **out, casus_error *err)
{
    *out = NULL;
    if (create && make_parent(path, err))
        return err ? err->code : CASUS_EIO;
    sqlite3 *db = NULL;
    int flags = create ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        int rc = db_err(db, path, err);
        sqlite3_close(db);
        return rc;
    }
    sqlite3_busy_timeout(db, HIST_BUSY_MS);
    if (create && (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;", NULL, NULL, NULL) ||
                   sqlite3_exec(db, SCHEMA_SQL, NULL, NULL, NULL))) {
        int rc = db_err(db, path, err);
        sqlite3_close(db);
        return rc;
    }
    /* a newer schema is refused */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st, NULL) != SQLITE_OK) {
        casusi_seterr(err, CASUS_EIO, "%s: not a casus history database (%s)", path, sqlite3_errmsg(db));
        sqlite3_close(db);
        return CASUS_EIO;
    }
    int ok = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), HIST_SCHEMA);
    sqlite3_finalize(st);
    if (!ok) {
        casusi_seterr(err, CASUS_EIO, "%s: history schema is not version " HIST_SCHEMA, path);
        sqlite3_close(db);
        return CASUS_EIO;
    }
    *out = db;
    return CASUS_OK;
}

static int read_all(const char *path, char **buf, size_t *len, casus_error *err)
{
    *buf = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        casusi_seterr_at(err, CASUS_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        return CASUS_EIO;
    }
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    while (b) {
        n += fread(b + n, 1, cap - n, f);
        if (n < cap)
            break;
        if (cap >= (size_t)1 << 30) {
            free(b);
            fclose(f);
            casusi_seterr_at(err, CASUS_ELIMIT, path, 0, 0, "larger than 1 GiB");
            return CASUS_ELIMIT;
        }
        char *nb = realloc(b, cap * 2);
        if (!nb) {
            free(b);
            b = NULL;
            break;
        }
        b = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b) {
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    if (bad) {
        free(b);
        casusi_seterr_at(err, CASUS_EIO, path, 0, 0, "read error");
        return CASUS_EIO;
    }
    *buf = b;
    *len = n;
    return CASUS_OK;
}

static void sha256_hex(const char *a, size_t na, const char *b, size_t nb, char out[65])
{
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, na, (const uint8_t *)a);
    if (b)
        sha256_update(&c, nb, (const uint8_t *)b);
    sha256_digest(&c, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* ATOP's member and alliance files in a folder: atop*m.csv, atop*a.csv
 * (not the phase file *aph.csv, not the NNA variants). */
static int find_atop(const char *dir, char *m, char *a, size_t n, casus_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        casusi_seterr_at(err, CASUS_EIO, dir, 0, 0, "cannot open the folder: %s", strerror(errno));
        return CASUS_EIO;
    }
    *m = *a = '\0';
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *nm = e->d_name;
        size_t k = strlen(nm);
        if (k < 9 || strncmp(nm, "atop", 4) || strcmp(nm + k - 4, ".csv") || strstr(nm, "NNA") ||
            strstr(nm, "nna"))
            continue;
        char last = nm[k - 5];
        if (last == 'm' && (nm[k - 6] >= '0' && nm[k - 6] <= '9'))
            snprintf(m, n, "%s/%s", dir, nm);
        else if (last == 'a' && (nm[k - 6] >= '0' && nm[k - 6] <= '9'))
            snprintf(a, n, "%s/%s", dir, nm);
    }
    closedir(d);
    if (!*m || !*a) {
        casusi_seterr_at(err, CASUS_ENOTFOUND, dir, 0, 0,
                         "expected ATOP's member and alliance files (atop5_1m.csv, atop5_1a.csv) in this folder");
        return CASUS_ENOTFOUND;
    }
    return CASUS_OK;
}

static int put_file(sqlite3 *db, const char *ds, const char *role, const char *name, const char *buf,
                    size_t len)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "INSERT INTO files(dataset, role, name, content) VALUES(?1, ?2, ?3, ?4)", -1,
                                &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, ds, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
        sqlite3_bind_blob64(st, 4, buf, len, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(st);
    return rc;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

int casus_history_import(const char *dbpath, casus_dataset ds, const char *path, casus_import_info *info,
                         casus_error *err)
{
    char mpath[4096], apath[4096];
    char *b1 = NULL, *b2 = NULL;
    size_t n1 = 0, n2 = 0;
    int rc;
    memset(info, 0, sizeof *info);
    /* 1. read and parse completely: nothing is written for a bad file */
    if (ds == CASUS_DS_ATOP) {
        if ((rc = find_atop(path, mpath, apath, sizeof mpath, err)))
            return rc;
        if ((rc = read_all(mpath, &b1, &n1, err)) || (rc = read_all(apath, &b2, &n2, err)))
            goto out;
        casusi_atop *at = NULL;
        if ((rc = casusi_atop_load_mem(mpath, b1, n1, apath, b2, n2, &at, err)))
            goto out;
        info->rows = at->nspells;
        info->units = at->nalliances;
        int lo = 9999, hi = 0;
        for (size_t i = 0; i < at->nspells; i++) {
            if (at->spells[i].entry.year < lo)
                lo = at->spells[i].entry.year;
            int y = at->spells[i].exit.precision ? at->spells[i].exit.year : CASUSI_ATOP_LAST_YEAR;
            if (y > hi)
                hi = y;
        }
        info->first_year = lo;
        info->last_year = hi;
        casusi_atop_free(at);
    } else if (ds == CASUS_DS_NMC) {
        snprintf(mpath, sizeof mpath, "%s", path);
        if ((rc = read_all(mpath, &b1, &n1, err)))
            goto out;
        casusi_nmc *t = NULL;
        if ((rc = casusi_nmc_parse(mpath, b1, n1, &t, err)))
            goto out;
        info->rows = t->nrows;
        info->units = 0;
        info->first_year = t->first_year;
        info->last_year = t->last_year;
        casusi_nmc_free(t);
    } else {
        snprintf(mpath, sizeof mpath, "%s", path);
        if ((rc = read_all(mpath, &b1, &n1, err)))
            goto out;
        casusi_statesys *s = NULL;
        if ((rc = casusi_statesys_parse(ds == CASUS_DS_GW ? CASUSI_SYS_GW : CASUSI_SYS_COW, mpath, b1, n1, &s,
                                        err)))
            goto out;
        info->rows = s->nspells;
        info->units = s->ncodes;
        info->first_year = s->first_year;
        info->last_year = s->last_year;
        casusi_statesys_free(s);
    }
    sha256_hex(b1, n1, b2, n2, info->sha256);
    /* 2. one transaction replaces the dataset */
    sqlite3 *db = NULL;
    if ((rc = db_open(dbpath, 1, &db, err)))
        goto out;
    const char *name = casus_dataset_name(ds);
    int ok = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_stmt *st = NULL;
        ok = sqlite3_prepare_v2(db, "DELETE FROM datasets WHERE name = ?1", -1, &st, NULL) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        sqlite3_finalize(st);
        st = NULL;
        ok = ok && sqlite3_prepare_v2(db, "INSERT INTO datasets(name, rows, sha256, source) VALUES(?1, ?2, ?3, ?4)",
                                      -1, &st, NULL) == SQLITE_OK;
        if (ok) {
            sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 2, (sqlite3_int64)info->rows);
            sqlite3_bind_text(st, 3, info->sha256, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, path, -1, SQLITE_STATIC);
            ok = sqlite3_step(st) == SQLITE_DONE;
        }
        sqlite3_finalize(st);
        ok = ok && put_file(db, name, ds == CASUS_DS_ATOP ? "member" : "list", base_name(mpath), b1, n1) == SQLITE_OK;
        if (ds == CASUS_DS_ATOP)
            ok = ok && put_file(db, name, "alliance", base_name(apath), b2, n2) == SQLITE_OK;
        ok = ok && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    }
    if (!ok) {
        rc = db_err(db, dbpath, err);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    }
    sqlite3_close(db);
out:
    free(b1);
    free(b2);
    return rc;
}

/* ---- opening ------------------------------------------------------------ */

static int get_file(sqlite3 *db, const char *path, const char *ds, const char *role, char **name,
                    char **buf, size_t *len, casus_error *err)
{
    *buf = *name = NULL;
    *len = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name, content FROM files WHERE dataset = ?1 AND role = ?2", -1, &st,
                           NULL) != SQLITE_OK)
        return db_err(db, path, err);
    sqlite3_bind_text(st, 1, ds, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    int rc = CASUS_OK;
    int s = sqlite3_step(st);
    if (s == SQLITE_ROW) {
        const char *nm = (const char *)sqlite3_column_text(st, 0);
        const void *b = sqlite3_column_blob(st, 1);
        size_t n = (size_t)sqlite3_column_bytes(st, 1);
        *name = malloc(strlen(nm ? nm : "") + strlen(ds) + 16);
        *buf = malloc(n ? n : 1);
        if (!*name || !*buf) {
            free(*name);
            free(*buf);
            *name = *buf = NULL;
            casusi_seterr(err, CASUS_ENOMEM, "out of memory");
            rc = CASUS_ENOMEM;
        } else {
            sprintf(*name, "%s (imported)", nm ? nm : ds);
            if (n)
                memcpy(*buf, b, n);
            *len = n;
        }
    } else if (s != SQLITE_DONE)
        rc = db_err(db, path, err);
    sqlite3_finalize(st);
    return rc;
}

void casus_history_close(casus_history *h)
{
    if (!h)
        return;
    casusi_atop_free(h->atop);
    casusi_atop_flags_free(h->flags);
    casusi_statesys_free(h->cow);
    casusi_statesys_free(h->gw);
    casusi_nmc_free(h->nmc);
    free(h->path);
    free(h);
}

static int load_list(sqlite3 *db, casus_history *h, casus_dataset ds, casusi_statesys **out, casus_error *err)
{
    char *name = NULL, *buf = NULL;
    size_t n = 0;
    int rc = get_file(db, h->path, casus_dataset_name(ds), "list", &name, &buf, &n, err);
    if (!rc && buf)
        rc = casusi_statesys_parse(ds == CASUS_DS_GW ? CASUSI_SYS_GW : CASUSI_SYS_COW, name, buf, n, out, err);
    free(name);
    free(buf);
    return rc;
}

int casus_history_open(const char *dbpath, casus_history **out, casus_error *err)
{
    *out = NULL;
    struct stat sb;
    if (stat(dbpath, &sb)) {
        casusi_seterr(err, CASUS_ENOTFOUND,
                      "%s: no imported data yet; run `casus import atop DIR` and `casus import cow FILE`", dbpath);
        return CASUS_ENOTFOUND;
    }
    sqlite3 *db = NULL;
    int rc = db_open(dbpath, 0, &db, err);
    if (rc)
        return rc;
    casus_history *h = calloc(1, sizeof *h);
    if (!h || !(h->path = strdup(dbpath))) {
        free(h);
        sqlite3_close(db);
        casusi_seterr(err, CASUS_ENOMEM, "out of memory");
        return CASUS_ENOMEM;
    }
    char *mn = NULL, *an = NULL, *mb = NULL, *ab = NULL;
    size_t ml = 0, al = 0;
    rc = get_file(db, dbpath, "atop", "member", &mn, &mb, &ml, err);
    if (!rc)
        rc = get_file(db, dbpath, "atop", "alliance", &an, &ab, &al, err);
    if (!rc && mb)
        rc = casusi_atop_load_mem(mn, mb, ml, an, ab, al, &h->atop, err);
    if (!rc && h->atop)
        rc = casusi_atop_flags_build(h->atop, &h->flags, err);
    free(mn);
    free(an);
    free(mb);
    free(ab);
    if (!rc)
        rc = load_list(db, h, CASUS_DS_COW, &h->cow, err);
    if (!rc)
        rc = load_list(db, h, CASUS_DS_GW, &h->gw, err);
    if (!rc) {
        char *nn = NULL, *nb = NULL;
        size_t nl = 0;
        rc = get_file(db, dbpath, "nmc", "list", &nn, &nb, &nl, err);
        if (!rc && nb)
            rc = casusi_nmc_parse(nn, nb, nl, &h->nmc, err);
        free(nn);
        free(nb);
    }
    sqlite3_close(db);
    if (rc) {
        casus_history_close(h);
        return rc;
    }
    *out = h;
    return CASUS_OK;
}

int casus_history_has(const casus_history *h, casus_dataset ds)
{
    switch (ds) {
    case CASUS_DS_ATOP: return h->atop != NULL;
    case CASUS_DS_COW: return h->cow != NULL;
    case CASUS_DS_GW: return h->gw != NULL;
    case CASUS_DS_NMC: return h->nmc != NULL;
    }
    return 0;
}

int casus_history_list(const char *dbpath, casus_import_info *out, size_t cap, size_t *n, casus_error *err)
{
    *n = 0;
    sqlite3 *db = NULL;
    int rc = db_open(dbpath, 0, &db, err);
    if (rc)
        return rc;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT name, rows, sha256, source, imported_at FROM datasets ORDER BY name", -1,
                           &st, NULL) != SQLITE_OK) {
        rc = db_err(db, dbpath, err);
        sqlite3_close(db);
        return rc;
    }
    while (sqlite3_step(st) == SQLITE_ROW && *n < cap) {
        casus_import_info *x = &out[(*n)++];
        memset(x, 0, sizeof *x);
        casus_dataset_parse((const char *)sqlite3_column_text(st, 0), &x->dataset);
        x->rows = (size_t)sqlite3_column_int64(st, 1);
        snprintf(x->sha256, sizeof x->sha256, "%s", (const char *)sqlite3_column_text(st, 2));
        snprintf(x->source, sizeof x->source, "%s", (const char *)sqlite3_column_text(st, 3));
        snprintf(x->imported_at, sizeof x->imported_at, "%s", (const char *)sqlite3_column_text(st, 4));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return CASUS_OK;
}
