/* store_tally_add.c - rule 9 of tally.sql.h at the outermost commit: what
 * every noted stage counts now, read once from tally_rows, grouped in
 * memory and added to both running totals group by group.
 *
 * SQLite groups by sorting: for a file of 20,000 cases, the two GROUP BYs
 * of the settle sorted every row twice and took 26 ms of a 550 ms import.
 * A hash of the groups' values needs no sort. Any split of the rows into
 * groups gives the same totals, since each group is added with an upsert
 * (n = n + excluded.n); grouping only makes the upserts few. */
#include <stdlib.h>
#include <string.h>
#include "store_private.h"
#include "tally.sql.h"

#define TALLY_KEYS 6 /* the most values of a group (tally_stages') */

/* A value of a group's key: an integer, a real, a text or blob (bytes
 * owned by the group) or NULL. */
typedef struct {
	int type;
	long long i;
	double f;
	char *s;
	int len;
} tally_value;

typedef struct {
	unsigned long long hash;
	bool used;
	tally_value k[TALLY_KEYS];
	long long n, days;
	double more_days;       /* days that were not whole numbers, as sum() adds them */
	bool real_days;
} tally_group;

typedef struct {
	tally_group *g;
	size_t cap, n;
	int keys;
} tally_groups;

/* The rows counted: tally_stages' key (0-5), days (6), then tally_people's
 * key (s_fy, 7-9) for stage 1; of the noted stages, then of the stages of
 * the cases after ?1 not noted (rule 11). */
#define ROWS_COLS "r.stage, r.s_fy, r.r_fy, r.outcome, r.cause, r.band, r.days, r.area," \
	" r.complainant, r.on_behalf"
#define ROWS_NOTED "SELECT " ROWS_COLS " FROM " TALLY_TOUCHED_ROWS
/* From the new stages out (CROSS JOIN keeps the order): a new file in a
 * register of a million reads its own rows, not every case. */
#define ROWS_AFTER "SELECT " ROWS_COLS " FROM stages n CROSS JOIN tally_rows r"            \
	" ON r.stage_id = n.id WHERE n.case_id > ?1"                                    \
	" AND n.id NOT IN (SELECT stage_id FROM tally_touched)"
/* A group added to tally_stages, then to tally_people. */
enum { TO_STAGES, TO_PEOPLE };
static const char *const ADD_SQL[] = {
	"INSERT INTO tally_stages(stage, s_fy, r_fy, outcome, cause, band, n, days)"
	" VALUES(?, ?, ?, ?, ?, ?, ?, ?)"
	" ON CONFLICT DO UPDATE SET n = n + excluded.n, days = days + excluded.days",
	"INSERT INTO tally_people(fy, area, complainant, on_behalf, n) VALUES(?, ?, ?, ?, ?)"
	" ON CONFLICT DO UPDATE SET n = n + excluded.n",
};

static unsigned long long mix(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

/* The row's value in column col, its text borrowed from q until its
 * next step. */
static tally_value value_at(sqlite3_stmt *q, int col)
{
	tally_value v = { sqlite3_column_type(q, col), 0, 0, NULL, 0 };
	if (v.type == SQLITE_INTEGER) {
		v.i = sqlite3_column_int64(q, col);
	} else if (v.type == SQLITE_FLOAT) {
		v.f = sqlite3_column_double(q, col);
	} else if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB) {
		v.s = v.type == SQLITE_TEXT ? (char *)sqlite3_column_text(q, col)
					    : (char *)sqlite3_column_blob(q, col);
		v.len = sqlite3_column_bytes(q, col);
	}
	return v;
}

static unsigned long long hash_of(const tally_value *row, const int *cols, int keys)
{
	unsigned long long h = 14695981039346656037ULL;
	for (int i = 0; i < keys; i++) {
		const tally_value *v = &row[cols[i]];
		h = mix(h, &v->type, sizeof v->type);
		if (v->type == SQLITE_INTEGER)
			h = mix(h, &v->i, sizeof v->i);
		else if (v->type == SQLITE_FLOAT)
			h = mix(h, &v->f, sizeof v->f);
		else if (v->type != SQLITE_NULL && v->len)
			h = mix(h, v->s, (size_t)v->len);
	}
	return h;
}

static bool same(const tally_group *g, const tally_value *row, const int *cols, int keys)
{
	for (int i = 0; i < keys; i++) {
		const tally_value *a = &g->k[i], *b = &row[cols[i]];
		bool bytes = a->type == SQLITE_TEXT || a->type == SQLITE_BLOB;
		if (a->type != b->type || (a->type == SQLITE_INTEGER && a->i != b->i) ||
		    (a->type == SQLITE_FLOAT && a->f != b->f) ||
		    (bytes && (a->len != b->len || (a->len && memcmp(a->s, b->s, (size_t)a->len)))))
			return false;
	}
	return true;
}

static void groups_free(tally_groups *t)
{
	for (size_t i = 0; i < t->cap; i++)
		for (int k = 0; t->g[i].used && k < t->keys; k++)
			free(t->g[i].k[k].s);
	free(t->g);
	memset(t, 0, sizeof *t);
}

