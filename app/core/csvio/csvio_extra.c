/* csvio_extra.c - the files of figures beside the cases (SPEC section 7):
 * costs (date,category,amount,ref), Ombudsman decisions
 * (ref,received,decided,decision) and context figures (year,measure,
 * value). Rows that are alike in every column are told apart by seq, the
 * k-th such row of the file, so that a file imported twice adds nothing
 * while two equal costs in one file are both kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/money.h"
#include "csvio_private.h"

enum { K_DATE, K_CATEGORY, K_AMOUNT, K_REF, K_N };
static const tl_csvio_col COST_COLS[K_N] = {
	{ "date", true }, { "category", true }, { "amount", true }, { "ref", false },
};

enum { O_REF, O_RECEIVED, O_DECIDED, O_DECISION, O_N };
static const tl_csvio_col OMB_COLS[O_N] = {
	{ "ref", false }, { "received", true }, { "decided", true }, { "decision", true },
};

enum { X_YEAR, X_MEASURE, X_VALUE, X_N };
static const tl_csvio_col CTX_COLS[X_N] = {
	{ "year", true }, { "measure", true }, { "value", true },
};

static void col_names(const tl_csvio_col *cols, size_t n, const char **out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = cols[i].name;
}

/* The seq of the current row: how many rows with this key so far. */
static int row_seq(tl_csvio_in *in, const char *key, int *seq, tl_err *err)
{
	long count, first;
	int rc = csvio_in_seen(in, key, &count, &first, err);
	*seq = (int)count;
	return rc;
}

static int cost_row(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err)
{
	char ref[REF_MAX], key[200], shown[80];
	long long pence;
	tl_date when;
	int cat, seq, rc;
	bool added;

	(void)arg;
	if ((rc = csvio_date(in, K_DATE, false, &when, err)) ||
	    (rc = csvio_word(in, K_CATEGORY, &WS_COST, CSVIO_REQUIRED, &cat, err)) ||
	    (rc = csvio_ref(in, K_REF, true, ref, err)))
		return rc;
	if (money_parse(csvio_cell(in, K_AMOUNT), &pence, "amount", NULL)) {
		csv_printable(csvio_cell(in, K_AMOUNT), shown, sizeof shown);
		return csvio_bad(in, K_AMOUNT, err, "'%s' is not an amount in pounds like 1234.50",
				 shown);
	}
	snprintf(key, sizeof key, "%d|%d|%lld|%s", (int)when, cat, pence, ref);
	if ((rc = row_seq(in, key, &seq, err)))
		return rc;
	if ((rc = cost_add(in->st, when, cat, pence, ref, seq, &added, err)))
		return csvio_wrap(in, K_DATE, rc, err);
	csvio_count(res, added);
	return TL_OK;
}

static int ombudsman_row(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err)
{
	char ref[REF_MAX], key[200];
	tl_date received, decided;
	int decision, seq, rc;
	bool added;

	(void)arg;
	if ((rc = csvio_ref(in, O_REF, true, ref, err)) ||
	    (rc = csvio_date(in, O_RECEIVED, false, &received, err)) ||
	    (rc = csvio_date(in, O_DECIDED, true, &decided, err)) ||
	    (rc = csvio_word(in, O_DECISION, &WS_OMBUDSMAN, -1, &decision, err)))
		return rc;
	/* An enquiry not yet decided has neither; a decision has both. */
	if ((decided == TL_NO_DATE) != (decision < 0))
		return csvio_bad(in, decided == TL_NO_DATE ? O_DECIDED : O_DECISION, err,
				 "is empty: an enquiry still open has neither decided nor decision, "
				 "a decision has both");
	snprintf(key, sizeof key, "%s|%d|%d|%d", ref, (int)received, (int)decided, decision);
	if ((rc = row_seq(in, key, &seq, err)))
		return rc;
	if ((rc = ombudsman_add(in->st, ref, received, decided, decision, seq, &added, err)))
		return csvio_wrap(in, O_DECIDED, rc, err);
	csvio_count(res, added);
	return TL_OK;
}

/* "2025" or "2025/26": the financial year's first calendar year. */
static int read_year(const tl_csvio_in *in, int *year, tl_err *err)
{
	const char *s = csvio_cell(in, X_YEAR);
	char shown[80];
	int y = 0, i = 0;

	for (; i < 4 && s[i] >= '0' && s[i] <= '9'; i++)
		y = y * 10 + (s[i] - '0');
	bool plain = i == 4 && s[4] == '\0';
	bool pair = i == 4 && s[4] == '/' && strlen(s) == 7 && s[5] >= '0' && s[5] <= '9' &&
		    s[6] >= '0' && s[6] <= '9' && (s[5] - '0') * 10 + (s[6] - '0') == (y + 1) % 100;
	*year = y;
	if (plain || pair)
		return TL_OK;
	csv_printable(s, shown, sizeof shown);
	return csvio_bad(in, X_YEAR, err, "'%s' is not a financial year like 2025 or 2025/26", shown);
}

/* A plain decimal number: digits, an optional point and digits. No
 * exponents, signs, spaces or thousands separators: a figure in a report
 * is written as people read it. */
