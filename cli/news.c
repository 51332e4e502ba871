/*
 * news.c -- the news subcommands: `read` (articles in, events out; the
 * story across articles; --kb-diff; --store) and `events` (the store).
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len, casus_error *e)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        snprintf(e->msg, sizeof e->msg, "%s: cannot open: %s", path, strerror(errno));
        e->code = CASUS_EIO;
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (n == cap) {
            if (cap > CASUS_READ_MAX) {
                snprintf(e->msg, sizeof e->msg, "%s: over the limit of %zu bytes for one article", path,
                         CASUS_READ_MAX);
                e->code = CASUS_ELIMIT;
                free(buf);
                buf = NULL;
                break;
            }
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) {
                snprintf(e->msg, sizeof e->msg, "%s: cannot read: %s", path, strerror(errno));
                e->code = CASUS_EIO;
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    if (f != stdin)
        fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    } else if (!e->code) {
        snprintf(e->msg, sizeof e->msg, "%s: out of memory", path);
        e->code = CASUS_ENOMEM;
    }
    return buf;
}

static void print_codes(const char *const *c, size_t n)
{
    if (!n)
        fputs("-", stdout);
    for (size_t i = 0; i < n; i++)
        printf("%s%s", i ? "," : "", c[i]);
}

static void print_event(const casus_event *e)
{
    char b[11];
    printf("  %-22s ", casus_evtype_name(e->type));
    print_codes(e->source, e->nsource);
    if (e->source_inferred)
        fputs(" (inferred)", stdout);
    fputs(" -> ", stdout);
    print_codes(e->target, e->ntarget);
    if (e->target_inferred)
        fputs(" (inferred)", stdout);
    printf("  %s", e->date.precision ? casus_date_format(&e->date, b) : "(no date)");
    if (e->denied)
        fputs("  [denied]", stdout);
    if (e->hedged)
        fputs("  [hedged]", stdout);
    if (e->modality != CASUS_MOD_ACTUAL)
        printf("  [%s]", casus_modality_name(e->modality));
    const casus_event_details *d = &e->details;
    if (d->body)
        printf("  body: %s", d->body);
    if (d->count >= 0)
        printf("  count: %lld", (long long)d->count);
    if (d->place)
        printf("  place: %s", d->place);
    if (d->item)
        printf("  item: %s", d->item);
    if (d->quantity >= 0)
        printf("  quantity: %lld", (long long)d->quantity);
    if (d->denies)
        printf("  denies: %s", d->denies);
    if (d->treaty)
        printf("  treaty: %s", d->treaty);
    printf("\n      \"%s\" [%zu-%zu]\n", e->sentence, e->span.start, e->span.end);
}

static void print_checks(const casus_article *art, const casus_kbcheck *k, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%s: %-9s %s\n", art->name, casus_verdict_name(k[i].verdict), k[i].explain);
        if (k[i].add)
            printf("    add to %s: %s\n", k[i].treaty->file, k[i].add);
    }
}

static void print_article(const casus_article *art, const casus_kbcheck *k, size_t nk)
{
    char b[11];
    printf("== %s", art->name);
    if (art->title)
        printf(": %s", art->title);
    printf("\n   date: %s", art->date.precision ? casus_date_format(&art->date, b) : "unknown");
    if (art->date_from)
        printf(" (from the %s)", !strcmp(art->date_from, "option") ? "--date option" : art->date_from);
    printf("   actors: ");
    print_codes(art->actors, art->nactors);
    printf("\n");
    printf("events (%zu):\n", art->nevents);
    for (size_t i = 0; i < art->nevents; i++)
        print_event(&art->events[i]);
    if (art->ntreaties) {
        printf("treaties mentioned:\n");
        for (size_t i = 0; i < art->ntreaties; i++) {
            const casus_treaty_mention *t = &art->treaties[i];
            printf("  ");
            print_codes(t->parties, t->nparties);
            printf("  kind: %s  signed: %s  kb: %s  (%zu mention%s)\n", t->kind ? t->kind : "-",
                   t->year_signed ? casus_date_format(&(casus_date){0, 0, (int16_t)t->year_signed, 0, 0, 1}, b) : "-",
                   t->kb ? t->kb->id : "-", t->nmentions, t->nmentions == 1 ? "" : "s");
        }
    }
    if (nk) {
        printf("against the knowledge base:\n");
        print_checks(art, k, nk);
    }
    printf("\n");
}

static void print_story(const casus_story *s)
{
    char b[11];
    printf("== story: %zu facts\n", s->nfacts);
    for (size_t i = 0; i < s->nfacts; i++) {
        const casus_fact *f = &s->facts[i];
        printf("  %-22s ", casus_evtype_name(f->type));
        print_codes(f->source, f->nsource);
        if (f->source_inferred)
            fputs(" (inferred)", stdout);
        fputs(" -> ", stdout);
        print_codes(f->target, f->ntarget);
        if (f->target_inferred)
            fputs(" (inferred)", stdout);
        printf("  %s  reported by %zu:", f->date.precision ? casus_date_format(&f->date, b) : "(no date)",
               f->nreports);
        for (size_t k = 0; k < f->nreports; k++)
            printf(" %s", f->reports[k].article->name);
        printf("\n");
        for (size_t k = 0; k < f->ndisagreements; k++) {
            const casus_disagreement *d = &f->disagreements[k];
            printf("      disagree on %s:", d->field);
            for (size_t v = 0; v < d->nvalues; v++) {
                printf(" %s%s (", v ? "/" : "", d->values[v]);
                for (const char *const *p = d->articles[v]; p && *p; p++)
                    printf("%s%s", p == d->articles[v] ? "" : " ", *p);
                printf(")");
            }
            printf("\n");
        }
    }
}

static int open_lexicon(const cli *c, casus_kb **kb, casus_lexicon **lx, int *status)
{
    *kb = cli_open(c, status);
    if (!*kb)
        return -1;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/lexicon", c->data);
    casus_error e = {0};
    int rc = casus_lexicon_open(*kb, dir, lx, &e);
    if (rc) {
        cli_error(&e);
        *status = cli_exit_for(rc);
        casus_kb_close(*kb);
        return -1;
    }
    return 0;
}

#define READ_USAGE "FILE... [--date D] [--html|--text] [--kb-diff] [--store DB] [--json]"

int cmd_read(cli *c, int argc, char **argv)
{
    const char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0, kbdiff = 0, html = -1;
    const char *date = NULL, *store = NULL;
    if (!files)
        return EXIT_FAIL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--date") || !strcmp(a, "--store") || !strcmp(a, "--db") || !strcmp(a, "--data")) {
            if (i + 1 >= argc) {
                cli_errorf("option '%s' needs a value; usage: casus read %s", a, READ_USAGE);
                free(files);
                return EXIT_BADINPUT;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--date"))
                date = v;
            else if (!strcmp(a, "--data"))
                c->data = v;
            else
                store = v;
        } else if (!strcmp(a, "--json"))
            c->json = 1;
        else if (!strcmp(a, "--pretty"))
            c->pretty = 1;
        else if (!strcmp(a, "--kb-diff"))
            kbdiff = 1;
        else if (!strcmp(a, "--html"))
            html = 1;
        else if (!strcmp(a, "--text"))
            html = 0;
        else if (a[0] == '-' && a[1]) {
            cli_errorf("unknown option '%s'; usage: casus read %s", a, READ_USAGE);
            free(files);
            return EXIT_BADINPUT;
        } else
            files[nfiles++] = a;
    }
    if (!nfiles) {
        cli_errorf("no article given; usage: casus read %s", READ_USAGE);
        free(files);
        return EXIT_BADINPUT;
    }
    casus_read_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.html = html;
    if (date) {
        casus_error e = {0};
        if (casus_date_parse_day(date, &ro.date, &e)) {
            cli_error(&e);
            free(files);
            return EXIT_BADINPUT;
        }
    }
    int status = EXIT_OKAY;
    casus_kb *kb;
    casus_lexicon *lx;
    if (open_lexicon(c, &kb, &lx, &status)) {
        free(files);
        return status;
    }
    casus_store *st = NULL;
    if (store) {
        casus_error e = {0};
        int rc = casus_store_open(store, &st, &e);
        if (rc) {
            cli_error(&e);
            casus_lexicon_close(lx);
            casus_kb_close(kb);
            free(files);
            return cli_exit_for(rc);
        }
    }
    casus_arena *a = casus_arena_new();
    const casus_article **arts = calloc((size_t)nfiles, sizeof *arts);
    size_t narts = 0, added = 0, dup = 0, nev = 0;
    int flags = c->pretty ? CASUS_JSON_PRETTY : 0;
    for (int i = 0; a && arts && i < nfiles; i++) {
        casus_error e = {0};
        size_t len = 0;
        char *buf = slurp(files[i], &len, &e);
        if (!buf) {
            cli_error(&e);
            status = e.code == CASUS_ENOMEM ? EXIT_FAIL : EXIT_BADINPUT;
            continue;
        }
        casus_article *art = NULL;
        int rc = casus_read(lx, a, files[i], buf, len, &ro, &art, &e);
        if (rc) {
            free(buf);
            cli_error(&e);
            status = cli_exit_for(rc);
            continue;
        }
        /* the article keeps pointers into its text: keep plain-text input */
        if (!art->html) {
            art->text = casus_arena_strndup(a, buf, len);
            art->len = len;
        }
        free(buf);
        arts[narts++] = art;
        casus_kbcheck *k = NULL;
        size_t nk = 0;
        casus_kb_diff(kb, a, art, &k, &nk, &e);
        if (st) {
            int was = 0;
            rc = casus_store_add(st, art, &was, &e);
            if (rc) {
                cli_error(&e);
                status = cli_exit_for(rc);
            } else if (was) {
                added++;
                nev += art->nevents;
            } else
                dup++;
        }
        if (kbdiff) {
            if (c->json)
                printf("%s\n", casus_json_kbdiff(a, art, k, nk, flags));
            else
                print_checks(art, k, nk);
        } else if (c->json)
            printf("%s\n", casus_json_article(a, art, k, nk, flags));
        else
            print_article(art, k, nk);
    }
    if (narts > 1 && !kbdiff) {
        casus_story *s = NULL;
        casus_error e = {0};
        if (casus_story_merge(a, arts, narts, &s, &e) == CASUS_OK) {
            if (c->json)
                printf("%s\n", casus_json_story(a, s, flags));
            else
                print_story(s);
        } else {
            cli_error(&e);
            status = EXIT_FAIL;
        }
    }
    if (st)
        fprintf(stderr, "casus: %s: stored %zu article%s with %zu events; %zu already stored\n", store, added,
                added == 1 ? "" : "s", nev, dup);
    free(arts);
    casus_arena_free(a);
    casus_store_close(st);
    casus_lexicon_close(lx);
    casus_kb_close(kb);
    free(files);
    return status;
}

