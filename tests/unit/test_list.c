/* test_list.c - the lists by open cases (issue 17 point 5): on a generated
 * register (every move of the lifecycle, at random), case_list gives
 * exactly what the list gave before it followed the open cases (the old
 * query, a case_get per row, kept here as the reference) for every
 * filter, and the same again with its indexes dropped; it reads them
 * through those indexes, not the register; `tellus check` still agrees,
 * and finds a case's open stage (what the lists read) when it is wrong. */
#include "fixture.h"
#include "test_rng.h"
#include "tellus/case.h"
#include "store/store_private.h"

#define N_CASES 700

static const char *const OFFICERS[] = { "", "Ann Lee", "Bo Chen", "Cy Dee" };
static const char *const AREAS[] = { "Fostering", "Adoption", "Children in care", "Leaving care" };

/* Moves of the lifecycle at random; a refused one (the rules) is skipped. */
static void some_moves(fixture *f, rng *r, const char *ref, tl_date got)
{
	tl_err e;
	bool late;
	if (pick(r, 5) == 0)
		case_acknowledge(f->st, ref, 0, got + 1 + pick(r, 3), &e);
	if (pick(r, 8) == 0)
		case_extend_on(f->st, ref, 0, got + pick(r, 12), "complex", "Jo", &e);
	if (pick(r, 10) == 0) {
		case_pause(f->st, ref, got + 2, pick(r, 2), &e);
		if (pick(r, 2))
			case_resume(f->st, ref, got + 9, &e);
	}
	if (pick(r, 10) < 7)
		case_respond(f->st, ref, 0, got + 3 + pick(r, 30), pick(r, 4), &e);
	if (pick(r, 6) == 0 &&
	    case_request(f->st, ref, 2, got + 40 + pick(r, 40), &late, &e) == TL_OK && pick(r, 2))
		case_respond(f->st, ref, 2, got + 90 + pick(r, 40), pick(r, 3), &e);
	if (pick(r, 15) == 0)
		case_assess(f->st, ref, TL_PROC_NOT_ELIGIBLE, "out of time", &e);
}

static void generate(fixture *f)
{
	rng r = { 2026 };
	tl_date first = D("2025-01-06");
	/* One outer level: each move a savepoint (store.h rule 3), one sync. */
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	for (int i = 0; i < N_CASES; i++) {
		tl_case c;
		case_init(&c);
		c.kind = pick(&r, 12) ? TL_KIND_COMPLAINT : TL_KIND_COMPLIMENT;
		c.complainant = (int)pick(&r, 9);
		c.received = first + (tl_date)pick(&r, 540);
		c.unsafe = c.kind == TL_KIND_COMPLAINT && pick(&r, 40) == 0;
		c.procedure = c.unsafe ? TL_PROC_NOT_ELIGIBLE : pick(&r, 10) ? TL_PROC_STATUTORY
								   : TL_PROC_CORPORATE;
		const char *officer = OFFICERS[pick(&r, 4)];
		c.on_behalf = *officer != '\0';
		case_set_text(&c.officer, officer, NULL);
		case_set_text(&c.service_area, AREAS[pick(&r, 4)], NULL);
		if (case_log(f->st, &c, &f->err))
			fail_msg("case_log: %s", f->err.msg);
		if (c.unsafe && pick(&r, 2))
			case_safety_handled(f->st, c.ref, c.received + 1, "visited", NULL);
		else if (c.kind == TL_KIND_COMPLAINT && !c.unsafe)
			some_moves(f, &r, c.ref, c.received);
		case_clear(&c);
	}
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
}

/* What a listed case shows: reference, stage and where it stands, as
 * computed from the case the visitor was given. */
typedef struct {
	fixture *f;
	char *out;
	size_t used, cap;
} seen;

