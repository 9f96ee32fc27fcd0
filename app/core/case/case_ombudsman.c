/* case_ombudsman.c - Ombudsman (LGSCO) enquiries: recorded when one
 * arrives, decided later, or brought whole from a file. The annual report
 * counts enquiries by the day received and decisions by the day decided
 * (reports/tables/ombudsman.sql), so an open enquiry has no decided date
 * and no decision. Rows alike in every column are told apart by seq, as
 * for costs, so that a file imported twice adds nothing. */
#include <stdio.h>
#include "tellus/case.h"
#include "case_private.h"

static int check_dates(tl_store *st, tl_date received, tl_date decided, tl_err *err)
{
	if (!cal_in_range(received) || received > store_today(st))
		return err_set(err, TL_EINVAL, "received: must be a past date from %d", CAL_FIRST_YEAR);
	if (decided == TL_NO_DATE)
		return TL_OK;
	if (!cal_in_range(decided) || decided > store_today(st))
		return err_set(err, TL_EINVAL, "decided: must be a past date from %d", CAL_FIRST_YEAR);
	if (decided < received)
		return err_set(err, TL_EINVAL, "decided: is before received");
	return TL_OK;
}

/* The id of the row (ref, received, seq) that is still open (open true)
 * or any (open false); 0 when none, < 0 when the read failed. */
static long long find_row(tl_store *st, const char *ref, const char *received, int seq,
			  bool open, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	long long id = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT id FROM ombudsman WHERE ref = ? AND received = ?"
			       " AND seq = ? AND (NOT ? OR decided IS NULL) ORDER BY id", -1, &q, NULL))
		return -store_fail(st, err, "reading Ombudsman enquiries");
	sqlite3_bind_text(q, 1, ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, received, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, seq);
	sqlite3_bind_int(q, 4, open);
	if (sqlite3_step(q) == SQLITE_ROW)
		id = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return id;
}

