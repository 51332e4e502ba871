/*
 * commands.c -- the query subcommands: obligations, cascade, treaty,
 * treaties, allies, states, check, main. Each reads its arguments, makes one
 * library call and prints a table (or the library's JSON with --json).
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

typedef struct opts {
    const char *date;
    const char *where;
    int certain;
    const char *pos[256];
    int npos;
} opts;

/* Options may come anywhere after the command name. */
static int parse(cli *c, int argc, char **argv, opts *o, int minpos, int maxpos,
                 const char *usage)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--date") || !strcmp(a, "--where") || !strcmp(a, "--data") || !strcmp(a, "--db")) {
            if (i + 1 >= argc) {
                cli_errorf("option '%s' needs a value; usage: casus %s %s", a, argv[0], usage);
                return EXIT_BADINPUT;
            }
            const char *v = argv[++i];
            if (!strcmp(a, "--date"))
                o->date = v;
            else if (!strcmp(a, "--where"))
                o->where = v;
            else if (!strcmp(a, "--db"))
                c->db = v;
            else
                c->data = v;
        } else if (!strcmp(a, "--json"))
            c->json = 1;
        else if (!strcmp(a, "--pretty"))
            c->pretty = 1;
        else if (!strcmp(a, "--certain"))
            o->certain = 1;
        else if (!strcmp(a, "--no-history"))
            c->no_history = 1;
        else if (a[0] == '-' && a[1]) {
            cli_errorf("unknown option '%s'; usage: casus %s %s", a, argv[0], usage);
            return EXIT_BADINPUT;
        } else if (o->npos < maxpos)
            o->pos[o->npos++] = a;
        else {
            cli_errorf("unexpected argument '%s'; usage: casus %s %s", a, argv[0], usage);
            return EXIT_BADINPUT;
        }
    }
    if (o->npos < minpos) {
        cli_errorf("missing arguments; usage: casus %s %s", argv[0], usage);
        return EXIT_BADINPUT;
    }
    return EXIT_OKAY;
}

static int get_day(const opts *o, casus_date *d)
{
    if (!o->date || !strcmp(o->date, "today")) {
        *d = casus_date_today();
        return EXIT_OKAY;
    }
    casus_error e = {0};
    if (casus_date_parse_day(o->date, d, &e)) {
        cli_error(&e);
        return EXIT_BADINPUT;
    }
    return EXIT_OKAY;
}

static int flags(const cli *c)
{
    return c->pretty ? CASUS_JSON_PRETTY : 0;
}

/* Builds the attack from ATTACKER TARGET --date --where. */
static int get_attack(const casus_kb *kb, const opts *o, casus_attack *at)
{
    casus_date d;
    memset(at, 0, sizeof *at);
    if (get_day(o, &d))
        return EXIT_BADINPUT;
    casus_error e = {0};
    at->day = d.lo;
    at->attacker = casus_kb_state(kb, o->pos[0], &d, &e);
    if (!at->attacker) {
        cli_error(&e);
        return EXIT_BADINPUT;
    }
    at->target = casus_kb_state(kb, o->pos[1], &d, &e);
    if (!at->target) {
        cli_error(&e);
        return EXIT_BADINPUT;
    }
    if (o->where) {
        at->place = casus_kb_place(kb, o->where, NULL);
        if (!at->place) {
            at->where_state = casus_kb_state(kb, o->where, &d, NULL);
            if (!at->where_state) {
                casus_kb_place(kb, o->where, &e);
                cli_error(&e);
                return EXIT_BADINPUT;
            }
        }
    }
    at->certain_only = o->certain;
    return EXIT_OKAY;
}

static const char *day_str(int32_t day, char buf[11])
{
    casus_date d = casus_date_from_days(day);
    return casus_date_format(&d, buf);
}

static void print_header(const casus_attack *at)
{
    char b[11];
    printf("If %s (%s) attacks %s (%s) on %s", at->attacker->iso3, at->attacker->name,
           at->target->iso3, at->target->name, day_str(at->day, b));
    if (at->place)
        printf(", at %s", at->place->name);
    else if (at->where_state)
        printf(", on %s's territory", at->where_state->name);
    printf(":\n");
}

static const char *mark(casus_cond_status s)
{
    return s == CASUS_MET ? "met" : s == CASUS_NOT_MET ? "NOT MET" : "unknown";
}

