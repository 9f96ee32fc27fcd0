/* test_kiosk_edit.c - the staff screens' corrections (issue 14 point 7)
 * and the configured service areas (point 8), driven by synthetic SDL
 * events under the offscreen driver and checked in the database: the
 * public flow offers the configured list in its plain words, and a
 * manager's "Correct details" saves through case_edit, audited with old
 * and new values, all or nothing. */
#include "kiosk_test.h"
#include "tellus/lists.h"

static void log_case(kt *t, int kind, const char *area, char *ref)
{
	tl_err err;
	tl_case c;
	case_init(&c);
	c.kind = kind;
	c.received = date_from_ymd(2026, 1, 12);
	c.channel = TL_CHANNEL_PHONE;
	c.complainant = TL_WHO_PARENT;
	assert_int_equal(case_set_text(&c.service_area, area, &err), TL_OK);
	assert_int_equal(case_log(t->st, &c, &err), TL_OK);
	snprintf(ref, REF_MAX, "%s", c.ref);
	case_clear(&c);
}

/* A manager signed in, on the case screen of ref. */
static void open_case(kt *t, const char *ref, const char *area)
{
	tl_err err;
	char title[200];
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	assert_int_equal(t->k->screen, KS_MANAGER);
	snprintf(title, sizeof title, "%s  %s", ref, area);
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
}

static void the_public_flow_offers_the_configured_service_areas(void **state)
{
	(void)state;
	tl_err err;
	long moved;
	kt *t = kt_new(true);
	assert_int_equal(lists_add(t->st, TL_LIST_SERVICES, "Early help", "Help early on",
				   "Before things get worse", &err), TL_OK);
	assert_int_equal(lists_merge(t->st, TL_LIST_SERVICES, "Disabled children", "Children in need",
				     &moved, &err), TL_OK);
	kiosk_free(t->k);
	assert_int_equal(kiosk_new(t->st, kt_clock, t, &t->k, &err), TL_OK);
	t->k->ui->set.platform = ui_platform_sdl(t->fonts);
	kt_size(t, 1280, 800);
	kt_tap(t, "Something is wrong");
	kt_tap(t, "I'm a child or young person");
	assert_int_equal(t->k->screen, KS_SERVICE);
	assert_non_null(kt_find(t, "Living in care"));
	assert_null(kt_find(t, "Help for disabled children"));
	kt_tap(t, "Help early on");
	assert_int_equal(t->k->screen, KS_WHAT);
	kt_tap(t, "what");
	kt_type(t, "Nobody came");
	kt_tap(t, "Next");
	kt_tap(t, "Next");
	kt_tap(t, "Skip");
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE service_area = 'Early help'"), 1);
	kt_free(t);
}

static void a_manager_corrects_details_audited_with_old_and_new(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = kt_new(true);
	log_case(t, TL_KIND_COMPLAINT, "Fostering", ref);
	open_case(t, ref, "Fostering");
	kt_tap(t, "Correct details");
	assert_int_equal(t->k->screen, KS_EDIT);
	kt_tap(t, "Adoption");
	kt_tap(t, words_label(&WS_COMPLAINANT, TL_WHO_CARER));
	kt_tab_enter(t, "child name", 0);
	kt_type(t, "Zofia Wójcik");
	/* No reason: refused, nothing changed. */
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_EDIT);
	assert_non_null(strstr(t->k->hint, "why: is required"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE service_area = 'Fostering'"
				  " AND complainant = 'parent' AND child_name = ''"), 1);
	kt_tab_enter(t, "why", 0);
	kt_type(t, "The wrong service was chosen");
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_string_equal(t->k->hint, "3 corrections saved.");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE service_area = 'Adoption'"
				  " AND complainant = 'carer' AND child_name = 'Zofia Wójcik'"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'edit' AND"
				  " who = 'Mo Manager' AND detail IN ("
				  " 'service_area ''Fostering'' -> ''Adoption'' why: The wrong service was chosen',"
				  " 'complainant ''parent'' -> ''carer'' why: The wrong service was chosen')"), 2);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM case_revisions WHERE field = 'child_name'"
				  " AND old = '' AND new = 'Zofia Wójcik'"), 1);
	/* The report's totals followed the corrected service area. */
	tl_checkup check;
	tl_err err;
	assert_int_equal(store_check(t->st, &check, &err), TL_OK);
	assert_int_equal(check.tally_groups, 0);
	/* Nothing changed is said, and nothing is written. */
	kt_tap(t, "Correct details");
	kt_tab_enter(t, "why", 0);
	kt_type(t, "Checking");
	kt_tap(t, "Save");
	assert_string_equal(t->k->hint, "details: nothing was changed");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'edit'"), 3);
	kt_free(t);
}