/* Writes the decision into the open row id (one level open: ended here). */
static int decide_row(tl_store *st, long long id, const char *ref, const sync_move *m,
		      const char *decided, int decision, bool *changed, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char detail[200];
	if (sqlite3_prepare_v2(store_db(st), "UPDATE ombudsman SET decided = ?, decision = ?"
			       " WHERE id = ? AND decided IS NULL", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving an Ombudsman decision"), err);
	sqlite3_bind_text(q, 1, decided, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, words_word(&WS_OMBUDSMAN, decision), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, id);
	snprintf(detail, sizeof detail, "enquiry %lld decided=%s %s", id, decided,
		 words_word(&WS_OMBUDSMAN, decision));
	return case_figure_finish(st, q, "ombudsman_decided", ref, m, detail, changed, err);
}

int ombudsman_add(tl_store *st, const char *ref, tl_date received, tl_date decided,
		  int decision, int seq, bool *added, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char r[TL_DATE_LEN], d[TL_DATE_LEN] = "", detail[160];
	long long open;
	int rc;

	*added = false;
	if ((decided == TL_NO_DATE) != (decision < 0))
		return err_set(err, TL_EINVAL, "decision: a decision has a date and a decision; an "
			       "open enquiry neither");
	if (decision >= 0 && (size_t)decision >= WS_OMBUDSMAN.n)
		return err_set(err, TL_EINVAL, "decision: unknown Ombudsman decision");
	if ((rc = check_dates(st, received, decided, err)) ||
	    (rc = case_figure_ref(st, ref, err)) || (rc = store_begin(st, err)))
		return rc;
	date_format(received, r);
	if (decided != TL_NO_DATE)
		date_format(decided, d);
	/* An open enquiry is there already (or since decided): nothing new.
	 * A decision for an open enquiry completes it. */
	if ((open = find_row(st, ref ? ref : "", r, seq, decided != TL_NO_DATE, err)) < 0)
		return store_end(st, TL_EDB, err);
	if (open && decided == TL_NO_DATE)
		return store_end(st, TL_OK, err);
	/* The register replays the same call (sync_replay.c). */
	sync_move m = { .move = "ombudsman", .ref = ref, .when = received, .when2 = decided,
			.word = decision >= 0 ? words_word(&WS_OMBUDSMAN, decision) : NULL, .n = seq };
	if (open)
		return decide_row(st, open, ref, &m, d, decision, added, err);
	if (sqlite3_prepare_v2(store_db(st), "INSERT OR IGNORE INTO ombudsman(ref, received,"
			       " decided, decision, seq) VALUES(?, ?, ?, ?, ?)", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving an Ombudsman enquiry"), err);
	sqlite3_bind_text(q, 1, ref ? ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r, -1, SQLITE_STATIC);
	if (decision >= 0) {
		sqlite3_bind_text(q, 3, d, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 4, words_word(&WS_OMBUDSMAN, decision), -1, SQLITE_STATIC);
	}
	sqlite3_bind_int(q, 5, seq);
	snprintf(detail, sizeof detail, "received=%s%s%s%s%s", r, *d ? " decided=" : " (open)", d,
		 *d ? " " : "", decision >= 0 ? words_word(&WS_OMBUDSMAN, decision) : "");
	return case_figure_finish(st, q, "ombudsman", ref, &m, detail, added, err);
}

int ombudsman_enquiry(tl_store *st, const char *ref, tl_date received, long long *id,
		      tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char r[TL_DATE_LEN], detail[160];
	int rc;

	*id = 0;
	if ((rc = check_dates(st, received, TL_NO_DATE, err)) ||
	    (rc = case_figure_ref(st, ref, err)) || (rc = store_begin(st, err)))
		return rc;
	date_format(received, r);
	/* A new enquiry each time: seq follows the ones alike already there. */
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO ombudsman(ref, received, seq)"
			       " VALUES(?1, ?2, (SELECT coalesce(max(seq), 0) + 1 FROM ombudsman"
			       " WHERE ref = ?1 AND received = ?2))", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "saving an Ombudsman enquiry"), err);
	sqlite3_bind_text(q, 1, ref ? ref : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, r, -1, SQLITE_STATIC);
	snprintf(detail, sizeof detail, "received=%s (open)", r);
	if (sqlite3_step(q) != SQLITE_DONE) {
		sqlite3_finalize(q);
		return store_end(st, store_fail(st, err, "saving an Ombudsman enquiry"), err);
	}
	sqlite3_finalize(q);
	*id = sqlite3_last_insert_rowid(store_db(st));
	return store_end(st, store_audit(st, "ombudsman", ref, detail, err), err);
}

int ombudsman_decide(tl_store *st, long long id, tl_date decided, int decision, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char d[TL_DATE_LEN], ref[REF_MAX] = "";
	tl_date received = TL_NO_DATE;
	bool changed;
	int rc;

	if (decision < 0 || (size_t)decision >= WS_OMBUDSMAN.n)
		return err_set(err, TL_EINVAL, "decision: unknown Ombudsman decision");
	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "SELECT received, decided, ref FROM ombudsman"
			       " WHERE id = ?", -1, &q, NULL))
		return store_end(st, store_fail(st, err, "reading Ombudsman enquiries"), err);
	sqlite3_bind_int64(q, 1, id);
	if (sqlite3_step(q) != SQLITE_ROW)
		rc = err_set(err, TL_ENOTFOUND, "ID: no Ombudsman enquiry has the number %lld (see "
			     "tellus ombudsman list)", id);
	else if (sqlite3_column_type(q, 1) != SQLITE_NULL)
		rc = err_set(err, TL_ESTATE, "ID: enquiry %lld was already decided on %s", id,
			     sqlite3_column_text(q, 1));
	else {
		received = case_col_date(q, 0);
		snprintf(ref, sizeof ref, "%s", sqlite3_column_text(q, 2));
	}
	sqlite3_finalize(q);
	if (rc == TL_OK)
		rc = check_dates(st, received, decided, err);
	if (rc)
		return store_end(st, rc, err);
	date_format(decided, d);
	/* By this file's own number: not sent to a register (sync.h). */
	return decide_row(st, id, *ref ? ref : NULL, NULL, d, decision, &changed, err);
}

int ombudsman_list(tl_store *st, int year, enquiry_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK, step;

	if (sqlite3_prepare_v2(store_db(st), "SELECT id, ref, received, decided, decision FROM"
			       " ombudsman WHERE ?1 < 0 OR received BETWEEN printf('%04d-04-01', ?1)"
			       " AND printf('%04d-03-31', ?1 + 1) OR decided BETWEEN"
			       " printf('%04d-04-01', ?1) AND printf('%04d-03-31', ?1 + 1)"
			       " ORDER BY decided IS NOT NULL, received, id", -1, &q, NULL))
		return store_fail(st, err, "reading Ombudsman enquiries");
	sqlite3_bind_int(q, 1, year);
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		const char *dec = (const char *)sqlite3_column_text(q, 4);
		tl_enquiry e = {
			.id = sqlite3_column_int64(q, 0), .ref = (const char *)sqlite3_column_text(q, 1),
			.received = case_col_date(q, 2), .decided = case_col_date(q, 3),
			.decision = dec ? words_find(&WS_OMBUDSMAN, dec) : -1,
		};
		rc = fn(&e, arg);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading Ombudsman enquiries");
	sqlite3_finalize(q);
	return rc;
}
