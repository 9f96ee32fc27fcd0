/* test_kiosk_safety.c - "I don't feel safe" through the whole kiosk,
 * driven by synthetic SDL events under the offscreen driver: the words a
 * child is shown when staff were told (the council's alert went out) and
 * when they were not (no alert, or a failed one); "Need help now?"; the
 * flag on every staff role's lists, first; and, from the staff side,
 * marking it handled with a note and opening a linked complaint. */
#include <sys/stat.h>
#include "kiosk_test.h"

/* An alert program that writes its arguments beside itself and exits
 * with status; alert_command is set to it. */
static void set_alert(kt *t, int status, char *args, size_t cap)
{
	char prog[200];
	tl_err err;
	snprintf(prog, sizeof prog, "%s/page-duty", t->dir);
	snprintf(args, cap, "%s.args", prog);
	FILE *f = fopen(prog, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\nprintf '%%s\\n' \"$@\" > \"$0.args\"\nexit %d\n", status);
	fclose(f);
	assert_int_equal(chmod(prog, 0700), 0);
	assert_int_equal(store_setting_set(t->st, "alert_command", prog, &err), TL_OK);
}

static void no_alert_means_the_child_is_told_what_to_do_now(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "I don't feel safe");
	assert_int_equal(t->k->screen, KS_UNSAFE);
	assert_true(kt_shows(t, "We want you to be safe"));
	assert_true(kt_shows(t, "0800 1111"));
	assert_true(kt_shows(t, "call 999"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases"), 0);
	kt_tap(t, "Tell the staff");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE unsafe = 1 AND "
				  "procedure = 'not_eligible'"), 1);
	assert_false(kt_shows(t, "We have told the staff"));
	assert_true(kt_says(t, "We have written this down for the staff, but they may not see"));
	assert_true(kt_says(t, "Please tell the person at the desk now."));
	assert_false(t->k->told_staff);
	assert_null(kt_find(t, "Tell the staff")); /* once is enough */
	kt_free(t);
}

static void an_alert_that_went_out_is_the_only_told(void **state)
{
	(void)state;
	char args[256], line[64];
	kt *t = kt_new(true);
	set_alert(t, 0, args, sizeof args);
	kt_tap(t, "I don't feel safe");
	kt_tap(t, "Tell the staff");
	assert_true(kt_says(t, "We have told the staff. Please go to the desk now."));
	assert_false(kt_shows(t, "We have written this down"));
	/* The program was given the reference and nothing else. */
	FILE *f = fopen(args, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	line[strcspn(line, "\n")] = '\0';
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE unsafe = 1"), 1);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM cases WHERE ref = '%s'", line);
	assert_int_equal(kt_count(t, sql), 1);
	assert_null(fgets(line, sizeof line, f));
	fclose(f);
	unlink(args);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM safety_told WHERE how = 'alert'"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'staff_told'"), 1);
	char prog[200];
	snprintf(prog, sizeof prog, "%s/page-duty", t->dir);
	unlink(prog);
	kt_free(t);
}

static void a_failed_alert_is_not_told(void **state)
{
	(void)state;
	char args[256], prog[200];
	kt *t = kt_new(true);
	set_alert(t, 1, args, sizeof args);
	kt_tap(t, "I don't feel safe");
	kt_tap(t, "Tell the staff");
	assert_false(kt_shows(t, "We have told the staff"));
	assert_true(kt_says(t, "Please tell the person at the desk now."));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'alert_failed'"), 1);
	unlink(args);
	snprintf(prog, sizeof prog, "%s/page-duty", t->dir);
	unlink(prog);
	kt_free(t);
}

