/* retention.c - tellus retention run: the names, contact and words of
 * cases closed more than retention_years ago are removed (one
 * transaction, each case audited); what the report counts stays. Then,
 * outside the transaction, the file is vacuumed and its WAL checkpointed
 * and truncated, so that no removed word stays in free pages, the WAL or
 * an old segment of the search index (which "optimize" merged inside the
 * transaction, with secure_delete on so freed space is zeroed). */
#include <stdio.h>
#include <stdlib.h>
#include "tellus/ref.h"
#include "tellus/retention.h"
#include "case/case_private.h"

/* When a case closed: see retention.h. NULL while it is open. */
#define CLOSED_SQL                                                                     \
	"CASE WHEN c.kind = 'compliment' THEN c.received"                              \
	" WHEN c.unsafe THEN c.safety_handled"                                         \
	" WHEN c.procedure = 'not_eligible' THEN coalesce((SELECT max(responded)"     \
	"  FROM stages WHERE case_id = c.id), c.received)"                            \
	" ELSE (SELECT responded FROM stages WHERE case_id = c.id"                    \
	"  ORDER BY stage DESC LIMIT 1) END"

static int years(tl_store *st, int *out, tl_err *err)
{
	char v[16];
	int rc = store_setting_get(st, "retention_years", v, sizeof v, err);
	*out = rc == TL_OK ? atoi(v) : 6; /* a register older than the setting */
	if (rc == TL_ENOTFOUND)
		rc = TL_OK;
	if (rc == TL_OK && *out < 1)
		rc = err_set(err, TL_EINVAL, "retention_years: '%s' must be 1 or more", v);
	return rc;
}

/* Today less retention_years (29 February becomes 28 February). */
static int cutoff_day(tl_store *st, tl_date *out, tl_err *err)
{
	int n, y, m, d, rc;
	if ((rc = years(st, &n, err)))
		return rc;
	date_to_ymd(store_today(st), &y, &m, &d);
	if (!date_valid_ymd(y - n, m, d))
		d = 28;
	*out = date_from_ymd(y - n, m, d);
	return TL_OK;
}

/* Each case due to fn: read whole first, since fn may change the rows. */
typedef int (*due_fn)(long long id, const char *ref, tl_date closed, void *arg);
typedef struct {
	long long id;
	char ref[REF_MAX];
	tl_date closed;
} due_case;

/* p: the progress of the work, or NULL. */
static int each_due(tl_store *st, tl_date cutoff, due_fn fn, void *arg, tl_progress *p,
		    tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN];
	due_case *all = NULL;
	size_t n = 0, cap = 0;
	int rc = TL_OK, step;

	date_format(cutoff, day);
	if (sqlite3_prepare_v2(store_db(st), "SELECT id, ref, closed FROM (SELECT c.id, c.ref, "
			       CLOSED_SQL " AS closed FROM cases c WHERE c.retained IS NULL)"
			       " WHERE closed <= ? ORDER BY closed, id", -1, &q, NULL))
		return store_fail(st, err, "reading cases");
	sqlite3_bind_text(q, 1, day, -1, SQLITE_STATIC);
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			due_case *more = realloc(all, (cap = cap ? 2 * cap : 64) * sizeof *all);
			if (!more) {
				rc = err_set(err, TL_ENOMEM, "retention: out of memory");
				break;
			}
			all = more;
		}
		all[n].id = sqlite3_column_int64(q, 0);
		snprintf(all[n].ref, sizeof all[n].ref, "%s", (const char *)sqlite3_column_text(q, 1));
		all[n++].closed = case_col_date(q, 2);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading cases");
	sqlite3_finalize(q);
	if (p)
		progress_set(p, 0, (long)n, false);
	for (size_t i = 0; rc == TL_OK && i < n; i++) {
		if (p)
			progress_hide(p); /* fn may print a line for the case */
		rc = fn(all[i].id, all[i].ref, all[i].closed, arg);
		if (p)
			progress_set(p, (long)i + 1, -1, false);
	}
	free(all);
	return rc;
}

typedef struct {
	retention_fn fn;
	void *arg;
} pass_arg;

static int pass_on(long long id, const char *ref, tl_date closed, void *arg)
{
	pass_arg *p = arg;
	(void)id;
	return p->fn(ref, closed, p->arg);
}

int retention_due(tl_store *st, retention_fn fn, void *arg, tl_date *cutoff, tl_err *err)
{
	pass_arg p = { fn, arg };
	int rc = cutoff_day(st, cutoff, err);
	return rc ? rc : each_due(st, *cutoff, pass_on, &p, NULL, err);
}

/* What is removed: a person's words wherever a case keeps them, and the
 * notes of actions taken. Staff's own words that the audit trail holds
 * (an extension's reason, a safety record's handling) stay with it. */
