/* test_calendar.c - bank holidays by rule for 1995-2099, the one-off days,
 * substitute days, and deadlines counted by hand around Christmas, Easter
 * and the 2020-2023 proclamations. Expected dates were worked out on a
 * paper calendar, not by running the code. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/calendar.h"

typedef struct {
	tl_calendar *plain;    /* bank holidays only: the statutory calendar */
	tl_calendar *closed;   /* with the closures below */
} cals;

static const tl_day_off CLOSURES[] = {
	{ 0, "Office closed" }, { 0, "Office closed" }, { 0, "Office closed" },
	{ 0, "Stocktake" }, { 0, "Office closed" },
};
static const char *const CLOSURE_DATES[] = {
	"2025-12-31", "2025-12-29", "2025-12-30", "2026-01-03", "2026-01-01",
};

static tl_date D(const char *s)
{
	tl_date t;
	tl_err err;
	if (date_parse(s, &t, "test", &err))
		fail_msg("%s", err.msg);
	return t;
}

static int teardown(void **state)
{
	cals *c = *state;
	if (c) {
		cal_free(c->plain);
		cal_free(c->closed);
	}
	free(c);
	return 0;
}

static int setup(void **state)
{
	cals *c = calloc(1, sizeof *c);
	tl_day_off days[5];
	tl_err err;

	*state = c;
	memcpy(days, CLOSURES, sizeof days);
	for (size_t i = 0; i < 5; i++)
		days[i].date = D(CLOSURE_DATES[i]);
	if (!c || cal_new(NULL, 0, &c->plain, &err) || cal_new(days, 5, &c->closed, &err)) {
		teardown(state);
		return -1;
	}
	return 0;
}

static const tl_calendar *plain(void **state) { return ((cals *)*state)->plain; }
static const tl_calendar *closed(void **state) { return ((cals *)*state)->closed; }

static void expect_add(const tl_calendar *c, const char *from, int n, const char *want)
{
	tl_date out;
	tl_err err;
	char got[TL_DATE_LEN];
	if (cal_add_workdays(c, D(from), n, &out, &err))
		fail_msg("%s + %d: %s", from, n, err.msg);
	date_format(out, got);
	if (strcmp(got, want))
		fail_msg("%s + %d working days: want %s, got %s", from, n, want, got);
}

static void expect_between(const tl_calendar *c, const char *a, const char *b, int want)
{
	int got;
	tl_err err;
	if (cal_workdays_between(c, D(a), D(b), &got, &err))
		fail_msg("%s..%s: %s", a, b, err.msg);
	if (got != want)
		fail_msg("working days after %s up to %s: want %d, got %d", a, b, want, got);
}

/* Is d among that year's bank holidays, under a name containing name? */
static bool is_holiday(const char *d, const char *name)
{
	tl_day_off days[16];
	tl_date t = D(d);
	int y, m, dd;
	date_to_ymd(t, &y, &m, &dd);
	size_t n = cal_bank_holidays(y, days, 16);
	for (size_t i = 0; i < n; i++)
		if (days[i].date == t && (!name || strstr(days[i].name, name)))
			return true;
	return false;
}

/* The first weekday on or after d. */
static tl_date weekday_from(tl_date d)
{
	while (date_weekday(d) >= 5)
		d++;
	return d;
}

static void one_off_days_since_1995_are_bank_holidays(void **state)
{
	(void)state;
	static const char *const days[][2] = {
		{ "1995-05-08", "Early May" }, { "1999-12-31", "Millennium" },
		{ "2002-06-03", "Golden Jubilee" }, { "2002-06-04", "Spring" },
		{ "2011-04-29", "Royal wedding" },
		{ "2012-06-04", "Spring" }, { "2012-06-05", "Diamond Jubilee" },
		{ "2020-05-08", "Early May" },
		{ "2022-06-02", "Spring" }, { "2022-06-03", "Platinum Jubilee" },
		{ "2022-09-19", "State Funeral" }, { "2023-05-08", "coronation" },
		{ "2023-05-01", "Early May" },
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++)
		if (!is_holiday(days[i][0], days[i][1]))
			fail_msg("%s is not the bank holiday '%s'", days[i][0], days[i][1]);
}

