/* kiosk_safety.c - an "I don't feel safe" record on the staff side, for
 * every role: what was said and when, whether it was handled and how,
 * and the complaint opened from it. It offers "Mark as handled" (with a
 * note of what was done) and "Open a complaint" (logged on the child's
 * behalf, linked to the record). It never shows causes or stages: it is
 * not a complaint. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

static void open_complaint(kiosk *k)
{
	memset(&k->d, 0, sizeof k->d);
	k->d.kind = TL_KIND_COMPLAINT;
	k->d.who = k->cur.complainant;
	k->d.service = -1;
	k->d.advocacy = k->cur.advocacy;
	snprintf(k->from_safety, sizeof k->from_safety, "%s", k->cur.ref);
	kiosk_go(k, KS_WHO);
}

static void see_complaint(kiosk *k)
{
	snprintf(k->case_ref, sizeof k->case_ref, "%s", k->cur.linked_complaint);
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
}

void kiosk_safety_case(kiosk *k)
{
	static const char *const ACTS[] = { "Mark as handled", "Open a complaint" };
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	const tl_case *c = &k->cur;
	char line[2300], day[40], title[64];
	snprintf(title, sizeof title, "Safety concern %s", c->ref);
	kiosk_staff_begin(k, title);
	receipt_date_words(c->received, day);
	snprintf(line, sizeof line, "%s on %s: they do not feel safe.", c->channel == TL_CHANNEL_KIOSK ?
		 "Said at the kiosk" : "Told to staff", day);
	ui_label(u, UI_FONT_LARGE, true, line, t->text);
	if (c->complainant >= 0 && c->complainant < KIOSK_N_WHO) {
		snprintf(line, sizeof line, "Who: %s", KIOSK_WHO_ANSWER[c->complainant]);
		ui_label(u, UI_FONT_BODY, false, line, t->text);
	}
	if (c->advocacy)
		ui_label(u, UI_FONT_BODY, true, "They asked for someone to help them: offer an "
			 "advocate.", t->text);
	if (c->safety_handled != TL_NO_DATE) {
		receipt_date_words(c->safety_handled, day);
		snprintf(line, sizeof line, "Handled on %s: %s", day, c->safety_note ? c->safety_note : "");
		ui_label(u, UI_FONT_BODY, false, line, t->text);
	} else {
		ui_label(u, UI_FONT_BODY, true, "Not handled yet: act now.", t->danger);
	}
	if (c->linked_complaint[0]) {
		snprintf(line, sizeof line, "Complaint %s was opened from it.", c->linked_complaint);
		ui_label(u, UI_FONT_BODY, false, line, t->text);
	}
	const char *acts[2];
	int n = 0;
	bool handle = c->safety_handled == TL_NO_DATE, open = !c->linked_complaint[0];
	if (handle)
		acts[n++] = ACTS[0];
	acts[n++] = open ? ACTS[1] : "See the complaint";
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 60.0f)), acts, n);
	if (handle && ui_button(u, ACTS[0], UI_STYLE_PRIMARY)) {
		memset(k->note, 0, sizeof k->note);
		k->note_cur = 0;
		kiosk_go(k, KS_HANDLED);
	}
	if (open && ui_button(u, ACTS[1], UI_STYLE_SECONDARY))
		open_complaint(k);
	else if (!open && ui_button(u, "See the complaint", UI_STYLE_SECONDARY))
		see_complaint(k);
	kiosk_staff_end(k, kiosk_case_back(k), NULL);
}

void kiosk_screen_handled(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_staff_begin(k, "Mark as handled");
	ui_field_label(u, "What was done", "Your own words, for the record: for example, the "
		       "duty social worker talked with them at the desk.",
		       k->hint_field ? k->hint : NULL);
	ui_textfield(u, "what was done", k->note, sizeof k->note, &k->note_cur, 3, NULL);
	if (kiosk_staff_end(k, KS_CASE, "Save") != 2)
		return;
	tl_err err;
	int rc = kiosk_before_write(k, &err);
	if (!rc)
		rc = case_safety_handled(k->st, k->case_ref, store_today(k->st), k->note, &err);
	if (rc) {
		kiosk_hint(k, "what was done", rc == TL_EINVAL ? "Write what was done." : err.msg);
		return;
	}
	memset(k->note, 0, sizeof k->note);
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	kiosk_done(k, "The safety concern is marked as handled.");
}
