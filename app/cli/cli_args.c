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
