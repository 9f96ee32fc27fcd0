/* people_access.c - tellus subject-access: everything the register holds
 * about a person (UK GDPR article 15), gathered into a folder only its
 * owner can read: one HTML page to hand over, and the same tables as CSV.
 * A case is theirs when the name is its complainant's or its child's,
 * whole (a search for "Zofia Nowak" does not take "Zofia Nowak-Smith"),
 * with case and accents ignored as tellus find does. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "tellus/csv.h"
#include "tellus/people.h"
#include "tellus/text.h"
#include "case/case_private.h"
#include "owner_file.h"

/* Words as the index counts them: runs of letters and digits (any byte
 * past ASCII counts as a letter, so every script is one run). */
static int n_words(const char *s)
{
	int n = 0;
	bool in = false;
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;
		bool w = ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
		n += w && !in;
		in = w;
	}
	return n;
}

/* The phrase query for name in one column: column : "name". */
static char *phrase(const char *column, const char *name)
{
	size_t cap = 2 * strlen(name) + strlen(column) + 8, used;
	char *q = malloc(cap);
	if (!q)
		return NULL;
	used = (size_t)snprintf(q, cap, "%s : \"", column);
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			q[used++] = '"';
		q[used++] = *p;
	}
	snprintf(q + used, cap - used, "\"");
	return q;
}

/* The cases whose complainant's (0) or child's (1) name matches. */
static const char *const ROLES[] = { "complainant", "child" };
static const char *const ROLE_SQL[] = {
	"SELECT c.id, c.complainant_name FROM case_search f JOIN cases c ON c.id = f.rowid"
	" WHERE case_search MATCH search_fold(?)",
	"SELECT c.id, c.child_name FROM case_search f JOIN cases c ON c.id = f.rowid"
	" WHERE case_search MATCH search_fold(?)",
};

/* The cases of role r whose name is the whole name, into temp.access. */
static int gather_role(tl_store *st, int r, const char *name, sqlite3_stmt *add, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char *match = phrase(ROLES[r], name);
	int rc = TL_OK, want = n_words(name);

	if (!match)
		return err_set(err, TL_ENOMEM, "subject access: out of memory");
	if (sqlite3_prepare_v2(store_db(st), ROLE_SQL[r], -1, &q, NULL)) {
		free(match);
		return store_fail(st, err, "gathering");
	}
	sqlite3_bind_text(q, 1, match, -1, SQLITE_STATIC);
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		if (n_words((const char *)sqlite3_column_text(q, 1)) != want)
			continue;
		sqlite3_bind_int64(add, 1, sqlite3_column_int64(q, 0));
		sqlite3_bind_text(add, 2, ROLES[r], -1, SQLITE_STATIC);
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = store_fail(st, err, "gathering");
		sqlite3_reset(add);
	}
	sqlite3_finalize(q);
	free(match);
	return rc;
}

/* Puts the person's cases into temp.access(id, role). */
static int gather(tl_store *st, const char *name, tl_err *err)
{
	sqlite3_stmt *add = NULL;
	int rc = TL_OK;

	if (sqlite3_exec(store_db(st), "CREATE TEMP TABLE access(id INTEGER NOT NULL,"
			 " role TEXT NOT NULL, PRIMARY KEY(id, role))", NULL, NULL, NULL) ||
	    sqlite3_prepare_v2(store_db(st), "INSERT INTO access(id, role) VALUES(?, ?)", -1, &add,
			       NULL))
		return store_fail(st, err, "gathering");
	for (int r = 0; r < 2 && rc == TL_OK; r++)
		rc = gather_role(st, r, name, add, err);
	sqlite3_finalize(add);
	return rc;
}

/* One table of the answer: a CSV file and a section of the page, made
 * by the statement of ACCESS_SQL in the same place. */
typedef struct {
	const char *file, *title, *header;
} access_table;

