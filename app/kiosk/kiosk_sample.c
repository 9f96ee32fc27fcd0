/* kiosk_sample.c - every screen by name, with sample content, for
 * `--screenshot` and for the layout tests. A sample kiosk never touches
 * the store: its lists and case are made up here. */
#include <stdio.h>
#include <string.h>
#include "kiosk.h"

typedef struct {
	const char *name;
	int screen, overlay;
} sample_def;

static const sample_def SAMPLES[] = {
	{ "start", KS_START, KO_NONE }, { "who", KS_WHO, KO_NONE },
	{ "service", KS_SERVICE, KO_NONE }, { "what", KS_WHAT, KO_NONE },
	{ "keyboard", KS_WHAT, KO_NONE }, { "wish", KS_WISH, KO_NONE },
	{ "contact", KS_CONTACT, KO_NONE }, { "check", KS_CHECK, KO_NONE },
	{ "receipt", KS_RECEIPT, KO_NONE }, { "help", KS_WHAT, KO_HELP },
	{ "idle", KS_CHECK, KO_IDLE }, { "unsafe", KS_UNSAFE, KO_NONE },
	{ "track", KS_TRACK, KO_NONE }, { "scripts", KS_WHAT, KO_NONE },
	{ "staff", KS_STAFF, KO_NONE }, { "pin", KS_PIN, KO_NONE },
	{ "officer", KS_OFFICER, KO_NONE }, { "cases", KS_CASES, KO_NONE },
	{ "manager", KS_MANAGER, KO_NONE }, { "case", KS_CASE, KO_NONE },
	{ "respond", KS_RESPOND, KO_NONE }, { "extend", KS_EXTEND, KO_NONE },
	{ "pause", KS_PAUSE, KO_NONE }, { "causes", KS_CAUSES, KO_NONE },
	{ "action", KS_ACTION, KO_NONE }, { "select", KS_WHAT, KO_NONE },
	{ "hidden", KS_HIDDEN, KO_NONE },
	{ "unsafe-told", KS_UNSAFE, KO_NONE }, { "unsafe-not-told", KS_UNSAFE, KO_NONE },
	{ "what-error", KS_WHAT, KO_NONE }, { "track-failed", KS_TRACK, KO_NONE },
	{ "receipt-compliment", KS_RECEIPT, KO_NONE }, { "behalf", KS_START, KO_NONE },
	{ "behalf-who", KS_WHO, KO_NONE }, { "safety", KS_CASE, KO_NONE },
	{ "handled", KS_HANDLED, KO_NONE }, { "confirm", KS_RESPOND, KO_CONFIRM },
	{ "recorded", KS_CASE, KO_NONE }, { "shift", KS_WHAT, KO_NONE },
	{ "sync", KS_SYNC, KO_NONE },
	{ "talk", KS_TALK, KO_NONE }, { "receipt-talk", KS_RECEIPT, KO_NONE },
	{ "equalities", KS_EQUALITIES, KO_NONE },
};
#define N_SAMPLES ((int)(sizeof SAMPLES / sizeof SAMPLES[0]))

const char *const KIOSK_SAMPLE_NAMES[] = {
	"start", "who", "service", "what", "keyboard", "wish", "contact", "check",
	"receipt", "help", "idle", "unsafe", "track", "scripts", "staff", "pin", "officer", "cases",
	"manager", "case", "respond", "extend", "pause", "causes", "action", "select", "hidden",
	"unsafe-told", "unsafe-not-told", "what-error", "track-failed", "receipt-compliment",
	"behalf", "behalf-who", "safety", "handled", "confirm", "recorded", "shift", "talk",
	"receipt-talk", "equalities", "sync", NULL,
};

/* The screens a member of the public sees (not a staff screen, nor the
 * public flow as an officer logs for a child): those translated. */
bool kiosk_sample_public(const char *name)
{
	for (int i = 0; i < N_SAMPLES; i++)
		if (strcmp(SAMPLES[i].name, name) == 0)
			return SAMPLES[i].screen < KS_STAFF && strncmp(name, "behalf", 6) != 0;
	return false;
}

