/* people_find.c - tellus find: the search index (case_search, FTS5 kept
 * by triggers, migration 12) asked for every word a person typed, as the
 * start of a word, and the cases it finds ranked by bm25 with names
 * weighted above references and words. The query is folded like the
 * index (search_fold) and every word is quoted, so nothing typed is read
 * as FTS5 syntax. */
#include <stdlib.h>
#include <string.h>
#include "tellus/people.h"
#include "tellus/text.h"
#include "case/case_private.h"

/* The FTS5 query for text: each word as a quoted prefix ("now"*), a
 * typed reference as its canonical form, all of them required. The
 * caller frees *out. */
static int build_query(const char *text, char **out, tl_err *err)
{
	size_t cap = 4 * strlen(text) + 64, used = 0;
	char *q = malloc(cap), *copy = strdup(text), *save = NULL;

	if (!q || !copy) {
		free(q);
		free(copy);
		return err_set(err, TL_ENOMEM, "find: out of memory");
	}
	q[0] = '\0';
	for (char *w = strtok_r(copy, " \t\r\n", &save); w; w = strtok_r(NULL, " \t\r\n", &save)) {
		char ref[REF_MAX];
		bool is_ref = ref_normalise(w, ref, NULL) == TL_OK;
		const char *word = is_ref ? ref : w;
		used += (size_t)snprintf(q + used, cap - used, "%s\"", used ? " " : "");
		for (const char *p = word; *p && used + 4 < cap; p++) {
			if (*p == '"')
				q[used++] = '"';
			q[used++] = *p;
		}
		used += (size_t)snprintf(q + used, cap - used, "\"%s", is_ref ? "" : "*");
	}
	free(copy);
	*out = q;
	return TL_OK;
}

int people_find(tl_store *st, const char *text, people_fn fn, void *arg, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	char *query = NULL;
	int rc, step;

	if ((rc = text_check("TEXT", text, 400, TEXT_REQUIRED | TEXT_ONE_LINE, err)) ||
	    (rc = build_query(text, &query, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st),
		"SELECT c.ref, c.received, c.kind, c.service_area, c.complainant_name, c.child_name,"
		" (SELECT responded IS NULL FROM stages WHERE case_id = c.id ORDER BY stage DESC"
		"  LIMIT 1) FROM case_search f JOIN cases c ON c.id = f.rowid"
		" WHERE case_search MATCH search_fold(?)"
		" ORDER BY bm25(case_search, 5.0, 10.0, 10.0, 1.0), c.received DESC, c.ref", -1, &s, NULL)) {
		rc = store_fail(st, err, "searching");
		goto cleanup;
	}
	sqlite3_bind_text(s, 1, query, -1, SQLITE_STATIC);
	while (rc == TL_OK && (step = sqlite3_step(s)) == SQLITE_ROW) {
		tl_found f = {
			.ref = (const char *)sqlite3_column_text(s, 0),
			.received = case_col_date(s, 1),
			.kind = words_find(&WS_KIND, (const char *)sqlite3_column_text(s, 2)),
			.service_area = (const char *)sqlite3_column_text(s, 3),
			.complainant_name = (const char *)sqlite3_column_text(s, 4),
			.child_name = (const char *)sqlite3_column_text(s, 5),
			.open = sqlite3_column_int(s, 6),
		};
		rc = fn(&f, arg);
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "searching");
cleanup:
	sqlite3_finalize(s);
	free(query);
	return rc;
}
