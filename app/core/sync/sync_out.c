/* sync_out.c - on a device: the bundle of every move the register has not
 * acknowledged, from its mark + 1 to the last move made, sealed to the
 * register and signed by the device. Writing one changes nothing but the
 * time of the last bundle: moves are dropped only when a reply says the
 * register has them (sync.h rule 4). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sync_private.h"

/* The moves after the mark as JSON Lines after the first line; *first and
 * *last are the moves carried, *cases the cases they touch. */
static int payload(tl_store *st, long long acked, FILE *f, long long *last, long *cases,
		   tl_err *err)
{
	sqlite3_stmt *q = NULL;
	long long n = 0;
	int rc = TL_OK;

	*last = acked;
	if (sqlite3_prepare_v2(store_db(st), "SELECT seq, body, (SELECT count(DISTINCT ref) FROM"
			       " sync_moves WHERE seq > ?1 AND ref <> '') FROM sync_moves WHERE seq > ?1"
			       " ORDER BY seq", -1, &q, NULL))
		return store_fail(st, err, "reading moves");
	sqlite3_bind_int64(q, 1, acked);
	for (int step; rc == TL_OK && (step = sqlite3_step(q)) != SQLITE_DONE;) {
		if (step != SQLITE_ROW) {
			rc = store_fail(st, err, "reading moves");
			break;
		}
		long long seq = sqlite3_column_int64(q, 0);
		if (seq != acked + ++n)
			rc = err_set(err, TL_EDB, "sync_moves: move %lld is missing: the log is damaged",
				     acked + n);
		*last = seq;
		*cases = sqlite3_column_int(q, 2);
		fprintf(f, "%s\n", sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	return rc;
}

static int note_out(tl_store *st, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char now[32];
	int rc = store_begin(st, err);
	if (rc)
		return rc;
	sync_now(now);
	if ((rc = store_stmt(st, "UPDATE sync_self SET last_out = ?", &q, err)) == TL_OK) {
		sqlite3_bind_text(q, 1, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "noting the bundle");
		store_stmt_done(st, q);
	}
	return store_end(st, rc, err);
}

/* Reads the moves in one snapshot and seals them. */
static int make(tl_store *st, const sync_self *me, tl_sync_blob *bundle, tl_sync_out *out,
		tl_err *err)
{
	char *text = NULL;
	size_t len = 0;
	bool own = false;
	long long last = me->acked;
	FILE *body = open_memstream(&text, &len);
	int rc = body ? store_read_begin(st, &own, "reading moves", err)
		      : err_set(err, TL_ENOMEM, "bundle: out of memory");

	if (rc == TL_OK)
		rc = payload(st, me->acked, body, &last, &out->cases, err);
	store_read_end(st, own);
	if (body && fclose(body) && rc == TL_OK)
		rc = err_set(err, TL_ENOMEM, "bundle: out of memory");
	if (rc == TL_OK) {
		/* The first line says what follows (sync.h). */
		char head[96];
		int hn = snprintf(head, sizeof head, "{\"format\":1,\"kind\":\"bundle\",\"moves\":%lld}\n",
				  last - me->acked);
		char *all = malloc((size_t)hn + len + 1);
		sync_header h = { .kind = SYNC_KIND_BUNDLE, .key_id = me->key_id,
				  .epoch = (uint32_t)me->epoch, .first = (uint64_t)me->acked + 1,
				  .last = (uint64_t)last, .day = store_today(st) };
		memcpy(h.register_id, me->register_id, SYNC_ID_LEN);
		memcpy(h.install_id, me->install_id, SYNC_ID_LEN);
		snprintf(h.code, sizeof h.code, "%s", me->code);
		if (!all) {
			rc = err_set(err, TL_ENOMEM, "bundle: out of memory");
		} else {
			memcpy(all, head, (size_t)hn);
			memcpy(all + hn, text ? text : "", len);
			rc = sync_env_make(&h, all, (size_t)hn + len, me->register_box_pk, me->sign_sk,
					   bundle, err);
			sodium_memzero(all, (size_t)hn + len);
			free(all);
		}
		out->first = me->acked + 1;
		out->last = last;
	}
	if (text)
		sodium_memzero(text, len);
	free(text);
	return rc;
}

int sync_out(tl_store *st, tl_sync_blob *bundle, tl_sync_out *out, tl_err *err)
{
	sync_self me;
	int rc;

	memset(out, 0, sizeof *out);
	memset(bundle, 0, sizeof *bundle);
	if ((rc = sync_self_get(st, &me, err)))
		return rc;
	if ((rc = make(st, &me, bundle, out, err)) == TL_OK)
		rc = note_out(st, err);
	if (rc == TL_OK)
		snprintf(bundle->name, sizeof bundle->name, "%s-e%d-%lld-%lld.bundle", me.code,
			 me.epoch, out->first, out->last);
	else
		sync_blob_free(bundle);
	sync_self_wipe(&me);
	return rc;
}
