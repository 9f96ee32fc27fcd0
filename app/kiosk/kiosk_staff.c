/* kiosk_staff.c - the staff side, behind a PIN: choosing who you are, the
 * PIN pad, officer mode (log on behalf of a child, own cases with due
 * dates) and manager mode (due and overdue cases, a case's stages, and
 * recording a response, an extension or a request for the next stage
 * through the same core calls as the command line). */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

ui_rect kiosk_staff_begin(kiosk *k, const char *title)
{
	ui_ctx *u = k->ui;
	ui_rect b = kiosk_chrome(k, NULL, false);
	ui_body_begin(u, b);
	ui_label(u, UI_FONT_TITLE, true, title, u->frame.theme.text);
	return b;
}

int kiosk_staff_end(kiosk *k, int back_to, const char *next)
{
	if (k->hint[0])
		ui_label(k->ui, UI_FONT_BODY, true, k->hint, k->ui->frame.theme.danger);
	ui_body_end(k->ui);
	int a = kiosk_footer(k, back_to >= -1 ? "Back" : NULL, next);
	if (a == 1) {
		if (back_to < 0)
			kiosk_wipe(k);
		else
			kiosk_go(k, back_to);
	}
	return a;
}

static int add_staff_row(const tl_staff *m, void *arg)
{
	kiosk *k = arg;
	if (k->n_rows >= KIOSK_ROWS)
		return 1;
	kiosk_row *r = &k->rows[k->n_rows++];
	memset(r, 0, sizeof *r);
	snprintf(r->title, sizeof r->title, "%s", m->name);
	snprintf(r->detail, sizeof r->detail, "%s", words_label(&WS_ROLE, m->role));
	return 0;
}

static void load_once(kiosk *k, int what)
{
	tl_err err;
	if (k->rows_for == k->screen || k->sample)
		return;
	k->rows_for = k->screen;
	k->n_rows = 0;
	int rc = what == KS_STAFF ? staff_list(k->st, add_staff_row, k, &err)
		: kiosk_load_rows(k, what == KS_CASES, &err);
	if (rc)
		snprintf(k->hint, sizeof k->hint, "%s", err.msg);
}

static void screen_pick(kiosk *k)
{
	ui_ctx *u = k->ui;
	load_once(k, KS_STAFF);
	kiosk_staff_begin(k, "Staff sign in");
	if (!k->n_rows)
		ui_label(u, UI_FONT_BODY, false, "No staff yet. Add one with: tellus staff add NAME "
			 "--role officer", u->frame.theme.muted);
	ui_row(u, ui_fit_cols(u, k->n_rows, ui_mm(u, 60.0f)), u->frame.tile_h);
	for (int i = 0; i < k->n_rows; i++)
		if (ui_tile(u, k->rows[i].title, k->rows[i].detail, false)) {
			snprintf(k->pick, sizeof k->pick, "%s", k->rows[i].title);
			memset(k->pin, 0, sizeof k->pin);
			kiosk_go(k, KS_PIN);
		}
	kiosk_staff_end(k, -1, NULL);
}

static void pin_key(kiosk *k, const char *key)
{
	size_t n = strlen(k->pin);
	if (strcmp(key, "\xE2\x8C\xAB") == 0) {
		if (n)
			k->pin[n - 1] = '\0';
	} else if (n < STAFF_PIN_MAX && key[0] >= '0' && key[0] <= '9') {
		k->pin[n] = key[0];
	}
}

static void sign_in(kiosk *k)
{
	tl_err err;
	long long now = (long long)(k->clock(k->clock_arg) / 1000);
	store_set_actor(k->st, "kiosk");
	int rc = staff_sign_in(k->st, k->pick, k->pin, now, &k->staff, &err);
	memset(k->pin, 0, sizeof k->pin);
	if (rc) {
		snprintf(k->hint, sizeof k->hint, "%s", err.msg);
		return;
	}
	k->signed_in = true;
	store_set_actor(k->st, k->staff.name);
	kiosk_go(k, k->staff.role == TL_ROLE_OFFICER ? KS_OFFICER : KS_MANAGER);
}

