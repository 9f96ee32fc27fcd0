/* date.h - calendar dates as day numbers.
 * A tl_date counts days from 1970-01-01 in the proleptic Gregorian calendar.
 * Tellus stores and compares dates, never instants, so that no time zone or
 * clock change can move a statutory deadline by a day. */
#ifndef TELLUS_DATE_H
#define TELLUS_DATE_H

#include <stdbool.h>
#include <stdint.h>
#include "tellus/err.h"

typedef int32_t tl_date;
#define TL_NO_DATE INT32_MIN
#define TL_DATE_LEN 11 /* "YYYY-MM-DD" and its NUL */

tl_date date_from_ymd(int y, int m, int d);
void date_to_ymd(tl_date t, int *y, int *m, int *d);
/* 0 for Monday ... 6 for Sunday. */
int date_weekday(tl_date t);
bool date_valid_ymd(int y, int m, int d);
/* Strict YYYY-MM-DD, a real date from 1900 to 2199; what names the field in
 * the message (for example "received"). */
int date_parse(const char *s, tl_date *out, const char *what, tl_err *err);
/* Writes YYYY-MM-DD, or "" for TL_NO_DATE. */
void date_format(tl_date t, char out[TL_DATE_LEN]);
/* Today from $TELLUS_TODAY (YYYY-MM-DD, for tests and back-dating) or the
 * local calendar date. */
int date_today(tl_date *out, tl_err *err);

#endif
