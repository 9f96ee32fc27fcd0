/* words.c - the one table per enumeration: word in files, label on screen.
 * The words follow SPEC sections 4 and 5; the order is the enum order of
 * words.h, and the order reports list them in. */
#include <string.h>
#include "tellus/words.h"

#define SET(name, what, arr) const tl_wordset name = { what, arr, sizeof arr / sizeof arr[0] }

static const tl_word kinds[] = {
	{ "complaint", "Complaint" }, { "compliment", "Compliment" },
};
static const tl_word channels[] = {
	{ "kiosk", "Kiosk" }, { "mobile", "Mobile" }, { "staff", "Staff" },
	{ "phone", "Phone" }, { "email", "Email" }, { "letter", "Letter" },
	{ "in_person", "In person" },
};
static const tl_word procedures[] = {
	{ "statutory", "Statutory" }, { "corporate", "Corporate" },
	{ "not_eligible", "Not eligible" }, { "to_be_assessed", "To be assessed" },
};
static const tl_word complainants[] = {
	{ "child", "Child or young person" }, { "parent", "Parent" },
	{ "carer", "Carer" }, { "foster_carer", "Foster carer" },
	{ "adopter", "Adopter" }, { "special_guardian", "Special guardian" },
	{ "relative", "Relative" }, { "professional", "Professional" },
	{ "other", "Other" },
};
static const tl_word outcomes[] = {
	{ "fully_upheld", "Fully upheld" }, { "partly_upheld", "Partly upheld" },
	{ "not_upheld", "Not upheld" }, { "withdrawn", "Withdrawn" },
};
static const tl_word actions[] = {
	{ "apology", "Apology" }, { "financial_redress", "Financial redress" },
	{ "records_amended", "Records amended" },
	{ "procedure_changed", "Procedure changed" }, { "training", "Training" },
	{ "independent_assessment", "Independent assessment" },
	{ "worker_changed", "Worker changed" },
	{ "service_provided", "Service provided" }, { "other", "Other" },
};
static const tl_word costs[] = {
	{ "independent_person", "Independent persons" },
	{ "investigating_officer", "Investigating officers" },
	{ "stage3_panel", "Stage 3 panel" }, { "mediation", "Mediation" },
	{ "financial_redress", "Financial redress" }, { "other", "Other" },
};
/* The Ombudsman's (LGSCO) decision types as published reports use them. */
static const tl_word ombudsman[] = {
	{ "premature", "Premature: referred back for local resolution" },
	{ "closed_after_initial_enquiries", "Closed after initial enquiries" },
	{ "not_upheld", "Not upheld: no maladministration" },
	{ "upheld_no_injustice", "Upheld: maladministration, no injustice" },
	{ "upheld_injustice", "Upheld: maladministration and injustice" },
	{ "withdrawn", "Withdrawn" }, { "other", "Other" },
};
static const tl_word roles[] = {
	{ "officer", "Officer" }, { "manager", "Manager" }, { "admin", "Administrator" },
};
static const tl_word pauses[] = {
	{ "advocate", "Waiting for an advocate to be appointed" },
	{ "complainant", "Waiting for the complainant" },
	{ "new_concerns", "New concerns raised" },
};

SET(WS_KIND, "kind", kinds);
SET(WS_CHANNEL, "channel", channels);
SET(WS_PROCEDURE, "procedure", procedures);
SET(WS_COMPLAINANT, "complainant", complainants);
SET(WS_OUTCOME, "outcome", outcomes);
SET(WS_ACTION, "action", actions);
SET(WS_COST, "cost category", costs);
SET(WS_OMBUDSMAN, "Ombudsman decision", ombudsman);
SET(WS_ROLE, "role", roles);
SET(WS_PAUSE, "pause reason", pauses);

int words_find(const tl_wordset *set, const char *word)
{
	for (size_t i = 0; word && i < set->n; i++)
		if (strcmp(set->items[i].word, word) == 0)
			return (int)i;
	return -1;
}

const char *words_word(const tl_wordset *set, int value)
{
	return value >= 0 && (size_t)value < set->n ? set->items[value].word : "";
}

const char *words_label(const tl_wordset *set, int value)
{
	return value >= 0 && (size_t)value < set->n ? set->items[value].label : "";
}

void words_list(const tl_wordset *set, char *out, size_t cap)
{
	size_t used = 0;

	if (cap)
		out[0] = '\0';
	for (size_t i = 0; i < set->n && cap; i++) {
		size_t len = strlen(set->items[i].word);
		if (used + len + 3 >= cap)
			break;
		if (i)
			memcpy(out + used, ", ", 2), used += 2;
		memcpy(out + used, set->items[i].word, len + 1);
		used += len;
	}
}
