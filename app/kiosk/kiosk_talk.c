/* kiosk_talk.c - for young children (SPEC 13): the row of faces "How do
 * you feel?" on the start screen, and the route with no typing it leads
 * to: "I'd like to talk to someone" asks for contact and an advocate
 * (kiosk_submit_talk) and shows its receipt like any complaint's; or the
 * words after all, in the ordinary flow. The faces are Noto Color Emoji,
 * in CASE_FEELINGS' order. */
#include <stdio.h>
#include "kiosk.h"

static const uint32_t FACE_PICS[] = { 0x1F600, 0x1F642, 0x1F610, 0x1F61F, 0x1F622, 0x1F620 };
static const char *const FACE_WORDS[] = {
	N_("Happy"), N_("OK"), N_("Not sure"), N_("Worried"), N_("Sad"), N_("Angry"),
};
#define N_FACES ((int)(sizeof FACE_PICS / sizeof FACE_PICS[0]))

void kiosk_faces(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *words[N_FACES];
	ui_label(u, UI_FONT_LARGE, true, _("How do you feel?"), u->frame.theme.text);
	for (int i = 0; i < N_FACES; i++)
		words[i] = _(FACE_WORDS[i]);
	/* All six in one row wherever a face keeps 12 mm; else two rows; and
	 * fewer to a row rather than a word broken in two (large text). */
	int cols = ui_pic_tile_cols(u, ui_fit_cols(u, N_FACES, ui_mm(u, 14.0f)), words, N_FACES);
	ui_row(u, cols, ui_pic_tile_height(u, cols, words, N_FACES));
	for (int i = 0; i < N_FACES; i++)
		if (ui_pic_tile(u, FACE_PICS[i], words[i], k->feeling == i)) {
			k->feeling = i;
			kiosk_go(k, KS_TALK);
		}
}

static void talk(kiosk *k)
{
	tl_err err;
	char msg[600];
	if (kiosk_submit_talk(k, &err) == TL_OK) {
		kiosk_go(k, KS_RECEIPT);
		return;
	}
	snprintf(msg, sizeof msg, _("Sorry, that did not send: %.400s. Nothing was stored. "
				    "Please try again, or ask at the desk."), err.msg);
	kiosk_hint(k, NULL, msg);
}

void kiosk_screen_talk(kiosk *k)
{
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	const char *tiles[2] = { _("Yes, I'd like to talk to someone"), _("I'd like to write it down") };
	const char *details[2] = { _("You don't need to write anything"),
				   _("Tell us in your own words") };
	kiosk_public_begin(k, 0, _("Would you like to talk to someone?"));
	if (k->feeling >= 0) {
		int side = ui_line_height(u, UI_FONT_HUGE) * 2;
		ui_row(u, 1, side);
		ui_rect r = ui_next(u);
		ui_draw_pic(u, (ui_rect){ r.x, r.y, side, side }, FACE_PICS[k->feeling]);
	}
	ui_label(u, UI_FONT_BODY, false, _("Someone from our team will get in touch to talk with "
					   "you, and can find an advocate to help you: someone on "
					   "your side."), t->text);
	ui_label(u, UI_FONT_BODY, false, _("If you want to talk now, you can go to the desk."),
		 t->text);
	int cols = ui_fit_cols(u, 2, ui_mm(u, 55.0f));
	ui_tile_row(u, cols, tiles, details, 2);
	if (ui_tile(u, tiles[0], details[0], false) && !k->sample)
		talk(k);
	if (ui_tile(u, tiles[1], details[1], false)) {
		/* A happy face has something good to say. */
		k->d.kind = k->feeling == 0 ? TL_KIND_COMPLIMENT : TL_KIND_COMPLAINT;
		kiosk_go(k, KS_WHO);
	}
	kiosk_public_end(k, KS_START, NULL);
}
