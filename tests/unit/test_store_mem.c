/* test_store_mem.c - SQLite on store_mem.c's allocator, as `tellus` runs
 * it. The other tests run under AddressSanitizer, where `tellus` leaves
 * SQLite on malloc (store_mem_cache); here the cache is given to SQLite
 * before it starts, and a register is written, in bulk and not, checked
 * and read back through it. */
#include "fixture.h"
#include "tellus/case.h"

static void log_some(fixture *f, int n, char first[REF_MAX])
{
	for (int i = 0; i < n; i++) {
		tl_case c;
		case_init(&c);
		c.kind = TL_KIND_COMPLAINT;
		c.procedure = i % 4 ? TL_PROC_STATUTORY : TL_PROC_CORPORATE;
		c.complainant = i % 9;
		c.received = D("2024-04-01") + i % 700;
		case_set_text(&c.service_area, i % 2 ? "Fostering" : "Children in care", NULL);
		case_set_text(&c.summary, "Nobody rang back about the visits", NULL);
		if (case_log(f->st, &c, &f->err))
			fail_msg("case_log: %s", f->err.msg);
		if (i == 0 && first)
			memcpy(first, c.ref, REF_MAX);
		case_clear(&c);
	}
}

static void a_register_works_on_the_cached_allocator(void **state)
{
	fixture *f = *state;
	char ref[REF_MAX];
	tl_checkup chk;
	tl_case c;

	log_some(f, 150, ref);
	assert_int_equal(store_begin(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk(f->st, &f->err), TL_OK);
	assert_int_equal(store_bulk_new_cases(f->st, &f->err), TL_OK);
	log_some(f, 300, NULL);
	assert_int_equal(store_end(f->st, TL_OK, &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM cases"), 450);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM case_search"
				       " WHERE case_search MATCH 'visits'"), 450);
	assert_int_equal(store_check(f->st, &chk, &f->err), TL_OK);
	assert_string_equal(chk.integrity, "ok");
	assert_int_equal(chk.foreign_keys + chk.tally_groups + chk.counted_wrong + chk.open_wrong,
			 0);
	assert_int_equal(case_get(f->st, ref, &c, &f->err), TL_OK);
	assert_string_equal(c.summary, "Nobody rang back about the visits");
	case_clear(&c);
}

int main(void)
{
	/* Before SQLite starts: afterwards it would say no. */
	if (sqlite3_config(SQLITE_CONFIG_MALLOC, store_mem_methods()) != SQLITE_OK) {
		fprintf(stderr, "sqlite3_config: SQLite had started\n");
		return 1;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_register_works_on_the_cached_allocator,
						fixture_setup, fixture_teardown),
	};
	return cmocka_run_group_tests_name("store_mem", tests, NULL, NULL);
}
