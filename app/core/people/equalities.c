/* equalities.c - equalities monitoring answers, stored apart from the
 * case (the equalities table, keyed by the case so that answering again
 * replaces, not adds) and read only by the report's aggregate table. The
 * categories are the Office for National Statistics' broad ones, each
 * with "prefer not to say". */
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/equalities.h"
#include "store/store_db.h"
#include "sync/sync_record.h"

#define SET(name, what, arr) const tl_wordset name = { what, arr, sizeof arr / sizeof arr[0] }

static const tl_word age_bands[] = {
	{ "under_11", "Under 11" }, { "11_15", "11 to 15" }, { "16_17", "16 or 17" },
	{ "18_24", "18 to 24" }, { "25_34", "25 to 34" }, { "35_44", "35 to 44" },
	{ "45_54", "45 to 54" }, { "55_64", "55 to 64" }, { "65_plus", "65 or over" },
	{ "prefer_not_to_say", "Prefer not to say" },
};
static const tl_word genders[] = {
	{ "female", "Female" }, { "male", "Male" }, { "non_binary", "Non-binary" },
	{ "other", "In another way" }, { "prefer_not_to_say", "Prefer not to say" },
};
static const tl_word ethnicities[] = {
	{ "asian", "Asian or Asian British" }, { "black", "Black, Black British, Caribbean or African" },
	{ "mixed", "Mixed or multiple ethnic groups" }, { "white", "White" },
	{ "other", "Another ethnic group" }, { "prefer_not_to_say", "Prefer not to say" },
};
static const tl_word disabilities[] = {
	{ "yes", "Yes" }, { "no", "No" }, { "prefer_not_to_say", "Prefer not to say" },
};

SET(WS_AGE_BAND, "age band", age_bands);
SET(WS_GENDER, "gender", genders);
SET(WS_ETHNICITY, "ethnicity", ethnicities);
SET(WS_DISABILITY, "disability", disabilities);

int equalities_from_words(const char *const words[4], tl_equalities *e, tl_err *err)
{
	const tl_wordset *sets[] = { &WS_AGE_BAND, &WS_GENDER, &WS_ETHNICITY, &WS_DISABILITY };
	int *v[] = { &e->age_band, &e->gender, &e->ethnicity, &e->disability };

	for (int i = 0; i < 4; i++) {
		*v[i] = words[i] && *words[i] ? words_find(sets[i], words[i]) : -1;
		if (words[i] && *words[i] && *v[i] < 0)
			return err_set(err, TL_EINVAL, "%s: '%.40s' is not an answer this register "
				       "knows", sets[i]->what, words[i]);
	}
	return TL_OK;
}

int equalities_put(tl_store *st, const char *ref, const tl_equalities *e, tl_err *err)
{
	const tl_wordset *sets[] = { &WS_AGE_BAND, &WS_GENDER, &WS_ETHNICITY, &WS_DISABILITY };
	const int v[] = { e->age_band, e->gender, e->ethnicity, e->disability };
	sqlite3_stmt *q = NULL;
	tl_case c;
	int rc, given = 0;

	for (int i = 0; i < 4; i++) {
		if (v[i] >= (int)sets[i]->n)
			return err_set(err, TL_EINVAL, "%s: unknown answer", sets[i]->what);
		given += v[i] >= 0;
	}
	if (!given)
		return err_set(err, TL_EINVAL, "answers: none given (an age band, gender, ethnicity "
			       "or disability)");
	if ((rc = case_get(st, ref, &c, err)))
		return rc;
	if ((rc = store_begin(st, err)))
		goto cleanup;
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO equalities(case_id, age_band, gender,"
			       " ethnicity, disability) VALUES(?, ?, ?, ?, ?) ON CONFLICT(case_id) DO"
			       " UPDATE SET age_band = excluded.age_band, gender = excluded.gender,"
			       " ethnicity = excluded.ethnicity, disability = excluded.disability",
			       -1, &q, NULL)) {
		rc = store_end(st, store_fail(st, err, "saving equalities answers"), err);
		goto cleanup;
	}
	sqlite3_bind_int64(q, 1, c.id);
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(q, 2 + i, v[i] >= 0 ? words_word(sets[i], v[i]) : "", -1,
				  SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving equalities answers");
	sqlite3_finalize(q);
	/* Which answers, never: the audit trail is read with the case. */
	if (rc == TL_OK)
		rc = store_audit(st, "equalities", c.ref, "equalities monitoring answers recorded", err);
	/* Answers given at a kiosk belong in the register's report: they
	 * travel as a move, the four words in order ("" for one not given). */
	sync_move m = { .move = "equalities", .ref = c.ref, .n_list = 4 };
	for (int i = 0; i < 4; i++)
		m.list[i] = v[i] >= 0 ? words_word(sets[i], v[i]) : "";
	if (rc == TL_OK)
		rc = sync_record(st, &m, err);
	rc = store_end(st, rc, err);
cleanup:
	case_clear(&c);
	return rc;
}