static void moved_days_leave_their_usual_mondays_working(void **state)
{
	static const char *const days[] = {
		"1995-05-01", "2002-05-27", "2012-05-28", "2020-05-04", "2022-05-30",
	};
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		if (is_holiday(days[i], NULL) || !cal_is_workday(plain(state), D(days[i])))
			fail_msg("%s should be a working day: its holiday moved", days[i]);
	}
}

static void every_year_has_8_bank_holidays_on_weekdays_plus_the_one_offs(void **state)
{
	(void)state;
	tl_day_off days[16];
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		size_t want = 8;
		if (y == 1999 || y == 2002 || y == 2011 || y == 2012 || y == 2023)
			want = 9;
		if (y == 2022)
			want = 10;
		size_t n = cal_bank_holidays(y, days, 16);
		if (n != want)
			fail_msg("%d has %zu bank holidays, want %zu", y, n, want);
		for (size_t i = 0; i < n; i++) {
			int yy, m, d;
			date_to_ymd(days[i].date, &yy, &m, &d);
			assert_int_equal(yy, y);
			assert_true(date_weekday(days[i].date) < 5);
			assert_true(days[i].name[0] != '\0');
			if (i > 0)
				assert_true(days[i].date > days[i - 1].date);
		}
	}
}

/* Christmas and Boxing Day, or their substitutes, are the first two
 * weekdays from 25 December; New Year's Day the first weekday of January. */
static void christmas_boxing_and_new_year_move_off_weekends(void **state)
{
	(void)state;
	char s[TL_DATE_LEN];
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		tl_date x = weekday_from(date_from_ymd(y, 12, 25));
		tl_date b = weekday_from(x + 1);
		tl_date ny = weekday_from(date_from_ymd(y, 1, 1));
		date_format(x, s);
		assert_true(is_holiday(s, "Christmas") || is_holiday(s, "Boxing"));
		date_format(b, s);
		assert_true(is_holiday(s, "Christmas") || is_holiday(s, "Boxing"));
		date_format(ny, s);
		assert_true(is_holiday(s, "New Year"));
	}
}

static void substitute_days_are_as_published(void **state)
{
	(void)state;
	assert_true(is_holiday("2020-12-28", "Boxing"));    /* Fri 25th */
	assert_true(is_holiday("2021-12-27", "Christmas")); /* Sat 25th */
	assert_true(is_holiday("2021-12-28", "Boxing"));
	assert_true(is_holiday("2022-12-26", "Boxing"));    /* Sun 25th */
	assert_true(is_holiday("2022-12-27", "Christmas"));
	assert_true(is_holiday("2022-01-03", "New Year"));  /* Sat 1st */
	assert_true(is_holiday("2023-01-02", "New Year"));  /* Sun 1st */
	assert_true(is_holiday("2000-01-03", "New Year"));
	assert_true(is_holiday("1999-12-27", "Christmas"));
	assert_true(is_holiday("1999-12-28", "Boxing"));
	assert_false(is_holiday("2021-12-29", NULL));
	assert_false(is_holiday("2020-12-29", NULL));
}

static void easter_good_friday_and_monday_by_rule(void **state)
{
	(void)state;
	/* Easter Sundays, including the earliest (2008) and latest (2038)
	 * in the calendar's range. */
	static const char *const easter[][3] = {
		{ "1995-04-14", "1995-04-17" }, { "2000-04-21", "2000-04-24" },
		{ "2008-03-21", "2008-03-24" }, { "2011-04-22", "2011-04-25" },
		{ "2016-03-25", "2016-03-28" }, { "2019-04-19", "2019-04-22" },
		{ "2024-03-29", "2024-04-01" }, { "2025-04-18", "2025-04-21" },
		{ "2026-04-03", "2026-04-06" }, { "2038-04-23", "2038-04-26" },
	};
	for (size_t i = 0; i < sizeof easter / sizeof easter[0]; i++) {
		assert_true(is_holiday(easter[i][0], "Good Friday"));
		assert_true(is_holiday(easter[i][1], "Easter Monday"));
	}
	tl_day_off days[16];
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		size_t n = cal_bank_holidays(y, days, 16);
		tl_date gf = TL_NO_DATE, em = TL_NO_DATE;
		for (size_t i = 0; i < n; i++) {
			if (strstr(days[i].name, "Good Friday"))
				gf = days[i].date;
			if (strstr(days[i].name, "Easter Monday"))
				em = days[i].date;
		}
		assert_int_equal(date_weekday(gf), 4);
		assert_int_equal(em, gf + 3);
		assert_true(gf >= date_from_ymd(y, 3, 20) && gf <= date_from_ymd(y, 4, 23));
	}
}

