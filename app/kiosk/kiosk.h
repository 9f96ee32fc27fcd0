/* kiosk.h - the state of tellus-kiosk and its screens. The app is a
 * screen number, a draft that lives only in memory until "Send", and the
 * staff session; kiosk_frame() builds one frame of the current screen into
 * the ui context, which a window draws or a test inspects. Time comes from
 * an injected clock so that idle warnings and PIN locks can be tested.
 * SDL's events come in through kiosk_platform.h. */
#ifndef TELLUS_KIOSK_H
#define TELLUS_KIOSK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "tellus/case.h"
#include "tellus/lang.h"
#include "tellus/receipt.h"
#include "tellus/staff.h"
#include "tellus/sync.h"
#include "../speech/speech.h"
#include "../ui/ui.h"
#include "../ui/ui_xkb.h"

/* Screens: the public ones before KS_STAFF (KS_HIDDEN is the neutral
 * screen Hide leaves), the staff ones from it. */
enum {
	KS_START, KS_WHO, KS_SERVICE, KS_WHAT, KS_WISH, KS_CONTACT, KS_CHECK,
	KS_RECEIPT, KS_UNSAFE, KS_TRACK, KS_TALK, KS_EQUALITIES, KS_HIDDEN, KS_STAFF, KS_PIN,
	KS_OFFICER, KS_CASES,
	KS_MANAGER, KS_CASE, KS_RESPOND, KS_EXTEND, KS_PAUSE, KS_CAUSES, KS_ACTION,
	KS_HANDLED, KS_EDIT, KS_SYNC, KS_N
};
/* Sections of the staff's lists, in the order shown: safety concerns
 * first for every role, then (managers) overdue, due soon and the rest,
 * or (officers) their own cases. */
enum { KR_FLAGGED, KR_OVERDUE, KR_SOON, KR_LATER, KR_MINE, KR_N };
/* Overlays over a screen. */
enum { KO_NONE, KO_HELP, KO_IDLE, KO_CONFIRM };
/* What the confirmation overlay asks about. */
enum { KC_RESPOND, KC_REQUEST };

#define KIOSK_SUMMARY_MAX 4096
#define KIOSK_WISH_MAX 2048
#define KIOSK_CONTACT_MAX 256
#define KIOSK_NAME_MAX 200
#define KIOSK_ROWS 64
#define KIOSK_WARN_SECONDS 60
#define KIOSK_CORNER_MS 3000 /* the hidden way into staff mode: a press this long */
#define KIOSK_CORNER_MM 15.0f /* in a square this wide at the top left */
#define KIOSK_CAUSES 32
#define KIOSK_SOON_DAYS 5 /* "due soon": within this many working days */
#define KIOSK_KEYBOARDS 3 /* layouts a language's keyboard can switch between */
#define KIOSK_EQ_QUESTIONS 4 /* equalities monitoring: age, gender, ethnicity, disability */

typedef struct {
	int kind, who, service; /* -1 until chosen */
	char summary[KIOSK_SUMMARY_MAX];
	char wish[KIOSK_WISH_MAX];
	char contact[KIOSK_CONTACT_MAX];
	int summary_cur, wish_cur, contact_cur;
	bool consent, advocacy;
	char name[KIOSK_NAME_MAX], child_name[KIOSK_NAME_MAX]; /* optional */
	int name_cur, child_name_cur;
} kiosk_draft;

typedef struct {
	char ref[REF_MAX];
	char title[160];
	char detail[160];
	char badge[32];
	int section;             /* KR_*: where the list shows it */
} kiosk_row;

/* A cause to tick on the causes screen. */
typedef struct {
	char code[CASE_CAUSE_MAX];
	char label[128];
	bool on;
} kiosk_cause;

/* Milliseconds from any fixed start; tests pass their own. */
typedef uint64_t (*kiosk_clock_fn)(void *arg);

/* A service area of the public flow. */
#define KIOSK_SERVICES_MAX 24
typedef struct {
	char area[128];   /* stored as service_area */
	char plain[128];  /* on screen */
	char detail[160];
	uint32_t pic;     /* a picture beside it (a colour emoji); 0: the default */
} kiosk_service;