/* Correct details: ticks (or unticks) the box labelled check, gives why, saves. */
static void correct_box(kt *t, const char *check, const char *why)
{
	kt_tap(t, "Correct details");
	kt_tab_enter(t, check, SDLK_RETURN);
	kt_tab_enter(t, "why", 0);
	kt_type(t, why);
	kt_tap(t, "Save");
}

static void consent_to_publish_a_compliment_is_changed_later(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = kt_new(true);
	log_case(t, TL_KIND_COMPLIMENT, "Adoption", ref);
	/* A compliment is not on the list of open cases: open it directly. */
	tl_err err;
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	snprintf(t->k->case_ref, sizeof t->k->case_ref, "%s", ref);
	t->k->have_cur = false;
	kiosk_go(t->k, KS_CASE);
	kt_pump(t);
	correct_box(t, "They agree to it being published", "Rang to agree");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE consent_to_publish = 1"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'edit' AND detail ="
				  " 'consent_to_publish ''no'' -> ''yes'' why: Rang to agree'"), 1);
	/* Then their names too; then consent taken back, names with it. */
	correct_box(t, "With their names (else initials)", "Names too");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE consent_names = 1"), 1);
	correct_box(t, "They agree to it being published", "Changed their mind");
	assert_string_equal(t->k->hint, "2 corrections saved.");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE consent_to_publish = 0"
				  " AND consent_names = 0"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'edit' AND detail ="
				  " 'consent_names ''yes'' -> ''no'' why: Changed their mind'"), 1);
	kt_free(t);
}

/* Point 10: the contact step takes the names, optional; an adult's step
 * asks the child's too, a child's does not. */
static void names_on_the_contact_step_are_stored(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "Something is wrong");
	kt_tap(t, "I'm a parent");
	kt_tap(t, "Living in care");
	kt_tap(t, "what");
	kt_type(t, "Nobody rang back");
	kt_tap(t, "Next");
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_CONTACT);
	assert_non_null(kt_find(t, "Skip"));
	kt_tap(t, "name");
	kt_type(t, "Ayesha Khan");
	kt_tap(t, "child name");
	kt_type(t, "Zofia W\xC3\xB3jcik");
	kt_tap(t, "Next");
	assert_int_equal(t->k->screen, KS_CHECK);
	assert_true(kt_says(t, "Ayesha Khan; the child: Zofia W\xC3\xB3jcik"));
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE complainant = 'parent' AND"
				  " complainant_name = 'Ayesha Khan' AND child_name = 'Zofia W\xC3\xB3jcik'"),
			 1);
	kt_tap(t, "Finish");
	/* A child is asked their own name only; nothing typed, nothing stored. */
	kt_touch_complaint(t, "Nobody told me");
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_CONTACT);
	assert_non_null(kt_find(t, "name"));
	assert_null(kt_find(t, "child name"));
	kt_tap(t, "Skip");
	kt_tap(t, "Send");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE complainant = 'child' AND"
				  " coalesce(complainant_name, '') = '' AND coalesce(child_name, '') = ''"), 1);
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_public_flow_offers_the_configured_service_areas),
		cmocka_unit_test(a_manager_corrects_details_audited_with_old_and_new),
		cmocka_unit_test(consent_to_publish_a_compliment_is_changed_later),
		cmocka_unit_test(names_on_the_contact_step_are_stored),
	};
	return cmocka_run_group_tests_name("kiosk_edit", tests, NULL, NULL);
}
