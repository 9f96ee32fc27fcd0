/* calendar.h - working days in England and Wales.
 * Bank holidays come by rule (plus the one-off days since 1995), so the
 * kiosk needs no network. A tl_calendar is built once (closure days optional);
 * after that every query is constant time: two array look-ups. */
#ifndef TELLUS_CALENDAR_H
#define TELLUS_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/date.h"

#define CAL_FIRST_YEAR 1995
#define CAL_LAST_YEAR 2099
#define CAL_NAME_MAX 96

typedef struct {
	tl_date date;
	char name[CAL_NAME_MAX];
} tl_day_off;

typedef struct tl_calendar tl_calendar;

/* Builds a calendar of bank holidays plus the given extra non-working days
 * (closures; may be NULL). The caller frees it with cal_free(). */
int cal_new(const tl_day_off *closures, size_t n_closures, tl_calendar **out, tl_err *err);
void cal_free(tl_calendar *cal);

/* The bank holidays of England and Wales in year y by rule, in date order.
 * Returns how many the year has (at most 12); only the first cap are
 * written, and in date order only when all of them fit. */
size_t cal_bank_holidays(int year, tl_day_off *out, size_t cap);

/* Every non-working weekday of a year in this calendar (bank holidays and
 * closures that fall Monday to Friday, plus closures at weekends too),
 * in date order. */
int cal_holidays(const tl_calendar *cal, int year, tl_day_off *out, size_t cap,
		 size_t *n, tl_err *err);

bool cal_in_range(tl_date d);
bool cal_is_workday(const tl_calendar *cal, tl_date d);
/* The Nth working day after d (d itself is day 0, whatever day it is);
 * n may be negative for the Nth working day before. */
int cal_add_workdays(const tl_calendar *cal, tl_date d, int n, tl_date *out, tl_err *err);
/* How many working days after a, up to and including b (negative when b is
 * before a). */
int cal_workdays_between(const tl_calendar *cal, tl_date a, tl_date b, int *out, tl_err *err);

#endif