typedef struct kiosk {
	tl_store *st;
	ui_ctx *ui;
	kiosk_clock_fn clock;
	void *clock_arg;
	int screen, overlay;
	kiosk_draft d;
	char hint[1500];         /* a gentle message on the current screen */

	/* The receipt of the last submission: reference, dates, the tracking
	 * code in clear (wiped with the screen) and its QR matrix. */
	char ref[REF_MAX];
	tl_date received, due, max_due;
	int receipt_kind;
	char code[RECEIPT_CODE_MAX];
	uint8_t qr[177 * 177];
	int qr_size;
	bool qr_link;            /* the QR holds a link (receipt_url is set) */

	/* "Check my complaint": what was typed, and what was found. */
	char track_ref[REF_MAX + 8], track_code[RECEIPT_CODE_MAX + 8];
	int track_ref_cur, track_code_cur;
	char track_result[1200];
	bool track_failed;       /* track_result says they did not match */

	/* "I don't feel safe": the record written (its reference, kept
	 * only while the screen is up) and whether staff know (an alert went
	 * out, or the register has it): the screen says which. */
	char unsafe_ref[REF_MAX];
	bool flagged, told_staff;

	/* Settings read at start; the display's defaults (the options it was
	 * started with), to which Hide and the idle wipe return. */
	char authority[128], phone[64], email[128];
	kiosk_service services[KIOSK_SERVICES_MAX];
	int n_services;
	int idle_seconds;
	bool default_large, default_contrast;

	/* Idle and the hidden way into staff mode. */
	uint64_t last_input;
	uint64_t corner_down;    /* when a press began in the corner; 0: none */

	/* Staff session. */
	bool signed_in;
	tl_staff staff;
	char pick[STAFF_NAME_MAX];
	char pin[STAFF_PIN_MAX + 1];
	kiosk_row rows[KIOSK_ROWS];
	int n_rows;
	int rows_for;            /* the screen the rows were loaded for */
	char case_ref[REF_MAX];
	int case_from;           /* the list the case was opened from */
	tl_case cur;
	bool have_cur;
	char reason[512];
	int reason_cur;
	/* The response being recorded: its outcome (-1 until chosen) and date
	 * as typed; after it is recorded, the stage that can be undone until
	 * the case screen is left (0: none). */
	int outcome;
	char when[32];
	int when_cur;
	int confirm;             /* KC_*: what the confirmation asks */
	int undo_stage;
	/* Logging a complaint opened from a safety record: its reference. */
	char from_safety[REF_MAX];
	kiosk_cause causes[KIOSK_CAUSES];
	int n_causes;
	int action;              /* WS_ACTION chosen on the action screen; -1 none */
	char note[512];
	int note_cur;
	/* The correction screen (kiosk_edit.c): the fields as corrected; the
	 * reason is typed into reason. */
	struct {
		int service, who;
		bool consent, consent_names;
		char complainant_name[200], child_name[200];
		int complainant_name_cur, child_name_cur;
	} fix;

	/* Equalities monitoring (kiosk_equalities.c): each answer, -1 none. */
	int eq[KIOSK_EQ_QUESTIONS];

	/* Where this device stands with its register (kiosk_sync.c), read
	 * once for each screen that shows it. */
	tl_sync_status sync;
	int sync_for;
	/* Languages (kiosk_lang.c): those the start screen offers, in order
	 * (the `languages` setting), the one a visit starts in (the first,
	 * or --lang), and this visit's, which a wipe puts back. */
	const tl_lang *langs[LANG_MAX];
	int n_langs;
	const tl_lang *lang_start, *lang;

	uint64_t shown;          /* digest of the frame on screen */
	ui_rect header, body, footer;
	bool footer_shown;       /* the last frame's footer had buttons */
	bool hint_ok;            /* the hint says a move succeeded */
	const char *hint_field;  /* the field the hint is about, or NULL */
	bool changing;           /* a Change link on the check screen: back there next */
	/* The on-screen keyboard (kiosk_lang.c loads the visit's layouts). */
	ui_osk_state osk;
	ui_xkb *xkb;             /* NULL: XKB is missing, the built-in keys */
	ui_xkb_layout kbd[KIOSK_KEYBOARDS];
	const char *kbd_names[KIOSK_KEYBOARDS];
	const tl_lang *kbd_for;  /* the language kbd was loaded for */
	/* Reading aloud (kiosk_say.c): the speaker was pressed, and the
	 * control whose words were read last as focus moved. */
	bool speak;
	ui_id read_focus;
	/* "How do you feel?": the face chosen on the start screen (-1 none,
	 * else an index of CASE_FEELINGS), for the route with no typing
	 * (KS_TALK); talked: the receipt shown is of that route. */
	int feeling;
	bool talked;
	bool quit;
	bool beep;               /* the idle warning wants a sound; main plays it */
	bool sample;             /* screenshots: sample content, nothing stored */
	struct net_auto *autosync; /* syncing by itself (kiosk_autosync.c), or NULL */
} kiosk;

/* Reads settings; the store stays the caller's. Free with kiosk_free. */
int kiosk_new(tl_store *st, kiosk_clock_fn clock, void *clock_arg, kiosk **out, tl_err *err);
void kiosk_free(kiosk *k);