const char *kiosk_screen_name(int screen)
{
	for (int i = 0; i < N_SAMPLES; i++)
		if (SAMPLES[i].screen == screen)
			return SAMPLES[i].name;
	return "";
}

/* The same plea in the languages children in a council's area write in. */
static const char SCRIPTS[] =
	"Polski: Zajęłam się młodszym bratem.\n"
	"ગુજરાતી: મને મદદ જોઈએ છે.\n"
	"ਪੰਜਾਬੀ: ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ.\n"
	"اردو: مجھے مدد چاہیے\n"
	"Soomaali: Waxaan u baahanahay caawimaad.";

static void sample_draft(kiosk *k)
{
	kiosk_draft *d = &k->d;
	d->kind = TL_KIND_COMPLAINT;
	d->who = TL_WHO_CHILD;
	d->service = 2;
	snprintf(d->summary, sizeof d->summary, "My social worker keeps changing and nobody "
		 "tells me. I have had four since the summer and I have to tell my story again "
		 "every time.");
	snprintf(d->wish, sizeof d->wish, "One social worker who stays, and to be told before "
		 "things change.");
	snprintf(d->contact, sizeof d->contact, "07700 900123");
	d->summary_cur = (int)strlen(d->summary);
	d->wish_cur = (int)strlen(d->wish);
	d->contact_cur = (int)strlen(d->contact);
	snprintf(k->ref, sizeof k->ref, "K2-26-0417-X");
	snprintf(k->code, sizeof k->code, "7KQ2M-X9D4P");
	kiosk_keep_qr(k, "https://example.org/tellus?ref=K2-26-0417-X&code=7KQ2M-X9D4P", NULL);
	k->qr_link = true;
	snprintf(k->track_ref, sizeof k->track_ref, "K2-26-0417-X");
	snprintf(k->track_code, sizeof k->track_code, "7KQ2M-X9D4P");
	k->receipt_kind = TL_KIND_COMPLAINT;
	k->received = date_from_ymd(2026, 1, 15);
	k->due = date_from_ymd(2026, 1, 29);
	k->max_due = date_from_ymd(2026, 2, 12);
	snprintf(k->phone, sizeof k->phone, "01632 960 000");
	snprintf(k->authority, sizeof k->authority, "Northshire Council, Children's Services");
}

static void sample_rows(kiosk *k, bool mine)
{
	static const char *const AREAS[] = { "Children in care", "Child protection",
					     "Leaving care", "Children in need", "Fostering" };
	static const char *const BADGE[] = { "Act now", "Overdue", "Due soon", "Due soon", "" };
	int SECTION[] = { KR_FLAGGED, KR_OVERDUE, KR_SOON, KR_SOON, KR_LATER };
	for (int i = 1; mine && i < 5; i++)
		SECTION[i] = KR_MINE;
	k->n_rows = 5;
	for (int i = 0; i < k->n_rows; i++) {
		kiosk_row *r = &k->rows[i];
		char ref[REF_MAX];
		snprintf(ref, sizeof ref, "K2-26-04%02d-X", 10 + i);
		snprintf(r->ref, sizeof r->ref, "%s", ref);
		snprintf(r->title, sizeof r->title, "%s  %s", ref, AREAS[i]);
		snprintf(r->detail, sizeof r->detail, "Stage 1, received 2026-01-%02d, due "
			 "2026-01-%02d", 5 + i, 19 + i);
		snprintf(r->badge, sizeof r->badge, "%s", BADGE[i]);
		r->section = SECTION[i];
	}
	snprintf(k->rows[0].title, sizeof k->rows[0].title, "K2-26-0410-X  Safety concern");
	snprintf(k->rows[0].detail, sizeof k->rows[0].detail,
		 "Said they do not feel safe on 2026-01-15: act now");
}

