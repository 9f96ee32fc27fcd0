/* kiosk_names.c - names on the contact step (SPEC 14): the person's own
 * name and, when someone else tells us about a child, the child's; both
 * optional, kept as the case's complainant_name and child_name, which
 * `tellus find` searches and retention removes. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

void kiosk_names_fields(kiosk *k)
{
	ui_ctx *u = k->ui;
	kiosk_draft *d = &k->d;
	ui_field_label(u, k->signed_in ? _("Their name") : _("Your name"),
		       _("You don't have to tell us."), NULL);
	ui_textfield(u, "name", d->name, sizeof d->name, &d->name_cur, 1, NULL);
	if (d->who == TL_WHO_CHILD)
		return;
	ui_field_label(u, _("The child's name"),
		       _("If it is about a child. You don't have to tell us."), NULL);
	ui_textfield(u, "child name", d->child_name, sizeof d->child_name, &d->child_name_cur, 1,
		     NULL);
}

bool kiosk_names_given(const kiosk *k)
{
	return k->d.name[0] || (k->d.who != TL_WHO_CHILD && k->d.child_name[0]);
}

const char *kiosk_names_answer(const kiosk *k, char *out, size_t cap)
{
	const char *child = k->d.who != TL_WHO_CHILD ? k->d.child_name : "";
	if (!*child)
		snprintf(out, cap, "%s", k->d.name);
	else if (!*k->d.name)
		snprintf(out, cap, _("The child: %s"), child);
	else /* TRANSLATORS: the person's name, then the child's */
		snprintf(out, cap, _("%s; the child: %s"), k->d.name, child);
	return out;
}
