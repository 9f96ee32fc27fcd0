/* store.h - the SQLite file that holds everything.
 * Opening creates the file (mode 0600) or migrates it forward (PRAGMA
 * user_version), turns on WAL, foreign keys, synchronous=FULL and a busy
 * timeout. A tl_store also carries who is acting and what day it is, so the
 * core never reads globals.
 *
 * Transactions: the rules. Each names, in brackets, the function that
 * makes the transition (store.c); the store keeps the depth, the number of
 * levels open.
 *
 *  1. Opening a level. At depth 0 a level is BEGIN IMMEDIATE, which takes
 *     the file's write lock at once, so that two writers queue instead of
 *     failing half-way; deeper it is SAVEPOINT spN, N the depth before.
 *     The depth goes up only when that statement succeeded [store_begin].
 *  2. Closing a level. The code that opened a level closes it, exactly
 *     once, before it returns [store_end: commit if all went well, else
 *     roll back]. A commit is COMMIT at depth 1 and RELEASE spN deeper
 *     [store_commit]; one that fails leaves the level open, so a caller
 *     that commits by hand rolls back after a failed commit. A rollback is
 *     ROLLBACK at depth 1, ROLLBACK TO spN then RELEASE spN deeper, and
 *     cannot fail [store_rollback].
 *  3. One level per write. Every public function of the core that writes
 *     opens its own level and closes it before it returns, with its audit
 *     entry inside: on its own it is all or nothing. A caller may wrap
 *     several in one outer level to make them all or nothing together: an
 *     inner level rolled back undoes its own work only, and the outer
 *     level's owner decides whether the rest is kept. Nothing of an inner
 *     level is on disk before the outermost commit.
 *  4. Who holds a level across calls: csvio_import (a whole file, in bulk
 *     by rule 10), kiosk_submit (case_log and receipt_issue:
 *     a receipt on screen names a case on disk), `tellus receipt`
 *     (receipt_issue and the file that shows the code) and, next, sync
 *     replaying a bundle's moves. While a level is open the write lock is
 *     held: other writers wait up to the busy timeout (5 s), then fail as
 *     busy. A holder never waits for a person or the network inside one.
 *  5. Durability: WAL with synchronous=FULL. When store_commit returns
 *     TL_OK at depth 1, the change survives a power cut; a released
 *     savepoint is not on disk before its outermost commit.
 *  6. A rollback, at any depth, drops the calendar with closures
 *     (store_calendar): it may have been built inside the level from
 *     closures that the rollback undoes, and would go on counting days off
 *     that no longer exist. The statutory calendar depends on no row and
 *     stays; a commit keeps both. (So a closure another program adds is
 *     seen here once this store drops that calendar: a closure change of
 *     its own, a rollback, or opening the file again.) It empties the
 *     cache of cases' kept rules too (store_profile_kept): an id written
 *     inside the level may be given to another text after it.
 *  7. When SQLite ends a transaction itself (a full disk or an I/O error
 *     rolls it back), every level still closes by rule 2: the rollbacks
 *     find nothing to undo, the outermost commit fails, and the caller
 *     sees the error. Nothing half-written stays.
 *  8. Reads take no level: under WAL each statement reads committed data.
 *     A reader whose statements must all see one moment (store_check,
 *     report_run, csvio_export) opens a read snapshot [store_read_begin,
 *     store_db.h: BEGIN DEFERRED when no transaction is open, none inside
 *     a level, which it then reads], takes no write lock, so the kiosk goes
 *     on writing, and writes nothing inside it.
 *  9. store_close with a level still open loses it (SQLite rolls it back):
 *     a caller's bug, never a way to end one.
 * 10. A bulk write. The holder of the outermost level that writes many
 *     cases and rolls back on the first failure (csvio_import) says so
 *     [store_bulk]. Until that level ends: the report's running totals are
 *     counted once, at its commit, for every stage touched (rule 9 of
 *     tally.sql.h); and the levels opened inside it are counted in the
 *     depth but take no savepoint, since none is ever rolled back alone:
 *     an inner level that ends in failure dooms the transaction, whose
 *     commit then fails, so that the holder rolls it all back. A row of a
 *     file costs no SAVEPOINT and RELEASE, and no journal of its own. One
 *     that adds new cases only says so too [store_bulk_new_cases]: their
 *     rows fire no INSERT trigger, and are settled at its commit (rule 11
 *     of tally.sql.h). */
#ifndef TELLUS_STORE_H
#define TELLUS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/calendar.h"
#include "tellus/procedure.h"
#include "tellus/progress.h"


typedef struct tl_store tl_store;

/* The schema version this build writes (PRAGMA user_version). */
int store_schema_version(void);

/* SQLite's memory through a cache of freed small blocks (store_mem.c),
 * for a short-lived process: called before any store is opened, it is
 * kept until the process ends. */
void store_mem_cache(void);

/* Opens or creates path. The caller closes it with store_close(). */
int store_open(const char *path, tl_store **out, tl_err *err);
/* The same, showing the progress of work the opening does (counting the
 * report's totals again for a new calendar) through sink. */
int store_open_progress(const char *path, const tl_progress_sink *sink, tl_store **out,
			tl_err *err);
/* Where long work on this store shows its progress (progress.h); NULL: a
 * line on stderr when it is a terminal. */
void store_set_progress(tl_store *st, const tl_progress_sink *sink);
const tl_progress_sink *store_progress(const tl_store *st);
void store_close(tl_store *st);
/* The file st was opened with (to open more connections to it). */
const char *store_path(const tl_store *st);
/* The default path: $TELLUS_DB, else $XDG_DATA_HOME/tellus/tellus.db, else
 * ~/.local/share/tellus/tellus.db; creates the folder. */
