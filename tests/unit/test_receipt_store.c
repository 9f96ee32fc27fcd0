/* test_receipt_store.c - receipts against a real database: only a hash
 * of the tracking code is stored, a reissue replaces it and is audited,
 * `track` answers the same for every kind of mismatch, a mistyped
 * reference is caught by its check character, and a receipt repeats the
 * deadline as stored. */
#define _GNU_SOURCE /* memmem */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "tellus/receipt.h"
#include "store/store_db.h"

typedef struct {
	char dir[64], path[96];
	tl_store *st;
} fixture;

static int open_store(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/tellus-rstore-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof fx->path, "%s/t.db", fx->dir);
	if (store_open(fx->path, &fx->st, NULL))
		return -1;
	store_set_actor(fx->st, "test");
	store_set_today(fx->st, date_from_ymd(2026, 1, 15));
	if (store_setting_set(fx->st, "device_code", "K2", NULL))
		return -1;
	*state = fx;
	return 0;
}

static int close_store(void **state)
{
	fixture *fx = *state;
	char cmd[128];
	/* A statement cache past its limit fails the test (store_db.h). */
	int fit = store_stmt_overflowed(fx->st) ? -1 : 0;
	store_close(fx->st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx->dir);
	int rc = system(cmd);
	free(fx);
	return rc == 0 && fit == 0 ? 0 : -1;
}

/* Logs a complaint received on 2026-01-15 and returns its reference. */
static void log_case(fixture *fx, int kind, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	c.kind = kind;
	c.complainant = TL_WHO_CHILD;
	c.received = date_from_ymd(2026, 1, 15);
	assert_int_equal(case_set_text(&c.service_area, "Children in care", NULL), TL_OK);
	assert_int_equal(case_log(fx->st, &c, NULL), TL_OK);
	snprintf(ref, REF_MAX, "%s", c.ref);
	case_clear(&c);
}

static void issue(fixture *fx, const char *ref, char code[RECEIPT_CODE_MAX])
{
	tl_receipt r;
	tl_err err = { "" };
	assert_int_equal(receipt_issue(fx->st, ref, false, &r, &err), TL_OK);
	assert_string_equal(r.ref, ref);
	snprintf(code, RECEIPT_CODE_MAX, "%s", r.code);
	receipt_wipe(&r);
}

static int track(fixture *fx, const char *ref, const char *code, tl_err *err)
{
	tl_case c;
	int rc = receipt_track(fx->st, ref, code, &c, err);
	if (rc == TL_OK) {
		assert_string_equal(c.ref, ref);
		case_clear(&c);
	}
	return rc;
}

/* Every byte of the database, its WAL, and the audit rows as text. */
static bool db_holds(fixture *fx, const char *needle)
{
	char path[128];
	const char *suffix[] = { "", "-wal" };
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof path, "%s%s", fx->path, suffix[i]);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		size_t cap = 1 << 24, n;
		char *buf = malloc(cap);
		n = fread(buf, 1, cap, f);
		fclose(f);
		bool found = memmem(buf, n, needle, strlen(needle)) != NULL;
		free(buf);
		if (found)
			return true;
	}
	sqlite3_stmt *s;
	bool found = false;
	assert_int_equal(sqlite3_prepare_v2(store_db(fx->st), "SELECT count(*) FROM audit WHERE "
					    "instr(detail, ?1) OR instr(action, ?1)", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, needle, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	found = sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	return found;
}

static void database_holds_only_a_hash_of_the_code(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX], code[RECEIPT_CODE_MAX], compact[RECEIPT_CODE_MAX];
	log_case(fx, TL_KIND_COMPLAINT, ref);
	issue(fx, ref, code);
	memcpy(compact, code, 5);
	memcpy(compact + 5, code + 6, 6);
	assert_int_equal(track(fx, ref, code, NULL), TL_OK);
	assert_false(db_holds(fx, code));
	assert_false(db_holds(fx, compact));
	/* A checkpoint moves everything into the main file: still nothing. */
	assert_int_equal(sqlite3_exec(store_db(fx->st), "PRAGMA wal_checkpoint(TRUNCATE)",
				      NULL, NULL, NULL), 0);
	assert_false(db_holds(fx, code));
	assert_false(db_holds(fx, compact));
	assert_true(db_holds(fx, "$argon2id$"));
}

