/* kiosk_staff.c - the staff side, behind a PIN: choosing who you are, the
 * PIN pad, the officer's home (safety concerns first, log on behalf of a
 * child, own cases) and the frame of every staff screen. A case itself is
 * kiosk_case.c's; the manager's list and moves kiosk_manage.c's. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* A staff screen's title, then what the last move said: a success in
 * its colour or a problem in red, at the top where it is seen. */
ui_rect kiosk_staff_begin(kiosk *k, const char *title)
{
	ui_ctx *u = k->ui;
	ui_rect b = kiosk_chrome(k, NULL, false);
	ui_body_begin(u, b);
	ui_label(u, UI_FONT_TITLE, true, title, u->frame.theme.text);
	if (k->hint[0])
		ui_notice(u, k->hint, k->hint_ok ? UI_NOTICE_SUCCESS : UI_NOTICE_PROBLEM);
	return b;
}

/* back_to: a screen; -1 Back leaves staff mode (the sign-in screens);
 * below -1 no Back (a home screen: "Sign out" is in the header). */
int kiosk_staff_end(kiosk *k, int back_to, const char *next)
{
	ui_body_end(k->ui);
	int a = kiosk_footer(k, back_to >= -1 ? "Back" : NULL, next);
	if (a == 1) {
		if (back_to < 0)
			kiosk_wipe(k);
		else
			kiosk_go(k, back_to);
	}
	return a;
}

static int add_staff_row(const tl_staff *m, void *arg)
{
	kiosk *k = arg;
	if (k->n_rows >= KIOSK_ROWS)
		return 1;
	kiosk_row *r = &k->rows[k->n_rows++];
	memset(r, 0, sizeof *r);
	snprintf(r->title, sizeof r->title, "%s", m->name);
	snprintf(r->detail, sizeof r->detail, "%s", words_label(&WS_ROLE, m->role));
	return 0;
}

static void load_once(kiosk *k, int what)
{
	tl_err err;
	if (k->rows_for == k->screen || k->sample)
		return;
	k->rows_for = k->screen;
	k->n_rows = 0;
	int rc = what == KS_STAFF ? staff_list(k->st, add_staff_row, k, &err)
		: kiosk_load_rows(k, what != KS_MANAGER, &err);
	if (rc)
		kiosk_hint(k, NULL, err.msg);
}

static void screen_pick(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *names[KIOSK_ROWS], *roles[KIOSK_ROWS];
	load_once(k, KS_STAFF);
	kiosk_staff_begin(k, "Staff sign in");
	if (!k->n_rows)
		ui_label(u, UI_FONT_BODY, false, "No staff yet. Add one with: tellus staff add NAME "
			 "--role officer", u->frame.theme.muted);
	for (int i = 0; i < k->n_rows; i++)
		names[i] = k->rows[i].title, roles[i] = k->rows[i].detail;
	ui_tile_row(u, ui_fit_cols(u, k->n_rows, ui_mm(u, 60.0f)), names, roles, k->n_rows);
	for (int i = 0; i < k->n_rows; i++)
		if (ui_tile(u, names[i], roles[i], false)) {
			snprintf(k->pick, sizeof k->pick, "%s", k->rows[i].title);
			memset(k->pin, 0, sizeof k->pin);
			kiosk_go(k, KS_PIN);
		}
	kiosk_staff_end(k, -1, NULL);
}

static void pin_key(kiosk *k, const char *key)
{
	size_t n = strlen(k->pin);
	if (strcmp(key, "\xE2\x8C\xAB") == 0) {
		if (n)
			k->pin[n - 1] = '\0';
	} else if (n < STAFF_PIN_MAX && key[0] >= '0' && key[0] <= '9') {
		k->pin[n] = key[0];
	}
}

static void sign_in(kiosk *k)
{
	tl_err err;
	long long now = (long long)(k->clock(k->clock_arg) / 1000);
	store_set_actor(k->st, "kiosk");
	int rc = staff_sign_in(k->st, k->pick, k->pin, now, &k->staff, &err);
	memset(k->pin, 0, sizeof k->pin);
	if (rc) {
		kiosk_hint(k, NULL, err.msg);
		return;
	}
	k->signed_in = true;
	store_set_actor(k->st, k->staff.name);
	kiosk_go(k, k->staff.role == TL_ROLE_OFFICER ? KS_OFFICER : KS_MANAGER);
}

