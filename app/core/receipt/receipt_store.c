/* receipt_store.c - issuing receipts and checking tracking codes against
 * the database. Only the hash of a code is ever stored (cases.tracking_hash);
 * the audit trail records that a code was issued or replaced, never the
 * code itself. */
#include <stdio.h>
#include <string.h>
#include "tellus/receipt.h"
#include "store/store_db.h"
#include "sync/sync_record.h"

static int setting(tl_store *st, const char *key, char *out, tl_err *err)
{
	int rc = store_setting_get(st, key, out, RECEIPT_FIELD_MAX, err);
	if (rc == TL_ENOTFOUND) {
		out[0] = '\0';
		return TL_OK;
	}
	return rc;
}

int receipt_settings_load(tl_store *st, tl_receipt_settings *out, tl_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = setting(st, "authority_name", out->authority, err)) ||
	    (rc = setting(st, "contact_phone", out->phone, err)) ||
	    (rc = setting(st, "contact_email", out->email, err)))
		return rc;
	return setting(st, "receipt_url", out->url, err);
}

/* Reads the stored hash of the case with reference ref: *hash is "" when
 * no code was ever issued; TL_ENOTFOUND when there is no such case. */
static int stored_hash(tl_store *st, const char *ref, char hash[RECEIPT_HASH_MAX], tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (sqlite3_prepare_v2(store_db(st), "SELECT tracking_hash FROM cases WHERE ref = ?",
			       -1, &s, NULL))
		return store_fail(st, err, "reading a tracking code");
	sqlite3_bind_text(s, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(s, 0);
		snprintf(hash, RECEIPT_HASH_MAX, "%s", h ? h : "");
		rc = TL_OK;
	} else if (rc == SQLITE_DONE) {
		hash[0] = '\0';
		rc = err_set(err, TL_ENOTFOUND, "ref: no case has the reference '%.40s'", ref);
	} else {
		rc = store_fail(st, err, "reading a tracking code");
	}
	sqlite3_finalize(s);
	return rc;
}

int receipt_hash_put(tl_store *st, const char *ref, const char *hash, tl_err *err)
{
	char old[RECEIPT_HASH_MAX];
	sqlite3_stmt *s = NULL;
	int rc;

	/* A hash from a device's bundle is taken only in the form this build
	 * writes (receipt_code_hash): it is a string, never run or shown. */
	if (!hash || strncmp(hash, "$argon2id$", 10) || strlen(hash) >= RECEIPT_HASH_MAX ||
	    strpbrk(hash, " \t\r\n"))
		return err_set(err, TL_EINVAL, "tracking code: the stored hash is not one");
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = stored_hash(st, ref, old, err)))
		goto cleanup;
	if (sqlite3_prepare_v2(store_db(st), "UPDATE cases SET tracking_hash = ? WHERE ref = ?",
			       -1, &s, NULL)) {
		rc = store_fail(st, err, "storing a tracking code");
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, ref, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE) {
		rc = store_fail(st, err, "storing a tracking code");
		goto cleanup;
	}
	const char *action = old[0] ? "receipt_reissued" : "receipt_issued";
	rc = old[0] ? store_audit(st, action, ref,
				  "new tracking code; the previous one no longer works", err)
		    : store_audit(st, action, ref, "tracking code issued", err);
	/* The hash travels to the register (sync.h), so that the code on the
	 * receipt works there too; the code itself never leaves the receipt. */
	sync_move m = { .move = "tracking", .action = action, .ref = ref, .text = hash };
	if (rc == TL_OK)
		rc = sync_record(st, &m, err);
cleanup:
	sqlite3_finalize(s);
	return store_end(st, rc, err);
}

/* Replaces the case's hash and says so in the audit trail. */
static int replace_code(tl_store *st, const char *ref, const char *code, tl_err *err)
{
	char hash[RECEIPT_HASH_MAX];
	int rc = receipt_code_hash(code, hash, err);
	return rc ? rc : receipt_hash_put(st, ref, hash, err);
}

