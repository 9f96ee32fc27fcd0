/* csvio_columns.c - the columns of the cases file (SPEC 7), one line of
 * CSVIO_CASE_COLS each: SPEC 7's 24 in its order, then every other field
 * of a case, so that an export imported into an empty database gives the
 * same cases. A line names the column, the field of tl_case (or of one of
 * its stages) it holds, and its kind, which says how a cell is read
 * (csvio_case_set) and written (csvio_case_cell). A new field of a case
 * is one more line at the end (and its reader and writer in case_read.c
 * and case_store.c); see csvio.h. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "csvio_private.h"

/* The field's offset, refused at compile time when its type does not fit
 * the kind. */
#define OFF(T, f, type) _Generic(((T *)0)->f, type: offsetof(T, f))
#define TEXT(n, f) { n, false, CSVIO_TEXT, 0, OFF(tl_case, f, char *) }
#define FLAG(n, f) { n, false, CSVIO_FLAG, 0, OFF(tl_case, f, bool) }
#define DATE(n, req, f) { n, req, CSVIO_DATE, 0, OFF(tl_case, f, tl_date) }
#define WORD(n, req, f, set, dflt) { n, req, CSVIO_WORD, 0, OFF(tl_case, f, int), &set, dflt }
#define S_TEXT(n, s, f) { n, false, CSVIO_TEXT, s, OFF(tl_stage, f, char *) }
#define S_FLAG(n, s, f) { n, false, CSVIO_FLAG, s, OFF(tl_stage, f, bool) }
#define S_DATE(n, s, f) { n, false, CSVIO_DATE, s, OFF(tl_stage, f, tl_date) }
#define S_OPENS(n, s) { n, false, CSVIO_OPENS, s, OFF(tl_stage, opened, tl_date) }
#define S_OUTCOME(n, s) { n, false, CSVIO_WORD, s, OFF(tl_stage, outcome, int), &WS_OUTCOME, -1 }
#define S_PAUSES(n, s) { n, false, CSVIO_PAUSES, s, 0 }
#define NOTE(n, w) { n, false, CSVIO_NOTE, 0, 0, &WS_ACTION, 0, w }
#define LINK(n, kind, f) { n, false, kind, 0, OFF(tl_case, f, char *) }

