/* test_tally.c - the annual report's running totals (migration 5): after
 * every move of the lifecycle, every import and every raw edit made through
 * the store, they equal a count from scratch (store_check); a total that
 * is wrong is found, and rebuilding it mends it; a file whose totals were
 * counted with another statutory calendar is counted again when opened. */
#include "fixture.h"
#include "tellus/case.h"

#include "test_rng.h"
#include "store/tally.sql.h"

static long tally_differs(fixture *f)
{
	tl_checkup c;
	if (store_check(f->st, &c, &f->err))
		fail_msg("store_check: %s", f->err.msg);
	assert_string_equal(c.integrity, "ok");
	assert_int_equal(c.foreign_keys, 0);
	return c.tally_groups + c.counted_wrong + c.causes_wrong;
}

static void exec_ok(fixture *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(store_db(f->st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

static const char *const AREAS[] = { "Fostering", "Adoption", "Leaving Care" };
static const char *const CAUSES[] = { "delays", "fairness", "quality_of_work",
	"keeping_informed" };

/* A complaint received on a day between 2023-03-01 and 2026-04-30. */
static void log_one(fixture *f, rng *r, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.procedure = pick(r, 4) ? TL_PROC_STATUTORY : TL_PROC_CORPORATE;
	c.complainant = (int)pick(r, 9);
	c.on_behalf = pick(r, 3) == 0;
	c.received = D("2023-03-01") + (tl_date)pick(r, 1157);
	case_set_text(&c.service_area, AREAS[pick(r, 3)], NULL);
	case_set_text(&c.officer, c.on_behalf ? "Officer Jo" : "", NULL);
	case_set_text(&c.summary, "words", NULL);
	if (case_log(f->st, &c, &f->err))
		fail_msg("case_log: %s", f->err.msg);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
}

/* One move of the procedure on a random case, on a day up to 60 days
 * after its latest stage started. Many are refused; a refusal changes nothing. */
static bool move(fixture *f, rng *r, const char *ref)
{
	tl_case c;
	const char *causes[3];
	bool late;
	int rc, stage;

	assert_int_equal(case_get(f->st, ref, &c, &f->err), TL_OK);
	const tl_stage *now = case_current_stage(&c);
	stage = now ? now->number : 1;
	tl_date when = (now ? now->started : c.received) + (tl_date)pick(r, 60);
	case_clear(&c);
	if (when > store_today(f->st))
		when = store_today(f->st);
	switch (pick(r, 12)) {
	case 0: case 1: case 2:
		rc = case_respond(f->st, ref, stage, when, (int)pick(r, 3), &f->err);
		break;
	case 3: case 4: rc = case_request(f->st, ref, stage + 1, when, &late, &f->err); break;
	case 5: rc = case_extend(f->st, ref, stage, "complex", "complainant", &f->err); break;
	case 6: rc = case_withdraw(f->st, ref, when, &f->err); break;
	case 7: rc = case_pause(f->st, ref, when, (int)pick(r, 3), &f->err); break;
	case 8: rc = case_resume(f->st, ref, when, &f->err); break;
	case 9:
		for (size_t i = 0; i < 3; i++)
			causes[i] = CAUSES[pick(r, 4)];
		rc = case_set_causes(f->st, ref, causes, pick(r, 3), &f->err);
		break;
	case 10: rc = case_assess(f->st, ref, pick(r, 2) ? TL_PROC_STATUTORY : TL_PROC_CORPORATE,
				  "as assessed", &f->err); break;
	default: rc = case_panel(f->st, ref, when, &f->err); break;
	}
	return rc == TL_OK;
}

static void every_move_keeps_the_totals_equal_to_a_count(void **state)
{
	fixture *f = *state;
	char refs[40][REF_MAX];
	rng r = { 20261123 };
	int done = 0;

	for (int i = 0; i < 40; i++)
		log_one(f, &r, refs[i]);
	assert_int_equal(tally_differs(f), 0);
	for (int i = 0; i < 600; i++) {
		done += move(f, &r, refs[pick(&r, 40)]);
		if (tally_differs(f))
			fail_msg("after move %d the totals differ from a count", i);
	}
	print_message("%d moves taken of 600\n", done);
	/* The moves did reach answered, escalated and withdrawn stages. */
	assert_true(done > 100);
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE r_fy > 0") > 20);
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE stage > 1") > 5);
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE cause = '*'") > 0);
}

/* Cases edited by raw SQL through the store: the triggers follow every
 * change, whoever makes it. */
static void raw_edits_through_the_store_keep_the_totals(void **state)
{
	fixture *f = *state;
	rng r = { 7 };
	char ref[REF_MAX];

	for (int i = 0; i < 12; i++)
		log_one(f, &r, ref);
	exec_ok(f, "UPDATE stages SET responded = date(started, '+30 days'), outcome = 'not_upheld'"
		   " WHERE id % 2 = 0");
	exec_ok(f, "UPDATE cases SET service_area = 'Adoption', complainant = 'child'"
		   " WHERE id % 3 = 0");
	exec_ok(f, "UPDATE cases SET procedure = 'corporate' WHERE id = 2");
	exec_ok(f, "UPDATE cases SET service_area = '', on_behalf = 1 WHERE id IN (3, 7)");
	exec_ok(f, "INSERT INTO case_causes(case_id, cause) VALUES(4, 'delays'), (4, 'fairness')");
	exec_ok(f, "UPDATE stages SET paused_days = 3 WHERE id = 4");
	exec_ok(f, "INSERT INTO stages(case_id, stage, started, due, max_due) SELECT id, 2,"
		   " '2026-05-01', '2026-06-05', '2026-07-31' FROM cases WHERE id <= 6");
	exec_ok(f, "DELETE FROM stages WHERE stage = 2 AND case_id = 5");
	exec_ok(f, "INSERT OR REPLACE INTO stages(case_id, stage, started, due, max_due) VALUES"
		   " (6, 2, '2026-05-04', '2026-06-08', '2026-08-03')");
	/* Stage 3 counts the days to its panel (migration 9): a panel moved
	 * after the response, as a correction would, moves it between bands. */
	exec_ok(f, "INSERT INTO stages(case_id, stage, started, due, max_due, panel, responded,"
		   " outcome) SELECT id, 3, '2026-05-01', '2026-06-12', '2026-06-12', '2026-06-10',"
		   " '2026-06-20', 'not_upheld' FROM cases WHERE id IN (1, 3)");
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE stage = 3"
				  " AND band = 1") > 0);
	exec_ok(f, "UPDATE stages SET panel = '2026-06-19' WHERE stage = 3");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE stage = 3"
				       " AND band = 1"), 0);
	assert_int_equal(tally_differs(f), 0);
	/* A case replaced would be a case deleted: refused, nothing changed. */
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "INSERT OR REPLACE INTO cases"
		" SELECT * FROM cases WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(tally_differs(f), 0);
	/* The corporate case counts nowhere; the twice-caused one as '*'. */
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE case_id = 2"),
			 0);
	assert_int_equal(fixture_count(f->st, "SELECT sum(n) FROM tally_stages WHERE cause = '*'"),
			 fixture_count(f->st, "SELECT count(*) FROM cases WHERE id = 4 AND"
				       " procedure = 'statutory'"));
}