static void sample_causes(kiosk *k)
{
	static const char *const CAUSE[][2] = {
		{ "delays", "Delays in providing services" },
		{ "keeping_informed", "Keeping informed" },
		{ "quality_of_work", "Quality of our work" },
		{ "sensitivity_empathy", "Sensitivity / empathy of staff" },
		{ "accuracy_of_information", "Accuracy and clarity of information given" },
	};
	k->n_causes = (int)(sizeof CAUSE / sizeof CAUSE[0]);
	for (int i = 0; i < k->n_causes; i++) {
		snprintf(k->causes[i].code, sizeof k->causes[i].code, "%s", CAUSE[i][0]);
		snprintf(k->causes[i].label, sizeof k->causes[i].label, "%s", CAUSE[i][1]);
		k->causes[i].on = i < 2;
	}
}

/* The sample case's frame: a child's complaint, received on day. */
static tl_case *sample_base(kiosk *k, tl_date day, const char *area)
{
	tl_case *c = &k->cur;
	case_clear(c);
	case_init(c);
	snprintf(c->ref, sizeof c->ref, "K2-26-0410-X");
	snprintf(k->case_ref, sizeof k->case_ref, "%s", c->ref);
	c->kind = TL_KIND_COMPLAINT;
	c->complainant = TL_WHO_CHILD;
	c->received = day;
	case_set_text(&c->service_area, area, NULL);
	k->have_cur = true;
	return c;
}

static void sample_case(kiosk *k)
{
	tl_case *c = sample_base(k, date_from_ymd(2026, 1, 5), "Children in care");
	case_set_text(&c->summary, k->d.summary, NULL);
	case_set_text(&c->desired, k->d.wish, NULL);
	case_set_text(&c->contact, k->d.contact, NULL);
	case_set_text(&c->officer, "Sam Patel", NULL);
	c->on_behalf = true;
	c->advocacy = true;
	tl_stage *s = case_stage_add(c, 1);
	if (s) {
		s->started = c->received;
		s->due = date_from_ymd(2026, 1, 19);
		s->max_due = date_from_ymd(2026, 2, 2);
	}
	snprintf(c->causes[0], sizeof c->causes[0], "delays");
	snprintf(c->causes[1], sizeof c->causes[1], "keeping_informed");
	c->n_causes = 2;
	c->actions[0] = words_find(&WS_ACTION, "apology");
	c->n_actions = 1;
	sample_causes(k);
}

/* A safety record as a child leaves it at the kiosk, not yet handled. */
static void sample_safety(kiosk *k)
{
	tl_case *c = sample_base(k, date_from_ymd(2026, 1, 15), "Other");
	c->unsafe = true;
	c->channel = TL_CHANNEL_KIOSK;
	c->procedure = TL_PROC_NOT_ELIGIBLE;
}

/* What some samples show beyond the screen itself. */
static void sample_extras(kiosk *k, const char *name)
{
	if (!strcmp(name, "unsafe-told") || !strcmp(name, "unsafe-not-told")) {
		k->flagged = true;
		k->told_staff = !strcmp(name, "unsafe-told");
	} else if (!strcmp(name, "what-error")) {
		k->d.summary[0] = '\0';
		k->d.summary_cur = 0;
		kiosk_hint(k, "what", _("Write a few words about what happened."));
	} else if (!strcmp(name, "track-failed")) {
		k->track_result[0] = '\0';
		k->track_failed = true;
		kiosk_hint(k, NULL, _("We could not find a complaint with that reference and secret "
				      "code. Check both against your receipt and try again. If it "
				      "still does not work, ask at the desk."));
	} else if (!strcmp(name, "receipt-compliment")) {
		k->receipt_kind = TL_KIND_COMPLIMENT;
	} else if (!strcmp(name, "track")) {
		tl_case c;
		case_init(&c);
		tl_stage *s = case_stage_add(&c, 1);
		s->due = k->due;
		s->max_due = k->max_due;
		kiosk_track_words(k, &c);
		case_clear(&c);
	} else if (!strcmp(name, "talk")) {
		k->feeling = 3; /* worried */
	} else if (!strcmp(name, "receipt-talk")) {
		k->talked = true;
	} else if (!strcmp(name, "behalf") || !strcmp(name, "behalf-who")) {
		k->staff.role = TL_ROLE_OFFICER;
	} else if (!strcmp(name, "safety") || !strcmp(name, "handled")) {
		sample_safety(k);
	} else if (!strcmp(name, "confirm")) {
		k->outcome = TL_OUTCOME_PARTLY_UPHELD;
		k->confirm = KC_RESPOND;
	} else if (!strcmp(name, "recorded")) {
		kiosk_done(k, "The response is recorded.");
		k->undo_stage = 1;
	} else if (!strcmp(name, "officer") || !strcmp(name, "cases")) {
		k->staff.role = TL_ROLE_OFFICER;
	} else if (!strcmp(name, "equalities")) {
		kiosk_equalities_open(k);
		k->eq[0] = 1; /* 11 to 15 */
	}
}

