/*
 * history.c -- the history subcommands: `import` (ATOP, COW and G&W files
 * into the history database) and `dyads` (the dyad-year dataset).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int db_path(const char *db, char *buf, size_t n)
{
    if (casus_history_path(buf, n, db)) {
        cli_errorf("no database path: give --db FILE or set CASUS_DB (HOME is not set)");
        return -1;
    }
    return 0;
}

int cmd_import(cli *c, int argc, char **argv)
{
    const char *db = c->db, *kind = NULL, *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--db") && i + 1 < argc)
            db = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            cli_errorf("import: unknown option '%s' (expected --db FILE)", argv[i]);
            return EXIT_BADINPUT;
        } else if (!kind)
            kind = argv[i];
        else if (!path)
            path = argv[i];
        else {
            cli_errorf("import: unexpected argument '%s'", argv[i]);
            return EXIT_BADINPUT;
        }
    }
    char dbp[4096];
    if (db_path(db, dbp, sizeof dbp))
        return EXIT_BADINPUT;
    casus_error e;
    memset(&e, 0, sizeof e);
    if (!kind) { /* what is imported */
        casus_import_info in[8];
        size_t n = 0;
        if (access(dbp, F_OK)) {
            printf("%s: nothing imported yet\n", dbp);
            return EXIT_OKAY;
        }
        if (casus_history_list(dbp, in, 8, &n, &e)) {
            cli_error(&e);
            return cli_exit_for(e.code);
        }
        printf("%s:\n", dbp);
        for (size_t i = 0; i < n; i++)
            printf("  %-5s %6zu rows  sha256 %.12s  from %s  (%s)\n", casus_dataset_name(in[i].dataset), in[i].rows,
                   in[i].sha256, in[i].source, in[i].imported_at);
        return EXIT_OKAY;
    }
    casus_dataset ds;
    if (casus_dataset_parse(kind, &ds) || !path) {
        cli_errorf("import: expected 'atop DIR', 'cow FILE', 'gw FILE' or 'nmc FILE'%s", path ? "" : " (a path is missing)");
        return EXIT_BADINPUT;
    }
    casus_import_info in;
    if (casus_history_import(dbp, ds, path, &in, &e)) {
        cli_error(&e);
        return cli_exit_for(e.code);
    }
    if (c->json)
        printf("{\"dataset\":\"%s\",\"rows\":%zu,\"units\":%zu,\"first_year\":%d,\"last_year\":%d,\"sha256\":\"%s\"}\n",
               kind, in.rows, in.units, in.first_year, in.last_year, in.sha256);
    else
        printf("imported %s: %zu %s, %zu %s, %d-%d, sha256 %.16s..., into %s\n", kind, in.rows,
               ds == CASUS_DS_ATOP ? "member rows" : ds == CASUS_DS_NMC ? "state-years" : "spells", in.units,
               ds == CASUS_DS_ATOP ? "alliances" : "states",
               in.first_year, in.last_year, in.sha256, dbp);
    return EXIT_OKAY;
}

/* the output, with a progress line on a terminal for runs over a second */
typedef struct out {
    FILE *f;
    size_t bytes;
    struct timespec t0, last;
    int tty, shown;
} out;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static int sink(void *ud, const char *buf, size_t n)
{
    out *o = ud;
    if (fwrite(buf, 1, n, o->f) != n)
        return 1;
    o->bytes += n;
    if (o->tty) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (since(&o->t0, &now) > 1.0 && since(&o->last, &now) > 0.25) {
            fprintf(stderr, "\rcasus: %.1f MB written", (double)o->bytes / 1e6);
            o->last = now;
            o->shown = 1;
        }
    }
    return 0;
}

/* An option with two values: 0 for x, 1 for y, -1 (message printed) else. */
static int pick(const char *cmd, const char *opt, const char *v, const char *x, const char *y)
{
    if (!strcmp(v, x))
        return 0;
    if (!strcmp(v, y))
        return 1;
    cli_errorf("%s: %s '%s': expected %s or %s", cmd, opt, v, x, y);
    return -1;
}

static int year_arg(const char *s, int *y)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1000 || v > 9999)
        return -1;
    *y = (int)v;
    return 0;
}

/* What dyads and similarity share: the history database, the kb and the
 * output. Returns -1 when all are open, else the exit status. */
typedef struct job {
    casus_history *h;
    casus_kb *kb;
    out w;
    const char *name, *outpath;
} job;

static int job_open(cli *c, job *j, const char *name, const char *db, const char *outpath)
{
    memset(j, 0, sizeof *j);
    j->name = name;
    j->outpath = outpath;
    char dbp[4096];
    if (db_path(db, dbp, sizeof dbp))
        return EXIT_BADINPUT;
    casus_error e;
    memset(&e, 0, sizeof e);
    if (casus_history_open(dbp, &j->h, &e)) {
        cli_error(&e);
        return cli_exit_for(e.code);
    }
    int st = EXIT_OKAY;
    j->kb = cli_open(c, &st);
    if (!j->kb) {
        casus_history_close(j->h);
        return st;
    }
    j->w.f = outpath ? fopen(outpath, "wb") : stdout;
    if (!j->w.f) {
        cli_errorf("%s: cannot write '%s'", name, outpath);
        casus_kb_close(j->kb);
        casus_history_close(j->h);
        return EXIT_FAIL;
    }
    j->w.tty = isatty(2);
    clock_gettime(CLOCK_MONOTONIC, &j->w.t0);
    j->w.last = j->w.t0;
    return -1;
}

