/* store_calendar.c - closure days, the calendars built from them, and the
 * procedure profiles, as the store keeps them. A changed closure list
 * drops the cached calendars; deadlines already stored stay as given. */
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

/* Inside a write transaction nobody else can change the profiles, so a
 * profile read once is kept until the outermost level ends (store.c
 * empties the cache): an import of 100,000 cases reads and parses it once,
 * not once a case. */
static const tl_profile *cached(const tl_store *st, const char *name)
{
	for (size_t i = 0; st->depth > 0 && i < st->n_profiles; i++)
		if (strcmp(st->profiles[i].name, name) == 0)
			return &st->profiles[i];
	return NULL;
}

static void keep(tl_store *st, const tl_profile *p)
{
	if (st->depth > 0 && st->n_profiles < sizeof st->profiles / sizeof st->profiles[0])
		st->profiles[st->n_profiles++] = *p;
}

int store_profile(tl_store *st, const char *name, tl_profile *out, tl_err *err)
{
	const tl_profile *kept = cached(st, name);
	sqlite3_stmt *s = NULL;
	int rc;

	if (kept) {
		*out = *kept;
		return TL_OK;
	}
	if ((rc = store_stmt(st, "SELECT body FROM profiles WHERE name = ?", &s, err)))
		return rc;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		rc = proc_parse((const char *)sqlite3_column_text(s, 0), out, err);
		store_stmt_done(st, s);
		if (rc == TL_OK)
			keep(st, out);
		return rc;
	}
	store_stmt_done(st, s);
	if (rc != SQLITE_DONE)
		return store_fail(st, err, "reading profiles");
	for (size_t i = 0; PROC_BUILTIN[i]; i++)
		if (proc_parse(PROC_BUILTIN[i], out, NULL) == TL_OK && strcmp(out->name, name) == 0) {
			keep(st, out);
			return TL_OK;
		}
	return err_set(err, TL_ENOTFOUND, "profile: '%.40s' is not a procedure profile (see "
		       "tellus profile list)", name);
}

int store_profile_put(tl_store *st, const char *text, tl_err *err)
{
	tl_profile p;
	int rc = proc_parse(text, &p, err);
	if (rc)
		return rc;
	st->n_profiles = 0;
	return store_write_pair(st, "INSERT INTO profiles(name, body) VALUES(?1, ?2) "
				"ON CONFLICT(name) DO UPDATE SET body = excluded.body",
				p.name, text, "profile_put", text, err);
}

int store_profile_names(tl_store *st, char *out, size_t cap, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	tl_profile p;
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; PROC_BUILTIN[i]; i++)
		if (proc_parse(PROC_BUILTIN[i], &p, NULL) == TL_OK)
			used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s\n", p.name);
	if (sqlite3_prepare_v2(st->db, "SELECT name FROM profiles ORDER BY name", -1, &s, NULL))
		return store_fail(st, err, "reading profiles");
	while (sqlite3_step(s) == SQLITE_ROW && used < cap) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		char line[PROC_NAME_MAX + 2];
		snprintf(line, sizeof line, "%s\n", name);
		if (!strstr(out, line))
			used += (size_t)snprintf(out + used, cap - used, "%s", line);
	}
	sqlite3_finalize(s);
	return TL_OK;
}