/* A check that could never fail would prove nothing: change a total by
 * hand, see it found, rebuild, see it mended and audited. */
static void a_wrong_total_is_found_and_rebuilt(void **state)
{
	fixture *f = *state;
	rng r = { 99 };
	char ref[REF_MAX];

	for (int i = 0; i < 8; i++)
		log_one(f, &r, ref);
	exec_ok(f, "UPDATE tally_stages SET n = n + 1 WHERE stage = 1");
	assert_true(tally_differs(f) > 0);
	assert_int_equal(store_tally_rebuild(f->st, &f->err), TL_OK);
	assert_int_equal(tally_differs(f), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action ="
				       " 'tally_rebuild'"), 1);
	exec_ok(f, "DELETE FROM tally_people");
	assert_true(tally_differs(f) > 0);
	assert_int_equal(store_tally_rebuild(f->st, &f->err), TL_OK);
	exec_ok(f, "UPDATE stages SET counted = 0");
	assert_true(tally_differs(f) > 0);
	assert_int_equal(store_tally_rebuild(f->st, &f->err), TL_OK);
	assert_int_equal(tally_differs(f), 0);
	/* A key the triggers follow, so the totals agree with it: only the
	 * check of the key against the causes finds it. */
	exec_ok(f, "UPDATE cases SET causes_key = 'delays' WHERE id = 1");
	assert_true(tally_differs(f) > 0);
	assert_int_equal(store_tally_rebuild(f->st, &f->err), TL_OK);
	assert_int_equal(tally_differs(f), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases WHERE causes_key <> ''"), 0);
}

