/* test_date.c - day numbers, weekdays, strict date parsing and formatting.
 * The conversions are checked against a plain day counter over every day
 * from 1900 to 2199, so an off-by-one at any month or leap day shows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/date.h"

static void every_day_1900_to_2199_round_trips_and_counts_up_by_one(void **state)
{
	(void)state;
	tl_date expect = date_from_ymd(1900, 1, 1);
	int days = 0;
	for (int y = 1900; y <= 2199; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; date_valid_ymd(y, m, d); d++, expect++, days++) {
				int yy, mm, dd;
				assert_int_equal(date_from_ymd(y, m, d), expect);
				date_to_ymd(expect, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
			}
	/* 300 years: 75 years divisible by 4, less 1900 and 2100. */
	assert_int_equal(days, 300 * 365 + 73);
}

static void day_zero_is_1970_01_01(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
}

static void weekday_is_0_for_monday_and_steps_by_one(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 0);   /* Monday */
	assert_int_equal(date_weekday(date_from_ymd(1970, 1, 1)), 3);   /* Thursday */
	assert_int_equal(date_weekday(date_from_ymd(2025, 12, 25)), 3); /* Thursday */
	assert_int_equal(date_weekday(date_from_ymd(2022, 9, 19)), 0);  /* Monday */
	assert_int_equal(date_weekday(date_from_ymd(2020, 5, 8)), 4);   /* Friday */
	assert_int_equal(date_weekday(date_from_ymd(2021, 12, 25)), 5); /* Saturday */
	assert_int_equal(date_weekday(date_from_ymd(2022, 12, 25)), 6); /* Sunday */
	tl_date first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2199, 12, 31);
	for (tl_date t = first; t < last; t++)
		assert_int_equal(date_weekday(t + 1), (date_weekday(t) + 1) % 7);
}

static void leap_years_follow_the_gregorian_rule(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_true(date_valid_ymd(2000, 2, 29));
	assert_false(date_valid_ymd(2023, 2, 29));
	assert_false(date_valid_ymd(1900, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_false(date_valid_ymd(2025, 4, 31));
	assert_false(date_valid_ymd(2025, 13, 1));
	assert_false(date_valid_ymd(2025, 0, 1));
	assert_false(date_valid_ymd(2025, 1, 0));
}

static void parse_ok(const char *s, int y, int m, int d)
{
	tl_date t = 12345;
	tl_err err = { { 0 } };
	assert_int_equal(date_parse(s, &t, "received", &err), TL_OK);
	assert_int_equal(t, date_from_ymd(y, m, d));
}

/* Refused, leaving *out alone, with one line naming the field and saying want. */
static void parse_refused(const char *s, const char *want)
{
	tl_date t = 12345;
	tl_err err = { { 0 } };
	assert_int_equal(date_parse(s, &t, "received", &err), TL_EINVAL);
	assert_int_equal(t, 12345);
	assert_non_null(strstr(err.msg, "received: "));
	if (!strstr(err.msg, want))
		fail_msg("'%s': message '%s' lacks '%s'", s ? s : "(null)", err.msg, want);
	assert_null(strchr(err.msg, '\n'));
}

static void date_parse_accepts_2024_02_29_and_the_range_ends(void **state)
{
	(void)state;
	parse_ok("2024-02-29", 2024, 2, 29);
	parse_ok("2000-02-29", 2000, 2, 29);
	parse_ok("1900-01-01", 1900, 1, 1);
	parse_ok("2199-12-31", 2199, 12, 31);
	parse_ok("2025-12-31", 2025, 12, 31);
}

static void date_parse_refuses_days_that_do_not_exist(void **state)
{
	(void)state;
	parse_refused("2023-02-29", "'2023-02-29' is not a real date");
	parse_refused("2025-02-30", "'2025-02-30' is not a real date");
	parse_refused("1900-02-29", "is not a real date");
	parse_refused("2025-04-31", "is not a real date");
	parse_refused("2025-13-01", "is not a real date");
	parse_refused("2025-00-10", "is not a real date");
	parse_refused("2025-01-00", "is not a real date");
	parse_refused("2025-01-32", "is not a real date");
	parse_refused("1899-12-31", "is not a real date");
	parse_refused("2200-01-01", "is not a real date");
}

static void date_parse_refuses_any_other_shape(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2025-1-01", "2025/01/01", "20250101", "25-01-01", "2025-01-1",
		" 2025-01-01", "2025-01-01 ", "2025-01-0a", "+025-01-01", "-025-01-01",
		"2025-01-01x", "2025--01-01", "01-01-2025", "2025-0\xef\xbc\x91-01", "today",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		parse_refused(bad[i], "is not a date of the form YYYY-MM-DD");
	parse_refused("", "a date is needed");
	parse_refused(NULL, "a date is needed");
}

static void date_format_writes_yyyy_mm_dd_and_nothing_for_no_date(void **state)
{
	(void)state;
	char s[TL_DATE_LEN];
	date_format(date_from_ymd(2026, 1, 7), s);
	assert_string_equal(s, "2026-01-07");
	date_format(date_from_ymd(1900, 1, 1), s);
	assert_string_equal(s, "1900-01-01");
	date_format(TL_NO_DATE, s);
	assert_string_equal(s, "");
	tl_err err;
	for (tl_date t = date_from_ymd(1995, 1, 1); t <= date_from_ymd(2099, 12, 31); t += 13) {
		tl_date back;
		date_format(t, s);
		assert_int_equal(date_parse(s, &back, "d", &err), TL_OK);
		assert_int_equal(back, t);
	}
}

static void date_today_comes_from_tellus_today(void **state)
{
	(void)state;
	tl_date t;
	tl_err err;
	assert_int_equal(setenv("TELLUS_TODAY", "2026-01-15", 1), 0);
	assert_int_equal(date_today(&t, &err), TL_OK);
	assert_int_equal(t, date_from_ymd(2026, 1, 15));
	assert_int_equal(setenv("TELLUS_TODAY", "2026-02-30", 1), 0);
	assert_int_equal(date_today(&t, &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "TELLUS_TODAY: '2026-02-30' is not a real date"));
	unsetenv("TELLUS_TODAY");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_day_1900_to_2199_round_trips_and_counts_up_by_one),
		cmocka_unit_test(day_zero_is_1970_01_01),
		cmocka_unit_test(weekday_is_0_for_monday_and_steps_by_one),
		cmocka_unit_test(leap_years_follow_the_gregorian_rule),
		cmocka_unit_test(date_parse_accepts_2024_02_29_and_the_range_ends),
		cmocka_unit_test(date_parse_refuses_days_that_do_not_exist),
		cmocka_unit_test(date_parse_refuses_any_other_shape),
		cmocka_unit_test(date_format_writes_yyyy_mm_dd_and_nothing_for_no_date),
		cmocka_unit_test(date_today_comes_from_tellus_today),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
