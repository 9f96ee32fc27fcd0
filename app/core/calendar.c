/* calendar.c - England and Wales working days, in constant time a query.
 * Regulation 2 of SI 2006/1738: a working day is any day but a Saturday,
 * a Sunday, Christmas Day, Good Friday or a bank holiday in England and
 * Wales. cal_new() marks every day from 1994 to 2101 once and keeps a
 * running count of working days; a query is then two array look-ups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/calendar.h"

/* One year each side of the supported range, so that a deadline near
 * either end can still be computed. */
#define SPAN_FIRST 1994
#define SPAN_LAST 2101

enum { DAY_WORK, DAY_WEEKEND, DAY_HOLIDAY, DAY_CLOSURE };

struct tl_calendar {
	tl_date base;     /* SPAN_FIRST-01-01 */
	int n_days;
	unsigned char *kind;
	int *cum;         /* working days in [base, base + i] */
	int *nth;         /* nth[k]: offset of the k-th working day (k >= 1) */
	int n_work;
	tl_day_off *closures;
	size_t n_closures;
};

/* Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static tl_date easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31;
	int day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(y, month, day);
}

/* The first Monday on or after d. */
static tl_date monday_from(tl_date d)
{
	return d + (7 - date_weekday(d)) % 7;
}

static tl_date last_monday(int y, int m)
{
	tl_date end = date_from_ymd(y, m + 1, 1) - 1;
	return end - date_weekday(end);
}

static void put(tl_day_off *out, size_t cap, size_t *n, tl_date d, const char *name)
{
	if (*n < cap) {
		out[*n].date = d;
		snprintf(out[*n].name, sizeof out[*n].name, "%s", name);
	}
	(*n)++;
}

static int by_date(const void *a, const void *b)
{
	const tl_day_off *x = a, *y = b;
	return (x->date > y->date) - (x->date < y->date);
}