/* Totals counted by a build whose statutory calendar was different (a
 * bank holiday added in a later release moves days taken between bands)
 * are counted again when a file is opened, once, and that is audited. */
static void a_new_calendar_counts_the_totals_again(void **state)
{
	fixture *f = *state;
	rng r = { 5 };
	char ref[REF_MAX];

	for (int i = 0; i < 8; i++)
		log_one(f, &r, ref);
	exec_ok(f, "UPDATE store_meta SET value = 'an older calendar'"
		   " WHERE key = 'tally_calendar';"
		   "UPDATE tally_stages SET band = band + 1, days = days + n");
	assert_true(tally_differs(f) > 0);
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &f->err), TL_OK);
	assert_int_equal(tally_differs(f), 0);
	const char *sql = "SELECT count(*) FROM audit WHERE action = 'tally_rebuild'"
			  " AND detail LIKE 'the statutory calendar changed%'";
	assert_int_equal(fixture_count(f->st, sql), 1);
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, sql), 1);
}

/* Moves that the procedure allows, on case i of refs: a pause and a
 * restart, a response, the causes, a request for stage 2 (each refused
 * move would doom a bulk write, rule 10 of store.h). */
static void allowed_moves(fixture *f, char refs[][REF_MAX], int n)
{
	const char *two[] = { "delays", "fairness" }, *one[] = { "quality_of_work" };
	bool late;
	for (int i = 0; i < n; i++) {
		tl_case c;
		assert_int_equal(case_get(f->st, refs[i], &c, &f->err), TL_OK);
		tl_date d = c.received;
		case_clear(&c);
		int rc = case_set_causes(f->st, refs[i], i % 2 ? two : one, i % 2 ? 2 : 1, &f->err);
		if (rc == TL_OK && i % 3 == 0)
			rc = case_pause(f->st, refs[i], d + 1, 0, &f->err);
		if (rc == TL_OK && i % 3 == 0)
			rc = case_resume(f->st, refs[i], d + 8, &f->err);
		if (rc == TL_OK && i % 4 != 3)
			rc = case_respond(f->st, refs[i], 1, d + 20, i % 3, &f->err);
		if (rc == TL_OK && i % 4 == 0)
			rc = case_request(f->st, refs[i], 2, d + 25, &late, &f->err);
		if (rc)
			fail_msg("%s: %s", refs[i], f->err.msg);
	}
}

/* Rule 9 of tally.sql.h: inside a bulk write the totals wait, and the
 * commit counts every stage touched, once, whatever touched it: moves on
 * cases counted before, new cases, raw edits of stages and cases, causes,
 * deletions; the notes are gone after the commit, as after every commit. */
static void deferred_totals_are_counted_once_at_the_commit(void **state)
{
	fixture *f = *state;
	char refs[30][REF_MAX];
	rng r = { 31 };

	for (int i = 0; i < 30; i++)
		log_one(f, &r, refs[i]);
	allowed_moves(f, refs, 10);
	assert_int_equal(tally_differs(f), 0);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	allowed_moves(f, refs + 10, 20);
	exec_ok(f, "UPDATE stages SET responded = date(started, '+30 days'), outcome = 'not_upheld'"
		   " WHERE id % 5 = 0 AND responded IS NULL");
	exec_ok(f, "UPDATE cases SET service_area = 'Adoption' WHERE id % 4 = 0");
	exec_ok(f, "UPDATE cases SET procedure = 'corporate' WHERE id = 7");
	exec_ok(f, "INSERT OR IGNORE INTO case_causes(case_id, cause) VALUES(3, 'delays'),"
		   " (3, 'fairness')");
	exec_ok(f, "DELETE FROM case_causes WHERE case_id = 5");
	exec_ok(f, "INSERT INTO stages(case_id, stage, started, due, max_due, counted) SELECT id, 3,"
		   " '2026-05-01', '2026-06-05', '2026-07-31', 0 FROM cases WHERE id <= 6"
		   " AND id NOT IN (SELECT case_id FROM stages WHERE stage = 3)");
	exec_ok(f, "DELETE FROM stages WHERE stage = 3 AND case_id = 2");
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_touched") > 0);
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched") > 0);
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_int_equal(tally_differs(f), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_touched"), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched"), 0);
	assert_true(fixture_count(f->st, "SELECT count(*) FROM tally_rows WHERE r_fy > 0") > 10);
}