int store_default_path(char *out, size_t cap, tl_err *err);

/* Who acts (staff name, "kiosk", "cli:USER") and which day is today. */
void store_set_actor(tl_store *st, const char *who);
const char *store_actor(const tl_store *st);
void store_set_today(tl_store *st, tl_date today);
tl_date store_today(const tl_store *st);

/* Transactions: see the rules at the top of this file. */
int store_begin(tl_store *st, tl_err *err);
int store_commit(tl_store *st, tl_err *err);
void store_rollback(tl_store *st);
/* Closes the level store_begin opened: commits when rc is TL_OK, rolls back
 * otherwise or when the commit fails. Returns rc, or the commit's failure. */
int store_end(tl_store *st, int rc, tl_err *err);

/* Appends to the audit trail (who and when from the store). ref may be NULL. */
int store_audit(tl_store *st, const char *action, const char *ref,
		const char *detail, tl_err *err);
/* One line of the audit trail; the strings live until fn returns. */
typedef struct {
	const char *at;      /* UTC, 2026-01-05T10:04:00Z */
	const char *who;
	const char *action;
	const char *ref;     /* "" for a line about no case */
	const char *detail;
} tl_audit_line;
/* fn returns non-zero to stop; store_audit_list then returns that. */
typedef int (*store_audit_fn)(const tl_audit_line *line, void *arg);
/* The audit trail in the order it was written, of one case (ref as
 * stored) or of everything (ref NULL). */
int store_audit_list(tl_store *st, const char *ref, store_audit_fn fn, void *arg, tl_err *err);

/* Settings: known keys only (see store_setting_known). get returns
 * TL_ENOTFOUND for a key with no value. */
bool store_setting_known(const char *key);
/* "key, key, ...": every known setting, into out. */
void store_setting_keys(char *out, size_t cap);
int store_setting_get(tl_store *st, const char *key, char *out, size_t cap, tl_err *err);
int store_setting_set(tl_store *st, const char *key, const char *value, tl_err *err);

/* Closure days: an authority's own non-working days. */
int store_closure_add(tl_store *st, tl_date d, const char *name, tl_err *err);
int store_closure_remove(tl_store *st, tl_date d, tl_err *err);
/* *out is malloc'd; the caller frees it. */
int store_closure_list(tl_store *st, tl_day_off **out, size_t *n, tl_err *err);

/* The calendar with or without closures, built on first use and kept
 * until the closures change. Owned by the store. */
int store_calendar(tl_store *st, bool with_closures, const tl_calendar **out, tl_err *err);

/* A procedure profile by name (built-in or stored with store_profile_put). */
int store_profile(tl_store *st, const char *name, tl_profile *out, tl_err *err);
int store_profile_put(tl_store *st, const char *text, tl_err *err);
/* The rules a case keeps (SPEC 3: a case keeps the rules it started
 * under): keep stores the text of profile name as it stands now, once per
 * distinct text, inside the caller's transaction, and names it by *id;
 * kept reads a kept text back by its id. */
int store_profile_keep(tl_store *st, const char *name, long long *id, tl_err *err);
/* As keep, for a text given (an imported case's rules, which may be a
 * profile's text of long ago). */
int store_profile_keep_text(tl_store *st, const char *text, long long *id, tl_err *err);
int store_profile_kept(tl_store *st, long long id, tl_profile *out, tl_err *err);
/* Names of every profile, one a line, into out. */
int store_profile_names(tl_store *st, char *out, size_t cap, tl_err *err);

/* What store_check found. The file is sound when integrity is "ok" and
 * the counts of what differs are 0. */
typedef struct {
	char integrity[256];  /* "ok", or SQLite's first complaint */
	long foreign_keys;    /* rows that name a row that is not there */
	long tally_groups;    /* rows of the report's running totals that differ
			       * from a count from scratch (a group with a
			       * wrong count is two: the kept and the true) */
	long counted_wrong;   /* stages whose counted flag (statutory or not)
			       * disagrees with their case */
	long stages;          /* statutory complaint stages counted */
	long open_wrong;      /* cases whose open stage (what the lists read)
			       * disagrees with their stages */
	long open;            /* cases with an open stage */
	long causes_wrong;    /* cases whose causes_key (what the report counts a
			       * complaint under) disagrees with their causes */
} tl_checkup;
/* Checks the whole file: SQLite's integrity check, every foreign key, and
 * the report's running totals against the stages and cases they count. */
int store_check(tl_store *st, tl_checkup *out, tl_err *err);
/* Rule 9 of tally.sql.h alone: the outermost level's running totals, open
 * stages and search index are settled once, at its commit, while the
 * levels inside keep their savepoints (sync_in: a move that fails is
 * rolled back alone, and its notes with it). */
int store_defer(tl_store *st, tl_err *err);
/* Rule 10: the outermost level is a bulk write, all or nothing. */
int store_bulk(tl_store *st, tl_err *err);
/* Rule 10 too, after store_bulk: the write adds new cases only, and never
 * a stage to a case stored before it (its commit fails if it did). Their
 * cases, stages and causes fire no INSERT trigger; the commit settles them
 * all at once for the totals, the open stages and the search index (rule
 * 11 of tally.sql.h). */
int store_bulk_new_cases(tl_store *st, tl_err *err);
/* Counts the report's running totals and counted flags again from scratch
 * and keeps that count, and sets each case's open stage again (audited),
 * in one transaction. Opening a file does
 * the same by itself when the statutory calendar of this build is not the
 * one that counted them. */
int store_tally_rebuild(tl_store *st, tl_err *err);

#endif
