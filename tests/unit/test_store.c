/* test_store.c - the SQLite file: created owner-only, WAL, foreign keys,
 * schema versioned with shipped migrations frozen, settings checked,
 * transactions by the rules of store.h, the statement cache's limit,
 * profiles as data. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sodium.h>
#include "fixture.h"
#include "tellus/case.h"
#include "tellus/lists.h"
#include "store/schema.sql.h"

static int pragma_int(fixture *f, const char *sql)
{
	sqlite3_stmt *q = NULL;
	int v = -1;
	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), sql, -1, &q, NULL), SQLITE_OK);
	if (sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return v;
}

static void new_database_is_owner_only_wal_with_foreign_keys(void **state)
{
	fixture *f = *state;
	struct stat sb;
	assert_int_equal(stat(f->path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(pragma_int(f, "PRAGMA foreign_keys"), 1);
	assert_int_equal(pragma_int(f, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(pragma_int(f, "PRAGMA user_version"), store_schema_version());
	sqlite3_stmt *q = NULL;
	sqlite3_prepare_v2(store_db(f->st), "PRAGMA journal_mode", -1, &q, NULL);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
	sqlite3_finalize(q);
}

static void reopening_keeps_settings_and_does_not_migrate_again(void **state)
{
	fixture *f = *state;
	char v[64];
	tl_store *again = NULL;
	assert_int_equal(store_setting_set(f->st, "authority_name", "Anyshire", &f->err), TL_OK);
	assert_int_equal(store_open(f->path, &again, &f->err), TL_OK);
	assert_int_equal(store_setting_get(again, "authority_name", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "Anyshire");
	store_close(again);
}

static void newer_schema_is_refused(void **state)
{
	fixture *f = *state;
	tl_store *again = NULL;
	assert_int_equal(sqlite3_exec(store_db(f->st), "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
	assert_refused(store_open(f->path, &again, &f->err), TL_EDB, f, "newer Tellus");
	assert_null(again);
}

static void settings_are_checked_before_they_are_stored(void **state)
{
	fixture *f = *state;
	char v[64];
	assert_refused(store_setting_set(f->st, "idle_seconds", "5", &f->err), TL_EINVAL, f, "10 to 3600");
	assert_refused(store_setting_set(f->st, "receipt_url", "ftp://x", &f->err), TL_EINVAL, f, "https://");
	assert_refused(store_setting_set(f->st, "colour", "blue", &f->err), TL_EINVAL, f, "unknown setting");
	assert_refused(store_setting_get(f->st, "receipt_url", v, sizeof v, &f->err), TL_ENOTFOUND, f, "no value");
	assert_int_equal(store_setting_get(f->st, "idle_seconds", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "90");
	assert_int_equal(store_setting_get(f->st, "device_code", v, sizeof v, &f->err), TL_OK);
	assert_true(ref_device_valid(v));
}

static void a_rolled_back_savepoint_leaves_the_outer_transaction(void **state)
{
	fixture *f = *state;
	char v[64];
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "contact_phone", "0116 000", &f->err), TL_OK);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "contact_email", "a@b.c", &f->err), TL_OK);
	store_rollback(f->st);
	assert_int_equal(store_commit(f->st, &f->err), TL_OK);
	assert_int_equal(store_setting_get(f->st, "contact_phone", v, sizeof v, &f->err), TL_OK);
	assert_refused(store_setting_get(f->st, "contact_email", v, sizeof v, &f->err), TL_ENOTFOUND, f, "no value");
	/* A whole rollback undoes everything, audit entries too. */
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "contact_email", "a@b.c", &f->err), TL_OK);
	store_rollback(f->st);
	assert_refused(store_setting_get(f->st, "contact_email", v, sizeof v, &f->err), TL_ENOTFOUND, f, "no value");
	assert_int_equal(pragma_int(f, "SELECT count(*) FROM audit WHERE detail LIKE 'contact_email%'"), 0);
}

/* Rules 3 and 6 of store.h: an inner level rolled back undoes its own
 * work only, and drops the calendar it built from closures it undid. */