/* "Art. 5", "Art. V", "Art. 42(7)"; other labels ("Commitment to Consult",
 * "unnumbered") are printed as they are. */
static const char *art(const char *a)
{
    static char buf[96]; /* front-end scratch, one use at a time */
    size_t roman = strspn(a, "IVXLC");
    int numeric = (a[0] >= '0' && a[0] <= '9') || (roman && (!a[roman] || a[roman] == '('));
    if (!strcmp(a, "unnumbered"))
        return "(unnumbered article)";
    if (!numeric)
        return a;
    snprintf(buf, sizeof buf, "Art. %s", a);
    return buf;
}

static int same_group(const casus_binding *a, const casus_binding *b)
{
    return a->treaty == b->treaty && a->ob == b->ob && a->toward == b->toward &&
           a->overall == b->overall && (a->why_pending == NULL) == (b->why_pending == NULL);
}

/* Bindings grouped by obligation: one heading per treaty article and duty,
 * then the states it binds (marked * when their participation is frozen),
 * then the conditions as evaluated. */
static void print_bindings(const char *title, const casus_binding *b, size_t n,
                           int show_conds)
{
    printf("\n%s (%zu)\n", title, n);
    if (!n) {
        printf("  none\n");
        return;
    }
    char *done = calloc(n, 1);
    if (!done)
        return;
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        const casus_binding *x = &b[i];
        printf("  %s %s (%s): %s%s\n", x->treaty->id, art(x->ob->article),
               casus_obtype_name(x->ob->type), x->duty,
               x->overall == CASUS_UNKNOWN && !x->why_pending ? ", if its conditions hold" : "");
        printf("   ");
        int frozen = 0, partial = 0;
        for (size_t j = i; j < n; j++)
            if (!done[j] && same_group(x, &b[j])) {
                done[j] = 1;
                printf(" %s%s", b[j].state->iso3, b[j].frozen ? "*" : "");
                frozen |= b[j].frozen;
                partial |= b[j].rests_on_partial_date;
            }
        printf("\n");
        if (x->why_pending)
            printf("    pending: %s\n", x->why_pending);
        if (frozen)
            printf("    * participation frozen (still bound in law)\n");
        if (!x->treaty->binding)
            printf("    a political commitment, not binding in law\n");
        if (partial)
            printf("    rests on a date known only to the year or month\n");
        if (show_conds)
            for (size_t k = 0; k < x->nconds; k++)
                printf("    %-24s %-8s %s\n", casus_condkind_name(x->conds[k].cond->kind),
                       mark(x->conds[k].status), x->conds[k].explain);
    }
    free(done);
}

static void print_cascade(const casus_attack *at, const casus_cascade *cs)
{
    print_header(at);
    for (size_t r = 1; r <= cs->nrounds; r++) {
        printf("\nround %zu\n", r);
        for (size_t i = 0; i < cs->njoiners; i++) {
            const casus_joiner *j = &cs->joiners[i];
            if ((size_t)j->round != r)
                continue;
            printf("  %-4s joins the %-8s side: %s (%s %s%s)\n", j->state->iso3,
                   j->side == CASUS_SIDE_TARGET ? "target" : "attacker", j->reason->duty,
                   j->reason->treaty->id, art(j->reason->ob->article),
                   j->reason->overall == CASUS_MET ? "" : "; if its conditions hold");
        }
    }
    if (!cs->nrounds)
        printf("\nno state is bound to join either side\n");
    printf("\nattacker side (%zu):", cs->nattacker_side);
    for (size_t i = 0; i < cs->nattacker_side; i++)
        printf(" %s", cs->attacker_side[i]->iso3);
    printf("\ntarget side (%zu):", cs->ntarget_side);
    for (size_t i = 0; i < cs->ntarget_side; i++)
        printf(" %s", cs->target_side[i]->iso3);
    printf("\n");
    if (cs->nconflicted) {
        printf("conflicted (bound to both sides):\n");
        for (size_t i = 0; i < cs->nconflicted; i++)
            printf("  %-4s bound to the %s side toward %s by %s %s\n",
                   cs->conflicted[i].state->iso3,
                   cs->conflicted[i].side == CASUS_SIDE_TARGET ? "target" : "attacker",
                   cs->conflicted[i].toward->iso3, cs->conflicted[i].treaty->id,
                   art(cs->conflicted[i].ob->article));
    }
}

