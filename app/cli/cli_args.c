/* cli_args.c - reading a command's arguments by its table (cli.h): the
 * options into the command's own struct, the other words in order, and
 * the small conversions every command shares (numbers, dates, words). */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tellus/procedure.h"

static bool is_option(const char *s)
{
	return s[0] == '-' && s[1] == '-';
}

static const cli_opt *find_opt(const cli_opt *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

/* Puts the value of option o (argv[*i], and the word after it for a value)
 * into the command's struct. */
static int take_opt(cli_ctx *cx, const cli_opt *o, int argc, char **argv, int *i, char *opts)
{
	if (o->kind == CLI_OPT_FLAG) {
		*(bool *)(opts + o->off) = true;
		return TL_OK;
	}
	if (*i + 1 >= argc)
		return err_set(&cx->err, TL_EINVAL, "%s: needs a value (%s %s)", o->name, o->name,
			       o->arg);
	const char *v = argv[++*i];
	if (o->kind == CLI_OPT_VALUE) {
		*(const char **)(opts + o->off) = v;
		return TL_OK;
	}
	cli_list *l = (cli_list *)(opts + o->off);
	size_t max = sizeof l->v / sizeof l->v[0];
	if (l->n >= max)
		return err_set(&cx->err, TL_EINVAL, "%s: at most %zu", o->name, max);
	l->v[l->n++] = v;
	return TL_OK;
}

int cli_parse(cli_ctx *cx, int argc, char **argv, void *opts, cli_words *w)
{
	const cli_cmd *cmd = cx->cmd;
	int rc;

	w->n = 0;
	for (int i = 1; i < argc; i++) {
		if (!is_option(argv[i])) {
			if (w->n >= cmd->max_words || w->n >= CLI_MAX_WORDS)
				return cli_usage(cx);
			w->v[w->n++] = argv[i];
			continue;
		}
		const cli_opt *o = find_opt(cmd->opts, argv[i]);
		if (!o)
			return err_set(&cx->err, TL_EINVAL, "unknown option '%.40s' (see tellus %s --help)",
				       argv[i], cmd->name);
		if ((rc = take_opt(cx, o, argc, argv, &i, opts)))
			return rc;
	}
	return w->n < cmd->min_words ? cli_usage(cx) : TL_OK;
}

int cli_usage(cli_ctx *cx)
{
	const cli_cmd *cmd = cx->cmd;
	char line[sizeof cx->err.msg];
	size_t used = 0;

	for (int f = 0; f < 4 && cmd->usage[f] && used < sizeof line; f++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s%s%s", f ? " | " : "",
					 cmd->name, *cmd->usage[f] ? " " : "", cmd->usage[f]);
	/* A wrapped form is still one line in a message. */
	for (char *p = line; (p = strchr(p, '\n'));)
		*p = ' ';
	return err_set(&cx->err, TL_EINVAL, "usage: tellus %s", line);
}

int cli_int(cli_ctx *cx, const char *s, const char *what, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return err_set(&cx->err, TL_EINVAL, "%s: '%.40s' must be a whole number from %ld to %ld",
			       what, s, lo, hi);
	*out = v;
	return TL_OK;
}

int cli_stage(cli_ctx *cx, const char *s, int *n)
{
	long v = 0;
	int rc = s ? cli_int(cx, s, "--stage", 1, PROC_MAX_STAGES, &v) : TL_OK;
	*n = (int)v;
	return rc;
}

int cli_date(cli_ctx *cx, const char *s, const char *what, tl_date *out)
{
	if (!s) {
		*out = store_today(cx->st);
		return TL_OK;
	}
	return date_parse(s, out, what, &cx->err);
}

int cli_word(cli_ctx *cx, const tl_wordset *set, const char *s, const char *what, int *out)
{
	char list[400];
	*out = words_find(set, s);
	if (*out >= 0)
		return TL_OK;
	words_list(set, list, sizeof list);
	if (!s)
		return err_set(&cx->err, TL_EINVAL, "%s: is required (one of %s)", what, list);
	return err_set(&cx->err, TL_EINVAL, "%s: '%.40s' is not one of %s", what, s, list);
}

int cli_ref_date(cli_ctx *cx, int argc, char **argv, const char **ref, tl_date *d)
{
	cli_dated o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	*ref = w.v[0];
	return cli_date(cx, o.date, "--date", d);
}
