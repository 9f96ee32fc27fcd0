/* sync_status.c - where this file stands with the register, in one read:
 * on a device, the moves waiting to be sent and when the last reply came
 * (the kiosk's staff screens show them: sync silently not running is the
 * failure others learned to fear); at the register, its devices and the
 * conflicts waiting for a person. */
#include <stdio.h>
#include <string.h>
#include "sync_private.h"

static const char SQL_STATUS[] = "SELECT"
	" (SELECT count(*) FROM sync_keys),"
	" (SELECT count(DISTINCT code) FROM sync_devices WHERE revoked IS NULL),"
	" (SELECT count(*) FROM sync_conflicts WHERE settled IS NULL),"
	" coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_moves'), 0),"
	" (SELECT count(*) FROM sync_moves), (SELECT count(DISTINCT ref) FROM sync_moves"
	"  WHERE ref <> ''),"
	" (SELECT count(*) FROM sync_taken),"
	" (SELECT coalesce(last_reply, '') FROM sync_self),"
	" (SELECT coalesce(last_out, '') FROM sync_self),"
	" (SELECT refused FROM sync_self), (SELECT joined FROM sync_self)";

int sync_status(tl_store *st, tl_sync_status *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	sync_self me;
	bool own = false;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_read_begin(st, &own, "reading sync status", err)))
		return rc;
	rc = sync_self_get(st, &me, err);
	out->device = rc == TL_OK;
	if (rc == TL_ENOTFOUND)
		rc = TL_OK;
	if (rc == TL_OK && sqlite3_prepare_v2(store_db(st), SQL_STATUS, -1, &q, NULL))
		rc = store_fail(st, err, "reading sync status");
	if (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		out->register_keys = sqlite3_column_int(q, 0) > 0;
		out->devices = sqlite3_column_int(q, 1);
		out->conflicts = sqlite3_column_int(q, 2);
		out->made = sqlite3_column_int64(q, 3);
		out->waiting = sqlite3_column_int64(q, 4);
		out->waiting_cases = sqlite3_column_int(q, 5);
		out->from_register = sqlite3_column_int(q, 6);
		snprintf(out->last_reply, sizeof out->last_reply, "%s", sqlite3_column_text(q, 7));
		snprintf(out->last_out, sizeof out->last_out, "%s", sqlite3_column_text(q, 8));
		out->refused = sqlite3_column_int(q, 9);
		snprintf(out->self.added, sizeof out->self.added, "%s",
			 sqlite3_column_type(q, 10) == SQLITE_NULL ? "" : (const char *)sqlite3_column_text(q, 10));
	}
	sqlite3_finalize(q);
	store_read_end(st, own);
	if (out->device) {
		snprintf(out->self.code, sizeof out->self.code, "%s", me.code);
		snprintf(out->self.name, sizeof out->self.name, "%s", me.name);
		out->self.role = me.role;
		out->self.epoch = me.epoch;
		out->self.mark = me.acked;
		out->acked = me.acked;
		out->replies = me.replies;
	}
	sync_self_wipe(&me);
	return rc;
}

int sync_taken_list(tl_store *st, sync_taken_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(store_db(st), "SELECT c.ref, t.at FROM sync_taken t JOIN cases c"
			       " ON c.id = t.case_id ORDER BY t.at DESC, c.ref", -1, &q, NULL))
		return store_fail(st, err, "reading the cases from the register");
	for (int step; rc == TL_OK && (step = sqlite3_step(q)) != SQLITE_DONE;)
		rc = step != SQLITE_ROW ? store_fail(st, err, "reading the cases from the register")
			: fn((const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
			     arg);
	sqlite3_finalize(q);
	return rc;
}
