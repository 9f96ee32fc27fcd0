/* test_store.c - the SQLite file: created owner-only, WAL, foreign keys,
 * schema versioned, settings checked, transactions that nest and roll
 * back whole, profiles as data. */
#include <sys/stat.h>
#include "fixture.h"

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
	assert_refused(store_setting_set(f->st, "idle_seconds", "5", &f->err), TL_EINVAL, f, "30 to 3600");
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

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)
		T(new_database_is_owner_only_wal_with_foreign_keys),
		T(reopening_keeps_settings_and_does_not_migrate_again),
		T(newer_schema_is_refused),
		T(settings_are_checked_before_they_are_stored),
		T(a_rolled_back_savepoint_leaves_the_outer_transaction),
		T(profiles_load_from_text_and_bad_ones_name_the_line),
		T(closures_are_listed_and_removed),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