/* Builds frames until nothing more changes; true when the commands differ
 * from the last frame shown (the caller then draws). */
bool kiosk_frame(kiosk *k);
/* Idle and long-press timers; returns milliseconds until the next check. */
int kiosk_tick(kiosk *k);
/* Goes to a screen, forgetting focus and scroll. */
void kiosk_go(kiosk *k, int screen);
/* Wipes the draft and any staff session, and the display back to its
 * defaults: the start screen. */
void kiosk_wipe(kiosk *k);
/* A message on the current screen: a problem (about the named field, or
 * NULL), or a success. */
void kiosk_hint(kiosk *k, const char *field, const char *msg);
void kiosk_done(kiosk *k, const char *msg);

/* Names of screens for --screen and --list-screens. */
const char *kiosk_screen_name(int screen);
/* Sets up a named screen with sample content; -1 when unknown. */
int kiosk_sample(kiosk *k, const char *name);
extern const char *const KIOSK_SAMPLE_NAMES[];
/* Is the named sample a screen the public sees (translated)? */
bool kiosk_sample_public(const char *name);

/* The screens (kiosk_public.c, kiosk_unsafe.c, kiosk_staff.c,
 * kiosk_manage.c, kiosk_respond.c, kiosk_safety.c) and their shared frame. */
void kiosk_screen_public(kiosk *k);
void kiosk_screen_staff(kiosk *k);
/* The receipt after Send, and "Check my complaint" (kiosk_receipt.c). */
void kiosk_screen_receipt(kiosk *k);
void kiosk_screen_track(kiosk *k);
/* The error shown above a field when the hint is about it (NULL if not);
 * and the error's going once the field's words change. */
const char *kiosk_field_error(const kiosk *k, const char *field);
void kiosk_typed(kiosk *k, const char *field, bool changed);
/* A case (kiosk_case.c) and an extension of its open stage. */
void kiosk_screen_case(kiosk *k);
void kiosk_screen_extend(kiosk *k);
/* Staff: the public flow, logged on a child's behalf. */
void kiosk_log_for_a_child(kiosk *k);
/* "I don't feel safe" (public) and the neutral screen Hide leaves. */
void kiosk_screen_unsafe(kiosk *k);
void kiosk_screen_hidden(kiosk *k);
/* The public flow's frame: its step, question, and footer (Back to
 * back_to, -1 none; returns kiosk_footer's answer). */
void kiosk_public_begin(kiosk *k, int step, const char *question);
int kiosk_public_end(kiosk *k, int back_to, const char *next);
/* Staff: a safety concern's case screen, and marking it handled. */
void kiosk_safety_case(kiosk *k);
void kiosk_screen_handled(kiosk *k);
/* Staff: the response screen, the confirmation before a move, and the
 * undo offered after one. */
void kiosk_screen_respond(kiosk *k);
void kiosk_confirm_dialog(kiosk *k);
void kiosk_undo_button(kiosk *k);
/* Starts the response screen for the open stage (outcome, today's date). */
void kiosk_respond_begin(kiosk *k);
/* Asks to confirm a request for the next stage. */
void kiosk_request_begin(kiosk *k);
/* A list of rows (kiosk_load_rows) in its sections; a tapped row opens
 * its case. */
void kiosk_rows(kiosk *k);
/* Reads k->case_ref into k->cur once (after a move, again). */
void kiosk_load_case(kiosk *k);
/* Where Back leads from a case: the list it was opened from. */
int kiosk_case_back(const kiosk *k);
/* The manager's list, and the clock, causes and action screens. */
void kiosk_screen_manage(kiosk *k);
/* On the case screen: causes, actions, and the buttons to change them and
 * to stop or restart the clock of the open stage (NULL: none). */
void kiosk_case_tools(kiosk *k, const tl_stage *open);
/* A staff screen's title and body; its end returns kiosk_footer's answer
 * after going back (back_to: a screen, -1 sign out, < -1 no Back). */
ui_rect kiosk_staff_begin(kiosk *k, const char *title);
int kiosk_staff_end(kiosk *k, int back_to, const char *next);
/* Header (Need help now? and Hide, or Sign out), returns the body's
 * rectangle above the footer (Back, and Next when next_label is given). */
ui_rect kiosk_chrome(kiosk *k, const char *title, bool public_screen);
/* The footer: returns 1 for Back, 2 for Next, 0 for nothing. */
int kiosk_footer(kiosk *k, const char *back_label, const char *next_label);
void kiosk_overlays(kiosk *k);

/* The register (kiosk_sync.c): on a staff screen, what is waiting to go
 * to the register and its last reply (nothing when the file is no
 * device); the screen of the cases the register sent back. */
