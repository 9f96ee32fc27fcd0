/* case.h - complaints and compliments, their stages and the rules that
 * move them. Every function here that changes the store opens and closes
 * its own transaction (rule 3 of store.h: a savepoint inside a caller's),
 * checks the procedure's rules first, and writes the audit trail; a
 * refused move changes nothing and says why. */
#ifndef TELLUS_CASE_H
#define TELLUS_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include "tellus/store.h"
#include "tellus/ref.h"
#include "tellus/words.h"

#define CASE_MAX_CAUSES 16
#define CASE_MAX_ACTIONS 16
#define CASE_CAUSE_MAX 64
#define CASE_TEXT_MAX 65536 /* bytes of a person's words in one field */

/* One stop of a stage's clock, as the moves recorded it (stage_pauses):
 * resumed is TL_NO_DATE while the clock stands still; days are the
 * working days it stood still, counted when it restarted. A new_concerns
 * pause restarts the stage from paused: resumed is paused, days 0. */
typedef struct {
	tl_date paused, resumed;
	int reason;          /* WS_PAUSE */
	int days;            /* -1 while the clock stands still */
} tl_pause;

/* Make a stage with case_stage_add, which sets every date empty. */
typedef struct {
	int number;          /* 1, 2, 3 */
	tl_date opened;      /* received (stage 1) or requested: never moves */
	tl_date started;     /* opened, or the last restart (new concerns) */
	tl_date acknowledged; /* when the complaint or request was acknowledged */
	tl_date due;         /* standard limit (the maximum once extended), moved by pauses */
	tl_date max_due;     /* limit with an extension */
	bool extended;
	tl_date extended_on; /* the day the extension was agreed (none for old records) */
	char *extension_reason;
	char *extension_by;  /* who agreed it */
	bool request_late;   /* asked after the request window */
	tl_date panel;       /* stage 3: panel held */
	tl_date responded;   /* response or withdrawal date */
	int outcome;         /* TL_OUTCOME_*, -1 while open */
	int paused_days;     /* working days the clock stood still */
	tl_date paused_since; /* clock stopped since, or TL_NO_DATE */
	tl_pause *pauses;    /* in the order they happened; owned (malloc'd) */
	size_t n_pauses;
} tl_stage;

/* A case as a whole. Strings are owned by the struct (malloc'd); release
 * them with case_clear(). NULL strings read as empty. */
typedef struct {
	long long id;
	char ref[REF_MAX];
	int kind;            /* TL_KIND_* */
	tl_date received;
	int procedure;       /* TL_PROC_* */
	char *assessed_why;  /* why it was assessed so (not eligible: the reason) */
	int channel;         /* TL_CHANNEL_* */
	int complainant;     /* TL_WHO_* */
	bool on_behalf;
	char *officer;
	char *service_area;
	char *team;
	char *summary;       /* the person's own words */
	char *desired;       /* what they would like to happen */
	char *contact;
	bool consent_to_publish;
	bool consent_names;  /* a compliment's names may be published too
			      * (else the report shows initials) */
	bool advocacy;       /* asked for someone to help them */
	bool unsafe;         /* "I don't feel safe": flagged for staff */
	tl_date safety_handled; /* when staff acted on it; TL_NO_DATE: not yet */
	char *safety_note;   /* what staff did (their words, never the child's) */
	/* A complaint opened from an "I don't feel safe" record: that record's
	 * reference ("" for none). Stored with the complaint. */
	char safety_ref[REF_MAX];
	/* Read only, filled by case_get on a safety record: the complaint
	 * opened from it ("" for none). */
	char linked_complaint[REF_MAX];
	tl_date matter;      /* when the matter complained of happened, if known */
	char *late_reason;   /* why a complaint made over a year after it is accepted */
	char *tracking_hash; /* of the tracking code (receipt.h), NULL when none */
	char *complainant_name; /* who complained, if they gave a name */
	char *child_name;    /* the child it is about, if named */
	tl_date retained;    /* when retention removed names, contact and words */
	char profile[PROC_NAME_MAX];
	long long rules;     /* its profile's text as it was when logged (0: not yet stored) */
	char *rules_text;    /* that text, read with the case; a new case given one keeps it */
	char causes[CASE_MAX_CAUSES][CASE_CAUSE_MAX];
	size_t n_causes;
	int actions[CASE_MAX_ACTIONS]; /* WS_ACTION values */
	char *action_notes[CASE_MAX_ACTIONS]; /* beside actions[], NULL when none */
	size_t n_actions;
	tl_stage stages[PROC_MAX_STAGES];
	size_t n_stages;
} tl_case;

