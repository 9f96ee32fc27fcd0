/* kiosk_services.c - the service areas a child chooses from: the
 * configured list (tellus services), each in the plain words configured
 * for it, read once when the kiosk starts. */
#include <stdio.h>
#include "kiosk.h"
#include "tellus/lists.h"

static int keep(const tl_list_item *it, void *arg)
{
	kiosk *k = arg;
	if (k->n_services == KIOSK_SERVICES_MAX)
		return TL_OK; /* more than a screen holds: the first ones */
	kiosk_service *s = &k->services[k->n_services++];
	snprintf(s->area, sizeof s->area, "%s", it->name);
	snprintf(s->plain, sizeof s->plain, "%s", it->plain && *it->plain ? it->plain : it->name);
	snprintf(s->detail, sizeof s->detail, "%s", it->detail ? it->detail : "");
	return TL_OK;
}

int kiosk_load_services(kiosk *k, tl_err *err)
{
	k->n_services = 0;
	return lists_each(k->st, TL_LIST_SERVICES, keep, k, err);
}
