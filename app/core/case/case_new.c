/* case_new.c - new cases: logging one (a reference from the device code
 * and the year's sequence) and storing a whole case from a file (kept
 * idempotent: the same case again changes nothing, a different one with
 * the same reference is refused). */
#include <stdio.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/lists.h"
#include "tellus/text.h"
#include "case_private.h"
#include "sync/sync_record.h"

/* The next unused reference for this device and year; ref_seq moves on
 * inside case_log's transaction, so two writers never share one. */
static int next_ref(tl_store *st, tl_case *c, tl_err *err)
{
	char device[16];
	int y, m, d, rc;
	sqlite3_stmt *q = NULL;

	if ((rc = store_setting_get(st, "device_code", device, sizeof device, err)))
		return rc;
	date_to_ymd(c->received, &y, &m, &d);
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO ref_seq(device, year, next) VALUES(?1, ?2, 2)"
			       " ON CONFLICT(device, year) DO UPDATE SET next = next + 1"
			       " RETURNING next - 1", -1, &q, NULL))
		return store_fail(st, err, "numbering a case");
	for (;;) {
		sqlite3_bind_text(q, 1, device, -1, SQLITE_STATIC);
		sqlite3_bind_int(q, 2, y);
		if (sqlite3_step(q) != SQLITE_ROW) {
			rc = store_fail(st, err, "numbering a case");
			break;
		}
		long seq = sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
		if ((rc = ref_make(device, y, seq, c->ref, err)))
			break;
		tl_case other;
		rc = case_get(st, c->ref, &other, NULL);
		if (rc == TL_ENOTFOUND) {
			rc = TL_OK;
			break;
		}
		case_clear(&other);
		if (rc)
			break; /* a reference imported from elsewhere: try the next */
	}
	sqlite3_finalize(q);
	return rc;
}

static int prepare(tl_store *st, tl_case *c, const char **field, tl_err *err)
{
	int rc;
	if (case_has_stages(c) && c->n_stages == 0 && !case_stage_add(c, 1))
		return err_set(err, TL_ENOMEM, "case: cannot add stage 1");
	if ((rc = case_compute(st, c, field, err)))
		return rc;
	return case_check(st, c, field, err);
}

/* A case from a device or a file may bring a service area or team the
 * lists have not seen: it joins them (tellus log refuses one before). */
static int lists_take(tl_store *st, const tl_case *c, tl_err *err)
{
	bool added;
	int rc = lists_ensure(st, TL_LIST_SERVICES, c->service_area, &added, err);
	return rc ? rc : lists_ensure(st, TL_LIST_TEAMS, c->team, &added, err);
}

/* "kind=complaint channel=kiosk ... officer=NAME", put together by hand:
 * an import writes one a case, and snprintf was a fiftieth of it. */
static void audit_line(const tl_case *c, char *out, size_t cap)
{
	const char *parts[] = {
		"kind=", words_word(&WS_KIND, c->kind), " channel=",
		words_word(&WS_CHANNEL, c->channel), " procedure=",
		words_word(&WS_PROCEDURE, c->procedure), " complainant=",
		words_word(&WS_COMPLAINANT, c->complainant), " on_behalf=",
		c->on_behalf ? "yes" : "no", c->officer && *c->officer ? " officer=" : "",
		c->officer ? c->officer : "",
	};
	size_t used = 0;

	for (size_t i = 0; i < sizeof parts / sizeof *parts && cap; i++) {
		size_t n = strlen(parts[i]);
		if (n > cap - 1 - used)
			n = cap - 1 - used;
		memcpy(out + used, parts[i], n);
		used += n;
	}
	if (cap)
		out[used] = '\0';
}

/* A Tellus reference with its check character right, or one from an
 * older system by the rule of ref_legacy_check. */
static int check_ref(const char *ref, tl_err *err)
{
	char body[REF_MAX];
	size_t n = strlen(ref);
	int rc = text_check("ref", ref, REF_MAX - 1, TEXT_REQUIRED | TEXT_ONE_LINE, err);

	if (rc)
		return rc;
	if (strchr(ref, ' ') || strchr(ref, ','))
		return err_set(err, TL_EINVAL, "ref: '%.40s' has a space or comma", ref);
	if (!ref_is_tellus_shape(ref))
		return ref_legacy_check(ref, err);
	memcpy(body, ref, n - 2);
	body[n - 2] = '\0';
	if (ref_check_char(body) != ref[n - 1])
		return err_set(err, TL_EINVAL, "ref: '%s' has a wrong check character", ref);
	return TL_OK;
}