void case_init(tl_case *c);
void case_clear(tl_case *c);
/* Replaces *field with a copy of s (NULL allowed). */
int case_set_text(char **field, const char *s, tl_err *err);
/* The stage with that number, or NULL. */
tl_stage *case_stage_of(tl_case *c, int number);
const tl_stage *case_stage_get(const tl_case *c, int number);
/* Does the case follow the stages of a procedure? Complaints do; a
 * compliment does not, nor an "I don't feel safe" record, which leaves the
 * complaints procedure for staff to act on at once. */
bool case_has_stages(const tl_case *c);
/* Appends a stage with every date empty (outcome -1); NULL when full.
 * Importers fill opened (stages 2, 3), responded, outcome, panel, and
 * the pauses (case_pause_add), from which case_put sets the clock. */
tl_stage *case_stage_add(tl_case *c, int number);
/* Puts the actions in WS_ACTION order, each note beside its action, as
 * case_get reads them back. */
void case_actions_sort(tl_case *c);
/* Appends a pause to s (a copy of p). */
int case_pause_add(tl_stage *s, const tl_pause *p, tl_err *err);
/* The latest stage, or NULL for a case with none (a compliment). */
const tl_stage *case_current_stage(const tl_case *c);

/* Checks a case as a whole (fields, text, dates, order of stages); the
 * message starts with the field at fault, and *field (when given) names
 * it, for the importer to turn into a column. */
int case_validate(tl_store *st, const tl_case *c, const char **field, tl_err *err);

/* Logs a new case: gives it a reference (c->ref is written), computes
 * stage 1's deadlines for a complaint, stores it. */
int case_log(tl_store *st, tl_case *c, tl_err *err);
/* "I'd like to talk to someone" (SPEC 13, case_talk.c): logs c as a
 * complaint with no words of the person's: CASE_TALK_SUMMARY (and the
 * face they chose for how they feel, one of CASE_FEELINGS, or NULL), the
 * wish CASE_TALK_DESIRED and a request for an advocate, to be assessed,
 * from a child unless c says who; c's channel and service (default
 * "Other") are the caller's. Audited as talk_request; the caller issues
 * the receipt, as for any complaint. */
#define CASE_TALK_SUMMARY "Asked at the kiosk: I'd like to talk to someone"
#define CASE_TALK_DESIRED "Someone to get in touch to talk, and an advocate to help"
extern const char *const CASE_FEELINGS[]; /* happy ... angry, then NULL */
int case_log_talk(tl_store *st, tl_case *c, const char *feeling, tl_err *err);
/* Stores a whole case with its history, as an import does (csvio_import
 * calls it inside the file's transaction, so a later bad row undoes it).
 * A case already there with the same content is left alone
 * (*added = false); with different content it is an error. Each stage's
 * clock (started, paused_days, paused_since) is set from its opening and
 * its pauses, as the moves that made them set it. */
int case_put(tl_store *st, tl_case *c, bool *added, tl_err *err);
/* The same for a case whose reference the caller knows to be new (an
 * import that looked it up): TL_EEXIST when it is taken after all. On a
 * refusal, *field (when given) names the field at fault, as
 * case_validate does. The deadlines are computed once. */
int case_add(tl_store *st, tl_case *c, const char **field, tl_err *err);
/* Reads a case by reference (typed form accepted). */
int case_get(tl_store *st, const char *ref, tl_case *out, tl_err *err);
/* Whether case_get would find ref (*found), without reading the case. */
int case_stored(tl_store *st, const char *ref, bool *found, tl_err *err);
/* Every case in the order stored, each read whole as case_get reads it,
 * with one statement per table walked in index order (an export of a
 * million cases reads each table once). fn returns non-zero to stop. */
typedef int (*case_visit_fn)(const tl_case *c, void *arg);
int case_each(tl_store *st, case_visit_fn fn, void *arg, tl_err *err);

/* The moves of the procedure. Each is refused with TL_ESTATE when the
 * procedure does not allow it. */
int case_assess(tl_store *st, const char *ref, int procedure, const char *why, tl_err *err);
int case_set_causes(tl_store *st, const char *ref, const char *const *causes, size_t n, tl_err *err);
/* An extension of stage (0: the current one) agreed on when by
 * agreed_by, for reason: refused after the deadline it extends, so that a
 * stage already overdue never becomes "in time" (SPEC 14). case_extend
 * is agreed today. */
int case_extend_on(tl_store *st, const char *ref, int stage, tl_date when, const char *reason,
		   const char *agreed_by, tl_err *err);
int case_extend(tl_store *st, const char *ref, int stage, const char *reason,
		const char *agreed_by, tl_err *err);
/* The complaint (stage 1) or a request (stage 2, 3) was acknowledged on
 * when; stage 0 is the current one. Under a profile whose stage runs
 * from the acknowledgement (the LGSCO Code), its clock starts then. */