static const char *const REMOVE[] = {
	"UPDATE cases SET summary = '', desired = '', contact = '', complainant_name = '',"
	" child_name = '', late_reason = '', retained = ?2 WHERE id = ?1",
	"UPDATE actions SET note = '' WHERE case_id = ?1 AND note <> ''",
	"DELETE FROM case_revisions WHERE case_id = ?1",
	"DELETE FROM letters WHERE case_id = ?1",
};

/* The move (through case_apply, so that sync records it like any other):
 * a->when is the day the case closed. */
static int mv_retain(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap,
		     tl_err *err)
{
	char **words[] = { &c->summary, &c->desired, &c->contact, &c->complainant_name,
			   &c->child_name, &c->late_reason };
	char today[TL_DATE_LEN], day[TL_DATE_LEN];
	int rc = TL_OK;

	if (c->retained != TL_NO_DATE)
		return err_set(err, TL_ESTATE, "%s: its words were removed already", c->ref);
	for (size_t i = 0; rc == TL_OK && i < sizeof words / sizeof words[0]; i++)
		rc = case_set_text(words[i], "", err);
	c->retained = store_today(st);
	date_format(c->retained, today);
	for (size_t i = 0; rc == TL_OK && i < sizeof REMOVE / sizeof REMOVE[0]; i++) {
		sqlite3_stmt *q = NULL;
		if ((rc = store_stmt(st, REMOVE[i], &q, err)))
			break;
		sqlite3_bind_int64(q, 1, c->id);
		if (i == 0)
			sqlite3_bind_text(q, 2, today, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "removing");
		store_stmt_done(st, q);
	}
	date_format(a->when, day);
	snprintf(detail, cap, "names, contact, words and letters removed (closed %s)", day);
	return rc;
}

typedef struct {
	tl_store *st;
	tl_err *err;
	retention_fn fn;
	void *arg;
	long n;
} run_ctx;

static int remove_one(long long id, const char *ref, tl_date closed, void *arg)
{
	run_ctx *x = arg;
	tl_move_arg a = { .when = closed };
	int rc;

	(void)id;
	if ((rc = case_apply(x->st, ref, "retention", mv_retain, &a, x->err)) == TL_OK) {
		x->n++;
		if (x->fn)
			rc = x->fn(ref, closed, x->arg);
	}
	return rc;
}

/* SQLite calls this every so many steps of a long statement (VACUUM). */
static int tick(void *p)
{
	progress_tick(p);
	return 0;
}

static int exec(tl_store *st, const char *sql, const char *doing, tl_err *err)
{
	return sqlite3_exec(store_db(st), sql, NULL, NULL, NULL) ? store_fail(st, err, doing) : TL_OK;
}

/* Rewrites the file without the removed words' pages, and empties the
 * WAL: seconds on a big register, shown as it goes. */
static int vacuum(tl_store *st, tl_progress *p, tl_err *err)
{
	int rc;
	progress_phase(p, "vacuuming the file", "steps", -1);
	progress_tick(p);
	sqlite3_progress_handler(store_db(st), 100000, tick, p);
	rc = exec(st, "VACUUM", "vacuuming the file", err);
	sqlite3_progress_handler(store_db(st), 0, NULL, NULL);
	return rc ? rc : exec(st, "PRAGMA wal_checkpoint(TRUNCATE)", "emptying the WAL", err);
}

int retention_run(tl_store *st, retention_fn fn, void *arg, long *n, tl_date *cutoff,
		  tl_err *err)
{
	run_ctx x = { st, err, fn, arg, 0 };
	char day[TL_DATE_LEN], detail[200];
	tl_progress p;
	int rc;

	*n = 0;
	if ((rc = cutoff_day(st, cutoff, err)) ||
	    (rc = exec(st, "PRAGMA secure_delete = ON", "removing", err)) ||
	    (rc = store_begin(st, err)))
		return rc;
	date_format(*cutoff, day);
	progress_begin(&p, store_progress(st), "removing words by retention", "cases", -1);
	if ((rc = each_due(st, *cutoff, remove_one, &x, &p, err)) == TL_OK && x.n) {
		/* Merge the index into one segment: a deleted word lives on in
		 * the old segments until they are merged away. */
		progress_phase(&p, "merging the search index", "steps", -1);
		progress_tick(&p);
		rc = exec(st, "INSERT INTO case_search(case_search) VALUES('optimize')",
			  "merging the search index", err);
	}
	snprintf(detail, sizeof detail, "%ld cases closed on or before %s", x.n, day);
	if (rc == TL_OK)
		rc = store_audit(st, "retention_run", NULL, detail, err);
	if ((rc = store_end(st, rc, err)) == TL_OK && x.n)
		rc = vacuum(st, &p, err);
	progress_end(&p);
	*n = x.n;
	sqlite3_exec(store_db(st), "PRAGMA secure_delete = OFF", NULL, NULL, NULL);
	return rc;
}
