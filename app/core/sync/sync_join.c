/* sync_join.c - a device joins its register with the pair file `device
 * add` made: it keeps its keys and the register's, takes the device code
 * for its references (going on after any the code used before), and
 * picks a random install id that its first bundle binds at the register,
 * so that a copied pair file cannot serve a second install. */
#include <stdio.h>
#include <string.h>
#include "sync_private.h"

/* A file joins before it holds anything: a case made before joining was
 * never recorded as a move, so it would never reach the register, and a
 * kiosk would forget its words. */
static int check_fresh(tl_store *st, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = store_stmt(st, "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM sync_self),"
			    " (SELECT count(*) FROM sync_keys)", &q, err);
	if (rc)
		return rc;
	if (sqlite3_step(q) != SQLITE_ROW)
		rc = store_fail(st, err, "reading the file");
	else if (sqlite3_column_int(q, 1))
		rc = err_set(err, TL_EEXIST, "this file has already joined a register (tellus sync "
			     "status): a pair file is used once, on a new file");
	else if (sqlite3_column_int(q, 2))
		rc = err_set(err, TL_ESTATE, "this file is a register (it has enrolled devices): a "
			     "device joins from a file of its own");
	else if (sqlite3_column_int(q, 0))
		rc = err_set(err, TL_ESTATE, "this file already holds %d cases: a device joins from a "
			     "new file, and its cases travel as it makes them", sqlite3_column_int(q, 0));
	store_stmt_done(st, q);
	return rc;
}

static int insert_self(tl_store *st, const sync_self *d, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32];
	int rc = store_stmt(st, "INSERT INTO sync_self(id, code, name, role, epoch, register_id,"
			    " key_id, register_box_pk, register_sign_pk, sign_sk, box_pk, box_sk,"
			    " install_id, joined) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &q, err);
	if (rc)
		return rc;
	sync_now(now);
	sqlite3_bind_text(q, 1, d->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, d->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, words_word(&WS_DEVICE_ROLE, d->role), -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 4, d->epoch);
	sqlite3_bind_blob(q, 5, d->register_id, SYNC_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_int64(q, 6, d->key_id);
	sqlite3_bind_blob(q, 7, d->register_box_pk, sizeof d->register_box_pk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 8, d->register_sign_pk, sizeof d->register_sign_pk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 9, d->sign_sk, sizeof d->sign_sk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 10, d->box_pk, sizeof d->box_pk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 11, d->box_sk, sizeof d->box_sk, SQLITE_STATIC);
	sqlite3_bind_blob(q, 12, d->install_id, SYNC_ID_LEN, SQLITE_STATIC);
	sqlite3_bind_text(q, 13, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "joining");
	store_stmt_done(st, q);
	return rc;
}

static int take_seqs(tl_store *st, const char *code, const sync_pair_seq *seqs, size_t n,
		     tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc = TL_OK;
	for (size_t i = 0; i < n && rc == TL_OK; i++) {
		if ((rc = store_stmt(st, "INSERT INTO ref_seq(device, year, next) VALUES(?1, ?2, ?3)"
				     " ON CONFLICT(device, year) DO UPDATE SET next = max(next, ?3)",
				     &q, err)))
			break;
		sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, seqs[i].year);
		sqlite3_bind_int64(q, 3, seqs[i].next);
		rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "joining");
		store_stmt_done(st, q);
	}
	return rc;
}

int sync_join(tl_store *st, const unsigned char *pair, size_t len, tl_device *out, tl_err *err)
{
	sync_pair_seq seqs[SYNC_PAIR_SEQS];
	size_t n_seqs;
	char detail[256];
	sync_self d;
	int rc;

	if ((rc = sync_pair_read(pair, len, &d, seqs, &n_seqs, err)))
		return rc;
	randombytes_buf(d.install_id, SYNC_ID_LEN);
	if ((rc = store_begin(st, err)))
		goto wipe;
	snprintf(detail, sizeof detail, "joined the register as %s (%s, epoch %d): %s", d.code,
		 words_word(&WS_DEVICE_ROLE, d.role), d.epoch, d.name);
	if ((rc = check_fresh(st, err)) || (rc = insert_self(st, &d, err)) ||
	    (rc = store_setting_set(st, "device_code", d.code, err)) ||
	    (rc = take_seqs(st, d.code, seqs, n_seqs, err)))
		goto cleanup;
	rc = store_audit(st, "device_join", NULL, detail, err);
	if (rc == TL_OK && out)
		sync_self_device(&d, out);
cleanup:
	rc = store_end(st, rc, err);
wipe:
	sync_self_wipe(&d);
	return rc;
}
