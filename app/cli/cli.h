/* cli.h - what the subcommands of `tellus` share: the context main()
 * builds (the open store, the options), and one cmd_<name> per file. */
#ifndef TELLUS_CLI_H
#define TELLUS_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "tellus/store.h"

typedef struct {
	const char *db_path;
	tl_store *st;       /* opened by main before the command runs */
	tl_err err;         /* a failing command fills it; main prints it */
} cli_ctx;

typedef int (*cli_cmd_fn)(cli_ctx *cx, int argc, char **argv);

/* argv[0] is the subcommand's name; each returns 0 or a tl_status. */
int cmd_config(cli_ctx *cx, int argc, char **argv);
int cmd_workdays(cli_ctx *cx, int argc, char **argv);
int cmd_holidays(cli_ctx *cx, int argc, char **argv);
int cmd_closures(cli_ctx *cx, int argc, char **argv);
int cmd_profile(cli_ctx *cx, int argc, char **argv);
int cmd_report(cli_ctx *cx, int argc, char **argv);

/* Command-line helpers. */
/* The value after option argv[*i] ("--out FILE"); advances *i. */
const char *cli_value(cli_ctx *cx, int argc, char **argv, int *i);
int cli_usage(cli_ctx *cx, const char *usage);
int cli_int(cli_ctx *cx, const char *s, const char *what, long lo, long hi, long *out);

#endif
