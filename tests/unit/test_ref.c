/* test_ref.c - references and their check character (SPEC section 6).
 * For hundreds of references, every one-symbol substitution and every
 * swap of two different neighbours must be refused; what people really
 * type (lower case, o for 0, i or l for 1, spaces) must be accepted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/ref.h"

static const char *const DEVICES[] = { "K2", "A", "XY9", "HJ7W", "0", "Y", "MNPQ" };
static const long SEQS[] = { 0, 1, 417, 1234, 9999, 10000, 31415926, 99999900 };
static const int YEARS[] = { 2026, 1995, 2000, 2099, 2031 };

#define N_DEVICES (sizeof DEVICES / sizeof DEVICES[0])
#define N_SEQS (sizeof SEQS / sizeof SEQS[0])
#define N_YEARS (sizeof YEARS / sizeof YEARS[0])

static void make(const char *dev, int year, long seq, char out[REF_MAX])
{
	tl_err err;
	if (ref_make(dev, year, seq, out, &err))
		fail_msg("ref_make %s %d %ld: %s", dev, year, seq, err.msg);
}

static bool accepted(const char *typed, char out[REF_MAX])
{
	tl_err err;
	return ref_normalise(typed, out, &err) == TL_OK;
}

static void alphabet_has_31_symbols_without_i_l_o_u(void **state)
{
	(void)state;
	assert_int_equal(strlen(REF_ALPHABET), 31);
	for (const char *p = "ILOUilou"; *p; p++)
		assert_null(strchr(REF_ALPHABET, *p));
	for (size_t i = 0; i < 31; i++)
		assert_null(strchr(REF_ALPHABET + i + 1, REF_ALPHABET[i]));
}

static void ref_make_gives_device_year_sequence_check(void **state)
{
	(void)state;
	char r[REF_MAX], out[REF_MAX];
	make("K2", 2026, 417, r);
	assert_int_equal(strlen(r), strlen("K2-26-0417-X"));
	assert_memory_equal(r, "K2-26-0417-", 11);
	assert_non_null(strchr(REF_ALPHABET, r[11]));
	assert_true(ref_is_tellus_shape(r));
	assert_true(accepted(r, out));
	assert_string_equal(out, r);
	make("A", 2000, 12345678, r);
	assert_memory_equal(r, "A-00-12345678-", 14);
	assert_true(accepted(r, out));
}

static void ref_make_refuses_bad_devices_and_sequences(void **state)
{
	(void)state;
	char r[REF_MAX];
	tl_err err;
	static const char *const bad[] = { "", "ABCDE", "K-2", "KO", "k2", "U1", "I" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(ref_device_valid(bad[i]));
		assert_int_equal(ref_make(bad[i], 2026, 1, r, &err), TL_EINVAL);
		assert_non_null(strstr(err.msg, "device_code"));
	}
	assert_int_equal(ref_make(NULL, 2026, 1, r, &err), TL_EINVAL);
	assert_int_equal(ref_make("K2", 2026, -1, r, &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "sequence -1 is out of range"));
	assert_int_equal(ref_make("K2", 2026, 100000000L, r, &err), TL_EINVAL);
	assert_true(ref_device_valid("K2") && ref_device_valid("HJ7W"));
}

/* Every reference of the test set, in order; returns how many. */
static size_t each_ref(char refs[][REF_MAX], size_t cap)
{
	size_t n = 0;
	for (size_t d = 0; d < N_DEVICES; d++)
		for (size_t y = 0; y < N_YEARS; y++)
			for (size_t s = 0; s < N_SEQS && n < cap; s++)
				make(DEVICES[d], YEARS[y], SEQS[s] + (long)(d * 7 + y), refs[n++]);
	return n;
}

static void every_single_symbol_substitution_is_caught(void **state)
{
	(void)state;
	char refs[N_DEVICES * N_YEARS * N_SEQS][REF_MAX], typo[REF_MAX], out[REF_MAX];
	size_t n = each_ref(refs, sizeof refs / sizeof refs[0]), tried = 0;
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; refs[r][i]; i++) {
			if (refs[r][i] == '-')
				continue;
			for (const char *a = REF_ALPHABET; *a; a++) {
				if (*a == refs[r][i])
					continue;
				memcpy(typo, refs[r], REF_MAX);
				typo[i] = *a;
				tried++;
				if (accepted(typo, out))
					fail_msg("%s accepted for %s (read as %s)", typo, refs[r], out);
			}
		}
	assert_true(tried > 50000);
}

static void every_swap_of_two_different_neighbours_is_caught(void **state)
{
	(void)state;
	char refs[N_DEVICES * N_YEARS * N_SEQS][REF_MAX], typo[REF_MAX], out[REF_MAX];
	size_t n = each_ref(refs, sizeof refs / sizeof refs[0]), tried = 0;
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; refs[r][i + 1]; i++) {
			if (refs[r][i] == refs[r][i + 1])
				continue;
			memcpy(typo, refs[r], REF_MAX);
			typo[i] = refs[r][i + 1];
			typo[i + 1] = refs[r][i];
			tried++;
			if (accepted(typo, out))
				fail_msg("%s accepted for %s (read as %s)", typo, refs[r], out);
		}
	assert_true(tried > 2000);
}