static const access_table TABLES[] = {
	{ "cases.csv", "Cases",
	  "ref,role,kind,received,complainant_name,child_name,complainant,on_behalf,officer,"
	  "channel,procedure,service_area,team,causes,actions,summary,desired,contact,"
	  "consent_to_publish,advocacy,matter_date,late_reason,retained" },
	{ "stages.csv", "Stages",
	  "ref,stage,started,due,max_due,extended,extension_reason,extension_by,panel,responded,"
	  "outcome" },
	{ "corrections.csv", "Corrections to their words",
	  "ref,at,who,field,old,new,why" },
	{ "letters.csv", "Letters",
	  "ref,kind,made,who,text" },
	{ "equalities.csv", "Equalities monitoring",
	  "ref,age_band,gender,ethnicity,disability" },
	{ "audit.csv", "Audit trail",
	  "at,who,action,ref,detail" },
};
static const char *const ACCESS_SQL[] = {
	"SELECT c.ref, group_concat(a.role, ';'), c.kind, c.received, c.complainant_name,"
	" c.child_name, c.complainant, CASE c.on_behalf WHEN 0 THEN 'no' ELSE 'yes' END, c.officer,"
	" c.channel, c.procedure, c.service_area, c.team,"
	" (SELECT group_concat(cause, ';') FROM case_causes WHERE case_id = c.id),"
	" (SELECT group_concat(action || CASE WHEN note <> '' THEN ': ' || note ELSE '' END, ';')"
	"  FROM actions WHERE case_id = c.id), c.summary, c.desired, c.contact,"
	" CASE c.consent_to_publish WHEN 0 THEN 'no' ELSE 'yes' END,"
	" CASE c.advocacy WHEN 0 THEN 'no' ELSE 'yes' END, c.matter_date, c.late_reason, c.retained"
	" FROM access a JOIN cases c ON c.id = a.id GROUP BY c.id ORDER BY c.received, c.ref",
	"SELECT c.ref, s.stage, s.started, s.due, s.max_due,"
	" CASE s.extended WHEN 0 THEN 'no' ELSE 'yes' END, s.extension_reason, s.extension_by,"
	" s.panel, s.responded, s.outcome FROM cases c JOIN stages s ON s.case_id = c.id"
	" WHERE c.id IN (SELECT id FROM access) ORDER BY c.received, c.ref, s.stage",
	"SELECT c.ref, r.at, r.who, r.field, r.old, r.new, r.why FROM cases c"
	" JOIN case_revisions r ON r.case_id = c.id WHERE c.id IN (SELECT id FROM access)"
	" ORDER BY r.id",
	"SELECT c.ref, l.kind, l.made, l.who, l.body FROM cases c JOIN letters l"
	" ON l.case_id = c.id WHERE c.id IN (SELECT id FROM access) ORDER BY l.id",
	"SELECT c.ref, e.age_band, e.gender, e.ethnicity, e.disability FROM cases c"
	" JOIN equalities e ON e.case_id = c.id WHERE c.id IN (SELECT id FROM access)"
	" ORDER BY c.received, c.ref",
	"SELECT at, who, action, ref, detail FROM audit WHERE ref IN"
	" (SELECT ref FROM cases WHERE id IN (SELECT id FROM access)) ORDER BY id",
};
#define N_TABLES (sizeof TABLES / sizeof TABLES[0])
_Static_assert(sizeof ACCESS_SQL / sizeof ACCESS_SQL[0] == N_TABLES, "a statement a table");
#define MAX_COLS 24

/* Writes one table as dir/FILE and as a section of the page. */
static int write_table(tl_store *st, size_t k, const char *dir, FILE *page, tl_err *err)
{
	const access_table *t = &TABLES[k];
	sqlite3_stmt *q = NULL;
	char *csv = NULL, *copy = strdup(t->header), *save = NULL, path[1200];
	const char *cells[MAX_COLS];
	size_t len = 0, n = 0;
	FILE *f = open_memstream(&csv, &len);
	int rc = TL_OK;

	if (!f || !copy) {
		rc = err_set(err, TL_ENOMEM, "subject access: out of memory");
		goto cleanup;
	}
	for (char *h = strtok_r(copy, ",", &save); h && n < MAX_COLS; h = strtok_r(NULL, ",", &save))
		cells[n++] = h;
	fprintf(page, "<h2>%s</h2>\n<table>\n<tr>", t->title);
	for (size_t i = 0; i < n; i++)
		fprintf(page, "<th scope=\"col\">%s</th>", cells[i]);
	fputs("</tr>\n", page);
	if ((rc = csv_write_record(f, cells, n, true, err)))
		goto cleanup;
	if (sqlite3_prepare_v2(store_db(st), ACCESS_SQL[k], -1, &q, NULL)) {
		rc = store_fail(st, err, "gathering");
		goto cleanup;
	}
	while (rc == TL_OK && sqlite3_step(q) == SQLITE_ROW) {
		fputs("<tr>", page);
		for (size_t i = 0; i < n; i++) {
			const char *v = (const char *)sqlite3_column_text(q, (int)i);
			cells[i] = v ? v : "";
			fputs("<td>", page);
			text_fputs_html(cells[i], page);
			fputs("</td>", page);
		}
		fputs("</tr>\n", page);
		rc = csv_write_record(f, cells, n, true, err);
	}
	fputs("</table>\n", page);
cleanup:
	sqlite3_finalize(q);
	if (f && fclose(f) && rc == TL_OK)
		rc = err_set(err, TL_ENOMEM, "subject access: out of memory");
	snprintf(path, sizeof path, "%s/%s", dir, t->file);
	if (rc == TL_OK)
		rc = owner_file_write(path, csv, len, err);
	free(csv);
	free(copy);
	return rc;
}

