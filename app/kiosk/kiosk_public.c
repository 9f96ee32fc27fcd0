/* kiosk_public.c - the public flow of SPEC section 8, in words a ten-year-
 * old understands: complaint or compliment, who you are, which service,
 * what happened, what you would like, contact (optional), check and send
 * (the receipt and "Check my complaint" are kiosk_receipt.c's). Nothing
 * is stored until Send; Back works on every step. Every sentence a screen
 * says is in that screen's function, as a literal marked for translation
 * (_(), N_() in the tables; assets/locale/), so that it is translated
 * where it stands. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* In TL_WHO_* order. */
const char *const KIOSK_WHO_SELF[] = {
	N_("I'm a child or young person"), N_("I'm a parent"), N_("I'm a carer"),
	N_("I'm a foster carer"), N_("I'm an adoptive parent"), N_("I'm a special guardian"),
	N_("I'm a relative"), N_("I work with children"), N_("Someone else"),
};
const char *const KIOSK_WHO_THEIR[] = {
	N_("A child or young person"), N_("Their parent"), N_("Their carer"),
	N_("Their foster carer"), N_("Their adoptive parent"), N_("Their special guardian"),
	N_("A relative"), N_("A professional"), N_("Someone else"),
};
const char *const KIOSK_WHO_ANSWER[] = {
	N_("A child or young person"), N_("A parent"), N_("A carer"), N_("A foster carer"),
	N_("An adoptive parent"), N_("A special guardian"), N_("A relative"),
	N_("Someone who works with children"), N_("Someone else"),
};
const int KIOSK_N_WHO = (int)(sizeof KIOSK_WHO_SELF / sizeof KIOSK_WHO_SELF[0]);
#define N_STEPS 6

/* Tiles no narrower than about twelve characters of the body's type. */
static int tile_min(const ui_ctx *u)
{
	int by_type = u->frame.font_px[UI_FONT_BODY] * 12;
	return by_type > ui_mm(u, 40.0f) ? by_type : ui_mm(u, 40.0f);
}

/* The step, the question, and above it what went wrong (or right) the
 * last time: the GOV.UK error summary, at the top. Logging for a child
 * says so on every screen. */
void kiosk_public_begin(kiosk *k, int step, const char *question)
{
	ui_ctx *u = k->ui;
	char cap[128], banner[400], iso[40], iso2[80];
	ui_body_begin(u, kiosk_chrome(k, NULL, true));
	if (k->signed_in) {
		if (k->from_safety[0])
			snprintf(banner, sizeof banner, _("A complaint from safety concern %s, logged "
							  "by %s"), lang_isolate(k->from_safety, iso, sizeof iso),
				 lang_isolate(k->staff.name, iso2, sizeof iso2));
		else
			snprintf(banner, sizeof banner, _("Logging on behalf of a child, by %s"),
				 lang_isolate(k->staff.name, iso2, sizeof iso2));
		ui_notice(u, banner, UI_NOTICE_INFO);
	}
	if (step > 0) {
		snprintf(cap, sizeof cap, _("Step %d of %d"), step, N_STEPS);
		ui_steps(u, N_STEPS, step, cap);
		ui_space(u, u->frame.gap);
	}
	if (k->hint[0])
		ui_notice(u, k->hint, k->hint_ok ? UI_NOTICE_SUCCESS : UI_NOTICE_PROBLEM);
	ui_label(u, UI_FONT_TITLE, true, question, u->frame.theme.text);
}

/* Back from the start of logging for a child goes to the officer's
 * screens only with the PIN again: the child may be holding the tablet. */
static void relock(kiosk *k)
{
	char name[STAFF_NAME_MAX];
	snprintf(name, sizeof name, "%s", k->staff.name);
	kiosk_wipe(k);
	snprintf(k->pick, sizeof k->pick, "%s", name);
	kiosk_go(k, KS_PIN);
}

int kiosk_public_end(kiosk *k, int back_to, const char *next)
{
	ui_body_end(k->ui);
	int a = kiosk_footer(k, back_to >= 0 ? _("Back") : NULL, next);
	if (a == 1 && back_to == KS_PIN)
		relock(k);
	else if (a == 1)
		kiosk_go(k, k->changing ? KS_CHECK : back_to);
	return a;
}

