/* store_audit.c - the audit trail: who did what, when (SPEC 4). Lines are
 * only ever added: the schema's triggers refuse an UPDATE or DELETE of the
 * audit table, so a correction is a new line. Reading is for the front
 * ends (tellus audit), which never see SQL. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "store_private.h"

void store_stamp(char out[STORE_STAMP_LEN])
{
	/* Written again when the second changes only: an import stamps two
	 * rows a case, thousands a second. */
	static _Thread_local time_t last;
	static _Thread_local bool have;
	static _Thread_local char text[STORE_STAMP_LEN];
	time_t now = time(NULL);
	if (!have || now != last) {
		have = true;
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
		last = now;
	}
	memcpy(out, text, sizeof text);
}

int store_audit(tl_store *st, const char *action, const char *ref, const char *detail,
		tl_err *err)
{
	sqlite3_stmt *s = NULL;
	char at[STORE_STAMP_LEN];
	int rc = TL_OK;

	store_stamp(at);
	if ((rc = store_stmt(st, "INSERT INTO audit(at, who, action, ref, detail) "
			     "VALUES(?, ?, ?, ?, ?)", &s, err)))
		return rc;
	sqlite3_bind_text(s, 1, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, st->actor, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, ref ? ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, detail ? detail : "", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, err, "writing the audit trail");
	store_stmt_done(st, s);
	return rc;
}

int store_audit_list(tl_store *st, const char *ref, store_audit_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(st->db, "SELECT at, who, action, ref, detail FROM audit"
			       " WHERE ?1 IS NULL OR ref = ?1 ORDER BY id", -1, &q, NULL))
		return store_fail(st, err, "reading the audit trail");
	if (ref)
		sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		tl_audit_line l = {
			(const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
			(const char *)sqlite3_column_text(q, 2), (const char *)sqlite3_column_text(q, 3),
			(const char *)sqlite3_column_text(q, 4),
		};
		rc = fn(&l, arg);
	}
	sqlite3_finalize(q);
	return rc;
}
