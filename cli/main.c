/*
 * main.c -- the casus command: global options, the subcommand table (which
 * drives dispatch and --help), and shared helpers. Each subcommand reads its
 * arguments, calls the library and prints; nothing else happens here.
 */
#include "cli.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct command {
    const char *name;
    const char *args;
    const char *help;
    int (*fn)(cli *c, int argc, char **argv);
} command;

static const command COMMANDS[] = {
    {"obligations", "ATTACKER TARGET [--date D] [--where PLACE]",
     "every state bound to act if ATTACKER attacks TARGET on day D", cmd_obligations},
    {"cascade", "ATTACKER TARGET [--date D] [--where PLACE] [--certain]",
     "the escalation by rounds: who joins which side, by which article", cmd_cascade},
    {"treaty", "ID [--date D]", "a treaty's status on day D, member by member, and its history", cmd_treaty},
    {"treaties", "[--date D]", "every treaty in the knowledge base and its status on day D", cmd_treaties},
    {"allies", "STATE [--date D]", "every commitment STATE has and is owed on day D", cmd_allies},
    {"states", "[NAME]", "the states casus knows, or the one NAME resolves to", cmd_states},
    {"check", "[PATH...]", "validate data files or folders (default: the data folder)", cmd_check},
    {"read", "FILE... [--date D] [--kb-diff] [--store DB]",
     "read news articles (text or HTML): events, treaties, the story across them, the kb diff", cmd_read},
    {"events", "[--store DB] [--actor X] [--type T] [--since D]",
     "events stored by 'read --store' (default store: $CASUS_STORE, else ./casus.db)", cmd_events},
    {"import", "atop DIR | cow FILE | gw FILE | nmc FILE [--db FILE]",
     "validate ATOP / COW / Gleditsch-Ward files and keep them in the history database (no argument: list it)",
     cmd_import},
    {"dyads", "[--directed] [--from Y] [--to Y] [--system cow|gw] [--format csv|json] [-o FILE] [--explain]",
     "dyad-years with ATOP alliance flags, 1816 to last year (database: --db, $CASUS_DB, ~/.local/share/casus)",
     cmd_dyads},
    {"similarity", "[--measure s|s-weighted|taub|kappa] [--from Y] [--to Y] [--scheme cow|atop-s] [-o FILE] [--verify]",
     "alliance-portfolio similarity for every dyad-year (docs/similarity.md)", cmd_similarity},
    {"main", "[--date D]", "the seeds' question: what attacks on Russia and on North Korea set off", cmd_main},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: casus [--data DIR] [--db FILE] [--no-history] [--json] [--pretty] COMMAND [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++)
        fprintf(f, "  %-12s %s\n  %-12s   %s\n", COMMANDS[i].name, COMMANDS[i].args, "",
                COMMANDS[i].help);
    fprintf(f, "\nDates are YYYY-MM-DD (default: today). States are ISO 3166 alpha-3 codes,\n"
               "COW codes or names. --json prints JSON; exit status 2 means bad input.\n"
               "The data folder is --data, else $CASUS_DATA, else the data/ folder of this build.\n"
               "After 'casus import atop DIR', obligations, cascade, treaty, treaties, allies,\n"
               "states and main also answer with ATOP's alliances (history database: --db,\n"
               "else $CASUS_DB, else ~/.local/share/casus/history.db; --no-history skips it).\n");
}

void cli_error(const casus_error *e)
{
    if (e->file[0] && e->line)
        fprintf(stderr, "casus: %s:%d:%d: %s\n", e->file, e->line, e->column, e->msg);
    else if (e->file[0] && !strstr(e->msg, e->file))
        fprintf(stderr, "casus: %s: %s\n", e->file, e->msg);
    else
        fprintf(stderr, "casus: %s\n", e->msg);
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("casus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_exit_for(int code)
{
    switch (code) {
    case CASUS_OK: return EXIT_OKAY;
    case CASUS_ENOMEM: return EXIT_FAIL;
    default: return EXIT_BADINPUT;
    }
}

const char *cli_default_data(void)
{
    static char buf[PATH_MAX]; /* front-end state, not the library's */
    const char *env = getenv("CASUS_DATA");
    if (env && *env)
        return env;
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 16);
    if (n > 0) {
        buf[n] = '\0';
        char *slash = strrchr(buf, '/');
        if (slash) {
            strcpy(slash, "/../data");
            if (access(buf, R_OK) == 0)
                return buf;
        }
    }
    return "data";
}

casus_kb *cli_open(const cli *c, int *status)
{
    casus_kb *kb = NULL;
    casus_error e = {0};
    int rc = casus_kb_open(c->data, &kb, &e);
    if (rc) {
        cli_error(&e);
        *status = cli_exit_for(rc);
        return NULL;
    }
    return kb;
}

casus_kb *cli_open_history(const cli *c, int *status)
{
    casus_kb *kb = cli_open(c, status);
    if (!kb || c->no_history)
        return kb;
    char path[4096];
    struct stat sb;
    if (casus_history_path(path, sizeof path, c->db) || stat(path, &sb))
        return kb; /* nothing imported: the bundled treaties alone */
    casus_history *h = NULL;
    casus_error e = {0};
    int rc = casus_history_open(path, &h, &e);
    if (!rc && casus_history_has(h, CASUS_DS_ATOP))
        rc = casus_kb_add_history(kb, h, &e);
    casus_history_close(h);
    if (rc) {
        cli_error(&e);
        *status = EXIT_BADINPUT;
        casus_kb_close(kb);
        return NULL;
    }
    return kb;
}

int main(int argc, char **argv)
{
    cli c = {cli_default_data(), 0, 0, NULL, 0};
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--json"))
            c.json = 1;
        else if (!strcmp(argv[i], "--pretty"))
            c.pretty = 1;
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            c.data = argv[++i];
        else if (!strcmp(argv[i], "--db") && i + 1 < argc)
            c.db = argv[++i];
        else if (!strcmp(argv[i], "--no-history"))
            c.no_history = 1;
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return EXIT_OKAY;
        } else if (!strcmp(argv[i], "--version")) {
            printf("casus %s\n", CASUS_VERSION);
            return EXIT_OKAY;
        } else {
            cli_errorf("unknown option '%s'; see 'casus --help'", argv[i]);
            return EXIT_BADINPUT;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return EXIT_BADINPUT;
    }
    for (size_t k = 0; k < sizeof COMMANDS / sizeof *COMMANDS; k++)
        if (!strcmp(argv[i], COMMANDS[k].name))
            return COMMANDS[k].fn(&c, argc - i, argv + i);
    cli_errorf("unknown command '%s'; see 'casus --help'", argv[i]);
    return EXIT_BADINPUT;
}