/* The proclamations that moved or added days since 1995. */
static void one_offs(int y, tl_date *early_may, tl_date *spring,
		     tl_day_off *out, size_t cap, size_t *n)
{
	switch (y) {
	case 1995: *early_may = date_from_ymd(1995, 5, 8); break; /* VE Day 50 */
	case 1999: put(out, cap, n, date_from_ymd(1999, 12, 31), "Millennium Celebrations"); break;
	case 2002:
		*spring = date_from_ymd(2002, 6, 4);
		put(out, cap, n, date_from_ymd(2002, 6, 3), "Queen’s Golden Jubilee");
		break;
	case 2011: put(out, cap, n, date_from_ymd(2011, 4, 29), "Royal wedding"); break;
	case 2012:
		*spring = date_from_ymd(2012, 6, 4);
		put(out, cap, n, date_from_ymd(2012, 6, 5), "Queen’s Diamond Jubilee");
		break;
	case 2020: *early_may = date_from_ymd(2020, 5, 8); break; /* VE Day 75 */
	case 2022:
		*spring = date_from_ymd(2022, 6, 2);
		put(out, cap, n, date_from_ymd(2022, 6, 3), "Platinum Jubilee bank holiday");
		put(out, cap, n, date_from_ymd(2022, 9, 19),
		    "Bank Holiday for the State Funeral of Queen Elizabeth II");
		break;
	case 2023: put(out, cap, n, date_from_ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III"); break;
	default: break;
	}
}

size_t cal_bank_holidays(int y, tl_day_off *out, size_t cap)
{
	size_t n = 0;
	tl_date e = easter(y);
	tl_date early_may = monday_from(date_from_ymd(y, 5, 1));
	tl_date spring = last_monday(y, 5);

	/* A day moved off a weekend is named as gov.uk names it: "Boxing Day
	 * (substitute day)" (its published list gives the day's title, with
	 * "Substitute day" in a note beside it). */
	tl_date ny = date_from_ymd(y, 1, 1);
	put(out, cap, &n, date_weekday(ny) >= 5 ? monday_from(ny) : ny, date_weekday(ny) >= 5
	    ? "New Year’s Day (substitute day)" : "New Year’s Day");
	put(out, cap, &n, e - 2, "Good Friday");
	put(out, cap, &n, e + 1, "Easter Monday");
	one_offs(y, &early_may, &spring, out, cap, &n);
	/* Both moves of the early May holiday (1995, 2020) were for VE Day,
	 * and the published list names the day so. */
	put(out, cap, &n, early_may, early_may == monday_from(date_from_ymd(y, 5, 1))
	    ? "Early May bank holiday" : "Early May bank holiday (VE day)");
	put(out, cap, &n, spring, "Spring bank holiday");
	put(out, cap, &n, last_monday(y, 8), "Summer bank holiday");

	/* Christmas and Boxing Day at a weekend move to the next weekdays not
	 * already taken: Fri 25th gives Mon 28th for Boxing Day, Sat 25th
	 * gives Mon 27th and Tue 28th, Sun 25th gives Boxing Day Mon 26th
	 * and Christmas Tue 27th. */
	tl_date x = date_from_ymd(y, 12, 25), b = x + 1;
	switch (date_weekday(x)) {
	case 4: b = x + 3; break;
	case 5: x += 2; b = x + 1; break;
	case 6: b = x + 1; x += 2; break;
	default: break;
	}
	put(out, cap, &n, x, x == date_from_ymd(y, 12, 25) ? "Christmas Day"
	    : "Christmas Day (substitute day)");
	put(out, cap, &n, b, b == date_from_ymd(y, 12, 26) ? "Boxing Day"
	    : "Boxing Day (substitute day)");
	if (n <= cap)
		qsort(out, n, sizeof *out, by_date);
	return n;
}

static int build(tl_calendar *c)
{
	tl_day_off days[16];

	for (int i = 0; i < c->n_days; i++)
		c->kind[i] = date_weekday(c->base + i) >= 5 ? DAY_WEEKEND : DAY_WORK;
	for (int y = SPAN_FIRST; y <= SPAN_LAST; y++) {
		size_t n = cal_bank_holidays(y, days, 16);
		for (size_t j = 0; j < n; j++) {
			int i = days[j].date - c->base;
			if (i >= 0 && i < c->n_days)
				c->kind[i] = DAY_HOLIDAY;
		}
	}
	for (size_t j = 0; j < c->n_closures; j++) {
		int i = c->closures[j].date - c->base;
		if (i >= 0 && i < c->n_days && c->kind[i] == DAY_WORK)
			c->kind[i] = DAY_CLOSURE;
	}
	int count = 0;
	for (int i = 0; i < c->n_days; i++) {
		if (c->kind[i] == DAY_WORK)
			c->nth[++count] = i;
		c->cum[i] = count;
	}
	c->n_work = count;
	return TL_OK;
}

int cal_new(const tl_day_off *closures, size_t n_closures, tl_calendar **out, tl_err *err)
{
	tl_calendar *c = calloc(1, sizeof *c);
	if (!c)
		goto nomem;
	c->base = date_from_ymd(SPAN_FIRST, 1, 1);
	c->n_days = date_from_ymd(SPAN_LAST + 1, 1, 1) - c->base;
	c->kind = malloc((size_t)c->n_days);
	c->cum = malloc(sizeof *c->cum * (size_t)c->n_days);
	c->nth = malloc(sizeof *c->nth * ((size_t)c->n_days + 1));
	if (!c->kind || !c->cum || !c->nth)
		goto nomem;
	if (n_closures) {
		c->closures = malloc(sizeof *closures * n_closures);
		if (!c->closures)
			goto nomem;
		memcpy(c->closures, closures, sizeof *closures * n_closures);
		qsort(c->closures, n_closures, sizeof *closures, by_date);
		c->n_closures = n_closures;
	}
	build(c);
	*out = c;
	return TL_OK;
nomem:
	cal_free(c);
	return err_set(err, TL_ENOMEM, "calendar: out of memory");
}

void cal_free(tl_calendar *c)
{
	if (!c)
		return;
	free(c->kind);
	free(c->cum);
	free(c->nth);
	free(c->closures);
	free(c);
}

bool cal_in_range(tl_date d)
{
	return d >= date_from_ymd(CAL_FIRST_YEAR, 1, 1) &&
	       d <= date_from_ymd(CAL_LAST_YEAR, 12, 31);
}

static int check_range(tl_date d, tl_err *err)
{
	char s[TL_DATE_LEN];

	if (cal_in_range(d))
		return TL_OK;
	date_format(d, s);
	return err_set(err, TL_EINVAL, "date: '%s' is outside the calendar (%d-01-01 to %d-12-31)",
		       s, CAL_FIRST_YEAR, CAL_LAST_YEAR);
}

bool cal_is_workday(const tl_calendar *c, tl_date d)
{
	int i = d - c->base;
	return i >= 0 && i < c->n_days && c->kind[i] == DAY_WORK;
}

int cal_add_workdays(const tl_calendar *c, tl_date d, int n, tl_date *out, tl_err *err)
{
	if (check_range(d, err))
		return TL_EINVAL;
	int i = d - c->base;
	/* Working days after d are nth[cum+1], nth[cum+2]...; before it,
	 * nth[cum] is d itself when d is a working day. */
	long k = (long)c->cum[i] + n + (n < 0 && c->kind[i] != DAY_WORK);
	if (n == 0) {
		*out = d;
		return TL_OK;
	}
	if (k < 1 || k > c->n_work)
		return err_set(err, TL_EINVAL, "working days: %d from that date is outside the calendar", n);
	*out = c->base + c->nth[k];
	return TL_OK;
}

int cal_workdays_between(const tl_calendar *c, tl_date a, tl_date b, int *out, tl_err *err)
{
	if (check_range(a, err) || check_range(b, err))
		return TL_EINVAL;
	*out = c->cum[b - c->base] - c->cum[a - c->base];
	return TL_OK;
}

int cal_holidays(const tl_calendar *c, int year, tl_day_off *out, size_t cap, size_t *n, tl_err *err)
{
	tl_day_off days[16];

	if (year < CAL_FIRST_YEAR || year > CAL_LAST_YEAR)
		return err_set(err, TL_EINVAL, "year: '%d' is outside the calendar (%d to %d)",
			       year, CAL_FIRST_YEAR, CAL_LAST_YEAR);
	size_t k = cal_bank_holidays(year, days, 16);
	*n = 0;
	for (size_t j = 0; j < k; j++)
		put(out, cap, n, days[j].date, days[j].name);
	tl_date first = date_from_ymd(year, 1, 1), last = date_from_ymd(year, 12, 31);
	for (size_t j = 0; j < c->n_closures; j++) {
		tl_date d = c->closures[j].date;
		bool dup = false;
		for (size_t q = 0; q < k; q++)
			dup = dup || days[q].date == d;
		if (d >= first && d <= last && !dup)
			put(out, cap, n, d, c->closures[j].name);
	}
	if (*n > cap)
		return err_set(err, TL_EINVAL, "year %d: more than %zu non-working days", year, cap);
	qsort(out, *n, sizeof *out, by_date);
	return TL_OK;
}
