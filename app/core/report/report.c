/* report.c - computes the annual report's tables from their definitions.
 * Each definition is one SQL statement whose header comment gives its
 * title, CSV header, display columns and chart; the year's dates are bound
 * as named parameters. Rendering is elsewhere (report_out.c, report_html.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "report_private.h"

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* The value of header line "-- key: value" in def, copied into out with
 * {cur}, {prev} and {old} replaced by the year labels; false if absent. */
static bool def_field(const tl_report *r, const char *def, const char *key, char *out, size_t cap)
{
	char pat[32];
	int n = snprintf(pat, sizeof pat, "-- %s:", key);
	const char *line = def;

	while (line && strncmp(line, "--", 2) == 0) {
		if (strncmp(line, pat, (size_t)n) == 0)
			break;
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
	if (!line || strncmp(line, "--", 2) != 0)
		return false;
	const char *v = line + n;
	while (*v == ' ')
		v++;
	size_t used = 0;
	for (; *v && *v != '\n' && used + 1 < cap; v++) {
		const char *lab = !r ? NULL : !strncmp(v, "{cur}", 5) ? r->label :
				  !strncmp(v, "{prev}", 6) ? r->prev_label : NULL;
		char old[24];
		if (r && !strncmp(v, "{old}", 5)) {
			snprintf(old, sizeof old, "%d/%02d", r->year - 2, (r->year - 1) % 100);
			lab = old;
		}
		if (lab && used + strlen(lab) + 1 < cap) {
			used += (size_t)snprintf(out + used, cap - used, "%s", lab);
			v = strchr(v, '}');
		} else {
			out[used++] = *v;
		}
	}
	out[used] = '\0';
	return true;
}

/* Splits s at sep into a malloc'd array of malloc'd strings. */
static char **split(const char *s, char sep, size_t *n)
{
	size_t k = 1;
	for (const char *p = s; *p; p++)
		k += *p == sep;
	char **v = calloc(k, sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < k; i++) {
		const char *end = strchr(s, sep);
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (!(v[i] = malloc(len + 1))) {
			while (i)
				free(v[--i]);
			free(v);
			return NULL;
		}
		memcpy(v[i], s, len);
		v[i][len] = '\0';
		s = end ? end + 1 : s + len;
	}
	*n = k;
	return v;
}

static void free_strs(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static int find_col(const tl_report_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_cols; i++)
		if (strcmp(t->header[i], name) == 0)
			return (int)i;
	return -1;
}

/* "-- money: a,b" and "-- percent: a,b[PATTERN]": the columns (and, for
 * a percentage, the rows by column 0) that hold pounds or percentages. */
static int parse_kinds(const tl_report *r, const tl_report_src *src, tl_report_table *t,
		       tl_err *err)
{
	char buf[1024];
	int rc = TL_OK;

	for (int k = 0; k < 2 && rc == TL_OK; k++) {
		if (!def_field(r, src->text, k ? "percent" : "money", buf, sizeof buf) || !buf[0])
			continue;
		size_t n = 0;
		char **names = split(buf, ',', &n);
		if (!names || (k ? !t->percent && !(t->percent = calloc(t->n_cols, sizeof *t->percent))
				 : !t->money && !(t->money = calloc(t->n_cols, sizeof *t->money))))
			rc = err_set(err, TL_ENOMEM, "report %s: out of memory", src->name);
		for (size_t i = 0; names && i < n && rc == TL_OK; i++) {
			char *rows = strchr(names[i], '[');
			if (rows)
				*rows++ = '\0', rows[strcspn(rows, "]")] = '\0';
			int c = find_col(t, names[i]);
			if (c <= 0)
				rc = err_set(err, TL_EINVAL, "report definition %s: %s column '%s' is "
					     "not in the header", src->name, k ? "percent" : "money", names[i]);
			else if (!k)
				t->money[c] = true;
			else if (!(t->percent[c] = dup_str(rows ? rows : "*")))
				rc = err_set(err, TL_ENOMEM, "report %s: out of memory", src->name);
		}
		free_strs(names, n);
	}
	return rc;
}

/* Reads the header comment of def into t: names, header, columns, chart. */
static int parse_def(const tl_report *r, const tl_report_src *src, tl_report_table *t, tl_err *err)
{
	char buf[1024];
	size_t n = 0;
	int rc;

	char csv[8] = "";
	def_field(r, src->text, "csv", csv, sizeof csv);
	snprintf(buf, sizeof buf, "%s.csv", src->name);
	t->name = dup_str(src->name);
	t->file = strcmp(csv, "no") ? dup_str(buf) : NULL;
	if (!def_field(r, src->text, "title", buf, sizeof buf))
		snprintf(buf, sizeof buf, "%s", src->name);
	t->title = dup_str(buf);
	if (!t->name || !t->title || (!t->file && strcmp(csv, "no")))
		return err_set(err, TL_ENOMEM, "report %s: out of memory", src->name);
	if (!def_field(r, src->text, "header", buf, sizeof buf) ||
	    !(t->header = split(buf, ',', &t->n_cols)))
		return err_set(err, TL_EINVAL, "report definition %s: no '-- header:' line",
			       src->name);
	if (!def_field(r, src->text, "columns", buf, sizeof buf))
		snprintf(buf, sizeof buf, "%s", "");
	t->columns = buf[0] ? split(buf, '|', &n) : NULL;
	if (buf[0] && n != t->n_cols)
		return err_set(err, TL_EINVAL, "report definition %s: %zu columns for a "
			       "header of %zu", src->name, n, t->n_cols);
	if ((rc = parse_kinds(r, src, t, err)))
		return rc;
	if (def_field(r, src->text, "chart", buf, sizeof buf) && buf[0]) {
		char **names = split(buf, ',', &n);
		for (size_t i = 0; names && i < n && i < 4; i++) {
			int c = find_col(t, names[i]);
			if (c <= 0) {
				free_strs(names, n);
				return err_set(err, TL_EINVAL, "report definition %s: chart "
					       "column is not in the header", src->name);
			}
			t->chart[t->n_chart++] = (size_t)c;
		}
		free_strs(names, n);
	}
	return TL_OK;
}

static void bind_dates(const tl_report *r, sqlite3_stmt *s)
{
	static const char *const NAMES[] = { ":old_from", ":old_to", ":prev_from", ":prev_to",
					     ":cur_from", ":cur_to" };
	char d[TL_DATE_LEN];
	for (int i = 0; i < 6; i++) {
		int y = r->year - 2 + i / 2 + i % 2;
		snprintf(d, sizeof d, i % 2 ? "%04d-03-31" : "%04d-04-01", y);
		int k = sqlite3_bind_parameter_index(s, NAMES[i]);
		if (k)
			sqlite3_bind_text(s, k, d, -1, SQLITE_TRANSIENT);
	}
	int k = sqlite3_bind_parameter_index(s, ":year");
	if (k)
		sqlite3_bind_int(s, k, r->year);
}

/* Appends one result row to t: n_cols cells, then the label if any. */
static int add_row(tl_report_table *t, sqlite3_stmt *s, bool labelled, size_t *cap)
{
	if (t->n_rows == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		char **cells = realloc(t->cells, nc * t->n_cols * sizeof *cells);
		if (!cells)
			return TL_ENOMEM;
		t->cells = cells;
		char **labels = realloc(t->labels, nc * sizeof *labels);
		if (!labels)
			return TL_ENOMEM;
		t->labels = labels;
		*cap = nc;
	}
	for (size_t c = 0; c <= t->n_cols; c++) {
		if (c == t->n_cols && !labelled)
			break;
		const char *v = (const char *)sqlite3_column_text(s, (int)c);
		char *d = dup_str(v ? v : "");
		if (!d)
			return TL_ENOMEM;
		if (c < t->n_cols)
			t->cells[t->n_rows * t->n_cols + c] = d;
		else
			t->labels[t->n_rows] = d;
	}
	if (!labelled)
		t->labels[t->n_rows] = NULL;
	t->n_rows++;
	return TL_OK;
}

static int run_def(tl_store *st, const tl_report *r, const tl_report_src *src,
		   tl_report_table *t, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	const char *tail = NULL;
	size_t cap = 0;
	int rc;

	if ((rc = parse_def(r, src, t, err)))
		return rc;
	if (sqlite3_prepare_v2(store_db(st), src->text, -1, &s, &tail) || !s) {
		rc = store_fail(st, err, "preparing a report table");
		err_prefix(err, "report definition %s", src->name);
		goto cleanup;
	}
	int nq = sqlite3_column_count(s);
	if (nq != (int)t->n_cols && nq != (int)t->n_cols + 1) {
		rc = err_set(err, TL_EINVAL, "report definition %s: the query has %d columns "
			     "for a header of %zu", src->name, nq, t->n_cols);
		goto cleanup;
	}
	bind_dates(r, s);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (add_row(t, s, nq > (int)t->n_cols, &cap)) {
			rc = err_set(err, TL_ENOMEM, "report %s: out of memory", src->name);
			goto cleanup;
		}
	if (rc != SQLITE_DONE) {
		rc = store_fail(st, err, "computing a report table");
		err_prefix(err, "report definition %s", src->name);
		goto cleanup;
	}
	rc = TL_OK;
cleanup:
	sqlite3_finalize(s);
	return rc;
}

/* A definition with no header is a setup step: its statements (temporary
 * tables the later definitions read) run in order and make no table. */
static int run_setup(tl_store *st, const tl_report *r, const tl_report_src *src, tl_err *err)
{
	const char *sql = src->text;
	int rc = TL_OK;

	while (rc == TL_OK && sql && *sql) {
		sqlite3_stmt *s = NULL;
		if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, &sql)) {
			rc = store_fail(st, err, "preparing a report setup step");
		} else if (s) {
			bind_dates(r, s);
			while ((rc = sqlite3_step(s)) == SQLITE_ROW)
				;
			rc = rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "running a report setup step");
		}
		sqlite3_finalize(s);
	}
	if (rc)
		err_prefix(err, "report definition %s", src->name);
	return rc;
}

