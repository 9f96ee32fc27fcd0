/* kiosk_manage.c - the manager's side beyond responses and extensions:
 * the list of open cases in sections (safety concerns first, in red, then
 * overdue, due soon and the rest), stopping and restarting a stage's
 * clock, a case's causes and the actions taken after it. Every change is
 * one call of the same core function the command line uses. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

static const char *const SECTION[KR_N] = {
	[KR_FLAGGED] = "Safety concerns: act now",
	[KR_OVERDUE] = "Overdue",
	[KR_SOON] = "Due soon",
	[KR_LATER] = "Later",
	[KR_MINE] = "Cases I logged",
};

static void load_list(kiosk *k)
{
	tl_err err;
	if (k->rows_for == k->screen || k->sample)
		return;
	k->rows_for = k->screen;
	if (kiosk_load_rows(k, false, &err))
		kiosk_hint(k, NULL, err.msg);
}

static void section(kiosk *k, int which)
{
	ui_ctx *u = k->ui;
	bool any = false;
	for (int i = 0; i < k->n_rows && !any; i++)
		any = k->rows[i].section == which;
	if (!any)
		return;
	ui_space(u, u->frame.gap);
	ui_label(u, UI_FONT_LARGE, true, SECTION[which],
		 which == KR_FLAGGED ? u->frame.theme.danger : u->frame.theme.text);
	for (int i = 0; i < k->n_rows; i++) {
		const kiosk_row *r = &k->rows[i];
		if (r->section != which)
			continue;
		ui_set_seed(u, (ui_id)i + 1);
		ui_item_row(u, r->title, r->detail, r->badge);
		bool hit = which == KR_FLAGGED ? ui_alert_item(u, r->title, r->detail, r->badge)
			: ui_list_item(u, r->title, r->detail, r->badge);
		if (hit) {
			snprintf(k->case_ref, sizeof k->case_ref, "%s", r->ref);
			k->have_cur = false;
			k->case_from = k->screen;
			kiosk_go(k, KS_CASE);
		}
	}
	ui_set_seed(u, 0);
}

void kiosk_rows(kiosk *k)
{
	for (int s = 0; s < KR_N; s++)
		section(k, s);
}

/* The manager's home: what is due, safety concerns first; and logging
 * for a child, as an officer does. */
static void screen_manager(kiosk *k)
{
	ui_ctx *u = k->ui;
	load_list(k);
	kiosk_staff_begin(k, "Cases due and overdue");
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)),
		      (const char *const[]){ "Log for a child" }, 1);
	if (ui_button(u, "Log for a child", UI_STYLE_SECONDARY))
		kiosk_log_for_a_child(k);
	if (!k->n_rows)
		ui_label(u, UI_FONT_BODY, false, "No open cases.", u->frame.theme.muted);
	kiosk_rows(k);
	kiosk_sync_status(k);
	kiosk_staff_end(k, -2, NULL);
}

/* After a move: the case is read again, and the manager told. */
static void moved(kiosk *k, int rc, const tl_err *err, const char *done)
{
	if (rc) {
		kiosk_hint(k, NULL, err->msg);
		return;
	}
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	kiosk_done(k, done);
}

static void screen_pause(kiosk *k)
{
	static const char *const DETAIL[] = { "The days of waiting do not count",
					      "The days of waiting do not count",
					      "The stage starts again from today" };
	ui_ctx *u = k->ui;
	kiosk_staff_begin(k, "Stop the clock");
	ui_label(u, UI_FONT_BODY, false, "Why has the clock stopped?", u->frame.theme.muted);
	int n = (int)WS_PAUSE.n, cols = ui_fit_cols(u, n, ui_mm(u, 55.0f));
	const char *labels[8], *details[8];
	for (int i = 0; i < n && i < 8; i++)
		labels[i] = words_label(&WS_PAUSE, i), details[i] = i < 3 ? DETAIL[i] : NULL;
	ui_tile_row(u, cols, labels, details, n);
	for (int i = 0; i < n; i++) {
		if (!ui_tile(u, labels[i], details[i], false))
			continue;
		tl_err err;
		int rc = kiosk_before_write(k, &err);
		if (!rc)
			rc = case_pause(k->st, k->case_ref, store_today(k->st), i, &err);
		moved(k, rc, &err, "The clock is stopped.");
	}
	kiosk_staff_end(k, KS_CASE, NULL);
}