static void need_help_now_offers_childline_the_staff_and_a_line_for_parents(void **state)
{
	(void)state;
	tl_err err;
	kt *t = kt_new(true);
	assert_int_equal(store_setting_set(t->st, "contact_phone", "01632 960 000", &err), TL_OK);
	snprintf(t->k->phone, sizeof t->k->phone, "01632 960 000");
	kt_tap(t, "Something is wrong");
	kt_tap(t, "Need help now?");
	assert_int_equal(t->k->overlay, KO_HELP);
	assert_true(kt_shows(t, "0800 1111"));
	assert_true(kt_shows(t, "childline.org.uk"));
	assert_true(kt_shows(t, "Parents and carers: call us on 01632 960 000."));
	kt_tap(t, "Tell the staff");
	assert_int_equal(t->k->overlay, KO_NONE);
	assert_int_equal(t->k->screen, KS_UNSAFE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE unsafe = 1"), 1);
	assert_true(kt_says(t, "Please tell the person at the desk now."));
	kt_free(t);
}

static void staff(kt *t, const char *name, int role, const char *pin)
{
	tl_err err;
	assert_int_equal(staff_add(t->st, name, role, pin, &err), TL_OK);
}

/* Whether the safety concern is the first item of the list on screen. */
static bool first_item_is(kt *t, const char *title)
{
	for (int i = 0; i < t->k->ui->out.n_ctrls; i++) {
		const ui_control *c = &t->k->ui->out.ctrls[i];
		if (c->role == UI_ROLE_ITEM)
			return strcmp(c->label, title) == 0;
	}
	return false;
}

static void the_flag_comes_first_for_every_staff_role(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_touch_complaint(t, "A complaint first");
	kt_tap(t, "Send");
	kt_tap(t, "Finish");
	kt_tap(t, "I don't feel safe");
	kt_tap(t, "Tell the staff");
	char title[200];
	snprintf(title, sizeof title, "%s  Safety concern", t->k->unsafe_ref);
	kt_tap(t, "Hide");
	staff(t, "Olu", TL_ROLE_OFFICER, "1111");
	staff(t, "Mo", TL_ROLE_MANAGER, "2222");
	staff(t, "Ada", TL_ROLE_ADMIN, "3333");
	kt_sign_in(t, "Olu", "1111");
	assert_int_equal(t->k->screen, KS_OFFICER);
	assert_true(kt_shows(t, "Safety concerns: act now"));
	assert_true(first_item_is(t, title));
	kt_tap(t, "My cases");
	assert_true(first_item_is(t, title));
	kt_tap(t, "Sign out");
	kt_sign_in(t, "Mo", "2222");
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_true(first_item_is(t, title));
	kt_tap(t, "Sign out");
	kt_sign_in(t, "Ada", "3333");
	assert_true(first_item_is(t, title));
	kt_free(t);
}

static void staff_mark_it_handled_and_open_a_linked_complaint(void **state)
{
	(void)state;
	kt *t = kt_new(true);
	kt_tap(t, "I don't feel safe");
	kt_tap(t, "Tell the staff");
	char ref[REF_MAX], title[200], sql[300];
	snprintf(ref, sizeof ref, "%s", t->k->unsafe_ref);
	snprintf(title, sizeof title, "%s  Safety concern", ref);
	kt_tap(t, "Hide");
	staff(t, "Olu", TL_ROLE_OFFICER, "1111");
	kt_sign_in(t, "Olu", "1111");
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	/* It reads as a safety concern, never a complaint with causes. */
	assert_true(kt_shows(t, "Safety concern"));
	assert_true(kt_shows(t, "Not handled yet: act now."));
	assert_false(kt_shows(t, "Causes"));
	assert_null(kt_find(t, "Set the causes"));
	assert_null(kt_find(t, "Record an action"));
	assert_null(kt_find(t, "Record the response"));
	kt_tap(t, "Mark as handled");
	assert_int_equal(t->k->screen, KS_HANDLED);
	kt_tap(t, "Save");
	assert_true(kt_shows(t, "Write what was done."));
	kt_tap(t, "what was done");
	kt_type(t, "Duty worker talked with them at the desk");
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_true(kt_shows(t, "The safety concern is marked as handled."));
	assert_true(kt_shows(t, "Duty worker talked with them at the desk"));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM cases WHERE ref = '%s' AND safety_handled ="
		 " '2026-01-15' AND safety_note = 'Duty worker talked with them at the desk'", ref);
	assert_int_equal(kt_count(t, sql), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE action = 'safety_handled' "
				  "AND who = 'Olu'"), 1);
	/* The child also complains: a complaint linked to the record. */
	kt_tap(t, "Open a complaint");
	assert_int_equal(t->k->screen, KS_WHO);
	assert_true(kt_shows(t, "A complaint from safety concern"));
	kt_tap(t, "A child or young person");
	kt_tap(t, "Living in care");
	kt_tap(t, "what");
	kt_type(t, "Nobody came when I asked");
	kt_tap(t, "Next");
	kt_tap(t, "Next");
	kt_tap(t, "Skip");
	kt_tap(t, "Send");
	assert_int_equal(t->k->screen, KS_RECEIPT);
	char made[REF_MAX];
	snprintf(made, sizeof made, "%s", t->k->ref);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM cases WHERE ref = '%s' AND safety_ref = '%s'"
		 " AND unsafe = 0 AND on_behalf = 1 AND officer = 'Olu'", made, ref);
	assert_int_equal(kt_count(t, sql), 1);
	kt_tap(t, "Finish");
	kt_tap(t, "My cases");
	/* Handled: no longer among the concerns to act on. */
	assert_false(kt_shows(t, "Safety concerns: act now"));
	snprintf(title, sizeof title, "%s  Children in care", made);
	kt_tap(t, title);
	snprintf(sql, sizeof sql, "Opened from safety concern %s", ref);
	assert_true(kt_shows(t, sql));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_alert_means_the_child_is_told_what_to_do_now),
		cmocka_unit_test(an_alert_that_went_out_is_the_only_told),
		cmocka_unit_test(a_failed_alert_is_not_told),
		cmocka_unit_test(need_help_now_offers_childline_the_staff_and_a_line_for_parents),
		cmocka_unit_test(the_flag_comes_first_for_every_staff_role),
		cmocka_unit_test(staff_mark_it_handled_and_open_a_linked_complaint),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