static bool is_setup(const tl_report_src *src)
{
	char buf[8];
	return !def_field(NULL, src->text, "header", buf, sizeof buf);
}

static int read_authority(tl_store *st, tl_report *r, tl_err *err)
{
	char name[512];
	int rc = store_setting_get(st, "authority_name", name, sizeof name, err);
	if (rc == TL_ENOTFOUND)
		snprintf(name, sizeof name, "%s", "");
	else if (rc)
		return rc;
	if (!(r->authority = dup_str(name)))
		return err_set(err, TL_ENOMEM, "report: out of memory");
	return TL_OK;
}

int report_run(tl_store *st, int year, tl_report **out, tl_err *err)
{
	tl_report *r = NULL;
	int rc;

	*out = NULL;
	if (year < CAL_FIRST_YEAR + 2 || year >= CAL_LAST_YEAR)
		return err_set(err, TL_EINVAL, "year: '%d' is outside %d to %d", year,
			       CAL_FIRST_YEAR + 2, CAL_LAST_YEAR - 1);
	if (!(r = calloc(1, sizeof *r)) ||
	    !(r->tables = calloc(REPORT_N_DEFS ? REPORT_N_DEFS : 1, sizeof *r->tables))) {
		free(r);
		return err_set(err, TL_ENOMEM, "report: out of memory");
	}
	r->year = year;
	snprintf(r->label, sizeof r->label, "%d/%02d", year, (year + 1) % 100);
	snprintf(r->prev_label, sizeof r->prev_label, "%d/%02d", year - 1, year % 100);
	snprintf(r->from, sizeof r->from, "%04d-04-01", year);
	snprintf(r->to, sizeof r->to, "%04d-03-31", year + 1);
	if ((rc = read_authority(st, r, err)) || (rc = report_sql_functions(st, err)))
		goto cleanup;
	/* One read transaction (deferred: no write lock, so the kiosk can
	 * keep logging): every table sees the same data. */
	/* The setup steps' temporary tables live in memory (they hold no
	 * words, only codes and counts) for this connection. The report reads
	 * two years of stages and their cases, tens of megabytes spread over
	 * the file: mapped in memory they cost no copy through the kernel
	 * (about a sixth of the report's time), so the file is mapped for the
	 * report only and the connection goes back to plain reads after. */
	if (sqlite3_exec(store_db(st), "PRAGMA temp_store = MEMORY;"
			 "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL)) {
		rc = store_fail(st, err, "starting the report");
		goto cleanup;
	}
	bool own;
	if ((rc = store_read_begin(st, &own, "starting the report", err)))
		goto cleanup;
	for (size_t i = 0; i < REPORT_N_DEFS && rc == TL_OK; i++) {
		if (is_setup(&REPORT_DEFS[i]))
			rc = run_setup(st, r, &REPORT_DEFS[i], err);
		else
			rc = run_def(st, r, &REPORT_DEFS[i], &r->tables[r->n_tables++], err);
	}
	store_read_end(st, own);
cleanup:
	sqlite3_exec(store_db(st), "PRAGMA mmap_size = 0", NULL, NULL, NULL);
	if (rc)
		report_free(r);
	else
		*out = r;
	return rc;
}

void report_free(tl_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_tables; i++) {
		tl_report_table *t = &r->tables[i];
		free(t->name), free(t->file), free(t->title);
		free_strs(t->columns, t->columns ? t->n_cols : 0);
		free_strs(t->cells, t->n_rows * t->n_cols);
		free_strs(t->labels, t->labels ? t->n_rows : 0);
		free_strs(t->header, t->n_cols);
		free(t->money);
		free_strs(t->percent, t->percent ? t->n_cols : 0);
	}
	report_notes_free(r->notes);
	free(r->tables);
	free(r->authority);
	free(r);
}

const tl_report_table *report_table_find(const tl_report *r, const char *name)
{
	for (size_t i = 0; r && i < r->n_tables; i++)
		if (strcmp(r->tables[i].name, name) == 0)
			return &r->tables[i];
	return NULL;
}

const char *report_cell(const tl_report_table *t, const char *row, const char *col)
{
	int c = t ? find_col(t, col) : -1;
	for (size_t i = 0; c >= 0 && i < t->n_rows; i++)
		if (strcmp(t->cells[i * t->n_cols], row) == 0)
			return t->cells[i * t->n_cols + (size_t)c];
	return NULL;
}
