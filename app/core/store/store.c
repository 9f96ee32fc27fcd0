/* store.c - opening, migrating and guarding the one SQLite file.
 * Every write goes through store_begin/store_end (nested levels, by the
 * transaction rules at the top of store.h), and the pragmas here are what
 * make a submission durable: WAL with synchronous=FULL survives a power
 * cut once COMMIT has returned. (A bulk write with the file to itself
 * goes through a rollback journal, as durable, and leaves it in WAL:
 * store_bulk_solo.) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>
#include "tellus/store.h"
#include "tellus/ref.h"
#include "defaults.h"
#include "schema.sql.h"
#include "store_private.h"


int store_fail(tl_store *st, tl_err *err, const char *doing)
{
	int code = sqlite3_extended_errcode(st->db);
	const char *why = sqlite3_errmsg(st->db);
	if (code == SQLITE_FULL || code == SQLITE_IOERR_WRITE || (code & 0xff) == SQLITE_IOERR)
		return err_set(err, TL_EIO, "%s: %s: %s (disk full or failing?)", st->path, doing, why);
	if ((code & 0xff) == SQLITE_READONLY)
		return err_set(err, TL_EIO, "%s: %s: the database is read-only", st->path, doing);
	if ((code & 0xff) == SQLITE_BUSY)
		return err_set(err, TL_EDB, "%s: %s: the database is busy (another program is "
			       "writing); try again", st->path, doing);
	return err_set(err, TL_EDB, "%s: %s: %s", st->path, doing, why);
}

static int exec(tl_store *st, const char *sql, const char *doing, tl_err *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, err, doing);
	return TL_OK;
}

static int seed(tl_store *st, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = TL_OK;
	char device[3] = { 0 };

	/* A random device code so two new devices rarely clash; the
	 * administrator sets a planned one with `tellus config set`. */
	device[0] = REF_ALPHABET[10 + randombytes_uniform(21)];
	device[1] = REF_ALPHABET[randombytes_uniform(31)];
	if (sqlite3_prepare_v2(st->db, "INSERT INTO settings(key, value) VALUES(?, ?)", -1, &s, NULL))
		return store_fail(st, err, "seeding settings");
	for (const tl_default_pair *p = DEFAULT_SETTINGS; p->key && rc == TL_OK; p++) {
		const char *v = strcmp(p->key, "device_code") == 0 ? device : p->value;
		if (!v)
			continue;
		sqlite3_bind_text(s, 1, p->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_fail(st, err, "seeding settings");
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	if (rc || sqlite3_prepare_v2(st->db, "INSERT INTO causes(code, label, ord) VALUES(?, ?, ?)",
				     -1, &s, NULL))
		return rc ? rc : store_fail(st, err, "seeding causes");
	int ord = 0;
	for (const tl_default_pair *p = DEFAULT_CAUSES; p->key && rc == TL_OK; p++) {
		sqlite3_bind_text(s, 1, p->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, p->value, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, ++ord);
		if (sqlite3_step(s) != SQLITE_DONE)
			rc = store_fail(st, err, "seeding causes");
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return rc;
}

static int user_version(tl_store *st, int *out, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) ||
	    sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_fail(st, err, "reading the schema version");
	}
	*out = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return TL_OK;
}

/* A file at version 0 with tables in it belongs to something else. */
static int is_foreign(tl_store *st, bool *out, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) ||
	    sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_fail(st, err, "reading the file");
	}
	*out = sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	return TL_OK;
}

/* Is the file ours (or new), and not from a newer Tellus? Touches nothing,
 * so a file that is not ours is left exactly as it was. */
