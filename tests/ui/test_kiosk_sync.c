/* test_kiosk_sync.c - the device and its register on the staff screens,
 * driven by synthetic SDL events under the offscreen driver: a kiosk's
 * staff see what waits to go to the register and when its last reply
 * came (and a warning while records wait with no reply); an officer's
 * device lists the cases the register sent back and opens one; a file
 * that is no device shows none of it. */
#include "kiosk_test.h"
#include "tellus/sync.h"

/* The kiosk's file joins a register made beside it (returned open). */
static tl_store *join(kt *t, const char *role, const char *name)
{
	char path[200];
	tl_err err;
	tl_store *reg = NULL;
	tl_sync_blob pair;
	tl_device d;
	snprintf(path, sizeof path, "%s/register.db", t->dir);
	assert_int_equal(store_open(path, &reg, &err), TL_OK);
	assert_int_equal(store_setting_set(reg, "device_code", "R1", &err), TL_OK);
	assert_int_equal(sync_device_add(reg, "K2", name, role, &pair, &d, &err), TL_OK);
	assert_int_equal(sync_join(t->st, pair.data, pair.len, &d, &err), TL_OK);
	sync_blob_free(&pair);
	return reg;
}

static void log_case(tl_store *st, const char *officer, char ref[REF_MAX])
{
	tl_err err;
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = store_today(st);
	c.complainant = TL_WHO_CHILD;
	c.on_behalf = officer != NULL;
	assert_int_equal(case_set_text(&c.officer, officer, &err), TL_OK);
	assert_int_equal(case_set_text(&c.service_area, "Fostering", &err), TL_OK);
	assert_int_equal(case_set_text(&c.summary, "Nobody rang back", &err), TL_OK);
	assert_int_equal(case_log(st, &c, &err), TL_OK);
	snprintf(ref, REF_MAX, "%s", c.ref);
	case_clear(&c);
}

/* The device's bundle to the register and the reply back. */
static void sync_once(kt *t, tl_store *reg)
{
	tl_err err;
	tl_sync_blob b, r;
	tl_sync_out o;
	tl_sync_in in;
	tl_sync_reply got;
	assert_int_equal(sync_out(t->st, &b, &o, &err), TL_OK);
	assert_int_equal(sync_in(reg, b.data, b.len, &r, &in, &err), TL_OK);
	assert_int_equal(sync_take_reply(t->st, r.data, r.len, &got, &err), TL_OK);
	sync_blob_free(&b);
	sync_blob_free(&r);
}

static void a_kiosk_shows_staff_what_waits_and_when_the_register_last_replied(void **state)
{
	(void)state;
	tl_err err;
	char ref[REF_MAX];
	kt *t = kt_new(true);
	tl_store *reg = join(t, "kiosk", "Reception kiosk");
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	log_case(t->st, NULL, ref);
	kt_sign_in(t, "Mo Manager", "13579");
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_true(kt_shows(t, "Waiting to go to the register: 1 change to 1 case"));
	assert_true(kt_shows(t, "No reply from the register yet"));
	assert_true(kt_shows(t, "Records are waiting: sync this device with the register"));
	assert_null(kt_find(t, "Cases from the register (0)"));

	sync_once(t, reg);
	kt_tap(t, "Sign out");
	kt_sign_in(t, "Mo Manager", "13579");
	assert_true(kt_shows(t, "Nothing is waiting to go to the register"));
	assert_true(kt_shows(t, "Last reply from the register: 20"));
	assert_false(kt_shows(t, "Records are waiting"));
	store_close(reg);
	kt_free(t);
}

static void an_officers_device_lists_and_opens_the_cases_the_register_sent_back(void **state)
{
	(void)state;
	tl_err err;
	char ref[REF_MAX], title[200];
	kt *t = kt_new(true);
	tl_store *reg = join(t, "officer", "Sam Patel");
	assert_int_equal(staff_add(t->st, "Sam Patel", TL_ROLE_OFFICER, "24680", &err), TL_OK);
	log_case(reg, "Sam Patel", ref); /* logged at the register, for this officer */
	sync_once(t, reg);
	kt_sign_in(t, "Sam Patel", "24680");
	assert_int_equal(t->k->screen, KS_OFFICER);
	assert_true(kt_shows(t, "Nothing is waiting to go to the register"));
	kt_tap(t, "Cases from the register (1)");
	assert_int_equal(t->k->screen, KS_SYNC);
	snprintf(title, sizeof title, "%s  Fostering", ref);
	assert_non_null(kt_find(t, title));
	assert_true(kt_shows(t, "Stage 1, due 2026-01-29; as of 20"));
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	assert_string_equal(t->k->case_ref, ref);
	assert_true(kt_shows(t, "Nobody rang back"));
	store_close(reg);
	kt_free(t);
}

static void a_file_that_is_no_device_shows_no_register(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_false(kt_shows(t, "The register"));
	assert_false(kt_shows(t, "register"));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_kiosk_shows_staff_what_waits_and_when_the_register_last_replied),
		cmocka_unit_test(an_officers_device_lists_and_opens_the_cases_the_register_sent_back),
		cmocka_unit_test(a_file_that_is_no_device_shows_no_register),
	};
	return cmocka_run_group_tests_name("kiosk_sync", tests, NULL, NULL);
}