static void an_inner_rollback_drops_its_closures_from_the_calendar(void **state)
{
	fixture *f = *state;
	const tl_calendar *cal;
	char v[64];
	tl_date wednesday = D("2026-07-15");
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "contact_phone", "0116 000", &f->err), TL_OK);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_closure_add(f->st, wednesday, "Flood", &f->err), TL_OK);
	assert_int_equal(store_calendar(f->st, true, &cal, &f->err), TL_OK);
	assert_false(cal_is_workday(cal, wednesday));
	store_rollback(f->st);
	assert_int_equal(store_calendar(f->st, true, &cal, &f->err), TL_OK);
	assert_true(cal_is_workday(cal, wednesday));
	assert_int_equal(store_commit(f->st, &f->err), TL_OK);
	assert_true(sqlite3_get_autocommit(store_db(f->st)));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM closures"), 0);
	assert_int_equal(store_setting_get(f->st, "contact_phone", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "0116 000");
}

/* Rule 3: core writes wrapped in one outer level are all or nothing
 * together; a case logged and rolled back gives its reference back. */
static void writes_in_one_outer_level_are_undone_together(void **state)
{
	fixture *f = *state;
	char first[REF_MAX];
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_CHILD;
	c.received = D("2026-06-01");
	assert_int_equal(case_set_text(&c.service_area, "Fostering", &f->err), TL_OK);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(case_log(f->st, &c, &f->err), TL_OK);
	snprintf(first, sizeof first, "%s", c.ref);
	assert_int_equal(store_setting_set(f->st, "contact_email", "a@b.c", &f->err), TL_OK);
	store_rollback(f->st);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM audit WHERE action IN "
				       "('log', 'config_set')"), 0);
	assert_int_equal(case_log(f->st, &c, &f->err), TL_OK);
	assert_string_equal(c.ref, first);
	case_clear(&c);
}

/* A commit SQLite refuses (here a deferred foreign key, checked only at
 * COMMIT) must not leave the level open: rule 2, through store_end. */
