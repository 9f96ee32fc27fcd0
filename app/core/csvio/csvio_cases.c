/* csvio_cases.c - the cases file of SPEC section 7: one row a case, its
 * columns those of CSVIO_CASE_COLS (csvio_columns.c), read into tl_case
 * and written from it. The case rules themselves (case_add, case_put)
 * live in case*.c; this file turns cells into fields and back, naming the
 * column at fault, and decides whether a row is a case already stored. */
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/text.h"
#include "csvio_private.h"

#define COLS CSVIO_CASE_COLS
#define NCOLS CSVIO_CASE_NCOLS

static void causes_free(csvio_causes *cl)
{
	for (size_t i = 0; i < cl->n; i++)
		free(cl->codes[i]);
	free(cl->codes);
}

static int causes_load(tl_store *st, csvio_causes *cl, tl_err *err)
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

static bool cause_known(const csvio_causes *cl, const char *code)
{
	for (size_t i = 0; i < cl->n; i++)
		if (strcmp(cl->codes[i], code) == 0)
			return true;
	return false;
}

static void cause_names(const csvio_causes *cl, char *out, size_t cap)
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
	const csvio_causes *known;
	tl_stage *stage;
} row_arg;

static int add_cause(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err)
{
	row_arg *a = arg;
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
	/* Cut at CASE_CAUSE_MAX - 1 bytes, as snprintf would. */
	char *to = a->c->causes[a->c->n_causes++];
	size_t n = strnlen(item, CASE_CAUSE_MAX - 1);
	memcpy(to, item, n);
	to[n] = '\0';
	return TL_OK;
}

static int add_action(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err)
{
	tl_case *c = ((row_arg *)arg)->c;
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
	c->action_notes[c->n_actions] = NULL;
	c->actions[c->n_actions++] = v;
	return TL_OK;
}

/* "REASON PAUSED" (the clock still stopped) or "REASON PAUSED RESUMED
 * DAYS", as the export writes them (csvio_columns.c). */
static int add_pause(const tl_csvio_in *in, int col, const char *item, void *arg, tl_err *err)
{
	tl_stage *s = ((row_arg *)arg)->stage;
	char reason[40], a[16], b[16], shown[80], list[200];
	int days = -1, end = 0, n = sscanf(item, "%39s %15s %n%15s %d %n", reason, a, &end, b, &days, &end);
	tl_pause p = { .paused = TL_NO_DATE, .resumed = TL_NO_DATE, .days = -1 };

	csv_printable(item, shown, sizeof shown);
	if ((n != 2 && n != 4) || item[end] || date_parse(a, &p.paused, "", NULL) ||
	    (n == 4 && (date_parse(b, &p.resumed, "", NULL) || days < 0)))
		return csvio_bad(in, col, err, "'%s' is not a pause like 'advocate 2025-06-02' or "
				 "'advocate 2025-06-02 2025-06-09 5'", shown);
	if ((p.reason = words_find(&WS_PAUSE, reason)) < 0) {
		words_list(&WS_PAUSE, list, sizeof list);
		return csvio_bad(in, col, err, "'%s' is not a pause reason (%s)", shown, list);
	}
	p.days = n == 4 ? days : -1;
	return case_pause_add(s, &p, err);
}

/* Cells a stage's column may hold without the stage: "no" for a flag. */
static bool stage_cell_given(const tl_csvio_in *in, int col)
{
	const char *v = csvio_cell(in, col);
	return *v && !(COLS[col].kind == CSVIO_FLAG && strcmp(v, "no") == 0);
}

/* Reads column col into c: every kind but the stages' and the notes'
 * existence rules, which read_stage and read_notes add. */