static void screen_causes(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_staff_begin(k, "What was it about?");
	ui_label(u, UI_FONT_BODY, false, "Tick every cause that fits.", u->frame.theme.muted);
	const char *labels[KIOSK_CAUSES];
	for (int i = 0; i < k->n_causes; i++)
		labels[i] = k->causes[i].label;
	ui_button_row(u, ui_fit_cols(u, k->n_causes, ui_mm(u, 110.0f)), labels, k->n_causes);
	for (int i = 0; i < k->n_causes; i++)
		ui_check(u, k->causes[i].label, &k->causes[i].on);
	if (kiosk_staff_end(k, KS_CASE, "Save") != 2)
		return;
	const char *codes[KIOSK_CAUSES];
	size_t n = 0;
	for (int i = 0; i < k->n_causes; i++)
		if (k->causes[i].on)
			codes[n++] = k->causes[i].code;
	tl_err err;
	int rc = kiosk_before_write(k, &err);
	if (!rc)
		rc = case_set_causes(k->st, k->case_ref, codes, n, &err);
	moved(k, rc, &err, "The causes are saved.");
}

static void screen_action(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_staff_begin(k, "Record an action");
	ui_label(u, UI_FONT_BODY, false, "What was done because of this complaint?",
		 u->frame.theme.muted);
	int n = (int)WS_ACTION.n;
	const char *labels[16];
	for (int i = 0; i < n && i < 16; i++)
		labels[i] = words_label(&WS_ACTION, i);
	ui_tile_row(u, ui_fit_cols(u, n, ui_mm(u, 55.0f)), labels, NULL, n);
	for (int i = 0; i < n; i++)
		if (ui_tile(u, labels[i], NULL, k->action == i))
			k->action = i;
	ui_field_label(u, "A note", "You can leave it empty. For example: apology letter sent.",
		       NULL);
	ui_textfield(u, "note", k->note, sizeof k->note, &k->note_cur, 2, NULL);
	if (kiosk_staff_end(k, KS_CASE, "Save") != 2)
		return;
	tl_err err;
	int rc = k->action < 0 ? err_set(&err, TL_EINVAL, "action: choose what was done first")
		: kiosk_before_write(k, &err);
	if (!rc)
		rc = case_add_action(k->st, k->case_ref, k->action, k->note, &err);
	if (!rc)
		memset(k->note, 0, sizeof k->note);
	moved(k, rc, &err, "The action is recorded.");
}

static const char *cause_label(const kiosk *k, const char *code)
{
	for (int i = 0; i < k->n_causes; i++)
		if (strcmp(k->causes[i].code, code) == 0)
			return k->causes[i].label;
	return code;
}

static void clock_button(kiosk *k, const tl_stage *open)
{
	if (!open || open->responded != TL_NO_DATE)
		return;
	if (open->paused_since == TL_NO_DATE) {
		if (ui_button(k->ui, "Stop the clock", UI_STYLE_SECONDARY))
			kiosk_go(k, KS_PAUSE);
		return;
	}
	if (ui_button(k->ui, "Restart the clock", UI_STYLE_PRIMARY)) {
		tl_err err;
		int rc = kiosk_before_write(k, &err);
		if (!rc)
			rc = case_resume(k->st, k->case_ref, store_today(k->st), &err);
		moved(k, rc, &err, "The clock is running again.");
	}
}

/* The case screen's lines on causes and actions, and its buttons for the
 * clock, the causes and the actions (complaints only: a compliment has
 * neither). */
void kiosk_case_tools(kiosk *k, const tl_stage *open)
{
	ui_ctx *u = k->ui;
	const tl_case *c = &k->cur;
	char line[600];
	if (c->kind != TL_KIND_COMPLAINT)
		return;
	size_t used = (size_t)snprintf(line, sizeof line, "Causes: %s", c->n_causes ? "" : "none yet");
	for (size_t i = 0; i < c->n_causes && used < sizeof line; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", i ? ", " : "",
					 cause_label(k, c->causes[i]));
	ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
	used = (size_t)snprintf(line, sizeof line, "Actions: %s", c->n_actions ? "" : "none yet");
	for (size_t i = 0; i < c->n_actions && used < sizeof line; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", i ? ", " : "",
					 words_label(&WS_ACTION, c->actions[i]));
	ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
	static const char *const TOOLS[] = { "Restart the clock", "Set the causes",
					     "Record an action" };
	ui_button_row(u, ui_fit_cols(u, 3, ui_mm(u, 60.0f)), TOOLS, 3);
	clock_button(k, open);
	if (ui_button(u, "Set the causes", UI_STYLE_SECONDARY)) {
		tl_err err;
		if (kiosk_load_causes(k, &err))
			kiosk_hint(k, NULL, err.msg);
		else
			kiosk_go(k, KS_CAUSES);
	}
	if (ui_button(u, "Record an action", UI_STYLE_SECONDARY)) {
		k->action = -1;
		kiosk_go(k, KS_ACTION);
	}
}

void kiosk_screen_manage(kiosk *k)
{
	switch (k->screen) {
	case KS_MANAGER: screen_manager(k); break;
	case KS_PAUSE: screen_pause(k); break;
	case KS_CAUSES: screen_causes(k); break;
	default: screen_action(k); break;
	}
}