static void print_obligations(const casus_attack *at, const casus_obligations *r)
{
    print_header(at);
    print_bindings("BOUND TO ACT", r->bound, r->nbound, 1);
    print_bindings("SIGNED, NOT YET IN FORCE", r->pending, r->npending, 0);
    print_bindings("IN FORCE BUT NOT TRIGGERED", r->not_triggered, r->nnot_triggered, 1);
    if (r->nviolations) {
        printf("\nVIOLATIONS\n");
        for (size_t i = 0; i < r->nviolations; i++)
            printf("  %s\n", r->violations[i]);
    }
}

/* obligations and cascade: read ATTACKER TARGET and options, run one query,
 * print a table or the JSON. */
/* One attack query on an open kb: print a table or the JSON. */
static int attack_query(cli *c, const casus_kb *kb, const opts *o, int cascade)
{
    casus_attack at;
    casus_arena *A = casus_arena_new();
    casus_error e = {0};
    int st;
    if (!A)
        return EXIT_FAIL;
    if ((st = get_attack(kb, o, &at)) == EXIT_OKAY) {
        casus_obligations *r = NULL;
        casus_cascade *cs = NULL;
        int rc = cascade ? casus_query_cascade(kb, A, &at, &cs, &e)
                         : casus_query_obligations(kb, A, &at, &r, &e);
        if (rc) {
            cli_error(&e);
            st = cli_exit_for(rc);
        } else if (c->json) {
            puts(cascade ? casus_json_cascade(A, &at, cs, flags(c))
                         : casus_json_obligations(A, &at, r, flags(c)));
        } else if (cascade) {
            print_cascade(&at, cs);
        } else {
            print_obligations(&at, r);
        }
    }
    casus_arena_free(A);
    return st;
}

/* obligations and cascade: read ATTACKER TARGET and options, run one query. */
static int run_attack_query(cli *c, int argc, char **argv, int cascade)
{
    const char *U = cascade ? "ATTACKER TARGET [--date YYYY-MM-DD] [--where PLACE] [--certain] [--json]"
                            : "ATTACKER TARGET [--date YYYY-MM-DD] [--where PLACE] [--json]";
    opts o;
    int st = parse(c, argc, argv, &o, 2, 2, U);
    if (st)
        return st;
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    st = attack_query(c, kb, &o, cascade);
    casus_kb_close(kb);
    return st;
}

int cmd_obligations(cli *c, int argc, char **argv)
{
    return run_attack_query(c, argc, argv, 0);
}

int cmd_cascade(cli *c, int argc, char **argv)
{
    return run_attack_query(c, argc, argv, 1);
}