static void may_and_august_mondays_by_rule(void **state)
{
	(void)state;
	char s[TL_DATE_LEN];
	for (int y = CAL_FIRST_YEAR; y <= CAL_LAST_YEAR; y++) {
		tl_date early = date_from_ymd(y, 5, 1), spring = date_from_ymd(y, 5, 31);
		tl_date summer = date_from_ymd(y, 8, 31);
		while (date_weekday(early))
			early++;
		while (date_weekday(spring))
			spring--;
		while (date_weekday(summer))
			summer--;
		date_format(early, s);
		assert_true(is_holiday(s, "Early May") == (y != 1995 && y != 2020));
		date_format(spring, s);
		assert_true(is_holiday(s, "Spring") == (y != 2002 && y != 2012 && y != 2022));
		date_format(summer, s);
		assert_true(is_holiday(s, "Summer"));
	}
}

static void bank_holidays_never_write_past_cap(void **state)
{
	(void)state;
	tl_day_off two[2];
	/* ASan would catch a write past the array; the count says 10. */
	assert_int_equal(cal_bank_holidays(2022, two, 2), 10);
}

static void stage1_deadline_across_christmas_2025_is_2026_01_07(void **state)
{
	expect_add(plain(state), "2025-12-19", 10, "2026-01-07");
}

static void ten_and_twenty_days_after_mid_december(void **state)
{
	const tl_calendar *c = plain(state);
	expect_add(c, "2025-12-15", 10, "2025-12-31");
	expect_add(c, "2025-12-15", 20, "2026-01-15");
	expect_add(c, "2025-12-24", 10, "2026-01-12");
	expect_add(c, "2024-12-16", 10, "2025-01-02");
	expect_add(c, "2024-12-16", 20, "2025-01-16");
	expect_add(c, "2021-12-20", 5, "2021-12-29");   /* 25th a Saturday */
	expect_add(c, "2022-12-19", 5, "2022-12-28");   /* 25th a Sunday */
	expect_add(c, "2020-12-21", 4, "2020-12-29");   /* 25th a Friday */
}

static void deadlines_around_easter(void **state)
{
	const tl_calendar *c = plain(state);
	expect_add(c, "2025-04-14", 5, "2025-04-23");
	expect_add(c, "2025-04-14", 10, "2025-04-30");
	expect_add(c, "2025-04-17", 1, "2025-04-22");
	expect_add(c, "2024-03-28", 1, "2024-04-02");
}

static void deadlines_around_the_2020_to_2023_one_offs(void **state)
{
	const tl_calendar *c = plain(state);
	expect_add(c, "2020-05-01", 1, "2020-05-04");  /* VE day moved to Fri 8th */
	expect_add(c, "2020-05-01", 5, "2020-05-11");
	expect_add(c, "2022-05-27", 5, "2022-06-07");  /* Platinum Jubilee Thu-Fri */
	expect_add(c, "2022-06-01", 1, "2022-06-06");
	expect_add(c, "2022-09-16", 1, "2022-09-20");  /* the State Funeral */
	expect_add(c, "2023-04-28", 5, "2023-05-09");  /* two May Mondays off */
	expect_add(c, "2023-04-28", 10, "2023-05-16");
	expect_add(c, "1999-12-24", 1, "1999-12-29");  /* 27th, 28th substitutes */
	expect_add(c, "1999-12-30", 1, "2000-01-04");  /* Millennium, New Year */
}

