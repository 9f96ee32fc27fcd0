/* store_stmt.c - prepared statements the store keeps for the life of its
 * connection, by the contract written in store_db.h. Saving a case runs a
 * dozen statements, and each that fires the report's triggers (migration
 * 5) compiles them when prepared: kept, they compile once per connection. */
#include <stdio.h>
#include "store_private.h"

int store_stmt(tl_store *st, const char *sql, sqlite3_stmt **out, tl_err *err)
{
	size_t i;

	*out = NULL;
	for (i = 0; i < st->n_stmts; i++)
		if (st->stmts[i].sql == sql)
			break;
	/* A kept statement still stepping belongs to a caller further up:
	 * this caller gets one of its own, finalized by store_stmt_done. */
	if (i < st->n_stmts && !sqlite3_stmt_busy(st->stmts[i].s)) {
		*out = st->stmts[i].s;
		return TL_OK;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL)) {
		char doing[64]; /* which statement: its first words */
		snprintf(doing, sizeof doing, "preparing \"%.36s...\"", sql);
		return store_fail(st, err, doing);
	}
	if (i == st->n_stmts && i < STORE_MAX_STMTS) {
		st->stmts[i].sql = sql;
		st->stmts[i].s = *out;
		st->n_stmts++;
	} else if (i == st->n_stmts && !st->stmts_overflowed) {
		/* Still correct, only slower: said once, and tests fail on it. */
		st->stmts_overflowed = true;
		fprintf(stderr, "tellus: warning: %s: more than %d kept statements; the rest are "
			"prepared on every use (raise STORE_MAX_STMTS)\n", st->path, STORE_MAX_STMTS);
	}
	return TL_OK;
}

bool store_stmt_overflowed(const tl_store *st)
{
	return st->stmts_overflowed;
}

void store_stmt_done(tl_store *st, sqlite3_stmt *s)
{
	for (size_t i = 0; s && i < st->n_stmts; i++)
		if (st->stmts[i].s == s) {
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return;
		}
	sqlite3_finalize(s);
}

void store_stmts_free(tl_store *st)
{
	for (size_t i = 0; i < st->n_stmts; i++)
		sqlite3_finalize(st->stmts[i].s);
	st->n_stmts = 0;
}
