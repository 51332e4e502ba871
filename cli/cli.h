/*
 * cli.h -- the casus command: shared helpers for the subcommand files.
 */
#ifndef CASUS_CLI_H
#define CASUS_CLI_H

#include "casus.h"

#include <stdio.h>

/* Exit statuses (documented in docs/cli.md). */
enum { EXIT_OKAY = 0, EXIT_FAIL = 1, EXIT_BADINPUT = 2 };

typedef struct cli {
    const char *data;   /* data folder */
    int json;           /* --json */
    int pretty;         /* --pretty */
    const char *db;     /* --db FILE: the history database, or NULL */
    int no_history;     /* --no-history */
} cli;

/* Prints "casus: MSG" (with FILE:LINE:COL when set) on stderr. */
void cli_error(const casus_error *e);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Exit status for a library result code. */
int cli_exit_for(int code);
/* The default data folder: $CASUS_DATA, else ../data beside the executable,
 * else ./data. */
const char *cli_default_data(void);
/* Opens the kb or prints the error. */
casus_kb *cli_open(const cli *c, int *status);
/* The same, plus the ATOP alliances of the history database (--db, $CASUS_DB,
 * ~/.local/share/casus/history.db) when it exists and holds ATOP, unless
 * --no-history. A database that cannot be read is one error line (status 2). */
casus_kb *cli_open_history(const cli *c, int *status);

int cmd_obligations(cli *c, int argc, char **argv);
int cmd_cascade(cli *c, int argc, char **argv);
int cmd_treaty(cli *c, int argc, char **argv);
int cmd_treaties(cli *c, int argc, char **argv);
int cmd_allies(cli *c, int argc, char **argv);
int cmd_check(cli *c, int argc, char **argv);
int cmd_states(cli *c, int argc, char **argv);
int cmd_main(cli *c, int argc, char **argv);
int cmd_read(cli *c, int argc, char **argv);
int cmd_events(cli *c, int argc, char **argv);
int cmd_import(cli *c, int argc, char **argv);
int cmd_dyads(cli *c, int argc, char **argv);
int cmd_similarity(cli *c, int argc, char **argv);

#endif
