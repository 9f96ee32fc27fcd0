/* store_profile.c - procedure profiles as the store keeps them: the
 * built-in ones and those loaded (profiles), and the rules each case
 * keeps (profile_rules: a profile's text as it stood when the case was
 * logged, one row per distinct text), so that a changed profile applies to
 * cases logged afterwards and never moves a deadline already given. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_private.h"

/* The text of profile name as it stands: loaded, else built in. *body is
 * malloc'd (the caller frees it). */
static int profile_text(tl_store *st, const char *name, char **body, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	const char *text = NULL;
	tl_profile p;
	int rc;

	*body = NULL;
	if ((rc = store_stmt(st, "SELECT body FROM profiles WHERE name = ?", &s, err)))
		return rc;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*body = strdup((const char *)sqlite3_column_text(s, 0));
	store_stmt_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, "reading profiles");
	for (size_t i = 0; rc == SQLITE_DONE && !text && PROC_BUILTIN[i]; i++)
		if (proc_parse(PROC_BUILTIN[i], &p, NULL) == TL_OK && strcmp(p.name, name) == 0)
			text = PROC_BUILTIN[i];
	if (rc == SQLITE_DONE && !text)
		return err_set(err, TL_ENOTFOUND, "profile: '%.40s' is not a procedure profile (see "
			       "tellus profile list)", name);
	if (text)
		*body = strdup(text);
	return *body ? TL_OK : err_set(err, TL_ENOMEM, "profile: out of memory");
}

/* Inside a write transaction nobody else can change the profiles, so a
 * profile read once is kept until the outermost level ends (store.c
 * empties the cache as the next one begins): an import of 100,000 cases
 * reads and parses it once, not once a case. */
static const tl_profile *cached(const tl_store *st, const char *name)
{
	for (size_t i = 0; st->depth > 0 && i < st->n_profiles; i++)
		if (strcmp(st->profiles[i].name, name) == 0)
			return &st->profiles[i];
	return NULL;
}

static void keep(tl_store *st, const tl_profile *p)
{
	if (st->depth > 0 && st->n_profiles < sizeof st->profiles / sizeof st->profiles[0])
		st->profiles[st->n_profiles++] = *p;
}

int store_profile(tl_store *st, const char *name, tl_profile *out, tl_err *err)
{
	const tl_profile *kept = cached(st, name);
	char *body;
	int rc;

	if (kept) {
		*out = *kept;
		return TL_OK;
	}
	if ((rc = profile_text(st, name, &body, err)) == TL_OK)
		rc = proc_parse(body, out, err);
	free(body);
	if (rc == TL_OK)
		keep(st, out);
	return rc;
}

int store_profile_put(tl_store *st, const char *text, tl_err *err)
{
	tl_profile p;
	int rc = proc_parse(text, &p, err);
	if (rc)
		return rc;
	st->n_kept = st->n_profiles = 0; /* a name may now stand for another text */
	return store_write_pair(st, "INSERT INTO profiles(name, body) VALUES(?1, ?2) "
				"ON CONFLICT(name) DO UPDATE SET body = excluded.body",
				p.name, text, "profile_put", text, err);
}

int store_profile_names(tl_store *st, char *out, size_t cap, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	tl_profile p;
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; PROC_BUILTIN[i]; i++)
		if (proc_parse(PROC_BUILTIN[i], &p, NULL) == TL_OK)
			used += (size_t)snprintf(out + used, used < cap ? cap - used : 0, "%s\n", p.name);
	if (sqlite3_prepare_v2(st->db, "SELECT name FROM profiles ORDER BY name", -1, &s, NULL))
		return store_fail(st, err, "reading profiles");
	while (sqlite3_step(s) == SQLITE_ROW && used < cap) {
		const char *name = (const char *)sqlite3_column_text(s, 0);
		char line[PROC_NAME_MAX + 2];
		snprintf(line, sizeof line, "%s\n", name);
		if (!strstr(out, line))
			used += (size_t)snprintf(out + used, cap - used, "%s", line);
	}
	sqlite3_finalize(s);
	return TL_OK;
}

