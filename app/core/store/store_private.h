/* store_private.h - private: the inside of a tl_store, for the store_*.c
 * files only. Other modules use the functions of store.h. */
#ifndef TELLUS_STORE_PRIVATE_H
#define TELLUS_STORE_PRIVATE_H

#include "store_db.h"

/* A case's kept rules, parsed, by id (store_profile.c). */
#define STORE_MAX_KEPT 8
typedef struct {
	long long id;
	char name[PROC_NAME_MAX]; /* the profile it was kept under now, or "" */
	unsigned version;         /* the file's data version when it was */
	tl_profile p;
} tl_kept_rules;

struct tl_store {
	sqlite3 *db;
	char path[1024];
	char actor[128];
	tl_date today;
	int depth;            /* open transactions and savepoints */
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

#endif
