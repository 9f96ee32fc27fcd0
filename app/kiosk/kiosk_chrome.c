/* kiosk_chrome.c - what every screen shares: the header ("Listen", "Need
 * help now?" and "Hide" on public screens, "Sign out" for staff), the footer
 * with Back and Next, and the dialogs over a screen (help now, the idle
 * warning). The body is laid out first so that Tab reaches the question
 * before the header. The header takes one row where the name and its
 * buttons fit side by side; else a public screen drops the name (its
 * question says where you are) and a staff screen takes two rows. A label
 * that cannot fit on one line makes its button taller, never shorter of
 * words. */
#include <stdio.h>
#include "kiosk.h"

/* Staff screens are in English (language() in kiosk_app.c). */
static const char SIGN_OUT[] = NT_("Sign out");

typedef struct {
	const char *help, *hide, *listen;
	ui_rect brand, help_r, hide_r, listen_r, sign_out;
	int h;
} chrome_layout;

/* A header button's width: its label's, and never under a touch target
 * however short the word ("ਸੁਣੋ", Listen in Panjabi). */
static int button_w(ui_ctx *u, const char *label)
{
	int w = ui_text_width(u, UI_FONT_BODY, true, label, -1) + 2 * u->frame.gap;
	return w > u->frame.target_h ? w : u->frame.target_h;
}

static const char *brand(const kiosk *k)
{
	/* TRANSLATORS: the kiosk's name, at the top of every public screen. */
	return k->screen >= KS_STAFF && k->signed_in ? k->staff.name : _("Tell us");
}

/* The header's buttons, right to left: Hide, Need help now?, Listen (the
 * screen read aloud). On a phone the name goes, then Need help now?
 * wraps onto two lines rather than lose a word. */
static void lay_out(kiosk *k, bool public_screen, chrome_layout *l)
{
	ui_ctx *u = k->ui;
	int pad = u->frame.pad, gap = u->frame.gap, inner = u->set.w - 2 * pad;
	l->help = _("Need help now?"), l->hide = _("Hide");
	/* TRANSLATORS: a button that reads the screen aloud. */
	l->listen = _("Listen");
	int help_w = button_w(u, l->help), hide_w = button_w(u, l->hide);
	int listen_w = public_screen ? button_w(u, l->listen) : 0, out_w = button_w(u, SIGN_OUT);
	int right = public_screen ? listen_w + gap + help_w + gap + hide_w : k->signed_in ? out_w : 0;
	int brand_w = ui_text_width(u, UI_FONT_TITLE, true, brand(k), -1);
	int brand_h = ui_line_height(u, UI_FONT_TITLE), row_y, bh;
	if (public_screen && brand_w + gap + right > inner) {
		/* A phone: each public screen's question says where they are. */
		if (listen_w + gap + help_w + gap + hide_w > inner)
			help_w = inner - 2 * gap - hide_w - listen_w;
		l->brand = (ui_rect){ pad, gap, 0, 0 };
		row_y = gap;
		bh = ui_button_height(u, help_w, l->help);
		int lh = ui_button_height(u, listen_w, l->listen);
		bh = lh > bh ? lh : bh;
	} else if (brand_w + gap + right <= inner) {
		bh = u->frame.target_h > brand_h ? u->frame.target_h : brand_h;
		row_y = gap;
		l->brand = (ui_rect){ pad, gap, brand_w, bh };
	} else {
		int lines = ui_wrap(u, UI_FONT_TITLE, true, brand(k), inner, NULL, NULL);
		l->brand = (ui_rect){ pad, gap, inner, lines * brand_h };
		row_y = 2 * gap + l->brand.h;
		bh = u->frame.target_h;
	}
	l->hide_r = (ui_rect){ u->set.w - pad - hide_w, row_y, hide_w, bh };
	l->help_r = (ui_rect){ l->hide_r.x - gap - help_w, row_y, help_w, bh };
	l->listen_r = (ui_rect){ l->help_r.x - gap - listen_w, row_y, listen_w, bh };
	l->sign_out = (ui_rect){ u->set.w - pad - out_w, row_y, out_w, bh };
	l->h = row_y + bh + gap;
}

