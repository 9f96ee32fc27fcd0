/* crash_check.c - reads the database back after a kill, the way the next
 * program to open it would (hot WAL recovered), and checks it: the file
 * passes PRAGMA integrity_check, and every acknowledged case is there with
 * exactly the words it was given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "crash.h"

int crash_acknowledge(crash_run *r, const char *ref, const char *summary, const char *desired)
{
	if (r->n_acks == r->cap_acks) {
		size_t cap = r->cap_acks ? r->cap_acks * 2 : 64;
		crash_ack *more = realloc(r->acks, cap * sizeof *more);
		if (!more)
			return -1;
		r->acks = more;
		r->cap_acks = cap;
	}
	crash_ack *a = &r->acks[r->n_acks];
	snprintf(a->ref, sizeof a->ref, "%s", ref);
	a->summary = strdup(summary);
	a->desired = strdup(desired);
	if (!a->summary || !a->desired)
		return -1;
	r->n_acks++;
	r->acked++;
	return 0;
}

void crash_free(crash_run *r)
{
	for (size_t i = 0; i < r->n_acks; i++) {
		free(r->acks[i].summary);
		free(r->acks[i].desired);
	}
	free(r->acks);
	r->acks = NULL;
	r->n_acks = r->cap_acks = 0;
}

static bool same_text(sqlite3_stmt *s, int col, const char *want)
{
	const void *got = sqlite3_column_blob(s, col);
	size_t n = (size_t)sqlite3_column_bytes(s, col);
	return n == strlen(want) && (n == 0 || memcmp(got, want, n) == 0);
}

static int integrity(sqlite3 *db, crash_run *r)
{
	sqlite3_stmt *s = NULL;
	int ok = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, NULL) == SQLITE_OK &&
		 sqlite3_step(s) == SQLITE_ROW &&
		 strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	if (!ok) {
		r->integrity_bad++;
		printf("# %s: integrity_check: %s\n", r->db, s && sqlite3_column_text(s, 0) ?
		       (const char *)sqlite3_column_text(s, 0) : sqlite3_errmsg(db));
	}
	sqlite3_finalize(s);
	return ok ? 0 : -1;
}

static void check_acks(sqlite3 *db, sqlite3_stmt *s, crash_run *r, int *lost, int *damaged)
{
	for (size_t i = 0; i < r->n_acks; i++) {
		const crash_ack *a = &r->acks[i];
		sqlite3_reset(s);
		sqlite3_bind_text(s, 1, a->ref, -1, SQLITE_STATIC);
		int step = sqlite3_step(s);
		if (step != SQLITE_ROW) {
			(*lost)++;
			printf("# %s: acknowledged case %s is missing (%s)\n", r->db, a->ref,
			       step == SQLITE_DONE ? "no row" : sqlite3_errmsg(db));
		} else if (!same_text(s, 0, a->summary) || !same_text(s, 1, a->desired)) {
			(*damaged)++;
			printf("# %s: acknowledged case %s has different words\n", r->db, a->ref);
		}
	}
}

int crash_check(crash_run *r)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int lost = 0, damaged = 0;

	if (sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		/* Nothing acknowledged yet: the writers may have died before creating it. */
		sqlite3_close(db);
		r->lost += (int)r->n_acks;
		return 0;
	}
	sqlite3_busy_timeout(db, 5000);
	if (integrity(db, r) == 0 && r->n_acks) {
		if (sqlite3_prepare_v2(db, "SELECT summary, desired FROM cases WHERE ref = ?", -1, &s,
				       NULL) != SQLITE_OK) {
			printf("# %s: cannot read cases: %s\n", r->db, sqlite3_errmsg(db));
			lost = (int)r->n_acks;
		} else {
			check_acks(db, s, r, &lost, &damaged);
		}
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* Count each lost or damaged case once, then forget it so the next
	 * trial does not count it again. */
	if (lost || damaged) {
		r->lost += lost;
		r->damaged += damaged;
		crash_free(r);
	}
	return 0;
}

int crash_count_import(crash_run *r, const char *device, int *found)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char lo[16], hi[16];

	*found = 0;
	snprintf(lo, sizeof lo, "%s-", device);
	snprintf(hi, sizeof hi, "%s.", device);  /* '.' sorts just after '-' */
	if (sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT ref, summary FROM cases WHERE ref >= ? AND ref < ? "
			       "ORDER BY ref", -1, &s, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return 0;  /* no file yet: nothing of the import */
	}
	sqlite3_bind_text(s, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_STATIC);
	int bad = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		char want[256];
		int seq = atoi(strrchr((const char *)sqlite3_column_text(s, 0), '-') - 4);
		snprintf(want, sizeof want, CRASH_IMPORT_SUMMARY, seq);
		bad += !same_text(s, 1, want);
		(*found)++;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return bad;
}
