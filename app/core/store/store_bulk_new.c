/* store_bulk_new.c - a bulk write of new cases, settled at its commit
 * rather than row by row (rule 10 of store.h, rule 11 of tally.sql.h).
 *
 * Each trigger a row fires costs SQLite a frame and a statement journal
 * of its own even when its WHEN is false: for a file of cases that was
 * about a third of an import. While such a write is open, the triggers on
 * INSERT into cases, stages and case_causes are dropped (inside its
 * transaction, so a rollback or a crash brings them back with everything
 * else). At its commit the new cases are read by their ids where they are
 * as the settle would leave them, or else noted at once as those triggers
 * would have noted them while deferred; the triggers are made again, in
 * their order, from the text the file held.
 *
 * This file runs SQL it does not hold as literals (tests/security/
 * sqlcheck.py allows it by name): the CREATE TRIGGER statements read back
 * from the file's own schema, each one checked to be a CREATE TRIGGER. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_private.h"
#include "tally.sql.h"

/* The triggers on INSERT into cases, stages and case_causes (migrations
 * 3, 5, 6, 11, 12, 14, 15), by name: one added later and not named here
 * stays, and fires as it would anyway. Their text is read back in the
 * order they were made (SQLite fires the triggers of one event newest
 * first). A cause given to a case stored before is noted by the one place
 * that writes causes (case_store.c, through store_bulk_new_causes). */
#define BULK_TRIGGERS                                                                 \
	"'tally_stage_insert', 'tally_stage_insert_deferred', 'stages_counted_insert',"  \
	" 'cases_open_stage_insert', 'case_causes_key_insert',"                          \
	" 'case_causes_key_insert_deferred', 'case_search_insert',"                      \
	" 'case_search_insert_deferred'"
#define BULK_TRIGGERS_TEXT                                                            \
	"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ("           \
	BULK_TRIGGERS ") ORDER BY rowid"
#define BULK_TRIGGERS_DROP                                                            \
	"DROP TRIGGER IF EXISTS tally_stage_insert;"                                   \
	"DROP TRIGGER IF EXISTS tally_stage_insert_deferred;"                          \
	"DROP TRIGGER IF EXISTS stages_counted_insert;"                                \
	"DROP TRIGGER IF EXISTS cases_open_stage_insert;"                              \
	"DROP TRIGGER IF EXISTS case_causes_key_insert;"                               \
	"DROP TRIGGER IF EXISTS case_causes_key_insert_deferred;"                      \
	"DROP TRIGGER IF EXISTS case_search_insert;"                                   \
	"DROP TRIGGER IF EXISTS case_search_insert_deferred;"
/* What the deferred INSERT triggers of cases, stages and case_causes
 * note, for every case after ?1 (rule 11); each case for its causes_key,
 * causes or none, since the check that sent it here may have found that
 * one wrong. */
#define NOTE_NEW_CASES                                                                \
	"INSERT OR IGNORE INTO tally_touched SELECT id FROM stages WHERE case_id > ?1;" \
	"INSERT OR IGNORE INTO search_touched SELECT id FROM cases WHERE id > ?1;"     \
	"INSERT OR IGNORE INTO tally_cases_touched SELECT id FROM cases WHERE id > ?1;"
/* Its new cases and their stages are noted only at the commit, so the
 * UPDATE and DELETE triggers, which take away what a stage not yet noted
 * counted before, must never see one: changing them is refused, on this
 * connection, until the commit (numbers only are put in this text). */
#define GUARDS_FMT                                                                    \
	"CREATE TEMP TRIGGER bulk_new_stage_update BEFORE UPDATE ON main.stages"      \
	" WHEN OLD.case_id > %lld BEGIN SELECT RAISE(ABORT, 'a stage of a case new in"  \
	" this bulk write cannot change before its commit'); END;"                     \
	"CREATE TEMP TRIGGER bulk_new_stage_delete BEFORE DELETE ON main.stages"      \
	" WHEN OLD.case_id > %lld BEGIN SELECT RAISE(ABORT, 'a stage of a case new in"  \
	" this bulk write cannot change before its commit'); END;"                     \
	"CREATE TEMP TRIGGER bulk_new_case_update BEFORE UPDATE ON main.cases"        \
	" WHEN OLD.id > %lld BEGIN SELECT RAISE(ABORT, 'a case new in this bulk"        \
	" write cannot change before its commit'); END;"
#define GUARDS_DROP                                                                   \
	"DROP TRIGGER temp.bulk_new_stage_update; DROP TRIGGER temp.bulk_new_stage_delete;" \
	"DROP TRIGGER temp.bulk_new_case_update;"
/* A stage given to a case stored before the bulk write: not noted. */
#define OLD_CASE_NEW_STAGE                                                            \
	"SELECT EXISTS(SELECT 1 FROM stages WHERE id > ?2 AND case_id <= ?1)"

/* -1 when it cannot be read (store_count would say 0, and a bulk write
 * noting every case after 0 would count every stage twice). */