int cmd_treaty(cli *c, int argc, char **argv)
{
    static const char *U = "ID [--date YYYY-MM-DD] [--json]";
    opts o;
    int st = parse(c, argc, argv, &o, 1, 1, U);
    if (st)
        return st;
    casus_date d;
    if ((st = get_day(&o, &d)))
        return st;
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    casus_error e = {0};
    const casus_treaty *t = casus_kb_treaty(kb, o.pos[0], &e);
    casus_arena *A = casus_arena_new();
    if (!t) {
        cli_error(&e);
        st = EXIT_BADINPUT;
    } else if (!A) {
        st = EXIT_FAIL;
    } else if (c->json) {
        puts(casus_json_treaty(A, kb, t, d.lo, flags(c)));
    } else {
        char b1[11], b2[11], b3[11];
        printf("%s\n%s\n", t->short_name, t->name);
        printf("kind: %s%s; confidence: %s\n", t->kind, t->binding ? "" : " (not binding in law)",
               t->confidence);
        printf("signed %s%s%s; in force %s; ended %s\n", casus_date_format(&t->signed_on, b1),
               t->place ? " at " : "", t->place ? t->place : "",
               t->in_force.precision ? casus_date_format(&t->in_force, b2) : "-",
               t->ended.precision ? casus_date_format(&t->ended, b3) : "-");
        if (t->duration)
            printf("duration: %s\n", t->duration);
        printf("status on %s: %s\n", casus_date_format(&d, b1), casus_treaty_status(t, d.lo));
        if (t->superseded_by)
            printf("superseded by: %s\n", t->superseded_by->id);
        for (size_t i = 0; i < t->nsupersedes; i++)
            printf("supersedes: %s on %s\n", t->supersedes[i].treaty_id,
                   casus_date_format(&t->supersedes[i].date, b1));
        int32_t ends[64];
        size_t nends = casus_treaty_term_ends(t, d.lo, ends, 64);
        if (nends) {
            printf("terms end:");
            for (size_t k = 0; k < nends && k < 64; k++) {
                casus_date te = casus_date_from_days(ends[k]);
                printf(" %s", casus_date_format(&te, b1));
            }
            printf("\n");
        }
        printf("\nmembers:\n");
        for (size_t i = 0; i < t->nmembers; i++) {
            const casus_member *m = &t->members[i];
            casus_mstatus ms = casus_member_status(t, m, d.lo, NULL);
            const casus_state *now = casus_kb_state_on(kb, m->state, d.lo);
            char who[48];
            snprintf(who, sizeof who, now != m->state ? "%.20s>%.20s" : "%.20s", m->state->iso3,
                     now->iso3);
            printf("  %-7s %-28s %-32s", who, m->state->name, casus_mstatus_name(ms));
            for (size_t k = 0; k < m->nspells; k++)
                printf(" %s..%s", casus_date_format(&m->spells[k].from, b1),
                       m->spells[k].until.precision ? casus_date_format(&m->spells[k].until, b2) : "");
            if (m->frozen.precision)
                printf(" (participation frozen since %s)", casus_date_format(&m->frozen, b1));
            printf("\n");
            for (size_t k = 0; k < m->nsteps; k++)
                printf("          %s  %s%s%s\n", casus_date_format(&m->steps[k].date, b1),
                       m->steps[k].what, m->steps[k].body ? ", " : "",
                       m->steps[k].body ? m->steps[k].body : "");
        }
        if (t->nhistory) {
            printf("\nhistory:\n");
            for (size_t k = 0; k < t->nhistory; k++) {
                const casus_step *h = &t->history[k];
                printf("  %-10s %s", casus_date_format(&h->date, b1), h->what);
                if (h->place)
                    printf(", %s", h->place);
                if (h->note)
                    printf(": %s", h->note);
                printf("%s\n", h->reported ? " (reported, not a legal event)" : "");
            }
        }
        printf("\nobligations:\n");
        for (size_t k = 0; k < t->nobligations; k++)
            printf("  %-22s %-13s %s\n", art(t->obligations[k].article),
                   casus_obtype_name(t->obligations[k].type), t->obligations[k].text);
        printf("\nsources:\n");
        for (size_t k = 0; k < t->nsources; k++)
            printf("  [%s] %s%s%s\n", t->sources[k].key, t->sources[k].cite,
                   t->sources[k].url ? " " : "", t->sources[k].url ? t->sources[k].url : "");
    }
    casus_arena_free(A);
    casus_kb_close(kb);
    return st;
}

int cmd_treaties(cli *c, int argc, char **argv)
{
    opts o;
    int st = parse(c, argc, argv, &o, 0, 0, "[--date YYYY-MM-DD]");
    if (st)
        return st;
    casus_date d;
    if ((st = get_day(&o, &d)))
        return st;
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    for (size_t i = 0; i < casus_kb_ntreaties(kb); i++) {
        const casus_treaty *t = casus_kb_treaty_at(kb, i);
        printf("%-20s %-24s %s\n", t->id, casus_treaty_status(t, d.lo), t->short_name);
    }
    casus_kb_close(kb);
    return EXIT_OKAY;
}