int case_acknowledge(tl_store *st, const char *ref, int stage, tl_date when, tl_err *err);
int case_respond(tl_store *st, const char *ref, int stage, tl_date when, int outcome, tl_err *err);
/* Takes back the response (or withdrawal) of stage, the latest: the stage
 * is open again (case_undo.c). Audited with what was taken back. */
int case_respond_undo(tl_store *st, const char *ref, int stage, tl_err *err);
/* *late is set when the request came after the window. */
int case_request(tl_store *st, const char *ref, int stage, tl_date when, bool *late, tl_err *err);
int case_panel(tl_store *st, const char *ref, tl_date when, tl_err *err);
int case_withdraw(tl_store *st, const char *ref, tl_date when, tl_err *err);
/* Stops or restarts the clock of the open stage. reason is a WS_PAUSE
 * word; new_concerns restarts the stage from `when`. */
int case_pause(tl_store *st, const char *ref, tl_date when, int reason, tl_err *err);
int case_resume(tl_store *st, const char *ref, tl_date when, tl_err *err);
/* "I don't feel safe" records (case_safety.c, case_alert.c). Such a
 * record is not a complaint: it has no stages and no clock, and the moves
 * of the procedure are refused on it, saying what to do instead. */
/* Staff have acted on one: it leaves the list of safety concerns, and the
 * note of what they did is kept with it (and audited). */
int case_safety_handled(tl_store *st, const char *ref, tl_date when, const char *note,
			tl_err *err);
/* Logs c as a complaint opened from the safety record safety_ref (typed
 * form accepted), linked both ways (c->safety_ref; the record's
 * linked_complaint). Who raised it and the service default to the
 * record's. Refused for a record that is not a safety concern or already
 * has a linked complaint. One transaction, audited on both. */
int case_log_from(tl_store *st, const char *safety_ref, tl_case *c, tl_err *err);
/* Has a member of staff been told of the safety record ref? True once an
 * alert went out (case_alert), the register acknowledged the record
 * (case_staff_told_mark with "register": sync's reply), or staff handled
 * it. Writing the record into this device's file is not telling anyone. */
int case_staff_told(tl_store *st, const char *ref, bool *told, tl_err *err);
/* Records that staff were told of ref: how is "alert" or "register".
 * Once is enough (later calls change nothing); audited. */
int case_staff_told_mark(tl_store *st, const char *ref, const char *how, tl_err *err);
/* Runs the alert_command setting for the safety record ref, if one is
 * set: nothing configured leaves *sent false and returns TL_OK. The
 * program gets the reference as its last argument and nothing else of the
 * case; exit status 0 within 10 s marks staff told (*sent true); anything
 * else is audited as alert_failed and err says why (still TL_OK: the
 * record itself is safe). Never call it inside a transaction. */
int case_alert(tl_store *st, const char *ref, bool *sent, tl_err *err);
int case_add_action(tl_store *st, const char *ref, int action, const char *note, tl_err *err);
/* Corrects one field of a case (SPEC 14), a move like the others: the
 * deadlines follow a corrected received date, the whole case is checked
 * again, and the audit has the old and new value and why (for a person's
 * own words, the field only: the words go to case_revisions). value is
 * written as in a file: a word of its set, yes/no, YYYY-MM-DD, a service
 * area or team of the configured lists; "" clears an optional field. */
int case_edit(tl_store *st, const char *ref, const char *field, const char *value,
	      const char *why, tl_err *err);
/* "service_area, team, ...": the fields case_edit corrects. */
void case_edit_fields(char *out, size_t cap);
/* The causes a case can be given (the causes table's active rows, in its
 * order): fn gets each code and label, and returns non-zero to stop. */
typedef int (*case_cause_fn)(const char *code, const char *label, void *arg);
int case_causes(tl_store *st, case_cause_fn fn, void *arg, tl_err *err);

/* Where a stage stands on a day. A case assessed as not eligible runs no
 * clock (CASE_NO_CLOCK): it is never due, overdue or late, and its
 * assessed_why says why; an "I don't feel safe" record has no stages. */