const tl_csvio_col CSVIO_CASE_COLS[] = {
	/* SPEC 7, in its order: every export starts with these. */
	{ "ref", true, CSVIO_REF },
	WORD("kind", true, kind, WS_KIND, CSVIO_REQUIRED),
	DATE("received", true, received),
	WORD("procedure", false, procedure, WS_PROCEDURE, TL_PROC_STATUTORY),
	WORD("channel", true, channel, WS_CHANNEL, CSVIO_REQUIRED),
	WORD("complainant", true, complainant, WS_COMPLAINANT, CSVIO_REQUIRED),
	FLAG("on_behalf", on_behalf),
	TEXT("service_area", service_area),
	TEXT("team", team),
	{ "causes", false, CSVIO_CAUSES },
	TEXT("summary", summary),
	S_DATE("stage1_response", 1, responded),
	S_FLAG("stage1_extended", 1, extended),
	S_OUTCOME("stage1_outcome", 1),
	S_OPENS("stage2_requested", 2),
	S_DATE("stage2_response", 2, responded),
	S_FLAG("stage2_extended", 2, extended),
	S_OUTCOME("stage2_outcome", 2),
	S_OPENS("stage3_requested", 3),
	S_DATE("stage3_panel", 3, panel),
	S_DATE("stage3_response", 3, responded),
	S_OUTCOME("stage3_outcome", 3),
	{ "actions", false, CSVIO_ACTIONS },
	FLAG("consent_to_publish", consent_to_publish),
	/* Every other field: optional on import, absent meaning empty. */
	TEXT("officer", officer),
	TEXT("desired", desired),
	TEXT("contact", contact),
	FLAG("advocacy", advocacy),
	FLAG("unsafe", unsafe),
	DATE("safety_handled", false, safety_handled),
	DATE("matter_date", false, matter),
	TEXT("late_reason", late_reason),
	{ "profile", false, CSVIO_NAME, 0, OFF(tl_case, profile, char *) },
	TEXT("assessed_why", assessed_why),
	S_TEXT("stage1_extension_reason", 1, extension_reason),
	S_TEXT("stage1_extension_by", 1, extension_by),
	S_PAUSES("stage1_pauses", 1),
	S_TEXT("stage2_extension_reason", 2, extension_reason),
	S_TEXT("stage2_extension_by", 2, extension_by),
	S_PAUSES("stage2_pauses", 2),
	S_FLAG("stage3_extended", 3, extended),
	S_TEXT("stage3_extension_reason", 3, extension_reason),
	S_TEXT("stage3_extension_by", 3, extension_by),
	S_PAUSES("stage3_pauses", 3),
	NOTE("action_apology_note", "apology"),
	NOTE("action_financial_redress_note", "financial_redress"),
	NOTE("action_records_amended_note", "records_amended"),
	NOTE("action_procedure_changed_note", "procedure_changed"),
	NOTE("action_training_note", "training"),
	NOTE("action_independent_assessment_note", "independent_assessment"),
	NOTE("action_worker_changed_note", "worker_changed"),
	NOTE("action_service_provided_note", "service_provided"),
	NOTE("action_other_note", "other"),
	TEXT("tracking_hash", tracking_hash),
	/* Issue 12: a safety record's handling note, a complaint's record. */
	TEXT("safety_note", safety_note),
	LINK("safety_ref", CSVIO_LINK, safety_ref),
	LINK("linked_complaint", CSVIO_LINKED, linked_complaint),
	/* Issue 15: a compliment's names may be published too. */
	FLAG("consent_names", consent_names),
	/* Issue 14: acknowledgements, the day an extension was agreed, and the
	 * text of the rules a complaint was logged under (profile_rules), so
	 * that an imported case keeps the deadlines it was given. */
	S_DATE("stage1_acknowledged", 1, acknowledged),
	S_DATE("stage1_extended_on", 1, extended_on),
	S_DATE("stage2_acknowledged", 2, acknowledged),
	S_DATE("stage2_extended_on", 2, extended_on),
	S_DATE("stage3_acknowledged", 3, acknowledged),
	S_DATE("stage3_extended_on", 3, extended_on),
	TEXT("rules", rules_text),
	/* Issue 14 (w2-team-a): the names given, and when retention removed
	 * names, contact and words. */
	TEXT("complainant_name", complainant_name),
	TEXT("child_name", child_name),
	DATE("retained", false, retained),
};
const size_t CSVIO_CASE_NCOLS = sizeof CSVIO_CASE_COLS / sizeof CSVIO_CASE_COLS[0];

_Static_assert(sizeof CSVIO_CASE_COLS / sizeof CSVIO_CASE_COLS[0] <= CSVIO_MAX_COLS,
	       "raise CSVIO_MAX_COLS");

/* ---- writing a cell ---- */

/* Appends text to row->buf as the cell of column i. */
static bool put(csvio_row *row, size_t i, const char *text, size_t n)
{
	if (row->len + n + 1 > row->cap) {
		size_t cap = row->cap ? row->cap : 1024;
		while (cap < row->len + n + 1)
			cap *= 2;
		char *b = realloc(row->buf, cap);
		if (!b)
			return false;
		row->buf = b;
		row->cap = cap;
	}
	if (row->off[i] == (size_t)-1)
		row->off[i] = row->len;
	else if (row->len > row->off[i])
		row->len--; /* the NUL of the cell so far: text goes on from there */
	memcpy(row->buf + row->len, text, n);
	row->len += n;
	row->buf[row->len++] = '\0';
	return true;
}