static long open_wrong(fixture *f)
{
	tl_checkup c;
	if (store_check(f->st, &c, &f->err))
		fail_msg("store_check: %s", f->err.msg);
	return c.open_wrong;
}

/* Rule 10 of tally.sql.h: inside a bulk write new cases wait for the
 * search index and new stages set no open stage; the commit indexes each
 * new case as it is then (words changed since included) and sets the
 * open stages, while a case from before is indexed again at once. */
static void search_and_open_stages_are_settled_at_the_commit(void **state)
{
	fixture *f = *state;
	char refs[6][REF_MAX];
	rng r = { 33 };

	log_one(f, &r, refs[0]);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	for (int i = 1; i < 6; i++)
		log_one(f, &r, refs[i]);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM search_touched"), 5);
	exec_ok(f, "UPDATE cases SET summary = 'zanzibar' WHERE id IN (1, 3)");
	exec_ok(f, "INSERT INTO stages(case_id, stage, started, due, max_due, counted) SELECT id, 2,"
		   " '2026-05-01', '2026-06-05', '2026-07-31', 1 FROM cases WHERE id IN (4, 5)");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'zanzibar'"), 1);
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM search_touched"), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'zanzibar'"), 2);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'words'"), 4);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases WHERE open_stage = 2"), 2);
	assert_int_equal(open_wrong(f), 0);
	assert_int_equal(tally_differs(f), 0);
}

/* Rule 10 of store.h: a level inside a bulk write that fails dooms it
 * all; the commit refuses and the rollback leaves what was there. */
static void a_failed_part_of_a_bulk_write_keeps_nothing(void **state)
{
	fixture *f = *state;
	rng r = { 32 };
	char ref[REF_MAX];

	log_one(f, &r, ref);
	long before = fixture_count(f->st, "SELECT count(*) FROM cases");
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	log_one(f, &r, ref);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	exec_ok(f, "UPDATE cases SET service_area = 'Nowhere'");
	store_rollback(f->st);
	assert_int_not_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_non_null(strstr(f->err.msg, "nothing is saved"));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), before);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases WHERE service_area ="
				       " 'Nowhere'"), 0);
	assert_int_equal(tally_differs(f), 0);
	/* The next write is an ordinary one again. */
	log_one(f, &r, ref);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), before + 1);
	assert_int_equal(tally_differs(f), 0);
}

/* The file's triggers, name and text, differ from those kept in temp.was. */
static long triggers_differ(fixture *f)
{
	return fixture_count(f->st, "SELECT count(*) FROM (SELECT name, sql FROM sqlite_master"
			     " WHERE type = 'trigger' EXCEPT SELECT name, sql FROM temp.was)") +
	       fixture_count(f->st, "SELECT count(*) FROM (SELECT name, sql FROM temp.was EXCEPT"
			     " SELECT name, sql FROM sqlite_master WHERE type = 'trigger')");
}

/* Rule 11's check at a bulk write's commit for the cases after after: 1
 * when their derived columns are as the settle would set them, and the
 * commit reads them by their ids; 0 when it notes them. */
static int derived_ok(fixture *f, long long after)
{
	sqlite3_stmt *q = NULL;
	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), BULK_NEW_DERIVED_OK, -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(q, 1, after);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int ok = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return ok;
}

/* Rule 11 of tally.sql.h: a bulk write of new cases drops the INSERT
 * triggers of cases, stages and case_causes; its new cases, their stages
 * and causes are noted at the commit, which makes the triggers again as
 * they were; a cause given to a case stored before is noted as it comes,
 * by case_store.c. */
