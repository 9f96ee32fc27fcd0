/* case_safety.c - "I don't feel safe" records (SPEC 8 and 14): not a
 * complaint, so no stages and no clock; staff mark one handled with a
 * note of what they did; a complaint can be opened from one, linked both
 * ways; and whether staff have been told of one, which the kiosk asks
 * before it says so to a child. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "case_private.h"

int case_refuse_safety(const tl_case *c, tl_err *err)
{
	if (!c->unsafe)
		return TL_OK;
	return err_set(err, TL_ESTATE, "%s: is a safety concern (\"I don't feel safe\"), not a "
		       "complaint: it has no stages and no clock; mark it handled (tellus handled "
		       "%s --note TEXT) or open a linked complaint (tellus complaint-from %s)",
		       c->ref, c->ref, c->ref);
}

int case_linked_complaint(tl_store *st, tl_case *c, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	c->linked_complaint[0] = '\0';
	if ((rc = store_stmt(st, "SELECT ref FROM cases WHERE safety_ref = ? ORDER BY id LIMIT 1",
			     &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, c->ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		snprintf(c->linked_complaint, sizeof c->linked_complaint, "%s",
			 sqlite3_column_text(q, 0));
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading a case");
	store_stmt_done(st, q);
	return rc;
}

static int mv_handled(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN];
	int rc;

	if (!c->unsafe)
		return err_set(err, TL_ESTATE, "%s: is not a safety concern", c->ref);
	if (c->safety_handled != TL_NO_DATE) {
		date_format(c->safety_handled, day);
		return err_set(err, TL_ESTATE, "%s: the safety concern is already handled (%s)",
			       c->ref, day);
	}
	if ((rc = text_check("note", a->text, 2000, TEXT_REQUIRED, err)))
		return rc;
	if (a->when < c->received)
		return err_set(err, TL_ESTATE, "%s: the concern cannot be handled before it was "
			       "raised", c->ref);
	c->safety_handled = a->when;
	if ((rc = case_set_text(&c->safety_note, a->text, err)))
		return rc;
	date_format(a->when, day);
	if (sqlite3_prepare_v2(store_db(st), "UPDATE cases SET safety_handled = ?, safety_note = ?"
			       " WHERE id = ?", -1, &q, NULL))
		return store_fail(st, err, "saving a case");
	sqlite3_bind_text(q, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, a->text, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 3, c->id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a case");
	sqlite3_finalize(q);
	/* Staff's own account of what they did, never the child's words. */
	snprintf(detail, cap, "safety concern handled %s: %s", day, a->text);
	return rc;
}

int case_safety_handled(tl_store *st, const char *ref, tl_date when, const char *note,
			tl_err *err)
{
	tl_move_arg a = { .when = when, .text = note };
	return case_apply(st, ref, "safety_handled", mv_handled, &a, err);
}

/* The safety record a complaint is to be opened from, or a refusal. */
static int check_source(tl_store *st, const char *ref, const tl_case *c, tl_case *src,
			tl_err *err)
{
	char day[TL_DATE_LEN];
	int rc = case_get(st, ref, src, err);

	if (rc)
		return rc;
	if (!src->unsafe)
		return err_set(err, TL_ESTATE, "%s: is not a safety concern (a complaint is opened "
			       "from an \"I don't feel safe\" record)", src->ref);
	if (src->linked_complaint[0])
		return err_set(err, TL_EEXIST, "%s: already has a linked complaint, %s", src->ref,
			       src->linked_complaint);
	date_format(src->received, day);
	if (c->received != TL_NO_DATE && c->received < src->received)
		return err_set(err, TL_EINVAL, "received: a complaint opened from %s cannot be "
			       "received before it (%s)", src->ref, day);
	return TL_OK;
}

int case_log_from(tl_store *st, const char *safety_ref, tl_case *c, tl_err *err)
{
	tl_case src;
	char detail[128];
	int rc;

	case_init(&src);
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = check_source(st, safety_ref, c, &src, err)))
		goto cleanup;
	c->kind = TL_KIND_COMPLAINT;
	c->unsafe = false;
	snprintf(c->safety_ref, sizeof c->safety_ref, "%s", src.ref);
	if (c->complainant < 0)
		c->complainant = src.complainant;
	if ((!c->service_area || !*c->service_area) &&
	    (rc = case_set_text(&c->service_area, src.service_area, err)))
		goto cleanup;
	if ((rc = case_log(st, c, err)))
		goto cleanup;
	snprintf(detail, sizeof detail, "complaint %s opened from it", c->ref);
	rc = store_audit(st, "complaint_from", src.ref, detail, err);
cleanup:
	case_clear(&src);
	if ((rc = store_end(st, rc, err)))
		c->ref[0] = '\0';
	return rc;
}

int case_staff_told(tl_store *st, const char *ref, bool *told, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	tl_case c;
	int rc;

	*told = false;
	if ((rc = case_get(st, ref, &c, err)))
		return rc;
	*told = c.safety_handled != TL_NO_DATE;
	if (!*told && (rc = store_stmt(st, "SELECT 1 FROM safety_told WHERE case_id = ?", &q, err)) == TL_OK) {
		sqlite3_bind_int64(q, 1, c.id);
		rc = sqlite3_step(q);
		*told = rc == SQLITE_ROW;
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading a case");
		store_stmt_done(st, q);
	}
	case_clear(&c);
	return rc;
}

int case_staff_told_mark(tl_store *st, const char *ref, const char *how, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32], detail[64];
	time_t t = time(NULL);
	struct tm tm;
	tl_case c;
	int rc;

	if (!how || (strcmp(how, "alert") && strcmp(how, "register")))
		return err_set(err, TL_EINVAL, "how: '%.20s' is not one of alert, register",
			       how ? how : "");
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = case_get(st, ref, &c, err)))
		goto cleanup;
	if (!c.unsafe) {
		rc = err_set(err, TL_ESTATE, "%s: is not a safety concern", c.ref);
		goto cleanup;
	}
	gmtime_r(&t, &tm);
	strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if ((rc = store_stmt(st, "INSERT OR IGNORE INTO safety_told(case_id, at, how) VALUES(?, ?, ?)",
			     &q, err)))
		goto cleanup;
	sqlite3_bind_int64(q, 1, c.id);
	sqlite3_bind_text(q, 2, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, how, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a case");
	store_stmt_done(st, q);
	snprintf(detail, sizeof detail, "how=%s", how);
	if (rc == TL_OK && sqlite3_changes(store_db(st)) > 0)
		rc = store_audit(st, "staff_told", c.ref, detail, err);
cleanup:
	case_clear(&c);
	return store_end(st, rc, err);
}
