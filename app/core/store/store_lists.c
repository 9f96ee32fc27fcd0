/* store_lists.c - fills the configured lists of service areas and teams
 * (migration 12) once: the default service areas with their kiosk words,
 * then every name the cases already use, so that a register that existed
 * before the lists were keeps every case valid. store_meta remembers it
 * was done. */
#include "defaults.h"
#include "store_private.h"

/* Runs sql once with up to four texts bound (NULL: left unbound). */
static int run4(tl_store *st, const char *sql, const char *a, const char *b, const char *c,
		const char *d, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	const char *v[] = { a, b, c, d };
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL))
		return store_fail(st, err, "filling the lists");
	for (int i = 0; i < 4; i++)
		if (v[i])
			sqlite3_bind_text(q, i + 1, v[i], -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "filling the lists");
	sqlite3_finalize(q);
	return rc;
}

/* Is there a services table (migration 12 done) not yet filled? */
static int needs_seed(tl_store *st, bool *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	*out = false;
	/* store_meta (migration 7) is there whenever services (12) is. */
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master WHERE name = 'services'",
			       -1, &q, NULL))
		return store_fail(st, err, "reading the lists");
	*out = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	if (!*out)
		return TL_OK;
	if (sqlite3_prepare_v2(st->db, "SELECT NOT EXISTS (SELECT 1 FROM store_meta"
			       " WHERE key = 'lists_seeded')", -1, &q, NULL))
		return store_fail(st, err, "reading the lists");
	*out = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return TL_OK;
}

int store_lists_seed(tl_store *st, tl_err *err)
{
	static const char add_service[] =
		"INSERT OR IGNORE INTO services(key, name, ord, plain, detail) VALUES(name_key(?1),"
		" ?1, (SELECT coalesce(max(ord), 0) + 1 FROM services), ?2, ?3)";
	bool needed;
	int rc;

	if ((rc = needs_seed(st, &needed, err)) || !needed)
		return rc;
	for (const tl_default_service *d = DEFAULT_SERVICES; d->name && rc == TL_OK; d++)
		rc = run4(st, add_service, d->name, d->plain, d->detail, NULL, err);
	if (rc == TL_OK)
		rc = run4(st, "INSERT OR IGNORE INTO services(key, name, ord)"
			  " SELECT name_key(service_area), trim(min(service_area)),"
			  " (SELECT coalesce(max(ord), 0) FROM services) + row_number() OVER ()"
			  " FROM cases WHERE name_key(service_area) <> '' GROUP BY 1",
			  NULL, NULL, NULL, NULL, err);
	if (rc == TL_OK)
		rc = run4(st, "INSERT OR IGNORE INTO teams(key, name, ord)"
			  " SELECT name_key(team), trim(min(team)), row_number() OVER ()"
			  " FROM cases WHERE name_key(team) <> '' GROUP BY 1",
			  NULL, NULL, NULL, NULL, err);
	if (rc == TL_OK)
		rc = run4(st, "INSERT INTO store_meta(key, value) VALUES('lists_seeded', 'yes')",
			  NULL, NULL, NULL, NULL, err);
	return rc;
}
