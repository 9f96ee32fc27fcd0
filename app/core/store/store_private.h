/* store_private.h - private: the inside of a tl_store, for the store_*.c
 * files only. Other modules use the functions of store.h. */
#ifndef TELLUS_STORE_PRIVATE_H
#define TELLUS_STORE_PRIVATE_H

#include "tellus/progress.h"
#include "store_db.h"

/* A case's kept rules, parsed, by id (store_profile.c). */
#define STORE_MAX_KEPT 8
typedef struct {
	long long id;
	char name[PROC_NAME_MAX]; /* the profile it was kept under now, or "" */
	unsigned version;         /* the file's data version when it was */
	tl_profile p;
} tl_kept_rules;

/* How long a connection waits for another's lock before it gives up. */
#define STORE_BUSY_MS 5000

/* What a bulk write remembers of what it read (store_bulk.c), while no
 * other connection can change it. */
#define STORE_MEMO_NAMES 32
#define STORE_MEMO_TEXT 208
typedef struct {
	unsigned long serial;      /* the bulk write it was kept in */
	char names[3][STORE_MEMO_NAMES][STORE_MEMO_TEXT]; /* store_list_known */
	unsigned n_names[3];       /* names kept (past STORE_MEMO_NAMES: in turn) */
	char key[32], value[STORE_MEMO_TEXT]; /* the last setting read */
} store_memo;

struct tl_store {
	sqlite3 *db;
	char path[1024];
	char actor[128];
	tl_date today;
	int depth;            /* open transactions and savepoints */
	bool tally_deferred;  /* rule 9 of tally.sql.h, until the outermost level ends */
	bool bulk;            /* rule 10 of store.h, likewise */
	bool doomed;          /* an inner level of a bulk write failed */
	struct {
		bool on;              /* its INSERT triggers are dropped until its commit */
		bool by_ids;          /* its cases are counted after max_case, not noted */
		long long max_case, max_stage; /* the last ids stored before it */
		char *triggers;       /* their CREATE TRIGGER text, in order; owned */
	} bulk_new;               /* store_bulk_new.c */
	unsigned long bulk_serial; /* counts the bulk writes begun */
	store_memo memo;          /* a bulk write's (store_bulk.c) */
	tl_profile profiles[4];   /* read inside the outermost level (store_profile.c) */
	struct {
		char a[TL_DATE_LEN], b[TL_DATE_LEN];
		int n;
	} workdays_last;          /* workdays()'s last answer (store_sql.c) */
	tl_progress_sink sink;    /* where long work shows its progress */
	tl_progress *counting;    /* work whose progress is counted in workdays() calls */
	size_t n_profiles;
	bool replaying;       /* a device's move is being replayed (sync_in.c) */
	tl_calendar *cal[2];        /* without and with closures, built on first use */
	struct {
		const char *sql;  /* the caller's literal: compared as a pointer */
		sqlite3_stmt *s;
	} stmts[STORE_MAX_STMTS]; /* kept by store_stmt (store_stmt.c) */
	size_t n_stmts;
	bool stmts_overflowed;    /* one more was asked for: said once on stderr */
	tl_kept_rules kept[STORE_MAX_KEPT]; /* emptied by a rollback (store_profile.c) */
	size_t n_kept;
};

/* After migrations: counts the report's totals again when this build's
 * statutory calendar is not the one they were counted with (store_tally.c). */
int store_tally_sync(tl_store *st, tl_err *err);

/* Rule 9 of tally.sql.h: counts the stages the deferred triggers noted,
 * inside the outermost level, before its COMMIT (store_commit). */
int store_tally_flush(tl_store *st, tl_err *err);

/* Long work that runs as SQL (a count of the report's totals, a check)
 * shows its progress: each row of tally_rows worked out calls workdays()
 * once more, which counts one more of total (store_sql.c). Between begin
 * and end, st->counting is p. */
void store_progress_begin(tl_store *st, tl_progress *p, const char *what, const char *unit,
			  long total);
void store_progress_end(tl_store *st, tl_progress *p);
/* The first column of the first row of sql as a number (0 when none). */
long store_count(tl_store *st, const char *sql);

/* Fills the lists of service areas and teams, once, after the migration
 * that makes them (store_lists.c); nothing before it or after the first. */
int store_lists_seed(tl_store *st, tl_err *err);

/* Finalizes the kept statements (before the connection closes). */
void store_stmts_free(tl_store *st);

/* In its own transaction: runs sql with a and b bound as ?1 and ?2, then
 * audits action with detail. */
int store_write_pair(tl_store *st, const char *sql, const char *a, const char *b,
		     const char *action, const char *detail, tl_err *err);

/* Registers workdays() and add_workdays() on st's connection (store_sql.c):
 * the schema's triggers call them, so before any migration or write. */
int store_sql_functions(tl_store *st, tl_err *err);

/* Rule 9 of tally.sql.h: what every noted stage counts now, and every
 * stage of a case after after (-1: none; rule 11), added to both running
 * totals (store_tally_add.c). */
int store_tally_add_touched(tl_store *st, long long after, tl_err *err);

/* The memo of the bulk write under way, emptied at its start; NULL
 * outside one (store_bulk.c). */
store_memo *store_memo_of(tl_store *st);

/* Rule 11 of tally.sql.h (store_bulk_new.c): at a bulk write's commit,
 * settles its new cases, by their ids or by noting them as the INSERT
 * triggers store_bulk_new_cases dropped would have, and makes those
 * again; the totals are counted after it (store_tally_flush, with
 * bulk_new.by_ids). forget ends it (after the count, or a rollback, which
 * brought the triggers back). */
int store_bulk_new_end(tl_store *st, tl_err *err);
void store_bulk_new_forget(tl_store *st);

#endif
