/* cli_csv.c - the arguments `tellus import` and `tellus export` share:
 * FILE.csv (cases) or exactly one of --costs, --ombudsman, --context FILE.
 * Each command's own table names these options, with its own help. */
#include <string.h>
#include "cli.h"

int cli_csv_args(cli_ctx *cx, int argc, char **argv, cli_csv_opts *o, const char **path,
		 int *kind)
{
	cli_words w;
	int given = 0, rc;

	memset(o, 0, sizeof *o);
	if ((rc = cli_parse(cx, argc, argv, o, &w)))
		return rc;
	const char *files[4] = { w.n ? w.v[0] : NULL, o->costs, o->ombudsman, o->context };
	for (int k = 0; k < 4; k++)
		if (files[k])
			given++, *kind = k, *path = files[k];
	if (given == 1)
		return TL_OK;
	rc = cli_usage(cx);
	size_t n = strlen(cx->err.msg);
	snprintf(cx->err.msg + n, sizeof cx->err.msg - n, " (one file at a time)");
	return rc;
}
