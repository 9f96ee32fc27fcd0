/* kiosk_public.c - the public flow of SPEC section 8, in words a ten-year-
 * old understands: complaint or compliment, who you are, which service,
 * what happened, what you would like, contact (optional), check and send,
 * the receipt. Nothing is stored until Send; Back works on every step. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* In TL_WHO_* order. */
static const char *const WHO_PLAIN[] = {
	"I'm a child or young person", "I'm a parent", "I'm a carer", "I'm a foster carer",
	"I'm an adoptive parent", "I'm a special guardian", "I'm a relative",
	"I work with children", "Someone else",
};
#define N_WHO ((int)(sizeof WHO_PLAIN / sizeof WHO_PLAIN[0]))
#define N_STEPS 6

static int imax(int a, int b)
{
	return a > b ? a : b;
}

/* Tiles no narrower than about twelve characters of the body's type. */
static int tile_min(const ui_ctx *u)
{
	int by_type = u->frame.font_px[UI_FONT_BODY] * 12;
	return by_type > ui_mm(u, 40.0f) ? by_type : ui_mm(u, 40.0f);
}

static void begin(kiosk *k, int step, const char *question)
{
	ui_ctx *u = k->ui;
	char cap[64];
	ui_body_begin(u, kiosk_chrome(k, NULL, true));
	if (step > 0) {
		snprintf(cap, sizeof cap, "Step %d of %d", step, N_STEPS);
		ui_steps(u, N_STEPS, step, cap);
		ui_space(u, u->frame.gap);
	}
	ui_label(u, UI_FONT_TITLE, true, question, u->frame.theme.text);
	if (k->signed_in && k->screen != KS_START)
		ui_label(u, UI_FONT_SMALL, true, "Logging on behalf of a child", u->frame.theme.primary);
}

/* Ends the body and draws the footer; Back goes to back_to. */
static int end(kiosk *k, int back_to, const char *next)
{
	if (k->hint[0])
		ui_label(k->ui, UI_FONT_BODY, true, k->hint, k->ui->frame.theme.danger);
	ui_body_end(k->ui);
	int a = kiosk_footer(k, back_to >= 0 ? "Back" : NULL, next);
	if (a == 1)
		kiosk_go(k, back_to);
	return a;
}

static void screen_start(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 0, "Tell us what you think");
	ui_label(u, UI_FONT_BODY, false, "Is something wrong, or did something go well? You can "
		 "tell us here. It's private: only the complaints team will read it.",
		 u->frame.theme.muted);
	ui_space(u, u->frame.gap);
	ui_row(u, ui_fit_cols(u, 2, ui_mm(u, 55.0f)), u->frame.tile_h);
	if (ui_tile(u, "Something is wrong", "Make a complaint", false)) {
		k->d.kind = TL_KIND_COMPLAINT;
		kiosk_go(k, KS_WHO);
	}
	if (ui_tile(u, "Something went well", "Say thank you", false)) {
		k->d.kind = TL_KIND_COMPLIMENT;
		kiosk_go(k, KS_WHO);
	}
	ui_space(u, u->frame.gap);
	ui_row(u, ui_fit_cols(u, 2, ui_mm(u, 55.0f)), 0);
	ui_check(u, "I'd like someone to help me", &k->d.advocacy);
	if (ui_button(u, "I don't feel safe", UI_STYLE_SECONDARY))
		kiosk_go(k, KS_UNSAFE);
	if (!k->signed_in && ui_button(u, "Check my complaint", UI_STYLE_QUIET))
		kiosk_go(k, KS_TRACK);
	ui_space(u, u->frame.gap);
	ui_row(u, ui_fit_cols(u, 2, ui_mm(u, 55.0f)), 0);
	ui_check(u, "Bigger text", &u->set.large_text);
	ui_check(u, "High contrast", &u->set.high_contrast);
	if (k->authority[0])
		ui_label(u, UI_FONT_SMALL, false, k->authority, u->frame.theme.muted);
	end(k, k->signed_in ? KS_OFFICER : -1, NULL);
}

static void screen_who(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 1, k->signed_in ? "Who is it from?" : "Who are you?");
	int cols = ui_fit_cols(u, N_WHO, tile_min(u)), h = 0;
	for (int i = 0; i < N_WHO; i++)
		h = imax(h, ui_tile_height(u, cols, WHO_PLAIN[i], NULL));
	ui_row(u, cols, h);
	for (int i = 0; i < N_WHO; i++)
		if (ui_tile(u, WHO_PLAIN[i], NULL, k->d.who == i)) {
			k->d.who = i;
			kiosk_go(k, KS_SERVICE);
		}
	end(k, KS_START, NULL);
}