static void a_refused_commit_leaves_no_transaction_open(void **state)
{
	fixture *f = *state;
	sqlite3 *db = store_db(f->st);
	bool added = true;
	assert_int_equal(sqlite3_exec(db, "CREATE TEMP TABLE parent(id INTEGER PRIMARY KEY);"
				      "CREATE TEMP TABLE child(id INTEGER REFERENCES parent(id)"
				      "  DEFERRABLE INITIALLY DEFERRED);"
				      "CREATE TEMP TRIGGER orphan AFTER INSERT ON main.context"
				      "  BEGIN INSERT INTO child VALUES(1); END;", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_refused(context_put(f->st, 2025, "Referrals", 10, &added, &f->err), TL_EDB, f,
		       "FOREIGN KEY");
	assert_true(sqlite3_get_autocommit(db));
	/* Inside an outer level the savepoint is released; the outer commit
	 * is refused and store_end rolls everything back. */
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(context_put(f->st, 2025, "Referrals", 10, &added, &f->err), TL_OK);
	assert_refused(store_end(f->st, TL_OK, &f->err), TL_EDB, f, "FOREIGN KEY");
	assert_true(sqlite3_get_autocommit(db));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM context"), 0);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER temp.orphan", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(context_put(f->st, 2025, "Referrals", 10, &added, &f->err), TL_OK);
	assert_true(added);
	assert_true(sqlite3_get_autocommit(db));
}

/* store_db.h: past STORE_MAX_STMTS the cache prepares each time, says so
 * once on stderr, and store_stmt_overflowed turns true. */
static void a_full_statement_cache_still_works_and_says_so_once(void **state)
{
	fixture *f = *state;
	static char sql[STORE_MAX_STMTS + 2][32]; /* live as long as the store */
	char log[300], said[400] = "";
	tl_store *st = NULL;
	sqlite3_stmt *q;
	assert_int_equal(store_open(f->path, &st, &f->err), TL_OK);
	snprintf(log, sizeof log, "%s/stderr", f->dir);
	fflush(stderr);
	int saved = dup(2), fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(saved >= 0 && fd >= 0 && dup2(fd, 2) == 2);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < STORE_MAX_STMTS + 2; i++) {
			snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
			assert_int_equal(store_stmt(st, sql[i], &q, &f->err), TL_OK);
			assert_int_equal(sqlite3_step(q), SQLITE_ROW);
			assert_int_equal(sqlite3_column_int(q, 0), i);
			store_stmt_done(st, q);
			assert_int_equal(store_stmt_overflowed(st), i >= STORE_MAX_STMTS || round);
		}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	FILE *in = fopen(log, "r");
	assert_non_null(in);
	size_t n = fread(said, 1, sizeof said - 1, in);
	fclose(in);
	said[n] = '\0';
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += said[i] == '\n';
	assert_int_equal(lines, 1);
	assert_non_null(strstr(said, "STORE_MAX_STMTS"));
	store_close(st);
}

/* Migrations are append-only (schema.sql.h): a migration that has shipped
 * must run the same SQL forever, byte for byte, or a file migrated by one
 * build differs from a file migrated by another. When a migration ships,
 * its hash is added here; none is ever changed. */
static void shipped_migrations_are_never_edited(void **state)
{
	static const char *const shipped[] = {
		"2e51c8413119e2c5decdd4668b0ee17d21edb2179656be865368f044cecb85b7",
		"ccd8db087c7725430a7c44d247cdf1fac197070afdabeaefa19dbc83c10545f0",
		"4e239bd41fb7a47376335fc404cee32da79ee6b2d15eee222058128e76b32417",
		"ecff57f1405271d16e4cef8483d8e270bbd8feca9bda819386c3a3e1733afe0b",
		"8a66cae3b37613b7ec39385bcb3a9a4b684d6db36cf859ce4fcce747edbd1ed6",
		"1841dbcf19c66f1c28f45874ddb332c7a48e82631afc078910485ab9d5889dc8",
		"a3933318ea6aefa4a3f9e5e2c8b9ab10b45825f90536ec6856cb8d1bbace9535",
		"f1e0e497460ed1c621ed889d98ed98d7df784b73f4e256e7f6a343c95443614b",
		/* w2-report: stage 3's band and the Ombudsman's indexes; consent_names */
		"e79b6d38e6fb5b917f06fb3da1dfaad16a223849f40361fbdc9ad70b9bcfe81e",
		"b0ef82f8f23d81838d265f3125d7f4596354eed2200c18f71ec7cc60f3a2c1cf",
		/* w2-team-b: acknowledgements, extension dates, kept rules, open stages */
		"d839127a932cdcebbfd198f0fad2d185d51a7ba5d9011fad94a7ae5c41315ccc",
		/* w2-team-a: names, lists, corrections, letters, equalities, search */
		"fc4f1c913d065b8add9aa136c4b93e407e8f531df158bff55aebd9364c15a252",
		/* w2-sync: devices and the register */
		"bb8451621ae9f3e57c796366221e84faa2ff0bed9581688ad8172935560a4901",
		/* w2-csv: the assessments' reasons from the audit trail, deferred totals */
		"19b92334e288cd446313f22c99df228332149ec111ace95c1df03fa29fa9ec6e",
		/* w4-speed: the search index and the open stages deferred in bulk */
		"9eb9a8cd8089e83dc96293f54a0c3f89016bbeccf13b1754e497e7ad97cdbc26",
	};
	(void)state;
	assert_true(sodium_init() >= 0);
	assert_true(SCHEMA_N_MIGRATIONS >= sizeof shipped / sizeof shipped[0]);
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		unsigned char h[crypto_hash_sha256_BYTES];
		char hex[2 * crypto_hash_sha256_BYTES + 1];
		const char *sql = SCHEMA_MIGRATIONS[i];
		crypto_hash_sha256(h, (const unsigned char *)sql, strlen(sql));
		sodium_bin2hex(hex, sizeof hex, h, sizeof h);
		if (strcmp(hex, shipped[i]))
			fail_msg("migration %zu has changed: add a new migration instead", i + 1);
	}
}

static void profiles_load_from_text_and_bad_ones_name_the_line(void **state)
{
	fixture *f = *state;
	tl_profile p;
	const char *text = "name county_corporate\ntitle County\nclosures yes\n"
			   "stage 1 standard 15 maximum 20 name First look\n";
	assert_int_equal(store_profile_put(f->st, text, &f->err), TL_OK);
	assert_int_equal(store_profile(f->st, "county_corporate", &p, &f->err), TL_OK);
	assert_int_equal(p.stages[0].standard, 15);
	assert_true(p.closures);
	assert_refused(store_profile_put(f->st, "name x\n\nstage 1 standard 10 maximum 5\n", &f->err),
		       TL_EINVAL, f, "line 3");
	assert_refused(store_profile_put(f->st, "name x\nspeed 9\n", &f->err), TL_EINVAL, f, "line 2");
}

