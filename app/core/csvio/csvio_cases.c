/* csvio_cases.c - the cases file of SPEC section 7: one row a case, with
 * its stages, causes and actions, mapped to and from tl_case. The case
 * rules themselves (case_validate, case_put) live in case*.c; this file
 * only turns cells into fields and back, naming the column at fault. */
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "csvio_private.h"

enum { C_REF, C_KIND, C_RECEIVED, C_PROCEDURE, C_CHANNEL, C_COMPLAINANT, C_ON_BEHALF,
       C_SERVICE_AREA, C_TEAM, C_CAUSES, C_SUMMARY, C_S1_RESPONSE, C_S1_EXTENDED,
       C_S1_OUTCOME, C_S2_REQUESTED, C_S2_RESPONSE, C_S2_EXTENDED, C_S2_OUTCOME,
       C_S3_REQUESTED, C_S3_PANEL, C_S3_RESPONSE, C_S3_OUTCOME, C_ACTIONS, C_CONSENT, C_N };

/* SPEC section 7, in its order: the order of every export. */
static const tl_csvio_col COLS[C_N] = {
	{ "ref", true }, { "kind", true }, { "received", true }, { "procedure", false },
	{ "channel", true }, { "complainant", true }, { "on_behalf", false },
	{ "service_area", true }, { "team", false }, { "causes", false }, { "summary", false },
	{ "stage1_response", false }, { "stage1_extended", false }, { "stage1_outcome", false },
	{ "stage2_requested", false }, { "stage2_response", false }, { "stage2_extended", false },
	{ "stage2_outcome", false }, { "stage3_requested", false }, { "stage3_panel", false },
	{ "stage3_response", false }, { "stage3_outcome", false }, { "actions", false },
	{ "consent_to_publish", false },
};

/* The columns of each stage; -1 where a stage has no such column. */
typedef struct {
	int started, panel, response, extended, outcome;
} stage_cols;
static const stage_cols STAGE_COLS[3] = {
	{ -1, -1, C_S1_RESPONSE, C_S1_EXTENDED, C_S1_OUTCOME },
	{ C_S2_REQUESTED, -1, C_S2_RESPONSE, C_S2_EXTENDED, C_S2_OUTCOME },
	{ C_S3_REQUESTED, C_S3_PANEL, C_S3_RESPONSE, -1, C_S3_OUTCOME },
};

/* The cause codes of the store, read once per import. */
typedef struct {
	char **codes;
	size_t n;
} cause_list;

static void causes_free(cause_list *cl)
{
	for (size_t i = 0; i < cl->n; i++)
		free(cl->codes[i]);
	free(cl->codes);
}

static int causes_load(tl_store *st, cause_list *cl, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = TL_OK, step;

	memset(cl, 0, sizeof *cl);
	if (sqlite3_prepare_v2(store_db(st), "SELECT code FROM causes ORDER BY ord, code", -1, &s, NULL))
		return store_fail(st, err, "reading the causes");
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		char **more = realloc(cl->codes, (cl->n + 1) * sizeof *more);
		if (!more || !(more[cl->n] = strdup((const char *)sqlite3_column_text(s, 0)))) {
			if (more)
				cl->codes = more;
			rc = err_set(err, TL_ENOMEM, "causes: out of memory");
			goto cleanup;
		}
		cl->codes = more;
		cl->n++;
	}
	if (step != SQLITE_DONE)
		rc = store_fail(st, err, "reading the causes");
cleanup:
	sqlite3_finalize(s);
	return rc;
}

static bool cause_known(const cause_list *cl, const char *code)
{
	for (size_t i = 0; i < cl->n; i++)
		if (strcmp(cl->codes[i], code) == 0)
			return true;
	return false;
}

static void cause_names(const cause_list *cl, char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < cl->n; i++) {
		int w = snprintf(out + used, cap - used, "%s%s", i ? ", " : "", cl->codes[i]);
		if (w < 0 || (size_t)w >= cap - used)
			break;
		used += (size_t)w;
	}
}