static int note(const tl_case *c, void *arg)
{
	seen *s = arg;
	const tl_stage *st = case_current_stage(c);
	tl_stage_status stat = { 0 };
	char line[128];
	if (st && case_stage_status(s->f->st, c, st, store_today(s->f->st), 5, &stat, &s->f->err))
		fail_msg("status: %s", s->f->err.msg);
	int n = snprintf(line, sizeof line, "%s %d %d %d %d\n", c->ref, st ? st->number : 0,
			 (int)stat.state, stat.days_left, stat.ack_wanted);
	if (s->used + (size_t)n + 1 > s->cap) {
		s->cap = 2 * s->cap + 4096;
		s->out = realloc(s->out, s->cap);
	}
	memcpy(s->out + s->used, line, (size_t)n + 1);
	s->used += (size_t)n;
	return 0;
}

/* The list as it was before it followed the open cases: every case read
 * (the latest stage by a subquery per case), then case_get per row. */
static int before(fixture *f, const tl_case_filter *fl, seen *s)
{
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(store_db(f->st),
		"SELECT c.ref FROM cases c LEFT JOIN stages s ON s.case_id = c.id"
		" AND s.stage = (SELECT max(stage) FROM stages WHERE case_id = c.id)"
		" WHERE (?1 IS NULL OR c.officer = ?1)"
		" AND (NOT ?3 OR (c.unsafe AND c.safety_handled IS NULL))"
		" AND (?2 OR ?3 OR (s.responded IS NULL AND s.id IS NOT NULL"
		"   AND c.procedure <> 'not_eligible'))"
		" ORDER BY CASE WHEN ?3 THEN -julianday(c.received) WHEN ?2 THEN c.received"
		" ELSE s.due END, c.ref", -1, &q, NULL), SQLITE_OK);
	if (fl->officer)
		sqlite3_bind_text(q, 1, fl->officer, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, fl->include_closed);
	sqlite3_bind_int(q, 3, fl->flagged_only);
	while (sqlite3_step(q) == SQLITE_ROW) {
		tl_case c;
		tl_stage_status stat;
		assert_int_equal(case_get(f->st, (const char *)sqlite3_column_text(q, 0), &c, &f->err), 0);
		const tl_stage *st = case_current_stage(&c);
		bool keep = fl->include_closed || fl->flagged_only ||
			    (!fl->overdue_only && fl->due_within < 0);
		if (!keep) {
			assert_int_equal(case_stage_status(f->st, &c, st, store_today(f->st),
							   fl->due_within < 0 ? 0 : fl->due_within,
							   &stat, &f->err), 0);
			keep = stat.state == CASE_OVERDUE ||
			       (!fl->overdue_only && stat.state == CASE_DUE_SOON);
		}
		if (keep)
			note(&c, s);
		case_clear(&c);
	}
	sqlite3_finalize(q);
	return 0;
}

/* Every filter the CLI, due and the kiosk use: the new list against the
 * old, each giving the same cases in the same order and state. */
static void compare_all(fixture *f, size_t *listed)
{
	const tl_case_filter filters[] = {
		{ .due_within = -1 }, { .due_within = -1, .overdue_only = true },
		{ .due_within = 5 }, { .due_within = -1, .officer = "Bo Chen" },
		{ .due_within = 5, .officer = "Ann Lee" }, { .due_within = -1, .flagged_only = true },
		{ .due_within = -1, .include_closed = true },
		{ .due_within = -1, .include_closed = true, .officer = "Cy Dee" },
	};
	*listed = 0;
	for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		seen old = { f, NULL, 0, 0 }, now = { f, NULL, 0, 0 };
		before(f, &filters[i], &old);
		assert_int_equal(case_list(f->st, &filters[i], note, &now, &f->err), TL_OK);
		if (!old.out || !now.out || strcmp(old.out, now.out))
			fail_msg("filter %zu differs:\nbefore:\n%.600s\nnow:\n%.600s", i,
				 old.out ? old.out : "", now.out ? now.out : "");
		*listed += old.used;
		free(old.out);
		free(now.out);
	}
	/* The CLI's one query: the flagged first, then the open cases. */
	seen a = { f, NULL, 0, 0 }, b = { f, NULL, 0, 0 };
	tl_case_filter fl = { .due_within = -1, .flagged_only = true }, op = { .due_within = -1 };
	before(f, &fl, &a);
	before(f, &op, &a);
	tl_case_filter both = { .due_within = -1, .with_flagged = true };
	assert_int_equal(case_list(f->st, &both, note, &b, &f->err), TL_OK);
	assert_string_equal(a.out, b.out);
	free(a.out);
	free(b.out);
}

