/* cli.h - what the subcommands of `tellus` share: the context main()
 * builds (the open store, the command), and the table each command keeps
 * beside its code in cmd_<name>.c: usage, summary and options, which both
 * parses the arguments (cli_parse) and prints the help (cli_help.c). */
#ifndef TELLUS_CLI_H
#define TELLUS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/store.h"
#include "tellus/text.h"
#include "tellus/words.h"

typedef struct cli_cmd cli_cmd;

typedef struct {
	const cli_cmd *cmd; /* the command being run: its table */
	tl_store *st;       /* opened by main before the command runs */
	tl_err err;         /* a failing command fills it; main prints it */
} cli_ctx;

/* argv[0] is the command's name; returns 0 or a tl_status. */
typedef int (*cli_cmd_fn)(cli_ctx *cx, int argc, char **argv);

/* A repeatable option ("--cause C --cause D"): up to 16 values. */
typedef struct {
	const char *v[16];
	size_t n;
} cli_list;

typedef enum { CLI_OPT_VALUE, CLI_OPT_FLAG, CLI_OPT_LIST } cli_opt_kind;

/* One option: "--name ARG", its help line, and where cli_parse puts it in
 * the command's own struct of options (off). Write the where with
 * CLI_VALUE, CLI_FLAG or CLI_LIST: they refuse, at compile time, a field
 * of the wrong type. */
typedef struct {
	const char *name;         /* "--received" */
	const char *arg;          /* "DATE"; NULL for a flag */
	const char *help;         /* one line for `tellus CMD --help` */
	cli_opt_kind kind;
	size_t off;
	const tl_wordset *words;  /* the words allowed, listed in the help */
} cli_opt;

#define CLI_VALUE(T, f) \
	.kind = CLI_OPT_VALUE, .off = _Generic(((T *)0)->f, const char *: offsetof(T, f))
#define CLI_FLAG(T, f) .kind = CLI_OPT_FLAG, .off = _Generic(((T *)0)->f, bool: offsetof(T, f))
#define CLI_LIST(T, f) .kind = CLI_OPT_LIST, .off = _Generic(((T *)0)->f, cli_list: offsetof(T, f))

/* A command: `tellus --help` lists name, usage and summary; `tellus NAME
 * --help` adds about and the options. usage holds its forms, without the
 * name ("get KEY", "set KEY VALUE"); a '\n' inside a form wraps it. */
struct cli_cmd {
	const char *name;
	cli_cmd_fn fn;
	const char *usage[4];
	const char *summary;      /* a few words, for the list of commands */
	const char *about;        /* more lines for `tellus NAME --help`, or NULL */
	const cli_opt *opts;      /* ends with { NULL }; NULL when none */
	const char *word;         /* a word of the usage that is one of a set, */
	const tl_wordset *words;  /* and the set, both listed in the help */
	int min_words, max_words; /* how many words other than options */
};

/* The words of a command line other than its options ("REF", "CAUSE"). */
#define CLI_MAX_WORDS 32
typedef struct {
	const char *v[CLI_MAX_WORDS];
	int n;
} cli_words;

/* Reads argv[1..] by cx->cmd's table: options into *opts (the command's
 * struct), other words into w. Too few or too many words, or an unknown
 * option, is refused (the usage, or the option named). */
int cli_parse(cli_ctx *cx, int argc, char **argv, void *opts, cli_words *w);
/* Refuses with the command's usage on one line. */
int cli_usage(cli_ctx *cx);
/* "NAME REF [--date DATE]": for commands whose options are cli_dated. */
typedef struct {
	const char *date;
} cli_dated;
int cli_ref_date(cli_ctx *cx, int argc, char **argv, const char **ref, tl_date *d);
/* --stage N: 0 (the current stage) when NULL. */
int cli_stage(cli_ctx *cx, const char *s, int *n);
/* A date option: today when NULL. */
int cli_date(cli_ctx *cx, const char *s, const char *what, tl_date *out);
/* An enumeration word, with the list of words in the refusal. */
int cli_word(cli_ctx *cx, const tl_wordset *set, const char *s, const char *what, int *out);
int cli_int(cli_ctx *cx, const char *s, const char *what, long lo, long hi, long *out);

/* What show, list and due share (cli_case.c). Words a person or a file
 * gave are shown through CLI_ESC (text_escape_terminal, SPEC 9), into a
 * caller's buffer, as a printf argument. */
