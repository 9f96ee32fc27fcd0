/* case_edit.c - corrections (SPEC 14): one field of a case changed, with
 * the reason, as a move of the lifecycle (case_apply), so that deadlines
 * are computed again, the whole case is checked, the report's running
 * totals follow (triggers) and sync records the move. The audit line has
 * the old and the new value; for a person's own words (names, contact,
 * summary...) it names the field only, and the old and new words go into
 * case_revisions, which subject access reads and retention removes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tellus/case.h"
#include "tellus/lists.h"
#include "tellus/text.h"
#include "case_private.h"

typedef enum { E_TEXT, E_WORDS, E_LIST, E_WORD, E_FLAG, E_DATE } edit_type;

/* A field that can be corrected: its column, how its value is typed, and
 * for a person's words (personal), that the audit names it only. */
typedef struct {
	const char *name;
	edit_type type;
	const tl_wordset *set;   /* E_WORD */
	tl_list_kind list;       /* E_LIST */
	bool required;
} edit_field;

static const edit_field FIELDS[] = {
	{ "service_area", E_LIST, NULL, TL_LIST_SERVICES, true },
	{ "team", E_LIST, NULL, TL_LIST_TEAMS, false },
	{ "complainant", E_WORD, &WS_COMPLAINANT, 0, true },
	{ "channel", E_WORD, &WS_CHANNEL, 0, true },
	{ "received", E_DATE, NULL, 0, true },
	{ "on_behalf", E_FLAG, NULL, 0, true },
	{ "officer", E_TEXT, NULL, 0, false },
	{ "consent_to_publish", E_FLAG, NULL, 0, true },
	{ "consent_names", E_FLAG, NULL, 0, true },
	{ "advocacy", E_FLAG, NULL, 0, true },
	{ "matter_date", E_DATE, NULL, 0, false },
	{ "complainant_name", E_WORDS, NULL, 0, false },
	{ "child_name", E_WORDS, NULL, 0, false },
	{ "contact", E_WORDS, NULL, 0, false },
	{ "summary", E_WORDS, NULL, 0, false },
	{ "desired", E_WORDS, NULL, 0, false },
	{ "late_reason", E_WORDS, NULL, 0, false },
};
#define N_FIELDS (sizeof FIELDS / sizeof FIELDS[0])
/* The statement that writes each field, in the order of FIELDS. */
static const char *const UPDATE_SQL[] = {
	"UPDATE cases SET service_area = ? WHERE id = ?",
	"UPDATE cases SET team = ? WHERE id = ?",
	"UPDATE cases SET complainant = ? WHERE id = ?",
	"UPDATE cases SET channel = ? WHERE id = ?",
	"UPDATE cases SET received = ? WHERE id = ?",
	"UPDATE cases SET on_behalf = ? WHERE id = ?",
	"UPDATE cases SET officer = ? WHERE id = ?",
	"UPDATE cases SET consent_to_publish = ? WHERE id = ?",
	"UPDATE cases SET consent_names = ? WHERE id = ?",
	"UPDATE cases SET advocacy = ? WHERE id = ?",
	"UPDATE cases SET matter_date = ? WHERE id = ?",
	"UPDATE cases SET complainant_name = ? WHERE id = ?",
	"UPDATE cases SET child_name = ? WHERE id = ?",
	"UPDATE cases SET contact = ? WHERE id = ?",
	"UPDATE cases SET summary = ? WHERE id = ?",
	"UPDATE cases SET desired = ? WHERE id = ?",
	"UPDATE cases SET late_reason = ? WHERE id = ?",
};
_Static_assert(sizeof UPDATE_SQL / sizeof UPDATE_SQL[0] == N_FIELDS, "a statement a field");

const char *case_edit_field_name(int i)
{
	return i >= 0 && (size_t)i < N_FIELDS ? FIELDS[i].name : "";
}

void case_edit_fields(char *out, size_t cap)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < N_FIELDS && used < cap; i++)
		used += (size_t)snprintf(out + used, cap - used, "%s%s", i ? ", " : "", FIELDS[i].name);
}

/* Where a text field lives in the case. */
static char **text_of(tl_case *c, const char *name)
{
	if (!strcmp(name, "service_area")) return &c->service_area;
	if (!strcmp(name, "team")) return &c->team;
	if (!strcmp(name, "officer")) return &c->officer;
	if (!strcmp(name, "complainant_name")) return &c->complainant_name;
	if (!strcmp(name, "child_name")) return &c->child_name;
	if (!strcmp(name, "contact")) return &c->contact;
	if (!strcmp(name, "summary")) return &c->summary;
	if (!strcmp(name, "desired")) return &c->desired;
	return &c->late_reason;
}

