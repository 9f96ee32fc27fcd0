/* test_staff.c - staff PINs: stored only as Argon2id hashes, the lock
 * after five wrong PINs that lasts five minutes on the injected clock, and
 * an audit entry for every sign-in attempt. */
#include "fixture.h"
#include "tellus/staff.h"
#include "tellus/words.h"

static long long count(fixture *f, const char *sql)
{
	return fixture_count(f->st, sql);
}

static const long long T0 = 1780000000;

static void pin_is_stored_as_an_argon2id_hash_only(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Ann", TL_ROLE_OFFICER, "482913", &f->err), TL_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '$argon2id$%'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM staff WHERE pin_hash LIKE '%482913%'"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'staff_add'"), 1);
}

static void right_pin_signs_in_with_the_role(void **state)
{
	fixture *f = *state;
	tl_staff m;
	assert_int_equal(staff_add(f->st, "Mo", TL_ROLE_MANAGER, "1357", &f->err), TL_OK);
	assert_int_equal(staff_sign_in(f->st, "Mo", "1357", T0, &m, &f->err), TL_OK);
	assert_string_equal(m.name, "Mo");
	assert_int_equal(m.role, TL_ROLE_MANAGER);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'staff_sign_in' "
			       "AND detail = 'Mo: signed in'"), 1);
}

static void bad_names_pins_and_roles_are_refused(void **state)
{
	fixture *f = *state;
	assert_refused(staff_add(f->st, "Al", TL_ROLE_OFFICER, "123", &f->err), TL_EINVAL, f, "PIN");
	assert_refused(staff_add(f->st, "Al", TL_ROLE_OFFICER, "12a4", &f->err), TL_EINVAL, f, "PIN");
	assert_refused(staff_add(f->st, "", TL_ROLE_OFFICER, "1234", &f->err), TL_EINVAL, f, "name");
	assert_refused(staff_add(f->st, "Al", 7, "1234", &f->err), TL_EINVAL, f, "role");
	assert_int_equal(staff_add(f->st, "Al", TL_ROLE_ADMIN, "1234", &f->err), TL_OK);
	assert_refused(staff_add(f->st, "Al", TL_ROLE_ADMIN, "9876", &f->err), TL_EEXIST, f, "already");
	assert_refused(staff_sign_in(f->st, "Nobody", "1234", T0, NULL, &f->err), TL_ENOTFOUND, f,
		       "not found");
}

static void five_wrong_pins_lock_for_five_minutes(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Lee", TL_ROLE_OFFICER, "2468", &f->err), TL_OK);
	for (int i = 0; i < 4; i++)
		assert_refused(staff_sign_in(f->st, "Lee", "1111", T0 + i, NULL, &f->err), TL_EAUTH, f,
			       "wrong PIN");
	assert_refused(staff_sign_in(f->st, "Lee", "1111", T0 + 4, NULL, &f->err), TL_EAUTH, f,
		       "locked");
	/* The right PIN does not open a locked account. */
	assert_refused(staff_sign_in(f->st, "Lee", "2468", T0 + 10, NULL, &f->err), TL_EAUTH, f,
		       "locked");
	assert_refused(staff_sign_in(f->st, "Lee", "2468", T0 + 4 + STAFF_LOCK_SECONDS - 1, NULL,
				     &f->err), TL_EAUTH, f, "locked");
	assert_int_equal(staff_sign_in(f->st, "Lee", "2468", T0 + 4 + STAFF_LOCK_SECONDS, NULL,
				       &f->err), TL_OK);
	assert_int_equal(count(f, "SELECT count(*) FROM audit WHERE action = 'staff_sign_in'"), 8);
	assert_int_equal(count(f, "SELECT failed FROM staff WHERE name = 'Lee'"), 0);
}

static void a_right_pin_resets_the_count_of_wrong_ones(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Kit", TL_ROLE_OFFICER, "2468", &f->err), TL_OK);
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 4; i++)
			assert_int_equal(staff_sign_in(f->st, "Kit", "0000", T0, NULL, &f->err), TL_EAUTH);
		assert_int_equal(staff_sign_in(f->st, "Kit", "2468", T0, NULL, &f->err), TL_OK);
	}
}

static int collect(const tl_staff *m, void *arg)
{
	char *out = arg;
	strcat(out, m->name);
	strcat(out, ";");
	return 0;
}

static void list_gives_every_member_by_name(void **state)
{
	fixture *f = *state;
	char names[128] = "";
	assert_int_equal(staff_add(f->st, "Zed", TL_ROLE_OFFICER, "1234", &f->err), TL_OK);
	assert_int_equal(staff_add(f->st, "Amy", TL_ROLE_MANAGER, "1234", &f->err), TL_OK);
	assert_int_equal(staff_list(f->st, collect, names, &f->err), TL_OK);
	assert_string_equal(names, "Amy;Zed;");
}

#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(pin_is_stored_as_an_argon2id_hash_only),
		T(right_pin_signs_in_with_the_role),
		T(bad_names_pins_and_roles_are_refused),
		T(five_wrong_pins_lock_for_five_minutes),
		T(a_right_pin_resets_the_count_of_wrong_ones),
		T(list_gives_every_member_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