#define CLI_ESC(buf, s) text_escape_terminal((s), 0, (buf), sizeof (buf))
/* Asks for the process's heap in transparent huge pages (cli_heap.c). */
void cli_heap_huge(void);
/* "working day" for 1 (and -1), else "working days". */
const char *cli_days(int n);
/* Where an open stage stands, in a few words: "3 working days left", "due
 * today", "1 working day late", "clock stopped" (a stopped clock waits). */
char *cli_left(const tl_stage_status *st, const tl_stage *s, char *out, size_t cap);
/* --officer NAME: checked against staff (staff_check_officer). */
int cli_officer(cli_ctx *cx, const char *name);

/* import/export: FILE (cases) or one of --costs/--ombudsman/--context FILE;
 * the options are read into *o (export's --format too). */
enum { CLI_CSV_CASES, CLI_CSV_COSTS, CLI_CSV_OMBUDSMAN, CLI_CSV_CONTEXT };
typedef struct {
	const char *costs, *ombudsman, *context, *format;
} cli_csv_opts;
int cli_csv_args(cli_ctx *cx, int argc, char **argv, cli_csv_opts *o, const char **path,
		 int *kind);

/* Whole files (cli_file.c): read at most max bytes (*out malloc'd, the
 * caller frees it); write DIR/name owner-only and all at once, over an
 * old file of that name only when replace, the full path into path. */
int cli_file_read(cli_ctx *cx, const char *path, size_t max, unsigned char **out, size_t *len);
int cli_file_write(cli_ctx *cx, const char *dir, const char *name, const unsigned char *b,
		   size_t n, bool replace, char *path, size_t cap);

/* list, add, rename, merge of a configured list (lists.h: kind is a
 * tl_list_kind), for tellus services and tellus teams. */
int cli_list_verbs(cli_ctx *cx, int kind, int argc, char **argv);

/* "Anna Nowak (complainant); Zofia Nowak (child)", or "" (cli_people.c). */
void cli_names(const char *complainant, const char *child, char *out, size_t cap);

/* The global options, before or after the command (SPEC section 2). */
typedef struct {
	const char *db, *as, *today;
} cli_globals;
/* Takes argv[*i] (and its value) when it is a global option: 1 when taken,
 * 0 when not one, or -1 (err filled) when its value is missing or it was
 * given before. */
int cli_global(cli_globals *g, int argc, char **argv, int *i, tl_err *err);
/* Takes the global options out of the command's words argv[1..argc-1],
 * skipping the values of cmd's own options; *help is set by --help or -h. */
int cli_globals_after(const cli_cmd *cmd, cli_globals *g, int *argc, char **argv, bool *help,
		      tl_err *err);

/* The help: every command (`tellus --help`), or one (`tellus NAME --help`). */
void cli_help_all(FILE *out, const cli_cmd *const *cmds);
void cli_help_cmd(FILE *out, const cli_cmd *cmd);

/* The commands, one cmd_<name>.c each, grouped by what they work on:
 * cases/ (a case and its moves), setup/ (settings, staff, calendar,
 * profiles, the file's health), data/ (figures, files in and out, the
 * report), devices/ (enrolment, bundles, conflicts). The shared cli_*.c
 * stay here. main.c lists them for dispatch. */
extern const cli_cmd CLI_CONFIG, CLI_WORKDAYS, CLI_HOLIDAYS, CLI_CLOSURES, CLI_PROFILE,
	CLI_STAFF, CLI_LOG, CLI_COMPLAINT_FROM, CLI_SHOW, CLI_LIST, CLI_ASSESS, CLI_CAUSES, CLI_EXTEND, CLI_RESPOND,
	CLI_REQUEST, CLI_PANEL, CLI_WITHDRAW, CLI_PAUSE, CLI_RESUME, CLI_HANDLED, CLI_ACTION,
	CLI_COST, CLI_OMBUDSMAN, CLI_CONTEXT, CLI_IMPORT, CLI_EXPORT, CLI_AUDIT, CLI_RECEIPT,
	CLI_TRACK, CLI_REPORT, CLI_CHECK, CLI_DUE, CLI_ACKNOWLEDGE, CLI_EDIT, CLI_SERVICES,
	CLI_TEAMS, CLI_COSTS, CLI_LETTER, CLI_FIND, CLI_RETENTION, CLI_SUBJECT_ACCESS, CLI_EQUALITIES,
	CLI_DEVICE, CLI_SYNC, CLI_CONFLICTS, CLI_SERVE;

#endif
