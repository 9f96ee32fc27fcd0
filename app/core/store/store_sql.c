/* store_sql.c - the SQL functions every connection of the store has:
 * workdays() and add_workdays() on the statutory calendar (bank holidays,
 * no closures); name_key() for the configured lists and search_fold() for
 * the search index; and tally_deferred() (rule 9 of tally.sql.h). The
 * report's running totals and the search index are kept by triggers that
 * call them, so whoever writes through the store keeps them true. */
#include <string.h>
#include "store_private.h"

static int arg_date(sqlite3_context *cx, sqlite3_value *v, tl_date *out)
{
	const char *s = (const char *)sqlite3_value_text(v);
	tl_err err;

	if (!s || date_parse(s, out, "date", &err)) {
		sqlite3_result_null(cx);
		return -1;
	}
	return 0;
}

/* The statutory calendar, built on first use; NULL (with the error set on
 * cx) when there is no memory for it. */
static const tl_calendar *statutory(sqlite3_context *cx)
{
	const tl_calendar *cal = NULL;
	tl_err err;

	if (store_calendar(sqlite3_user_data(cx), false, &cal, &err)) {
		sqlite3_result_error_nomem(cx);
		return NULL;
	}
	return cal;
}

/* Is this the last question workdays() answered on this connection?
 * tally_rows names a stage's days several times over (its band is worked
 * out from them), and SQLite calls the function each time with the same
 * two dates. */
static bool asked_last(const tl_store *st, sqlite3_value **argv)
{
	const char *a = (const char *)sqlite3_value_text(argv[0]);
	const char *b = (const char *)sqlite3_value_text(argv[1]);
	return a && b && st->workdays_last.a[0] && strcmp(a, st->workdays_last.a) == 0 &&
	       strcmp(b, st->workdays_last.b) == 0;
}

/* workdays(a, b): working days after a up to and including b; NULL when
 * either is not a date. */
static void f_workdays(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	tl_store *st = sqlite3_user_data(cx);
	const tl_calendar *cal;
	tl_date a, b;
	int n;

	(void)argc;
	if (asked_last(st, argv)) {
		sqlite3_result_int(cx, st->workdays_last.n);
		return;
	}
	if (arg_date(cx, argv[0], &a) || arg_date(cx, argv[1], &b) || !(cal = statutory(cx)))
		return;
	if (cal_workdays_between(cal, a, b, &n, NULL)) {
		sqlite3_result_null(cx);
		return;
	}
	sqlite3_result_int(cx, n);
	if (st->counting)
		progress_set(st->counting, st->counting->s.done + 1, -1, false);
	date_format(a, st->workdays_last.a);
	date_format(b, st->workdays_last.b);
	st->workdays_last.n = n;
}

/* add_workdays(d, n): the nth working day after d, as YYYY-MM-DD. */
static void f_add_workdays(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	char out[TL_DATE_LEN];
	const tl_calendar *cal;
	tl_date d, r;

	(void)argc;
	if (arg_date(cx, argv[0], &d) || !(cal = statutory(cx)))
		return;
	if (sqlite3_value_type(argv[1]) == SQLITE_NULL ||
	    cal_add_workdays(cal, d, sqlite3_value_int(argv[1]), &r, NULL)) {
		sqlite3_result_null(cx);
		return;
	}
	date_format(r, out);
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

/* tally_deferred(): rule 9 of tally.sql.h, true while the writer on this
 * connection has deferred the running totals (store_bulk). */
static void f_tally_deferred(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(cx, ((tl_store *)sqlite3_user_data(cx))->tally_deferred);
}

/* The text argument of a one-argument text function and room for a
 * result no longer than it; NULL (the result set: NULL, or out of memory)
 * when there is nothing to do. */
static char *text_arg(sqlite3_context *cx, sqlite3_value **argv, const char **s, size_t *n)
{
	char *out;
	*s = (const char *)sqlite3_value_text(argv[0]);
	*n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!*s) {
		sqlite3_result_null(cx);
		return NULL;
	}
	if (!(out = sqlite3_malloc64(*n + 1)))
		sqlite3_result_error_nomem(cx);
	return out;
}

