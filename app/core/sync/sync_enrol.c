/* sync_enrol.c - enrolling devices at the register: `device add` (a new
 * epoch and new keys each time, so a reinstalled device's moves never
 * mix with the old install's), `device revoke` and `device list`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/text.h"
#include "sync_private.h"

static int refuse_device(tl_store *st, tl_err *err)
{
	sync_self me;
	int rc = sync_self_get(st, &me, NULL);
	sync_self_wipe(&me);
	if (rc == TL_OK)
		return err_set(err, TL_ESTATE, "this file is a device, not the register: enrol "
			       "devices at the register");
	return rc == TL_ENOTFOUND ? TL_OK : sync_self_get(st, &me, err);
}

/* The code's next epoch, 1 for a new code. */
static int next_epoch(tl_store *st, const char *code, int *epoch, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "SELECT coalesce(max(epoch), 0) + 1 FROM sync_devices WHERE code = ?",
			    &q, err);
	if (rc)
		return rc;
	sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_ROW ? TL_OK : store_fail(st, err, "reading devices");
	*epoch = sqlite3_column_int(q, 0);
	store_stmt_done(st, q);
	return rc;
}

/* The reference numbers the code has used, a year each, from the cases
 * here: a re-enrolled device goes on after them. */
static int used_seqs(tl_store *st, const char *code, sync_pair_seq *seqs, size_t *n, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char like[16];
	int rc = store_stmt(st, "SELECT 2000 + CAST(substr(ref, length(?1) + 2, 2) AS INTEGER),"
			    " max(CAST(substr(ref, length(?1) + 5, length(ref) - length(?1) - 6)"
			    " AS INTEGER)) + 1 FROM cases WHERE ref LIKE ?2 GROUP BY 1 ORDER BY 1",
			    &q, err);
	*n = 0;
	if (rc)
		return rc;
	snprintf(like, sizeof like, "%s-__-%%", code);
	sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, like, -1, SQLITE_STATIC);
	while (*n < SYNC_PAIR_SEQS && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		seqs[*n].year = sqlite3_column_int(q, 0);
		seqs[(*n)++].next = (long)sqlite3_column_int64(q, 1);
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading cases");
	store_stmt_done(st, q);
	return rc;
}

static int insert_device(tl_store *st, const sync_self *d, const unsigned char *sign_pk,
			 tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32];
	int rc = store_stmt(st, "INSERT INTO sync_devices(code, epoch, name, role, key_id, sign_pk,"
			    " box_pk, added) VALUES(?, ?, ?, ?, ?, ?, ?, ?)", &q, err);
	if (rc)
		return rc;
	sync_now(now);
	sqlite3_bind_text(q, 1, d->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, d->epoch);
	sqlite3_bind_text(q, 3, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, words_word(&WS_DEVICE_ROLE, d->role), -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 5, d->key_id);
	sqlite3_bind_blob(q, 6, sign_pk, crypto_sign_PUBLICKEYBYTES, SQLITE_STATIC);
	sqlite3_bind_blob(q, 7, d->box_pk, crypto_box_PUBLICKEYBYTES, SQLITE_STATIC);
	sqlite3_bind_text(q, 8, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a device");
	store_stmt_done(st, q);
	return rc;
}