static void screen_service(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 2, "What is it about?");
	int cols = ui_fit_cols(u, k->n_services, tile_min(u)), h = 0;
	for (int i = 0; i < k->n_services; i++)
		h = imax(h, ui_tile_height(u, cols, k->services[i].plain, k->services[i].detail));
	ui_row(u, cols, h);
	for (int i = 0; i < k->n_services; i++)
		if (ui_tile(u, k->services[i].plain, k->services[i].detail, k->d.service == i)) {
			k->d.service = i;
			kiosk_go(k, KS_WHAT);
		}
	end(k, KS_WHO, NULL);
}

static bool blank(const char *s)
{
	return s[strspn(s, " \n\t")] == '\0';
}

static void screen_what(kiosk *k)
{
	ui_ctx *u = k->ui;
	bool thanks = k->d.kind == TL_KIND_COMPLIMENT;
	begin(k, 3, thanks ? "What went well?" : "What happened?");
	ui_label(u, UI_FONT_BODY, false, "Write it in your own words, in any language.",
		 u->frame.theme.muted);
	ui_textfield(u, "what", k->d.summary, sizeof k->d.summary, &k->d.summary_cur, 5,
		     thanks ? "Tell us what was good" : "Tell us what went wrong");
	if (end(k, KS_SERVICE, "Next") == 2) {
		if (blank(k->d.summary))
			snprintf(k->hint, sizeof k->hint, "Please write a few words first.");
		else
			kiosk_go(k, KS_WISH);
	}
}

static void screen_wish(kiosk *k)
{
	ui_ctx *u = k->ui;
	if (k->d.kind == TL_KIND_COMPLIMENT) {
		begin(k, 4, "Can we share your kind words?");
		ui_label(u, UI_FONT_BODY, false, "We would never share your name.", u->frame.theme.muted);
		ui_row(u, 1, 0);
		ui_check(u, "Yes, you can share what I said", &k->d.consent);
	} else {
		begin(k, 4, "What would you like to happen?");
		ui_label(u, UI_FONT_BODY, false, "You can skip this if you are not sure.",
			 u->frame.theme.muted);
		ui_textfield(u, "wish", k->d.wish, sizeof k->d.wish, &k->d.wish_cur, 4,
			     "For example: a new meeting, an apology");
	}
	if (end(k, KS_WHAT, "Next") == 2)
		kiosk_go(k, KS_CONTACT);
}

static void screen_contact(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 5, "How can we reach you?");
	ui_label(u, UI_FONT_BODY, false, "You don't have to tell us. A phone number or email "
		 "helps us reply to you.", u->frame.theme.muted);
	ui_textfield(u, "contact", k->d.contact, sizeof k->d.contact, &k->d.contact_cur, 1,
		     "Phone or email (you can leave this empty)");
	if (end(k, KS_WISH, k->d.contact[0] ? "Next" : "Skip") == 2)
		kiosk_go(k, KS_CHECK);
}

static void answer(ui_ctx *u, const char *q, const char *a)
{
	ui_label(u, UI_FONT_SMALL, true, q, u->frame.theme.muted);
	ui_label(u, UI_FONT_BODY, false, a && *a ? a : "(nothing)", u->frame.theme.text);
}

static void screen_check(kiosk *k)
{
	ui_ctx *u = k->ui;
	bool thanks = k->d.kind == TL_KIND_COMPLIMENT;
	begin(k, 6, "Check and send");
	answer(u, "You are", k->d.who >= 0 ? WHO_PLAIN[k->d.who] : "");
	answer(u, "It is about", k->d.service >= 0 ? k->services[k->d.service].plain : "");
	answer(u, thanks ? "What went well" : "What happened", k->d.summary);
	if (thanks)
		answer(u, "Can we share it?", k->d.consent ? "Yes" : "No");
	else
		answer(u, "You would like", k->d.wish);
	answer(u, "How to reach you", k->d.contact);
	if (k->d.advocacy)
		answer(u, "Help", "You would like someone to help you");
	if (end(k, KS_CONTACT, "Send") == 2) {
		tl_err err;
		if (kiosk_submit(k, &err) == TL_OK)
			kiosk_go(k, KS_RECEIPT);
		else
			snprintf(k->hint, sizeof k->hint, "Sorry, that did not send: %s", err.msg);
	}
}

/* On a wide screen the QR stands to the right of the words; on a narrow
 * one, below them. */
