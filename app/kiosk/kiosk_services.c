/* kiosk_services.c - the service areas a child chooses from: the
 * configured list (tellus services), each in the plain words configured
 * for it, read once when the kiosk starts. The installed plain words are
 * in the catalogues, so they are shown in the visit's language (_() on
 * screen); a council's own words are shown as configured. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"
#include "tellus/lists.h"

/* The installed areas (DEFAULT_SERVICES): a picture beside each, for a
 * child who reads little, and their plain words marked for the
 * catalogues. An area added by the council gets the speech bubble. */
static const struct {
	const char *area, *plain, *detail;
	uint32_t pic;
} PICTURES[] = {
	{ NT_("Children in need"), N_("My social worker"), N_("Help for me or my family at home"),
	  0x1F3E0 },
	{ NT_("Child protection"), N_("Keeping me safe"), N_("Child protection"), 0x1F6E1 },
	{ NT_("Children in care"), N_("Living in care"), N_("Foster care or a children's home"),
	  0x1F3E1 },
	{ NT_("Leaving care"), N_("Leaving care"), N_("Help from age 16 onwards"), 0x1F392 },
	{ NT_("Disabled children"), N_("Help for disabled children"),
	  N_("Short breaks and support"), 0x267F },
	{ NT_("Adoption"), N_("Adoption"), N_("Adoption and special guardianship"), 0x1F46A },
	{ NT_("Fostering"), N_("Fostering"), N_("Being a foster carer"), 0x1F91D },
	{ NT_("Other"), N_("Something else"), N_("Or I'm not sure"), 0x1F4AC },
};
#define PIC_OTHER 0x1F4AC

static uint32_t picture(const char *area)
{
	for (size_t i = 0; i < sizeof PICTURES / sizeof PICTURES[0]; i++)
		if (strcmp(PICTURES[i].area, area) == 0)
			return PICTURES[i].pic;
	return PIC_OTHER;
}

static int keep(const tl_list_item *it, void *arg)
{
	kiosk *k = arg;
	if (k->n_services == KIOSK_SERVICES_MAX)
		return TL_OK; /* more than a screen holds: the first ones */
	kiosk_service *s = &k->services[k->n_services++];
	snprintf(s->area, sizeof s->area, "%s", it->name);
	snprintf(s->plain, sizeof s->plain, "%s", it->plain && *it->plain ? it->plain : it->name);
	snprintf(s->detail, sizeof s->detail, "%s", it->detail ? it->detail : "");
	s->pic = picture(s->area);
	return TL_OK;
}

int kiosk_load_services(kiosk *k, tl_err *err)
{
	k->n_services = 0;
	return lists_each_name(k->st, TL_LIST_SERVICES, keep, k, err);
}