static int job_close(job *j, int st)
{
    if (j->w.shown)
        fprintf(stderr, "\n");
    if (fflush(j->w.f) || (j->outpath && fclose(j->w.f))) {
        cli_errorf("%s: cannot write '%s'", j->name, j->outpath ? j->outpath : "standard output");
        st = EXIT_FAIL;
    }
    casus_kb_close(j->kb);
    casus_history_close(j->h);
    return st;
}

int cmd_dyads(cli *c, int argc, char **argv)
{
    const char *db = c->db, *outpath = NULL;
    casus_dyads_opts o;
    memset(&o, 0, sizeof o);
    o.format = c->json ? CASUS_DYADS_JSONL : CASUS_DYADS_CSV;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--directed"))
            o.directed = 1;
        else if (!strcmp(a, "--explain"))
            o.explain = 1;
        else if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && v) {
            if (year_arg(v, a[2] == 'f' ? &o.first_year : &o.last_year)) {
                cli_errorf("dyads: %s '%s': expected a year YYYY", a, v);
                return EXIT_BADINPUT;
            }
            i++;
        } else if (!strcmp(a, "--system") && v) {
            int k = pick("dyads", a, v, "cow", "gw");
            if (k < 0)
                return EXIT_BADINPUT;
            o.system = k ? CASUS_SYSTEM_GW : CASUS_SYSTEM_COW;
            i++;
        } else if (!strcmp(a, "--format") && v) {
            int k = pick("dyads", a, v, "csv", "json");
            if (k < 0)
                return EXIT_BADINPUT;
            o.format = k ? CASUS_DYADS_JSONL : CASUS_DYADS_CSV;
            i++;
        } else if (!strcmp(a, "-o") && v) {
            outpath = v;
            i++;
        } else if (!strcmp(a, "--db") && v) {
            db = v;
            i++;
        } else if (!strcmp(a, "--threads") && v) {
            o.threads = atoi(v);
            i++;
        } else {
            cli_errorf("dyads: unexpected argument '%s' (see casus help)", a);
            return EXIT_BADINPUT;
        }
    }
    job j;
    int st = job_open(c, &j, "dyads", db, outpath);
    if (st >= 0)
        return st;
    st = EXIT_OKAY;
    casus_error e;
    memset(&e, 0, sizeof e);
    size_t rows = 0;
    if (casus_dyads_write(j.h, j.kb, &o, sink, &j.w, &rows, &e)) {
        cli_error(&e);
        st = cli_exit_for(e.code);
    }
    if (j.w.shown)
        fprintf(stderr, "\rcasus dyads: %zu rows, %.1f MB written", rows, (double)j.w.bytes / 1e6);
    return job_close(&j, st);
}

int cmd_similarity(cli *c, int argc, char **argv)
{
    const char *db = NULL, *outpath = NULL;
    casus_sim_opts o;
    memset(&o, 0, sizeof o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--measure") && v) {
            if (casus_sim_measure_parse(v, &o.measure)) {
                cli_errorf("similarity: --measure '%s': expected s, s-weighted, taub or kappa", v);
                return EXIT_BADINPUT;
            }
            i++;
        } else if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && v) {
            if (year_arg(v, a[2] == 'f' ? &o.first_year : &o.last_year)) {
                cli_errorf("similarity: %s '%s': expected a year YYYY", a, v);
                return EXIT_BADINPUT;
            }
            i++;
        } else if (!strcmp(a, "--scheme") && v) {
            if ((o.scheme = pick("similarity", a, v, "cow", "atop-s")) < 0)
                return EXIT_BADINPUT;
            i++;
        } else if (!strcmp(a, "--verify"))
            o.verify = 1;
        else if (!strcmp(a, "-o") && v) {
            outpath = v;
            i++;
        } else if (!strcmp(a, "--db") && v) {
            db = v;
            i++;
        } else {
            cli_errorf("similarity: unexpected argument '%s' (see casus help)", a);
            return EXIT_BADINPUT;
        }
    }
    job j;
    int st = job_open(c, &j, "similarity", db, outpath);
    if (st >= 0)
        return st;
    st = EXIT_OKAY;
    casus_error e;
    memset(&e, 0, sizeof e);
    size_t rows = 0;
    double md = 0;
    if (casus_similarity_write(j.h, j.kb, &o, sink, &j.w, &rows, &md, &e)) {
        cli_error(&e);
        st = cli_exit_for(e.code);
    } else if (o.verify)
        fprintf(stderr, "casus similarity: %zu dyad-years, largest difference from the plain formulas %.3g\n", rows, md);
    return job_close(&j, st);
}