/* Splits a ;-separated cell into trimmed items; calls fn for each. */
typedef int (*item_fn)(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err);
static int each_item(const tl_csvio_in *in, int col, item_fn fn, void *arg, tl_err *err)
{
	const char *p = csvio_cell(in, col);
	char item[128];
	int rc;

	while (*p) {
		size_t len = strcspn(p, ";");
		const char *start = p, *end = p + len;
		p = *end ? end + 1 : end;
		while (start < end && *start == ' ')
			start++;
		while (end > start && end[-1] == ' ')
			end--;
		if (end == start)
			continue;
		if ((size_t)(end - start) >= sizeof item)
			return csvio_bad(in, col, err, "an item of %zu bytes is too long",
					 (size_t)(end - start));
		memcpy(item, start, (size_t)(end - start));
		item[end - start] = '\0';
		if ((rc = fn(in, col, item, arg, err)))
			return rc;
	}
	return TL_OK;
}

typedef struct {
	tl_case *c;
	const cause_list *known;
} cause_arg;

static int add_cause(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err)
{
	cause_arg *a = arg;
	char shown[80], list[400];

	csv_printable(item, shown, sizeof shown);
	if (!cause_known(a->known, item)) {
		cause_names(a->known, list, sizeof list);
		return csvio_bad(in, col, err, "'%s' is not a cause code (%s)", shown, list);
	}
	for (size_t i = 0; i < a->c->n_causes; i++)
		if (strcmp(a->c->causes[i], item) == 0)
			return csvio_bad(in, col, err, "'%s' is listed twice", shown);
	if (a->c->n_causes >= CASE_MAX_CAUSES)
		return csvio_bad(in, col, err, "more than %d causes", CASE_MAX_CAUSES);
	snprintf(a->c->causes[a->c->n_causes++], CASE_CAUSE_MAX, "%s", item);
	return TL_OK;
}

static int add_action(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err)
{
	tl_case *c = arg;
	char shown[80], list[300];
	int v = words_find(&WS_ACTION, item);

	csv_printable(item, shown, sizeof shown);
	if (v < 0) {
		words_list(&WS_ACTION, list, sizeof list);
		return csvio_bad(in, col, err, "'%s' is not one of %s", shown, list);
	}
	for (size_t i = 0; i < c->n_actions; i++)
		if (c->actions[i] == v)
			return csvio_bad(in, col, err, "'%s' is listed twice", shown);
	if (c->n_actions >= CASE_MAX_ACTIONS)
		return csvio_bad(in, col, err, "more than %d actions", CASE_MAX_ACTIONS);
	c->actions[c->n_actions++] = v;
	return TL_OK;
}

/* The first non-empty column of a stage, or -1 when the stage is blank. */
static int stage_given(const tl_csvio_in *in, const stage_cols *sc)
{
	const int cols[] = { sc->started, sc->panel, sc->response, sc->extended, sc->outcome };
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
		if (cols[i] >= 0 && *csvio_cell(in, cols[i]) &&
		    !(cols[i] == sc->extended && strcmp(csvio_cell(in, cols[i]), "no") == 0))
			return cols[i];
	return -1;
}

static int read_stage(const tl_csvio_in *in, int number, tl_case *c, tl_err *err)
{
	const stage_cols *sc = &STAGE_COLS[number - 1];
	int given = stage_given(in, sc), rc;

	if (c->kind == TL_KIND_COMPLIMENT)
		return given < 0 ? TL_OK : csvio_bad(in, given, err, "a compliment has no stages");
	/* Stage 1 starts with every complaint; a later stage exists once it
	 * has been asked for. */
	if (number > 1 && !*csvio_cell(in, sc->started)) {
		if (given < 0)
			return TL_OK;
		return csvio_bad(in, sc->started, err, "a date is needed, as %s is given",
				 COLS[given].name);
	}
	tl_stage *s = case_stage_add(c, number);
	if (!s)
		return csvio_bad(in, sc->started, err, "too many stages");
	if (number == 1)
		s->started = c->received;
	else if ((rc = csvio_date(in, sc->started, false, &s->started, err)))
		return rc;
	if ((sc->panel >= 0 && (rc = csvio_date(in, sc->panel, true, &s->panel, err))) ||
	    (rc = csvio_date(in, sc->response, true, &s->responded, err)) ||
	    (sc->extended >= 0 && (rc = csvio_flag(in, sc->extended, &s->extended, err))) ||
	    (rc = csvio_word(in, sc->outcome, &WS_OUTCOME, -1, &s->outcome, err)))
		return rc;
	return TL_OK;
}

