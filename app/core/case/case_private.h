/* case_private.h - private: what the case_*.c files share. Reading and
 * writing rows, computing deadlines, and the procedure's order rules. */
#ifndef TELLUS_CASE_PRIVATE_H
#define TELLUS_CASE_PRIVATE_H

#include "tellus/case.h"
#include "store/store_db.h"
#include "sync/sync_record.h"


/* The profile the case runs under (c->profile, else the setting for its
 * procedure, which is then written into c->profile). */
int case_profile(tl_store *st, tl_case *c, tl_profile *out, tl_err *err);
/* The calendar a profile uses. */
int case_calendar(tl_store *st, const tl_profile *p, const tl_calendar **out, tl_err *err);
/* The last day to acknowledge stage s under its profile stage ps
 * (TL_NO_DATE when the profile sets none), and the day its clock runs
 * from: its start, or its acknowledgement where the profile says so. */
int case_ack_due(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
		 tl_date *out, tl_err *err);
int case_clock_start(const tl_calendar *cal, const tl_profile_stage *ps, const tl_stage *s,
		     tl_date *out, tl_err *err);
/* Fills every stage's due, max_due and request_late from its start, its
 * extension, pauses and panel, under the case's profile. */
int case_compute(tl_store *st, tl_case *c, const char **field, tl_err *err);
/* The rules alone, on deadlines already computed. */
int case_check(tl_store *st, const tl_case *c, const char **field, tl_err *err);

int case_check_causes(tl_store *st, const tl_case *c, const char **field, tl_err *err);
int case_check_stages(tl_store *st, const tl_case *c, const char **field, tl_err *err);

/* Reading rows into a tl_case, shared by case_get (one case), the lists
 * (case_status.c: one query, NULL for what a list does not show) and
 * case_each (case_scan.c: every case, table by table). The columns of a
 * case (c) and of a stage (s) are in the order case_read_row and
 * case_read_stage (case_read.c) read them: a new field is one more column
 * here, one more line in its reader and a NULL in the lists' columns. */
#define CASE_COLS                                                                    \
	"c.id, c.ref, c.kind, c.received, c.procedure, c.profile, c.channel,"       \
	" c.complainant, c.on_behalf, c.officer, c.service_area, c.team, c.summary," \
	" c.desired, c.contact, c.late_reason, c.consent_to_publish, c.advocacy,"    \
	" c.unsafe, c.matter_date, c.safety_handled, c.safety_note, c.safety_ref,"   \
	" c.rules, c.assessed_why, c.consent_names, c.complainant_name, c.child_name,"   \
	" c.retained, c.tracking_hash,"                                              \
	" (SELECT r.body FROM profile_rules r WHERE r.id = c.rules)"
#define CASE_NCOLS 31
#define CASE_STAGE_COLS                                                              \
	"s.stage, s.started, s.due, s.max_due, s.extended, s.extension_reason,"     \
	" s.extension_by, s.request_late, s.panel, s.responded, s.outcome,"         \
	" s.paused_days, s.paused_since, s.acknowledged, s.extended_on, s.opened"
/* From stages s joined with stage_pauses p, in the order they happened. */
#define CASE_PAUSE_COLS "s.stage, p.paused, p.resumed, p.reason, p.days"
#define CASE_PAUSE_ORDER " ORDER BY s.case_id, s.stage, p.paused, p.id"
/* Fills c's own fields from CASE_COLS, from column col of the row. */
int case_read_row(sqlite3_stmt *q, int col, tl_case *c, tl_err *err);
/* Adds to c the stage in CASE_STAGE_COLS from column col (a stage read
 * without its opening, as the lists read it, opened when it started). */
int case_read_stage(sqlite3_stmt *q, int col, tl_case *c, tl_err *err);
/* The readers below start at column col (after the case's id). */
int case_pause_row_read(sqlite3_stmt *q, int col, tl_case *c, tl_err *err);
/* action, note */
int case_action_row_read(sqlite3_stmt *q, int col, tl_case *c, tl_err *err);

/* Sets each stage's clock from its opening and its pauses (case_put),
 * after checking that the pauses follow each other as the moves would
 * have recorded them. */
int case_clock_settle(tl_store *st, tl_case *c, const char **field, tl_err *err);

/* Rows. case_insert writes a new case with its stages, causes, actions
 * (c->id is set); stage_save inserts or updates one stage row. */
int case_insert(tl_store *st, tl_case *c, tl_err *err);
int case_stage_save(tl_store *st, const tl_case *c, const tl_stage *s, tl_err *err);
int case_causes_save(tl_store *st, const tl_case *c, tl_err *err);
/* Is a (stored) the same case as b (arriving) in everything a file
 * carries? *field names the first difference. b's linked_complaint is
 * compared only when b names one (the store derives it). */
bool case_same(const tl_case *a, const tl_case *b, const char **field);

/* A move of the procedure: what it needs (each move reads its fields). */
typedef struct {
	int stage;
	tl_date when;
	int value;           /* outcome, procedure, pause reason, action */
	const char *text;
	const char *text2;
	const char *const *list;
	size_t n;
} tl_move_arg;

/* Changes c in memory and writes a line for the audit trail into detail
 * (never the person's words). */
typedef int (*move_fn)(tl_store *st, tl_case *c, tl_move_arg *a, char *detail, size_t cap,
		       tl_err *err);
/* Reads the case, applies fn, recomputes, validates, saves and audits
 * under action, in one transaction. */
int case_apply(tl_store *st, const char *ref, const char *action, move_fn fn, tl_move_arg *a,
	       tl_err *err);
/* case_safety.c: a refusal of the procedure's moves for an "I don't feel
 * safe" record, saying what to do instead (TL_OK for any other case). */
int case_refuse_safety(const tl_case *c, tl_err *err);
/* Fills c->linked_complaint of a safety record from the complaints. */
int case_linked_complaint(tl_store *st, tl_case *c, tl_err *err);
/* The open stage (want, or the latest when 0), or a refusal saying why. */
int case_open_stage(tl_case *c, int want, tl_stage **out, tl_err *err);
void case_detail(char *detail, size_t cap, const char *what, int stage, tl_date d,
		 const char *extra);

/* The name of case_edit's field i ("" for none): sync records an edit
 * by the field's name, not its place in case_edit.c's table. */
const char *case_edit_field_name(int i);

/* The date in column i of a row, TL_NO_DATE for NULL or not a date. */
tl_date case_col_date(sqlite3_stmt *s, int i);

/* Figures (case_figures.c, case_costs.c, case_ombudsman.c). An optional
 * case reference must name a stored case (case_get's refusal names the
 * field, ref). finish steps q (an INSERT OR IGNORE or an UPDATE), audits
 * when a row changed, records m for the register when there is one
 * (sync.h: NULL for a change that does not travel), and ends the
 * caller's level. */
int case_figure_ref(tl_store *st, const char *ref, tl_err *err);
int case_figure_finish(tl_store *st, sqlite3_stmt *q, const char *action, const char *ref,
		       const sync_move *m, const char *detail, bool *added, tl_err *err);

#endif
