/* cli_help.c - `tellus --help` and `tellus COMMAND --help`, printed from
 * the same tables that parse the arguments (cli.h), so that the help can
 * never name an option the command does not take. */
#include <string.h>
#include "cli.h"

enum { WIDTH = 79, SUMMARY_COL = 38, WRAP_INDENT = 6, OPT_COL = 24 };

static const char GLOBALS[] =
	"The global options --db FILE, --as NAME and --today DATE go before or after the\n"
	"command. The database is --db FILE, else $TELLUS_DB, else\n"
	"$XDG_DATA_HOME/tellus/tellus.db.\n";

/* Prints "lead name form", a wrapped form's later lines indented; returns
 * the width of the last line. */
static int put_form(FILE *out, const char *lead, const char *name, const char *form)
{
	int col = fprintf(out, "%s%s%s", lead, name, *form ? " " : "");
	for (const char *p = form; *p; p++) {
		if (*p == '\n') {
			col = fprintf(out, "\n%*s", WRAP_INDENT, "") - 1;
			continue;
		}
		fputc(*p, out);
		col++;
	}
	return col;
}

static int n_forms(const cli_cmd *cmd)
{
	int n = 0;
	while (n < 4 && cmd->usage[n])
		n++;
	return n;
}

/* One command in the list: its forms on one line when they fit ("config
 * get KEY | config set KEY VALUE"), else one a line; the summary in a
 * column to the right, or below when the line is too long for it. */
static void list_one(FILE *out, const cli_cmd *cmd)
{
	int n = n_forms(cmd), len = 2, col = 0;
	bool one_line = true;

	for (int f = 0; f < n; f++) {
		len += (f ? 3 : 0) + (int)strlen(cmd->name) + (*cmd->usage[f] ? 1 : 0) +
		       (int)strlen(cmd->usage[f]);
		one_line = one_line && !strchr(cmd->usage[f], '\n');
	}
	one_line = one_line && len <= WIDTH;
	for (int f = 0; f < n; f++) {
		if (f && !one_line)
			fputc('\n', out);
		col = put_form(out, f == 0 ? "  " : one_line ? " | " : "  ", cmd->name, cmd->usage[f]);
		if (one_line && f)
			col = len;
	}
	if (col + 2 > SUMMARY_COL || SUMMARY_COL + (int)strlen(cmd->summary) > WIDTH)
		fprintf(out, "\n%*s%s\n", SUMMARY_COL, "", cmd->summary);
	else
		fprintf(out, "%*s%s\n", SUMMARY_COL - col, "", cmd->summary);
}

void cli_help_all(FILE *out, const cli_cmd *const *cmds)
{
	fprintf(out, "usage: tellus [--db FILE] [--as NAME] [--today DATE] COMMAND [ARGS]\n"
		"Tellus: complaints and compliments for children's social care.\n\n");
	for (; *cmds; cmds++)
		list_one(out, *cmds);
	fprintf(out, "\n`tellus COMMAND --help` shows what a command does and its options.\n%s",
		GLOBALS);
}

/* Prints text from column col, breaking lines before WIDTH at spaces and
 * going on at column indent. */
static void wrap(FILE *out, const char *text, int col, int indent)
{
	while (*text) {
		size_t word = strcspn(text, " ");
		if (col > indent && col + 1 + (int)word > WIDTH) {
			col = fprintf(out, "\n%*s", indent, "") - 1;
		} else if (col > indent) {
			fputc(' ', out);
			col++;
		}
		col += fprintf(out, "%.*s", (int)word, text);
		text += word;
		text += strspn(text, " ");
	}
	fputc('\n', out);
}

/* "  --name ARG          help: one of a, b, c", the help in a column. */
static void put_opt(FILE *out, const cli_opt *o)
{
	char left[64], text[600], list[400] = "";
	int col = snprintf(left, sizeof left, "%s%s%s", o->name, o->arg ? " " : "",
			   o->arg ? o->arg : "");
	if (o->words)
		words_list(o->words, list, sizeof list);
	snprintf(text, sizeof text, "%s%s%s%s", o->help, *list ? ": one of " : "", list,
		 o->kind == CLI_OPT_LIST ? "; may be given again" : "");
	if (col > OPT_COL - 4)
		fprintf(out, "  %s\n%*s", left, OPT_COL, "");
	else
		fprintf(out, "  %-*s", OPT_COL - 2, left);
	wrap(out, text, OPT_COL, OPT_COL);
}

void cli_help_cmd(FILE *out, const cli_cmd *cmd)
{
	for (int f = 0; f < n_forms(cmd); f++) {
		put_form(out, f ? "   or: tellus [--db FILE] " : "usage: tellus [--db FILE] ", cmd->name,
			 cmd->usage[f]);
		fputc('\n', out);
	}
	fprintf(out, "\ntellus %s: %s\n%s%s", cmd->name, cmd->summary, cmd->about ? cmd->about : "",
		cmd->about ? "\n" : "");
	if (cmd->words) {
		char text[500], list[400];
		words_list(cmd->words, list, sizeof list);
		snprintf(text, sizeof text, "%s is one of %s", cmd->word, list);
		wrap(out, text, 0, 2);
	}
	if (cmd->opts && cmd->opts->name) {
		fprintf(out, "\noptions:\n");
		for (const cli_opt *o = cmd->opts; o->name; o++)
			put_opt(out, o);
	}
	fprintf(out, "\n%s", GLOBALS);
}