static void screen_pin(kiosk *k)
{
	static const char *const KEYS[] = { "1", "2", "3", "4", "5", "6", "7", "8", "9",
					    "\xE2\x8C\xAB", "0", "OK" };
	ui_ctx *u = k->ui;
	char title[128], dots[64] = "";
	snprintf(title, sizeof title, "PIN for %s", k->pick);
	kiosk_staff_begin(k, title);
	for (size_t i = 0; k->pin[i] && i < 12; i++)
		strcat(dots, "\xE2\x97\x8F "); /* a dot per digit, never the digit */
	ui_label(u, UI_FONT_HUGE, true, dots[0] ? dots : " ", u->frame.theme.text);
	for (const char *p = u->in.text_in; *p; p++)
		pin_key(k, (char[]){ *p, 0 });
	if (ui_key(u, UI_KEY_BACKSPACE))
		pin_key(k, "\xE2\x8C\xAB");
	int kw = ui_mm(u, 22.0f) > u->frame.tile_h ? ui_mm(u, 22.0f) : u->frame.tile_h;
	int cols = 3, w = 3 * kw + 2 * u->frame.gap, inner = u->frame.body.w - u->frame.gap;
	if (w > inner)
		w = inner;
	ui_row(u, cols, u->frame.tile_h);
	bool ok = ui_key(u, UI_KEY_ENTER) && u->state.focus == 0;
	for (int i = 0; i < 12; i++) {
		ui_rect r = ui_next(u);
		r.w = (w - 2 * u->frame.gap) / 3;
		r.x = u->frame.body.x + (inner - w) / 2 + (i % 3) * (r.w + u->frame.gap);
		if (ui_button_at(u, r, KEYS[i], i == 11 ? UI_STYLE_PRIMARY : UI_STYLE_SECONDARY)) {
			if (i == 11)
				ok = true;
			else
				pin_key(k, KEYS[i]);
		}
	}
	if (ok)
		sign_in(k);
	kiosk_staff_end(k, KS_STAFF, NULL);
}

void kiosk_log_for_a_child(kiosk *k)
{
	memset(&k->d, 0, sizeof k->d);
	k->d.kind = k->d.who = k->d.service = -1;
	k->from_safety[0] = '\0';
	kiosk_go(k, KS_START);
}

/* The officer's home: safety concerns first (any officer may be the one
 * nearest), then what they came to do. */
static void screen_officer(kiosk *k)
{
	static const char *const TILES[] = { "Log for a child", "My cases" };
	static const char *const DETAILS[] = { "A complaint or compliment on their behalf",
					       "The cases I logged and when they are due" };
	ui_ctx *u = k->ui;
	load_once(k, KS_OFFICER);
	kiosk_staff_begin(k, "What would you like to do?");
	ui_tile_row(u, ui_fit_cols(u, 2, ui_mm(u, 55.0f)), TILES, DETAILS, 2);
	if (ui_tile(u, TILES[0], DETAILS[0], false))
		kiosk_log_for_a_child(k);
	if (ui_tile(u, TILES[1], DETAILS[1], false))
		kiosk_go(k, KS_CASES);
	for (int i = k->n_rows - 1; i >= 0; i--) /* only the safety concerns here */
		if (k->rows[i].section != KR_FLAGGED)
			k->n_rows = i;
	kiosk_rows(k);
	kiosk_sync_status(k);
	kiosk_staff_end(k, -2, NULL);
}

static void screen_cases(kiosk *k)
{
	load_once(k, KS_CASES);
	kiosk_staff_begin(k, "My cases");
	if (!k->n_rows)
		ui_label(k->ui, UI_FONT_BODY, false, "Nothing here yet.", k->ui->frame.theme.muted);
	kiosk_rows(k);
	kiosk_staff_end(k, KS_OFFICER, NULL);
}

void kiosk_screen_staff(kiosk *k)
{
	if (k->screen > KS_PIN && !k->signed_in && !k->sample) {
		kiosk_wipe(k);
		return;
	}
	switch (k->screen) {
	case KS_STAFF: screen_pick(k); break;
	case KS_PIN: screen_pin(k); break;
	case KS_OFFICER: screen_officer(k); break;
	case KS_CASES: screen_cases(k); break;
	case KS_MANAGER: case KS_PAUSE: case KS_CAUSES: case KS_ACTION:
		kiosk_screen_manage(k);
		break;
	case KS_CASE: kiosk_screen_case(k); break;
	case KS_RESPOND: kiosk_screen_respond(k); break;
	case KS_EXTEND: kiosk_screen_extend(k); break;
	case KS_HANDLED: kiosk_screen_handled(k); break;
	case KS_SYNC: kiosk_screen_sync(k); break;
	case KS_EDIT: kiosk_screen_edit(k); break;
	default: kiosk_wipe(k); break;
	}
}