static bool *flag_of(tl_case *c, const char *name)
{
	if (!strcmp(name, "on_behalf")) return &c->on_behalf;
	if (!strcmp(name, "advocacy")) return &c->advocacy;
	if (!strcmp(name, "consent_names")) return &c->consent_names;
	return &c->consent_to_publish;
}

static int *word_of(tl_case *c, const char *name)
{
	return !strcmp(name, "channel") ? &c->channel : &c->complainant;
}

static tl_date *date_of(tl_case *c, const char *name)
{
	return !strcmp(name, "received") ? &c->received : &c->matter;
}

/* The field's value as a file would hold it, into out. */
static void value_of(tl_case *c, const edit_field *f, char *out, size_t cap)
{
	switch (f->type) {
	case E_TEXT: case E_WORDS: case E_LIST: {
		char *t = *text_of(c, f->name);
		snprintf(out, cap, "%s", t ? t : "");
		break;
	}
	case E_WORD: snprintf(out, cap, "%s", words_word(f->set, *word_of(c, f->name))); break;
	case E_FLAG: snprintf(out, cap, "%s", *flag_of(c, f->name) ? "yes" : "no"); break;
	case E_DATE: {
		tl_date d = *date_of(c, f->name);
		if (d == TL_NO_DATE)
			out[0] = '\0';
		else if (cap >= TL_DATE_LEN)
			date_format(d, out);
		break;
	}
	}
}

/* Stage 1 starts on the day the complaint was received: a corrected date
 * moves it (unless new concerns restarted it since), and the day it
 * counts in the report (opened), and may not pass a pause of stage 1. */
