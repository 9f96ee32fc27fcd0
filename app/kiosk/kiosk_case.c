/* kiosk_case.c - one case on the staff side (never in kiosk mode): what
 * the person told us, what they would like, how to reach them and whether
 * they asked for an advocate; its stages; and, for managers, the moves of
 * the open stage (a response, an extension, a request for the next) through
 * the same core calls as the command line. Officers read it. A safety
 * concern is shown by kiosk_safety.c instead. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

void kiosk_load_case(kiosk *k)
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
		kiosk_hint(k, NULL, err.msg);
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

/* Managers move the open stage on, or record a request for the next. */
static void stage_actions(kiosk *k, const tl_stage *s)
{
	static const char *const OPEN[] = { "Record the response", "Agree an extension" };
	ui_ctx *u = k->ui;
	char next[64];
	if (s->responded == TL_NO_DATE) {
		ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)), OPEN, s->extended ? 1 : 2);
		if (ui_button(u, OPEN[0], UI_STYLE_PRIMARY))
			kiosk_respond_begin(k);
		if (!s->extended && ui_button(u, OPEN[1], UI_STYLE_SECONDARY))
			kiosk_go(k, KS_EXTEND);
		return;
	}
	if (s->number >= 3 || s->outcome == TL_OUTCOME_WITHDRAWN)
		return;
	snprintf(next, sizeof next, "Record a stage %d request", s->number + 1);
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)), (const char *const[]){ next }, 1);
	if (ui_button(u, next, UI_STYLE_SECONDARY))
		kiosk_request_begin(k);
}

/* A heading and the person's words, when there are any. */
static void told(ui_ctx *u, const char *what, const char *words)
{
	if (!words || !*words)
		return;
	ui_label(u, UI_FONT_SMALL, true, what, u->frame.theme.muted);
	ui_label(u, UI_FONT_BODY, false, words, u->frame.theme.text);
}

/* Everything the person told us, for staff: their words, what they would
 * like, how to reach them and whether they asked for an advocate. */
static void case_facts(kiosk *k, const tl_case *c)
{
	ui_ctx *u = k->ui;
	char line[256], got[TL_DATE_LEN];
	date_format(c->received, got);
	snprintf(line, sizeof line, "%s received %s, about %s", words_label(&WS_KIND, c->kind),
		 got, c->service_area ? c->service_area : "");
	ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
	if (c->complainant >= 0 && c->complainant < KIOSK_N_WHO) {
		snprintf(line, sizeof line, "From: %s", KIOSK_WHO_ANSWER[c->complainant]);
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
	}
	if (c->on_behalf) {
		snprintf(line, sizeof line, "Logged on behalf of a child by %s", c->officer);
		ui_label(u, UI_FONT_SMALL, false, line, u->frame.theme.muted);
	}
	if (c->safety_ref[0]) {
		snprintf(line, sizeof line, "Opened from safety concern %s", c->safety_ref);
		ui_label(u, UI_FONT_SMALL, true, line, u->frame.theme.danger);
	}
	told(u, c->kind == TL_KIND_COMPLIMENT ? "What went well" : "What happened", c->summary);
	told(u, "What they would like", c->desired);
	told(u, "How to reach them", c->contact);
	if (c->advocacy)
		ui_label(u, UI_FONT_BODY, true, "They asked for someone to help them: offer an "
			 "advocate.", u->frame.theme.text);
}

int kiosk_case_back(const kiosk *k)
{
	if (k->case_from > KS_PIN)
		return k->case_from;
	return k->staff.role == TL_ROLE_OFFICER ? KS_CASES : KS_MANAGER;
}

void kiosk_screen_case(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_load_case(k);
	if ((k->have_cur || k->sample) && k->cur.unsafe) {
		kiosk_safety_case(k);
		return;
	}
	kiosk_staff_begin(k, k->case_ref);
	kiosk_undo_button(k);
	if (k->have_cur || k->sample) {
		const tl_case *c = &k->cur;
		case_facts(k, c);
		for (size_t i = 0; i < c->n_stages; i++)
			stage_line(k, &c->stages[i]);
		const tl_stage *s = case_current_stage(c);
		if (k->staff.role == TL_ROLE_OFFICER) {
			ui_label(u, UI_FONT_BODY, false, "A manager moves this case through its "
				 "stages.", u->frame.theme.muted);
		} else {
			if (s)
				stage_actions(k, s);
			kiosk_case_tools(k, s);
			ui_button_row(u, 1, (const char *const[]){ "Correct details" }, 1);
			if (ui_button(u, "Correct details", UI_STYLE_SECONDARY))
				kiosk_edit_open(k);
		}
	}
	kiosk_staff_end(k, kiosk_case_back(k), NULL);
}

void kiosk_screen_extend(kiosk *k)
{
	ui_ctx *u = k->ui;
	const tl_stage *s = case_current_stage(&k->cur);
	kiosk_staff_begin(k, "Agree an extension");
	ui_field_label(u, "Why is more time needed?", "For example: the complaint is complex",
		       k->hint_field ? k->hint : NULL);
	ui_textfield(u, "reason", k->reason, sizeof k->reason, &k->reason_cur, 3, NULL);
	if (kiosk_staff_end(k, KS_CASE, "Agree") == 2 && s) {
		tl_err err;
		int rc = kiosk_before_write(k, &err);
		if (!rc)
			rc = case_extend(k->st, k->case_ref, s->number, k->reason, k->staff.name, &err);
		if (rc) {
			kiosk_hint(k, "reason", err.msg);
			return;
		}
		k->have_cur = false;
		memset(k->reason, 0, sizeof k->reason);
		kiosk_go(k, KS_CASE);
		kiosk_done(k, "The extension is agreed.");
	}
}