static void closures_are_listed_and_removed(void **state)
{
	fixture *f = *state;
	tl_day_off *days = NULL;
	size_t n;
	assert_int_equal(store_closure_add(f->st, D("2025-12-29"), "Closed", &f->err), TL_OK);
	assert_refused(store_closure_add(f->st, D("2025-12-29"), "Closed", &f->err), TL_EEXIST, f, "already");
	assert_int_equal(store_closure_list(f->st, &days, &n, &f->err), TL_OK);
	assert_int_equal(n, 1);
	free(days);
	assert_int_equal(store_closure_remove(f->st, D("2025-12-29"), &f->err), TL_OK);
	assert_refused(store_closure_remove(f->st, D("2025-12-29"), &f->err), TL_ENOTFOUND, f, "not a closure");
}

/* A second connection in this process (a worker thread's) must not take
 * away the first one's locks: else another program's last close resets
 * the WAL under them and both go on reading an old snapshot. */
static void a_second_connection_in_one_process_keeps_seeing_other_programs_writes(void **state)
{
	fixture *f = *state;
	tl_store *second = NULL;
	char v[64];
	assert_int_equal(store_open(f->path, &second, NULL), TL_OK);
	for (int round = 0; round < 3; round++) {
		char want[32];
		snprintf(want, sizeof want, "Council %d", round);
		/* Read first, so that both connections have looked at the file. */
		store_setting_get(f->st, "authority_name", v, sizeof v, NULL);
		store_setting_get(second, "authority_name", v, sizeof v, NULL);
		/* Another program: the sqlite3 shell, which opens, writes, closes. */
		char cmd[1200];
		snprintf(cmd, sizeof cmd, "sqlite3 '%s' \"INSERT OR REPLACE INTO settings(key, value) "
			 "VALUES('authority_name', '%s')\"", f->path, want);
		assert_int_equal(system(cmd), 0);
		assert_int_equal(store_setting_get(f->st, "authority_name", v, sizeof v, NULL), TL_OK);
		assert_string_equal(v, want);
		assert_int_equal(store_setting_get(second, "authority_name", v, sizeof v, NULL), TL_OK);
		assert_string_equal(v, want);
	}
	store_close(second);
}

/* A bulk write remembers the names it found on the lists and the last
 * setting it read (store_db.h); each is forgotten when it changes, and
 * when the write ends. */
static void a_bulk_write_forgets_what_it_changes(void **state)
{
	fixture *f = *state;
	char v[256];
	bool added;
	long moved;

	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_int_equal(lists_ensure(f->st, TL_LIST_TEAMS, "North", &added, &f->err), TL_OK);
	assert_true(added);
	assert_int_equal(lists_ensure(f->st, TL_LIST_TEAMS, "North", &added, &f->err), TL_OK);
	assert_false(added);
	assert_true(store_list_known(f->st, TL_LIST_TEAMS, "North"));
	assert_false(store_list_known(f->st, TL_LIST_SERVICES, "North"));
	assert_int_equal(lists_rename(f->st, TL_LIST_TEAMS, "North", "South", &moved, &f->err), TL_OK);
	assert_false(store_list_known(f->st, TL_LIST_TEAMS, "North"));
	assert_int_equal(lists_ensure(f->st, TL_LIST_TEAMS, "North", &added, &f->err), TL_OK);
	assert_true(added);
	/* More names than are kept: the oldest go, and are asked again. */
	for (int i = 0; i < 40; i++) {
		char name[32];
		snprintf(name, sizeof name, "Team %d", i);
		assert_int_equal(lists_ensure(f->st, TL_LIST_TEAMS, name, &added, &f->err), TL_OK);
		assert_true(added);
	}
	assert_false(store_list_known(f->st, TL_LIST_TEAMS, "Team 0"));
	assert_true(store_list_known(f->st, TL_LIST_TEAMS, "Team 39"));
	assert_int_equal(lists_ensure(f->st, TL_LIST_TEAMS, "Team 0", &added, &f->err), TL_OK);
	assert_false(added);

	assert_int_equal(store_setting_get(f->st, "authority_name", v, sizeof v, &f->err), TL_OK);
	assert_int_equal(store_setting_set(f->st, "authority_name", "Anyshire", &f->err), TL_OK);
	assert_int_equal(store_setting_get(f->st, "authority_name", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "Anyshire");
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_false(store_list_known(f->st, TL_LIST_TEAMS, "South"));

	/* Another program's change is seen by the next bulk write. */
	tl_store *other = NULL;
	assert_int_equal(store_open(store_path(f->st), &other, &f->err), TL_OK);
	assert_int_equal(store_setting_set(other, "authority_name", "Otherton", &f->err), TL_OK);
	store_close(other);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_false(store_list_known(f->st, TL_LIST_TEAMS, "South"));
	assert_int_equal(store_setting_get(f->st, "authority_name", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "Otherton");
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
}

/* A bulk write's rollback journal (store_db.h): only while no other
 * connection has the file, and WAL again after. */
static void a_bulk_write_alone_writes_its_pages_once(void **state)
{
	fixture *f = *state;
	tl_store *other = NULL;

	assert_int_equal(store_open(store_path(f->st), &other, &f->err), TL_OK);
	assert_false(store_bulk_solo(f->st));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM pragma_journal_mode"
				       " WHERE journal_mode = 'wal'"), 1);
	store_close(other);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_false(store_bulk_solo(f->st)); /* never inside a transaction */
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_true(store_bulk_solo(f->st));
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM pragma_journal_mode"
				       " WHERE journal_mode = 'delete'"), 1);
	assert_int_equal(store_setting_set(f->st, "authority_name", "Anyshire", &f->err), TL_OK);
	store_bulk_solo_end(f->st);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM pragma_journal_mode"
				       " WHERE journal_mode = 'wal'"), 1);
	/* What it wrote is there for the next program, in WAL. */
	assert_int_equal(store_open(store_path(f->st), &other, &f->err), TL_OK);
	char v[64];
	assert_int_equal(store_setting_get(other, "authority_name", v, sizeof v, &f->err), TL_OK);
	assert_string_equal(v, "Anyshire");
	store_close(other);
}

