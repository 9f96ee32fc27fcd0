/* store_bulk.c - settings for bulk work held in one transaction with a
 * savepoint per item (a bundle of moves; csvio_common.c tunes an import
 * the same way). Every page written stays dirty until the commit, and
 * each savepoint journals the pages it touches: with SQLite's defaults (a
 * 2 MiB cache, savepoint journals in temporary files) a bundle of 1,000
 * cases spilled to the WAL and wrote a temporary file 55,000 times and
 * ran 2.5 times slower. A bigger cache (it fills only as far as the work
 * needs) and journals in memory, for the work's length only. And what a
 * bulk write remembers of what it read (store_db.h, store_private.h). */
#include <stdio.h>
#include <string.h>
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

/* The bulk write's memo, emptied at the start of each; NULL outside one. */
store_memo *store_memo_of(tl_store *st)
{
	if (!st->bulk)
		return NULL;
	if (st->memo.serial != st->bulk_serial) {
		memset(&st->memo, 0, sizeof st->memo);
		st->memo.serial = st->bulk_serial;
	}
	return &st->memo;
}

bool store_list_known(tl_store *st, int kind, const char *name)
{
	store_memo *m = store_memo_of(st);
	if (!m || kind < 0 || kind > STORE_MEMO_CAUSES)
		return false;
	unsigned n = m->n_names[kind] < STORE_MEMO_NAMES ? m->n_names[kind] : STORE_MEMO_NAMES;
	for (unsigned i = 0; i < n; i++)
		if (strcmp(m->names[kind][i], name) == 0)
			return true;
	return false;
}

void store_list_know(tl_store *st, int kind, const char *name)
{
	store_memo *m = store_memo_of(st);
	if (!m || kind < 0 || kind > STORE_MEMO_CAUSES || strlen(name) >= STORE_MEMO_TEXT)
		return;
	strcpy(m->names[kind][m->n_names[kind]++ % STORE_MEMO_NAMES], name);
}

void store_list_forget(tl_store *st)
{
	store_memo *m = store_memo_of(st);
	if (m)
		m->n_names[0] = m->n_names[1] = 0;
}

/* Runs the journal_mode pragma set: is the mode it leaves want? */
static bool journal_is(tl_store *st, const char *set, const char *want)
{
	sqlite3_stmt *q = NULL;
	bool is = false;
	if (sqlite3_prepare_v2(st->db, set, -1, &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		is = sqlite3_stricmp((const char *)sqlite3_column_text(q, 0), want) == 0;
	sqlite3_finalize(q);
	return is;
}

bool store_bulk_solo(tl_store *st)
{
	/* Refused while another connection has the file, or inside a
	 * transaction: WAL stays, as it was. */
	return st->depth == 0 && journal_is(st, "PRAGMA journal_mode=DELETE", "delete");
}

void store_bulk_solo_end(tl_store *st)
{
	sqlite3_busy_timeout(st->db, 0);
	journal_is(st, "PRAGMA journal_mode=WAL", "wal");
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
}
