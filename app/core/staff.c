/* staff.c - staff accounts: Argon2id PIN hashes, the lock after five wrong
 * PINs, and an audit entry for every attempt. A wrong PIN's count and the
 * audit entry are written in one transaction, so that a crash cannot give
 * an attacker free guesses. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "tellus/staff.h"
#include "tellus/words.h"
#include "store/store_db.h"

bool staff_pin_valid(const char *pin)
{
	size_t n = strlen(pin);
	if (n < STAFF_PIN_MIN || n > STAFF_PIN_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return false;
	return true;
}

static int check_name(const char *name, tl_err *err)
{
	size_t n = strlen(name);
	if (n == 0 || n >= STAFF_NAME_MAX)
		return err_set(err, TL_EINVAL, "staff name: must be 1 to %d bytes", STAFF_NAME_MAX - 1);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20)
			return err_set(err, TL_EINVAL, "staff name: no control characters");
	return TL_OK;
}

int staff_add(tl_store *st, const char *name, int role, const char *pin, tl_err *err)
{
	char hash[crypto_pwhash_STRBYTES], detail[128];
	sqlite3_stmt *s = NULL;
	int rc;

	if ((rc = check_name(name, err)))
		return rc;
	if (!*words_word(&WS_ROLE, role))
		return err_set(err, TL_EINVAL, "role: unknown");
	if (!staff_pin_valid(pin))
		return err_set(err, TL_EINVAL, "PIN: must be %d to %d digits", STAFF_PIN_MIN, STAFF_PIN_MAX);
	if (sodium_init() < 0)
		return err_set(err, TL_EIO, "PIN: libsodium did not start");
	if (crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(err, TL_ENOMEM, "PIN: not enough memory to hash it");
	if ((rc = store_begin(st, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO staff(name, role, pin_hash) "
			       "VALUES(?, ?, ?)", -1, &s, NULL)) {
		rc = store_fail(st, err, "adding staff");
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, words_word(&WS_ROLE, role), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		rc = err_set(err, TL_EEXIST, "staff %.60s: already there", name);
		goto cleanup;
	}
	if (rc != SQLITE_DONE) {
		rc = store_fail(st, err, "adding staff");
		goto cleanup;
	}
	snprintf(detail, sizeof detail, "%s as %s", name, words_word(&WS_ROLE, role));
	rc = store_audit(st, "staff_add", NULL, detail, err);
cleanup:
	sqlite3_finalize(s);
	sodium_memzero(hash, sizeof hash);
	return store_end(st, rc, err);
}

static void read_row(sqlite3_stmt *s, tl_staff *m)
{
	m->id = sqlite3_column_int64(s, 0);
	snprintf(m->name, sizeof m->name, "%s", (const char *)sqlite3_column_text(s, 1));
	m->role = words_find(&WS_ROLE, (const char *)sqlite3_column_text(s, 2));
	m->active = sqlite3_column_int(s, 3) != 0;
	m->locked_until = sqlite3_column_int64(s, 4);
}

int staff_list(tl_store *st, staff_visit_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = TL_OK, step;
	tl_staff m;

	if (sqlite3_prepare_v2(store_db(st), "SELECT id, name, role, active, locked_until "
			       "FROM staff WHERE active = 1 ORDER BY name", -1, &s, NULL))
		return store_fail(st, err, "listing staff");
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		read_row(s, &m);
		if (fn(&m, arg))
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = store_fail(st, err, "listing staff");
	sqlite3_finalize(s);
	return rc;
}

int staff_find(tl_store *st, const char *name, tl_staff *out, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(store_db(st), "SELECT id, name, role, active, locked_until "
			       "FROM staff WHERE name = ? AND active = 1", -1, &s, NULL))
		return store_fail(st, err, "reading staff");
	sqlite3_bind_text(s, 1, name ? name : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_row(s, out);
		rc = TL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "staff: '%.40s' is not a member of staff (see tellus "
			     "staff list)", name ? name : "");
	} else {
		rc = store_fail(st, err, "reading staff");
	}
	sqlite3_finalize(s);
	return rc;
}

int staff_check_officer(tl_store *st, const char *name, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc, n;

	if (sqlite3_prepare_v2(store_db(st), "SELECT count(*), count(CASE WHEN name = ? AND role ="
			       " 'officer' THEN 1 END) FROM staff WHERE active = 1", -1, &s, NULL))
		return store_fail(st, err, "reading staff");
	sqlite3_bind_text(s, 1, name ? name : "", -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return store_fail(st, err, "reading staff");
	}
	n = sqlite3_column_int(s, 0);
	rc = n == 0 || sqlite3_column_int(s, 1) ? TL_OK
		: err_set(err, TL_EINVAL, "'%.40s' is not a member of staff with the officer role "
			  "(see tellus staff list)", name ? name : "");
	sqlite3_finalize(s);
	return rc;
}

/* Records the attempt; failed is the new count of wrong PINs in a row. */
static int record(tl_store *st, const tl_staff *m, int failed, long long locked_until,
		  const char *what, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	char detail[160];
	int rc;

	if (sqlite3_prepare_v2(store_db(st), "UPDATE staff SET failed = ?, locked_until = ? "
			       "WHERE id = ?", -1, &s, NULL))
		return store_fail(st, err, "recording a sign-in");
	sqlite3_bind_int(s, 1, failed);
	sqlite3_bind_int64(s, 2, locked_until);
	sqlite3_bind_int64(s, 3, m->id);
	rc = sqlite3_step(s) == SQLITE_DONE ? TL_OK : store_fail(st, err, "recording a sign-in");
	sqlite3_finalize(s);
	snprintf(detail, sizeof detail, "%s: %s", m->name, what);
	return rc ? rc : store_audit(st, "staff_sign_in", NULL, detail, err);
}