#define EVENTS_USAGE "[--store DB] [--actor X] [--type T] [--since D] [--json]"

int cmd_events(cli *c, int argc, char **argv)
{
    const char *store = getenv("CASUS_STORE"), *actor = NULL, *type = NULL, *since = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--store") || !strcmp(a, "--db") || !strcmp(a, "--actor") || !strcmp(a, "--type") ||
            !strcmp(a, "--since")) {
            if (i + 1 >= argc) {
                cli_errorf("option '%s' needs a value; usage: casus events %s", a, EVENTS_USAGE);
                return EXIT_BADINPUT;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--actor"))
                actor = v;
            else if (!strcmp(a, "--type"))
                type = v;
            else if (!strcmp(a, "--since"))
                since = v;
            else
                store = v;
        } else if (!strcmp(a, "--json"))
            c->json = 1;
        else if (!strcmp(a, "--pretty"))
            c->pretty = 1;
        else {
            cli_errorf("unexpected argument '%s'; usage: casus events %s", a, EVENTS_USAGE);
            return EXIT_BADINPUT;
        }
    }
    if (!store || !*store)
        store = "casus.db";
    casus_event_filter f;
    memset(&f, 0, sizeof f);
    casus_error e = {0};
    if (type) {
        if (casus_evtype_parse(type, &f.type, &e)) {
            cli_error(&e);
            return EXIT_BADINPUT;
        }
        f.has_type = 1;
    }
    if (since && casus_date_parse(since, &f.since, &e)) {
        cli_error(&e);
        return EXIT_BADINPUT;
    }
    int status = EXIT_OKAY;
    casus_kb *kb = NULL;
    if (actor) {
        /* a name or code: resolve it to the code events carry */
        kb = cli_open(c, &status);
        if (!kb)
            return status;
        const casus_state *s = casus_kb_state(kb, actor, NULL, NULL);
        if (s)
            actor = s->iso3;
    }
    f.actor = actor;
    casus_store *st = NULL;
    int rc = casus_store_open(store, &st, &e);
    if (rc) {
        cli_error(&e);
        casus_kb_close(kb);
        return cli_exit_for(rc);
    }
    casus_arena *a = casus_arena_new();
    casus_stored_event *ev = NULL;
    size_t n = 0;
    rc = casus_store_events(st, a, &f, &ev, &n, &e);
    if (rc) {
        cli_error(&e);
        status = cli_exit_for(rc);
    } else if (c->json)
        printf("%s\n", casus_json_stored_events(a, ev, n, c->pretty ? CASUS_JSON_PRETTY : 0));
    else {
        for (size_t i = 0; i < n; i++) {
            printf("%s", ev[i].article);
            print_event(&ev[i].event);
        }
        printf("%zu event%s\n", n, n == 1 ? "" : "s");
    }
    casus_arena_free(a);
    casus_store_close(st);
    casus_kb_close(kb);
    return status;
}