static int read_value(const tl_csvio_in *in, double *value, tl_err *err)
{
	const char *s = csvio_cell(in, X_VALUE);
	size_t digits = strspn(s, "0123456789"), frac = 0;
	char shown[80];

	if (s[digits] == '.')
		frac = strspn(s + digits + 1, "0123456789");
	bool ok = digits > 0 && digits <= 15 &&
		  (s[digits] == '\0' || (s[digits] == '.' && frac > 0 && s[digits + 1 + frac] == '\0'));
	if (ok) {
		*value = strtod(s, NULL);
		return TL_OK;
	}
	csv_printable(s, shown, sizeof shown);
	return csvio_bad(in, X_VALUE, err, "'%s' is not a number like 1234 or 12.5", shown);
}

static int context_row(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err)
{
	const char *measure = csvio_cell(in, X_MEASURE);
	char key[300];
	long count, first;
	double value = 0;
	int year, rc;
	bool added;

	(void)arg;
	if ((rc = read_year(in, &year, err)) || (rc = read_value(in, &value, err)))
		return rc;
	snprintf(key, sizeof key, "%d|%s", year, measure);
	if ((rc = csvio_in_seen(in, key, &count, &first, err)))
		return rc;
	if (count > 1) {
		char shown[80];
		csv_printable(measure, shown, sizeof shown);
		return csvio_bad(in, X_MEASURE, err, "'%s' for %d is also on line %ld", shown, year,
				 first);
	}
	if ((rc = context_put(in->st, year, measure, value, &added, err)))
		return csvio_wrap(in, X_VALUE, rc, err);
	csvio_count(res, added);
	return TL_OK;
}

int csvio_import_costs(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	return csvio_import(st, path, "costs", COST_COLS, K_N, cost_row, NULL, NULL, res, err);
}

int csvio_import_ombudsman(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	return csvio_import(st, path, "ombudsman", OMB_COLS, O_N, ombudsman_row, NULL, NULL, res,
			    err);
}

int csvio_import_context(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	return csvio_import(st, path, "context", CTX_COLS, X_N, context_row, NULL, NULL, res, err);
}

/* Fixes up the cells of one exported row (amounts, numbers). */
typedef void (*cells_fn)(sqlite3_stmt *q, const char **cells, char *buf, size_t cap);

/* Writes every row of sql (its columns are the file's, in order). */
static int sql_rows(tl_store *st, tl_csvio_out *out, const char *sql, size_t n, cells_fn fix,
		    tl_csvio_result *res, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	const char *cells[CSVIO_MAX_COLS];
	char buf[64];
	int rc = TL_OK, step;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &q, NULL))
		return store_fail(st, err, "reading for an export");
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		for (size_t i = 0; i < n; i++) {
			const unsigned char *t = sqlite3_column_text(q, (int)i);
			cells[i] = t ? (const char *)t : "";
		}
		if (fix)
			fix(q, cells, buf, sizeof buf);
		if ((rc = csvio_out_row(out, cells, n, err)))
			break;
		res->rows++;
	}
	if (rc == TL_OK && step != SQLITE_DONE)
		rc = store_fail(st, err, "reading for an export");
	sqlite3_finalize(q);
	return rc;
}

static void cost_cells(sqlite3_stmt *q, const char **cells, char *buf, size_t cap)
{
	(void)cap;
	money_format(sqlite3_column_int64(q, K_AMOUNT), buf);
	cells[K_AMOUNT] = buf;
}

/* The shortest text that reads back as the same number. */
static void context_cells(sqlite3_stmt *q, const char **cells, char *buf, size_t cap)
{
	double v = sqlite3_column_double(q, X_VALUE);
	snprintf(buf, cap, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, cap, "%.17g", v);
	cells[X_VALUE] = buf;
}

static int cost_rows(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err)
{
	/* A voided cost is no figure: it stays in the register and its audit
	 * trail, not in the file. */
	return sql_rows(st, out, "SELECT date, category, pence, ref FROM costs WHERE voided IS NULL"
			" ORDER BY date, category, ref, pence, seq", K_N, cost_cells, res, err);
}

static int ombudsman_rows(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err)
{
	return sql_rows(st, out, "SELECT ref, received, decided, decision FROM ombudsman"
			" ORDER BY received, decided IS NULL, decided, ref, decision, seq", O_N, NULL,
			res, err);
}

/* ord is the order figures arrived in, which the report keeps. */
static int context_rows(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err)
{
	return sql_rows(st, out, "SELECT year, measure, value FROM context"
			" ORDER BY ord, year, measure", X_N, context_cells, res, err);
}

int csvio_export_costs(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	const char *names[K_N];
	col_names(COST_COLS, K_N, names);
	return csvio_export(st, path, names, K_N, cost_rows, "export costs", res, err);
}

int csvio_export_ombudsman(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	const char *names[O_N];
	col_names(OMB_COLS, O_N, names);
	return csvio_export(st, path, names, O_N, ombudsman_rows, "export ombudsman", res, err);
}

int csvio_export_context(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	const char *names[X_N];
	col_names(CTX_COLS, X_N, names);
	return csvio_export(st, path, names, X_N, context_rows, "export context", res, err);
}