static void screen_pin(kiosk *k)
{
	static const char *const KEYS[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9",
					    "\xE2\x8C\xAB", "0", "OK" };
	ui_ctx *u = k->ui;
	char title[128], dots[64] = "";
	snprintf(title, sizeof title, "PIN for %s", k->pick);
	kiosk_staff_begin(k, title);
	for (size_t i = 0; k->pin[i] && i < 12; i++)
		strcat(dots, "\xE2\x97\x8F "); /* a dot per digit, never the digit */
	ui_label(u, UI_FONT_HUGE, true, dots[0] ? dots : " ", u->frame.theme.text);
	for (const char *p = u->in.text_in; *p; p++)
		pin_key(k, (char[]){ *p, 0 });
	if (ui_key(u, UI_KEY_BACKSPACE))
		pin_key(k, "\xE2\x8C\xAB");
	int kw = ui_mm(u, 22.0f);
	int cols = 3, w = 3 * kw + 2 * u->frame.gap;
	if (w > k->body.w)
		w = k->body.w;
	ui_row(u, cols, u->frame.tile_h);
	bool ok = ui_key(u, UI_KEY_ENTER) && u->state.focus == 0;
	for (int i = 0; i < 12; i++) {
		ui_rect r = ui_next(u);
		r.w = (w - 2 * u->frame.gap) / 3;
		r.x = k->body.x + (k->body.w - w) / 2 + (i % 3) * (r.w + u->frame.gap);
		if (ui_button_at(u, r, KEYS[i], i == 11 ? UI_STYLE_PRIMARY : UI_STYLE_SECONDARY)) {
			if (i == 11)
				ok = true;
			else
				pin_key(k, KEYS[i]);
		}
	}
	if (ok)
		sign_in(k);
	kiosk_staff_end(k, KS_STAFF, NULL);
}

static void screen_officer(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_staff_begin(k, "Officer");
	ui_row(u, ui_fit_cols(u, 3, ui_mm(u, 55.0f)), u->frame.tile_h);
	if (ui_tile(u, "Log for a child", "A complaint or compliment on their behalf", false)) {
		memset(&k->d, 0, sizeof k->d);
		k->d.kind = k->d.who = k->d.service = -1;
		kiosk_go(k, KS_START);
	}
	if (ui_tile(u, "My cases", "The cases I logged and when they are due", false))
		kiosk_go(k, KS_CASES);
	if (k->staff.role != TL_ROLE_OFFICER && ui_tile(u, "Due and overdue", "All open cases", false))
		kiosk_go(k, KS_MANAGER);
	kiosk_staff_end(k, -1, NULL);
}

static void rows(kiosk *k)
{
	ui_ctx *u = k->ui;
	if (!k->n_rows)
		ui_label(u, UI_FONT_BODY, false, "Nothing here.", u->frame.theme.muted);
	ui_row(u, 1, u->frame.tile_h);
	for (int i = 0; i < k->n_rows; i++) {
		ui_set_seed(u, (ui_id)i + 1);
		ui_list_item(u, k->rows[i].title, k->rows[i].detail, k->rows[i].badge);
	}
	ui_set_seed(u, 0);
}

static void screen_cases(kiosk *k)
{
	load_once(k, KS_CASES);
	kiosk_staff_begin(k, "My cases");
	rows(k);
	kiosk_staff_end(k, KS_OFFICER, NULL);
}

static void load_case(kiosk *k)
{
	tl_err err;
	if (k->have_cur || k->sample)
		return;
	case_clear(&k->cur);
	case_init(&k->cur);
	if (case_get(k->st, k->case_ref, &k->cur, &err) == TL_OK &&
	    kiosk_load_causes(k, &err) == TL_OK)
		k->have_cur = true;
	else
		snprintf(k->hint, sizeof k->hint, "%s", err.msg);
}

static void stage_line(kiosk *k, const tl_stage *s)
{
	char line[256], a[TL_DATE_LEN], b[TL_DATE_LEN], c[TL_DATE_LEN], r[TL_DATE_LEN];
	date_format(s->started, a);
	date_format(s->due, b);
	date_format(s->max_due, c);
	date_format(s->responded, r);
	snprintf(line, sizeof line, "Stage %d: started %s, due %s%s%s", s->number, a,
		 s->extended ? "" : b, s->extended ? c : "", s->extended ? " (extended)" : "");
	ui_label(k->ui, UI_FONT_BODY, true, line, k->ui->frame.theme.text);
	if (s->responded != TL_NO_DATE) {
		snprintf(line, sizeof line, "Answered %s: %s", r, words_label(&WS_OUTCOME, s->outcome));
		ui_label(k->ui, UI_FONT_BODY, false, line, k->ui->frame.theme.muted);
	}
	if (s->paused_since != TL_NO_DATE) {
		date_format(s->paused_since, a);
		snprintf(line, sizeof line, "The clock stopped on %s", a);
		ui_label(k->ui, UI_FONT_BODY, true, line, k->ui->frame.theme.danger);
	} else if (s->paused_days) {
		snprintf(line, sizeof line, "The clock stood still for %d working day%s",
			 s->paused_days, s->paused_days == 1 ? "" : "s");
		ui_label(k->ui, UI_FONT_BODY, false, line, k->ui->frame.theme.muted);
	}
}

static void stage_actions(kiosk *k, const tl_stage *s)
{
	ui_ctx *u = k->ui;
	tl_err err;
	char next[64];
	ui_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)), 0);
	if (s->responded == TL_NO_DATE) {
		if (ui_button(u, "Record the response", UI_STYLE_PRIMARY))
			kiosk_go(k, KS_RESPOND);
		if (!s->extended && ui_button(u, "Agree an extension", UI_STYLE_SECONDARY))
			kiosk_go(k, KS_EXTEND);
		return;
	}
	if (s->number >= 3 || s->outcome == TL_OUTCOME_WITHDRAWN)
		return;
	snprintf(next, sizeof next, "Stage %d was asked for", s->number + 1);
	if (ui_button(u, next, UI_STYLE_SECONDARY)) {
		bool late = false;
		if (case_request(k->st, k->case_ref, s->number + 1, store_today(k->st), &late, &err))
			snprintf(k->hint, sizeof k->hint, "%s", err.msg);
		k->have_cur = false;
	}
}

