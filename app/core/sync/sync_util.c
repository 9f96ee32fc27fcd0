/* sync_util.c - small things the sync files share: the device's own row,
 * days as YYYYMMDD numbers, JSON Lines, the time now, one-statement
 * writes. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "sync_private.h"

const tl_word DEVICE_ROLES[] = {
	{ "kiosk", "Kiosk" }, { "officer", "Officer's device" }, { "desk", "Staff desk" },
};
const tl_wordset WS_DEVICE_ROLE = { "role", DEVICE_ROLES, 3 };

void sync_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

uint32_t sync_day_number(tl_date d)
{
	int y, m, dd;
	if (d == TL_NO_DATE)
		return 0;
	date_to_ymd(d, &y, &m, &dd);
	return (uint32_t)(y * 10000 + m * 100 + dd);
}

tl_date sync_day_from_number(uint32_t n)
{
	int y = (int)(n / 10000), m = (int)(n / 100 % 100), d = (int)(n % 100);
	return date_valid_ymd(y, m, d) ? date_from_ymd(y, m, d) : TL_NO_DATE;
}

bool sync_next_line(const char *text, size_t len, size_t *pos, const char **line, size_t *n)
{
	if (*pos >= len)
		return false;
	const char *start = text + *pos;
	const char *nl = memchr(start, '\n', len - *pos);
	*line = start;
	*n = nl ? (size_t)(nl - start) : len - *pos;
	*pos += *n + (nl ? 1 : 0);
	return true;
}

bool sync_col_blob(sqlite3_stmt *q, int col, void *out, size_t n)
{
	if (sqlite3_column_type(q, col) != SQLITE_BLOB || (size_t)sqlite3_column_bytes(q, col) != n)
		return false;
	memcpy(out, sqlite3_column_blob(q, col), n);
	return true;
}

void sync_self_wipe(sync_self *s)
{
	sodium_memzero(s, sizeof *s);
}

int sync_self_get(tl_store *st, sync_self *out, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_stmt(st, "SELECT code, name, role, epoch, register_id, key_id,"
			     " register_box_pk, register_sign_pk, sign_sk, box_pk, box_sk, install_id,"
			     " acked, replies, reply_serial FROM sync_self", &q, err)))
		return rc;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		snprintf(out->code, sizeof out->code, "%s", sqlite3_column_text(q, 0));
		snprintf(out->name, sizeof out->name, "%s", sqlite3_column_text(q, 1));
		out->role = words_find(&WS_DEVICE_ROLE, (const char *)sqlite3_column_text(q, 2));
		out->epoch = sqlite3_column_int(q, 3);
		out->key_id = (uint32_t)sqlite3_column_int64(q, 5);
		out->acked = sqlite3_column_int64(q, 12);
		out->replies = sqlite3_column_int64(q, 13);
		out->reply_serial = sqlite3_column_int64(q, 14);
		bool ok = sync_col_blob(q, 4, out->register_id, SYNC_ID_LEN) &&
			  sync_col_blob(q, 6, out->register_box_pk, sizeof out->register_box_pk) &&
			  sync_col_blob(q, 7, out->register_sign_pk, sizeof out->register_sign_pk) &&
			  sync_col_blob(q, 8, out->sign_sk, sizeof out->sign_sk) &&
			  sync_col_blob(q, 9, out->box_pk, sizeof out->box_pk) &&
			  sync_col_blob(q, 10, out->box_sk, sizeof out->box_sk) &&
			  sync_col_blob(q, 11, out->install_id, SYNC_ID_LEN);
		rc = ok && out->role >= 0 ? TL_OK
			: err_set(err, TL_EDB, "sync_self: this device's keys are damaged: join again");
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "this file has not joined a register (tellus device "
			     "join FILE.pair)");
	} else {
		rc = store_fail(st, err, "reading this device");
	}
	store_stmt_done(st, q);
	if (rc)
		sync_self_wipe(out);
	return rc;
}

void sync_self_device(const sync_self *d, tl_device *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->code, sizeof out->code, "%s", d->code);
	snprintf(out->name, sizeof out->name, "%s", d->name);
	out->role = d->role;
	out->epoch = d->epoch;
	sync_now(out->added);
}
