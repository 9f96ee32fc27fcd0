/* test_kiosk_manage.c - the manager's moves beyond responses, driven by
 * synthetic SDL events under the offscreen driver and checked in the
 * database: stopping and restarting the clock, setting causes, recording
 * an action, and the list in sections with safety concerns first. */
#include "kiosk_test.h"

/* A complaint logged through the core, received on day; its reference
 * goes to ref. */
static void log_case(kt *t, tl_date day, const char *area, char *ref)
{
	tl_err err;
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.received = day;
	c.channel = TL_CHANNEL_PHONE;
	c.procedure = TL_PROC_STATUTORY;
	c.complainant = TL_WHO_PARENT;
	assert_int_equal(case_set_text(&c.service_area, area, &err), TL_OK);
	assert_int_equal(case_set_text(&c.summary, "Words", &err), TL_OK);
	assert_int_equal(case_log(t->st, &c, &err), TL_OK);
	snprintf(ref, REF_MAX, "%s", c.ref);
	case_clear(&c);
}

/* A manager signed in, looking at one complaint received today. */
static kt *manager_on_a_case(char *ref)
{
	tl_err err;
	char title[200];
	kt *t = kt_new(true);
	log_case(t, date_from_ymd(2026, 1, 15), "Fostering", ref);
	assert_int_equal(staff_add(t->st, "Mo Manager", TL_ROLE_MANAGER, "13579", &err), TL_OK);
	kt_sign_in(t, "Mo Manager", "13579");
	assert_int_equal(t->k->screen, KS_MANAGER);
	snprintf(title, sizeof title, "%s  Fostering", ref);
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	return t;
}

static void manager_stops_and_restarts_the_clock(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = manager_on_a_case(ref);
	assert_null(kt_find(t, "Restart the clock"));
	kt_tap(t, "Stop the clock");
	assert_int_equal(t->k->screen, KS_PAUSE);
	kt_tap(t, words_label(&WS_PAUSE, words_find(&WS_PAUSE, "complainant")));
	assert_int_equal(t->k->screen, KS_CASE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stage_pauses WHERE reason = 'complainant' "
				  "AND paused = '2026-01-15' AND resumed IS NULL"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE paused_since = '2026-01-15'"), 1);
	assert_true(kt_shows(t, "The clock stopped on 2026-01-15"));
	assert_null(kt_find(t, "Stop the clock"));
	/* Three working days later (Friday, Monday, Tuesday) it restarts. */
	setenv("TELLUS_TODAY", "2026-01-20", 1);
	kt_tap(t, "Restart the clock");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stage_pauses WHERE resumed = '2026-01-20' "
				  "AND days = 3"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE paused_since IS NULL AND "
				  "paused_days = 3"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM audit WHERE who = 'Mo Manager' AND "
				  "action IN ('pause', 'resume')"), 2);
	assert_true(kt_shows(t, "The clock stood still for 3 working days"));
	assert_true(kt_shows(t, "The clock is running again."));
	kt_free(t);
}

static void new_concerns_restart_the_stage_from_today(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = manager_on_a_case(ref);
	setenv("TELLUS_TODAY", "2026-01-19", 1);
	kt_tap(t, "Stop the clock");
	kt_tap(t, words_label(&WS_PAUSE, words_find(&WS_PAUSE, "new_concerns")));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM stages WHERE started = '2026-01-19' AND "
				  "paused_since IS NULL"), 1);
	assert_true(kt_shows(t, "Stage 1: started 2026-01-19"));
	kt_free(t);
}

static void manager_sets_causes_from_the_causes_table(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = manager_on_a_case(ref);
	assert_true(kt_shows(t, "Causes: none yet"));
	kt_tap(t, "Set the causes");
	assert_int_equal(t->k->screen, KS_CAUSES);
	assert_int_equal(t->k->n_causes, kt_count(t, "SELECT count(*) FROM causes WHERE active"));
	kt_tap(t, "Delays in providing services");
	kt_tap(t, "Keeping informed");
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM case_causes WHERE cause IN "
				  "('delays', 'keeping_informed')"), 2);
	assert_true(kt_shows(t, "Causes: Delays in providing services, Keeping informed"));
	/* The ticks come back as saved; untick one by keyboard. */
	kt_tap(t, "Set the causes");
	int ticked = 0;
	for (int i = 0; i < t->k->n_causes; i++)
		ticked += t->k->causes[i].on;
	assert_int_equal(ticked, 2);
	kt_tab_enter(t, "Delays in providing services", SDLK_SPACE);
	kt_tab_enter(t, "Save", SDLK_RETURN);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM case_causes"), 1);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM case_causes WHERE cause = 'keeping_informed'"), 1);
	kt_free(t);
}

