/* test_receipt.c - tracking codes (random, typed back, hashed), the
 * receipt's words and dates, the QR payload and the QR matrix. The files
 * are tested in test_receipt_files.c, the database in test_receipt_store.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <qrencode.h>
#include <sodium.h>
#include "receipt_fixture.h"

/* Digits and letters with no look-alike among them (no I, L, O, S, B, Z, U). */
static const char CROCKFORD[] = "0123456789ACDEFGHJKMNPQRTVWXY";

static void code_is_ten_crockford_symbols_in_two_groups(void **state)
{
	char code[RECEIPT_CODE_MAX];
	(void)state;
	assert_int_equal(receipt_code_new(code, NULL), TL_OK);
	assert_int_equal(strlen(code), 11);
	assert_int_equal(code[5], '-');
	for (int i = 0; i < 11; i++)
		if (i != 5)
			assert_non_null(strchr(CROCKFORD, code[i]));
}

static int cmp_code(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* 20000 codes: with 50 random bits a repeat would mean a broken source. */
static void codes_issued_many_times_never_repeat_and_use_every_symbol(void **state)
{
	enum { N = 20000 };
	char (*codes)[RECEIPT_CODE_MAX] = calloc(N, RECEIPT_CODE_MAX);
	int seen[256] = { 0 };
	(void)state;
	assert_non_null(codes);
	for (int i = 0; i < N; i++) {
		assert_int_equal(receipt_code_new(codes[i], NULL), TL_OK);
		for (int j = 0; j < 11; j++)
			seen[(unsigned char)codes[i][j]]++;
	}
	qsort(codes, N, RECEIPT_CODE_MAX, cmp_code);
	for (int i = 1; i < N; i++)
		assert_string_not_equal(codes[i - 1], codes[i]);
	for (const char *p = CROCKFORD; *p; p++)
		assert_true(seen[(unsigned char)*p] > 0);
	free(codes);
}

static void typed_code_accepts_lower_case_spaces_and_look_alikes(void **state)
{
	char out[RECEIPT_CODE_MAX];
	(void)state;
	assert_int_equal(receipt_code_normalise(" 7kq2m x9d4p", out, NULL), TL_OK);
	assert_string_equal(out, "7KQ2M-X9D4P");
	assert_int_equal(receipt_code_normalise("oOiIl-LABCD", out, NULL), TL_OK);
	assert_string_equal(out, "00111-1A8CD");
	/* S, B and Z are read as the digits they look like. */
	assert_int_equal(receipt_code_normalise("sbzSB-Z7kq2", out, NULL), TL_OK);
	assert_string_equal(out, "58258-27KQ2");
	assert_int_equal(receipt_code_normalise("7KQ2MX9D4P", out, NULL), TL_OK);
	assert_string_equal(out, "7KQ2M-X9D4P");
}

static void typed_code_of_wrong_length_or_letter_is_refused(void **state)
{
	char out[RECEIPT_CODE_MAX];
	tl_err err;
	(void)state;
	assert_int_equal(receipt_code_normalise("7KQ2M-X9D4", out, &err), TL_EINVAL);
	assert_non_null(strstr(err.msg, "secret code"));
	assert_int_equal(receipt_code_normalise("7KQ2M-X9D4PP", out, NULL), TL_EINVAL);
	assert_int_equal(receipt_code_normalise("7KQ2M-X9D4U", out, NULL), TL_EINVAL);
	assert_int_equal(receipt_code_normalise("7KQ2M_X9D4P", out, NULL), TL_EINVAL);
	assert_int_equal(receipt_code_normalise("", out, NULL), TL_EINVAL);
	assert_int_equal(receipt_code_normalise(NULL, out, NULL), TL_EINVAL);
}

static void hash_matches_its_code_typed_any_way_and_no_other(void **state)
{
	char code[RECEIPT_CODE_MAX], hash[RECEIPT_HASH_MAX], typed[RECEIPT_CODE_MAX];
	(void)state;
	assert_int_equal(receipt_code_new(code, NULL), TL_OK);
	assert_int_equal(receipt_code_hash(code, hash, NULL), TL_OK);
	assert_true(receipt_code_matches(hash, code));
	for (int i = 0; code[i]; i++)
		typed[i] = (char)(code[i] >= 'A' ? code[i] - 'A' + 'a' : code[i]);
	typed[11] = '\0';
	assert_true(receipt_code_matches(hash, typed));
	/* One wrong symbol anywhere fails. */
	for (int i = 0; i < 11; i++) {
		if (i == 5)
			continue;
		strcpy(typed, code);
		typed[i] = typed[i] == 'Y' ? 'X' : 'Y';
		assert_false(receipt_code_matches(hash, typed));
	}
	assert_false(receipt_code_matches(hash, ""));
	assert_false(receipt_code_matches(hash, NULL));
}

/* A receipt issued before S, B and Z left the alphabet was hashed with
 * them as they were: its holder must still be read right, typed in any
 * case, and the letters read as digits must not open it by mistake. */
static void code_issued_with_s_b_z_before_the_new_alphabet_still_matches(void **state)
{
	(void)state;
	const char *old = "SB2ZK-7QB5S";
	char hash[RECEIPT_HASH_MAX];
	assert_int_equal(sodium_init() >= 0, 1);
	assert_int_equal(crypto_pwhash_str(hash, old, strlen(old), 2ULL, 4u << 20), 0);
	assert_true(receipt_code_matches(hash, old));
	assert_true(receipt_code_matches(hash, "sb2zk 7qb5s"));
	assert_false(receipt_code_matches(hash, "58225-7Q855"));
	assert_false(receipt_code_matches(hash, "SB2ZK-7QB5T"));
}

static void hash_holds_no_code_and_is_salted(void **state)
{
	char code[RECEIPT_CODE_MAX], compact[RECEIPT_CODE_SYMBOLS + 1];
	char h1[RECEIPT_HASH_MAX], h2[RECEIPT_HASH_MAX];
	(void)state;
	assert_int_equal(receipt_code_new(code, NULL), TL_OK);
	memcpy(compact, code, 5);
	memcpy(compact + 5, code + 6, 6);
	assert_int_equal(receipt_code_hash(code, h1, NULL), TL_OK);
	assert_int_equal(receipt_code_hash(code, h2, NULL), TL_OK);
	assert_null(strstr(h1, code));
	assert_null(strstr(h1, compact));
	assert_string_not_equal(h1, h2);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_true(receipt_code_matches(h2, code));
}

static void no_hash_never_matches(void **state)
{
	(void)state;
	assert_false(receipt_code_matches(NULL, "00000-00000"));
	assert_false(receipt_code_matches("", "00000-00000"));
	assert_false(receipt_code_matches("$argon2id$garbage", "00000-00000"));
}

static void dates_read_as_words(void **state)
{
	char out[40];
	(void)state;
	receipt_date_words(date_from_ymd(2026, 1, 29), out);
	assert_string_equal(out, "Thursday 29 January 2026");
	receipt_date_words(date_from_ymd(2024, 2, 29), out);
	assert_string_equal(out, "Thursday 29 February 2024");
	receipt_date_words(date_from_ymd(2026, 12, 6), out);
	assert_string_equal(out, "Sunday 6 December 2026");
	receipt_date_words(TL_NO_DATE, out);
	assert_string_equal(out, "");
}

/* The stored dates are odd on purpose (a Sunday, and a maximum a year
 * on): the receipt must repeat them, not work them out again. */
static void complaint_receipt_repeats_stored_stage1_dates(void **state)
{
	tl_case c;
	tl_receipt_settings s;
	tl_receipt r;
	char *text = NULL;
	(void)state;
	fixture_case(&c, TL_KIND_COMPLAINT, date_from_ymd(2026, 2, 1), date_from_ymd(2027, 3, 1),
		     "Children in care");
	fixture_settings(&s, "Leicestershire County Council", NULL);
	receipt_from_case(&c, &s, "7KQ2M-X9D4P", &r);
	assert_int_equal(receipt_text(&r, &text, NULL), TL_OK);
	assert_non_null(strstr(text, "Leicestershire County Council\nYour complaint\n"));
	assert_non_null(strstr(text, "Reference: K2-26-0417-"));
	assert_non_null(strstr(text, "Received: Thursday 15 January 2026\n"));
	assert_non_null(strstr(text, "About: Children in care\n"));
	assert_non_null(strstr(text, "We will reply by Sunday 1 February 2026.\n"));
	assert_non_null(strstr(text, "If you have not heard from us by Monday 1 March 2027, "
			       "you can ask for the next step.\n"));
	assert_non_null(strstr(text, "Secret code: 7KQ2M-X9D4P\n"));
	assert_non_null(strstr(text, "Phone: 0116 305 0000\nEmail: complaints@example.org"));
	assert_int_not_equal(text[strlen(text) - 1], '\n');
	free(text);
}

static void compliment_receipt_thanks_and_gives_no_deadline(void **state)
{
	tl_receipt r;
	char *text = NULL;
	(void)state;
	fixture_receipt(&r, TL_KIND_COMPLIMENT, "Fostering", "Our council", NULL, "7KQ2M-X9D4P");
	assert_int_equal(receipt_text(&r, &text, NULL), TL_OK);
	assert_non_null(strstr(text, "Your compliment\n"));
	assert_non_null(strstr(text, "Thank you for telling us what went well."));
	assert_null(strstr(text, "reply by"));
	assert_null(strstr(text, "next step"));
	free(text);
}

static void reference_only_receipt_has_no_code_no_qr_no_service(void **state)
{
	tl_receipt r;
	char *text = NULL, *payload = NULL;
	tl_err err;
	(void)state;
	fixture_receipt(&r, TL_KIND_COMPLAINT, "Disabled children", "Our council",
			"https://example.org/track", NULL);
	assert_false(receipt_has_qr(&r));
	assert_int_equal(receipt_text(&r, &text, NULL), TL_OK);
	assert_non_null(strstr(text, r.ref));
	assert_non_null(strstr(text, "We will reply by Thursday 29 January 2026."));
	assert_null(strstr(text, "Secret code"));
	assert_null(strstr(text, "Disabled children"));
	assert_null(strstr(text, "example.org/track"));
	assert_int_equal(receipt_payload(&r, &payload, &err), TL_EINVAL);
	assert_null(payload);
	free(text);
}

static void payload_is_link_with_reference_and_code(void **state)
{
	tl_receipt r;
	char *payload = NULL, want[128];
	(void)state;
	fixture_receipt(&r, TL_KIND_COMPLAINT, "x", "Our council", "https://example.org/track",
			"7KQ2M-X9D4P");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	snprintf(want, sizeof want, "https://example.org/track?ref=%s&code=7KQ2MX9D4P", r.ref);
	assert_string_equal(payload, want);
	free(payload);
	/* A link that already has a query gets the parameters added to it. */
	snprintf(r.set.url, sizeof r.set.url, "https://example.org/t?lang=cy");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	snprintf(want, sizeof want, "https://example.org/t?lang=cy&ref=%s&code=7KQ2MX9D4P", r.ref);
	assert_string_equal(payload, want);
	free(payload);
	/* The kiosk visit's language goes with it, for the tracking page;
	 * English is the page's own default and adds nothing. */
	snprintf(r.set.url, sizeof r.set.url, "https://example.org/track");
	snprintf(r.lang, sizeof r.lang, "pl");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	snprintf(want, sizeof want, "https://example.org/track?ref=%s&code=7KQ2MX9D4P&lang=pl", r.ref);
	assert_string_equal(payload, want);
	free(payload);
	snprintf(r.lang, sizeof r.lang, "en");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	assert_null(strstr(payload, "lang="));
	free(payload);
}

static void payload_without_link_is_short_text_with_code(void **state)
{
	tl_receipt r;
	char *payload = NULL, head[128];
	(void)state;
	fixture_receipt(&r, TL_KIND_COMPLAINT, "Children in care", "Rada Miasta Łodzi", NULL,
			"7KQ2M-X9D4P");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	snprintf(head, sizeof head, "Rada Miasta Łodzi\nComplaint %s\n", r.ref);
	assert_int_equal(strncmp(payload, head, strlen(head)), 0);
	assert_non_null(strstr(payload, "Secret code: 7KQ2M-X9D4P"));
	assert_non_null(strstr(payload, "Thursday 12 February 2026"));
	assert_null(strstr(payload, "Children in care"));
	free(payload);
}

/* A 1000-byte name in Gujarati (3 bytes a letter) is cut to fit, and
 * never in the middle of a letter. */
static void payload_cuts_long_names_at_a_letter_boundary(void **state)
{
	tl_receipt r;
	char *payload = NULL, name[1001] = "";
	(void)state;
	while (strlen(name) + 3 <= 1000)
		strcat(name, "ગ");
	fixture_receipt(&r, TL_KIND_COMPLAINT, "x", name, NULL, "7KQ2M-X9D4P");
	assert_int_equal(receipt_payload(&r, &payload, NULL), TL_OK);
	size_t first = strcspn(payload, "\n");
	assert_true(first <= 120);
	assert_int_equal(first % 3, 0);
	assert_int_equal(strncmp(payload, name, first), 0);
	free(payload);
}

/* Finder patterns: a 7x7 dark ring with a 3x3 centre at three corners. */
static void assert_finder(const tl_qr *q, int x0, int y0)
{
	for (int y = 0; y < 7; y++)
		for (int x = 0; x < 7; x++) {
			bool ring = x == 0 || y == 0 || x == 6 || y == 6;
			bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
			assert_int_equal(receipt_qr_is_dark(q, x0 + x, y0 + y), ring || centre);
		}
}

static void qr_matrix_has_finder_patterns_and_version_size(void **state)
{
	tl_qr q;
	const char *data = "https://example.org/track?ref=K2-26-0417-4&code=7KQ2MX9D4P";
	(void)state;
	assert_int_equal(receipt_qr_encode(data, strlen(data), &q, NULL), TL_OK);
	assert_int_equal((q.size - 17) % 4, 0);
	assert_true(q.size >= 21);
	assert_finder(&q, 0, 0);
	assert_finder(&q, q.size - 7, 0);
	assert_finder(&q, 0, q.size - 7);
	assert_false(receipt_qr_is_dark(&q, -1, 0));
	assert_false(receipt_qr_is_dark(&q, q.size, 0));
	receipt_qr_free(&q);
	assert_null(q.dark);
}

/* The error correction level from the format information beside the
 * top-left finder: its two first bits, unmasked with 10 (ISO/IEC 18004
 * 7.9): L 01, M 00, Q 11, H 10. */
static char level_of(const tl_qr *q)
{
	int b14 = receipt_qr_is_dark(q, 0, 8) ^ 1, b13 = receipt_qr_is_dark(q, 1, 8);
	return b14 ? (b13 ? 'Q' : 'H') : (b13 ? 'L' : 'M');
}

static void level_reader_agrees_with_libqrencode(void **state)
{
	static const struct { QRecLevel lv; char want; } cases[] = {
		{ QR_ECLEVEL_L, 'L' }, { QR_ECLEVEL_M, 'M' }, { QR_ECLEVEL_Q, 'Q' }, { QR_ECLEVEL_H, 'H' },
	};
	(void)state;
	for (size_t i = 0; i < 4; i++) {
		QRcode *raw = QRcode_encodeString8bit("level", 0, cases[i].lv);
		tl_qr q = { raw->width, malloc((size_t)raw->width * (size_t)raw->width) };
		for (int k = 0; k < raw->width * raw->width; k++)
			q.dark[k] = raw->data[k] & 1;
		assert_int_equal(level_of(&q), cases[i].want);
		receipt_qr_free(&q);
		QRcode_free(raw);
	}
}

/* Level M at least, and stronger when it costs no size. */
static void qr_error_correction_is_m_or_better(void **state)
{
	tl_qr q;
	char buf[3000];
	(void)state;
	for (size_t len = 1; len <= 2331; len = len * 3 + 7) {
		memset(buf, 'k', len);
		assert_int_equal(receipt_qr_encode(buf, len, &q, NULL), TL_OK);
		assert_true(strchr("MQH", level_of(&q)) != NULL);
		receipt_qr_free(&q);
	}
	assert_int_equal(receipt_qr_encode("hi", 2, &q, NULL), TL_OK);
	assert_int_equal(level_of(&q), 'H');
	receipt_qr_free(&q);
}

static void qr_holds_2331_bytes_and_refuses_more(void **state)
{
	tl_qr q;
	char *big = malloc(2400);
	tl_err err;
	(void)state;
	memset(big, 'a', 2400);
	assert_int_equal(receipt_qr_encode(big, 2331, &q, NULL), TL_OK);
	assert_int_equal(q.size, 177); /* version 40 */
	receipt_qr_free(&q);
	assert_int_equal(receipt_qr_encode(big, 2332, &q, &err), TL_EINVAL);
	assert_int_equal(receipt_qr_encode(big, 0, &q, &err), TL_EINVAL);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(code_is_ten_crockford_symbols_in_two_groups),
		cmocka_unit_test(codes_issued_many_times_never_repeat_and_use_every_symbol),
		cmocka_unit_test(typed_code_accepts_lower_case_spaces_and_look_alikes),
		cmocka_unit_test(typed_code_of_wrong_length_or_letter_is_refused),
		cmocka_unit_test(hash_matches_its_code_typed_any_way_and_no_other),
		cmocka_unit_test(code_issued_with_s_b_z_before_the_new_alphabet_still_matches),
		cmocka_unit_test(hash_holds_no_code_and_is_salted),
		cmocka_unit_test(no_hash_never_matches),
		cmocka_unit_test(dates_read_as_words),
		cmocka_unit_test(complaint_receipt_repeats_stored_stage1_dates),
		cmocka_unit_test(compliment_receipt_thanks_and_gives_no_deadline),
		cmocka_unit_test(reference_only_receipt_has_no_code_no_qr_no_service),
		cmocka_unit_test(payload_is_link_with_reference_and_code),
		cmocka_unit_test(payload_without_link_is_short_text_with_code),
		cmocka_unit_test(payload_cuts_long_names_at_a_letter_boundary),
		cmocka_unit_test(qr_matrix_has_finder_patterns_and_version_size),
		cmocka_unit_test(level_reader_agrees_with_libqrencode),
		cmocka_unit_test(qr_error_correction_is_m_or_better),
		cmocka_unit_test(qr_holds_2331_bytes_and_refuses_more),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
