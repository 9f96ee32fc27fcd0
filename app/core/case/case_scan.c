/* case_scan.c - every case, read whole, in the order stored (case_each).
 * Reading a million cases one case_get at a time costs a handful of index
 * lookups each; here each table is read once, by one statement walking
 * its index in case order (cases by id, stages by (case_id, stage), pauses
 * through their stage, causes and actions by case_id), and the rows are
 * merged by case id, so an export reads about as much as `sqlite3 .dump`
 * of the same tables. The rows become a tl_case by the same readers as
 * case_get's (case_read.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "case_private.h"

/* One statement whose rows start with a case id, in case id order. */
typedef struct {
	sqlite3_stmt *q;
	bool more;            /* a row is waiting in q */
	long long case_id;    /* that row's case */
} stream;

typedef int (*row_fn)(sqlite3_stmt *q, int col, tl_case *c, tl_err *err);

static int stream_step(tl_store *st, stream *s, tl_err *err)
{
	int rc = sqlite3_step(s->q);
	s->more = rc == SQLITE_ROW;
	if (s->more)
		s->case_id = sqlite3_column_int64(s->q, 0);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading the cases");
}


/* Hands c the rows of s that belong to it (rows of a case id below c's,
 * which a foreign key never leaves, are passed over). */
static int stream_take(tl_store *st, stream *s, tl_case *c, row_fn read, tl_err *err)
{
	int rc = TL_OK;
	while (rc == TL_OK && s->more && s->case_id < c->id)
		rc = stream_step(st, s, err);
	while (rc == TL_OK && s->more && s->case_id == c->id)
		if ((rc = read(s->q, 1, c, err)) == TL_OK)
			rc = stream_step(st, s, err);
	return rc;
}

static int cause_row_read(sqlite3_stmt *q, int col, tl_case *c, tl_err *err)
{
	(void)err;
	if (c->n_causes < CASE_MAX_CAUSES)
		snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", sqlite3_column_text(q, col));
	return TL_OK;
}

/* The causes list's order (causes.ord), which case_get sorts a case's
 * causes by: read once. */
typedef struct {
	char (*code)[CASE_CAUSE_MAX];
	int *ord;
	size_t n;
} cause_order;

static int order_load(tl_store *st, cause_order *o, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	memset(o, 0, sizeof *o);
	if (sqlite3_prepare_v2(store_db(st), "SELECT code, ord FROM causes", -1, &q, NULL))
		return store_fail(st, err, "reading the causes");
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		void *c = realloc(o->code, (o->n + 1) * sizeof *o->code);
		if (c)
			o->code = c;
		int *ord = c ? realloc(o->ord, (o->n + 1) * sizeof *ord) : NULL;
		if (!ord) {
			rc = err_set(err, TL_ENOMEM, "cases: out of memory");
			break;
		}
		o->ord = ord;
		snprintf(o->code[o->n], CASE_CAUSE_MAX, "%s", sqlite3_column_text(q, 0));
		o->ord[o->n++] = sqlite3_column_int(q, 1);
	}
	sqlite3_finalize(q);
	return rc;
}

static int ord_of(const cause_order *o, const char *code)
{
	for (size_t i = 0; i < o->n; i++)
		if (strcmp(o->code[i], code) == 0)
			return o->ord[i];
	return 0;
}

/* By (ord, code), as case_get's ORDER BY k.ord, k.code. */
static void causes_sort(const cause_order *o, tl_case *c)
{
	for (size_t i = 1; i < c->n_causes; i++)
		for (size_t j = i; j > 0; j--) {
			char *a = c->causes[j - 1], *b = c->causes[j];
			int oa = ord_of(o, a), ob = ord_of(o, b);
			if (oa < ob || (oa == ob && strcmp(a, b) <= 0))
				break;
			char t[CASE_CAUSE_MAX];
			memcpy(t, a, sizeof t);
			memcpy(a, b, sizeof t);
			memcpy(b, t, sizeof t);
		}
}

enum { S_CASES, S_STAGES, S_PAUSES, S_CAUSES, S_ACTIONS, S_N };

#define SQL_CASES "SELECT " CASE_COLS " FROM cases c ORDER BY c.id"
#define SQL_STAGES "SELECT s.case_id, " CASE_STAGE_COLS " FROM stages s ORDER BY s.case_id, s.stage"
#define SQL_PAUSES "SELECT s.case_id, " CASE_PAUSE_COLS " FROM stages s JOIN stage_pauses p" \
	" ON p.stage_id = s.id" CASE_PAUSE_ORDER
#define SQL_CAUSES "SELECT case_id, cause FROM case_causes ORDER BY case_id"
#define SQL_ACTIONS "SELECT case_id, action, note FROM actions ORDER BY case_id"

/* Stream k: one of the statements above. */
static int stream_open(tl_store *st, stream *s, int k, tl_err *err)
{
	sqlite3 *db = store_db(st);
	int rc = SQLITE_ERROR;

	switch (k) {
	case S_CASES: rc = sqlite3_prepare_v2(db, SQL_CASES, -1, &s->q, NULL); break;
	case S_STAGES: rc = sqlite3_prepare_v2(db, SQL_STAGES, -1, &s->q, NULL); break;
	case S_PAUSES: rc = sqlite3_prepare_v2(db, SQL_PAUSES, -1, &s->q, NULL); break;
	case S_CAUSES: rc = sqlite3_prepare_v2(db, SQL_CAUSES, -1, &s->q, NULL); break;
	case S_ACTIONS: rc = sqlite3_prepare_v2(db, SQL_ACTIONS, -1, &s->q, NULL); break;
	}
	if (rc != SQLITE_OK)
		return store_fail(st, err, "reading the cases");
	return stream_step(st, s, err);
}

/* The next case, whole, from the streams. */
static int next_case(tl_store *st, stream *s, const cause_order *o, tl_case *c, tl_err *err)
{
	int rc;
	case_init(c);
	if ((rc = case_read_row(s[S_CASES].q, 0, c, err)) ||
	    (rc = stream_take(st, &s[S_STAGES], c, case_read_stage, err)) ||
	    (rc = stream_take(st, &s[S_PAUSES], c, case_pause_row_read, err)) ||
	    (rc = stream_take(st, &s[S_CAUSES], c, cause_row_read, err)) ||
	    (rc = stream_take(st, &s[S_ACTIONS], c, case_action_row_read, err)))
		return rc;
	causes_sort(o, c);
	case_actions_sort(c);
	/* As case_get: a safety record names the complaint opened from it
	 * (few cases are records; each is one lookup by an index). */
	return c->unsafe ? case_linked_complaint(st, c, err) : TL_OK;
}

int case_each(tl_store *st, case_visit_fn fn, void *arg, tl_err *err)
{
	stream s[S_N] = { 0 };
	cause_order o = { 0 };
	tl_case c;
	bool own;
	int rc;

	case_init(&c);
	if ((rc = store_read_begin(st, &own, "reading the cases", err)))
		return rc;
	if ((rc = order_load(st, &o, err)))
		goto cleanup;
	for (int i = 0; i < S_N && rc == TL_OK; i++)
		rc = stream_open(st, &s[i], i, err);
	while (rc == TL_OK && s[S_CASES].more) {
		if ((rc = next_case(st, s, &o, &c, err)) == TL_OK)
			rc = fn(&c, arg);
		case_clear(&c);
		if (rc == TL_OK)
			rc = stream_step(st, &s[S_CASES], err);
	}
cleanup:
	for (int i = 0; i < S_N; i++)
		sqlite3_finalize(s[i].q);
	free(o.code);
	free(o.ord);
	store_read_end(st, own);
	return rc;
}