static void manager_records_an_action_with_a_note(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = manager_on_a_case(ref);
	kt_tap(t, "Record an action");
	assert_int_equal(t->k->screen, KS_ACTION);
	kt_tap(t, "Save"); /* nothing chosen: refused, nothing stored */
	assert_int_equal(t->k->screen, KS_ACTION);
	assert_true(kt_shows(t, "action: choose what was done first"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM actions"), 0);
	kt_tap(t, words_label(&WS_ACTION, words_find(&WS_ACTION, "apology")));
	kt_tap(t, "note");
	kt_type(t, "Letter sent \xE0\xAA\x86");
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_CASE);
	assert_int_equal(kt_count(t, "SELECT count(*) FROM actions WHERE action = 'apology' AND "
				  "note = 'Letter sent \xE0\xAA\x86'"), 1);
	assert_true(kt_shows(t, "Actions: Apology"));
	/* The same action twice is refused by the core, and said so. */
	kt_tap(t, "Record an action");
	kt_tap(t, words_label(&WS_ACTION, words_find(&WS_ACTION, "apology")));
	kt_tap(t, "Save");
	assert_int_equal(t->k->screen, KS_ACTION);
	assert_true(kt_shows(t, "already has the action apology"));
	assert_int_equal(kt_count(t, "SELECT count(*) FROM actions"), 1);
	kt_free(t);
}

/* The rows of the list, top to bottom. */
static int item_index(kt *t, const char *ref)
{
	int n = 0;
	for (int i = 0; i < t->k->ui->out.n_ctrls; i++) {
		const ui_control *c = &t->k->ui->out.ctrls[i];
		if (c->role != UI_ROLE_ITEM)
			continue;
		if (strncmp(c->label, ref, strlen(ref)) == 0)
			return n;
		n++;
	}
	return -1;
}

static bool edged_in_red(kt *t, ui_rect r)
{
	ui_color d = t->k->ui->frame.theme.danger;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		if (c->type == UI_CMD_RECT && c->border > 0 && c->color.r == d.r && c->color.g == d.g &&
		    c->color.b == d.b && c->rect.x == r.x && c->rect.y == r.y && c->rect.w == r.w)
			return true;
	}
	return false;
}

static int keep_ref(const tl_case *c, void *arg)
{
	snprintf(arg, REF_MAX, "%s", c->ref);
	return 0;
}

static void manager_list_shows_safety_concerns_first_then_overdue_then_due_soon(void **state)
{
	(void)state;
	tl_err err;
	char later[REF_MAX], soon[REF_MAX], late[REF_MAX], unsafe[REF_MAX];
	kt *t = kt_new(true);
	log_case(t, date_from_ymd(2026, 1, 14), "Adoption", later);
	log_case(t, date_from_ymd(2026, 1, 8), "Fostering", soon);
	log_case(t, date_from_ymd(2025, 12, 1), "Leaving care", late);
	kt_tap(t, "I don't feel safe");
	kt_tap(t, "Tell the staff");
	kt_tap(t, "Hide");
	assert_int_equal(kt_count(t, "SELECT count(*) FROM cases WHERE unsafe = 1"), 1);
	tl_case_filter f = { .flagged_only = true, .due_within = -1 };
	unsafe[0] = '\0';
	assert_int_equal(case_list(t->st, &f, keep_ref, unsafe, &err), TL_OK);
	assert_true(unsafe[0]);
	assert_int_equal(staff_add(t->st, "Mo", TL_ROLE_MANAGER, "2468", &err), TL_OK);
	kt_sign_in(t, "Mo", "2468");
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_int_equal(item_index(t, unsafe), 0);
	assert_int_equal(item_index(t, late), 1);
	assert_int_equal(item_index(t, soon), 2);
	assert_int_equal(item_index(t, later), 3);
	assert_true(kt_shows(t, "Safety concerns: act now"));
	assert_true(kt_shows(t, "Overdue"));
	assert_true(kt_shows(t, "Due soon"));
	char title[200];
	snprintf(title, sizeof title, "%s  Safety concern", unsafe);
	assert_true(edged_in_red(t, kt_need(t, title)->rect));
	snprintf(title, sizeof title, "%s  Leaving care", late);
	assert_false(edged_in_red(t, kt_need(t, title)->rect));
	/* Opening it says so, with no stages to move. */
	snprintf(title, sizeof title, "%s  Safety concern", unsafe);
	kt_tap(t, title);
	assert_int_equal(t->k->screen, KS_CASE);
	assert_true(kt_shows(t, "Not handled yet: act now."));
	assert_null(kt_find(t, "Record the response"));
	assert_null(kt_find(t, "Stop the clock"));
	kt_free(t);
}

static void a_manager_logs_for_a_child_too_and_home_has_no_silent_back(void **state)
{
	(void)state;
	char ref[REF_MAX];
	kt *t = manager_on_a_case(ref);
	kt_tap(t, "Back");
	assert_int_equal(t->k->screen, KS_MANAGER);
	assert_null(kt_find(t, "Back"));
	assert_non_null(kt_find(t, "Sign out"));
	kt_tap(t, "Log for a child");
	assert_int_equal(t->k->screen, KS_START);
	assert_true(kt_says(t, "Logging on behalf of a child, by Mo Manager"));
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(manager_stops_and_restarts_the_clock),
		cmocka_unit_test(new_concerns_restart_the_stage_from_today),
		cmocka_unit_test(manager_sets_causes_from_the_causes_table),
		cmocka_unit_test(manager_records_an_action_with_a_note),
		cmocka_unit_test(manager_list_shows_safety_concerns_first_then_overdue_then_due_soon),
		cmocka_unit_test(a_manager_logs_for_a_child_too_and_home_has_no_silent_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