/* The cache of kept rules: each entry holds a parsed text by its id, and
 * the name it was kept under. Kept texts never change, but an id written
 * inside a level that is rolled back may be given again to another text,
 * so a rollback empties the cache (store_rollback), as does a newly
 * loaded profile. A name may come to stand for another text through
 * another program (a profile loaded while the kiosk runs), so an entry
 * is found by name only while the file is as it was when the entry was
 * made (SQLite's data version moves with every commit, anyone's). */
static unsigned data_version(tl_store *st)
{
	unsigned v = 0;
	sqlite3_file_control(st->db, "main", SQLITE_FCNTL_DATA_VERSION, &v);
	return v;
}

static tl_kept_rules *kept_find(tl_store *st, long long id, const char *name)
{
	unsigned v = name ? data_version(st) : 0;
	for (size_t i = 0; i < st->n_kept; i++) {
		tl_kept_rules *k = &st->kept[i];
		if ((id && k->id == id) || (name && k->name[0] && k->version == v &&
					    strcmp(k->name, name) == 0))
			return k;
	}
	return NULL;
}

static void kept_add(tl_store *st, long long id, const char *name, const tl_profile *p)
{
	tl_kept_rules *k = &st->kept[st->n_kept < STORE_MAX_KEPT ? st->n_kept++ : 0];
	k->id = id;
	snprintf(k->name, sizeof k->name, "%s", name ? name : "");
	k->version = name ? data_version(st) : 0;
	k->p = *p;
}

/* Stores body (parsed as p) once per distinct text and names it by *id;
 * the cache finds it again by name when name is given. */
static int keep_body(tl_store *st, const char *name, const char *body, const tl_profile *p,
		     long long *id, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = store_stmt(st, "INSERT INTO profile_rules(name, body) VALUES(?, ?)"
			     " ON CONFLICT(body) DO UPDATE SET name = profile_rules.name RETURNING id",
			     &s, err)))
		return rc;
	sqlite3_bind_text(s, 1, p->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, body, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		kept_add(st, *id, name, p);
	} else {
		rc = store_fail(st, err, "keeping a case's rules");
	}
	store_stmt_done(st, s);
	return rc;
}

int store_profile_keep(tl_store *st, const char *name, long long *id, tl_err *err)
{
	tl_profile p;
	char *body = NULL;
	int rc;

	const tl_kept_rules *k = kept_find(st, 0, name);
	if (k) {
		*id = k->id;
		return TL_OK;
	}
	if ((rc = profile_text(st, name, &body, err)) == TL_OK &&
	    (rc = proc_parse(body, &p, err)) == TL_OK)
		rc = keep_body(st, name, body, &p, id, err);
	free(body);
	return rc;
}

int store_profile_keep_text(tl_store *st, const char *text, long long *id, tl_err *err)
{
	tl_profile p;
	int rc = proc_parse(text, &p, err);
	return rc ? rc : keep_body(st, NULL, text, &p, id, err);
}

int store_profile_kept(tl_store *st, long long id, tl_profile *out, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	const tl_kept_rules *k = kept_find(st, id, NULL);
	if (k) {
		*out = k->p;
		return TL_OK;
	}
	if ((rc = store_stmt(st, "SELECT body FROM profile_rules WHERE id = ?", &s, err)))
		return rc;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		rc = proc_parse((const char *)sqlite3_column_text(s, 0), out, err);
	else if (rc == SQLITE_DONE)
		rc = err_set(err, TL_EDB, "profile_rules: no rules %lld (run tellus check)", id);
	else
		rc = store_fail(st, err, "reading a case's rules");
	store_stmt_done(st, s);
	/* Kept under no name: a name stands for the text as it is now. */
	if (rc == TL_OK)
		kept_add(st, id, NULL, out);
	return rc;
}