/* store_mem.c's allocator: every size of block holds what was written in
 * it, keeps it through realloc, and a freed small block is given again. */
static void sqlites_memory_holds_what_is_written(void **state)
{
	const sqlite3_mem_methods *m = store_mem_methods();
	void *blocks[300];
	(void)state;

	for (int i = 0; i < 300; i++) {
		int n = 1 + i * 7;
		blocks[i] = m->xMalloc(n);
		assert_non_null(blocks[i]);
		assert_true(m->xSize(blocks[i]) >= n);
		assert_int_equal(m->xRoundup(n) % 16, 0);
		memset(blocks[i], i & 0xff, (size_t)n);
	}
	for (int i = 0; i < 300; i++) {
		int n = 1 + i * 7, more = n * 3 + 5;
		unsigned char *p = m->xRealloc(blocks[i], more);
		assert_non_null(p);
		for (int k = 0; k < n; k++)
			assert_int_equal(p[k], i & 0xff);
		memset(p, 0x5a, (size_t)more);
		blocks[i] = p;
	}
	for (int i = 0; i < 300; i++)
		m->xFree(blocks[i]);
	void *a = m->xMalloc(100);
	m->xFree(a);
	void *b = m->xMalloc(97);
	assert_ptr_equal(a, b);
	m->xFree(b);
	m->xFree(NULL);
	assert_null(m->xMalloc(0));
	assert_int_equal(m->xSize(NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
		T(new_database_is_owner_only_wal_with_foreign_keys),
		T(reopening_keeps_settings_and_does_not_migrate_again),
		T(newer_schema_is_refused),
		T(settings_are_checked_before_they_are_stored),
		T(a_rolled_back_savepoint_leaves_the_outer_transaction),
		T(an_inner_rollback_drops_its_closures_from_the_calendar),
		T(writes_in_one_outer_level_are_undone_together),
		T(a_refused_commit_leaves_no_transaction_open),
		T(a_full_statement_cache_still_works_and_says_so_once),
		cmocka_unit_test(shipped_migrations_are_never_edited),
		T(profiles_load_from_text_and_bad_ones_name_the_line),
		T(closures_are_listed_and_removed),
		T(a_second_connection_in_one_process_keeps_seeing_other_programs_writes),
		T(a_bulk_write_forgets_what_it_changes),
		T(a_bulk_write_alone_writes_its_pages_once),
		cmocka_unit_test(sqlites_memory_holds_what_is_written),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
