/* cli.h - what the subcommands of `tellus` share: the context main()
 * builds (the open store, the options), and one cmd_<name> per file. */
#ifndef TELLUS_CLI_H
#define TELLUS_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "tellus/store.h"
#include "tellus/words.h"

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
int cmd_staff(cli_ctx *cx, int argc, char **argv);
int cmd_report(cli_ctx *cx, int argc, char **argv);
int cmd_check(cli_ctx *cx, int argc, char **argv);

int cmd_log(cli_ctx *cx, int argc, char **argv);
int cmd_show(cli_ctx *cx, int argc, char **argv);
int cmd_list(cli_ctx *cx, int argc, char **argv);
int cmd_respond(cli_ctx *cx, int argc, char **argv);
int cmd_withdraw(cli_ctx *cx, int argc, char **argv);
int cmd_extend(cli_ctx *cx, int argc, char **argv);
int cmd_request(cli_ctx *cx, int argc, char **argv);
int cmd_panel(cli_ctx *cx, int argc, char **argv);
int cmd_assess(cli_ctx *cx, int argc, char **argv);
int cmd_causes(cli_ctx *cx, int argc, char **argv);
int cmd_pause(cli_ctx *cx, int argc, char **argv);
int cmd_resume(cli_ctx *cx, int argc, char **argv);
int cmd_handled(cli_ctx *cx, int argc, char **argv);
int cmd_action(cli_ctx *cx, int argc, char **argv);
int cmd_cost(cli_ctx *cx, int argc, char **argv);
int cmd_ombudsman(cli_ctx *cx, int argc, char **argv);
int cmd_context(cli_ctx *cx, int argc, char **argv);
int cmd_audit(cli_ctx *cx, int argc, char **argv);
int cmd_import(cli_ctx *cx, int argc, char **argv);
int cmd_export(cli_ctx *cx, int argc, char **argv);
/* import/export: FILE (cases) or one of --costs/--ombudsman/--context FILE. */
enum { CLI_CSV_CASES, CLI_CSV_COSTS, CLI_CSV_OMBUDSMAN, CLI_CSV_CONTEXT };
int cli_csv_args(cli_ctx *cx, int argc, char **argv, const char *verb, const char **path,
		 int *kind);
int cmd_receipt(cli_ctx *cx, int argc, char **argv);
int cmd_track(cli_ctx *cx, int argc, char **argv);

/* Options of a subcommand: "--name VALUE" (value != NULL) or a flag. */
typedef struct {
	const char *name;    /* "--received" */
	const char **value;  /* where the value goes, or NULL for a flag */
	bool *flag;          /* set for a flag */
	const char **more;   /* a repeatable value: up to 16 go here */
	size_t *n_more;
} cli_opt;
/* Reads argv[1..] into opts; other words go to pos (at most max_pos).
 * A refusal names the option. */
int cli_parse(cli_ctx *cx, int argc, char **argv, const cli_opt *opts, const char **pos,
	      int max_pos, int *n_pos);
/* "NAME REF [--date DATE]": the reference and the date (today if none). */
int cli_ref_date(cli_ctx *cx, int argc, char **argv, const char *usage, const char **ref,
		 tl_date *d);
/* A date option: today when NULL. */
int cli_date(cli_ctx *cx, const char *s, const char *what, tl_date *out);
/* An enumeration word, with the list of words in the refusal. */
int cli_word(cli_ctx *cx, const tl_wordset *set, const char *s, const char *what, int *out);

/* Command-line helpers. */
/* The value after option argv[*i] ("--out FILE"); advances *i. */
const char *cli_value(cli_ctx *cx, int argc, char **argv, int *i);
int cli_usage(cli_ctx *cx, const char *usage);
int cli_int(cli_ctx *cx, const char *s, const char *what, long lo, long hi, long *out);

#endif