int cmd_allies(cli *c, int argc, char **argv)
{
    static const char *U = "STATE [--date YYYY-MM-DD] [--json]";
    opts o;
    int st = parse(c, argc, argv, &o, 1, 1, U);
    if (st)
        return st;
    casus_date d;
    if ((st = get_day(&o, &d)))
        return st;
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    casus_error e = {0};
    const casus_state *s = casus_kb_state(kb, o.pos[0], &d, &e);
    casus_arena *A = casus_arena_new();
    casus_allies *r = NULL;
    if (!s) {
        cli_error(&e);
        st = EXIT_BADINPUT;
    } else if (!A) {
        st = EXIT_FAIL;
    } else if (casus_query_allies(kb, A, s, d.lo, &r, &e)) {
        cli_error(&e);
        st = EXIT_FAIL;
    } else if (c->json) {
        puts(casus_json_allies(A, r, d.lo, flags(c)));
    } else {
        char b[11];
        printf("Commitments of %s (%s) on %s:\n", r->state->iso3, r->state->name,
               casus_date_format(&d, b));
        for (int owes = 1; owes >= 0; owes--) {
            printf("\n%s\n", owes ? "OWES" : "IS OWED");
            size_t shown = 0;
            for (size_t i = 0; i < r->nitems; i++) {
                const casus_commitment *x = &r->items[i];
                if (x->owes != owes)
                    continue;
                shown++;
                printf("  %-18s %-22s %-20s %s ", x->treaty->id, art(x->ob->article),
                       casus_obtype_name(x->ob->type), owes ? "to" : "by");
                for (size_t k = 0; k < x->ncounterparts; k++)
                    printf("%s%s", k ? "," : "", x->counterparts[k]->iso3);
                printf("%s%s\n", x->pending ? "  (signed, not in force)" : "",
                       x->treaty->binding ? "" : "  (political commitment)");
            }
            if (!shown)
                printf("  none\n");
        }
    }
    casus_arena_free(A);
    casus_kb_close(kb);
    return st;
}

int cmd_states(cli *c, int argc, char **argv)
{
    opts o;
    int st = parse(c, argc, argv, &o, 0, 1, "[NAME] [--date YYYY-MM-DD]");
    if (st)
        return st;
    casus_date d;
    if ((st = get_day(&o, &d)))
        return st;
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    if (o.npos) {
        casus_error e = {0};
        const casus_state *s = casus_kb_state(kb, o.pos[0], &d, &e);
        if (!s) {
            cli_error(&e);
            st = EXIT_BADINPUT;
        } else
            printf("%s %d %s%s%s%s\n", s->iso3, s->cow, s->name, s->continues ? " (continues " : "",
                   s->continues ? s->continues->iso3 : "", s->continues ? ")" : "");
    } else {
        for (size_t i = 0; i < casus_kb_nstates(kb); i++) {
            const casus_state *s = casus_kb_state_at(kb, i);
            printf("%s %4d %s\n", s->iso3, s->cow, s->name);
        }
    }
    casus_kb_close(kb);
    return st;
}

static void print_diag(void *ud, const casus_error *e)
{
    (void)ud;
    cli_error(e);
}

int cmd_check(cli *c, int argc, char **argv)
{
    opts o;
    int st = parse(c, argc, argv, &o, 0, 256, "[PATH...]");
    if (st)
        return st;
    const char *def[1] = {c->data};
    const char *const *paths = o.npos ? o.pos : def;
    size_t n = o.npos ? (size_t)o.npos : 1;
    int problems = casus_check(c->data, paths, n, print_diag, NULL);
    if (problems) {
        fprintf(stderr, "casus: %d problem%s found\n", problems, problems == 1 ? "" : "s");
        return EXIT_BADINPUT;
    }
    printf("ok: no problems found\n");
    return EXIT_OKAY;
}

/* The seeds' question, answered on the bundled data: what an attack on Russia
 * (Ukraine's Kursk incursion) and an attack on North Korea set off. With
 * --json: one JSON document per line (obligations, cascade, for each). */
int cmd_main(cli *c, int argc, char **argv)
{
    opts o;
    int st = parse(c, argc, argv, &o, 0, 0, "[--date YYYY-MM-DD]");
    if (st)
        return st;
    static const char *const scen[][3] = {
        {"UKR", "RUS", "kursk"},
        {"USA", "PRK", "PRK"},
        {"KOR", "PRK", "PRK"},
    };
    casus_kb *kb = cli_open_history(c, &st);
    if (!kb)
        return st;
    for (size_t i = 0; i < sizeof scen / sizeof *scen && !st; i++) {
        opts q = o;
        q.pos[0] = scen[i][0];
        q.pos[1] = scen[i][1];
        q.npos = 2;
        q.where = scen[i][2];
        if (i && !c->json)
            printf("\n----------------------------------------------------------------\n\n");
        st = attack_query(c, kb, &q, 0);
        if (!st && !c->json)
            printf("\n");
        if (!st)
            st = attack_query(c, kb, &q, 1);
    }
    casus_kb_close(kb);
    return st;
}