/* Where a step goes next: on to the following step, or back to the check
 * screen after a Change. */
static void next_step(kiosk *k, int screen)
{
	kiosk_go(k, k->changing ? KS_CHECK : screen);
}

/* The languages of the `languages` setting, each by its own name in its
 * own script; the visit's is shown chosen. */
static void languages(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *names[LANG_MAX];
	int min_w = ui_mm(u, 28.0f);
	if (k->n_langs < 2)
		return;
	/* Columns as wide as the longest name, which is never broken. */
	for (int i = 0; i < k->n_langs; i++) {
		names[i] = k->langs[i]->name;
		int w = ui_text_width(u, UI_FONT_BODY, true, names[i], -1) + 2 * u->frame.gap;
		min_w = w > min_w ? w : min_w;
	}
	ui_set_seed(u, 0x6c616e67u); /* "English" the button, not a word on screen */
	ui_button_row(u, ui_fit_cols(u, k->n_langs, min_w), names, k->n_langs);
	for (int i = 0; i < k->n_langs; i++)
		if (ui_button(u, names[i], k->langs[i] == k->lang ? UI_STYLE_PRIMARY : UI_STYLE_QUIET))
			kiosk_lang_set(k, k->langs[i], NULL);
	ui_set_seed(u, 0);
}

static void screen_start(kiosk *k)
{
	const char *tiles[] = { _("Something is wrong"), _("Something went well") };
	const char *details[] = { _("Make a complaint"), _("Say thank you") };
	const char *helps[] = { _("I don't feel safe"), _("Check my complaint") };
	const char *display[] = { _("Bigger text"), _("High contrast") };
	const char *advocacy = _("I'd like someone to help me");
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	/* The two choices first, so that a phone shows both without scrolling,
	 * and "I don't feel safe" straight after them: a child in danger never
	 * scrolls for it, on a phone or a reception screen, in any language
	 * (test_kiosk_layout.c). Then the languages, each in its own words. */
	kiosk_public_begin(k, 0, _("Tell us what you think"));
	int cols = ui_fit_cols(u, 2, ui_mm(u, 55.0f));
	ui_tile_row(u, cols, tiles, details, 2);
	for (int i = 0; i < 2; i++)
		if (ui_tile(u, tiles[i], details[i], false)) {
			k->d.kind = i == 0 ? TL_KIND_COMPLAINT : TL_KIND_COMPLIMENT;
			kiosk_go(k, KS_WHO);
		}
	int n = k->signed_in ? 1 : 2;
	ui_button_row(u, ui_fit_cols(u, n, ui_mm(u, 55.0f)), helps, n);
	if (ui_button(u, helps[0], UI_STYLE_SECONDARY))
		kiosk_go(k, KS_UNSAFE);
	if (!k->signed_in && ui_button(u, helps[1], UI_STYLE_QUIET))
		kiosk_go(k, KS_TRACK);
	ui_label(u, UI_FONT_BODY, false, _("We keep it private. If we are worried about your "
					   "safety, we may need to tell someone who can help."), t->muted);
	languages(k);
	ui_space(u, u->frame.gap);
	kiosk_faces(k);
	ui_space(u, u->frame.gap);
	ui_button_row(u, 1, &advocacy, 1);
	ui_check(u, advocacy, &k->d.advocacy);
	ui_label(u, UI_FONT_SMALL, false, _("An advocate is someone on your side who helps you "
					    "say what you want. It's free."), t->muted);
	ui_space(u, u->frame.gap);
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 55.0f)), display, 2);
	ui_check(u, display[0], &u->set.large_text);
	ui_check(u, display[1], &u->set.high_contrast);
	if (k->authority[0])
		ui_label(u, UI_FONT_SMALL, false, k->authority, t->muted);
	kiosk_public_end(k, k->signed_in ? KS_PIN : -1, NULL);
}