static int read_words(const tl_csvio_in *in, tl_case *c, tl_err *err)
{
	int rc;
	if ((rc = csvio_word(in, C_KIND, &WS_KIND, CSVIO_REQUIRED, &c->kind, err)) ||
	    (rc = csvio_word(in, C_PROCEDURE, &WS_PROCEDURE, TL_PROC_STATUTORY, &c->procedure, err)) ||
	    (rc = csvio_word(in, C_CHANNEL, &WS_CHANNEL, CSVIO_REQUIRED, &c->channel, err)) ||
	    (rc = csvio_word(in, C_COMPLAINANT, &WS_COMPLAINANT, CSVIO_REQUIRED, &c->complainant, err)) ||
	    (rc = csvio_flag(in, C_ON_BEHALF, &c->on_behalf, err)) ||
	    (rc = csvio_flag(in, C_CONSENT, &c->consent_to_publish, err)))
		return rc;
	return TL_OK;
}

static int read_texts(const tl_csvio_in *in, tl_case *c, tl_err *err)
{
	const struct { int col; char **field; } texts[] = {
		{ C_SERVICE_AREA, &c->service_area }, { C_TEAM, &c->team }, { C_SUMMARY, &c->summary },
	};
	int rc;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		if ((rc = case_set_text(texts[i].field, csvio_cell(in, texts[i].col), err)))
			return csvio_wrap(in, texts[i].col, rc, err);
	return TL_OK;
}

/* One row into c (initialised by the caller). */
static int read_case(const tl_csvio_in *in, const cause_list *known, tl_case *c, tl_err *err)
{
	cause_arg ca = { c, known };
	int rc;

	if ((rc = csvio_ref(in, C_REF, false, c->ref, err)) ||
	    (rc = csvio_date(in, C_RECEIVED, false, &c->received, err)) ||
	    (rc = read_words(in, c, err)) || (rc = read_texts(in, c, err)) ||
	    (rc = each_item(in, C_CAUSES, add_cause, &ca, err)) ||
	    (rc = each_item(in, C_ACTIONS, add_action, c, err)))
		return rc;
	for (int n = 1; n <= 3; n++)
		if ((rc = read_stage(in, n, c, err)))
			return rc;
	return TL_OK;
}

/* case_validate names the field at fault; most fields are columns. */
static int column_of(const char *field)
{
	if (field)
		for (int i = 0; i < C_N; i++)
			if (strcmp(COLS[i].name, field) == 0)
				return i;
	return C_REF;
}

static int import_row(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err)
{
	const char *field = NULL;
	bool added = false;
	long count, first;
	tl_case c;
	int rc;

	case_init(&c);
	if ((rc = read_case(in, arg, &c, err)) ||
	    (rc = csvio_in_seen(in, c.ref, &count, &first, err)))
		goto cleanup;
	if (count > 1) {
		rc = csvio_bad(in, C_REF, err, "'%s' is also on line %ld", c.ref, first);
		goto cleanup;
	}
	if ((rc = case_validate(in->st, &c, &field, err)))
		rc = csvio_wrap(in, column_of(field), rc, err);
	else if ((rc = case_put(in->st, &c, &added, err)))
		rc = csvio_wrap(in, C_REF, rc, err);
	else
		csvio_count(res, added);
cleanup:
	case_clear(&c);
	return rc;
}

int csvio_import_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	cause_list known = { 0 };
	int rc = causes_load(st, &known, err);

	if (rc == TL_OK)
		rc = csvio_import(st, path, "cases", COLS, C_N, import_row, &known, res, err);
	else
		memset(res, 0, sizeof *res);
	causes_free(&known);
	return rc;
}
/* The cells of one case, pointing into c and into buf. */
typedef struct {
	char dates[8][TL_DATE_LEN];
	char causes[CASE_MAX_CAUSES * CASE_CAUSE_MAX];
	char actions[CASE_MAX_ACTIONS * 32];
	const char *cells[C_N];
} case_row;

