/* sync_lists.c - the register's configured lists (service areas with the
 * kiosk's words for them, and teams) ride on the first line of each reply,
 * and a device takes them whole: the complaints team configures the lists
 * at the register, and a kiosk's tiles follow a name added, renamed or
 * merged there. A reply without them (an older register) leaves the
 * device's lists as they are. */
#include <stdlib.h>
#include "tellus/lists.h"
#include "sync_private.h"

static const char *const KEY[] = { "services", "teams" };

static int add_item(const tl_list_item *it, void *arg)
{
	json_t *o = json_pack("{s:s, s:s, s:s}", "name", it->name, "plain", it->plain ? it->plain : "",
			      "detail", it->detail ? it->detail : "");
	return !o || json_array_append_new(arg, o) ? TL_ENOMEM : TL_OK;
}

int sync_lists_put(tl_store *st, json_t *head, tl_err *err)
{
	for (int kind = TL_LIST_SERVICES; kind <= TL_LIST_TEAMS; kind++) {
		json_t *a = json_array();
		int rc = a ? lists_each_name(st, kind, add_item, a, err) : TL_ENOMEM;
		if (rc == TL_OK && json_object_set_new(head, KEY[kind], a))
			return err_set(err, TL_ENOMEM, "reply: out of memory");
		if (rc) {
			json_decref(a);
			return rc == TL_ENOMEM ? err_set(err, rc, "reply: out of memory") : rc;
		}
	}
	return TL_OK;
}

/* One list of the head into the device's, when the head has it. */
static int take_one(tl_store *st, json_t *head, tl_list_kind kind, bool *changed, tl_err *err)
{
	json_t *a = json_object_get(head, KEY[kind]), *o;
	tl_list_item *items;
	size_t i;
	int rc = TL_OK;

	*changed = false;
	if (!a)
		return TL_OK;
	if (!json_is_array(a))
		return err_set(err, TL_EINVAL, "damaged: the reply's %s are not a list", KEY[kind]);
	if (!(items = calloc(json_array_size(a) + 1, sizeof *items)))
		return err_set(err, TL_ENOMEM, "reply: out of memory");
	json_array_foreach(a, i, o) {
		items[i].name = json_string_value(json_object_get(o, "name"));
		items[i].plain = json_string_value(json_object_get(o, "plain"));
		items[i].detail = json_string_value(json_object_get(o, "detail"));
		if (!items[i].name) {
			rc = err_set(err, TL_EINVAL, "damaged: a name of the reply's %s is missing",
				     KEY[kind]);
			break;
		}
	}
	if (rc == TL_OK)
		rc = lists_replace(st, kind, items, json_array_size(a), changed, err);
	free(items);
	return rc;
}

int sync_lists_take(tl_store *st, json_t *head, int *changed, tl_err *err)
{
	bool c[2] = { false, false };
	int rc = take_one(st, head, TL_LIST_SERVICES, &c[0], err);
	if (rc == TL_OK)
		rc = take_one(st, head, TL_LIST_TEAMS, &c[1], err);
	*changed = c[0] + c[1];
	return rc;
}