/* Logging for a child, the choices are about them, not "I'm...". */
static void screen_who(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *names[16];
	for (int i = 0; i < KIOSK_N_WHO; i++)
		names[i] = _(k->signed_in ? KIOSK_WHO_THEIR[i] : KIOSK_WHO_SELF[i]);
	kiosk_public_begin(k, 1, k->signed_in ? _("Who is it from?") : _("Who are you?"));
	int cols = ui_fit_cols(u, KIOSK_N_WHO, tile_min(u));
	ui_tile_row(u, cols, names, NULL, KIOSK_N_WHO);
	for (int i = 0; i < KIOSK_N_WHO; i++)
		if (ui_tile(u, names[i], NULL, k->d.who == i)) {
			k->d.who = i;
			next_step(k, KS_SERVICE);
		}
	/* A complaint opened from a safety concern goes back to it. */
	if (kiosk_public_end(k, k->from_safety[0] ? KS_CASE : KS_START, NULL) == 1 &&
	    k->from_safety[0] && !k->changing) {
		k->from_safety[0] = '\0';
		k->d.kind = k->d.who = k->d.service = -1;
	}
}

static void screen_service(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *plain[KIOSK_SERVICES_MAX], *detail[KIOSK_SERVICES_MAX];
	kiosk_public_begin(k, 2, _("What is it about?"));
	/* The configured words: in the visit's language when they are the
	 * installed ones (the catalogues have those). */
	for (int i = 0; i < k->n_services; i++) {
		plain[i] = _(k->services[i].plain);
		detail[i] = _(k->services[i].detail);
	}
	/* A picture beside each service, for a child who reads little. */
	int cols = ui_fit_cols(u, k->n_services, tile_min(u) + ui_mm(u, 12.0f));
	ui_tile_row_pics(u, cols, plain, detail, k->n_services, true);
	for (int i = 0; i < k->n_services; i++)
		if (ui_tile_pic(u, k->services[i].pic, plain[i], detail[i], k->d.service == i)) {
			k->d.service = i;
			next_step(k, KS_WHAT);
		}
	kiosk_public_end(k, KS_WHO, NULL);
}

static bool blank(const char *s)
{
	return s[strspn(s, " \n\t")] == '\0';
}

/* The error above a field, when the hint is about it. */
const char *kiosk_field_error(const kiosk *k, const char *field)
{
	return k->hint_field && strcmp(k->hint_field, field) == 0 ? k->hint : NULL;
}

/* A field's error goes away as soon as its words change. */
void kiosk_typed(kiosk *k, const char *field, bool changed)
{
	if (changed && kiosk_field_error(k, field)) {
		k->hint[0] = '\0';
		k->hint_field = NULL;
	}
}

static void screen_what(kiosk *k)
{
	ui_ctx *u = k->ui;
	bool thanks = k->d.kind == TL_KIND_COMPLIMENT;
	kiosk_public_begin(k, 3, thanks ? _("What went well?") : _("What happened?"));
	/* One question on the page: its heading is the field's label. */
	ui_field_label(u, NULL, _("Write it in your own words, in any language."),
		       kiosk_field_error(k, "what"));
	kiosk_typed(k, "what", ui_textfield(u, "what", k->d.summary, sizeof k->d.summary,
				      &k->d.summary_cur, 5, NULL));
	if (kiosk_public_end(k, KS_SERVICE, _("Next")) == 2) {
		if (blank(k->d.summary)) {
			kiosk_hint(k, "what", thanks ? _("Write a few words about what went well.")
				   : _("Write a few words about what happened."));
			u->state.focus = ui_make_id(u, "what");
		} else {
			next_step(k, KS_WISH);
		}
	}
}

static void screen_wish(kiosk *k)
{
	ui_ctx *u = k->ui;
	if (k->d.kind == TL_KIND_COMPLIMENT) {
		const char *share = _("Yes, you can share what I said");
		kiosk_public_begin(k, 4, _("Can we share your kind words?"));
		ui_label(u, UI_FONT_BODY, false, _("We would never share your name."),
			 u->frame.theme.muted);
		ui_button_row(u, 1, &share, 1);
		ui_check(u, share, &k->d.consent);
	} else {
		kiosk_public_begin(k, 4, _("What would you like to happen?"));
		ui_field_label(u, NULL, _("You can skip this if you are not sure. For example: a "
					  "new meeting, or an apology."), NULL);
		ui_textfield(u, "wish", k->d.wish, sizeof k->d.wish, &k->d.wish_cur, 4, NULL);
	}
	if (kiosk_public_end(k, KS_WHAT, _("Next")) == 2)
		next_step(k, KS_CONTACT);
}