static int set_cell(const tl_csvio_in *in, int col, row_arg *ra, tl_err *err)
{
	const tl_csvio_col *k = &COLS[col];
	char *base = k->stage ? (char *)ra->stage : (char *)ra->c;
	const char *v = csvio_cell(in, col);
	int rc;

	switch (k->kind) {
	case CSVIO_REF:
		return csvio_ref(in, col, false, ra->c->ref, err);
	case CSVIO_TEXT:
		if ((rc = case_set_text((char **)(base + k->off), v, err)))
			return csvio_wrap(in, col, rc, err);
		return TL_OK;
	case CSVIO_LINK:
	case CSVIO_LINKED:
		return csvio_ref(in, col, true, base + k->off, err);
	case CSVIO_NAME:
		if (strlen(v) >= PROC_NAME_MAX)
			return csvio_bad(in, col, err, "a profile name is at most %d bytes",
					 PROC_NAME_MAX - 1);
		memcpy(base + k->off, v, strlen(v) + 1);
		return TL_OK;
	case CSVIO_FLAG:
		return csvio_flag(in, col, (bool *)(base + k->off), err);
	case CSVIO_DATE:
	case CSVIO_OPENS:
		return csvio_date(in, col, !k->required, (tl_date *)(base + k->off), err);
	case CSVIO_WORD:
		return csvio_word(in, col, k->words, k->dflt, (int *)(base + k->off), err);
	case CSVIO_CAUSES:
		return each_item(in, col, add_cause, ra, err);
	case CSVIO_ACTIONS:
		return each_item(in, col, add_action, ra, err);
	case CSVIO_PAUSES:
		return each_item(in, col, add_pause, ra, err);
	}
	return TL_OK;
}

/* Stage 1 is there for every complaint with stages; a later one once its
 * request is given. A column of a stage that is not there is an error. */
static int read_stage(const tl_csvio_in *in, int number, row_arg *ra, tl_err *err)
{
	int opens = -1, given = -1, rc;
	tl_case *c = ra->c;

	for (size_t i = 0; i < NCOLS; i++)
		if (COLS[i].stage == number) {
			if (COLS[i].kind == CSVIO_OPENS)
				opens = (int)i;
			if (given < 0 && stage_cell_given(in, (int)i))
				given = (int)i;
		}
	if (c->kind == TL_KIND_COMPLIMENT)
		return given < 0 ? TL_OK : csvio_bad(in, given, err, "a compliment has no stages");
	if (!case_has_stages(c))
		return given < 0 ? TL_OK : csvio_bad(in, given, err, "a safety concern (unsafe) has"
						     " no complaint stages");
	if (opens >= 0 && !*csvio_cell(in, opens)) {
		if (given < 0)
			return TL_OK;
		return csvio_bad(in, opens, err, "a date is needed, as %s is given", COLS[given].name);
	}
	if (!(ra->stage = case_stage_add(c, number)))
		return csvio_bad(in, given < 0 ? 0 : given, err, "too many stages");
	if (number == 1)
		ra->stage->opened = c->received;
	for (size_t i = 0; i < NCOLS; i++)
		if (COLS[i].stage == number && (rc = set_cell(in, (int)i, ra, err)))
			return rc;
	ra->stage->started = ra->stage->opened;
	return TL_OK;
}

/* A note needs its action among the case's actions. */
static int read_note(const tl_csvio_in *in, int col, tl_case *c, tl_err *err)
{
	const char *v = csvio_cell(in, col);
	int a = words_find(&WS_ACTION, COLS[col].word), rc;

	if (!*v)
		return TL_OK;
	for (size_t i = 0; i < c->n_actions; i++)
		if (c->actions[i] == a) {
			if ((rc = case_set_text(&c->action_notes[i], v, err)))
				return rc;
			return text_check(COLS[col].name, v, 2000, 0, err) ?
				csvio_wrap(in, col, TL_EINVAL, err) : TL_OK;
		}
	return csvio_bad(in, col, err, "a note of %s, which is not among the actions",
			 COLS[col].word);
}

/* One row into c (initialised by the caller): the case's own columns,
 * then its stages (which need kind and unsafe), then the actions' notes
 * (which need the actions), whatever the order in the file. */
static int read_case(const tl_csvio_in *in, const csvio_causes *known, tl_case *c, tl_err *err)
{
	row_arg ra = { c, known, NULL };
	int rc;

	for (size_t i = 0; i < NCOLS; i++)
		if (!COLS[i].stage && COLS[i].kind != CSVIO_NOTE && (rc = set_cell(in, (int)i, &ra, err)))
			return rc;
	for (int n = 1; n <= 3; n++)
		if ((rc = read_stage(in, n, &ra, err)))
			return rc;
	for (size_t i = 0; i < NCOLS; i++)
		if (COLS[i].kind == CSVIO_NOTE && (rc = read_note(in, (int)i, c, err)))
			return rc;
	return TL_OK;
}

/* The core names the field at fault; most fields are columns. */
static int column_of(const char *field)
{
	if (field)
		for (size_t i = 0; i < NCOLS; i++)
			if (strcmp(COLS[i].name, field) == 0)
				return (int)i;
	return 0;
}

/* A case's causes in the order of the causes list and its actions in
 * the order of their words, as a stored case reads back (case_get). */