/* name_key(s): how a name of a configured list is matched: spaces at
 * either end dropped, runs of spaces inside made one, ASCII letters in
 * lower case ("Children in Care " and "children in care" are one). */
static void f_name_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s;
	size_t n, o = 0;
	char *out = text_arg(cx, argv, &s, &n);

	(void)argc;
	if (!out)
		return;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			if (o && out[o - 1] != ' ')
				out[o++] = ' ';
			continue;
		}
		out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	if (o && out[o - 1] == ' ')
		o--;
	sqlite3_result_text(cx, out, (int)o, sqlite3_free);
}

/* Letters that unicode61's remove_diacritics leaves alone because Unicode
 * gives them no decomposition (a stroke, not an accent): Polish ł, Danish
 * ø... folded to what a person types on an English keyboard. */
static const struct { const char *from, *to; } FOLDS[] = {
	{ "\xc5\x81", "L" }, { "\xc5\x82", "l" },   /* Ł ł */
	{ "\xc3\x98", "O" }, { "\xc3\xb8", "o" },   /* Ø ø */
	{ "\xc4\x90", "D" }, { "\xc4\x91", "d" },   /* Đ đ */
	{ "\xc4\xa6", "H" }, { "\xc4\xa7", "h" },   /* Ħ ħ */
	{ "\xc3\x9f", "ss" }, { "\xc4\xb1", "i" },  /* ß ı */
	{ "\xc3\x86", "AE" }, { "\xc3\xa6", "ae" }, /* Æ æ */
	{ "\xc5\x92", "OE" }, { "\xc5\x93", "oe" }, /* Œ œ */
	{ "\xc3\x9e", "TH" }, { "\xc3\xbe", "th" }, /* Þ þ */
};

/* search_fold(s): s with the letters of FOLDS folded; the search index
 * holds and is asked for folded text (case_search, migration 12). */
static void f_search_fold(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *s;
	size_t n, o = 0;
	/* No fold makes text longer: two bytes become one or two. */
	char *out = text_arg(cx, argv, &s, &n);

	(void)argc;
	if (!out)
		return;
	for (size_t i = 0; i < n;) {
		/* Every letter of FOLDS is two bytes (ASCII, most of what people
		 * write, is copied as it is: a bulk import folds all their words). */
		size_t k = 0;
		if ((unsigned char)s[i] >= 0x80 && i + 1 < n)
			while (k < sizeof FOLDS / sizeof FOLDS[0] &&
			       (s[i] != FOLDS[k].from[0] || s[i + 1] != FOLDS[k].from[1]))
				k++;
		else
			k = sizeof FOLDS / sizeof FOLDS[0];
		if (k < sizeof FOLDS / sizeof FOLDS[0]) {
			size_t to = strlen(FOLDS[k].to);
			memcpy(out + o, FOLDS[k].to, to);
			o += to;
			i += 2;
		} else {
			out[o++] = s[i++];
		}
	}
	sqlite3_result_text(cx, out, (int)o, sqlite3_free);
}

int store_sql_functions(tl_store *st, tl_err *err)
{
	/* Innocuous: the schema's triggers may call them even where the
	 * schema is not trusted. */
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(st->db, "workdays", 2, flags, st, f_workdays, NULL, NULL) ||
	    sqlite3_create_function(st->db, "add_workdays", 2, flags, st, f_add_workdays, NULL,
				    NULL) ||
	    sqlite3_create_function(st->db, "tally_deferred", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, st,
				    f_tally_deferred, NULL, NULL))
		return store_fail(st, err, "registering the working-day functions");
	if (sqlite3_create_function(st->db, "name_key", 1, flags, NULL, f_name_key, NULL, NULL) ||
	    sqlite3_create_function(st->db, "search_fold", 1, flags, NULL, f_search_fold, NULL,
				    NULL))
		return store_fail(st, err, "registering the text functions");
	return TL_OK;
}
