/* fuzz_calendar.c - working-day arithmetic against a day-by-day walk.
 * The input picks a date in the calendar's range, a day count and some
 * closure days; cal_add_workdays must land where walking one day at a
 * time lands, on a working day, and cal_workdays_between must count the
 * same steps back. */
#include "fuzz.h"
#include "tellus/calendar.h"

static int take(const uint8_t **p, size_t *n, int bytes)
{
	int v = 0;
	for (int i = 0; i < bytes && *n; i++, (*p)++, (*n)--)
		v = v * 256 + **p;
	return v;
}

/* The reference: step one calendar day at a time (TL_NO_DATE when the
 * walk leaves the calendar). */
static tl_date walk(const tl_calendar *c, tl_date d, int n)
{
	int step = n < 0 ? -1 : 1;
	for (int left = n < 0 ? -n : n; left > 0;) {
		d += step;
		if (!cal_in_range(d))
			return TL_NO_DATE;
		if (cal_is_workday(c, d))
			left--;
	}
	return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_date first = date_from_ymd(CAL_FIRST_YEAR, 1, 1);
	tl_date last = date_from_ymd(CAL_LAST_YEAR, 12, 31);
	tl_day_off closures[8];
	size_t nc = 0;
	tl_calendar *cal = NULL;
	tl_err err = { { 0 } };

	tl_date d = first + take(&data, &size, 3) % (last - first + 1);
	int n = take(&data, &size, 2) % 801 - 400;
	while (size >= 2 && nc < 8) {
		closures[nc].date = d + take(&data, &size, 2) % 200 - 100;
		snprintf(closures[nc].name, CAL_NAME_MAX, "closure %zu", nc);
		nc++;
	}
	if (cal_new(closures, nc, &cal, &err))
		abort();
	tl_date want = walk(cal, d, n), got = TL_NO_DATE;
	int back = 0;
	if (want != TL_NO_DATE) {
		FUZZ_CHECK(cal_add_workdays(cal, d, n, &got, &err) == 0);
		FUZZ_CHECK(got == want);
		FUZZ_CHECK(n == 0 || cal_is_workday(cal, got));
		FUZZ_CHECK(cal_workdays_between(cal, d, got, &back, &err) == 0);
		FUZZ_CHECK(back == (n >= 0 ? n : n + !cal_is_workday(cal, d)));
	}
	cal_free(cal);
	return 0;
}