static const char *flag(bool b) { return b ? "yes" : "no"; }
static const char *text(const char *s) { return s ? s : ""; }

static void join(char *out, size_t cap, const char *item, bool first)
{
	size_t used = strlen(out);
	snprintf(out + used, cap - used, "%s%s", first ? "" : ";", item);
}

static void stage_cells(const tl_case *c, int number, case_row *row, int *nd)
{
	const stage_cols *sc = &STAGE_COLS[number - 1];
	const tl_stage *s = case_stage_get(c, number);

	if (!s)
		return;
	if (sc->started >= 0) {
		date_format(s->started, row->dates[*nd]);
		row->cells[sc->started] = row->dates[(*nd)++];
	}
	if (sc->panel >= 0) {
		date_format(s->panel, row->dates[*nd]);
		row->cells[sc->panel] = row->dates[(*nd)++];
	}
	date_format(s->responded, row->dates[*nd]);
	row->cells[sc->response] = row->dates[(*nd)++];
	if (sc->extended >= 0)
		row->cells[sc->extended] = flag(s->extended);
	row->cells[sc->outcome] = words_word(&WS_OUTCOME, s->outcome);
}

static void case_cells(const tl_case *c, case_row *row)
{
	int nd = 0;

	for (int i = 0; i < C_N; i++)
		row->cells[i] = "";
	row->causes[0] = row->actions[0] = '\0';
	for (size_t i = 0; i < c->n_causes; i++)
		join(row->causes, sizeof row->causes, c->causes[i], i == 0);
	for (size_t i = 0; i < c->n_actions; i++)
		join(row->actions, sizeof row->actions, words_word(&WS_ACTION, c->actions[i]), i == 0);
	date_format(c->received, row->dates[nd]);
	row->cells[C_REF] = c->ref;
	row->cells[C_KIND] = words_word(&WS_KIND, c->kind);
	row->cells[C_RECEIVED] = row->dates[nd++];
	row->cells[C_PROCEDURE] = words_word(&WS_PROCEDURE, c->procedure);
	row->cells[C_CHANNEL] = words_word(&WS_CHANNEL, c->channel);
	row->cells[C_COMPLAINANT] = words_word(&WS_COMPLAINANT, c->complainant);
	row->cells[C_ON_BEHALF] = flag(c->on_behalf);
	row->cells[C_SERVICE_AREA] = text(c->service_area);
	row->cells[C_TEAM] = text(c->team);
	row->cells[C_CAUSES] = row->causes;
	row->cells[C_SUMMARY] = text(c->summary);
	row->cells[C_ACTIONS] = row->actions;
	row->cells[C_CONSENT] = flag(c->consent_to_publish);
	for (int n = 1; n <= 3; n++)
		stage_cells(c, n, row, &nd);
}

static int export_rows(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err)
{
	sqlite3_stmt *s = NULL;
	case_row row;
	tl_case c;
	int rc = TL_OK, step;

	case_init(&c);
	if (sqlite3_prepare_v2(store_db(st), "SELECT ref FROM cases ORDER BY received, ref", -1, &s,
			       NULL))
		return store_fail(st, err, "reading the cases");
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		case_clear(&c);
		case_init(&c);
		if ((rc = case_get(st, (const char *)sqlite3_column_text(s, 0), &c, err)))
			goto cleanup;
		case_cells(&c, &row);
		if ((rc = csvio_out_row(out, row.cells, C_N, err)))
			goto cleanup;
		res->rows++;
	}
	if (step != SQLITE_DONE)
		rc = store_fail(st, err, "reading the cases");
cleanup:
	case_clear(&c);
	sqlite3_finalize(s);
	return rc;
}

static void col_names(const char *names[C_N])
{
	for (int i = 0; i < C_N; i++)
		names[i] = COLS[i].name;
}

int csvio_export_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	const char *names[C_N];

	col_names(names);
	return csvio_export(st, path, names, C_N, export_rows, "export cases", res, err);
}

int csvio_export_cases_to(tl_store *st, csvio_row_sink sink, void *arg, tl_csvio_result *res,
			  tl_err *err)
{
	const char *names[C_N];

	col_names(names);
	return csvio_export_sink(st, names, C_N, export_rows, sink, arg, res, err);
}
