/* case_take.c - on a device, a case as the register sent it back in a
 * reply (sync.h) written over the device's own copy, or stored new: the
 * register decides, so this is not a move of the procedure. Nothing here
 * is recorded for the register (it already has it) and no rule is checked
 * again; the running totals follow by their triggers, as for any write.
 * Words the register did not send (a kiosk's reply carries none) are left
 * as the device has them. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "tellus/case.h"
#include "case_private.h"
#include "case_take.h"

static int step(tl_store *st, sqlite3_stmt *q, const char *doing, tl_err *err)
{
	int rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, doing);
	store_stmt_done(st, q);
	return rc;
}

static void bind_day(sqlite3_stmt *q, int i, tl_date d)
{
	char day[TL_DATE_LEN];
	if (d == TL_NO_DATE) {
		sqlite3_bind_null(q, i);
		return;
	}
	date_format(d, day);
	sqlite3_bind_text(q, i, day, -1, SQLITE_TRANSIENT);
}

static const char *str(const char *s) { return s ? s : ""; }

static int update_row(tl_store *st, const tl_case *c, const tl_taken *x, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "UPDATE cases SET kind = ?, received = ?, procedure = ?, profile = ?,"
			    " channel = ?, complainant = ?, on_behalf = ?, officer = ?, service_area = ?,"
			    " team = ?, consent_to_publish = ?, advocacy = ?, unsafe = ?, matter_date = ?,"
			    " tracking_hash = coalesce(?, tracking_hash), safety_handled = ?, safety_ref = ?,"
			    " consent_names = ?, assessed_why = ? WHERE id = ?",
			    &q, err);
	if (rc)
		return rc;
	sqlite3_bind_text(q, 1, words_word(&WS_KIND, c->kind), -1, SQLITE_STATIC);
	bind_day(q, 2, c->received);
	sqlite3_bind_text(q, 3, words_word(&WS_PROCEDURE, c->procedure), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, c->profile, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, words_word(&WS_CHANNEL, c->channel), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, words_word(&WS_COMPLAINANT, c->complainant), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 7, c->on_behalf);
	sqlite3_bind_text(q, 8, str(c->officer), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 9, str(c->service_area), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 10, str(c->team), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 11, c->consent_to_publish);
	sqlite3_bind_int(q, 12, c->advocacy);
	sqlite3_bind_int(q, 13, c->unsafe);
	bind_day(q, 14, c->matter);
	if (x->tracking_hash)
		sqlite3_bind_text(q, 15, x->tracking_hash, -1, SQLITE_STATIC);
	bind_day(q, 16, c->safety_handled);
	sqlite3_bind_text(q, 17, c->safety_ref, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 18, c->consent_names);
	sqlite3_bind_text(q, 19, str(c->assessed_why), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 20, c->id);
	if ((rc = step(st, q, "taking a case", err)) || !x->personal)
		return rc;
	if ((rc = store_stmt(st, "UPDATE cases SET summary = ?, desired = ?, contact = ?,"
			     " late_reason = ?, safety_note = ? WHERE id = ?", &q, err)))
		return rc;
	const char *texts[] = { c->summary, c->desired, c->contact, c->late_reason, c->safety_note };
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(q, i + 1, str(texts[i]), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 6, c->id);
	return step(st, q, "taking a case", err);
}

/* The stages, their pauses, causes and actions as the register has them. */
static int lists(tl_store *st, const tl_case *c, const tl_taken *x, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char keep[8] = "";
	int rc;

	for (size_t i = 0; i < c->n_stages; i++)
		keep[i] = (char)('0' + c->stages[i].number);
	static const char *const sql[] = {
		"DELETE FROM stage_pauses WHERE stage_id IN (SELECT id FROM stages WHERE case_id = ?1"
		" AND (?3 OR instr(?2, stage) = 0))",
		"DELETE FROM stages WHERE case_id = ?1 AND instr(?2, stage) = 0",
		"DELETE FROM actions WHERE case_id = ?1",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((rc = store_stmt(st, sql[i], &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, c->id);
		sqlite3_bind_text(q, 2, keep, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 3, x->n_pauses > 0 || x->personal);
		if ((rc = step(st, q, "taking a case", err)))
			return rc;
	}
	/* A cause the register has and this device does not is kept here,
	 * not offered (the foreign key needs it). */
	for (size_t i = 0; i < c->n_causes; i++) {
		if ((rc = store_stmt(st, "INSERT OR IGNORE INTO causes(code, label, ord, active)"
				     " VALUES(?1, ?1, 1000, 0)", &q, err)))
			return rc;
		sqlite3_bind_text(q, 1, c->causes[i], -1, SQLITE_STATIC);
		if ((rc = step(st, q, "taking a case", err)))
			return rc;
	}
	for (size_t i = 0; i < c->n_stages; i++)
		if ((rc = case_stage_save(st, c, &c->stages[i], err)))
			return rc;
	if ((rc = case_causes_save(st, c, err)))
		return rc;
	for (size_t i = 0; i < c->n_actions; i++) {
		if ((rc = store_stmt(st, "INSERT OR IGNORE INTO actions(case_id, action) VALUES(?, ?)",
				     &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, c->id);
		sqlite3_bind_text(q, 2, words_word(&WS_ACTION, c->actions[i]), -1, SQLITE_STATIC);
		if ((rc = step(st, q, "taking a case", err)))
			return rc;
	}
	return TL_OK;
}

static int pauses(tl_store *st, const tl_case *c, const tl_taken *x, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;
	for (size_t i = 0; i < x->n_pauses && rc == TL_OK; i++) {
		const tl_taken_pause *p = &x->pauses[i];
		if ((rc = store_stmt(st, "INSERT INTO stage_pauses(stage_id, paused, resumed, reason, days)"
				     " SELECT id, ?, ?, ?, ? FROM stages WHERE case_id = ? AND stage = ?",
				     &q, err)))
			break;
		bind_day(q, 1, p->paused);
		bind_day(q, 2, p->resumed);
		sqlite3_bind_text(q, 3, words_word(&WS_PAUSE, p->reason), -1, SQLITE_STATIC);
		if (p->resumed != TL_NO_DATE)
			sqlite3_bind_int(q, 4, p->days);
		sqlite3_bind_int64(q, 5, c->id);
		sqlite3_bind_int(q, 6, p->stage);
		rc = step(st, q, "taking a case", err);
	}
	return rc;
}

static int mark_taken(tl_store *st, const tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32];
	time_t t = time(NULL);
	struct tm tm;
	int rc = store_stmt(st, "INSERT OR REPLACE INTO sync_taken(case_id, at) VALUES(?, ?)", &q, err);
	if (rc)
		return rc;
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_STATIC);
	return step(st, q, "taking a case", err);
}

int case_take(tl_store *st, tl_case *c, const tl_taken *x, tl_err *err)
{
	tl_case old;
	int rc = store_begin(st, err);

	if (rc)
		return rc;
	rc = case_get(st, c->ref, &old, err);
	if (rc == TL_OK) {
		c->id = old.id;
		case_clear(&old);
		rc = update_row(st, c, x, err);
	} else if (rc == TL_ENOTFOUND) {
		/* New here: an officer's case logged elsewhere. Its causes must be
		 * known first (the foreign key), so the lists come after. */
		tl_case bare = *c;
		bare.n_causes = 0;
		bare.n_actions = 0;
		bare.n_stages = 0;
		if ((rc = case_insert(st, &bare, err)) == TL_OK) {
			c->id = bare.id;
			rc = update_row(st, c, x, err);
		}
	}
	if (rc == TL_OK && (rc = lists(st, c, x, err)) == TL_OK && (rc = pauses(st, c, x, err)) == TL_OK)
		rc = mark_taken(st, c, err);
	return store_end(st, rc, err);
}
