/* store_settings.c - the settings table: known keys only, each checked
 * before it is stored, every change in the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/lang.h"
#include "tellus/ref.h"
#include "defaults.h"
#include "store_private.h"

bool store_setting_known(const char *key)
{
	for (const tl_default_pair *p = DEFAULT_SETTINGS; p->key; p++)
		if (strcmp(p->key, key) == 0)
			return true;
	return false;
}

void store_setting_keys(char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	for (const tl_default_pair *p = DEFAULT_SETTINGS; p->key && used < cap; p++)
		used += (size_t)snprintf(out + used, cap - used, "%s%s", used ? ", " : "", p->key);
}

static int unknown_key(const char *key, tl_err *err)
{
	char keys[512];
	store_setting_keys(keys, sizeof keys);
	return err_set(err, TL_EINVAL, "unknown setting '%.40s' (known: %s)", key, keys);
}

int store_setting_get(tl_store *st, const char *key, char *out, size_t cap, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (!store_setting_known(key))
		return unknown_key(key, err);
	/* A file of cases asks for the same profile at every row. */
	store_memo *m = store_memo_of(st);
	if (m && strcmp(m->key, key) == 0) {
		snprintf(out, cap, "%s", m->value);
		return TL_OK;
	}
	if ((rc = store_stmt(st, "SELECT value FROM settings WHERE key = ?", &s, err)))
		return rc;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(s, 0);
		snprintf(out, cap, "%s", v);
		if (m && v && strlen(key) < sizeof m->key && strlen(v) < sizeof m->value) {
			strcpy(m->key, key);
			strcpy(m->value, v);
		}
		rc = TL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TL_ENOTFOUND, "%s: has no value", key);
	} else {
		rc = store_fail(st, err, "reading settings");
	}
	store_stmt_done(st, s);
	return rc;
}

/* v must be a whole number of unit from lo to hi. */
static int check_whole(const char *key, const char *v, long lo, long hi, const char *unit,
		       tl_err *err)
{
	char *end;
	long n = strtol(v, &end, 10);
	if (end == v || *end || n < lo || n > hi)
		return err_set(err, TL_EINVAL, "%s: '%.40s' must be a whole number of %s "
			       "from %ld to %ld", key, v, unit, lo, hi);
	return TL_OK;
}

static int check_value(tl_store *st, const char *key, const char *v, tl_err *err)
{
	tl_profile p;
	int rc;

	if (strcmp(key, "device_code") == 0 && !ref_device_valid(v))
		return err_set(err, TL_EINVAL, "device_code: '%.8s' must be 1 to 4 of %s",
			       v, REF_ALPHABET);
	if (strcmp(key, "idle_seconds") == 0 && (rc = check_whole(key, v, 10, 3600, "seconds", err)))
		return rc;
	if (strcmp(key, "sync_seconds") == 0 && (rc = check_whole(key, v, 5, 86400, "seconds", err)))
		return rc;
	if (strcmp(key, "retention_years") == 0 && (rc = check_whole(key, v, 1, 100, "years", err)))
		return rc;
	if ((strcmp(key, "receipt_url") == 0 || strcmp(key, "register_url") == 0) &&
	    strncmp(v, "https://", 8) && strncmp(v, "http://", 7))
		return err_set(err, TL_EINVAL, "%s: '%.60s' must start with https:// "
			       "or http://", key, v);
	if (strncmp(key, "profile_", 8) == 0)
		return store_profile(st, v, &p, err);
	if (strcmp(key, "languages") == 0) {
		const tl_lang *l[LANG_MAX];
		int n;
		return lang_list_parse(v, l, LANG_MAX, &n, err);
	}
	if (strlen(v) > 1000)
		return err_set(err, TL_EINVAL, "%s: a value is at most 1000 bytes", key);
	return TL_OK;
}

int store_setting_set(tl_store *st, const char *key, const char *value, tl_err *err)
{
	char detail[1200];
	int rc;

	if (!store_setting_known(key))
		return unknown_key(key, err);
	if ((rc = check_value(st, key, value, err)))
		return rc;
	snprintf(detail, sizeof detail, "%s=%s", key, value);
	store_memo *m = store_memo_of(st);
	if (m)
		m->key[0] = '\0';
	return store_write_pair(st, "INSERT INTO settings(key, value) VALUES(?1, ?2) "
				"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				key, value, "config_set", detail, err);
}
