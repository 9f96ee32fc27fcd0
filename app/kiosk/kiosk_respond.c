/* kiosk_respond.c - a manager records a stage's response: the outcome
 * and its date (today unless changed), confirmed before anything is
 * stored, and undone with one tap until the case screen is left. A
 * request for the next stage is confirmed the same way. Each move is the
 * core's (case_respond, case_respond_undo, case_request). */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

static const int OUTCOMES[] = { TL_OUTCOME_FULLY_UPHELD, TL_OUTCOME_PARTLY_UPHELD,
				TL_OUTCOME_NOT_UPHELD };
#define N_OUTCOMES ((int)(sizeof OUTCOMES / sizeof OUTCOMES[0]))

static void today_into(kiosk *k)
{
	tl_date today = TL_NO_DATE;
	tl_err err;
	if (date_today(&today, &err) == TL_OK)
		date_format(today, k->when);
	else
		k->when[0] = '\0';
	k->when_cur = (int)strlen(k->when);
}

void kiosk_respond_begin(kiosk *k)
{
	k->outcome = -1;
	today_into(k);
	kiosk_go(k, KS_RESPOND);
}

void kiosk_request_begin(kiosk *k)
{
	today_into(k);
	k->confirm = KC_REQUEST;
	k->overlay = KO_CONFIRM;
}

/* The date typed, or a message on its field. */
static bool when_typed(kiosk *k, tl_date *out)
{
	if (date_parse(k->when, out, "date", NULL) == TL_OK)
		return true;
	kiosk_hint(k, "when", "Enter the date as year, month and day, for example 2026-01-15.");
	return false;
}

void kiosk_screen_respond(kiosk *k)
{
	ui_ctx *u = k->ui;
	const tl_stage *s = case_current_stage(&k->cur);
	const char *labels[N_OUTCOMES];
	char title[64];
	tl_date when;
	snprintf(title, sizeof title, "Record the response to stage %d", s ? s->number : 1);
	kiosk_staff_begin(k, title);
	ui_label(u, UI_FONT_BODY, true, "What was the outcome?", u->frame.theme.text);
	for (int i = 0; i < N_OUTCOMES; i++)
		labels[i] = words_label(&WS_OUTCOME, OUTCOMES[i]);
	ui_tile_row(u, ui_fit_cols(u, N_OUTCOMES, ui_mm(u, 50.0f)), labels, NULL, N_OUTCOMES);
	for (int i = 0; i < N_OUTCOMES; i++)
		if (ui_tile(u, labels[i], NULL, k->outcome == OUTCOMES[i]))
			k->outcome = OUTCOMES[i];
	ui_field_label(u, "Date of the response", "Year, month and day: today unless you change it.",
		       k->hint_field ? k->hint : NULL);
	if (ui_textfield(u, "when", k->when, sizeof k->when, &k->when_cur, 1, NULL) && k->hint_field)
		k->hint[0] = '\0', k->hint_field = NULL;
	if (kiosk_staff_end(k, KS_CASE, "Continue") != 2 || !s)
		return;
	if (k->outcome < 0)
		kiosk_hint(k, NULL, "Choose the outcome.");
	else if (when_typed(k, &when)) {
		k->confirm = KC_RESPOND;
		k->overlay = KO_CONFIRM;
	}
}

/* Yes on the confirmation: the move, then the case with what happened. */
static void confirmed(kiosk *k)
{
	const tl_stage *s = case_current_stage(&k->cur);
	tl_date when = TL_NO_DATE;
	tl_err err;
	bool late = false;
	int rc = s && when_typed(k, &when) ? kiosk_before_write(k, &err) :
		err_set(&err, TL_EINVAL, "%s", k->hint);
	int stage = s ? s->number : 0;
	k->overlay = KO_NONE;
	if (!rc && k->confirm == KC_RESPOND)
		rc = case_respond(k->st, k->case_ref, stage, when, k->outcome, &err);
	else if (!rc)
		rc = case_request(k->st, k->case_ref, stage + 1, when, &late, &err);
	if (rc) {
		kiosk_hint(k, NULL, err.msg);
		return;
	}
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	if (k->confirm == KC_RESPOND) {
		kiosk_done(k, "The response is recorded.");
		k->undo_stage = stage;
	} else {
		kiosk_done(k, late ? "The request is recorded, as late." : "The request is recorded.");
	}
}

void kiosk_confirm_dialog(kiosk *k)
{
	static const char *const BUTTONS[] = { "Yes, record it", "Go back" };
	ui_ctx *u = k->ui;
	const tl_stage *s = case_current_stage(&k->cur);
	char msg[300], day[40];
	tl_date when = TL_NO_DATE;
	date_parse(k->when, &when, "date", NULL);
	receipt_date_words(when, day);
	int stage = s ? s->number : 1;
	if (k->confirm == KC_RESPOND)
		snprintf(msg, sizeof msg, "Stage %d: %s, on %s.", stage,
			 k->outcome >= 0 ? words_label(&WS_OUTCOME, k->outcome) : "", day);
	else
		snprintf(msg, sizeof msg, "Stage %d was asked for on %s. Its clock starts that day.",
			 stage + 1, day);
	ui_dialog_begin(u, k->confirm == KC_RESPOND ? "Record this response?" :
			"Record this request?", 6 * ui_line_height(u, UI_FONT_BODY) +
			2 * u->frame.target_h);
	ui_label(u, UI_FONT_BODY, false, msg, u->frame.theme.text);
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 45.0f)), BUTTONS, 2);
	bool yes = ui_button(u, BUTTONS[0], UI_STYLE_PRIMARY) && !k->sample;
	if (ui_button(u, BUTTONS[1], UI_STYLE_SECONDARY) || ui_key(u, UI_KEY_ESCAPE))
		k->overlay = KO_NONE;
	ui_dialog_end(u);
	if (yes)
		confirmed(k);
}

void kiosk_undo_button(kiosk *k)
{
	ui_ctx *u = k->ui;
	if (!k->undo_stage)
		return;
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)),
		      (const char *const[]){ "Undo the response" }, 1);
	if (!ui_button(u, "Undo the response", UI_STYLE_SECONDARY))
		return;
	tl_err err;
	int rc = kiosk_before_write(k, &err), stage = k->undo_stage;
	if (!rc)
		rc = case_respond_undo(k->st, k->case_ref, stage, &err);
	if (rc) {
		kiosk_hint(k, NULL, err.msg);
		return;
	}
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	kiosk_done(k, "The response is undone: the stage is open again.");
}
