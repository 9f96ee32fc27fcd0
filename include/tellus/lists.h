/* lists.h - the configured lists of service areas and teams (SPEC 14),
 * kept like causes: `log` and `edit` take only a configured name, matched
 * with spaces trimmed and case ignored ("Children in Care " is "Children
 * in care"); an import adds the names it has not seen. Renaming or merging
 * a name moves every case that has it, each through the lifecycle
 * (case_edit), so the report's running totals and sync follow. */
#ifndef TELLUS_LISTS_H
#define TELLUS_LISTS_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/store.h"

typedef enum { TL_LIST_SERVICES, TL_LIST_TEAMS } tl_list_kind;

/* One name of a list. plain and detail are the kiosk's words for a
 * service area ("" for a team, or when none were given). */
typedef struct {
	const char *name;
	const char *plain;
	const char *detail;
	long cases;          /* cases that have it, by name_key */
} tl_list_item;

/* "service area" or "team", for messages. */
const char *lists_what(tl_list_kind kind);
/* The list in its order; the strings live until fn returns; fn returns
 * non-zero to stop. With no store (st NULL), the service areas a new
 * register starts with. */
typedef int (*lists_fn)(const tl_list_item *it, void *arg);
int lists_each(tl_store *st, tl_list_kind kind, lists_fn fn, void *arg, tl_err *err);
/* The same without counting the cases (it->cases is -1): one read of the
 * list, not of the register, for what runs often (each sync reply, the
 * kiosk's tiles at every start). */
int lists_each_name(tl_store *st, tl_list_kind kind, lists_fn fn, void *arg, tl_err *err);
/* Adds name (plain and detail may be NULL); refused when the list has it. */
int lists_add(tl_store *st, tl_list_kind kind, const char *name, const char *plain,
	      const char *detail, tl_err *err);
/* Renames from (a configured name) to a name the list does not have, and
 * every case that has from; *moved counts the cases. */
int lists_rename(tl_store *st, tl_list_kind kind, const char *from, const char *to, long *moved,
		 tl_err *err);
/* Moves every case of from to into (both configured) and takes from off
 * the list; *moved counts the cases. */
int lists_merge(tl_store *st, tl_list_kind kind, const char *from, const char *into, long *moved,
		tl_err *err);
/* The configured spelling of typed into out; refused naming the field and
 * listing the configured names when there is none. */
int lists_match(tl_store *st, tl_list_kind kind, const char *field, const char *typed, char *out,
		size_t cap, tl_err *err);
/* Adds typed to the list when it has no name like it (*added says so):
 * what an import or a case from a device does with a name it brings. */
int lists_ensure(tl_store *st, tl_list_kind kind, const char *typed, bool *added, tl_err *err);
/* Makes the list exactly items, in their order (*changed says whether it
 * was otherwise), audited: how a device takes the register's lists from a
 * reply, so that its kiosk offers what the complaints team configured.
 * The cases keep their names; a name twice is refused, changing nothing. */
int lists_replace(tl_store *st, tl_list_kind kind, const tl_list_item *items, size_t n,
		  bool *changed, tl_err *err);

#endif