static void screen_case(kiosk *k)
{
	ui_ctx *u = k->ui;
	load_case(k);
	kiosk_staff_begin(k, k->case_ref);
	if (k->have_cur || k->sample) {
		const tl_case *c = &k->cur;
		char line[256], got[TL_DATE_LEN];
		date_format(c->received, got);
		snprintf(line, sizeof line, "%s from %s, received %s, %s",
			 words_label(&WS_KIND, c->kind), words_label(&WS_COMPLAINANT, c->complainant),
			 got, c->service_area ? c->service_area : "");
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
		if (c->on_behalf) {
			snprintf(line, sizeof line, "Logged on behalf of a child by %s", c->officer);
			ui_label(u, UI_FONT_SMALL, false, line, u->frame.theme.muted);
		}
		if (c->unsafe)
			ui_label(u, UI_FONT_LARGE, true, "Said they do not feel safe: act now",
				 u->frame.theme.danger);
		ui_label(u, UI_FONT_BODY, false, c->summary ? c->summary : "", u->frame.theme.text);
		for (size_t i = 0; i < c->n_stages; i++)
			stage_line(k, &c->stages[i]);
		const tl_stage *s = case_current_stage(c);
		if (s)
			stage_actions(k, s);
		kiosk_case_tools(k, s);
		ui_row(u, 1, 0);
		if (ui_button(u, "Correct details", UI_STYLE_SECONDARY))
			kiosk_edit_open(k);
	}
	kiosk_staff_end(k, KS_MANAGER, NULL);
}

static void screen_respond(kiosk *k)
{
	static const int OUTCOMES[] = { TL_OUTCOME_FULLY_UPHELD, TL_OUTCOME_PARTLY_UPHELD,
					TL_OUTCOME_NOT_UPHELD };
	ui_ctx *u = k->ui;
	const tl_stage *s = case_current_stage(&k->cur);
	kiosk_staff_begin(k, "What was the outcome?");
	ui_row(u, ui_fit_cols(u, 3, ui_mm(u, 50.0f)), u->frame.tile_h);
	for (int i = 0; i < 3; i++) {
		if (!ui_tile(u, words_label(&WS_OUTCOME, OUTCOMES[i]), NULL, false) || !s)
			continue;
		tl_err err;
		if (case_respond(k->st, k->case_ref, s->number, store_today(k->st), OUTCOMES[i], &err)) {
			snprintf(k->hint, sizeof k->hint, "%s", err.msg);
			continue;
		}
		k->have_cur = false;
		kiosk_go(k, KS_CASE);
		snprintf(k->hint, sizeof k->hint, "The response is recorded.");
	}
	kiosk_staff_end(k, KS_CASE, NULL);
}

static void screen_extend(kiosk *k)
{
	ui_ctx *u = k->ui;
	const tl_stage *s = case_current_stage(&k->cur);
	kiosk_staff_begin(k, "Agree an extension");
	ui_label(u, UI_FONT_BODY, false, "Why is more time needed?", u->frame.theme.muted);
	ui_textfield(u, "reason", k->reason, sizeof k->reason, &k->reason_cur, 3,
		     "For example: the complaint is complex");
	if (kiosk_staff_end(k, KS_CASE, "Agree") == 2 && s) {
		tl_err err;
		if (case_extend(k->st, k->case_ref, s->number, k->reason, k->staff.name, &err)) {
			snprintf(k->hint, sizeof k->hint, "%s", err.msg);
			return;
		}
		k->have_cur = false;
		memset(k->reason, 0, sizeof k->reason);
		kiosk_go(k, KS_CASE);
	}
}

void kiosk_screen_staff(kiosk *k)
{
	if (k->screen > KS_PIN && !k->signed_in && !k->sample) {
		kiosk_wipe(k);
		return;
	}
	switch (k->screen) {
	case KS_STAFF: screen_pick(k); break;
	case KS_PIN: screen_pin(k); break;
	case KS_OFFICER: screen_officer(k); break;
	case KS_CASES: screen_cases(k); break;
	case KS_MANAGER: case KS_PAUSE: case KS_CAUSES: case KS_ACTION:
		kiosk_screen_manage(k);
		break;
	case KS_CASE: screen_case(k); break;
	case KS_RESPOND: screen_respond(k); break;
	case KS_EXTEND: screen_extend(k); break;
	case KS_EDIT: kiosk_screen_edit(k); break;
	default: kiosk_wipe(k); break;
	}
}