static void new_cases_of_a_bulk_write_are_noted_at_its_commit(void **state)
{
	fixture *f = *state;
	char refs[6][REF_MAX];
	rng r = { 34 };

	log_one(f, &r, refs[0]);
	exec_ok(f, "CREATE TEMP TABLE was AS SELECT name, sql FROM sqlite_master"
		   " WHERE type = 'trigger'");
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk_new_cases(f->st, &f->err), TL_OK);
	assert_true(triggers_differ(f) > 0);
	for (int i = 1; i < 6; i++)
		log_one(f, &r, refs[i]);
	exec_ok(f, "INSERT INTO case_causes(case_id, cause) SELECT id, 'delays' FROM cases"
		   " WHERE id > 1");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched"), 0);
	const char *delays[] = { "delays" };
	assert_int_equal(case_set_causes(f->st, refs[0], delays, 1, &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched"), 1);
	exec_ok(f, "UPDATE stages SET responded = date(started, '+12 days'), outcome = 'upheld'"
		   " WHERE case_id = 1");
	/* The triggers that take away a stage's count must not see a new one. */
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "UPDATE stages SET outcome = 'upheld'"
					  " WHERE case_id = 2", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(store_db(f->st), "UPDATE cases SET team = 'North'"
					  " WHERE id = 3", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM search_touched"), 0);
	/* Causes given by SQL, not case_store.c: the commit notes the cases. */
	assert_int_equal(derived_ok(f, 1), 0);
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_int_equal(triggers_differ(f), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'words'"), 6);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases WHERE causes_key ="
				       " 'delays'"), 6);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM search_touched") +
			 fixture_count(f->st, "SELECT count(*) FROM tally_touched") +
			 fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched"), 0);
	assert_int_equal(open_wrong(f), 0);
	assert_int_equal(tally_differs(f), 0);
}

/* Rule 11 when every new case is as case_store.c wrote it: they are read
 * by their ids at the commit, not noted, beside the notes of a case stored
 * before that changed in the same write; each stage counted once. */
static void new_cases_as_written_are_counted_by_their_ids(void **state)
{
	fixture *f = *state;
	char refs[8][REF_MAX];
	rng r = { 36 };

	log_one(f, &r, refs[0]);
	log_one(f, &r, refs[1]);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk_new_cases(f->st, &f->err), TL_OK);
	for (int i = 2; i < 8; i++)
		log_one(f, &r, refs[i]);
	const char *delays[] = { "delays", "fairness" };
	assert_int_equal(case_set_causes(f->st, refs[0], delays, 2, &f->err), TL_OK);
	exec_ok(f, "UPDATE stages SET responded = date(started, '+12 days'), outcome = 'upheld'"
		   " WHERE case_id = 2");
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM tally_touched"), 1);
	/* So the commit reads them by their ids. */
	assert_int_equal(derived_ok(f, 2), 1);
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'words'"), 8);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases WHERE causes_key = '*'"),
			 1);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM search_touched") +
			 fixture_count(f->st, "SELECT count(*) FROM tally_touched") +
			 fixture_count(f->st, "SELECT count(*) FROM tally_cases_touched"), 0);
	assert_int_equal(open_wrong(f), 0);
	assert_int_equal(tally_differs(f), 0);
}

/* A stage given to a case stored before a bulk write of new cases would
 * go uncounted: its commit refuses, and the rollback leaves the file, its
 * triggers too, as it was. */
static void a_stage_for_an_older_case_fails_a_bulk_write_of_new_cases(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	rng r = { 35 };

	log_one(f, &r, ref);
	exec_ok(f, "CREATE TEMP TABLE was AS SELECT name, sql FROM sqlite_master"
		   " WHERE type = 'trigger'");
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk_new_cases(f->st, &f->err), TL_OK);
	log_one(f, &r, ref);
	exec_ok(f, "INSERT INTO stages(case_id, stage, started, due, max_due, counted)"
		   " VALUES(1, 2, '2026-05-01', '2026-06-05', '2026-07-31', 1)");
	assert_int_not_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_non_null(strstr(f->err.msg, "nothing is saved"));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM stages"), 1);
	assert_int_equal(triggers_differ(f), 0);
	assert_int_equal(tally_differs(f), 0);
	/* Asked outside a bulk write, it is refused. */
	assert_int_not_equal(store_bulk_new_cases(f->st, &f->err), TL_OK);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(every_move_keeps_the_totals_equal_to_a_count),
		T(raw_edits_through_the_store_keep_the_totals),
		T(a_wrong_total_is_found_and_rebuilt),
		T(a_new_calendar_counts_the_totals_again),
		T(deferred_totals_are_counted_once_at_the_commit),
		T(a_failed_part_of_a_bulk_write_keeps_nothing),
		T(search_and_open_stages_are_settled_at_the_commit),
		T(new_cases_of_a_bulk_write_are_noted_at_its_commit),
		T(a_stage_for_an_older_case_fails_a_bulk_write_of_new_cases),
		T(new_cases_as_written_are_counted_by_their_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