int kiosk_sample(kiosk *k, const char *name)
{
	for (int i = 0; i < N_SAMPLES; i++) {
		if (strcmp(SAMPLES[i].name, name) != 0)
			continue;
		kiosk_wipe(k);
		k->sample = true;
		sample_draft(k);
		if (SAMPLES[i].screen > KS_PIN || !strncmp(name, "behalf", 6)) {
			k->signed_in = true;
			snprintf(k->staff.name, sizeof k->staff.name, "Sam Patel");
			k->staff.role = TL_ROLE_MANAGER;
		}
		snprintf(k->pick, sizeof k->pick, "Sam Patel");
		snprintf(k->pin, sizeof k->pin, "12");
		if (SAMPLES[i].screen == KS_STAFF) {
			k->n_rows = 3;
			memset(k->rows, 0, 3 * sizeof k->rows[0]);
			snprintf(k->rows[0].title, sizeof k->rows[0].title, "Alex Morgan");
			snprintf(k->rows[1].title, sizeof k->rows[1].title, "Jo Okafor");
			snprintf(k->rows[2].title, sizeof k->rows[2].title, "Sam Patel");
			snprintf(k->rows[0].detail, sizeof k->rows[0].detail, "Officer");
			snprintf(k->rows[1].detail, sizeof k->rows[1].detail, "Manager");
			snprintf(k->rows[2].detail, sizeof k->rows[2].detail, "Manager");
		} else {
			sample_rows(k, !strcmp(name, "cases") || !strcmp(name, "officer"));
		}
		sample_case(k);
		snprintf(k->when, sizeof k->when, "2026-01-15");
		k->when_cur = (int)strlen(k->when);
		kiosk_go(k, SAMPLES[i].screen);
		k->overlay = SAMPLES[i].overlay;
		sample_extras(k, name);
		if (strcmp(name, "scripts") == 0) {
			snprintf(k->d.summary, sizeof k->d.summary, "%s", SCRIPTS);
			k->d.summary_cur = (int)strlen(k->d.summary);
		}
		if (strcmp(name, "action") == 0) {
			k->action = words_find(&WS_ACTION, "apology");
			snprintf(k->note, sizeof k->note, "Apology letter sent by the team manager");
			k->note_cur = (int)strlen(k->note);
		}
		if (strcmp(name, "select") == 0) { /* "nobody tells me" selected */
			k->ui->state.focus = k->ui->state.field_focus_prev = k->ui->state.sel_field =
				ui_make_id(k->ui, "what");
			k->ui->state.physical_keys = k->ui->state.focus_visible = true;
			k->d.summary_cur = (int)(strstr(k->d.summary, "nobody tells me") - k->d.summary);
			k->ui->state.sel_anchor = k->d.summary_cur + (int)strlen("nobody tells me");
		}
		if (strcmp(name, "keyboard") == 0 || strcmp(name, "shift") == 0) {
			k->ui->state.focus = k->ui->state.field_focus_prev = ui_make_id(k->ui, "what");
			k->ui->state.physical_keys = false;
			k->osk.shift = strcmp(name, "shift") == 0;
		}
		return SAMPLES[i].screen;
	}
	return -1;
}
