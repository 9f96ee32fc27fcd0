/* lists.c - the configured lists of service areas and teams (lists.h):
 * reading them, adding a name, matching what a person typed, and renaming
 * or merging, which moves every case through case_edit in one
 * transaction. Names are matched by name_key() (store_sql.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/lists.h"
#include "tellus/text.h"
#include "defaults.h"
#include "store/store_db.h"

/* One statement per list, indexed by tl_list_kind (services, teams): the
 * table's name is chosen here, never typed. */
static const char *const WHAT[] = { "service area", "team" };
static const char *const FIELD[] = { "service_area", "team" };
static const char *const COMMAND[] = { "services", "teams" };
/* Each name with how many cases have it: one pass over the cases. */
static const char *const EACH_SQL[] = {
	"SELECT s.name, s.plain, s.detail, coalesce(n.c, 0) FROM services s LEFT JOIN"
	" (SELECT name_key(service_area) AS k, count(*) AS c FROM cases GROUP BY 1) n"
	" ON n.k = s.key ORDER BY s.ord",
	"SELECT t.name, '', '', coalesce(n.c, 0) FROM teams t LEFT JOIN"
	" (SELECT name_key(team) AS k, count(*) AS c FROM cases GROUP BY 1) n"
	" ON n.k = t.key ORDER BY t.ord",
};
/* The names alone, without counting cases: what a reply carries. */
static const char *const NAMES_SQL[] = {
	"SELECT name, plain, detail, -1 FROM services ORDER BY ord",
	"SELECT name, '', '', -1 FROM teams ORDER BY ord",
};
static const char *const FIND_SQL[] = {
	"SELECT name FROM services WHERE key = name_key(?)",
	"SELECT name FROM teams WHERE key = name_key(?)",
};
static const char *const ADD_SQL[] = {
	"INSERT INTO services(key, name, ord, plain, detail) VALUES(name_key(?1), trim(?1),"
	" (SELECT coalesce(max(ord), 0) + 1 FROM services), coalesce(?2, ''), coalesce(?3, ''))",
	"INSERT INTO teams(key, name, ord) VALUES(name_key(?1), trim(?1),"
	" (SELECT coalesce(max(ord), 0) + 1 FROM teams))",
};
static const char *const RENAME_SQL[] = {
	"UPDATE services SET key = name_key(?2), name = trim(?2) WHERE key = name_key(?1)",
	"UPDATE teams SET key = name_key(?2), name = trim(?2) WHERE key = name_key(?1)",
};
static const char *const DROP_SQL[] = {
	"DELETE FROM services WHERE key = name_key(?)",
	"DELETE FROM teams WHERE key = name_key(?)",
};
/* The cases of a name (?1) not spelt as another (?2). */
static const char *const CASES_SQL[] = {
	"SELECT ref FROM cases WHERE name_key(service_area) = name_key(?1)"
	" AND service_area IS NOT ?2 ORDER BY id",
	"SELECT ref FROM cases WHERE name_key(team) = name_key(?1)"
	" AND team IS NOT ?2 ORDER BY id",
};

const char *lists_what(tl_list_kind kind)
{
	return WHAT[kind];
}

static int each_row(tl_store *st, const char *sql, lists_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK, step;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL))
		return store_fail(st, err, "reading the list");
	while (rc == TL_OK && (step = sqlite3_step(q)) == SQLITE_ROW) {
		tl_list_item it = {
			(const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1),
			(const char *)sqlite3_column_text(q, 2), (long)sqlite3_column_int64(q, 3),
		};
		rc = fn(&it, arg);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading the list");
	sqlite3_finalize(q);
	return rc;
}

/* No register: the service areas a new one starts with. */
static int defaults(tl_list_kind kind, lists_fn fn, void *arg)
{
	int rc = TL_OK;
	for (const tl_default_service *d = DEFAULT_SERVICES; kind == TL_LIST_SERVICES && d->name &&
	     rc == TL_OK; d++) {
		tl_list_item it = { d->name, d->plain, d->detail, 0 };
		rc = fn(&it, arg);
	}
	return rc;
}

int lists_each(tl_store *st, tl_list_kind kind, lists_fn fn, void *arg, tl_err *err)
{
	return st ? each_row(st, EACH_SQL[kind], fn, arg, err) : defaults(kind, fn, arg);
}

int lists_each_name(tl_store *st, tl_list_kind kind, lists_fn fn, void *arg, tl_err *err)
{
	return st ? each_row(st, NAMES_SQL[kind], fn, arg, err) : defaults(kind, fn, arg);
}

/* The configured spelling of typed into out: 1 found, 0 not, < 0 failed. */
static int find(tl_store *st, tl_list_kind kind, const char *typed, char *out, size_t cap,
		tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int found;

	if (store_stmt(st, FIND_SQL[kind], &q, err))
		return -1;
	sqlite3_bind_text(q, 1, typed, -1, SQLITE_STATIC);
	found = sqlite3_step(q) == SQLITE_ROW;
	if (found && out)
		snprintf(out, cap, "%s", sqlite3_column_text(q, 0));
	store_stmt_done(st, q);
	return found;
}

