/* kiosk_edit.c - "Correct details" on a manager's case screen: the fields
 * a manager corrects most (the service area, who complained, the names,
 * consent to publish a compliment) and the reason, saved through
 * case_edit, the same move as `tellus edit`: each change audited with its
 * old and new value, all of them or none (one transaction). */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

/* Opens the screen with the case's fields as they are. */
void kiosk_edit_open(kiosk *k)
{
	const tl_case *c = &k->cur;
	memset(&k->fix, 0, sizeof k->fix);
	k->fix.service = -1;
	for (int i = 0; i < k->n_services; i++)
		if (c->service_area && strcmp(k->services[i].area, c->service_area) == 0)
			k->fix.service = i;
	k->fix.who = c->complainant;
	k->fix.consent = c->consent_to_publish;
	snprintf(k->fix.complainant_name, sizeof k->fix.complainant_name, "%s",
		 c->complainant_name ? c->complainant_name : "");
	snprintf(k->fix.child_name, sizeof k->fix.child_name, "%s",
		 c->child_name ? c->child_name : "");
	k->fix.complainant_name_cur = (int)strlen(k->fix.complainant_name);
	k->fix.child_name_cur = (int)strlen(k->fix.child_name);
	memset(k->reason, 0, sizeof k->reason);
	k->reason_cur = 0;
	kiosk_go(k, KS_EDIT);
}

/* One field to correct when it differs from the case. */
static int fix_one(kiosk *k, const char *field, const char *was, const char *now, int *n,
		   tl_err *err)
{
	if (strcmp(was ? was : "", now) == 0)
		return TL_OK;
	(*n)++;
	return case_edit(k->st, k->case_ref, field, now, k->reason, err);
}

static int save(kiosk *k, int *n, tl_err *err)
{
	const tl_case *c = &k->cur;
	int rc;

	*n = 0;
	if ((rc = kiosk_before_write(k, err)) || (rc = store_begin(k->st, err)))
		return rc;
	const char *area = k->fix.service >= 0 ? k->services[k->fix.service].area : c->service_area;
	rc = fix_one(k, "service_area", c->service_area, area, n, err);
	if (rc == TL_OK)
		rc = fix_one(k, "complainant", words_word(&WS_COMPLAINANT, c->complainant),
			     words_word(&WS_COMPLAINANT, k->fix.who), n, err);
	if (rc == TL_OK)
		rc = fix_one(k, "complainant_name", c->complainant_name, k->fix.complainant_name, n, err);
	if (rc == TL_OK)
		rc = fix_one(k, "child_name", c->child_name, k->fix.child_name, n, err);
	if (rc == TL_OK && c->kind == TL_KIND_COMPLIMENT)
		rc = fix_one(k, "consent_to_publish", c->consent_to_publish ? "yes" : "no",
			     k->fix.consent ? "yes" : "no", n, err);
	if (rc == TL_OK && *n == 0)
		rc = err_set(err, TL_EINVAL, "details: nothing was changed");
	return store_end(k->st, rc, err);
}

void kiosk_screen_edit(kiosk *k)
{
	ui_ctx *u = k->ui;

	kiosk_staff_begin(k, "Correct details");
	ui_label(u, UI_FONT_BODY, true, "Service area", u->frame.theme.text);
	ui_row(u, ui_fit_cols(u, k->n_services, ui_mm(u, 45.0f)), u->frame.tile_h);
	/* Seeds keep each group's ids apart: "Other" is in both. */
	ui_set_seed(u, 1);
	for (int i = 0; i < k->n_services; i++)
		if (ui_tile(u, k->services[i].area, NULL, k->fix.service == i))
			k->fix.service = i;
	ui_set_seed(u, 2);
	ui_label(u, UI_FONT_BODY, true, "Who complained", u->frame.theme.text);
	ui_row(u, ui_fit_cols(u, (int)WS_COMPLAINANT.n, ui_mm(u, 45.0f)), u->frame.tile_h);
	for (int i = 0; i < (int)WS_COMPLAINANT.n; i++)
		if (ui_tile(u, words_label(&WS_COMPLAINANT, i), NULL, k->fix.who == i))
			k->fix.who = i;
	ui_set_seed(u, 0);
	ui_label(u, UI_FONT_BODY, false, "Their name (you can leave it empty)", u->frame.theme.muted);
	ui_textfield(u, "complainant name", k->fix.complainant_name, sizeof k->fix.complainant_name,
		     &k->fix.complainant_name_cur, 1, "For example: Anna Nowak");
	ui_label(u, UI_FONT_BODY, false, "The child's name (you can leave it empty)",
		 u->frame.theme.muted);
	ui_textfield(u, "child name", k->fix.child_name, sizeof k->fix.child_name,
		     &k->fix.child_name_cur, 1, "For example: Zofia Nowak");
	if (k->cur.kind == TL_KIND_COMPLIMENT) {
		ui_row(u, 1, 0);
		ui_check(u, "They agree to it being published", &k->fix.consent);
	}
	ui_label(u, UI_FONT_BODY, true, "Why is it corrected?", u->frame.theme.text);
	ui_textfield(u, "why", k->reason, sizeof k->reason, &k->reason_cur, 2,
		     "For example: the wrong service was chosen");
	if (kiosk_staff_end(k, KS_CASE, "Save") != 2)
		return;
	tl_err err;
	int n;
	if (save(k, &n, &err)) {
		snprintf(k->hint, sizeof k->hint, "%s", err.msg);
		return;
	}
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	snprintf(k->hint, sizeof k->hint, "%d correction%s saved.", n, n == 1 ? "" : "s");
}