static int audit_reference_only(tl_store *st, const char *ref, tl_err *err)
{
	int rc = store_begin(st, err);
	if (rc)
		return rc;
	return store_end(st, store_audit(st, "receipt_reference_only", ref,
					 "receipt without tracking code", err), err);
}

int receipt_issue(tl_store *st, const char *ref, bool reference_only, tl_receipt *out,
		  tl_err *err)
{
	tl_receipt_settings set;
	char code[RECEIPT_CODE_MAX] = "";
	tl_case c;
	int rc;

	memset(out, 0, sizeof *out);
	case_init(&c);
	if ((rc = case_get(st, ref, &c, err)) || (rc = receipt_settings_load(st, &set, err)))
		goto cleanup;
	if (reference_only)
		rc = audit_reference_only(st, c.ref, err);
	else if ((rc = receipt_code_new(code, err)) == TL_OK)
		rc = replace_code(st, c.ref, code, err);
	if (rc == TL_OK)
		receipt_from_case(&c, &set, code, out);
cleanup:
	memset(code, 0, sizeof code);
	case_clear(&c);
	return rc;
}

/* Is typed meant as a Tellus reference (three hyphens, as K2-26-0417-X)?
 * Then a mistyped one is named as a typo rather than looked up as the
 * reference of an older system. */
static bool looks_like_ours(const char *typed)
{
	int n = 0;
	for (; typed && *typed; typed++)
		n += *typed == '-';
	return n == 3;
}

/* The stored hash for what was typed: a Tellus reference in its canonical
 * form, else (imported from an older system) exactly as typed. A wrong
 * check character is a typo anyone can see from the reference alone, so
 * naming it reveals nothing about the cases. */
static int hash_for_typed(tl_store *st, const char *typed, char canon[REF_MAX],
			  char hash[RECEIPT_HASH_MAX], tl_err *err)
{
	tl_err why;

	if (ref_normalise(typed, canon, &why) == TL_OK)
		return stored_hash(st, canon, hash, err);
	if (strstr(why.msg, "check character"))
		return err_set(err, TL_EINVAL, "%s", why.msg);
	snprintf(canon, REF_MAX, "%s", typed ? typed : "");
	int rc = stored_hash(st, canon, hash, err);
	if (rc == TL_ENOTFOUND && looks_like_ours(typed))
		return err_set(err, TL_EINVAL, "%s", why.msg);
	/* Typed without its hyphens: the first split that names a case. Two
	 * could both name one only if a device's code were another's with a
	 * digit added and their sequences lined up; the first is checked. */
	char split[REF_DEVICE_MAX][REF_MAX];
	for (int i = 0, n = ref_unhyphenated(typed, split, REF_DEVICE_MAX);
	     rc == TL_ENOTFOUND && i < n; i++)
		if ((rc = stored_hash(st, split[i], hash, err)) == TL_OK)
			memcpy(canon, split[i], REF_MAX);
	return rc;
}

int receipt_track(tl_store *st, const char *ref, const char *code, tl_case *out,
		  tl_err *err)
{
	char canon[REF_MAX], hash[RECEIPT_HASH_MAX] = "";
	int rc = hash_for_typed(st, ref, canon, hash, err);

	if (rc && rc != TL_ENOTFOUND)
		return rc;
	/* Unknown reference, no code issued, wrong code: one answer, one cost. */
	if (!receipt_code_matches(hash, code))
		return err_set(err, TL_EAUTH, RECEIPT_NO_MATCH);
	return case_get(st, canon, out, err);
}

int receipt_track_audit(tl_store *st, const char *ref, const char *action, const char *detail,
			tl_err *err)
{
	int rc = store_begin(st, err);
	if (rc)
		return rc;
	return store_end(st, store_audit(st, action, ref, detail, err), err);
}