static int add_name(tl_store *st, tl_list_kind kind, const char *name, const char *plain,
		    const char *detail, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	if ((rc = store_stmt(st, ADD_SQL[kind], &q, err)))
		return rc;
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	if (plain)
		sqlite3_bind_text(q, 2, plain, -1, SQLITE_STATIC);
	if (detail)
		sqlite3_bind_text(q, 3, detail, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "adding to the list");
	store_stmt_done(st, q);
	return rc;
}

static int check_name(const char *field, const char *name, tl_err *err)
{
	return text_check(field, name, 200, TEXT_REQUIRED | TEXT_ONE_LINE, err);
}

int lists_add(tl_store *st, tl_list_kind kind, const char *name, const char *plain,
	      const char *detail, tl_err *err)
{
	char have[256], audit[600];
	int rc, found;

	if ((rc = check_name("name", name, err)) ||
	    (rc = text_check("plain", plain, 200, TEXT_ONE_LINE, err)) ||
	    (rc = text_check("detail", detail, 200, TEXT_ONE_LINE, err)))
		return rc;
	if ((found = find(st, kind, name, have, sizeof have, err)) < 0)
		return TL_EDB;
	if (found)
		return err_set(err, TL_EEXIST, "name: '%.40s' is already on the list as '%s'", name,
			       have);
	if ((rc = store_begin(st, err)))
		return rc;
	snprintf(audit, sizeof audit, "%s added: %s", WHAT[kind], name);
	if ((rc = add_name(st, kind, name, plain, detail, err)) == TL_OK)
		rc = store_audit(st, "list_add", NULL, audit, err);
	return store_end(st, rc, err);
}

/* Appends ", name" to the message being built in out. */
static int add_to_message(const tl_list_item *it, void *arg)
{
	char *out = arg;
	size_t used = strlen(out);
	if (used < 400)
		snprintf(out + used, 512 - used, "%s%s", used ? ", " : "", it->name);
	return TL_OK;
}

int lists_match(tl_store *st, tl_list_kind kind, const char *field, const char *typed, char *out,
		size_t cap, tl_err *err)
{
	char names[512] = "";
	int found, rc;

	if ((rc = check_name(field, typed, err)))
		return rc;
	if ((found = find(st, kind, typed, out, cap, err)) < 0)
		return TL_EDB;
	if (found)
		return TL_OK;
	if ((rc = lists_each(st, kind, add_to_message, names, err)))
		return rc;
	return err_set(err, TL_EINVAL, "%s: '%.40s' is not a configured %s (one of %s; see tellus "
		       "%s)", field, typed, WHAT[kind], *names ? names : "none yet",
		       COMMAND[kind]);
}

int lists_ensure(tl_store *st, tl_list_kind kind, const char *typed, bool *added, tl_err *err)
{
	int found;

	*added = false;
	if (!typed || text_check("name", typed, 200, TEXT_REQUIRED | TEXT_ONE_LINE, NULL))
		return TL_OK; /* nothing to add: the case's own checks speak for it */
	if (store_list_known(st, kind, typed))
		return TL_OK;
	if ((found = find(st, kind, typed, NULL, 0, err)) < 0)
		return TL_EDB;
	int rc = found ? TL_OK : add_name(st, kind, typed, NULL, NULL, err);
	*added = !found;
	if (rc == TL_OK)
		store_list_know(st, kind, typed);
	return rc;
}

/* Moves every case that has from to the name into, through case_edit. */
static int move_cases(tl_store *st, tl_list_kind kind, const char *from, const char *into,
		      const char *why, long *moved, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK, step;

	*moved = 0;
	/* Read the references first: each edit changes the rows read. */
	char (*refs)[REF_MAX] = NULL;
	size_t n = 0, cap = 0;
	if (sqlite3_prepare_v2(store_db(st), CASES_SQL[kind], -1, &q, NULL))
		return store_fail(st, err, "reading cases");
	sqlite3_bind_text(q, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, into, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			void *more = realloc(refs, (cap = cap ? 2 * cap : 64) * sizeof *refs);
			if (!more) {
				rc = err_set(err, TL_ENOMEM, "cases: out of memory");
				break;
			}
			refs = more;
		}
		snprintf(refs[n++], REF_MAX, "%s", sqlite3_column_text(q, 0));
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading cases");
	sqlite3_finalize(q);
	for (size_t i = 0; rc == TL_OK && i < n; i++)
		if ((rc = case_edit(st, refs[i], FIELD[kind], into, why, err)) == TL_OK)
			(*moved)++;
	free(refs);
	return rc;
}

static int run2(tl_store *st, const char *sql, const char *a, const char *b, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	store_list_forget(st);
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL))
		return store_fail(st, err, "changing the list");
	sqlite3_bind_text(q, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(q, 2, b, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "changing the list");
	sqlite3_finalize(q);
	return rc;
}