ui_rect kiosk_chrome(kiosk *k, const char *title, bool public_screen)
{
	ui_ctx *u = k->ui;
	chrome_layout l;
	(void)title;
	lay_out(k, public_screen, &l);
	int fh = k->footer_shown ? u->frame.target_h + 2 * u->frame.gap : 0;
	/* The keyboard only where the question and its field still show. */
	int keep = l.h + fh + 3 * u->frame.target_h;
	if (keep != u->state.keep_h) {
		u->state.keep_h = keep;
		u->out.redraw = true;
	}
	int osk = ui_osk_height(u);
	int max_w = u->frame.font_px[UI_FONT_BODY] * 48, bw = u->set.w - 2 * u->frame.pad;
	if (bw > max_w)
		bw = max_w;
	k->header = (ui_rect){ 0, 0, u->set.w, l.h };
	k->footer = (ui_rect){ (u->set.w - bw) / 2, u->set.h - osk - fh, bw, fh };
	k->body = (ui_rect){ (u->set.w - bw) / 2, l.h + u->frame.gap, bw,
			     k->footer.y - l.h - u->frame.gap - (fh ? 0 : u->frame.gap) };
	return k->body;
}

static void header(kiosk *k, bool public_screen)
{
	ui_ctx *u = k->ui;
	chrome_layout l;
	lay_out(k, public_screen, &l);
	ui_draw_rect(u, k->header, u->frame.theme.panel, 0, 0);
	ui_draw_rect(u, (ui_rect){ 0, k->header.h - 2, u->set.w, 2 }, u->frame.theme.border, 0, 0);
	if (l.brand.w > 0)
		ui_text_in(u, l.brand, UI_FONT_TITLE, true, brand(k), u->frame.theme.primary, false);
	ui_set_seed(u, 0x68656164u);
	if (public_screen) {
		if (ui_button_at(u, l.listen_r, l.listen, UI_STYLE_SECONDARY))
			k->speak = true;
		if (ui_button_at(u, l.help_r, l.help, UI_STYLE_DANGER))
			k->overlay = KO_HELP;
		if (ui_button_at(u, l.hide_r, l.hide, UI_STYLE_SECONDARY)) {
			kiosk_wipe(k);
			kiosk_go(k, KS_HIDDEN);
		}
	} else if (k->signed_in && ui_button_at(u, l.sign_out, SIGN_OUT, UI_STYLE_SECONDARY)) {
		kiosk_wipe(k);
	}
	ui_set_seed(u, 0);
}

/* A footer with no button takes no room: the body runs on below (the
 * change shows from the next frame, which kiosk_frame builds at once). */
int kiosk_footer(kiosk *k, const char *back_label, const char *next_label)
{
	ui_ctx *u = k->ui;
	ui_rect f = k->footer;
	int action = 0, bw = (f.w - u->frame.gap) / 2, max = ui_mm(u, 70.0f);
	bool shown = back_label || next_label;
	if (shown != k->footer_shown) {
		k->footer_shown = shown;
		u->out.redraw = true;
	}
	if (bw > max && max > 0)
		bw = max > f.w / 4 ? max : f.w / 4;
	ui_set_seed(u, 0x666f6f74u);
	int y = f.y + u->frame.gap, h = u->frame.target_h;
	if (shown && f.h > 0) {
		if (next_label && ui_button_at(u, (ui_rect){ f.x + f.w - bw, y, bw, h },
					       next_label, UI_STYLE_PRIMARY))
			action = 2;
		if (back_label && ui_button_at(u, (ui_rect){ f.x, y, bw, h },
					       back_label, UI_STYLE_SECONDARY))
			action = 1;
	}
	ui_set_seed(u, 0);
	header(k, k->screen < KS_STAFF);
	if (back_label && k->overlay == KO_NONE && ui_key(u, UI_KEY_ESCAPE))
		action = 1;
	return action;
}

/* Where to get help now, for a child and for a parent; and a way to tell
 * the staff here, which says afterwards whether anyone was told. */
