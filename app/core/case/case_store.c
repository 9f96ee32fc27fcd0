/* case_store.c - cases as rows: writing a new case with its stages,
 * causes and actions, saving a stage, reading a case back whole, and
 * case_put, the idempotent store an import uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

static const char *str(const char *s) { return s ? s : ""; }

static void bind_date(sqlite3_stmt *s, int i, tl_date d)
{
	char buf[TL_DATE_LEN];
	if (d == TL_NO_DATE) {
		sqlite3_bind_null(s, i);
		return;
	}
	date_format(d, buf);
	sqlite3_bind_text(s, i, buf, -1, SQLITE_TRANSIENT);
}


/* Runs a statement of store_stmt to completion and hands it back. */
static int step_done(tl_store *st, sqlite3_stmt *s, const char *doing, tl_err *err)
{
	int rc = sqlite3_step(s) == SQLITE_DONE ? TL_OK : store_fail(st, err, doing);
	store_stmt_done(st, s);
	return rc;
}

#define STAGE_INSERT                                                                  \
	"INSERT INTO stages(case_id, stage, started, due, max_due, extended,"           \
	" extension_reason, extension_by, request_late, panel, responded, outcome,"     \
	" paused_days, paused_since, acknowledged, extended_on, opened, counted)"       \
	" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,coalesce(?17,?3),?18)"
/* A new case's stages are inserted plainly: the upsert's UPDATE branch
 * brings the UPDATE triggers into the statement, and with them a
 * statement journal at every insert, though a new case's stage never
 * meets one already stored. */
#define STAGE_UPSERT                                                                  \
	STAGE_INSERT " ON CONFLICT(case_id, stage) DO UPDATE SET started=excluded.started," \
	" due=excluded.due, max_due=excluded.max_due, extended=excluded.extended,"      \
	" extension_reason=excluded.extension_reason, extension_by=excluded.extension_by," \
	" request_late=excluded.request_late, panel=excluded.panel,"                   \
	" responded=excluded.responded, outcome=excluded.outcome,"                     \
	" paused_days=excluded.paused_days, paused_since=excluded.paused_since,"       \
	" acknowledged=excluded.acknowledged, extended_on=excluded.extended_on"