int lists_rename(tl_store *st, tl_list_kind kind, const char *from, const char *to, long *moved,
		 tl_err *err)
{
	char old[256], have[256], why[600];
	int rc, found;

	*moved = 0;
	if ((rc = lists_match(st, kind, "from", from, old, sizeof old, err)) ||
	    (rc = check_name("to", to, err)))
		return rc;
	if ((found = find(st, kind, to, have, sizeof have, err)) < 0)
		return TL_EDB;
	/* The same name in other letters or spaces is a respelling. */
	if (found && strcmp(have, old))
		return err_set(err, TL_EEXIST, "to: '%.40s' is already on the list as '%s' (tellus "
			       "%s merge joins two names)", to, have,
			       COMMAND[kind]);
	if ((rc = store_begin(st, err)))
		return rc;
	snprintf(why, sizeof why, "%s renamed from '%s' to '%s'", WHAT[kind], old, to);
	if ((rc = run2(st, RENAME_SQL[kind], old, to, err)) == TL_OK) {
		/* The cases move to the name as the list now spells it. */
		found = find(st, kind, to, have, sizeof have, err);
		rc = found < 0 ? TL_EDB : !found ? err_set(err, TL_EDB, "to: the renamed name was "
							    "not found")
			: move_cases(st, kind, old, have, why, moved, err);
	}
	if (rc == TL_OK)
		rc = store_audit(st, "list_rename", NULL, why, err);
	return store_end(st, rc, err);
}

int lists_merge(tl_store *st, tl_list_kind kind, const char *from, const char *into, long *moved,
		tl_err *err)
{
	char old[256], target[256], why[600];
	int rc;

	*moved = 0;
	if ((rc = lists_match(st, kind, "from", from, old, sizeof old, err)) ||
	    (rc = lists_match(st, kind, "into", into, target, sizeof target, err)))
		return rc;
	if (strcmp(old, target) == 0)
		return err_set(err, TL_EINVAL, "into: '%.40s' is the name being merged", into);
	if ((rc = store_begin(st, err)))
		return rc;
	snprintf(why, sizeof why, "%s '%s' merged into '%s'", WHAT[kind], old, target);
	/* The cases of into spelt otherwise ("fostering ") join it too, so
	 * that the report counts one name once. */
	long also = 0;
	if ((rc = move_cases(st, kind, old, target, why, moved, err)) == TL_OK &&
	    (rc = move_cases(st, kind, target, target, why, &also, err)) == TL_OK &&
	    (rc = run2(st, DROP_SQL[kind], old, NULL, err)) == TL_OK)
		rc = store_audit(st, "list_merge", NULL, why, err);
	*moved += also;
	return store_end(st, rc, err);
}

/* Is the list already items, name for name and word for word? */
static int same_list(tl_store *st, tl_list_kind kind, const tl_list_item *items, size_t n,
		     bool *same, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	size_t i = 0;
	int rc = store_stmt(st, NAMES_SQL[kind], &q, err);

	*same = rc == TL_OK;
	while (rc == TL_OK && *same && sqlite3_step(q) == SQLITE_ROW) {
		const char *got[3] = { (const char *)sqlite3_column_text(q, 0),
				       (const char *)sqlite3_column_text(q, 1),
				       (const char *)sqlite3_column_text(q, 2) };
		const char *want[3] = { i < n ? items[i].name : NULL,
					i < n && items[i].plain ? items[i].plain : "",
					i < n && items[i].detail ? items[i].detail : "" };
		for (int k = 0; k < 3 && *same; k++)
			*same = want[k] && got[k] && !strcmp(got[k], want[k]);
		i++;
	}
	store_stmt_done(st, q);
	*same = *same && i == n;
	return rc;
}

int lists_replace(tl_store *st, tl_list_kind kind, const tl_list_item *items, size_t n,
		  bool *changed, tl_err *err)
{
	static const char *const CLEAR_SQL[] = { "DELETE FROM services", "DELETE FROM teams" };
	char audit[200];
	bool same;
	int rc;

	*changed = false;
	for (size_t i = 0; i < n; i++)
		if ((rc = check_name(FIELD[kind], items[i].name, err)) ||
		    (rc = text_check("plain", items[i].plain, 200, TEXT_ONE_LINE, err)) ||
		    (rc = text_check("detail", items[i].detail, 200, TEXT_ONE_LINE, err)))
			return rc;
	if ((rc = same_list(st, kind, items, n, &same, err)) || same)
		return rc;
	if ((rc = store_begin(st, err)))
		return rc;
	store_list_forget(st);
	rc = sqlite3_exec(store_db(st), CLEAR_SQL[kind], NULL, NULL, NULL) ?
		store_fail(st, err, "replacing the list") : TL_OK;
	for (size_t i = 0; rc == TL_OK && i < n; i++)
		rc = add_name(st, kind, items[i].name, items[i].plain, items[i].detail, err);
	snprintf(audit, sizeof audit, "%s list taken from the register: %zu names", WHAT[kind], n);
	if (rc == TL_OK)
		rc = store_audit(st, "list_taken", NULL, audit, err);
	*changed = (rc = store_end(st, rc, err)) == TL_OK;
	return rc;
}