/* One more item of a ;-separated cell. */
static bool item(csvio_row *row, size_t i, const char *text)
{
	bool first = row->off[i] == (size_t)-1;
	return (first || put(row, i, ";", 1)) && put(row, i, text, strlen(text));
}

static bool pauses_cell(const tl_stage *s, csvio_row *row, size_t i)
{
	char text[80], a[TL_DATE_LEN], b[TL_DATE_LEN];
	for (size_t k = 0; k < s->n_pauses; k++) {
		const tl_pause *p = &s->pauses[k];
		date_format(p->paused, a);
		date_format(p->resumed, b);
		if (p->resumed == TL_NO_DATE)
			snprintf(text, sizeof text, "%s %s", words_word(&WS_PAUSE, p->reason), a);
		else
			snprintf(text, sizeof text, "%s %s %s %d", words_word(&WS_PAUSE, p->reason), a,
				 b, p->days);
		if (!item(row, i, text))
			return false;
	}
	return true;
}

static const char *note_of(const tl_case *c, const char *word)
{
	int a = words_find(&WS_ACTION, word);
	for (size_t k = 0; k < c->n_actions; k++)
		if (c->actions[k] == a)
			return c->action_notes[k] ? c->action_notes[k] : "";
	return "";
}

static const char *text_of(const char *s) { return s ? s : ""; }

bool csvio_case_cell(const tl_case *c, size_t i, csvio_row *row)
{
	const tl_csvio_col *col = &CSVIO_CASE_COLS[i];
	const tl_stage *s = col->stage ? case_stage_get(c, col->stage) : NULL;
	const char *base = col->stage ? (const char *)s : (const char *)c;
	char d[TL_DATE_LEN];

	row->cells[i] = "";
	row->off[i] = (size_t)-1;
	if (col->stage && !s)
		return true;
	switch (col->kind) {
	case CSVIO_REF:
		row->cells[i] = c->ref;
		break;
	case CSVIO_TEXT:
		row->cells[i] = text_of(*(char *const *)(base + col->off));
		break;
	case CSVIO_NAME:
	case CSVIO_LINK:
	case CSVIO_LINKED:
		row->cells[i] = base + col->off;
		break;
	case CSVIO_FLAG:
		row->cells[i] = *(const bool *)(base + col->off) ? "yes" : "no";
		break;
	case CSVIO_DATE:
	case CSVIO_OPENS:
		date_format(*(const tl_date *)(base + col->off), d);
		return put(row, i, d, strlen(d));
	case CSVIO_WORD: {
		int v = *(const int *)(base + col->off);
		row->cells[i] = v >= 0 ? words_word(col->words, v) : "";
		break;
	}
	case CSVIO_CAUSES:
		for (size_t k = 0; k < c->n_causes; k++)
			if (!item(row, i, c->causes[k]))
				return false;
		break;
	case CSVIO_ACTIONS:
		for (size_t k = 0; k < c->n_actions; k++)
			if (!item(row, i, words_word(&WS_ACTION, c->actions[k])))
				return false;
		break;
	case CSVIO_NOTE:
		row->cells[i] = note_of(c, col->word);
		break;
	case CSVIO_PAUSES:
		return pauses_cell(s, row, i);
	}
	return true;
}

const char *const *csvio_row_cells(const tl_case *c, csvio_row *row)
{
	row->len = 0;
	for (size_t i = 0; i < CSVIO_CASE_NCOLS; i++)
		if (!csvio_case_cell(c, i, row))
			return NULL;
	for (size_t i = 0; i < CSVIO_CASE_NCOLS; i++)
		if (row->off[i] != (size_t)-1)
			row->cells[i] = row->buf + row->off[i];
	return row->cells;
}

void csvio_row_free(csvio_row *row)
{
	free(row->buf);
	row->buf = NULL;
	row->len = row->cap = 0;
}
