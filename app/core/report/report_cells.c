/* report_cells.c - what a cell of a report table holds (text, a number, a
 * percentage, pounds) from the table's "-- money:" and "-- percent:" lines,
 * and money as a page prints it. The workbook stores each kind in its own
 * format; HTML and Markdown print pounds with their sign. */
#include <fnmatch.h>
#include <string.h>
#include "report_private.h"

/* "12", "-0.3", "4040.00": an optional sign, digits, optional decimals.
 * Nothing else (no exponent, no spaces), so a word is never a number. */
bool report_is_number(const char *s)
{
	const char *p = s + (*s == '-');
	size_t whole = strspn(p, "0123456789");
	if (!whole)
		return false;
	p += whole;
	if (*p == '.') {
		size_t frac = strspn(p + 1, "0123456789");
		if (!frac)
			return false;
		p += 1 + frac;
	}
	return *p == '\0';
}

tl_report_cell report_cell_kind(const tl_report_table *t, size_t row, size_t col)
{
	const char *v = t->cells[row * t->n_cols + col];
	if (!v[0])
		return REPORT_CELL_EMPTY;
	if (col == 0 || !report_is_number(v))
		return REPORT_CELL_TEXT;
	if (t->money && t->money[col])
		return REPORT_CELL_MONEY;
	if (t->percent && t->percent[col] &&
	    fnmatch(t->percent[col], t->cells[row * t->n_cols], 0) == 0)
		return REPORT_CELL_PERCENT;
	return REPORT_CELL_NUMBER;
}

/* Thousands separated by commas, as the published report prints them. */
void report_money_text(const char *pounds, char *out, size_t cap)
{
	if (!report_is_number(pounds) || cap < 4) {
		snprintf(out, cap, "%s", pounds);
		return;
	}
	bool neg = pounds[0] == '-';
	const char *digits = pounds + neg;
	size_t whole = strspn(digits, "0123456789"), used = 0;
	used += (size_t)snprintf(out, cap, "%s£", neg ? "-" : "");
	for (size_t i = 0; i < whole && used + 3 < cap; i++) {
		if (i && (whole - i) % 3 == 0)
			out[used++] = ',';
		out[used++] = digits[i];
	}
	out[used] = '\0';
	if (used < cap)
		snprintf(out + used, cap - used, "%s", digits + whole);
}
