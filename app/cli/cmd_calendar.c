/* cmd_calendar.c - `tellus workdays`, `holidays` and `closures`: the
 * working-day calendar for people and tests (SPEC section 2). workdays
 * uses the statutory calendar unless --closures asks for the authority's
 * closure days too. */
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int parse_date(cli_ctx *cx, const char *s, const char *what, tl_date *out)
{
	return date_parse(s, out, what, &cx->err);
}

/* Answers one query, "add DATE N" or "between A B", on one line of stdout. */
static int workdays_query(cli_ctx *cx, const tl_calendar *cal, const char *op, const char *x,
			  const char *y)
{
	tl_date a, b;
	long n;
	int rc, days;
	char out[TL_DATE_LEN];

	if (strcmp(op, "add") == 0) {
		if ((rc = parse_date(cx, x, "DATE", &a)) ||
		    (rc = cli_int(cx, y, "N", -10000, 10000, &n)) ||
		    (rc = cal_add_workdays(cal, a, (int)n, &b, &cx->err)))
			return rc;
		date_format(b, out);
		printf("%s\n", out);
		return TL_OK;
	}
	if (strcmp(op, "between") == 0) {
		if ((rc = parse_date(cx, x, "A", &a)) || (rc = parse_date(cx, y, "B", &b)) ||
		    (rc = cal_workdays_between(cal, a, b, &days, &cx->err)))
			return rc;
		printf("%d\n", days);
		return TL_OK;
	}
	return err_set(&cx->err, TL_EINVAL, "'%.20s' is not a query: add DATE N or between A B", op);
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
			err_set(&cx->err, TL_EINVAL, "the line is too long");
		} else {
			for (char *t = strtok_r(line, " \t\r\n", &save); t && k < 4;
			     t = strtok_r(NULL, " \t\r\n", &save))
				f[k++] = t;
			rc = k == 3 ? workdays_query(cx, cal, f[0], f[1], f[2])
				    : err_set(&cx->err, TL_EINVAL, "want add DATE N or between A B");
		}
		if (rc) {
			printf("error line %d: %s\n", lineno, cx->err.msg);
			failed++;
		}
	}
	if (failed)
		return err_set(&cx->err, TL_EINVAL, "%d of %d lines failed", failed, lineno);
	return TL_OK;
}

int cmd_workdays(cli_ctx *cx, int argc, char **argv)
{
	static const char usage[] = "workdays add DATE N | workdays between A B | "
				    "workdays batch (queries on stdin)  [--closures]";
	const tl_calendar *cal;
	bool closures = argc > 2 && strcmp(argv[argc - 1], "--closures") == 0;
	int rc;

	argc -= closures;
	if (argc != 4 && !(argc == 2 && strcmp(argv[1], "batch") == 0))
		return cli_usage(cx, usage);
	if ((rc = store_calendar(cx->st, closures, &cal, &cx->err)))
		return rc;
	if (argc == 2)
		return workdays_batch(cx, cal);
	if (strcmp(argv[1], "add") && strcmp(argv[1], "between"))
		return cli_usage(cx, usage);
	return workdays_query(cx, cal, argv[1], argv[2], argv[3]);
}

int cmd_holidays(cli_ctx *cx, int argc, char **argv)
{
	const tl_calendar *cal;
	tl_day_off days[400];
	size_t n;
	long year;
	int rc;
	char d[TL_DATE_LEN];

	if (argc != 2)
		return cli_usage(cx, "holidays YEAR");
	if ((rc = cli_int(cx, argv[1], "YEAR", CAL_FIRST_YEAR, CAL_LAST_YEAR, &year)) ||
	    (rc = store_calendar(cx->st, true, &cal, &cx->err)) ||
	    (rc = cal_holidays(cal, (int)year, days, sizeof days / sizeof days[0], &n, &cx->err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		date_format(days[i].date, d);
		printf("%s %s\n", d, days[i].name);
	}
	return TL_OK;
}

int cmd_closures(cli_ctx *cx, int argc, char **argv)
{
	static const char usage[] = "closures add DATE NAME | closures list | closures remove DATE";
	tl_date day;
	int rc;

	if (argc == 4 && strcmp(argv[1], "add") == 0) {
		if ((rc = parse_date(cx, argv[2], "DATE", &day)))
			return rc;
		return store_closure_add(cx->st, day, argv[3], &cx->err);
	}
	if (argc == 3 && strcmp(argv[1], "remove") == 0) {
		if ((rc = parse_date(cx, argv[2], "DATE", &day)))
			return rc;
		return store_closure_remove(cx->st, day, &cx->err);
	}
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		tl_day_off *days;
		size_t n;
		char d[TL_DATE_LEN];
		if ((rc = store_closure_list(cx->st, &days, &n, &cx->err)))
			return rc;
		for (size_t i = 0; i < n; i++) {
			date_format(days[i].date, d);
			printf("%s %s\n", d, days[i].name);
		}
		free(days);
		return TL_OK;
	}
	return cli_usage(cx, usage);
}