void kiosk_sync_status(kiosk *k);
void kiosk_screen_sync(kiosk *k);
/* Correct details (kiosk_edit.c): opened from the case screen with k->cur
 * loaded; saved through case_edit. */
void kiosk_edit_open(kiosk *k);
void kiosk_screen_edit(kiosk *k);
/* A row of tiles of which one is chosen (-1: none yet); seed keeps apart
 * the ids of rows that share a label ("Other"). */
void kiosk_choose(kiosk *k, int seed, const char *const *labels, int n, int *chosen);
/* Names on the contact step (kiosk_names.c): the fields, whether any is
 * given, and the check screen's answer written into out. */
void kiosk_names_fields(kiosk *k);
bool kiosk_names_given(const kiosk *k);
const char *kiosk_names_answer(const kiosk *k, char *out, size_t cap);
/* About you (kiosk_equalities.c): the optional equalities questions,
 * offered on a complaint's receipt; saved through equalities_put. */
void kiosk_equalities_open(kiosk *k);
void kiosk_screen_equalities(kiosk *k);
/* Syncing by itself (kiosk_autosync.c; started by main through
 * kiosk_platform.h): a safety record goes at once; poll takes what the
 * worker did (the register has the record: staff were told). */
void kiosk_autosync_urgent(kiosk *k);
void kiosk_autosync_poll(kiosk *k);

/* Sending (kiosk_submit.c): the draft becomes a case through case_log. */
int kiosk_submit(kiosk *k, tl_err *err);
/* "I'd like to talk to someone" (kiosk_talk.c's screen): a complaint with
 * no typed words, through case_log_talk, and its receipt. */
int kiosk_submit_talk(kiosk *k, tl_err *err);
/* The faces row of the start screen, and the screen it leads to. */
void kiosk_faces(kiosk *k);
void kiosk_screen_talk(kiosk *k);
/* "I don't feel safe": a flagged record for staff, outside the procedure,
 * then the council's alert if one is set; k->told_staff says whether
 * staff know (case_staff_told). */
int kiosk_flag_unsafe(kiosk *k, tl_err *err);
/* Loads the rows of the staff's lists, in sections: safety concerns
 * first, then the officer's own cases (mine) or the manager's overdue,
 * due soon and the rest. */
int kiosk_load_rows(kiosk *k, bool mine, tl_err *err);
/* Before any write: today and who acts; refused on sample screens. */
int kiosk_before_write(kiosk *k, tl_err *err);
/* Fills k->causes from the causes table, ticking those of k->cur. */
int kiosk_load_causes(kiosk *k, tl_err *err);
/* Keeps the QR matrix of a receipt's payload in k->qr (one byte a module). */
int kiosk_keep_qr(kiosk *k, const char *payload, tl_err *err);
/* "Check my complaint": fills k->track_result from what was typed; what
 * it says of a case, in the visit's language. */
void kiosk_track(kiosk *k);
void kiosk_track_words(kiosk *k, const tl_case *c);

/* Languages (kiosk_lang.c). kiosk_new loads the setting; --lang picks the
 * language visits start in; kiosk_wipe puts it back. */
void kiosk_lang_load(kiosk *k);
int kiosk_lang_start(kiosk *k, const char *code, tl_err *err);
int kiosk_lang_set(kiosk *k, const tl_lang *l, tl_err *err);
void kiosk_lang_reset(kiosk *k);
/* --list-languages: each language, whether its catalogue is a draft and
 * whether eSpeak NG has its voice here. */
void kiosk_list_languages(FILE *out);
/* Reading aloud (kiosk_say.c): the words of the screen as built by the
 * last frame, into out (cap bytes); returns their length. kiosk_say
 * speaks them in the visit's voice into *out (speech_pcm_free). */
size_t kiosk_say_text(const kiosk *k, char *out, size_t cap);
int kiosk_say(kiosk *k, speech *sp, speech_pcm *out, tl_err *err);
/* What to read aloud now, after a frame: the screen's words when Listen
 * was pressed, the focused control's when focus moved by keyboard; false
 * for nothing. Each request is answered once. */
bool kiosk_reading(kiosk *k, char *out, size_t cap);

/* The configured service areas (tellus services) in plain words: read
 * at start (kiosk_services.c); without a store, the defaults. */
int kiosk_load_services(kiosk *k, tl_err *err);
/* Who is telling us, in TL_WHO_* order: as the person says it ("I'm a
 * parent"), as an officer logging for them picks it ("Their parent"),
 * and as an answer on the check screen ("A parent"). */
extern const char *const KIOSK_WHO_SELF[], *const KIOSK_WHO_THEIR[], *const KIOSK_WHO_ANSWER[];
extern const int KIOSK_N_WHO;

#endif
