/* cli_args.c - small helpers for reading subcommand arguments. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

const char *cli_value(cli_ctx *cx, int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		err_set(&cx->err, TL_EINVAL, "%s needs a value", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

int cli_usage(cli_ctx *cx, const char *usage)
{
	return err_set(&cx->err, TL_EINVAL, "usage: tellus %s", usage);
}

int cli_int(cli_ctx *cx, const char *s, const char *what, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return err_set(&cx->err, TL_EINVAL, "%s: '%.30s' must be a whole number from %ld to %ld",
			       what, s, lo, hi);
	*out = v;
	return TL_OK;
}

static const cli_opt *find_opt(const cli_opt *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts;
	return NULL;
}

int cli_parse(cli_ctx *cx, int argc, char **argv, const cli_opt *opts, const char **pos,
	      int max_pos, int *n_pos)
{
	*n_pos = 0;
	for (int i = 1; i < argc; i++) {
		const cli_opt *o = argv[i][0] == '-' && argv[i][1] == '-' ? find_opt(opts, argv[i]) : NULL;
		if (!o && argv[i][0] == '-' && argv[i][1] == '-')
			return err_set(&cx->err, TL_EINVAL, "unknown option '%.40s'", argv[i]);
		if (!o) {
			if (*n_pos >= max_pos)
				return err_set(&cx->err, TL_EINVAL, "unexpected '%.40s'", argv[i]);
			pos[(*n_pos)++] = argv[i];
			continue;
		}
		if (o->flag) {
			*o->flag = true;
			continue;
		}
		const char *v = cli_value(cx, argc, argv, &i);
		if (!v)
			return TL_EINVAL;
		if (o->more) {
			if (*o->n_more >= 16)
				return err_set(&cx->err, TL_EINVAL, "%s: at most 16", o->name);
			o->more[(*o->n_more)++] = v;
		} else {
			*o->value = v;
		}
	}
	return TL_OK;
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
		return err_set(&cx->err, TL_EINVAL, "%s is needed: one of %s", what, list);
	return err_set(&cx->err, TL_EINVAL, "%s: '%.40s' is not one of %s", what, s, list);
}

int cli_ref_date(cli_ctx *cx, int argc, char **argv, const char *usage, const char **ref,
		 tl_date *d)
{
	const char *date = NULL, *pos[1];
	const cli_opt opts[] = { { "--date", &date }, { NULL } };
	int n_pos, rc;

	if ((rc = cli_parse(cx, argc, argv, opts, pos, 1, &n_pos)))
		return rc;
	if (n_pos != 1)
		return cli_usage(cx, usage);
	*ref = pos[0];
	return cli_date(cx, date, "--date", d);
}
