/* cmd_holidays.c - `tellus holidays YEAR`: the year's non-working days,
 * bank holidays and the authority's closure days, one a line. */
#include "cli.h"

static int cmd_holidays(cli_ctx *cx, int argc, char **argv)
{
	const tl_calendar *cal;
	tl_day_off days[400];
	cli_words w;
	size_t n;
	long year;
	int rc;
	char d[TL_DATE_LEN];

	if ((rc = cli_parse(cx, argc, argv, NULL, &w)) ||
	    (rc = cli_int(cx, w.v[0], "YEAR", CAL_FIRST_YEAR, CAL_LAST_YEAR, &year)) ||
	    (rc = store_calendar(cx->st, true, &cal, &cx->err)) ||
	    (rc = cal_holidays(cal, (int)year, days, sizeof days / sizeof days[0], &n, &cx->err)))
		return rc;
	for (size_t i = 0; i < n; i++) {
		date_format(days[i].date, d);
		printf("%s %s\n", d, days[i].name);
	}
	return TL_OK;
}

const cli_cmd CLI_HOLIDAYS = {
	.name = "holidays", .fn = cmd_holidays,
	.usage = { "YEAR" },
	.summary = "non-working days of a year",
	.about = "Bank holidays of England and Wales and the authority's closure days,\n"
		 "one \"YYYY-MM-DD name\" a line.",
	.min_words = 1, .max_words = 1,
};
