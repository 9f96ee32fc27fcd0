/* date.c - civil dates to day numbers and back.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days,
 * exact for every Gregorian date, with no time zone involved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tellus/date.h"

tl_date date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(tl_date t, int *y, int *m, int *d)
{
	int z = t + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int dd = doy - (153 * mp + 2) / 5 + 1;
	int mm = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (mm <= 2);
	*m = mm;
	*d = dd;
}

int date_weekday(tl_date t)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (t + 3) % 7;
	return w < 0 ? w + 7 : w;
}

bool date_valid_ymd(int y, int m, int d)
{
	static const int len[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= len[m - 1] + (m == 2 && leap);
}

int date_parse(const char *s, tl_date *out, const char *what, tl_err *err)
{
	int y, m, d;

	if (!s || !*s)
		return err_set(err, TL_EINVAL, "%s: a date is needed (YYYY-MM-DD)", what);
	bool shape = strlen(s) == 10 && s[4] == '-' && s[7] == '-';
	for (int i = 0; shape && i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			shape = false;
	if (!shape)
		return err_set(err, TL_EINVAL, "%s: '%.40s' is not a date of the form YYYY-MM-DD",
			       what, s);
	/* The shape is checked: the digits by hand (atoi is strtol, and a
	 * list or an export reads a handful of dates per case). */
	y = ((s[0] - '0') * 10 + s[1] - '0') * 100 + (s[2] - '0') * 10 + s[3] - '0';
	m = (s[5] - '0') * 10 + s[6] - '0';
	d = (s[8] - '0') * 10 + s[9] - '0';
	if (y < 1900 || y > 2199 || !date_valid_ymd(y, m, d))
		return err_set(err, TL_EINVAL, "%s: '%s' is not a real date", what, s);
	*out = date_from_ymd(y, m, d);
	return TL_OK;
}

void date_format(tl_date t, char out[TL_DATE_LEN])
{
	int y, m, d;

	if (t == TL_NO_DATE) {
		out[0] = '\0';
		return;
	}
	date_to_ymd(t, &y, &m, &d);
	if (y < 0 || y > 9999) {
		char buf[32];
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
		memcpy(out, buf, TL_DATE_LEN - 1);
		out[TL_DATE_LEN - 1] = '\0';
		return;
	}
	/* By hand: an export writes millions of dates, and snprintf is slow. */
	const int parts[3][2] = { { y, 4 }, { m, 2 }, { d, 2 } };
	char *o = out;
	for (int k = 0; k < 3; k++) {
		for (int i = parts[k][1] - 1, v = parts[k][0]; i >= 0; i--, v /= 10)
			o[i] = (char)('0' + v % 10);
		o += parts[k][1];
		*o++ = k < 2 ? '-' : '\0';
	}
}

int date_today(tl_date *out, tl_err *err)
{
	const char *env = getenv("TELLUS_TODAY");
	if (env && *env)
		return date_parse(env, out, "TELLUS_TODAY", err);
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return err_set(err, TL_EIO, "clock: cannot read today's date");
	*out = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return TL_OK;
}