static long long max_id(tl_store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* Appends s and a terminating ";\n" to st->bulk_new.triggers. */
static int keep_text(tl_store *st, const char *s, tl_err *err)
{
	size_t have = st->bulk_new.triggers ? strlen(st->bulk_new.triggers) : 0;
	size_t n = strlen(s);
	char *more = realloc(st->bulk_new.triggers, have + n + 3);
	if (!more)
		return err_set(err, TL_ENOMEM, "store: out of memory");
	memcpy(more + have, s, n);
	memcpy(more + have + n, ";\n", 3);
	st->bulk_new.triggers = more;
	return TL_OK;
}

int store_bulk_new_cases(tl_store *st, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (!st->bulk || st->depth != 1 || st->bulk_new.on)
		return err_set(err, TL_EDB, "store: new cases are a bulk write's, once");

	st->bulk_new.max_case = max_id(st, "SELECT coalesce(max(id), 0) FROM cases");
	st->bulk_new.max_stage = max_id(st, "SELECT coalesce(max(id), 0) FROM stages");
	if (st->bulk_new.max_case < 0 || st->bulk_new.max_stage < 0 ||
	    sqlite3_prepare_v2(st->db, BULK_TRIGGERS_TEXT, -1, &q, NULL))
		return store_fail(st, err, "setting up a bulk write");
	/* Read whole first: the schema cannot change under a reading statement.
	 * A read that stops early would drop triggers whose text is not kept. */
	int step;
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(q, 0);
		rc = text ? keep_text(st, text, err)
			  : err_set(err, TL_EDB, "store: a trigger of the schema has no text");
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "setting up a bulk write");
	sqlite3_finalize(q);
	char guards[sizeof GUARDS_FMT + 64];
	long long c = st->bulk_new.max_case;
	snprintf(guards, sizeof guards, GUARDS_FMT, c, c, c);
	if (rc == TL_OK && (sqlite3_exec(st->db, BULK_TRIGGERS_DROP, NULL, NULL, NULL) ||
			    sqlite3_exec(st->db, guards, NULL, NULL, NULL)))
		rc = store_fail(st, err, "setting up a bulk write");
	if (rc == TL_OK)
		st->bulk_new.on = true;
	return rc;
}

int store_bulk_new_causes(tl_store *st, long long case_id, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if (!st->bulk_new.on || case_id > st->bulk_new.max_case)
		return TL_OK;
	if ((rc = store_stmt(st, "INSERT OR IGNORE INTO tally_cases_touched VALUES(?)", &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, case_id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "noting causes");
	store_stmt_done(st, q);
	return rc;
}

/* Makes the kept triggers again, one checked statement at a time. */
static int remake(tl_store *st, tl_err *err)
{
	const char *text = st->bulk_new.triggers ? st->bulk_new.triggers : "";
	int rc = TL_OK;

	for (;;) {
		sqlite3_stmt *q = NULL;
		const char *tail = NULL;
		while (*text == ' ' || *text == '\n')
			text++;
		if (rc || !*text)
			break;
		if (sqlite3_prepare_v2(st->db, text, -1, &q, &tail) != SQLITE_OK || !q)
			return store_fail(st, err, "ending a bulk write");
		if (sqlite3_strnicmp(sqlite3_sql(q), "CREATE TRIGGER", 14))
			rc = err_set(err, TL_EDB, "store: the schema's trigger text is not a trigger");
		else if (sqlite3_step(q) != SQLITE_DONE)
			rc = store_fail(st, err, "ending a bulk write");
		sqlite3_finalize(q);
		text = tail;
	}
	return rc;
}

/* Runs each statement of sql to its end, ?1 bound to the last case stored
 * before the bulk write; a row of the first is its answer (*first). */
static int run_bound(tl_store *st, const char *sql, int *first, const char *doing,
		     tl_err *err)
{
	const char *tail;
	int rc = TL_OK;

	while (rc == TL_OK && *sql) {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(st->db, sql, -1, &q, &tail) != SQLITE_OK)
			return store_fail(st, err, doing);
		sqlite3_bind_int64(q, 1, st->bulk_new.max_case);
		int step = sqlite3_step(q);
		if (step == SQLITE_ROW && first)
			*first = sqlite3_column_int(q, 0);
		else if (step != SQLITE_DONE)
			rc = store_fail(st, err, doing);
		sqlite3_finalize(q);
		sql = tail;
	}
	return rc;
}

int store_bulk_new_end(tl_store *st, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc, old = 0, derived_ok = 0;

	if (!st->bulk_new.on)
		return TL_OK;
	if (sqlite3_prepare_v2(st->db, OLD_CASE_NEW_STAGE, -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, st->bulk_new.max_case);
		sqlite3_bind_int64(q, 2, st->bulk_new.max_stage);
		old = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	}
	sqlite3_finalize(q);
	if (old)
		return old < 0 ? store_fail(st, err, "ending a bulk write")
			: err_set(err, TL_EDB, "store: a bulk write gave a stage to a case stored "
				  "before it: nothing is saved");
	/* Read by their ids when nothing is left to set (the settle's UPDATEs,
	 * through the UPDATE triggers, would take away counts that unnoted
	 * stages never added); else noted, for the settle to set. */
	if ((rc = run_bound(st, BULK_NEW_DERIVED_OK, &derived_ok, "settling a bulk write's cases",
			    err)))
		return rc;
	if (derived_ok)
		rc = run_bound(st, BULK_NEW_SEARCH, NULL, "indexing a bulk write's cases", err);
	else
		rc = run_bound(st, NOTE_NEW_CASES, NULL, "noting a bulk write's cases", err);
	if (rc == TL_OK && (rc = remake(st, err)) == TL_OK &&
	    sqlite3_exec(st->db, GUARDS_DROP, NULL, NULL, NULL))
		rc = store_fail(st, err, "ending a bulk write");
	if (rc == TL_OK) {
		st->bulk_new.on = false;
		st->bulk_new.by_ids = derived_ok;
	}
	return rc;
}

void store_bulk_new_forget(tl_store *st)
{
	free(st->bulk_new.triggers);
	memset(&st->bulk_new, 0, sizeof st->bulk_new);
}
