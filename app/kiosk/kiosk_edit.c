/* kiosk_edit.c - "Correct details" on a manager's case screen: the fields
 * a manager corrects most (the service area, who complained, the names,
 * consent to publish a compliment, and its names) and the reason, saved through
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
	k->fix.consent_names = c->consent_names;
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

/* A compliment's consent to publish and to publish names. Names go only
 * with the words (case_edit refuses names without consent): taking
 * consent away takes the names' first, giving it gives the words' first. */
static int fix_consent(kiosk *k, int *n, tl_err *err)
{
	const tl_case *c = &k->cur;
	bool names = k->fix.consent && k->fix.consent_names;
	int rc;
	const char *words_was = c->consent_to_publish ? "yes" : "no",
		   *words_now = k->fix.consent ? "yes" : "no";
	const char *names_was = c->consent_names ? "yes" : "no", *names_now = names ? "yes" : "no";

	if (k->fix.consent)
		return (rc = fix_one(k, "consent_to_publish", words_was, words_now, n, err)) ? rc :
			fix_one(k, "consent_names", names_was, names_now, n, err);
	return (rc = fix_one(k, "consent_names", names_was, names_now, n, err)) ? rc :
		fix_one(k, "consent_to_publish", words_was, words_now, n, err);
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
		rc = fix_consent(k, n, err);
	if (rc == TL_OK && *n == 0)
		rc = err_set(err, TL_EINVAL, "details: nothing was changed");
	return store_end(k->st, rc, err);
}

/* A row of tiles, one chosen: the service areas or who complained here,
 * the answers on the equalities screen. */
void kiosk_choose(kiosk *k, int seed, const char *const *labels, int n, int *chosen)
{
	ui_ctx *u = k->ui;
	int cols = ui_fit_cols(u, n, ui_mm(u, 45.0f));
	/* Seeds keep each row's ids apart: "Other" is in both. */
	ui_set_seed(u, (ui_id)seed);
	ui_tile_row(u, cols, labels, NULL, n);
	for (int i = 0; i < n; i++)
		if (ui_tile(u, labels[i], NULL, *chosen == i))
			*chosen = i;
	ui_set_seed(u, 0);
}

void kiosk_screen_edit(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *areas[KIOSK_SERVICES_MAX], *who[16];
	int n_who = (int)WS_COMPLAINANT.n < 16 ? (int)WS_COMPLAINANT.n : 16;

	for (int i = 0; i < k->n_services; i++)
		areas[i] = k->services[i].area;
	for (int i = 0; i < n_who; i++)
		who[i] = words_label(&WS_COMPLAINANT, i);
	kiosk_staff_begin(k, "Correct details");
	ui_field_label(u, "Service area", NULL, NULL);
	kiosk_choose(k, 1, areas, k->n_services, &k->fix.service);
	ui_field_label(u, "Who complained", NULL, NULL);
	kiosk_choose(k, 2, who, n_who, &k->fix.who);
	ui_field_label(u, "Their name", "You can leave it empty", NULL);
	ui_textfield(u, "complainant name", k->fix.complainant_name, sizeof k->fix.complainant_name,
		     &k->fix.complainant_name_cur, 1, NULL);
	ui_field_label(u, "The child's name", "You can leave it empty", NULL);
	ui_textfield(u, "child name", k->fix.child_name, sizeof k->fix.child_name,
		     &k->fix.child_name_cur, 1, NULL);
	if (k->cur.kind == TL_KIND_COMPLIMENT) {
		ui_row(u, 1, 0);
		ui_check(u, "They agree to it being published", &k->fix.consent);
		if (k->fix.consent) {
			ui_row(u, 1, 0);
			ui_check(u, "With their names (else initials)", &k->fix.consent_names);
		}
	}
	ui_field_label(u, "Why is it corrected?", "For example: the wrong service was chosen",
		       k->hint_field ? k->hint : NULL);
	ui_textfield(u, "why", k->reason, sizeof k->reason, &k->reason_cur, 2, NULL);
	if (kiosk_staff_end(k, KS_CASE, "Save") != 2)
		return;
	tl_err err;
	char done[64];
	int n;
	if (save(k, &n, &err)) {
		kiosk_hint(k, strncmp(err.msg, "why:", 4) ? NULL : "why", err.msg);
		return;
	}
	k->have_cur = false;
	kiosk_go(k, KS_CASE);
	snprintf(done, sizeof done, "%d correction%s saved.", n, n == 1 ? "" : "s");
	kiosk_done(k, done);
}
