/* kiosk_unsafe.c - "I don't feel safe", and the neutral screen that Hide
 * leaves. The safety screen says who can help now, and says that staff
 * have been told only when they have (an alert went out, or the register
 * has the record: case_staff_told); otherwise what to do now. The neutral
 * screen names the council and nothing about complaints, and goes back to
 * the start on a touch. */
#include <stdio.h>
#include "kiosk.h"

void kiosk_screen_unsafe(kiosk *k)
{
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	kiosk_public_begin(k, 0, _("We want you to be safe"));
	if (k->flagged && k->told_staff)
		ui_notice(u, _("We have told the staff. Please go to the desk now."),
			  UI_NOTICE_SUCCESS);
	else if (k->flagged)
		ui_notice(u, _("We have written this down for the staff, but they may not see it "
			       "straight away. Please tell the person at the desk now."), UI_NOTICE_INFO);
	ui_label(u, UI_FONT_LARGE, true, _("If you are in danger right now, call 999."), t->text);
	ui_label(u, UI_FONT_BODY, false, _("Childline is free and private, day and night: "
					   "call 0800 1111 or go to childline.org.uk."), t->text);
	if (k->phone[0]) {
		char line[200], iso[80];
		snprintf(line, sizeof line, _("Our team: call %s."),
			 lang_isolate(k->phone, iso, sizeof iso));
		ui_label(u, UI_FONT_BODY, false, line, t->text);
	}
	ui_label(u, UI_FONT_BODY, false, _("You can talk to a member of staff at the desk. They "
					   "can help you now."), t->text);
	if (!k->flagged) {
		const char *tell = _("Tell the staff");
		ui_button_row(u, ui_fit_cols(u, 1, ui_mm(u, 60.0f)), &tell, 1);
		if (ui_button(u, tell, UI_STYLE_PRIMARY) && !k->sample) {
			tl_err err;
			if (kiosk_flag_unsafe(k, &err))
				kiosk_hint(k, NULL, _("Sorry, that did not work. Please tell someone "
						      "at the desk now."));
		}
	}
	kiosk_public_end(k, KS_START, NULL);
}

void kiosk_screen_hidden(kiosk *k)
{
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	char welcome[400], iso[160];
	ui_rect all = { 0, 0, u->set.w, u->set.h };
	if (k->authority[0])
		snprintf(welcome, sizeof welcome, _("Welcome to %s"),
			 lang_isolate(k->authority, iso, sizeof iso));
	else
		snprintf(welcome, sizeof welcome, "%s", _("Welcome"));
	/* The whole window is one control: any touch, Enter or Space. */
	if (ui_button_at(u, all, _("Touch the screen to start"), UI_STYLE_QUIET))
		kiosk_go(k, KS_START);
	ui_rect in = ui_rect_inset(all, u->frame.pad);
	int th = ui_wrap(u, UI_FONT_TITLE, true, welcome, in.w, NULL, NULL) *
		ui_line_height(u, UI_FONT_TITLE);
	/* In the upper half, clear of the button's own words in the middle. */
	int y = in.y + (in.h / 2 - ui_line_height(u, UI_FONT_BODY) - th) / 2;
	ui_text_in(u, (ui_rect){ in.x, y > in.y ? y : in.y, in.w, th }, UI_FONT_TITLE, true, welcome,
		   t->primary, true);
}