/* A whole case as a file or a device holds it: its stages' clocks from
 * their pauses, then the deadlines and rules (once). */
static int prepare_whole(tl_store *st, tl_case *c, const char **field, tl_err *err)
{
	int rc = case_clock_settle(st, c, field, err);
	return rc ? rc : prepare(st, c, field, err);
}

static int insert_audited(tl_store *st, tl_case *c, tl_err *err)
{
	char detail[512];
	int rc = lists_take(st, c, err);

	if (rc)
		return rc;
	rc = case_insert(st, c, err);
	if (rc && sqlite3_extended_errcode(store_db(st)) == SQLITE_CONSTRAINT_UNIQUE)
		return err_set(err, TL_EEXIST, "ref: '%s' is already stored", c->ref);
	audit_line(c, detail, sizeof detail);
	sync_move m = { .move = "put", .ref = c->ref, .c = c };
	if (rc == TL_OK && (rc = store_audit(st, "import", c->ref, detail, err)) == TL_OK)
		rc = sync_record(st, &m, err);
	return rc;
}

int case_add(tl_store *st, tl_case *c, const char **field, tl_err *err)
{
	int rc;

	if (field)
		*field = "ref";
	if ((rc = check_ref(c->ref, err)) || (rc = store_begin(st, err)))
		return rc;
	if ((rc = prepare_whole(st, c, field, err)) == TL_OK) {
		if (field)
			*field = "ref";
		rc = insert_audited(st, c, err);
	}
	return store_end(st, rc, err);
}

/* At the register, a case a device logged keeps the device's reference
 * (sync.h): *kept says so. A reference already stored is refused, and the
 * move goes to conflicts. */
static int replayed_ref(tl_store *st, tl_case *c, bool *kept, tl_err *err)
{
	tl_case other;
	int rc;

	*kept = store_replaying(st) && c->ref[0];
	if (!*kept)
		return TL_OK;
	if ((rc = check_ref(c->ref, err)))
		return rc;
	rc = case_get(st, c->ref, &other, NULL);
	if (rc == TL_OK) {
		case_clear(&other);
		return err_set(err, TL_EEXIST, "ref: '%s' is already stored here", c->ref);
	}
	return rc == TL_ENOTFOUND ? TL_OK : rc;
}

int case_log(tl_store *st, tl_case *c, tl_err *err)
{
	char detail[512];
	bool kept = false;
	int rc;

	if (c->on_behalf && (!c->officer || !*c->officer))
		return err_set(err, TL_EINVAL, "officer: a case logged on a child's behalf names "
			       "the officer who logged it");
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = prepare(st, c, NULL, err)) || (rc = replayed_ref(st, c, &kept, err)) ||
	    (!kept && (rc = next_ref(st, c, err))) || (rc = lists_take(st, c, err)) ||
	    (rc = case_insert(st, c, err)))
		goto cleanup;
	audit_line(c, detail, sizeof detail);
	sync_move m = { .move = "log", .ref = c->ref, .c = c };
	if ((rc = store_audit(st, "log", c->ref, detail, err)) == TL_OK)
		rc = sync_record(st, &m, err);
cleanup:
	if ((rc = store_end(st, rc, err)))
		c->ref[0] = '\0';
	return rc;
}

int case_put(tl_store *st, tl_case *c, bool *added, tl_err *err)
{
	tl_case old;
	const char *diff = NULL;
	int rc;

	*added = false;
	if ((rc = check_ref(c->ref, err)) || (rc = store_begin(st, err)))
		return rc;
	if ((rc = prepare_whole(st, c, NULL, err)))
		goto cleanup;
	rc = case_get(st, c->ref, &old, NULL);
	if (rc == TL_OK) {
		bool same = case_same(&old, c, &diff);
		case_clear(&old);
		rc = same ? TL_OK : err_set(err, TL_EEXIST, "ref: '%s' is already stored and "
					    "differs in %s", c->ref, diff);
		goto cleanup;
	}
	if (rc == TL_ENOTFOUND && (rc = insert_audited(st, c, err)) == TL_OK)
		*added = true;
cleanup:
	if ((rc = store_end(st, rc, err)))
		*added = false;
	return rc;
}