static int check_add(tl_store *st, const char *code, const char *name, const char *role,
		     sync_self *d, tl_err *err)
{
	char own[16] = "";
	int rc;

	if (!code || !ref_device_valid(code))
		return err_set(err, TL_EINVAL, "CODE: '%.8s' must be 1 to 4 of %s", code ? code : "",
			       REF_ALPHABET);
	if ((rc = text_check("--name", name, 100, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	if ((d->role = role ? words_find(&WS_DEVICE_ROLE, role) : -1) < 0)
		return err_set(err, TL_EINVAL, "--role: '%.20s' is not one of kiosk, officer, desk",
			       role ? role : "");
	store_setting_get(st, "device_code", own, sizeof own, NULL);
	if (strcmp(own, code) == 0)
		return err_set(err, TL_EEXIST, "CODE: '%s' is this register's own device code: the "
			       "register's references use it", code);
	snprintf(d->code, sizeof d->code, "%s", code);
	snprintf(d->name, sizeof d->name, "%s", name);
	return refuse_device(st, err);
}

/* Fills the device's keys and the register's half of *d, stores the
 * device and audits it (inside the caller's level). */
static int enrol(tl_store *st, sync_self *d, tl_err *err)
{
	unsigned char sign_pk[crypto_sign_PUBLICKEYBYTES];
	char detail[256];
	sync_keys k;
	int rc;

	if ((rc = next_epoch(st, d->code, &d->epoch, err)) || (rc = sync_keys_ensure(st, &k, err)))
		return rc;
	memcpy(d->register_id, k.register_id, SYNC_ID_LEN);
	d->key_id = k.key_id;
	memcpy(d->register_box_pk, k.box_pk, sizeof k.box_pk);
	memcpy(d->register_sign_pk, k.sign_pk, sizeof k.sign_pk);
	sync_keys_wipe(&k);
	crypto_sign_keypair(sign_pk, d->sign_sk);
	crypto_box_keypair(d->box_pk, d->box_sk);
	if ((rc = insert_device(st, d, sign_pk, err)))
		return rc;
	snprintf(detail, sizeof detail, "%s (%s, epoch %d): %s", d->code,
		 words_word(&WS_DEVICE_ROLE, d->role), d->epoch, d->name);
	return store_audit(st, "device_add", NULL, detail, err);
}

int sync_device_add(tl_store *st, const char *code, const char *name, const char *role,
		    tl_sync_blob *pair, tl_device *out, tl_err *err)
{
	sync_pair_seq seqs[SYNC_PAIR_SEQS];
	size_t n_seqs = 0;
	sync_self d;
	int rc;

	memset(pair, 0, sizeof *pair);
	memset(&d, 0, sizeof d);
	if ((rc = check_add(st, code, name, role, &d, err)) || (rc = store_begin(st, err)))
		return rc;
	if ((rc = enrol(st, &d, err)) || (rc = used_seqs(st, d.code, seqs, &n_seqs, err)) ||
	    (rc = sync_pair_write(&d, seqs, n_seqs, pair, err)))
		goto cleanup;
	if (out)
		sync_self_device(&d, out);
cleanup:
	sync_self_wipe(&d);
	if ((rc = store_end(st, rc, err)))
		sync_blob_free(pair);
	return rc;
}

int sync_device_revoke(tl_store *st, const char *code, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32], detail[64];
	int rc;

	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = store_stmt(st, "UPDATE sync_devices SET revoked = ? WHERE code = ?"
			     " AND revoked IS NULL", &q, err)))
		goto cleanup;
	sync_now(now);
	sqlite3_bind_text(q, 1, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, code ? code : "", -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "revoking a device");
	store_stmt_done(st, q);
	if (rc == TL_OK && sqlite3_changes(store_db(st)) == 0)
		rc = err_set(err, TL_ENOTFOUND, "CODE: '%.8s' is no enrolled device (see tellus device "
			     "list)", code ? code : "");
	snprintf(detail, sizeof detail, "%s: its bundles are kept for review, not applied", code);
	if (rc == TL_OK)
		rc = store_audit(st, "device_revoke", NULL, detail, err);
cleanup:
	return store_end(st, rc, err);
}

int sync_device_list(tl_store *st, sync_device_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;

	if (sqlite3_prepare_v2(store_db(st), "SELECT d.code, d.name, d.role, d.epoch, d.added,"
			       " coalesce(d.revoked, ''), coalesce(d.last_in, ''), d.mark,"
			       " (SELECT count(*) FROM sync_conflicts c WHERE c.code = d.code"
			       "  AND c.settled IS NULL) FROM sync_devices d"
			       " WHERE d.epoch = (SELECT max(epoch) FROM sync_devices e WHERE e.code = d.code)"
			       " ORDER BY d.code", -1, &q, NULL))
		return store_fail(st, err, "reading devices");
	for (int step; rc == TL_OK && (step = sqlite3_step(q)) != SQLITE_DONE;) {
		tl_device d = { 0 };
		if (step != SQLITE_ROW) {
			rc = store_fail(st, err, "reading devices");
			break;
		}
		snprintf(d.code, sizeof d.code, "%s", sqlite3_column_text(q, 0));
		snprintf(d.name, sizeof d.name, "%s", sqlite3_column_text(q, 1));
		d.role = words_find(&WS_DEVICE_ROLE, (const char *)sqlite3_column_text(q, 2));
		d.epoch = sqlite3_column_int(q, 3);
		snprintf(d.added, sizeof d.added, "%s", sqlite3_column_text(q, 4));
		snprintf(d.revoked, sizeof d.revoked, "%s", sqlite3_column_text(q, 5));
		snprintf(d.last_in, sizeof d.last_in, "%s", sqlite3_column_text(q, 6));
		d.mark = sqlite3_column_int64(q, 7);
		d.conflicts = sqlite3_column_int(q, 8);
		rc = fn(&d, arg);
	}
	sqlite3_finalize(q);
	return rc;
}