static int load(tl_store *st, const char *name, tl_staff *m, char hash[crypto_pwhash_STRBYTES],
		int *failed, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(store_db(st), "SELECT id, name, role, active, locked_until, "
			       "pin_hash, failed FROM staff WHERE name = ? AND active = 1",
			       -1, &s, NULL))
		return store_fail(st, err, "reading staff");
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		read_row(s, m);
		snprintf(hash, crypto_pwhash_STRBYTES, "%s", (const char *)sqlite3_column_text(s, 5));
		*failed = sqlite3_column_int(s, 6);
		rc = TL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "staff %.60s: not found", name);
	} else {
		rc = store_fail(st, err, "reading staff");
	}
	sqlite3_finalize(s);
	return rc;
}

static int attempt(tl_store *st, const char *name, const char *pin, long long now,
		   tl_staff *m, bool *ok, tl_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	int failed = 0, rc;

	*ok = false;
	if ((rc = load(st, name, m, hash, &failed, err)))
		return rc;
	if (m->locked_until > now) {
		rc = record(st, m, failed, m->locked_until, "refused, locked", err);
		return rc;
	}
	*ok = crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
	if (*ok)
		return record(st, m, 0, 0, "signed in", err);
	failed++;
	m->locked_until = failed >= STAFF_LOCK_TRIES ? now + STAFF_LOCK_SECONDS : 0;
	return record(st, m, failed >= STAFF_LOCK_TRIES ? 0 : failed, m->locked_until,
		      m->locked_until ? "wrong PIN, locked" : "wrong PIN", err);
}

int staff_sign_in(tl_store *st, const char *name, const char *pin, long long now,
		  tl_staff *out, tl_err *err)
{
	tl_staff m;
	bool ok = false;
	int rc;

	memset(&m, 0, sizeof m);
	if (sodium_init() < 0)
		return err_set(err, TL_EIO, "PIN: libsodium did not start");
	if ((rc = store_begin(st, err)) ||
	    (rc = store_end(st, attempt(st, name, pin, now, &m, &ok, err), err)))
		return rc;
	if (m.locked_until > now)
		return err_set(err, TL_EAUTH, "staff %.60s: locked for %lld more seconds after "
			       "%d wrong PINs", m.name, m.locked_until - now, STAFF_LOCK_TRIES);
	if (!ok)
		return err_set(err, TL_EAUTH, "staff %.60s: wrong PIN", m.name);
	if (out)
		*out = m;
	return TL_OK;
}
