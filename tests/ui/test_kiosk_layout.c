/* test_kiosk_layout.c - every screen at 360x640, 768x1024, 1280x800 and
 * 1920x1080 (and with large text), checked on the command list alone: no
 * control overlaps another or leaves the window, every text stays inside
 * the window and inside the control it labels, touch targets are at least
 * 9 mm and choice tiles at least 12 mm at the screen's density. */
#include "kiosk_test.h"

static const int SIZES[][2] = { { 360, 640 }, { 768, 1024 }, { 1280, 800 }, { 1920, 1080 } };

static bool inside(ui_rect in, ui_rect r)
{
	return r.x >= in.x && r.y >= in.y && r.x + r.w <= in.x + in.w && r.y + r.h <= in.y + in.h;
}

static ui_rect clip_to(ui_rect r, ui_rect c)
{
	int x0 = r.x > c.x ? r.x : c.x, y0 = r.y > c.y ? r.y : c.y;
	int x1 = r.x + r.w < c.x + c.w ? r.x + r.w : c.x + c.w;
	int y1 = r.y + r.h < c.y + c.h ? r.y + r.h : c.y + c.h;
	return (ui_rect){ x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0 };
}

static void check_controls(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	ui_rect win = { 0, 0, u->set.w, u->set.h };
	int min = ui_mm(u, UI_MIN_TARGET_MM), tile = ui_mm(u, UI_MIN_TILE_MM);
	for (int i = 0; i < u->out.n_ctrls; i++) {
		const ui_control *a = &u->out.ctrls[i];
		if (!inside(win, a->clip) || a->rect.x < 0 || a->rect.x + a->rect.w > u->set.w)
			fail_msg("%s: '%s' leaves the window", what, a->label);
		if (a->rect.h < min || a->rect.w < min)
			fail_msg("%s: '%s' is %dx%d px, under 9 mm (%d px)", what, a->label,
				 a->rect.w, a->rect.h, min);
		if (a->role == UI_ROLE_TILE && a->rect.h < tile)
			fail_msg("%s: tile '%s' is %d px tall, under 12 mm", what, a->label, a->rect.h);
		ui_rect va = clip_to(a->rect, a->clip);
		for (int j = i + 1; j < u->out.n_ctrls && va.h > 0; j++) {
			const ui_control *b = &u->out.ctrls[j];
			ui_rect vb = clip_to(b->rect, b->clip);
			if (a->layer == b->layer && vb.h > 0 && ui_rect_overlaps(va, vb))
				fail_msg("%s: '%s' overlaps '%s'", what, a->label, b->label);
		}
	}
}

/* Text belongs to the innermost control whose rectangle holds its start. */
static void check_texts(kt *t, const char *what)
{
	ui_ctx *u = t->k->ui;
	ui_rect clip = { 0, 0, u->set.w, u->set.h };
	for (int i = 0; i < u->out.n_cmds; i++) {
		const ui_cmd *c = &u->out.cmds[i];
		if (c->type == UI_CMD_CLIP)
			clip = c->rect;
		if (c->type != UI_CMD_TEXT)
			continue;
		ui_rect vis = clip_to(c->rect, clip);
		if (vis.w == 0 || vis.h == 0)
			continue; /* scrolled out of view */
		if (c->rect.x < 0 || c->rect.x + c->rect.w > u->set.w)
			fail_msg("%s: text '%.40s' is cut off at the side", what, c->text);
		if (vis.w < c->rect.w)
			fail_msg("%s: text '%.40s' is clipped sideways", what, c->text);
		for (int j = 0; j < u->out.n_ctrls; j++) {
			const ui_control *k = &u->out.ctrls[j];
			ui_rect kv = clip_to(k->rect, k->clip);
			if (!ui_rect_contains(kv, c->rect.x, c->rect.y + c->rect.h / 2) ||
			    k->role == UI_ROLE_FIELD)
				continue;
			if (c->rect.x + c->rect.w > k->rect.x + k->rect.w ||
			    c->rect.y < k->rect.y || c->rect.y + c->rect.h > k->rect.y + k->rect.h)
				fail_msg("%s: text '%.40s' runs out of '%s'", what, c->text, k->label);
		}
	}
}

static void every_screen(kt *t, bool large)
{
	char what[96];
	for (size_t s = 0; s < sizeof SIZES / sizeof SIZES[0]; s++) {
		for (const char *const *n = KIOSK_SAMPLE_NAMES; *n; n++) {
			assert_true(kiosk_sample(t->k, *n) >= 0);
			t->k->ui->set.large_text = large;
			kt_size(t, SIZES[s][0], SIZES[s][1]);
			snprintf(what, sizeof what, "%s at %dx%d%s", *n, SIZES[s][0], SIZES[s][1],
				 large ? " (large text)" : "");
			assert_false(t->k->ui->out.overflow);
			assert_true(t->k->ui->out.n_ctrls > 0);
			check_controls(t, what);
			check_texts(t, what);
		}
	}
}

static void every_screen_fits_every_size(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	every_screen(t, false);
	kt_free(t);
}

static void every_screen_fits_every_size_with_large_text(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	every_screen(t, true);
	kt_free(t);
}

static void keyboard_reaches_every_control_and_shows_a_focus_ring(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	kiosk_sample(t->k, "start");
	kt_size(t, 1280, 800);
	int n = t->k->ui->out.n_ctrls;
	ui_id seen[UI_MAX_CTRLS];
	for (int i = 0; i < n; i++) {
		kt_key(t, SDLK_TAB, 0);
		seen[i] = t->k->ui->state.focus;
		for (int j = 0; j < i; j++)
			assert_true(seen[j] != seen[i]);
	}
	kt_key(t, SDLK_TAB, 0);
	assert_true(t->k->ui->state.focus == seen[0]); /* wraps round */
	bool ring = false;
	for (int i = 0; i < t->k->ui->out.n_cmds; i++) {
		const ui_cmd *c = &t->k->ui->out.cmds[i];
		ui_color f = t->k->ui->frame.theme.focus;
		ring |= c->type == UI_CMD_RECT && c->border > 0 && c->color.r == f.r &&
			c->color.g == f.g && c->color.b == f.b;
	}
	assert_true(ring);
	kt_free(t);
}

static void high_contrast_changes_the_colours(void **state)
{
	(void)state;
	kt *t = kt_new(false);
	kiosk_sample(t->k, "start");
	kt_size(t, 1280, 800);
	ui_color calm = t->k->ui->out.cmds[0].color;
	t->k->ui->set.high_contrast = true;
	kiosk_frame(t->k);
	ui_color dark = t->k->ui->out.cmds[0].color;
	assert_true(calm.r != dark.r);
	assert_int_equal(dark.r, 0);
	kt_free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_screen_fits_every_size),
		cmocka_unit_test(every_screen_fits_every_size_with_large_text),
		cmocka_unit_test(keyboard_reaches_every_control_and_shows_a_focus_ring),
		cmocka_unit_test(high_contrast_changes_the_colours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
