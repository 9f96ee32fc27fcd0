/* store_bulk.c - settings for bulk work held in one transaction with a
 * savepoint per item (a bundle of moves; csvio_common.c tunes an import
 * the same way). Every page written stays dirty until the commit, and
 * each savepoint journals the pages it touches: with SQLite's defaults (a
 * 2 MiB cache, savepoint journals in temporary files) a bundle of 1,000
 * cases spilled to the WAL and wrote a temporary file 55,000 times and
 * ran 2.5 times slower. A bigger cache (it fills only as far as the work
 * needs) and journals in memory, for the work's length only. */
#include <stdio.h>
#include "store_private.h"

static int pragma_get(tl_store *st, const char *sql, int dflt)
{
	sqlite3_stmt *q = NULL;
	int v = dflt;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

static void set(tl_store *st, int cache_size, int temp_store)
{
	static const char *const stores[] = { "PRAGMA temp_store=DEFAULT", "PRAGMA temp_store=FILE",
		"PRAGMA temp_store=MEMORY" };
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA cache_size=%d", cache_size);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (temp_store >= 0 && temp_store <= 2)
		sqlite3_exec(st->db, stores[temp_store], NULL, NULL, NULL);
}

void store_bulk_begin(tl_store *st, store_bulk_saved *old)
{
	old->cache_size = pragma_get(st, "PRAGMA cache_size", -2000);
	old->temp_store = pragma_get(st, "PRAGMA temp_store", 0);
	set(st, -65536, 2); /* 64 MiB at most; in memory */
}

void store_bulk_end(tl_store *st, const store_bulk_saved *old)
{
	set(st, old->cache_size, old->temp_store);
}
