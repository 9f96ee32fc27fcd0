/* sync_keys.c - the register's identity: a random register id and its key
 * pairs (X25519 to open bundles, Ed25519 to sign replies), made with its
 * first device and kept in the register's own file (owner-only, SPEC 9).
 * Keys are numbered; an old key stays, so a bundle sealed to it can
 * still be opened after a new one is made. */
#include <string.h>
#include "sync_private.h"

void sync_keys_wipe(sync_keys *k)
{
	sodium_memzero(k, sizeof *k);
}

int sync_keys_get(tl_store *st, uint32_t key_id, sync_keys *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, "SELECT key_id, register_id, box_pk, box_sk, sign_pk, sign_sk"
			     " FROM sync_keys WHERE ?1 = 0 OR key_id = ?1 ORDER BY key_id DESC LIMIT 1",
			     &q, err)))
		return rc;
	sqlite3_bind_int64(q, 1, key_id);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		out->key_id = (uint32_t)sqlite3_column_int64(q, 0);
		bool ok = sync_col_blob(q, 1, out->register_id, SYNC_ID_LEN) &&
			  sync_col_blob(q, 2, out->box_pk, sizeof out->box_pk) &&
			  sync_col_blob(q, 3, out->box_sk, sizeof out->box_sk) &&
			  sync_col_blob(q, 4, out->sign_pk, sizeof out->sign_pk) &&
			  sync_col_blob(q, 5, out->sign_sk, sizeof out->sign_sk);
		rc = ok ? TL_OK : err_set(err, TL_EDB, "sync_keys: the register's key %u is damaged",
					  out->key_id);
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "this file is no register: it has enrolled no device "
			     "(tellus device add)");
	} else {
		rc = store_fail(st, err, "reading the register's keys");
	}
	store_stmt_done(st, q);
	if (rc)
		sync_keys_wipe(out);
	return rc;
}

/* Makes key 1 with a new register id (inside the caller's level). */
static int make(tl_store *st, tl_err *err)
{
	sync_keys k;
	sqlite3_stmt *q = NULL;
	char now[32];
	int rc;

	randombytes_buf(k.register_id, SYNC_ID_LEN);
	crypto_box_keypair(k.box_pk, k.box_sk);
	crypto_sign_keypair(k.sign_pk, k.sign_sk);
	sync_now(now);
	if ((rc = store_stmt(st, "INSERT INTO sync_keys(key_id, register_id, box_pk, box_sk,"
			     " sign_pk, sign_sk, created) VALUES(1, ?, ?, ?, ?, ?, ?)", &q, err)))
		goto cleanup;
	sqlite3_bind_blob(q, 1, k.register_id, SYNC_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_blob(q, 2, k.box_pk, sizeof k.box_pk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 3, k.box_sk, sizeof k.box_sk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 4, k.sign_pk, sizeof k.sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 5, k.sign_sk, sizeof k.sign_sk, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving the register's keys");
	store_stmt_done(st, q);
	if (rc == TL_OK)
		rc = store_audit(st, "register_keys", NULL, "this file became a register: key 1 made",
				 err);
cleanup:
	sync_keys_wipe(&k);
	return rc;
}

int sync_keys_ensure(tl_store *st, sync_keys *out, tl_err *err)
{
	int rc = sync_keys_get(st, 0, out, NULL);
	if (rc != TL_ENOTFOUND)
		return rc == TL_OK ? TL_OK : sync_keys_get(st, 0, out, err);
	if ((rc = make(st, err)))
		return rc;
	return sync_keys_get(st, 0, out, err);
}
