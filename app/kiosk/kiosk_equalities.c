/* kiosk_equalities.c - equalities monitoring (SPEC 14), asked after a
 * complaint is sent: four optional questions offered from the receipt,
 * any of them skipped, saved through equalities_put into their own table
 * (nothing of them is shown with the case), then the kiosk starts again
 * as Finish does. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"
#include "tellus/equalities.h"

static const tl_wordset *const SETS[KIOSK_EQ_QUESTIONS] = {
	&WS_AGE_BAND, &WS_GENDER, &WS_ETHNICITY, &WS_DISABILITY,
};
static const char *const QUESTIONS[KIOSK_EQ_QUESTIONS] = {
	N_("How old are you?"), N_("What is your gender?"), N_("What is your ethnic group?"),
	N_("Do you have a disability?"),
};

void kiosk_equalities_open(kiosk *k)
{
	for (int i = 0; i < KIOSK_EQ_QUESTIONS; i++)
		k->eq[i] = -1;
	kiosk_go(k, KS_EQUALITIES);
}

static int save(kiosk *k, tl_err *err)
{
	tl_equalities e = { k->eq[0], k->eq[1], k->eq[2], k->eq[3] };
	int rc = kiosk_before_write(k, err);
	return rc ? rc : equalities_put(k->st, k->ref, &e, err);
}

void kiosk_screen_equalities(kiosk *k)
{
	ui_ctx *u = k->ui;
	const char *labels[16];

	kiosk_public_begin(k, 0, _("About you"));
	ui_label(u, UI_FONT_BODY, false, _("These questions help us check that we treat everyone "
		 "fairly. You can skip any of them. Your answers are kept apart from what you told "
		 "us, and only ever counted together with other people's."), u->frame.theme.text);
	for (int i = 0; i < KIOSK_EQ_QUESTIONS; i++) {
		int n = (int)SETS[i]->n < 16 ? (int)SETS[i]->n : 16;
		for (int j = 0; j < n; j++)
			labels[j] = _(words_label(SETS[i], j)); /* marked in equalities.c */
		ui_field_label(u, _(QUESTIONS[i]), NULL, NULL);
		kiosk_choose(k, 10 + i, labels, n, &k->eq[i]);
	}
	if (kiosk_public_end(k, KS_RECEIPT, _("Send answers")) != 2)
		return;
	tl_err err;
	if (k->eq[0] < 0 && k->eq[1] < 0 && k->eq[2] < 0 && k->eq[3] < 0) {
		kiosk_hint(k, NULL, _("Choose an answer, or go back and press Finish."));
		return;
	}
	if (!k->sample && save(k, &err)) {
		kiosk_hint(k, NULL, err.msg);
		return;
	}
	if (k->signed_in)
		kiosk_go(k, KS_OFFICER);
	else
		kiosk_wipe(k);
}