/* s of c, inserted, or saved over the one stored (upsert). */
static int stage_write(tl_store *st, bool upsert, const tl_case *c, const tl_stage *s,
		       tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if (upsert)
		rc = store_stmt(st, STAGE_UPSERT, &q, err);
	else
		rc = store_stmt(st, STAGE_INSERT, &q, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_int(q, 2, s->number);
	bind_date(q, 3, s->started);
	bind_date(q, 4, s->due);
	bind_date(q, 5, s->max_due);
	sqlite3_bind_int(q, 6, s->extended);
	sqlite3_bind_text(q, 7, str(s->extension_reason), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 8, str(s->extension_by), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 9, s->request_late);
	bind_date(q, 10, s->panel);
	bind_date(q, 11, s->responded);
	if (s->outcome >= 0)
		sqlite3_bind_text(q, 12, words_word(&WS_OUTCOME, s->outcome), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 13, s->paused_days);
	bind_date(q, 14, s->paused_since);
	bind_date(q, 15, s->acknowledged);
	bind_date(q, 16, s->extended_on);
	bind_date(q, 17, s->opened);
	/* Right from the start, so that migration 6's trigger has nothing to do. */
	sqlite3_bind_int(q, 18, c->kind == TL_KIND_COMPLAINT && c->procedure == TL_PROC_STATUTORY);
	return step_done(st, q, "saving a stage", err);
}


int case_stage_save(tl_store *st, const tl_case *c, const tl_stage *s, tl_err *err)
{
	return stage_write(st, true, c, s, err);
}

/* A new stage's pauses, as the moves would have written them. */
static int pauses_save(tl_store *st, const tl_case *c, const tl_stage *s, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	for (size_t i = 0; i < s->n_pauses && rc == TL_OK; i++) {
		const tl_pause *p = &s->pauses[i];
		if ((rc = store_stmt(st, "INSERT INTO stage_pauses(stage_id, paused, resumed, reason,"
				     " days) SELECT id, ?3, ?4, ?5, ?6 FROM stages WHERE case_id = ?1"
				     " AND stage = ?2", &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, c->id);
		sqlite3_bind_int(q, 2, s->number);
		bind_date(q, 3, p->paused);
		bind_date(q, 4, p->resumed);
		sqlite3_bind_text(q, 5, words_word(&WS_PAUSE, p->reason), -1, SQLITE_STATIC);
		if (p->days >= 0)
			sqlite3_bind_int(q, 6, p->days);
		rc = step_done(st, q, "saving a pause", err);
	}
	return rc;
}

/* The causes of a new case: nothing to remove first. */
static int causes_insert(tl_store *st, const tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if (c->n_causes && (rc = store_bulk_new_causes(st, c->id, err)))
		return rc;
	rc = TL_OK;
	for (size_t i = 0; i < c->n_causes && rc == TL_OK; i++) {
		if ((rc = store_stmt(st, "INSERT INTO case_causes(case_id, cause) "
				       "VALUES(?, ?)", &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, c->id);
		sqlite3_bind_text(q, 2, c->causes[i], -1, SQLITE_STATIC);
		rc = step_done(st, q, "saving causes", err);
	}
	return rc;
}

int case_causes_save(tl_store *st, const tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = store_stmt(st, "DELETE FROM case_causes WHERE case_id = ?", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, c->id);
	if ((rc = step_done(st, q, "saving causes", err)))
		return rc;
	return causes_insert(st, c, err);
}


static int actions_save(tl_store *st, const tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;
	for (size_t i = 0; i < c->n_actions; i++) {
		if ((rc = store_stmt(st, "INSERT OR IGNORE INTO actions(case_id, action, note) "
				       "VALUES(?, ?, ?)", &q, err)))
			return rc;
		sqlite3_bind_int64(q, 1, c->id);
		sqlite3_bind_text(q, 2, words_word(&WS_ACTION, c->actions[i]), -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 3, str(c->action_notes[i]), -1, SQLITE_STATIC);
		if ((rc = step_done(st, q, "saving actions", err)))
			return rc;
	}
	return TL_OK;
}

/* The open stage its stages' triggers would give the case (rule 8 of
 * tally.sql.h), written in its INSERT so that no trigger rewrites it. */
static int open_stage_of(const tl_case *c)
{
	const tl_stage *last = NULL;
	for (size_t i = 0; i < c->n_stages; i++)
		if (!last || c->stages[i].number > last->number)
			last = &c->stages[i];
	return last && last->responded == TL_NO_DATE ? last->number : 0;
}

int case_insert(tl_store *st, tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[STORE_STAMP_LEN];
	int rc;

	store_stamp(now);
	/* A complaint keeps the text of its profile as it stands today. */
	if (c->kind == TL_KIND_COMPLAINT && !c->rules && c->rules_text && *c->rules_text &&
	    (rc = store_profile_keep_text(st, c->rules_text, &c->rules, err)))
		return rc;
	if (c->kind == TL_KIND_COMPLAINT && !c->rules && c->profile[0] &&
	    (rc = store_profile_keep(st, c->profile, &c->rules, err)))
		return rc;
	if ((rc = store_stmt(st, "INSERT INTO cases(ref, kind, received, procedure, profile, channel, complainant,"
		" on_behalf, officer, service_area, team, summary, desired, contact,"
		" consent_to_publish, advocacy, unsafe, late_reason, created_at, matter_date,"
		" safety_handled, safety_note, safety_ref, rules, assessed_why, consent_names,"
		" complainant_name, child_name, tracking_hash, causes_key, retained, open_stage)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,nullif(?,''),?,?,?)",
		&q, err)))
		return rc;
	sqlite3_bind_text(q, 1, c->ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, words_word(&WS_KIND, c->kind), -1, SQLITE_STATIC);
	bind_date(q, 3, c->received);
	sqlite3_bind_text(q, 4, words_word(&WS_PROCEDURE, c->procedure), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, c->profile, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, words_word(&WS_CHANNEL, c->channel), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, words_word(&WS_COMPLAINANT, c->complainant), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 8, c->on_behalf);
	const char *texts[] = { c->officer, c->service_area, c->team, c->summary, c->desired,
				c->contact };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(q, 9 + i, str(texts[i]), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 15, c->consent_to_publish);
	sqlite3_bind_int(q, 16, c->advocacy);
	sqlite3_bind_int(q, 17, c->unsafe);
	sqlite3_bind_text(q, 18, str(c->late_reason), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 19, now, -1, SQLITE_STATIC);
	bind_date(q, 20, c->matter);
	bind_date(q, 21, c->safety_handled);
	sqlite3_bind_text(q, 22, str(c->safety_note), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 23, c->safety_ref, -1, SQLITE_STATIC);
	if (c->rules)
		sqlite3_bind_int64(q, 24, c->rules);
	sqlite3_bind_text(q, 25, str(c->assessed_why), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 26, c->consent_names);
	sqlite3_bind_text(q, 27, str(c->complainant_name), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 28, str(c->child_name), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 29, str(c->tracking_hash), -1, SQLITE_STATIC);
	/* What migration 3's triggers make of its causes, from the start, so
	 * that inserting them rewrites no row (migration 14). */
	sqlite3_bind_text(q, 30, c->n_causes == 0 ? "" : c->n_causes == 1 ? c->causes[0] : "*", -1,
			  SQLITE_STATIC);
	bind_date(q, 31, c->retained);
	sqlite3_bind_int(q, 32, open_stage_of(c));
	if ((rc = step_done(st, q, "saving a case", err)))
		return rc;
	c->id = sqlite3_last_insert_rowid(store_db(st));
	for (size_t i = 0; i < c->n_stages; i++)
		if ((rc = stage_write(st, false, c, &c->stages[i], err)) ||
		    (rc = pauses_save(st, c, &c->stages[i], err)))
			return rc;
	if ((rc = causes_insert(st, c, err)))
		return rc;
	return actions_save(st, c, err);
}