typedef enum { CASE_DONE, CASE_IN_TIME, CASE_DUE_SOON, CASE_OVERDUE, CASE_NO_CLOCK } tl_stage_state;
typedef struct {
	tl_stage_state state;
	int days_left;        /* working days to the due date (negative: late) */
	int days_taken;       /* working days from start to response or today, less pauses */
	tl_date next_by;      /* last day to ask for the next stage in time */
	bool may_escalate;    /* past the maximum with no response */
	tl_date due;          /* the due date today (a stopped clock moves it on) */
	bool late;            /* answered after its due date */
	tl_date clock_from;   /* the day the clock runs from: start, or acknowledgement */
	tl_date ack_due;      /* the last day to acknowledge, TL_NO_DATE if the profile sets none */
	bool ack_wanted;      /* open, not acknowledged, and the profile sets a deadline */
	bool ack_late;        /* acknowledged after ack_due, or not yet and past it */
	int ack_days_left;    /* working days to ack_due while wanted (negative: late) */
} tl_stage_status;
int case_stage_status(tl_store *st, const tl_case *c, const tl_stage *s,
		      tl_date today, int soon_days, tl_stage_status *out, tl_err *err);
/* Does the case run a clock? Not when it was assessed as not eligible, nor
 * for a compliment or a safety record (no stages). */
bool case_runs_clock(const tl_case *c);

/* Cases for the lists staff work from, each read in one query over small
 * indexes of what is open (the open stages by due date, the cases with an
 * open stage, the safety concerns not yet handled), never the whole
 * register, except include_closed, which reads every case in the order it
 * lies in the file, sorted by date as it goes. fn is called with what a
 * list shows of each case: reference, kind, dates, procedure and rules,
 * channel, complainant, officer, service and team, the safety flags, and
 * its current stage only (no person's words, no causes, actions or
 * earlier stages: case_get has them); fn returns non-zero to stop, and
 * case_list returns that.
 *  - flagged_only: "I don't feel safe" records not yet handled, newest first;
 *  - with_flagged: those first, then the open cases;
 *  - else the open cases (current stage unanswered, not "not eligible"),
 *    by due date: overdue only, or due within N working days (N < 0: no
 *    filter), by the due date of the response;
 *  - include_closed: every case by date received.
 * officer and service (NULL: any) narrow each of them; service matches
 * without regard to case. */
typedef struct {
	bool overdue_only;
	int due_within;
	const char *officer;
	const char *service;
	bool include_closed;
	bool flagged_only;   /* "I don't feel safe" records, newest first */
	bool with_flagged;   /* those first, then the open cases */
} tl_case_filter;
int case_list(tl_store *st, const tl_case_filter *f, case_visit_fn fn, void *arg, tl_err *err);

/* Costs, Ombudsman enquiries and decisions, context figures (SPEC 4). A
 * year is the financial year's first calendar year (2025 for 2025/26). */
int cost_add(tl_store *st, tl_date when, int category, long long pence,
	     const char *ref, int seq, bool *added, tl_err *err);
/* A cost as listed; the strings live until the listing's fn returns. */
typedef struct {
	long long id;
	tl_date date;
	int category;        /* WS_COST */
	long long pence;
	const char *ref;     /* "" for none */
	tl_date voided;      /* TL_NO_DATE while it counts */
	const char *void_reason;
} tl_cost;
typedef int (*cost_fn)(const tl_cost *c, void *arg);
/* The costs of a financial year (year < 0: all), voided ones too, by date. */
int cost_list(tl_store *st, int year, cost_fn fn, void *arg, tl_err *err);
/* Takes a cost out of the report with the reason why; it stays listed
 * and audited, never deleted. */
int cost_void(tl_store *st, long long id, const char *why, tl_err *err);

/* An Ombudsman (LGSCO) enquiry: recorded when it arrives (decided
 * TL_NO_DATE, decision -1), decided later. ombudsman_add records either
 * (an import row); a decision for an enquiry already recorded with the
 * same ref and received date completes it. */
int ombudsman_add(tl_store *st, const char *ref, tl_date received, tl_date decided,
		  int decision, int seq, bool *added, tl_err *err);
/* Records a new enquiry; *id names it for ombudsman_decide. */
int ombudsman_enquiry(tl_store *st, const char *ref, tl_date received, long long *id,
		      tl_err *err);
int ombudsman_decide(tl_store *st, long long id, tl_date decided, int decision, tl_err *err);
typedef struct {
	long long id;
	const char *ref;     /* "" for none */
	tl_date received, decided; /* decided TL_NO_DATE while open */
	int decision;        /* WS_OMBUDSMAN, -1 while open */
} tl_enquiry;
typedef int (*enquiry_fn)(const tl_enquiry *e, void *arg);
/* Enquiries received or decided in a financial year (year < 0: all),
 * open ones first, then by date received. */
int ombudsman_list(tl_store *st, int year, enquiry_fn fn, void *arg, tl_err *err);

int context_put(tl_store *st, int year, const char *measure, double value,
		bool *added, tl_err *err);
/* Changes a figure already recorded (or records a new one), audited with
 * the old and new value. */
int context_replace(tl_store *st, int year, const char *measure, double value, tl_err *err);

#endif
