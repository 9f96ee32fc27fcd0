/* lang_words.c - dates and counts of days in the current language's
 * words, for receipts, screens and the tracking page. Names of days and
 * months carry a context ("weekday", "month in a date") because English
 * uses one word where others need two (Welsh Mawrth is both Tuesday and
 * March; Polish months take the genitive in a date). Digits stay 0-9 in
 * every language: references and codes are written with them too. */
#include <stdio.h>
#include "tellus/lang.h"

/* xgettext reads literals only: the contexts are written out in full. */
static const char *const WEEKDAYS[] = {
	NP_("weekday", "Monday"), NP_("weekday", "Tuesday"),
	NP_("weekday", "Wednesday"), NP_("weekday", "Thursday"),
	NP_("weekday", "Friday"), NP_("weekday", "Saturday"), NP_("weekday", "Sunday"),
};
static const char *const MONTHS[] = {
	NP_("month in a date", "January"), NP_("month in a date", "February"),
	NP_("month in a date", "March"), NP_("month in a date", "April"),
	NP_("month in a date", "May"), NP_("month in a date", "June"),
	NP_("month in a date", "July"), NP_("month in a date", "August"),
	NP_("month in a date", "September"), NP_("month in a date", "October"),
	NP_("month in a date", "November"), NP_("month in a date", "December"),
};

/* TRANSLATORS: a date: %1$s the day of the week, %2$d the day of the
 * month, %3$s the month, %4$d the year ("Thursday 29 January 2026").
 * Put them in your language's order; keep the numbers as digits. */
static const char *const DATE = NP_("date", "%1$s %2$d %3$s %4$d");

/* The context's word in code's language, or the current one's (NULL). */
static const char *ptext(const char *code, const char *ctx, const char *msgid)
{
	return code ? lang_ptext(code, ctx, msgid) : lang_pgettext(ctx, msgid);
}

void lang_date_words_in(const char *code, tl_date d, char *out, size_t cap)
{
	int y, m, dd;
	if (d == TL_NO_DATE) {
		out[0] = '\0';
		return;
	}
	date_to_ymd(d, &y, &m, &dd);
	const char *day = ptext(code, "weekday", WEEKDAYS[date_weekday(d)]);
	const char *month = ptext(code, "month in a date", MONTHS[m - 1]);
	snprintf(out, cap, ptext(code, "date", DATE), day, dd, month, y);
}

void lang_date_words(tl_date d, char *out, size_t cap)
{
	lang_date_words_in(NULL, d, out, cap);
}

void lang_workdays(int n, char *out, size_t cap)
{
	snprintf(out, cap, NG_("%d working day", "%d working days", (unsigned long)n), n);
}

const char *lang_isolate(const char *s, char *out, size_t cap)
{
	snprintf(out, cap, "\u2066%s\u2069", s);
	return out;
}