static void screen_contact(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_public_begin(k, 5, _("How can we reach you?"));
	ui_field_label(u, _("Phone number or email address"), _("You don't have to tell us. It "
							       "helps us reply to you."), NULL);
	ui_textfield(u, "contact", k->d.contact, sizeof k->d.contact, &k->d.contact_cur, 1, NULL);
	kiosk_names_fields(k);
	bool given = k->d.contact[0] || kiosk_names_given(k);
	if (kiosk_public_end(k, KS_WISH, given ? _("Next") : _("Skip")) == 2)
		next_step(k, KS_CHECK);
}

/* One answer on the check screen, with a link back to its step. */
static void answer(kiosk *k, const char *q, const char *a, const char *change, int step)
{
	ui_ctx *u = k->ui;
	ui_label(u, UI_FONT_SMALL, true, q, u->frame.theme.muted);
	ui_label(u, UI_FONT_BODY, false, a && *a ? a : _("(nothing)"), u->frame.theme.text);
	ui_button_row(u, ui_fit_cols(u, 3, ui_mm(u, 45.0f)), &change, 1);
	if (ui_button(u, change, UI_STYLE_QUIET)) {
		k->changing = true;
		kiosk_go(k, step);
	}
}

static void screen_check(kiosk *k)
{
	ui_ctx *u = k->ui;
	bool thanks = k->d.kind == TL_KIND_COMPLIMENT;
	k->changing = false;
	kiosk_public_begin(k, 6, _("Check and send"));
	answer(k, _("Who is telling us"), k->d.who >= 0 ? _(KIOSK_WHO_ANSWER[k->d.who]) : "",
	       _("Change who"), KS_WHO);
	answer(k, _("What it is about"), k->d.service >= 0 ?
	       _(k->services[k->d.service].plain) : "", _("Change what it is about"), KS_SERVICE);
	answer(k, thanks ? _("What went well") : _("What happened"), k->d.summary,
	       thanks ? _("Change what went well") : _("Change what happened"), KS_WHAT);
	if (thanks)
		answer(k, _("Can we share it?"), k->d.consent ? _("Yes") : _("No"),
		       _("Change sharing"), KS_WISH);
	else
		answer(k, _("What you would like"), k->d.wish, _("Change what you would like"),
		       KS_WISH);
	answer(k, _("How to reach you"), k->d.contact, _("Change how to reach you"), KS_CONTACT);
	char names[2 * KIOSK_NAME_MAX + 64];
	if (kiosk_names_given(k))
		answer(k, _("Names"), kiosk_names_answer(k, names, sizeof names), _("Change names"),
		       KS_CONTACT);
	if (k->d.advocacy)
		ui_label(u, UI_FONT_BODY, false, _("You would like someone to help you. We will "
						   "offer you an advocate."), u->frame.theme.text);
	if (kiosk_public_end(k, KS_CONTACT, _("Send")) == 2) {
		tl_err err;
		char msg[600];
		if (kiosk_submit(k, &err) == TL_OK) {
			kiosk_go(k, KS_RECEIPT);
		} else {
			snprintf(msg, sizeof msg, _("Sorry, that did not send: %.400s. Nothing was "
						    "stored. Please try again, or ask at the desk."), err.msg);
			kiosk_hint(k, NULL, msg);
		}
	}
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
	case KS_RECEIPT: kiosk_screen_receipt(k); break;
	case KS_TRACK: kiosk_screen_track(k); break;
	case KS_TALK: kiosk_screen_talk(k); break;
	case KS_EQUALITIES: kiosk_screen_equalities(k); break;
	default: kiosk_screen_unsafe(k); break;
	}
}