static const char CSS[] =
	"body{font-family:'DejaVu Sans','Noto Sans',Arial,sans-serif;font-size:10pt;margin:1em}"
	"table{border-collapse:collapse;margin-bottom:1.5em}th,td{border:1px solid #888;"
	"padding:2px 5px;text-align:left;vertical-align:top;white-space:pre-wrap}"
	"th{background:#eee}";

/* The page and every CSV file. */
static int write_all(tl_store *st, const char *name, const char *dir, tl_err *err)
{
	char *html = NULL, path[1200], authority[256] = "", today[TL_DATE_LEN];
	size_t len = 0;
	FILE *page = open_memstream(&html, &len);
	int rc = TL_OK;

	if (!page)
		return err_set(err, TL_ENOMEM, "subject access: out of memory");
	store_setting_get(st, "authority_name", authority, sizeof authority, NULL);
	date_format(store_today(st), today);
	fprintf(page, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
		"<title>Subject access</title><style>%s</style></head>\n<body>\n<h1>", CSS);
	fputs("What ", page);
	text_fputs_html(authority, page);
	fputs(" holds about ", page);
	text_fputs_html(name, page);
	fprintf(page, "</h1>\n<p>From the complaints register on %s: every case where this name is "
		"the complainant's or the child's.</p>\n", today);
	for (size_t i = 0; i < N_TABLES && rc == TL_OK; i++)
		rc = write_table(st, i, dir, page, err);
	fputs("</body></html>\n", page);
	if (fclose(page) && rc == TL_OK)
		rc = err_set(err, TL_ENOMEM, "subject access: out of memory");
	snprintf(path, sizeof path, "%s/index.html", dir);
	if (rc == TL_OK)
		rc = owner_file_write(path, html, len, err);
	free(html);
	return rc;
}

/* "2 cases: K2-..., K2-..." for the audit (never the name). */
static int audit_line(tl_store *st, long *n, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char detail[1000];
	size_t used;
	int rc;

	*n = 0;
	if (sqlite3_prepare_v2(store_db(st), "SELECT DISTINCT c.ref FROM access a JOIN cases c"
			       " ON c.id = a.id ORDER BY c.ref", -1, &q, NULL))
		return store_fail(st, err, "gathering");
	used = (size_t)snprintf(detail, sizeof detail, "cases:");
	while (sqlite3_step(q) == SQLITE_ROW) {
		(*n)++;
		if (used < sizeof detail)
			used += (size_t)snprintf(detail + used, sizeof detail - used, " %s",
						 sqlite3_column_text(q, 0));
	}
	sqlite3_finalize(q);
	if (*n == 0)
		snprintf(detail, sizeof detail, "no case");
	rc = store_audit(st, "subject_access", NULL, detail, err);
	return rc;
}

int people_subject_access(tl_store *st, const char *name, const char *dir, long *n_cases,
			  tl_err *err)
{
	int rc;

	*n_cases = 0;
	if ((rc = text_check("NAME", name, 200, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	if (mkdir(dir, 0700) && errno != EEXIST)
		return err_set(err, TL_EIO, "%s: cannot create: %s", dir, strerror(errno));
	if (chmod(dir, 0700))
		return err_set(err, TL_EIO, "%s: cannot make it owner-only: %s", dir, strerror(errno));
	if ((rc = store_begin(st, err)))
		return rc;
	if ((rc = gather(st, name, err)) == TL_OK && (rc = write_all(st, name, dir, err)) == TL_OK)
		rc = audit_line(st, n_cases, err);
	sqlite3_exec(store_db(st), "DROP TABLE IF EXISTS temp.access", NULL, NULL, NULL);
	return store_end(st, rc, err);
}
