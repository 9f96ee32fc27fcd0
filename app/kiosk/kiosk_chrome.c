/* kiosk_chrome.c - what every screen shares: the header ("Need help
 * now?" and "Hide" on public screens, "Sign out" for staff), the footer
 * with Back and Next, and the dialogs over a screen (help now, idle
 * warning). The body is laid out first so that Tab reaches the question
 * before the header. */
#include <stdio.h>
#include "kiosk.h"

static const char HELP[] = "Need help now?";
static const char HIDE[] = "Hide";

static int button_w(ui_ctx *u, const char *label)
{
	return ui_text_width(u, UI_FONT_BODY, true, label, -1) + 3 * u->frame.gap;
}

static const char *brand(const kiosk *k)
{
	return k->screen >= KS_STAFF && k->signed_in ? k->staff.name : "Tell us";
}

ui_rect kiosk_chrome(kiosk *k, const char *title, bool public_screen)
{
	ui_ctx *u = k->ui;
	(void)title;
	int right = public_screen ? button_w(u, HELP) + u->frame.gap + button_w(u, HIDE)
		: button_w(u, "Sign out");
	int brand_w = ui_text_width(u, UI_FONT_TITLE, true, brand(k), -1);
	bool one_row = 2 * u->frame.pad + brand_w + u->frame.gap + right <= u->set.w;
	int hh = one_row ? u->frame.target_h + 2 * u->frame.gap
		: 2 * u->frame.target_h + 3 * u->frame.gap;
	int fh = u->frame.target_h + 2 * u->frame.gap, osk = ui_osk_height(u);
	int max_w = u->frame.font_px[UI_FONT_BODY] * 48, bw = u->set.w - 2 * u->frame.pad;
	if (bw > max_w)
		bw = max_w;
	k->header = (ui_rect){ 0, 0, u->set.w, hh };
	k->footer = (ui_rect){ (u->set.w - bw) / 2, u->set.h - osk - fh, bw, fh };
	k->body = (ui_rect){ (u->set.w - bw) / 2, hh + u->frame.gap, bw,
			     k->footer.y - hh - u->frame.gap };
	return k->body;
}

static void header(kiosk *k, bool public_screen)
{
	ui_ctx *u = k->ui;
	ui_rect h = k->header;
	ui_draw_rect(u, h, u->frame.theme.panel, 0, 0);
	ui_draw_rect(u, (ui_rect){ 0, h.h - 2, u->set.w, 2 }, u->frame.theme.border, 0, 0);
	bool one_row = h.h < 2 * u->frame.target_h;
	int th = ui_line_height(u, UI_FONT_TITLE);
	int row_y = one_row ? h.y + u->frame.gap : h.y + 2 * u->frame.gap + u->frame.target_h;
	int brand_y = one_row ? h.y + (h.h - th) / 2
		: h.y + u->frame.gap + (u->frame.target_h - th) / 2;
	ui_draw_text(u, u->frame.pad, brand_y, UI_FONT_TITLE, true, brand(k), -1,
		     u->frame.theme.primary);
	ui_set_seed(u, 0x68656164u);
	if (public_screen) {
		int hide_w = button_w(u, HIDE), help_w = button_w(u, HELP);
		if (!one_row)
			help_w = u->set.w - 2 * u->frame.pad - u->frame.gap - hide_w;
		ui_rect hide = { u->set.w - u->frame.pad - hide_w, row_y, hide_w, u->frame.target_h };
		ui_rect help = { hide.x - u->frame.gap - help_w, row_y, help_w, u->frame.target_h };
		if (ui_button_at(u, help, HELP, UI_STYLE_DANGER))
			k->overlay = KO_HELP;
		if (ui_button_at(u, hide, HIDE, UI_STYLE_SECONDARY))
			kiosk_wipe(k);
	} else if (k->signed_in) {
		int w = button_w(u, "Sign out");
		if (ui_button_at(u, (ui_rect){ u->set.w - u->frame.pad - w, row_y, w, u->frame.target_h },
				 "Sign out", UI_STYLE_SECONDARY))
			kiosk_wipe(k);
	}
	ui_set_seed(u, 0);
}

int kiosk_footer(kiosk *k, const char *back_label, const char *next_label)
{
	ui_ctx *u = k->ui;
	ui_rect f = k->footer;
	int action = 0, bw = (f.w - u->frame.gap) / 2, max = ui_mm(u, 70.0f);
	if (bw > max && max > 0)
		bw = max > f.w / 4 ? max : f.w / 4;
	ui_set_seed(u, 0x666f6f74u);
	int y = f.y + u->frame.gap, h = u->frame.target_h;
	if (next_label && ui_button_at(u, (ui_rect){ f.x + f.w - bw, y, bw, h },
				       next_label, UI_STYLE_PRIMARY))
		action = 2;
	if (back_label && ui_button_at(u, (ui_rect){ f.x, y, bw, h },
				       back_label, UI_STYLE_SECONDARY))
		action = 1;
	ui_set_seed(u, 0);
	header(k, k->screen < KS_STAFF);
	if (back_label && k->overlay == KO_NONE && ui_key(u, UI_KEY_ESCAPE))
		action = 1;
	return action;
}

static void help_dialog(kiosk *k)
{
	ui_ctx *u = k->ui;
	char council[160];
	int lh = ui_line_height(u, UI_FONT_BODY);
	ui_dialog_begin(u, "Need help now?", 11 * lh + 2 * u->frame.target_h);
	ui_label(u, UI_FONT_BODY, true, "If you are in danger right now, call 999.",
		 u->frame.theme.text);
	ui_label(u, UI_FONT_BODY, false, "Childline: call 0800 1111. It is free, private and "
		 "open day and night.", u->frame.theme.text);
	if (k->phone[0]) {
		snprintf(council, sizeof council, "Talk to us: call %s.", k->phone);
		ui_label(u, UI_FONT_BODY, false, council, u->frame.theme.text);
	}
	ui_label(u, UI_FONT_BODY, false, "You can also tell someone at the desk.",
		 u->frame.theme.muted);
	ui_row(u, 1, 0);
	if (ui_button(u, "Close", UI_STYLE_PRIMARY) || ui_key(u, UI_KEY_ESCAPE))
		k->overlay = KO_NONE;
	ui_dialog_end(u);
}

static void idle_dialog(kiosk *k)
{
	ui_ctx *u = k->ui;
	char msg[200];
	uint64_t idle = k->clock(k->clock_arg) - k->last_input;
	long left = (long)k->idle_seconds - (long)(idle / 1000);
	int lh = ui_line_height(u, UI_FONT_BODY);
	ui_dialog_begin(u, "Are you still there?", 7 * lh + 2 * u->frame.target_h);
	snprintf(msg, sizeof msg, "To keep your words private, this screen will clear in %ld "
		 "seconds.", left > 0 ? left : 0);
	ui_label(u, UI_FONT_BODY, false, msg, u->frame.theme.text);
	ui_row(u, 1, 0);
	if (ui_button(u, "I need more time", UI_STYLE_PRIMARY) || ui_key(u, UI_KEY_ESCAPE)) {
		k->overlay = KO_NONE;
		k->last_input = k->clock(k->clock_arg);
	}
	ui_dialog_end(u);
}

void kiosk_overlays(kiosk *k)
{
	if (k->overlay == KO_HELP)
		help_dialog(k);
	else if (k->overlay == KO_IDLE)
		idle_dialog(k);
}
