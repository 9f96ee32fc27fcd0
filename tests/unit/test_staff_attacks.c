/* test_staff_attacks.c - the staff PIN rules seen from an attacker's side
 * (SPEC section 9): a restart or a crash between guesses gives no free
 * tries, the same PIN never hashes the same way twice, and no PIN, right
 * or wrong, is ever written anywhere in the file in clear. */
#include "fixture.h"
#include "tellus/staff.h"
#include "tellus/words.h"

static const long long T0 = 1780000000;

static bool holds(const char *buf, size_t n, const char *s)
{
	size_t k = strlen(s);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(buf + i, s, k) == 0)
			return true;
	return false;
}

/* Does the file at path (and its WAL) hold the bytes of s anywhere? */
static bool file_holds(const char *path, const char *s)
{
	char wal[400];
	const char *paths[2] = { path, wal };
	bool found = false;

	snprintf(wal, sizeof wal, "%s-wal", path);
	for (int i = 0; i < 2 && !found; i++) {
		FILE *f = fopen(paths[i], "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long n = ftell(f);
		fseek(f, 0, SEEK_SET);
		char *buf = malloc((size_t)n + 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
		found = holds(buf, (size_t)n, s);
		free(buf);
		fclose(f);
	}
	return found;
}

static void reopening_the_file_gives_no_free_guesses(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Lee", TL_ROLE_MANAGER, "2468", &f->err), TL_OK);
	for (int i = 0; i < STAFF_LOCK_TRIES - 1; i++)
		assert_int_equal(staff_sign_in(f->st, "Lee", "1111", T0 + i, NULL, &f->err), TL_EAUTH);
	/* As after a crash or a restart of the kiosk. */
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &f->err), TL_OK);
	assert_int_equal(staff_sign_in(f->st, "Lee", "1111", T0 + 10, NULL, &f->err), TL_EAUTH);
	assert_non_null(strstr(f->err.msg, "locked"));
	assert_int_equal(staff_sign_in(f->st, "Lee", "2468", T0 + 11, NULL, &f->err), TL_EAUTH);
	assert_non_null(strstr(f->err.msg, "locked"));
}

static void the_same_pin_never_hashes_the_same_way_twice(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Ann", TL_ROLE_OFFICER, "482913", &f->err), TL_OK);
	assert_int_equal(staff_add(f->st, "Bob", TL_ROLE_OFFICER, "482913", &f->err), TL_OK);
	assert_int_equal(fixture_count(f->st, "SELECT count(DISTINCT pin_hash) FROM staff"), 2);
	assert_int_equal(fixture_count(f->st, "SELECT count(*) FROM staff WHERE pin_hash "
				       "NOT LIKE '$argon2id$v=19$m=%'"), 0);
}

static void no_pin_right_or_wrong_is_in_the_file_in_clear(void **state)
{
	fixture *f = *state;
	assert_int_equal(staff_add(f->st, "Kit", TL_ROLE_ADMIN, "90817263", &f->err), TL_OK);
	assert_int_equal(staff_sign_in(f->st, "Kit", "55512349", T0, NULL, &f->err), TL_EAUTH);
	assert_int_equal(staff_sign_in(f->st, "Kit", "90817263", T0 + 1, NULL, &f->err), TL_OK);
	assert_false(file_holds(f->path, "90817263"));
	assert_false(file_holds(f->path, "55512349"));
	/* The check can see what is there: the name is. */
	assert_true(file_holds(f->path, "Kit"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(reopening_the_file_gives_no_free_guesses),
		T(the_same_pin_never_hashes_the_same_way_twice),
		T(no_pin_right_or_wrong_is_in_the_file_in_clear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