static void canonical(tl_case *c, const csvio_causes *known)
{
	size_t n = 0;
	char sorted[CASE_MAX_CAUSES][CASE_CAUSE_MAX];

	for (size_t k = 0; k < known->n; k++)
		for (size_t i = 0; i < c->n_causes; i++)
			if (strcmp(known->codes[k], c->causes[i]) == 0)
				memcpy(sorted[n++], c->causes[i], CASE_CAUSE_MAX);
	memcpy(c->causes, sorted, n * CASE_CAUSE_MAX);
	case_actions_sort(c);
}

/* A row whose case is stored already: the same case as far as the file's
 * columns tell (an export of an older Tellus has fewer), or an error
 * naming the first column that differs. An empty profile is whatever the
 * register uses for the procedure. */
static int compare(const tl_csvio_in *in, const csvio_causes *known, tl_case *file,
		   tl_case *stored, tl_err *err)
{
	csvio_row a = { 0 }, b = { 0 };
	int rc = TL_OK;

	canonical(file, known);
	if (!file->profile[0])
		memcpy(file->profile, stored->profile, sizeof file->profile);
	if ((!file->rules_text || !*file->rules_text) &&
	    (rc = case_set_text(&file->rules_text, stored->rules_text, err)))
		return rc;
	const char *const *x = csvio_row_cells(file, &a), *const *y = csvio_row_cells(stored, &b);
	if (!x || !y)
		rc = err_set(err, TL_ENOMEM, "import: out of memory");
	for (size_t i = 0; rc == TL_OK && i < NCOLS; i++)
		if (in->idx[i] >= 0 && COLS[i].kind != CSVIO_LINKED && strcmp(x[i], y[i]) != 0)
			rc = csvio_bad(in, 0, err, "'%s' is already stored and differs in %s",
				       stored->ref, COLS[i].name);
	csvio_row_free(&a);
	csvio_row_free(&b);
	return rc;
}

/* A linked complaint a row names (CSVIO_LINKED): the store derives it
 * from the complaint's safety_ref, which may come on a later line, so it
 * is checked once every row is in (links_check). */
typedef struct {
	long line;
	char record[REF_MAX], complaint[REF_MAX];
} link_note;

typedef struct {
	csvio_causes known;
	link_note *links;
	size_t n_links, cap_links;
} cases_import;

static int link_note_add(tl_csvio_in *in, cases_import *imp, const tl_case *c, tl_err *err)
{
	if (!c->linked_complaint[0])
		return TL_OK;
	if (!c->unsafe)
		return csvio_bad(in, column_of("linked_complaint"), err, "only a safety concern "
				 "(unsafe) has a linked complaint");
	if (imp->n_links == imp->cap_links) {
		size_t cap = imp->cap_links ? 2 * imp->cap_links : 16;
		link_note *more = realloc(imp->links, cap * sizeof *more);
		if (!more)
			return err_set(err, TL_ENOMEM, "import: out of memory");
		imp->links = more;
		imp->cap_links = cap;
	}
	link_note *l = &imp->links[imp->n_links++];
	l->line = csv_line(in->r);
	memcpy(l->record, c->ref, REF_MAX);
	memcpy(l->complaint, c->linked_complaint, REF_MAX);
	return TL_OK;
}

static int links_check(tl_csvio_in *in, void *arg, tl_err *err)
{
	cases_import *imp = arg;
	int col = column_of("linked_complaint"), rc = TL_OK;
	tl_case rec;

	for (size_t i = 0; rc == TL_OK && i < imp->n_links; i++) {
		link_note *l = &imp->links[i];
		if ((rc = case_get(in->st, l->record, &rec, err)))
			return csvio_wrap(in, 0, rc, err);
		if (!rec.linked_complaint[0])
			rc = csvio_bad_at(in, l->line, col, err, "'%s' is not a complaint opened from"
					  " %s: no complaint's safety_ref names it", l->complaint,
					  l->record);
		else if (strcmp(rec.linked_complaint, l->complaint))
			rc = csvio_bad_at(in, l->line, col, err, "'%s' differs from %s, the complaint"
					  " opened from %s", l->complaint, rec.linked_complaint,
					  l->record);
		case_clear(&rec);
	}
	return rc;
}

/* A new complaint opened from a safety record names one stored already
 * (an export lists a record before the complaints opened from it). */
