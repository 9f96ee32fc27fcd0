/* store_db.h - private to the core: the SQLite connection under a
 * tl_store, for the core modules that run their own statements (case,
 * csvio, receipt, report, staff, store). Front ends never include it:
 * they see include/tellus/ only, and SQLite stays inside the core.
 * Unit tests may include it (they are white-box). */
#ifndef TELLUS_STORE_DB_H
#define TELLUS_STORE_DB_H

#include <sqlite3.h>
#include "tellus/store.h"

/* The connection; owned by the store (never closed by the caller). */
sqlite3 *store_db(tl_store *st);

/* A statement for sql, prepared once and kept by the store, for SQL that
 * runs for every case. The caller binds and steps it, then hands it back
 * with store_stmt_done (never sqlite3_finalize), which resets it.
 *
 * The contract of the cache (store_stmt.c):
 *  - sql must be a string literal (or another string that lives as long
 *    as the store): the cache finds a statement by the string's address,
 *    not its text, so that a lookup is a pointer compare. Two equal
 *    literals may or may not share an address; either way is correct.
 *  - The cache holds STORE_MAX_STMTS statements. Past that, store_stmt
 *    still works but prepares a new statement on every call (which
 *    store_stmt_done finalizes): correct, only slower. It says so once
 *    per connection on stderr, and the unit tests fail on it (their
 *    teardown asserts !store_stmt_overflowed), so that raising the limit
 *    is never missed.
 *  - A kept statement that is still stepping (a caller further up the
 *    stack is iterating it) is not handed out twice: the second caller
 *    gets a statement of its own. */
#define STORE_MAX_STMTS 48
int store_stmt(tl_store *st, const char *sql, sqlite3_stmt **out, tl_err *err);
void store_stmt_done(tl_store *st, sqlite3_stmt *s);
/* Has store_stmt been asked to keep more than STORE_MAX_STMTS statements
 * on this connection? Unit tests assert it is not, after their work. */
bool store_stmt_overflowed(const tl_store *st);

/* A read snapshot (rule 8 of store.h): BEGIN DEFERRED when no transaction
 * is open, and then *own is true; inside one, nothing (the reader reads
 * what that transaction sees). doing names the step in a failure.
 * store_read_end(st, own) ends what store_read_begin began. */
int store_read_begin(tl_store *st, bool *own, const char *doing, tl_err *err);
void store_read_end(tl_store *st, bool own);

/* While sync replays a device's move at the register (sync_in.c): the
 * lifecycle keeps the reference the device gave a new case, and records
 * no move of its own. */
void store_set_replaying(tl_store *st, bool on);
bool store_replaying(const tl_store *st);

/* Bulk work in one transaction with a savepoint per item (a bundle of
 * moves): a bigger page cache and savepoint journals in memory, for its
 * length only; store_bulk_end puts back what was (store_bulk.c). */
typedef struct {
	int cache_size, temp_store;
} store_bulk_saved;
void store_bulk_begin(tl_store *st, store_bulk_saved *old);
void store_bulk_end(tl_store *st, const store_bulk_saved *old);

/* A bulk write's pages written once. In WAL, every page a file of cases
 * writes goes to the WAL and then, at the checkpoint, to the file, each
 * synced: for 20,000 cases, 35 MB and 70 ms of a 560 ms import. When no
 * other connection has the register open (SQLite refuses the change
 * otherwise), store_bulk_solo turns the rollback journal on, before the
 * write's transaction, and says whether it did; it writes a new page once.
 * store_bulk_solo_end, after the transaction, turns WAL on again without
 * waiting; where another program holds the file then, that program's
 * store_open does it. A program that opens the register meanwhile waits in
 * store_open for the write to end (it turns WAL on). A crash leaves a hot
 * journal, which the next opener rolls back. */
bool store_bulk_solo(tl_store *st);
void store_bulk_solo_end(tl_store *st);

/* Causes are being written to case case_id. Inside a bulk write of new
 * cases (store_bulk_new_cases), whose INSERT trigger on case_causes is
 * dropped, a case stored before it is noted as that trigger would have
 * (rule 11 of tally.sql.h); its new cases are settled at its commit.
 * Elsewhere, nothing: the triggers do it. */
int store_bulk_new_causes(tl_store *st, long long case_id, tl_err *err);

/* Inside a bulk write (store_bulk: this connection alone writes, and all
 * or nothing), the names found on each list (kind: a tl_list_kind, or
 * STORE_MEMO_CAUSES, the cause codes), so that a file whose rows name a
 * few teams asks SQLite once for each. Outside one, nothing is known or
 * kept. store_list_forget, called by lists.c when it changes a list,
 * forgets the lists' names; cause codes are never removed. */
#define STORE_MEMO_CAUSES 2
bool store_list_known(tl_store *st, int kind, const char *name);
void store_list_know(tl_store *st, int kind, const char *name);
void store_list_forget(tl_store *st);

/* The allocator store_mem_cache gives SQLite, for the unit tests. */
const sqlite3_mem_methods *store_mem_methods(void);

/* Now in UTC, as the audit trail writes it (2026-01-05T10:04:00Z). */
#define STORE_STAMP_LEN 32
void store_stamp(char out[STORE_STAMP_LEN]);

/* Wraps a failed sqlite call into err with the database's message, as
 * "doing: message"; returns TL_EDB. */
int store_fail(tl_store *st, tl_err *err, const char *doing);

#endif
