/* store_sql.c - the SQL functions every connection of the store has:
 * workdays() and add_workdays() on the statutory calendar (bank holidays,
 * no closures). The report's running totals are kept by triggers that call
 * workdays(), so whoever writes through the store keeps them true. */
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

/* workdays(a, b): working days after a up to and including b; NULL when
 * either is not a date. */
static void f_workdays(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const tl_calendar *cal;
	tl_date a, b;
	int n;

	(void)argc;
	if (arg_date(cx, argv[0], &a) || arg_date(cx, argv[1], &b) || !(cal = statutory(cx)))
		return;
	if (cal_workdays_between(cal, a, b, &n, NULL))
		sqlite3_result_null(cx);
	else
		sqlite3_result_int(cx, n);
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

int store_sql_functions(tl_store *st, tl_err *err)
{
	/* Innocuous: the schema's triggers may call them even where the
	 * schema is not trusted. */
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

	if (sqlite3_create_function(st->db, "workdays", 2, flags, st, f_workdays, NULL, NULL) ||
	    sqlite3_create_function(st->db, "add_workdays", 2, flags, st, f_add_workdays, NULL,
				    NULL))
		return store_fail(st, err, "registering the working-day functions");
	return TL_OK;
}