static int safety_ref_check(const tl_csvio_in *in, const tl_case *c, tl_err *err)
{
	int col = column_of("safety_ref"), rc;
	tl_case rec;
	tl_err why;

	if (!c->safety_ref[0])
		return TL_OK;
	if (c->unsafe)
		return csvio_bad(in, col, err, "a safety concern (unsafe) is not opened from another");
	rc = case_get(in->st, c->safety_ref, &rec, &why);
	if (rc == TL_ENOTFOUND)
		return csvio_bad(in, col, err, "'%s' is neither stored nor on an earlier line",
				 c->safety_ref);
	if (rc)
		return csvio_bad(in, col, err, "%s", why.msg);
	if (!rec.unsafe)
		rc = csvio_bad(in, col, err, "'%s' is not a safety concern (unsafe)", c->safety_ref);
	else if (rec.linked_complaint[0])
		rc = csvio_bad(in, col, err, "'%s' already has a linked complaint, %s", c->safety_ref,
			       rec.linked_complaint);
	case_clear(&rec);
	return rc;
}

static int import_row(tl_csvio_in *in, void *arg, tl_csvio_result *res, tl_err *err)
{
	cases_import *imp = arg;
	const char *field = NULL;
	long count, first;
	tl_case c, old;
	int rc;

	case_init(&c);
	case_init(&old);
	if ((rc = read_case(in, &imp->known, &c, err)) ||
	    (rc = csvio_in_seen(in, c.ref, &count, &first, err)) ||
	    (rc = link_note_add(in, imp, &c, err)))
		goto cleanup;
	if (count > 1) {
		rc = csvio_bad(in, 0, err, "'%s' is also on line %ld", c.ref, first);
		goto cleanup;
	}
	bool stored = false;
	if ((rc = case_stored(in->st, c.ref, &stored, err)) == TL_OK && stored)
		rc = case_get(in->st, c.ref, &old, err);
	if (rc == TL_OK && stored) {
		if ((rc = compare(in, &imp->known, &c, &old, err)) == TL_OK)
			csvio_count(res, false);
	} else if (rc == TL_OK) {
		if ((rc = safety_ref_check(in, &c, err)))
			goto cleanup;
		if ((rc = case_add(in->st, &c, &field, err)) == TL_OK)
			csvio_count(res, true);
		else
			rc = csvio_wrap(in, column_of(field), rc, err);
	} else {
		rc = csvio_wrap(in, 0, rc, err);
	}
cleanup:
	case_clear(&c);
	case_clear(&old);
	return rc;
}

int csvio_import_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	cases_import imp = { 0 };
	int rc = causes_load(st, &imp.known, err);

	if (rc == TL_OK)
		rc = csvio_import(st, path, "cases", COLS, NCOLS, import_row, links_check, &imp,
				  res, err);
	else
		memset(res, 0, sizeof *res);
	causes_free(&imp.known);
	free(imp.links);
	return rc;
}

typedef struct {
	tl_csvio_out *out;
	tl_csvio_result *res;
	csvio_row row;
	tl_err *err;
} export_arg;

static int export_case(const tl_case *c, void *arg)
{
	export_arg *x = arg;
	const char *const *cells = csvio_row_cells(c, &x->row);
	int rc;

	if (!cells)
		return err_set(x->err, TL_ENOMEM, "%s: out of memory", x->out->name);
	if ((rc = csvio_out_row(x->out, cells, NCOLS, x->err)))
		return rc;
	x->res->rows++;
	return TL_OK;
}

static int export_rows(tl_store *st, tl_csvio_out *out, tl_csvio_result *res, tl_err *err)
{
	export_arg x = { out, res, { { 0 } }, err };
	int rc = case_each(st, export_case, &x, err);
	csvio_row_free(&x.row);
	return rc;
}

static void col_names(const char *names[CSVIO_MAX_COLS])
{
	for (size_t i = 0; i < NCOLS; i++)
		names[i] = COLS[i].name;
}

int csvio_export_cases(tl_store *st, const char *path, tl_csvio_result *res, tl_err *err)
{
	const char *names[CSVIO_MAX_COLS];

	col_names(names);
	return csvio_export(st, path, names, NCOLS, export_rows, "export cases", res, err);
}

int csvio_export_cases_to(tl_store *st, csvio_row_sink sink, void *arg, tl_csvio_result *res,
			  tl_err *err)
{
	const char *names[CSVIO_MAX_COLS];

	col_names(names);
	return csvio_export_sink(st, names, NCOLS, export_rows, sink, arg, res, err);
}