static int audit_count(fixture *fx, const char *ref, const char *action)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_db(fx->st), "SELECT count(*) FROM audit "
					    "WHERE ref = ? AND action = ?", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, action, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void reissue_replaces_the_code_and_is_audited(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX], first[RECEIPT_CODE_MAX], second[RECEIPT_CODE_MAX];
	tl_err err;
	log_case(fx, TL_KIND_COMPLAINT, ref);
	issue(fx, ref, first);
	assert_int_equal(audit_count(fx, ref, "receipt_issued"), 1);
	assert_int_equal(audit_count(fx, ref, "receipt_reissued"), 0);
	issue(fx, ref, second);
	assert_string_not_equal(first, second);
	assert_int_equal(audit_count(fx, ref, "receipt_issued"), 1);
	assert_int_equal(audit_count(fx, ref, "receipt_reissued"), 1);
	assert_int_equal(track(fx, ref, first, &err), TL_EAUTH);
	assert_string_equal(err.msg, RECEIPT_NO_MATCH);
	assert_int_equal(track(fx, ref, second, NULL), TL_OK);
	assert_false(db_holds(fx, first));
	assert_false(db_holds(fx, second));
}

static void reference_only_receipt_keeps_the_code_and_is_audited(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX], code[RECEIPT_CODE_MAX];
	tl_receipt r;
	log_case(fx, TL_KIND_COMPLAINT, ref);
	issue(fx, ref, code);
	assert_int_equal(receipt_issue(fx->st, ref, true, &r, NULL), TL_OK);
	assert_string_equal(r.code, "");
	assert_false(receipt_has_qr(&r));
	assert_int_equal(audit_count(fx, ref, "receipt_reference_only"), 1);
	assert_int_equal(track(fx, ref, code, NULL), TL_OK);
}

/* Codes of many receipts, issued and reissued, are all different. */
static void many_receipts_never_share_a_code(void **state)
{
	enum { CASES = 40, ROUNDS = 5 };
	fixture *fx = *state;
	static char codes[CASES * ROUNDS][RECEIPT_CODE_MAX];
	char refs[CASES][REF_MAX];
	for (int i = 0; i < CASES; i++)
		log_case(fx, i % 4 ? TL_KIND_COMPLAINT : TL_KIND_COMPLIMENT, refs[i]);
	for (int k = 0; k < ROUNDS; k++)
		for (int i = 0; i < CASES; i++)
			issue(fx, refs[i], codes[k * CASES + i]);
	for (int a = 0; a < CASES * ROUNDS; a++)
		for (int b = a + 1; b < CASES * ROUNDS; b++)
			assert_string_not_equal(codes[a], codes[b]);
	/* Only each case's latest code works, and only for that case. */
	tl_err err;
	assert_int_equal(track(fx, refs[0], codes[(ROUNDS - 1) * CASES], NULL), TL_OK);
	assert_int_equal(track(fx, refs[1], codes[(ROUNDS - 1) * CASES], &err), TL_EAUTH);
	assert_int_equal(track(fx, refs[0], codes[0], &err), TL_EAUTH);
}

/* Unknown reference, case without a code, wrong code, code of another
 * case, malformed code: one message, nothing told. */
