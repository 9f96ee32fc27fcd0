/* cmd_import.c - `tellus import FILE.csv` (cases) and `--costs FILE`,
 * `--ombudsman FILE`, `--context FILE`: a thin front end over csvio.h.
 * Each file is all or nothing; the one-line summary says how many rows
 * went in and how many were there already, and names the service areas
 * and teams the file brought that the lists did not have. */
#include <string.h>
#include "cli.h"
#include "tellus/csvio.h"
#include "tellus/lists.h"

static const cli_opt OPTS[] = {
	{ "--costs", "FILE", "costs: date,category,amount,ref (pounds)", CLI_VALUE(cli_csv_opts, costs) },
	{ "--ombudsman", "FILE", "Ombudsman decisions: ref,received,decided,decision",
	  CLI_VALUE(cli_csv_opts, ombudsman) },
	{ "--context", "FILE", "context figures: year,measure,value", CLI_VALUE(cli_csv_opts, context) },
	{ NULL },
};

/* The names of a list, each between '\n's, to tell the new ones after. */
typedef struct {
	char text[8192];
	size_t used;
} names_seen;

static int keep_name(const tl_list_item *it, void *arg)
{
	names_seen *n = arg;
	if (n->used < sizeof n->text)
		n->used += (size_t)snprintf(n->text + n->used, sizeof n->text - n->used, "%s%s\n",
					    n->used ? "" : "\n", it->name);
	return TL_OK;
}

typedef struct {
	const names_seen *before;
	char *out;
	size_t cap;
	int n;
} names_new;

static int note_new(const tl_list_item *it, void *arg)
{
	names_new *nn = arg;
	char line[256];
	snprintf(line, sizeof line, "\n%s\n", it->name);
	if (strstr(nn->before->text, line))
		return TL_OK;
	size_t used = strlen(nn->out);
	snprintf(nn->out + used, nn->cap - used, "%s%s", nn->n++ ? ", " : "", it->name);
	return TL_OK;
}

/* "; 2 new service areas: A, B": the names an import added to a list, so
 * that a typo is seen at once (and mended with tellus services merge). */
static int say_new(cli_ctx *cx, tl_list_kind kind, const names_seen *before)
{
	char names[2048] = "";
	names_new nn = { before, names, sizeof names, 0 };
	int rc = lists_each_name(cx->st, kind, note_new, &nn, &cx->err);
	if (rc == TL_OK && nn.n)
		printf("; %d new %s%s: %s", nn.n, lists_what(kind), nn.n == 1 ? "" : "s", names);
	return rc;
}

static int cmd_import(cli_ctx *cx, int argc, char **argv)
{
	static int (*const fns[4])(tl_store *, const char *, tl_csvio_result *, tl_err *) = {
		csvio_import_cases, csvio_import_costs, csvio_import_ombudsman,
		csvio_import_context,
	};
	const char *path = NULL;
	cli_csv_opts o;
	tl_csvio_result res;
	int kind = 0, rc;

	static names_seen services, teams;
	if ((rc = cli_csv_args(cx, argc, argv, &o, &path, &kind)) ||
	    (rc = lists_each_name(cx->st, TL_LIST_SERVICES, keep_name, &services, &cx->err)) ||
	    (rc = lists_each_name(cx->st, TL_LIST_TEAMS, keep_name, &teams, &cx->err)) ||
	    (rc = fns[kind](cx->st, path, &res, &cx->err)))
		return rc;
	printf("%ld added, %ld already present", res.added, res.present);
	if ((rc = say_new(cx, TL_LIST_SERVICES, &services)) ||
	    (rc = say_new(cx, TL_LIST_TEAMS, &teams)))
		return rc;
	printf("\n");
	return TL_OK;
}

const cli_cmd CLI_IMPORT = {
	.name = "import", .fn = cmd_import,
	.usage = { "FILE.csv", "--costs|--ombudsman|--context FILE" },
	.summary = "read cases or figures from CSV",
	.about = "One file at a time: UTF-8 CSV with a header row, columns matched by name.\n"
		 "A file is all or nothing: the first bad value stops it, naming the line and\n"
		 "column. Importing a file again adds nothing.",
	.opts = OPTS, .min_words = 0, .max_words = 1,
};
