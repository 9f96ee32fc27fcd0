/* cmd_workdays.c - `tellus workdays add DATE N | between A B | batch`:
 * working-day sums for people and tests (SPEC section 2), by the
 * statutory calendar unless --closures asks for the authority's closure
 * days too. */
#include <string.h>
#include "cli.h"

typedef struct {
	bool closures;
} opts;

static const cli_opt OPTS[] = {
	{ "--closures", NULL, "count the authority's closure days as non-working too",
	  CLI_FLAG(opts, closures) },
	{ NULL },
};

/* Answers one query, "add DATE N" or "between A B", on one line of stdout. */
static int workdays_query(cli_ctx *cx, const tl_calendar *cal, const char *op, const char *x,
			  const char *y)
{
	tl_date a, b;
	long n;
	int rc, days;
	char out[TL_DATE_LEN];

	if (strcmp(op, "add") == 0) {
		if ((rc = date_parse(x, &a, "DATE", &cx->err)) ||
		    (rc = cli_int(cx, y, "N", -10000, 10000, &n)) ||
		    (rc = cal_add_workdays(cal, a, (int)n, &b, &cx->err)))
			return rc;
		date_format(b, out);
		printf("%s\n", out);
		return TL_OK;
	}
	if (strcmp(op, "between") == 0) {
		if ((rc = date_parse(x, &a, "A", &cx->err)) || (rc = date_parse(y, &b, "B", &cx->err)) ||
		    (rc = cal_workdays_between(cal, a, b, &days, &cx->err)))
			return rc;
		printf("%d\n", days);
		return TL_OK;
	}
	return err_set(&cx->err, TL_EINVAL, "query: '%.40s' is not add DATE N or between A B", op);
}

/* Reads one query a line from stdin and prints one answer a line; a line
 * that fails prints "error line N: why" in its place, so that the answers
 * stay in step with the questions. Fails at the end if any line failed. */
static int workdays_batch(cli_ctx *cx, const tl_calendar *cal)
{
	char line[256], *f[4], *save;
	int lineno = 0, failed = 0;

	while (fgets(line, sizeof line, stdin)) {
		int k = 0, rc = TL_EINVAL;
		lineno++;
		if (!strchr(line, '\n') && !feof(stdin)) {
			for (int ch; (ch = getchar()) != EOF && ch != '\n';)
				;
			err_set(&cx->err, TL_EINVAL, "query: the line is too long");
		} else {
			for (char *t = strtok_r(line, " \t\r\n", &save); t && k < 4;
			     t = strtok_r(NULL, " \t\r\n", &save))
				f[k++] = t;
			rc = k == 3 ? workdays_query(cx, cal, f[0], f[1], f[2])
				    : err_set(&cx->err, TL_EINVAL, "query: three words are needed: "
					      "add DATE N or between A B");
		}
		if (rc) {
			printf("error line %d: %s\n", lineno, cx->err.msg);
			failed++;
		}
	}
	if (failed)
		return err_set(&cx->err, TL_EINVAL, "standard input: %d of %d lines failed", failed,
			       lineno);
	return TL_OK;
}

static int cmd_workdays(cli_ctx *cx, int argc, char **argv)
{
	const tl_calendar *cal;
	opts o = { 0 };
	cli_words w;
	int rc;

	if ((rc = cli_parse(cx, argc, argv, &o, &w)))
		return rc;
	bool batch = w.n == 1 && strcmp(w.v[0], "batch") == 0;
	bool query = w.n == 3 && (strcmp(w.v[0], "add") == 0 || strcmp(w.v[0], "between") == 0);
	if (!batch && !query)
		return cli_usage(cx);
	if ((rc = store_calendar(cx->st, o.closures, &cal, &cx->err)))
		return rc;
	if (batch)
		return workdays_batch(cx, cal);
	return workdays_query(cx, cal, w.v[0], w.v[1], w.v[2]);
}

const cli_cmd CLI_WORKDAYS = {
	.name = "workdays", .fn = cmd_workdays,
	.usage = { "add DATE N [--closures]", "between A B [--closures]", "batch [--closures]" },
	.summary = "working-day sums",
	.about = "add: the date N working days after DATE. between: how many working days\n"
		 "after A up to and including B. batch: one query a line on standard input\n"
		 "(add DATE N or between A B), one answer a line.",
	.opts = OPTS, .min_words = 1, .max_words = 3,
};