static void help_dialog(kiosk *k)
{
	ui_ctx *u = k->ui;
	const ui_theme *t = &u->frame.theme;
	char line[400], iso[80], iso2[160];
	int lh = ui_line_height(u, UI_FONT_BODY);
	const char *tell = _("Tell the staff");
	ui_dialog_begin(u, _("Need help now?"), 14 * lh + 3 * u->frame.target_h);
	ui_label(u, UI_FONT_BODY, true, _("If you are in danger right now, call 999."), t->text);
	ui_label(u, UI_FONT_BODY, false, _("Childline: call 0800 1111 or go to childline.org.uk. "
					   "It is free and private, day and night."), t->text);
	ui_label(u, UI_FONT_BODY, false, _("You can tell someone at the desk, or let the staff "
					   "know from here."), t->text);
	ui_row(u, 1, ui_button_height(u, u->frame.body.w, tell));
	if (ui_button(u, tell, UI_STYLE_SECONDARY) && !k->sample) {
		tl_err err;
		k->overlay = KO_NONE;
		kiosk_go(k, KS_UNSAFE);
		if (kiosk_flag_unsafe(k, &err))
			kiosk_hint(k, NULL, _("Sorry, that did not work. Please tell someone at the "
					      "desk now."));
	}
	/* A phone number or an email address keeps its own order in a
	 * right-to-left sentence: each is isolated (U+2066 ... U+2069). */
	if (k->phone[0] && k->email[0])
		snprintf(line, sizeof line, _("Parents and carers: call us on %s or email %s."),
			 lang_isolate(k->phone, iso, sizeof iso),
			 lang_isolate(k->email, iso2, sizeof iso2));
	else if (k->phone[0])
		snprintf(line, sizeof line, _("Parents and carers: call us on %s."),
			 lang_isolate(k->phone, iso, sizeof iso));
	else if (k->email[0])
		snprintf(line, sizeof line, _("Parents and carers: email us at %s."),
			 lang_isolate(k->email, iso, sizeof iso));
	else
		snprintf(line, sizeof line, "%s", _("Parents and carers: ask at the desk how to "
						    "reach us."));
	ui_label(u, UI_FONT_BODY, false, line, t->muted);
	ui_row(u, 1, 0);
	if (ui_button(u, _("Close"), UI_STYLE_PRIMARY) || ui_key(u, UI_KEY_ESCAPE))
		k->overlay = KO_NONE;
	ui_dialog_end(u);
}

static void idle_dialog(kiosk *k)
{
	const char *buttons[] = { _("I need more time"), _("Clear now") };
	ui_ctx *u = k->ui;
	char msg[200];
	uint64_t idle = k->clock(k->clock_arg) - k->last_input;
	long left = (long)k->idle_seconds - (long)(idle / 1000);
	int lh = ui_line_height(u, UI_FONT_BODY);
	/* The warning hides the screen: whoever comes by reads nothing. */
	ui_draw_rect(u, (ui_rect){ 0, 0, u->set.w, u->set.h }, u->frame.theme.bg, 0, 0);
	left = left > 0 ? left : 0;
	ui_dialog_begin(u, _("Are you still there?"), 7 * lh + 2 * u->frame.target_h);
	snprintf(msg, sizeof msg, NG_("To keep your words private, this screen will clear in "
				      "%ld second.", "To keep your words private, this screen will "
				      "clear in %ld seconds.", (unsigned long)left), left);
	ui_label(u, UI_FONT_BODY, false, msg, u->frame.theme.text);
	ui_button_row(u, ui_fit_cols(u, 2, ui_mm(u, 45.0f)), buttons, 2);
	if (ui_button(u, buttons[0], UI_STYLE_PRIMARY) || ui_key(u, UI_KEY_ESCAPE)) {
		k->overlay = KO_NONE;
		k->last_input = k->clock(k->clock_arg);
	}
	if (ui_button(u, buttons[1], UI_STYLE_SECONDARY))
		kiosk_wipe(k);
	ui_dialog_end(u);
}

void kiosk_overlays(kiosk *k)
{
	if (k->overlay == KO_HELP)
		help_dialog(k);
	else if (k->overlay == KO_IDLE)
		idle_dialog(k);
	else if (k->overlay == KO_CONFIRM)
		kiosk_confirm_dialog(k);
}