static void lower_case_and_look_alikes_are_read_as_meant(void **state)
{
	(void)state;
	char r[REF_MAX], typed[REF_MAX + 8], out[REF_MAX];
	make("K2", 2026, 1010, r);  /* K2-26-1010-c */
	/* every 0 as o, every 1 alternately as i and l, and all in lower case */
	size_t k = 0;
	int ones = 0;
	for (const char *p = r; *p; p++) {
		char ch = *p;
		if (ch == '0')
			ch = 'o';
		else if (ch == '1')
			ch = ones++ % 2 ? 'l' : 'i';
		else if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		typed[k++] = ch;
	}
	typed[k] = '\0';
	assert_true(accepted(typed, out));
	assert_string_equal(out, r);
	snprintf(typed, sizeof typed, "  %s\n", r);
	assert_true(accepted(typed, out));
	assert_string_equal(out, r);
	memcpy(typed, r, REF_MAX);
	for (char *p = typed; *p; p++)
		if (*p == '-')
			*p = ' ';
	assert_true(accepted(typed, out));
	assert_string_equal(out, r);
	make("XY9", 2030, 100, r);
	typed[0] = 'x';
	snprintf(typed, sizeof typed, "x%s", r + 1);
	assert_true(accepted(typed, out));
	assert_string_equal(out, r);
}

static void wrong_check_character_says_so(void **state)
{
	(void)state;
	char r[REF_MAX], out[REF_MAX];
	tl_err err;
	make("K2", 2026, 417, r);
	size_t last = strlen(r) - 1;
	r[last] = r[last] == '7' ? '8' : '7';
	assert_int_equal(ref_normalise(r, out, &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "wrong check character"));
	assert_non_null(strstr(err.msg, r));
	assert_null(strchr(err.msg, '\n'));
}

static void text_that_is_no_reference_is_refused(void **state)
{
	(void)state;
	char out[REF_MAX];
	tl_err err;
	static const char *const bad[] = {
		"", "   ", "hello", "K2-26-0417", "K2-26-417-X", "K2-2026-0417-X",
		"K2-26-0417-XX", "K2-26-041A-X", "KZ-26-0417-X", "K2-26-123456789-X",
		"ABCDE-26-0417-X", "K2--26-0417", "-26-0417-X", "K2-26-0417-X-1",
		"K2-26-0417000000000000000000000000000000000000000000-X",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(ref_normalise(bad[i], out, &err), TL_EINVAL);
		if (!strstr(err.msg, "is not a reference") && !strstr(err.msg, "too long"))
			fail_msg("'%s': %s", bad[i], err.msg);
	}
	assert_int_equal(ref_normalise(NULL, out, &err), TL_EINVAL);
	assert_int_equal(ref_check_char("K2-26-0U17"), 0);
}

static void a_reference_typed_without_hyphens_is_among_the_splits(void **state)
{
	char ref[REF_MAX], typed[REF_MAX], out[REF_DEVICE_MAX][REF_MAX];
	size_t n = 0;
	(void)state;
	make("K2", 2026, 417, ref);
	for (const char *p = ref; *p; p++)
		if (*p != '-')
			typed[n++] = (char)(*p == '0' ? 'o' : *p == '1' ? 'l' : tolower((unsigned char)*p));
	typed[n] = '\0';
	int k = ref_unhyphenated(typed, out, REF_DEVICE_MAX), found = 0;
	assert_true(k >= 1 && k <= REF_DEVICE_MAX);
	for (int i = 0; i < k; i++) {
		char back[REF_MAX];
		assert_int_equal(ref_normalise(out[i], back, NULL), TL_OK); /* each is a reference */
		found += strcmp(out[i], ref) == 0;
	}
	assert_int_equal(found, 1);
	assert_int_equal(ref_unhyphenated(ref, out, REF_DEVICE_MAX), 0);   /* has hyphens */
	assert_int_equal(ref_unhyphenated("K2260", out, REF_DEVICE_MAX), 0); /* too short */
	typed[n - 1] = typed[n - 1] == 'x' ? 'y' : 'x';                       /* wrong check */
	assert_int_equal(ref_unhyphenated(typed, out, REF_DEVICE_MAX), 0);
}

/* A symbol is one of REF_ALPHABET's, each at its place, and no other
 * byte is one (ref.c reads them by a table). */
static void the_symbols_are_the_alphabets(void **state)
{
	(void)state;
	for (int ch = 1; ch < 256; ch++) {
		char one[2] = { (char)ch, '\0' };
		assert_int_equal(ref_device_valid(one), strchr(REF_ALPHABET, ch) != NULL);
	}
	/* One symbol at place v (weight 1) and its check character (weight
	 * 2) sum to a multiple of 31. */
	for (size_t v = 0; v < strlen(REF_ALPHABET); v++) {
		char one[2] = { REF_ALPHABET[v], '\0' };
		char c = ref_check_char(one);
		const char *at = strchr(REF_ALPHABET, c);
		assert_non_null(at);
		assert_int_equal(((int)v + 2 * (int)(at - REF_ALPHABET)) % 31, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alphabet_has_31_symbols_without_i_l_o_u),
		cmocka_unit_test(ref_make_gives_device_year_sequence_check),
		cmocka_unit_test(ref_make_refuses_bad_devices_and_sequences),
		cmocka_unit_test(every_single_symbol_substitution_is_caught),
		cmocka_unit_test(every_swap_of_two_different_neighbours_is_caught),
		cmocka_unit_test(lower_case_and_look_alikes_are_read_as_meant),
		cmocka_unit_test(wrong_check_character_says_so),
		cmocka_unit_test(text_that_is_no_reference_is_refused),
		cmocka_unit_test(a_reference_typed_without_hyphens_is_among_the_splits),
		cmocka_unit_test(the_symbols_are_the_alphabets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
