/* kiosk_receipt.c - what a person takes away and comes back with: the
 * receipt on screen after Send (reference and secret code alike, the
 * dates, the QR), and "Check my complaint" (reference and code typed
 * back: the stage and its dates in a child's words, nothing else). */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* The reference and the secret code, each on a line of its own at one
 * size, the largest at which both fit on one line: read aloud in their
 * groups, never broken across lines. */
static int big_font(ui_ctx *u, const char *ref, const char *code)
{
	int font = UI_FONT_HUGE, w = u->frame.body.w - u->frame.gap;
	while (font > UI_FONT_BODY && (ui_text_width(u, font, true, ref, -1) > w ||
				       ui_text_width(u, font, true, code, -1) > w))
		font--;
	return font;
}

/* On a wide screen the QR stands to the right of the words; on a narrow
 * one, below them. The secret code has the reference's weight: its own
 * line, large. Scanning is offered only when the QR holds a link. */
void kiosk_screen_receipt(kiosk *k)
{
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	char line[400], due[LANG_DATE_MAX], max[LANG_DATE_MAX];
	bool thanks = k->receipt_kind == TL_KIND_COMPLIMENT;
	kiosk_public_begin(k, 0, thanks ? _("Thank you for your kind words.") : k->talked ?
			   _("Thank you. Someone will get in touch to talk with you.") :
			   _("Thank you. We have got it."));
	int side = u->frame.font_px[UI_FONT_BODY] * 9;
	bool beside = k->body.w > k->body.h && k->body.w >= 2 * side;
	if (side > k->body.w)
		side = k->body.w;
	ui_rect full = u->frame.body, top = { 0, u->frame.row_y + u->frame.row_h + u->frame.gap, 0, 0 };
	if (beside)
		u->frame.body.w -= side + 2 * u->frame.gap;
	int big = big_font(u, k->ref, k->code);
	ui_label(u, UI_FONT_BODY, false, _("Your reference:"), t->muted);
	ui_label(u, big, true, k->ref, t->primary);
	if (k->code[0]) {
		ui_label(u, UI_FONT_BODY, false, _("Your secret code:"), t->muted);
		ui_label(u, big, true, k->code, t->primary);
	}
	if (!thanks) {
		/* Dates in the visit's language: "czwartek, 29 stycznia 2026". */
		lang_date_words(k->due, due, sizeof due);
		lang_date_words(k->max_due, max, sizeof max);
		snprintf(line, sizeof line, _("We will reply by %s."), due);
		ui_label(u, UI_FONT_LARGE, true, line, t->text);
		snprintf(line, sizeof line, _("If you have not heard from us by %s, you can ask "
					      "for the next step."), max);
		ui_label(u, UI_FONT_BODY, false, line, t->text);
	}
	if (k->code[0])
		ui_label(u, UI_FONT_BODY, false, k->qr_link ? _("Keep your reference and secret code "
			 "to yourself. With them you can check on it here, or by scanning the QR "
			 "code with a phone.") : _("Keep your reference and secret code to yourself. "
			 "With them you can check on it here."), t->text);
	ui_label(u, UI_FONT_BODY, false, _("Take a photo of this screen or write these down."),
		 t->muted);
	if (!thanks) {
		const char *more = _("Answer a few questions about you");
		ui_button_row(u, 1, (const char *const[]){ more }, 1);
		if (ui_button(u, more, UI_STYLE_SECONDARY))
			kiosk_equalities_open(k);
	}
	u->frame.body = full;
	if (k->qr_size > 0) {
		ui_rect r = { full.x + full.w - side, top.y, side, side };
		if (!beside) {
			ui_row(u, 1, side);
			r = ui_next(u);
			r.w = side;
		}
		ui_draw_qr(u, r, k->qr, k->qr_size);
	}
	if (kiosk_public_end(k, -1, _("Finish")) == 2) {
		if (k->signed_in)
			kiosk_go(k, KS_OFFICER);
		else
			kiosk_wipe(k);
	}
}

void kiosk_screen_track(kiosk *k)
{
	ui_ctx *u = k->ui;
	char example[80], iso[40];
	kiosk_public_begin(k, 0, _("Check my complaint"));
	ui_label(u, UI_FONT_BODY, false, _("Type the reference and the secret code from your "
					   "receipt."), u->frame.theme.text);
	snprintf(example, sizeof example, _("For example %s"),
		 lang_isolate("K2-26-0417-X", iso, sizeof iso));
	ui_field_label(u, _("Reference"), example, kiosk_field_error(k, "reference"));
	kiosk_typed(k, "reference", ui_textfield(u, "reference", k->track_ref, sizeof k->track_ref,
					   &k->track_ref_cur, 1, NULL));
	snprintf(example, sizeof example, _("For example %s"),
		 lang_isolate("7KQ2M-X9D4P", iso, sizeof iso));
	ui_field_label(u, _("Secret code"), example, kiosk_field_error(k, "code"));
	kiosk_typed(k, "code", ui_textfield(u, "code", k->track_code, sizeof k->track_code,
				      &k->track_code_cur, 1, NULL));
	if (k->track_result[0] && !k->track_failed)
		ui_notice(u, k->track_result, UI_NOTICE_INFO);
	if (kiosk_public_end(k, KS_START, _("Check")) == 2 && !k->sample)
		kiosk_track(k);
}
