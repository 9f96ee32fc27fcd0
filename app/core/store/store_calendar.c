/* store_calendar.c - closure days and the calendars built from them, as
 * the store keeps them. A changed closure list drops the cached
 * calendars; deadlines already stored stay as given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_private.h"

/* Only the calendar with closures depends on them; the statutory one stays
 * (the store's SQL functions hold on to it). */
static void drop_calendars(tl_store *st)
{
	cal_free(st->cal[1]);
	st->cal[1] = NULL;
}

static int closure_write(tl_store *st, const char *sql, tl_date d, const char *name,
			 const char *action, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	char day[TL_DATE_LEN], detail[256];
	int rc;

	date_format(d, day);
	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) {
		rc = store_fail(st, err, "changing closures");
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, day, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, err, "changing closures");
		goto cleanup;
	}
	if (sqlite3_changes(st->db) == 0) {
		rc = name ? err_set(err, TL_EEXIST, "%s: already a closure day", day)
			  : err_set(err, TL_ENOTFOUND, "%s: not a closure day", day);
		goto cleanup;
	}
	snprintf(detail, sizeof detail, "%s %s", day, name ? name : "");
	rc = store_audit(st, action, NULL, detail, err);
cleanup:
	sqlite3_finalize(s);
	rc = store_end(st, rc, err);
	drop_calendars(st);
	return rc;
}

int store_closure_add(tl_store *st, tl_date d, const char *name, tl_err *err)
{
	if (!cal_in_range(d))
		return err_set(err, TL_EINVAL, "date: a closure day must be from %d to %d",
			       CAL_FIRST_YEAR, CAL_LAST_YEAR);
	if (!name || !*name || strlen(name) >= CAL_NAME_MAX || strchr(name, '\n'))
		return err_set(err, TL_EINVAL, "closure name: must be one line of 1 to %d "
			       "bytes", CAL_NAME_MAX - 1);
	return closure_write(st, "INSERT OR IGNORE INTO closures(date, name) VALUES(?, ?)",
			     d, name, "closure_add", err);
}

int store_closure_remove(tl_store *st, tl_date d, tl_err *err)
{
	return closure_write(st, "DELETE FROM closures WHERE date = ?", d, NULL,
			     "closure_remove", err);
}

int store_closure_list(tl_store *st, tl_day_off **out, size_t *n, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	tl_day_off *days = NULL;
	size_t cap = 0;
	int rc = TL_OK;

	*n = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT date, name FROM closures ORDER BY date", -1, &s, NULL))
		return store_fail(st, err, "reading closures");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			tl_day_off *more = realloc(days, cap * sizeof *days);
			if (!more) {
				rc = err_set(err, TL_ENOMEM, "closures: out of memory");
				goto cleanup;
			}
			days = more;
		}
		if (date_parse((const char *)sqlite3_column_text(s, 0), &days[*n].date,
			       "closure", err)) {
			rc = TL_EDB;
			goto cleanup;
		}
		snprintf(days[*n].name, sizeof days[*n].name, "%s", sqlite3_column_text(s, 1));
		(*n)++;
	}
	rc = rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading closures");
cleanup:
	sqlite3_finalize(s);
	if (rc) {
		free(days);
		days = NULL;
		*n = 0;
	}
	*out = days;
	return rc;
}

int store_calendar(tl_store *st, bool with_closures, const tl_calendar **out, tl_err *err)
{
	tl_day_off *days = NULL;
	size_t n = 0;
	int rc = TL_OK;

	if (!st->cal[with_closures]) {
		if (with_closures && (rc = store_closure_list(st, &days, &n, err)))
			return rc;
		rc = cal_new(days, n, &st->cal[with_closures], err);
		free(days);
	}
	*out = st->cal[with_closures];
	return rc;
}