/* Twice the room, every group moved to its new place. */
static int grow(tally_groups *t)
{
	size_t cap = t->cap ? t->cap * 2 : 256;
	tally_group *g = calloc(cap, sizeof *g);
	if (!g)
		return TL_ENOMEM;
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->g[i].used)
			continue;
		size_t at = (size_t)t->g[i].hash & (cap - 1);
		while (g[at].used)
			at = (at + 1) & (cap - 1);
		g[at] = t->g[i];
	}
	free(t->g);
	t->g = g;
	t->cap = cap;
	return TL_OK;
}

/* The group of the row, made when new (its bytes copied); NULL when out
 * of memory. */
static tally_group *group_of(tally_groups *t, const tally_value *row, const int *cols)
{
	if ((t->n + 1) * 2 > t->cap && grow(t))
		return NULL;
	unsigned long long h = hash_of(row, cols, t->keys);
	size_t at = (size_t)h & (t->cap - 1);
	while (t->g[at].used && !(t->g[at].hash == h && same(&t->g[at], row, cols, t->keys)))
		at = (at + 1) & (t->cap - 1);
	tally_group *g = &t->g[at];
	if (g->used)
		return g;
	g->used = true;
	g->hash = h;
	t->n++;
	for (int i = 0; i < t->keys; i++) {
		tally_value *v = &g->k[i];
		*v = row[cols[i]];
		v->s = NULL;
		if (v->type == SQLITE_TEXT || v->type == SQLITE_BLOB) {
			if (!(v->s = malloc((size_t)v->len + 1)))
				return NULL;
			if (v->len)
				memcpy(v->s, row[cols[i]].s, (size_t)v->len);
			v->s[v->len] = '\0';
		}
	}
	return g;
}

/* Each group of t added to the total to (TO_STAGES, TO_PEOPLE) with its
 * upsert: its key, then n, then (tally_stages) its days. */
static int add_groups(tl_store *st, const tally_groups *t, int to, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(st->db, ADD_SQL[to], -1, &q, NULL))
		return store_fail(st, err, "counting the report's totals");
	for (size_t i = 0; rc == TL_OK && i < t->cap; i++) {
		const tally_group *g = &t->g[i];
		if (!g->used)
			continue;
		for (int k = 0; k < t->keys; k++) {
			const tally_value *v = &g->k[k];
			if (v->type == SQLITE_INTEGER)
				sqlite3_bind_int64(q, k + 1, v->i);
			else if (v->type == SQLITE_FLOAT)
				sqlite3_bind_double(q, k + 1, v->f);
			else if (v->type == SQLITE_TEXT)
				sqlite3_bind_text(q, k + 1, v->s, v->len, SQLITE_STATIC);
			else if (v->type == SQLITE_BLOB)
				sqlite3_bind_blob(q, k + 1, v->s, v->len, SQLITE_STATIC);
			else
				sqlite3_bind_null(q, k + 1);
		}
		sqlite3_bind_int64(q, t->keys + 1, g->n);
		if (to == TO_STAGES && g->real_days)
			sqlite3_bind_double(q, t->keys + 2, (double)g->days + g->more_days);
		else if (to == TO_STAGES)
			sqlite3_bind_int64(q, t->keys + 2, g->days);
		if (sqlite3_step(q) != SQLITE_DONE)
			rc = store_fail(st, err, "counting the report's totals");
		sqlite3_reset(q);
	}
	sqlite3_finalize(q);
	return rc;
}

/* The rows q reads counted into their groups; q finalized. */
static int group_rows(tl_store *st, sqlite3_stmt *q, tally_groups *stages,
		      tally_groups *people, tl_err *err)
{
	static const int STAGE_KEY[] = { 0, 1, 2, 3, 4, 5 }, PEOPLE_KEY[] = { 1, 7, 8, 9 };
	int rc = TL_OK, step;

	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		tally_value row[10];
		for (int i = 0; i < 10; i++)
			row[i] = value_at(q, i);
		tally_group *g = group_of(stages, row, STAGE_KEY);
		tally_group *p = g && row[0].type == SQLITE_INTEGER && row[0].i == 1 ?
			group_of(people, row, PEOPLE_KEY) : g;
		if (!g || !p) {
			rc = err_set(err, TL_ENOMEM, "store: counting the report's totals: out of memory");
			break;
		}
		g->n++;
		if (row[6].type == SQLITE_INTEGER) {
			g->days += row[6].i;
		} else if (row[6].type != SQLITE_NULL) { /* as sum() adds them */
			g->more_days += sqlite3_column_double(q, 6);
			g->real_days = true;
		}
		if (p != g)
			p->n++;
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "counting the report's totals");
	sqlite3_finalize(q);
	return rc;
}

int store_tally_add_touched(tl_store *st, long long after, tl_err *err)
{
	tally_groups stages = { .keys = 6 }, people = { .keys = 4 };
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(st->db, ROWS_NOTED, -1, &q, NULL))
		rc = store_fail(st, err, "counting the report's totals");
	else
		rc = group_rows(st, q, &stages, &people, err);
	if (rc == TL_OK && after >= 0) {
		if (sqlite3_prepare_v2(st->db, ROWS_AFTER, -1, &q, NULL)) {
			rc = store_fail(st, err, "counting the report's totals");
		} else {
			sqlite3_bind_int64(q, 1, after);
			rc = group_rows(st, q, &stages, &people, err);
		}
	}
	if (rc == TL_OK)
		rc = add_groups(st, &stages, TO_STAGES, err);
	if (rc == TL_OK)
		rc = add_groups(st, &people, TO_PEOPLE, err);
	groups_free(&stages);
	groups_free(&people);
	return rc;
}