static void start_day_is_day_0_even_at_a_weekend_or_holiday(void **state)
{
	const tl_calendar *c = plain(state);
	expect_add(c, "2025-12-20", 1, "2025-12-22");  /* Saturday */
	expect_add(c, "2025-12-21", 1, "2025-12-22");  /* Sunday */
	expect_add(c, "2025-12-25", 1, "2025-12-29");  /* Christmas Day */
	expect_add(c, "2025-12-20", 0, "2025-12-20");
	expect_add(c, "2025-12-25", 0, "2025-12-25");
	expect_add(c, "2025-12-22", 1, "2025-12-23");
	expect_add(c, "2025-12-19", 1, "2025-12-22");  /* Friday */
}

static void negative_n_counts_back(void **state)
{
	const tl_calendar *c = plain(state);
	expect_add(c, "2026-01-02", -1, "2025-12-31");
	expect_add(c, "2025-12-29", -1, "2025-12-24");
	expect_add(c, "2025-12-27", -1, "2025-12-24");  /* from a Saturday */
	expect_add(c, "2025-12-25", -1, "2025-12-24");  /* from a holiday */
	expect_add(c, "2026-01-07", -10, "2025-12-19");
	expect_add(c, "2025-04-22", -1, "2025-04-17");
}

static void between_counts_days_after_a_up_to_and_including_b(void **state)
{
	const tl_calendar *c = plain(state);
	expect_between(c, "2025-12-22", "2025-12-22", 0);
	expect_between(c, "2025-12-22", "2025-12-23", 1);
	expect_between(c, "2025-12-19", "2025-12-22", 1);  /* Fri to Mon */
	expect_between(c, "2025-12-20", "2025-12-21", 0);  /* Sat to Sun */
	expect_between(c, "2025-12-24", "2025-12-29", 1);
	expect_between(c, "2025-12-19", "2026-01-07", 10);
	expect_between(c, "2026-01-07", "2025-12-19", -10);
	expect_between(c, "2025-01-01", "2025-12-31", 261 - 8);  /* 261 weekdays */
}

/* Every day from 1996 to 2098 and n in -40..40: between inverts add, and a
 * working-day start comes back to itself. Counting back from a day that is
 * not a working day, that day itself is not among the days between. */
static void add_and_between_agree_on_every_day(void **state)
{
	const tl_calendar *c = plain(state);
	tl_err err;
	for (tl_date d = date_from_ymd(1996, 1, 1); d <= date_from_ymd(2098, 12, 31); d++)
		for (int n = -40; n <= 40; n += 7) {
			tl_date e, back;
			int k;
			assert_int_equal(cal_add_workdays(c, d, n, &e, &err), TL_OK);
			assert_int_equal(cal_workdays_between(c, d, e, &k, &err), TL_OK);
			int want = n >= 0 ? n : n + !cal_is_workday(c, d);
			if (k != want || (n != 0 && !cal_is_workday(c, e)))
				fail_msg("day %d + %d gives %d, %d between", d, n, e, k);
			if (cal_is_workday(c, d)) {
				assert_int_equal(cal_add_workdays(c, e, -n, &back, &err), TL_OK);
				assert_int_equal(back, d);
			}
		}
}

static void closures_count_only_in_a_calendar_built_with_them(void **state)
{
	expect_add(plain(state), "2025-12-24", 1, "2025-12-29");
	expect_add(closed(state), "2025-12-24", 1, "2026-01-02");
	expect_add(closed(state), "2025-12-19", 10, "2026-01-12");
	expect_add(closed(state), "2026-01-02", -1, "2025-12-24");
	expect_between(plain(state), "2025-12-24", "2026-01-02", 4);
	expect_between(closed(state), "2025-12-24", "2026-01-02", 1);
	assert_true(cal_is_workday(plain(state), D("2025-12-30")));
	assert_false(cal_is_workday(closed(state), D("2025-12-30")));
	assert_false(cal_is_workday(plain(state), D("2025-12-27")));
}