static int move_received(tl_store *st, tl_case *c, tl_date old, tl_err *err)
{
	tl_stage *s = case_stage_of(c, 1);
	sqlite3_stmt *q = NULL;
	char day[TL_DATE_LEN];
	int rc;

	if (!s)
		return TL_OK;
	if (s->started == old)
		s->started = c->received;
	date_format(c->received, day);
	if (sqlite3_prepare_v2(store_db(st), "SELECT min(p.paused) FROM stage_pauses p JOIN stages s"
			       " ON s.id = p.stage_id WHERE s.case_id = ? AND s.stage = 1"
			       " HAVING min(p.paused) < ?", -1, &q, NULL))
		return store_fail(st, err, "reading pauses");
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_text(q, 2, day, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		rc = err_set(err, TL_ESTATE, "received: '%s' is after the clock of stage 1 was first "
			     "stopped (%s)", day, sqlite3_column_text(q, 0));
	else
		rc = rc == SQLITE_DONE ? TL_OK : store_fail(st, err, "reading pauses");
	sqlite3_finalize(q);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(store_db(st), "UPDATE stages SET opened = ? WHERE case_id = ?"
			       " AND stage = 1", -1, &q, NULL))
		return store_fail(st, err, "saving a stage");
	sqlite3_bind_text(q, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, c->id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a stage");
	sqlite3_finalize(q);
	return rc;
}

/* Reads value into the case as field f. */
static int set_value(tl_store *st, tl_case *c, const edit_field *f, const char *value,
		     tl_err *err)
{
	int rc, v;
	char name[256];

	switch (f->type) {
	case E_LIST:
		if (!*value && !f->required)
			return case_set_text(text_of(c, f->name), "", err);
		if ((rc = lists_match(st, f->list, f->name, value, name, sizeof name, err)))
			return rc;
		return case_set_text(text_of(c, f->name), name, err);
	case E_TEXT: case E_WORDS:
		return case_set_text(text_of(c, f->name), value, err);
	case E_WORD:
		if ((v = words_find(f->set, value)) < 0) {
			char list[256];
			words_list(f->set, list, sizeof list);
			return err_set(err, TL_EINVAL, "%s: '%.40s' is not one of %s", f->name, value,
				       list);
		}
		*word_of(c, f->name) = v;
		return TL_OK;
	case E_FLAG:
		if (strcmp(value, "yes") && strcmp(value, "no"))
			return err_set(err, TL_EINVAL, "%s: '%.40s' is not one of yes, no", f->name,
				       value);
		*flag_of(c, f->name) = value[0] == 'y';
		return TL_OK;
	case E_DATE:
		if (!*value && !f->required) {
			*date_of(c, f->name) = TL_NO_DATE;
			return TL_OK;
		}
		return date_parse(value, date_of(c, f->name), f->name, err);
	}
	return TL_OK;
}

/* Writes field i's column. */
static int save_field(tl_store *st, tl_case *c, int i, tl_err *err)
{
	const edit_field *f = &FIELDS[i];
	sqlite3_stmt *q = NULL;
	char now[TL_DATE_LEN];
	int rc;

	if (sqlite3_prepare_v2(store_db(st), UPDATE_SQL[i], -1, &q, NULL))
		return store_fail(st, err, "saving a case");
	value_of(c, f, now, sizeof now);
	if (f->type == E_FLAG)
		sqlite3_bind_int(q, 1, *flag_of(c, f->name));
	else if (f->type == E_DATE && *date_of(c, f->name) == TL_NO_DATE)
		sqlite3_bind_null(q, 1);
	else if (f->type == E_DATE)
		sqlite3_bind_text(q, 1, now, -1, SQLITE_TRANSIENT);
	else if (f->type == E_WORD)
		sqlite3_bind_text(q, 1, words_word(f->set, *word_of(c, f->name)), -1, SQLITE_STATIC);
	else
		sqlite3_bind_text(q, 1, *text_of(c, f->name) ? *text_of(c, f->name) : "", -1,
				  SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, c->id);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a case");
	sqlite3_finalize(q);
	return rc;
}

/* The old and new words of a person's field, kept beside the case. */
static int save_revision(tl_store *st, const tl_case *c, const char *field, const char *old,
			 const char *now, const char *why, tl_err *err)
{
	sqlite3_stmt *q = NULL;
	char at[STORE_STAMP_LEN];
	int rc;

	store_stamp(at);
	if (sqlite3_prepare_v2(store_db(st), "INSERT INTO case_revisions(case_id, at, who, field,"
			       " old, new, why) VALUES(?, ?, ?, ?, ?, ?, ?)", -1, &q, NULL))
		return store_fail(st, err, "saving a correction");
	sqlite3_bind_int64(q, 1, c->id);
	sqlite3_bind_text(q, 2, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 3, store_actor(st), -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 4, field, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, old, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 7, why, -1, SQLITE_STATIC);
	rc = sqlite3_step(q) == SQLITE_DONE ? TL_OK : store_fail(st, err, "saving a correction");
	sqlite3_finalize(q);
	return rc;
}

/* a->value: the field (FIELDS index); a->text: the value; a->text2: why. */
static int mv_edit(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap,
		   tl_err *err)
{
	const edit_field *f = &FIELDS[a->value];
	size_t big = CASE_TEXT_MAX + 1;
	char *old = malloc(big), *now = malloc(big);
	tl_date was = c->received;
	int rc;

	if (!old || !now) {
		rc = err_set(err, TL_ENOMEM, "%s: out of memory", f->name);
		goto cleanup;
	}
	value_of(c, f, old, big);
	if ((rc = set_value(st, c, f, a->text, err)))
		goto cleanup;
	value_of(c, f, now, big);
	if (strcmp(old, now) == 0) {
		rc = err_set(err, TL_ESTATE, "%s: %s is already '%.40s'", c->ref, f->name, now);
		goto cleanup;
	}
	if (c->consent_names && !c->consent_to_publish) {
		rc = err_set(err, TL_EINVAL, "consent_names: goes with consent_to_publish (names are "
			     "published only with the words)");
		goto cleanup;
	}
	if (c->on_behalf && (!c->officer || !*c->officer)) {
		rc = err_set(err, TL_EINVAL, "officer: a case logged on a child's behalf names the "
			     "officer who logged it");
		goto cleanup;
	}
	if (f->type == E_DATE && !strcmp(f->name, "received") &&
	    (rc = move_received(st, c, was, err)))
		goto cleanup;
	if ((rc = save_field(st, c, a->value, err)))
		goto cleanup;
	if (f->type == E_WORDS) {
		rc = save_revision(st, c, f->name, old, now, a->text2, err);
		snprintf(detail, cap, "%s corrected (the words before and after are kept with the "
			 "case) why: %s", f->name, a->text2);
	} else {
		snprintf(detail, cap, "%s '%s' -> '%s' why: %s", f->name, old, now, a->text2);
	}
cleanup:
	free(old);
	free(now);
	return rc;
}

int case_edit(tl_store *st, const char *ref, const char *field, const char *value,
	      const char *why, tl_err *err)
{
	tl_move_arg a = { .text = value ? value : "", .text2 = why };
	char fields[512];
	int rc;

	for (a.value = 0; (size_t)a.value < N_FIELDS; a.value++)
		if (field && strcmp(FIELDS[a.value].name, field) == 0)
			break;
	if ((size_t)a.value == N_FIELDS) {
		case_edit_fields(fields, sizeof fields);
		if (field && (!strcmp(field, "procedure") || !strcmp(field, "causes")))
			return err_set(err, TL_EINVAL, "field: %s is corrected with tellus %s", field,
				       field[0] == 'p' ? "assess" : "causes");
		return err_set(err, TL_EINVAL, "field: '%.40s' is not one of %s", field ? field : "",
			       fields);
	}
	if ((rc = text_check("why", why, 500, TEXT_REQUIRED | TEXT_ONE_LINE, err)))
		return rc;
	return case_apply(st, ref, "edit", mv_edit, &a, err);
}