static int check_file(tl_store *st, int *v, tl_err *err)
{
	bool foreign = false;
	int rc = user_version(st, v, err);

	if (rc && (sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB)
		return err_set(err, TL_EDB, "%s: not a Tellus database (not an SQLite file)",
			       st->path);
	if (rc)
		return rc;
	if (*v > (int)SCHEMA_N_MIGRATIONS)
		return err_set(err, TL_EDB, "%s: written by a newer Tellus (schema %d, this one "
			       "knows %zu)", st->path, *v, SCHEMA_N_MIGRATIONS);
	if (*v == 0 && (rc = is_foreign(st, &foreign, err)) == TL_OK && foreign)
		return err_set(err, TL_EDB, "%s: an SQLite file but not a Tellus database", st->path);
	return rc;
}

/* Switching a new file to WAL needs it to itself, and SQLite answers BUSY
 * at once rather than wait when another program is creating it too. */
static int wal_on(tl_store *st, tl_err *err)
{
	int rc = TL_OK;
	for (int tries = 0; tries < 100; tries++) {
		rc = exec(st, "PRAGMA journal_mode=WAL", "turning on WAL", err);
		if (rc == TL_OK || (sqlite3_errcode(st->db) & 0xff) != SQLITE_BUSY)
			break;
		usleep(50000);
	}
	return rc;
}

/* Each step re-reads the version under the write lock (BEGIN IMMEDIATE),
 * so two programs opening a new file at once migrate it once. */
static int migrate(tl_store *st, tl_err *err)
{
	int v = 0, rc;

	for (;;) {
		char pragma[64];
		if ((rc = store_begin(st, err)))
			return rc;
		if ((rc = check_file(st, &v, err)) == TL_OK && v >= (int)SCHEMA_N_MIGRATIONS)
			return store_end(st, TL_OK, err);
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", v + 1);
		if (rc == TL_OK)
			rc = exec(st, SCHEMA_MIGRATIONS[v], "creating the tables", err);
		if (rc == TL_OK && v == 0)
			rc = seed(st, err);
		if (rc == TL_OK)
			rc = store_lists_seed(st, err);
		if (rc == TL_OK)
			rc = exec(st, pragma, "setting the schema version", err);
		if ((rc = store_end(st, rc, err)))
			return rc;
	}
}

int store_open(const char *path, tl_store **out, tl_err *err)
{
	return store_open_progress(path, NULL, out, err);
}

int store_open_progress(const char *path, const tl_progress_sink *sink, tl_store **out,
			tl_err *err)
{
	tl_store *st = NULL;
	int rc, fd;

	*out = NULL;
	if (sodium_init() < 0)
		return err_set(err, TL_EIO, "libsodium: did not start");
	st = calloc(1, sizeof *st);
	if (!st)
		return err_set(err, TL_ENOMEM, "%s: out of memory", path);
	snprintf(st->path, sizeof st->path, "%s", path);
	snprintf(st->actor, sizeof st->actor, "cli");
	store_set_progress(st, sink);
	if ((rc = date_today(&st->today, err)))
		goto fail;
	/* Create it ourselves so that it is the owner's alone from the start.
	 * Only when it is not there (O_EXCL): closing a descriptor of a file
	 * drops every POSIX lock this process holds on it, so opening and
	 * closing one beside a connection already open in this process (a
	 * second thread's store) would take away that connection's locks, and
	 * another program's last close would then checkpoint and reset the
	 * WAL under it, leaving it reading an old snapshot. */
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno != EEXIST && errno != EACCES && errno != EROFS) {
		rc = err_set(err, TL_EIO, "%s: cannot open or create: %s", path, strerror(errno));
		goto fail;
	}
	if (fd >= 0)
		close(fd);
	/* One thread uses a store (Tellus starts none): no mutex on every call,
	 * and no process-wide count of memory, each of which costs a lock per
	 * allocation; an import makes millions. (sqlite3_config says no once
	 * SQLite has started, which changes nothing.) */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		rc = st->db ? store_fail(st, err, "opening") :
			err_set(err, TL_ENOMEM, "%s: out of memory", path);
		goto fail;
	}
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	sqlite3_extended_result_codes(st->db, 1);
	int v;
	if ((rc = store_sql_functions(st, err)) ||
	    (rc = exec(st, "PRAGMA foreign_keys=ON", "turning on foreign keys", err)) ||
	    /* So that rows an INSERT OR REPLACE removes go through the delete
	     * triggers: cases are never deleted, stages leave the totals. */
	    (rc = exec(st, "PRAGMA recursive_triggers=ON", "opening", err)) ||
	    (rc = check_file(st, &v, err)) ||
	    (rc = wal_on(st, err)) ||
	    (rc = exec(st, "PRAGMA synchronous=FULL", "opening", err)) ||
	    /* Deleted or overwritten text is zeroed in the file, not left in
	     * free space: a kiosk that forgets a person's words (sync.h rule
	     * 4) and retention must leave nothing behind to be read. */
	    (rc = exec(st, "PRAGMA secure_delete=ON", "opening", err)) ||
	    (v < (int)SCHEMA_N_MIGRATIONS && (rc = migrate(st, err))) ||
	    (rc = store_tally_sync(st, err)))
		goto fail;
	*out = st;
	return TL_OK;
