/* kiosk_sync.c - the device and its register, on the staff screens (SPEC
 * 11): what is waiting to go to the register and when its last reply
 * came, so that sync silently not running is seen by the people at the
 * device; a warning when words wait with no reply for more than a day;
 * and, on an officer's or desk device, the cases the register sent back.
 * A file that has not joined a register shows none of it. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"
#include "tellus/sync.h"

/* Days from a reply's UTC time ("2026-01-21T14:02:19Z") to today. */
static int days_since(const char *at, tl_date today)
{
	char day[TL_DATE_LEN];
	tl_date d;
	snprintf(day, sizeof day, "%.10s", at);
	return date_parse(day, &d, "", NULL) == TL_OK ? (int)(today - d) : 0;
}

static void sample_status(tl_sync_status *s)
{
	memset(s, 0, sizeof *s);
	s->device = true;
	snprintf(s->self.code, sizeof s->self.code, "K2");
	s->self.role = SYNC_ROLE_OFFICER;
	s->waiting = 3;
	s->waiting_cases = 2;
	s->from_register = 4;
	snprintf(s->last_reply, sizeof s->last_reply, "2026-01-14T16:40:00Z");
}

/* The status, read once for each screen it is shown on. */
static const tl_sync_status *status(kiosk *k)
{
	tl_err err;
	if (k->sync_for == k->screen)
		return &k->sync;
	k->sync_for = k->screen;
	if (k->sample)
		sample_status(&k->sync);
	else if (!k->st || sync_status(k->st, &k->sync, &err))
		memset(&k->sync, 0, sizeof k->sync);
	return &k->sync;
}

void kiosk_sync_status(kiosk *k)
{
	ui_ctx *u = k->ui;
	const tl_sync_status *s = status(k);
	char line[200];

	if (!s->device)
		return;
	ui_space(u, u->frame.gap);
	ui_label(u, UI_FONT_LARGE, true, "The register", u->frame.theme.text);
	if (s->waiting)
		snprintf(line, sizeof line, "Waiting to go to the register: %lld change%s to %ld case%s",
			 s->waiting, s->waiting == 1 ? "" : "s", s->waiting_cases,
			 s->waiting_cases == 1 ? "" : "s");
	else
		snprintf(line, sizeof line, "Nothing is waiting to go to the register");
	ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.text);
	tl_date today = k->st ? store_today(k->st) : date_from_ymd(2026, 1, 15);
	int days = s->last_reply[0] ? days_since(s->last_reply, today) : 0;
	if (s->last_reply[0])
		snprintf(line, sizeof line, "Last reply from the register: %.10s at %.5s (UTC)",
			 s->last_reply, s->last_reply + 11);
	else
		snprintf(line, sizeof line, "No reply from the register yet");
	bool late = s->waiting && (!s->last_reply[0] || days > 1);
	ui_label(u, UI_FONT_BODY, late, line, late ? u->frame.theme.danger : u->frame.theme.muted);
	if (late)
		ui_label(u, UI_FONT_BODY, true, "Records are waiting: sync this device with the register "
			 "(tellus sync out)", u->frame.theme.danger);
	if (s->refused) {
		snprintf(line, sizeof line, "The register kept %ld of this device's changes for review",
			 s->refused);
		ui_label(u, UI_FONT_BODY, false, line, u->frame.theme.muted);
	}
	if (s->self.role == SYNC_ROLE_KIOSK)
		return;
	snprintf(line, sizeof line, "Cases from the register (%ld)", s->from_register);
	ui_row(u, 1, 0);
	if (ui_button(u, line, UI_STYLE_SECONDARY))
		kiosk_go(k, KS_SYNC);
}

static int add_taken(const char *ref, const char *at, void *arg)
{
	kiosk *k = arg;
	tl_err err;
	tl_case c;
	char due[TL_DATE_LEN] = "";

	if (k->n_rows >= KIOSK_ROWS)
		return 1;
	if (case_get(k->st, ref, &c, &err))
		return 0;
	kiosk_row *r = &k->rows[k->n_rows++];
	memset(r, 0, sizeof *r);
	snprintf(r->ref, sizeof r->ref, "%s", c.ref);
	snprintf(r->title, sizeof r->title, "%s  %s", c.ref, c.service_area ? c.service_area : "");
	const tl_stage *st = case_current_stage(&c);
	if (st && st->responded == TL_NO_DATE) {
		date_format(st->extended ? st->max_due : st->due, due);
		snprintf(r->detail, sizeof r->detail, "Stage %d, due %s; as of %.10s",
			 st->number, due, at);
	} else {
		snprintf(r->detail, sizeof r->detail, "%s; as of %.10s",
			 st ? "Answered" : words_label(&WS_KIND, c.kind), at);
	}
	case_clear(&c);
	return 0;
}

static void load(kiosk *k)
{
	tl_err err;
	if (k->rows_for == k->screen)
		return;
	k->rows_for = k->screen;
	k->n_rows = 0;
	if (k->sample) {
		static const char *const REFS[] = { "K2-26-0417-X", "R1-26-0032-4" };
		for (int i = 0; i < 2; i++) {
			kiosk_row *r = &k->rows[k->n_rows++];
			memset(r, 0, sizeof *r);
			snprintf(r->ref, sizeof r->ref, "%s", REFS[i]);
			snprintf(r->title, sizeof r->title, "%s  Fostering", REFS[i]);
			snprintf(r->detail, sizeof r->detail, "Stage 1, due 2026-01-29; as of "
				 "2026-01-14");
		}
	} else if (sync_taken_list(k->st, add_taken, k, &err)) {
		snprintf(k->hint, sizeof k->hint, "%s", err.msg);
	}
}

void kiosk_screen_sync(kiosk *k)
{
	ui_ctx *u = k->ui;
	load(k);
	kiosk_staff_begin(k, "Cases from the register");
	ui_label(u, UI_FONT_BODY, false, "As the register had them at its last reply",
		 u->frame.theme.muted);
	if (!k->n_rows)
		ui_label(u, UI_FONT_BODY, false, "None yet.", u->frame.theme.muted);
	ui_row(u, 1, u->frame.tile_h);
	for (int i = 0; i < k->n_rows; i++) {
		ui_set_seed(u, (ui_id)i + 1);
		if (ui_list_item(u, k->rows[i].title, k->rows[i].detail, k->rows[i].badge)) {
			snprintf(k->case_ref, sizeof k->case_ref, "%s", k->rows[i].ref);
			k->have_cur = false;
			kiosk_go(k, KS_CASE);
		}
	}
	ui_set_seed(u, 0);
	kiosk_staff_end(k, KS_OFFICER, NULL);
}