static void every_mismatch_gets_the_same_answer(void **state)
{
	fixture *fx = *state;
	char a[REF_MAX], b[REF_MAX], unknown[REF_MAX], code_a[RECEIPT_CODE_MAX];
	tl_err err;
	log_case(fx, TL_KIND_COMPLAINT, a);
	log_case(fx, TL_KIND_COMPLAINT, b); /* no receipt yet */
	issue(fx, a, code_a);
	assert_int_equal(ref_make("K2", 2026, 9999, unknown, NULL), TL_OK);
	const char *tries[][2] = {
		{ unknown, code_a }, { b, code_a }, { a, "00000-00000" }, { a, "" },
		{ a, "not a code at all" }, { "OLD/2019/17", code_a },
	};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		memset(&err, 0, sizeof err);
		assert_int_equal(track(fx, tries[i][0], tries[i][1], &err), TL_EAUTH);
		assert_string_equal(err.msg, RECEIPT_NO_MATCH);
	}
}

static void typed_reference_and_code_are_accepted(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX], code[RECEIPT_CODE_MAX], typed_ref[REF_MAX], typed_code[16];
	tl_case c;
	log_case(fx, TL_KIND_COMPLAINT, ref);
	issue(fx, ref, code);
	for (int i = 0; ref[i]; i++)
		typed_ref[i] = ref[i] == '0' ? 'o' : ref[i] == '1' ? 'l' : (char)tolower(ref[i]);
	typed_ref[strlen(ref)] = '\0';
	snprintf(typed_code, sizeof typed_code, " %.5s %s ", code, code + 6);
	for (int i = 0; typed_code[i]; i++)
		typed_code[i] = (char)tolower(typed_code[i]);
	assert_int_equal(receipt_track(fx->st, typed_ref, typed_code, &c, NULL), TL_OK);
	assert_string_equal(c.ref, ref);
	assert_int_equal(c.kind, TL_KIND_COMPLAINT);
	case_clear(&c);
}

/* The check character catches every single wrong character and every
 * swap of two different neighbours, through track's own parsing: the
 * answer is the typo, never a match and never "do not match". */
static void every_typo_and_neighbour_swap_in_a_reference_is_caught(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX], code[RECEIPT_CODE_MAX], typo[REF_MAX];
	tl_err err;
	int tried = 0;
	log_case(fx, TL_KIND_COMPLAINT, ref);
	issue(fx, ref, code);
	size_t n = strlen(ref);
	for (size_t i = 0; i < n; i++)
		for (const char *p = REF_ALPHABET; *p; p++) {
			if (*p == ref[i] || ref[i] == '-')
				continue;
			strcpy(typo, ref);
			typo[i] = *p;
			assert_int_equal(receipt_track(fx->st, typo, code, NULL, &err), TL_EINVAL);
			tried++;
		}
	for (size_t i = 0; i + 1 < n; i++) {
		if (ref[i] == ref[i + 1])
			continue;
		strcpy(typo, ref);
		typo[i] = ref[i + 1];
		typo[i + 1] = ref[i];
		assert_int_equal(receipt_track(fx->st, typo, code, NULL, &err), TL_EINVAL);
		tried++;
	}
	assert_true(tried > 250);
	assert_non_null(strstr(err.msg, "reference"));
}

/* A case imported from an older system keeps its own reference; its
 * receipt and tracking work with that reference as typed. */
static void imported_reference_of_another_shape_is_tracked_as_typed(void **state)
{
	fixture *fx = *state;
	char code[RECEIPT_CODE_MAX];
	bool added = false;
	tl_case c;
	tl_err err = { "" };
	case_init(&c);
	snprintf(c.ref, sizeof c.ref, "CSC/2019/0017");
	c.kind = TL_KIND_COMPLIMENT;
	c.complainant = TL_WHO_PARENT;
	c.received = date_from_ymd(2019, 5, 2);
	assert_int_equal(case_set_text(&c.service_area, "Fostering", NULL), TL_OK);
	assert_int_equal(store_begin(fx->st, NULL), TL_OK);
	assert_int_equal(case_put(fx->st, &c, &added, &err), TL_OK);
	assert_int_equal(store_commit(fx->st, NULL), TL_OK);
	assert_true(added);
	case_clear(&c);
	issue(fx, "CSC/2019/0017", code);
	assert_int_equal(track(fx, "CSC/2019/0017", code, NULL), TL_OK);
	assert_int_equal(track(fx, "CSC/2019/0018", code, &err), TL_EAUTH);
}