fail:
	store_close(st);
	return rc;
}

void store_close(tl_store *st)
{
	if (!st)
		return;
	cal_free(st->cal[0]);
	cal_free(st->cal[1]);
	store_bulk_new_forget(st);
	store_stmts_free(st);
	sqlite3_close(st->db);
	free(st);
}

int store_default_path(char *out, size_t cap, tl_err *err)
{
	const char *env = getenv("TELLUS_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char dir[900];

	if (env && *env) {
		snprintf(out, cap, "%s", env);
		return TL_OK;
	}
	if (xdg && *xdg)
		snprintf(dir, sizeof dir, "%s/tellus", xdg);
	else if (home && *home)
		snprintf(dir, sizeof dir, "%s/.local/share/tellus", home);
	else
		return err_set(err, TL_EINVAL, "--db: none given and no home folder: use --db FILE "
			       "or set TELLUS_DB");
	/* Make each missing folder on the way, owner-only. */
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
	if (mkdir(dir, 0700) && errno != EEXIST)
		return err_set(err, TL_EIO, "%s: cannot create: %s", dir, strerror(errno));
	snprintf(out, cap, "%s/tellus.db", dir);
	return TL_OK;
}

int store_schema_version(void) { return (int)SCHEMA_N_MIGRATIONS; }
const tl_progress_sink *store_progress(const tl_store *st) { return &st->sink; }

void store_set_progress(tl_store *st, const tl_progress_sink *sink)
{
	st->sink = sink ? *sink : (tl_progress_sink){ NULL, NULL };
}

void store_progress_begin(tl_store *st, tl_progress *p, const char *what, const char *unit,
			  long total)
{
	progress_begin(p, &st->sink, what, unit, total);
	st->counting = p;
}

void store_progress_end(tl_store *st, tl_progress *p)
{
	st->counting = NULL;
	progress_end(p);
}

long store_count(tl_store *st, const char *sql)
{
	sqlite3_stmt *q = NULL;
	long n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}
sqlite3 *store_db(tl_store *st) { return st->db; }
const char *store_actor(const tl_store *st) { return st->actor; }
const char *store_path(const tl_store *st) { return st->path; }
tl_date store_today(const tl_store *st) { return st->today; }
void store_set_today(tl_store *st, tl_date today) { st->today = today; }
void store_set_replaying(tl_store *st, bool on) { st->replaying = on; }
bool store_replaying(const tl_store *st) { return st->replaying; }

void store_set_actor(tl_store *st, const char *who)
{
	snprintf(st->actor, sizeof st->actor, "%s", who && *who ? who : "unknown");
}

/* SAVEPOINT spN or RELEASE spN (release true), kept prepared for the
 * shallow levels an import opens once a row (store_stmt's literals), made
 * afresh deeper. */
static int level_sql(tl_store *st, bool release, int n, const char *doing, tl_err *err)
{
	static const char *const SAVEPOINT[4] = { NULL, "SAVEPOINT sp1", "SAVEPOINT sp2",
						  "SAVEPOINT sp3" };
	static const char *const RELEASE[4] = { NULL, "RELEASE sp1", "RELEASE sp2", "RELEASE sp3" };
	sqlite3_stmt *q = NULL;
	char sql[48];
	int rc;

	if (n >= 1 && n <= 3) {
		if (release)
			rc = store_stmt(st, RELEASE[n], &q, err);
		else
			rc = store_stmt(st, SAVEPOINT[n], &q, err);
		if (rc)
			return rc;
		rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, doing);
		store_stmt_done(st, q);
		return rc;
	}
	if (release)
		snprintf(sql, sizeof sql, "RELEASE sp%d", n);
	else
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", n);
	return exec(st, sql, doing, err);
}