static void exec_ok(fixture *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(store_db(f->st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

static void lists_are_the_same_before_and_after_they_follow_open_cases(void **state)
{
	fixture *f = *state;
	size_t listed;
	generate(f);
	compare_all(f, &listed);
	assert_true(listed > 20000); /* the lists are not empty */
	/* The same with the indexes the planner may choose gone: the results
	 * do not hang on the plan (cases_open is named by the query). */
	exec_ok(f, "DROP INDEX stages_open_due; DROP INDEX cases_flagged;");
	store_stmts_free(f->st);
	compare_all(f, &listed);
	tl_checkup check;
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_string_equal(check.integrity, "ok");
	assert_int_equal(check.tally_groups, 0);
	assert_int_equal(check.counted_wrong, 0);
	assert_int_equal(check.open_wrong, 0);
	assert_true(check.open > 50);
}

/* The open stage the lists read is kept true by the triggers through
 * every move; when it is made wrong behind the store's back, check finds
 * each case and the rebuild sets them again, and the lists agree again. */
static void check_finds_a_wrong_open_stage_and_the_rebuild_mends_it(void **state)
{
	fixture *f = *state;
	tl_checkup check;
	size_t listed;
	generate(f);
	exec_ok(f, "UPDATE cases SET open_stage = 0 WHERE id IN (SELECT id FROM cases"
		   " WHERE open_stage > 0 LIMIT 3);"
		   "UPDATE cases SET open_stage = 7 WHERE id IN (SELECT id FROM cases"
		   " WHERE kind = 'compliment' LIMIT 2);");
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_int_equal(check.open_wrong, 5);
	assert_int_equal(store_tally_rebuild(f->st, &f->err), TL_OK);
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_int_equal(check.open_wrong, 0);
	compare_all(f, &listed);
}

/* Each list's plan reads an index of what it lists, never every case. */
static void lists_read_the_indexes_of_open_cases(void **state)
{
	fixture *f = *state;
	const tl_case_filter filters[] = {
		{ .due_within = -1, .with_flagged = true }, { .due_within = -1, .include_closed = true },
	};
	static const char *const want[] = { "stages_open_due", "cases_open", "cases_flagged" };
	char plans[4096] = "";
	size_t used = 0;
	generate(f);
	for (size_t i = 0; i < 2; i++) {
		seen s = { f, NULL, 0, 0 };
		assert_int_equal(case_list(f->st, &filters[i], note, &s, &f->err), TL_OK);
		free(s.out);
	}
	/* The statements case_list ran are the store's kept ones. */
	for (size_t i = 0; i < f->st->n_stmts; i++) {
		const char *sql = sqlite3_sql(f->st->stmts[i].s);
		/* The lists of what is open (list --all reads every case). */
		if (!strstr(sql, "INDEXED BY cases_open") && !strstr(sql, "c.safety_handled IS NULL"))
			continue;
		char *explain = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
		sqlite3_stmt *q = NULL;
		assert_int_equal(sqlite3_prepare_v2(store_db(f->st), explain, -1, &q, NULL), SQLITE_OK);
		while (sqlite3_step(q) == SQLITE_ROW)
			used += (size_t)snprintf(plans + used, sizeof plans - used, "%s\n",
						 (const char *)sqlite3_column_text(q, 3));
		sqlite3_finalize(q);
		sqlite3_free(explain);
	}
	for (size_t i = 0; i < 3; i++)
		if (!strstr(plans, want[i]))
			fail_msg("no %s in the plans:\n%s", want[i], plans);
	if (strstr(plans, "SCAN c\n") || strstr(plans, "SCAN s\n"))
		fail_msg("a list reads a whole table:\n%s", plans);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(lists_are_the_same_before_and_after_they_follow_open_cases,
						fixture_setup, fixture_teardown),
		cmocka_unit_test_setup_teardown(lists_read_the_indexes_of_open_cases, fixture_setup,
						fixture_teardown),
		cmocka_unit_test_setup_teardown(check_finds_a_wrong_open_stage_and_the_rebuild_mends_it,
						fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