/* A receipt repeats the deadline the store holds, even one no rule would
 * give today (as when the rules changed after the case was logged). */
static void receipt_repeats_the_stored_deadline(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX];
	tl_receipt r;
	sqlite3_stmt *s;
	log_case(fx, TL_KIND_COMPLAINT, ref);
	assert_int_equal(sqlite3_prepare_v2(store_db(fx->st), "UPDATE stages SET due = '2026-02-02', "
					    "max_due = '2026-03-02' WHERE case_id = (SELECT id FROM "
					    "cases WHERE ref = ?)", -1, &s, NULL), 0);
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	assert_int_equal(receipt_issue(fx->st, ref, true, &r, NULL), TL_OK);
	assert_int_equal(r.due, date_from_ymd(2026, 2, 2));
	assert_int_equal(r.max_due, date_from_ymd(2026, 3, 2));
	assert_int_equal(r.received, date_from_ymd(2026, 1, 15));
}

static void receipt_shows_the_settings(void **state)
{
	fixture *fx = *state;
	char ref[REF_MAX];
	tl_receipt r;
	assert_int_equal(store_setting_set(fx->st, "authority_name", "مجلس مدينة ليستر", NULL), 0);
	assert_int_equal(store_setting_set(fx->st, "contact_phone", "0116 305 0000", NULL), 0);
	assert_int_equal(store_setting_set(fx->st, "contact_email", "a@example.org", NULL), 0);
	assert_int_equal(store_setting_set(fx->st, "receipt_url", "https://example.org/t", NULL), 0);
	log_case(fx, TL_KIND_COMPLIMENT, ref);
	assert_int_equal(receipt_issue(fx->st, ref, false, &r, NULL), TL_OK);
	assert_string_equal(r.set.authority, "مجلس مدينة ليستر");
	assert_string_equal(r.set.phone, "0116 305 0000");
	assert_string_equal(r.set.email, "a@example.org");
	assert_string_equal(r.set.url, "https://example.org/t");
	assert_int_equal(r.kind, TL_KIND_COMPLIMENT);
	assert_int_equal(r.due, TL_NO_DATE);
	receipt_wipe(&r);
}

static void receipt_of_unknown_case_changes_nothing(void **state)
{
	fixture *fx = *state;
	char unknown[REF_MAX];
	tl_receipt r;
	tl_err err;
	assert_int_equal(ref_make("K2", 2026, 8888, unknown, NULL), TL_OK);
	assert_int_equal(receipt_issue(fx->st, unknown, false, &r, &err), TL_ENOTFOUND);
	assert_int_equal(audit_count(fx, unknown, "receipt_issued"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(database_holds_only_a_hash_of_the_code, open_store, close_store),
		cmocka_unit_test_setup_teardown(reissue_replaces_the_code_and_is_audited, open_store, close_store),
		cmocka_unit_test_setup_teardown(reference_only_receipt_keeps_the_code_and_is_audited, open_store, close_store),
		cmocka_unit_test_setup_teardown(many_receipts_never_share_a_code, open_store, close_store),
		cmocka_unit_test_setup_teardown(every_mismatch_gets_the_same_answer, open_store, close_store),
		cmocka_unit_test_setup_teardown(typed_reference_and_code_are_accepted, open_store, close_store),
		cmocka_unit_test_setup_teardown(every_typo_and_neighbour_swap_in_a_reference_is_caught, open_store, close_store),
		cmocka_unit_test_setup_teardown(imported_reference_of_another_shape_is_tracked_as_typed, open_store, close_store),
		cmocka_unit_test_setup_teardown(receipt_repeats_the_stored_deadline, open_store, close_store),
		cmocka_unit_test_setup_teardown(receipt_shows_the_settings, open_store, close_store),
		cmocka_unit_test_setup_teardown(receipt_of_unknown_case_changes_nothing, open_store, close_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