/* The transitions of the transaction rules at the top of store.h. */
int store_begin(tl_store *st, tl_err *err)
{
	int rc = TL_OK;
	if (st->depth == 0)
		rc = exec(st, "BEGIN IMMEDIATE", "starting a transaction", err);
	else if (!st->bulk)
		rc = level_sql(st, false, st->depth, "starting a transaction", err);
	if (rc == TL_OK && st->depth++ == 0)
		st->n_profiles = 0; /* another program may have changed them since */
	return rc;
}

int store_defer(tl_store *st, tl_err *err)
{
	if (st->depth != 1)
		return err_set(err, TL_EDB, "store: deferred totals are the outermost level's only");
	st->tally_deferred = true;
	return TL_OK;
}

int store_bulk(tl_store *st, tl_err *err)
{
	if (st->depth != 1)
		return err_set(err, TL_EDB, "store: a bulk write is the outermost level only");
	st->bulk = st->tally_deferred = true;
	st->bulk_serial++;
	return TL_OK;
}

int store_commit(tl_store *st, tl_err *err)
{
	int rc = TL_OK;

	if (st->depth <= 0)
		return err_set(err, TL_EDB, "store: commit without a transaction");
	if (st->depth > 1) {
		if (!st->bulk)
			rc = level_sql(st, true, st->depth - 1, "saving", err);
		if (rc == TL_OK)
			st->depth--;
		return rc;
	}
	/* Rule 10: a part of a bulk write failed, so none of it is kept. */
	if (st->doomed)
		return err_set(err, TL_EDB, "store: a part of this write failed: nothing is saved");
	/* Rules 11 and 9 of tally.sql.h: a bulk write's new cases settled, and
	 * deferred totals counted, before COMMIT. */
	if ((rc = store_bulk_new_end(st, err)))
		return rc;
	rc = st->tally_deferred ? store_tally_flush(st, err) : TL_OK;
	store_bulk_new_forget(st);
	if (rc)
		return rc;
	if ((rc = exec(st, "COMMIT", "saving", err)) == TL_OK) {
		st->depth--;
		st->bulk = false;
	}
	return rc;
}

void store_rollback(tl_store *st)
{
	char sql[64];
	if (st->depth <= 0)
		return;
	st->depth--;
	if (st->depth == 0) {
		st->tally_deferred = st->bulk = st->doomed = false;
		store_bulk_new_forget(st); /* the ROLLBACK brings its triggers back */
	}
	if (st->depth == 0)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", st->depth, st->depth);
	/* Fails only where SQLite has already rolled back (rule 7); a bulk
	 * write's inner levels took no savepoint (rule 10). */
	if (st->depth > 0 && st->bulk)
		st->doomed = true;
	else
		sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	/* Rule 6: the calendar with closures may have been built from closures
	 * that are gone now; the statutory one has none. */
	cal_free(st->cal[1]);
	st->cal[1] = NULL;
	/* Rules kept inside the level may be gone with it (store_profile.c). */
	st->n_kept = 0;
}

int store_end(tl_store *st, int rc, tl_err *err)
{
	if (rc == TL_OK && (rc = store_commit(st, err)) == TL_OK)
		return TL_OK;
	store_rollback(st);
	return rc;
}

int store_read_begin(tl_store *st, bool *own, const char *doing, tl_err *err)
{
	*own = sqlite3_get_autocommit(st->db) != 0;
	if (*own && sqlite3_exec(st->db, "BEGIN DEFERRED", NULL, NULL, NULL)) {
		*own = false;
		return store_fail(st, err, doing);
	}
	return TL_OK;
}

void store_read_end(tl_store *st, bool own)
{
	if (own)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

int store_write_pair(tl_store *st, const char *sql, const char *a, const char *b,
		     const char *action, const char *detail, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL)) {
		rc = store_fail(st, err, action);
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, err, action);
	else
		rc = store_audit(st, action, NULL, detail, err);
cleanup:
	sqlite3_finalize(s);
	return store_end(st, rc, err);
}