static void screen_receipt(kiosk *k)
{
	ui_ctx *u = k->ui;
	char line[300], due[40], max[40];
	begin(k, 0, "Thank you. We have got it.");
	int side = u->frame.font_px[UI_FONT_BODY] * 9;
	bool beside = k->body.w > k->body.h && k->body.w >= 2 * side;
	if (side > k->body.w)
		side = k->body.w;
	ui_rect full = u->frame.body, top = { 0, u->frame.row_y + u->frame.row_h + u->frame.gap, 0, 0 };
	if (beside)
		u->frame.body.w -= side + 2 * u->frame.gap;
	ui_label(u, UI_FONT_BODY, false, "Your reference:", u->frame.theme.muted);
	ui_label(u, UI_FONT_HUGE, true, k->ref, u->frame.theme.primary);
	if (k->receipt_kind == TL_KIND_COMPLAINT) {
		receipt_date_words(k->due, due);
		receipt_date_words(k->max_due, max);
		snprintf(line, sizeof line, "We will reply by %s.", due);
		ui_label(u, UI_FONT_LARGE, true, line, u->frame.theme.text);
		snprintf(line, sizeof line, "If you have not heard from us by %s, you can ask "
			 "for the next step.", max);
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.text);
	}
	if (k->code[0]) {
		snprintf(line, sizeof line, "Your secret code: %s. With it and your reference you "
			 "can check your complaint here or by scanning the QR code.", k->code);
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.text);
	}
	ui_label(u, UI_FONT_BODY, false, "Take a photo of this screen or write these down.",
		 u->frame.theme.muted);
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
	if (end(k, -1, "Finish") == 2) {
		if (k->signed_in)
			kiosk_go(k, KS_OFFICER);
		else
			kiosk_wipe(k);
	}
}

static void screen_track(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 0, "Check my complaint");
	ui_label(u, UI_FONT_BODY, false, "Type the reference and the secret code from your "
		 "receipt.", u->frame.theme.muted);
	ui_textfield(u, "reference", k->track_ref, sizeof k->track_ref, &k->track_ref_cur, 1,
		     "Reference, like K2-26-0417-X");
	ui_textfield(u, "code", k->track_code, sizeof k->track_code, &k->track_code_cur, 1,
		     "Secret code, like 7KQ2M-X9D4P");
	if (k->track_result[0])
		ui_label(u, UI_FONT_LARGE, true, k->track_result, u->frame.theme.text);
	if (end(k, KS_START, "Check") == 2 && !k->sample)
		kiosk_track(k);
}

static void screen_unsafe(kiosk *k)
{
	ui_ctx *u = k->ui;
	begin(k, 0, "You should feel safe");
	ui_label(u, UI_FONT_LARGE, true, "If you are in danger right now, call 999.",
		 u->frame.theme.text);
	ui_label(u, UI_FONT_BODY, false, "Childline is free and private, day and night: "
		 "call 0800 1111.", u->frame.theme.text);
	if (k->phone[0]) {
		char line[128];
		snprintf(line, sizeof line, "Our team: call %s.", k->phone);
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.text);
	}
	ui_label(u, UI_FONT_BODY, false, "You can also tell a member of staff at the desk. "
		 "They will help you now.", u->frame.theme.text);
	if (k->told_staff) {
		ui_label(u, UI_FONT_LARGE, true, "We have told the staff. Please go to the desk now.",
			 u->frame.theme.primary);
	} else {
		ui_row(u, ui_fit_cols(u, 1, ui_mm(u, 60.0f)), 0);
		if (ui_button(u, "Tell the staff now", UI_STYLE_PRIMARY)) {
			tl_err err;
			if (kiosk_flag_unsafe(k, &err) == TL_OK)
				k->told_staff = true;
			else
				snprintf(k->hint, sizeof k->hint, "Please go to the desk: %.300s", err.msg);
		}
	}
	end(k, KS_START, NULL);
}

void kiosk_screen_public(kiosk *k)
{
	switch (k->screen) {
	case KS_START: screen_start(k); break;
	case KS_WHO: screen_who(k); break;
	case KS_SERVICE: screen_service(k); break;
	case KS_WHAT: screen_what(k); break;
	case KS_WISH: screen_wish(k); break;
	case KS_CONTACT: screen_contact(k); break;
	case KS_CHECK: screen_check(k); break;
	case KS_RECEIPT: screen_receipt(k); break;
	case KS_TRACK: screen_track(k); break;
	default: screen_unsafe(k); break;
	}
}