static void holidays_list_closures_once_and_in_date_order(void **state)
{
	tl_day_off days[32];
	size_t n;
	tl_err err;
	assert_int_equal(cal_holidays(closed(state), 2025, days, 32, &n, &err), TL_OK);
	assert_int_equal(n, 8 + 3);
	assert_int_equal(days[8].date, D("2025-12-29"));
	assert_string_equal(days[8].name, "Office closed");
	assert_int_equal(days[10].date, D("2025-12-31"));
	assert_int_equal(cal_holidays(closed(state), 2026, days, 32, &n, &err), TL_OK);
	assert_int_equal(n, 8 + 1);  /* 1 January is already a bank holiday */
	assert_int_equal(days[0].date, D("2026-01-01"));
	assert_non_null(strstr(days[0].name, "New Year"));
	assert_int_equal(days[1].date, D("2026-01-03"));
	assert_string_equal(days[1].name, "Stocktake");
	assert_int_equal(cal_holidays(plain(state), 2025, days, 32, &n, &err), TL_OK);
	assert_int_equal(n, 8);
	assert_int_equal(cal_holidays(closed(state), 2025, days, 4, &n, &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "year 2025: more than 4 non-working days"));
}

static void refused(int rc, const tl_err *err, const char *want)
{
	assert_int_equal(rc, TL_EINVAL);
	if (!strstr(err->msg, want))
		fail_msg("message '%s' lacks '%s'", err->msg, want);
}

static void dates_outside_1995_to_2099_are_refused(void **state)
{
	const tl_calendar *c = plain(state);
	tl_date out = 7;
	int k;
	tl_day_off days[16];
	size_t n;
	tl_err err;
	refused(cal_add_workdays(c, D("1994-12-31"), 1, &out, &err), &err,
		"date: '1994-12-31' is outside the calendar (1995-01-01 to 2099-12-31)");
	refused(cal_add_workdays(c, D("2100-01-01"), -1, &out, &err), &err,
		"'2100-01-01' is outside the calendar");
	refused(cal_workdays_between(c, D("2025-01-01"), D("2100-01-01"), &k, &err), &err,
		"'2100-01-01' is outside the calendar");
	refused(cal_workdays_between(c, D("1990-01-01"), D("2025-01-01"), &k, &err), &err,
		"'1990-01-01' is outside the calendar");
	refused(cal_add_workdays(c, D("2099-12-01"), 10000, &out, &err), &err,
		"working days: 10000 from that date is outside the calendar");
	refused(cal_add_workdays(c, D("1995-01-02"), -10000, &out, &err), &err,
		"outside the calendar");
	assert_int_equal(out, 7);
	refused(cal_holidays(c, 1994, days, 16, &n, &err), &err, "year: '1994' is outside");
	refused(cal_holidays(c, 2100, days, 16, &n, &err), &err, "year: '2100' is outside");
	assert_true(cal_in_range(D("1995-01-01")) && cal_in_range(D("2099-12-31")));
	/* The last and first days still reach a little past the range ends. */
	expect_add(c, "2099-12-31", 5, "2100-01-08");
	expect_add(c, "1995-01-02", -1, "1994-12-30");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_off_days_since_1995_are_bank_holidays),
		cmocka_unit_test(moved_days_leave_their_usual_mondays_working),
		cmocka_unit_test(every_year_has_8_bank_holidays_on_weekdays_plus_the_one_offs),
		cmocka_unit_test(christmas_boxing_and_new_year_move_off_weekends),
		cmocka_unit_test(substitute_days_are_as_published),
		cmocka_unit_test(easter_good_friday_and_monday_by_rule),
		cmocka_unit_test(may_and_august_mondays_by_rule),
		cmocka_unit_test(bank_holidays_never_write_past_cap),
		cmocka_unit_test(stage1_deadline_across_christmas_2025_is_2026_01_07),
		cmocka_unit_test(ten_and_twenty_days_after_mid_december),
		cmocka_unit_test(deadlines_around_easter),
		cmocka_unit_test(deadlines_around_the_2020_to_2023_one_offs),
		cmocka_unit_test(start_day_is_day_0_even_at_a_weekend_or_holiday),
		cmocka_unit_test(negative_n_counts_back),
		cmocka_unit_test(between_counts_days_after_a_up_to_and_including_b),
		cmocka_unit_test(add_and_between_agree_on_every_day),
		cmocka_unit_test(closures_count_only_in_a_calendar_built_with_them),
		cmocka_unit_test(holidays_list_closures_once_and_in_date_order),
		cmocka_unit_test(dates_outside_1995_to_2099_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
