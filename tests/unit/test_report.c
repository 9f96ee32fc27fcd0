/* test_report.c - the annual report's tables, file by file: fixtures built
 * with the core API (case_put, cost_add, ombudsman_add, context_put) hit
 * each rule of SPEC section 5 at its edges, and the published 2015/16
 * figures of the reference report are reproduced row for row. */
#include "fixture.h"
#include "schema_undo.h"
#include "tellus/case.h"
#include "tellus/report.h"
#include "report/report_private.h"

/* One case of a fixture. Stages: "RESPONDED OUTCOME [ext]" for stage 1;
 * "REQUESTED [RESPONDED OUTCOME]" for 2; "REQUESTED [PANEL RESPONDED
 * OUTCOME]" for 3; NULL for none, "-" for stage 1 still open. */
typedef struct {
	const char *ref;
	int kind, proc;
	const char *received, *area;
	int who;
	bool behalf, consent;
	const char *causes;  /* "a;b" */
	const char *s1, *s2, *s3;
	const char *actions; /* "apology;training" */
	const char *words;
	bool names;          /* consent to names being published too */
} fx_case;

static void split_words(const char *list, void (*add)(tl_case *, const char *), tl_case *c)
{
	char buf[256], *save = NULL;
	snprintf(buf, sizeof buf, "%s", list ? list : "");
	for (char *w = strtok_r(buf, ";", &save); w; w = strtok_r(NULL, ";", &save))
		add(c, w);
}

static void add_cause(tl_case *c, const char *w)
{
	snprintf(c->causes[c->n_causes++], CASE_CAUSE_MAX, "%s", w);
}

static void add_action(tl_case *c, const char *w)
{
	c->actions[c->n_actions] = words_find(&WS_ACTION, w);
	assert_true(c->actions[c->n_actions++] >= 0);
}

static tl_stage *new_stage(tl_case *c, int n)
{
	tl_stage *s = case_stage_add(c, n);
	assert_non_null(s);
	return s;
}

/* Reads "DATE OUTCOME" into s (either may be missing). */
static void respond(tl_stage *s, const char *date, const char *outcome)
{
	if (date[0]) {
		s->responded = D(date);
		s->outcome = words_find(&WS_OUTCOME, outcome);
		assert_true(s->outcome >= 0);
	}
}

static void fill_stages(tl_case *c, const fx_case *x)
{
	char a[16] = "", b[16] = "", d[16] = "", e[24] = "";
	if (!x->s1)
		return;
	tl_stage *s = new_stage(c, 1);
	if (sscanf(x->s1, "%15s %15s %23s", a, b, e) >= 2)
		respond(s, a, b);
	if (!strcmp(e, "ext")) {
		s->extended = true;
		case_set_text(&s->extension_reason, "complex", NULL);
		case_set_text(&s->extension_by, "complainant", NULL);
	}
	a[0] = b[0] = e[0] = '\0';
	if (x->s2 && sscanf(x->s2, "%15s %15s %23s", a, b, e) >= 1) {
		s = new_stage(c, 2);
		s->started = D(a);
		respond(s, b, e);
	}
	a[0] = b[0] = e[0] = '\0';
	if (x->s3 && sscanf(x->s3, "%15s %15s %15s %23s", a, d, b, e) >= 1) {
		s = new_stage(c, 3);
		s->started = D(a);
		if (d[0])
			s->panel = D(d);
		respond(s, b, e);
	}
}

static void put_case(fixture *f, const fx_case *x)
{
	tl_case c;
	bool added;
	case_init(&c);
	snprintf(c.ref, sizeof c.ref, "%s", x->ref);
	c.kind = x->kind;
	c.procedure = x->proc;
	c.channel = TL_CHANNEL_STAFF;
	c.received = D(x->received);
	c.complainant = x->who;
	c.on_behalf = x->behalf;
	c.consent_to_publish = x->consent;
	c.consent_names = x->names;
	case_set_text(&c.officer, x->behalf ? "Officer Jo" : "", NULL);
	case_set_text(&c.service_area, x->area, NULL);
	case_set_text(&c.summary, x->words ? x->words : "words", NULL);
	split_words(x->causes, add_cause, &c);
	split_words(x->actions, add_action, &c);
	fill_stages(&c, x);
	int rc = case_put(f->st, &c, &added, &f->err);
	if (rc)
		fail_msg("case %s: %s", x->ref, f->err.msg);
	case_clear(&c);
}

static void put_cost(fixture *f, const char *date, const char *cat, long long pence, int seq)
{
	bool added;
	assert_int_equal(cost_add(f->st, D(date), words_find(&WS_COST, cat), pence, "", seq,
				  &added, &f->err), TL_OK);
}

/* Writes the report of `year` as CSV and returns the named file's text. */
static char *csv_of(fixture *f, int year, const char *file)
{
	static char text[8192];
	char dir[400], path[500];
	tl_report *r = NULL;

	snprintf(dir, sizeof dir, "%s/out%d", f->dir, year);
	if (report_run(f->st, year, &r, &f->err) || report_write(r, REPORT_CSV, dir, &f->err))
		fail_msg("report: %s", f->err.msg);
	report_free(r);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	FILE *in = fopen(path, "r");
	assert_non_null(in);
	size_t n = fread(text, 1, sizeof text - 1, in);
	text[n] = '\0';
	fclose(in);
	return text;
}

static void exec_ok(fixture *f, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(store_db(f->st), sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
	sqlite3_free(msg);
}

#define CRLF "\r\n"
#define C TL_KIND_COMPLAINT
#define K TL_KIND_COMPLIMENT
#define STAT TL_PROC_STATUTORY
#define CORP TL_PROC_CORPORATE

/* Year 2025/26 (and 2024/25 beside it). Stage 1 responses from
 * 2025-12-15 across Christmas: day 10 is 2025-12-31, day 11 2026-01-02
 * (1 January is a bank holiday), day 20 2026-01-15, day 21 2026-01-16.
 * Stage 2 from a request on 2025-04-10 across Easter and early May:
 * day 25 is 2025-05-20, 26 2025-05-21, 65 2025-07-16, 66 2025-07-17. */
static const fx_case EDGES[] = {
	{ "D10", C, STAT, "2025-12-15", "First Response", TL_WHO_PARENT, false, false,
	  "delays;keeping_informed", "2025-12-31 fully_upheld", NULL, NULL, "apology;training", NULL },
	{ "D11", C, STAT, "2025-12-15", "First Response", TL_WHO_CHILD, true, false,
	  "delays", "2026-01-02 partly_upheld ext", NULL, NULL, "apology", NULL },
	{ "D20", C, STAT, "2025-12-15", "Fostering", TL_WHO_FOSTER_CARER, false, false,
	  "delays", "2026-01-15 not_upheld ext", NULL, NULL, "apology", NULL },
	{ "D21", C, STAT, "2025-12-15", "Fostering", TL_WHO_CHILD, false, false,
	  "fairness", "2026-01-16 not_upheld ext", NULL, NULL, NULL, NULL },
	/* Received in 2024/25, resolved in 2025/26; stage 2 across Easter. */
	{ "S25", C, STAT, "2025-03-17", "Adoption", TL_WHO_ADOPTER, false, false,
	  "fairness", "2025-03-31 not_upheld", "2025-04-10 2025-05-20 not_upheld", NULL, NULL, NULL },
	{ "S26", C, STAT, "2025-03-17", "Adoption", TL_WHO_PARENT, false, false,
	  "delays;fairness;quality_of_work", "2025-04-01 not_upheld",
	  "2025-04-10 2025-05-21 partly_upheld", NULL, NULL, NULL },
	{ "S65", C, STAT, "2025-03-10", "Fostering", TL_WHO_PARENT, false, false,
	  NULL, "2025-03-20 not_upheld", "2025-04-10 2025-07-16 not_upheld",
	  "2025-08-01 2025-08-20 2025-09-01 not_upheld", NULL, NULL },
	{ "S66", C, STAT, "2025-03-10", "Fostering", TL_WHO_PARENT, false, false,
	  "delays", "2025-03-24 not_upheld", "2025-04-10 2025-07-17 not_upheld", NULL, NULL, NULL },
	{ "W2", C, STAT, "2025-03-03", "Child Protection", TL_WHO_PARENT, false, false,
	  "sensitivity_empathy", "2025-03-14 not_upheld", "2025-04-10 2025-04-11 withdrawn", NULL,
	  NULL, NULL },
	{ "WDN", C, STAT, "2025-05-01", "First Response", TL_WHO_RELATIVE, false, false,
	  "quality_of_work", "2025-05-09 withdrawn", NULL, NULL, NULL, NULL },
	/* Open at the year's end: due 2026-03-16 (overdue), and 2026-04-10. */
	{ "OPN1", C, STAT, "2026-03-02", "Fostering", TL_WHO_PARENT, false, false,
	  NULL, "-", NULL, NULL, NULL, NULL },
	{ "OPN2", C, STAT, "2026-03-25", "Fostering", TL_WHO_PARENT, false, false,
	  NULL, "2026-04-02 not_upheld", NULL, NULL, NULL, NULL },
	/* Not statutory: counted nowhere. */
	{ "CRP1", C, CORP, "2025-06-02", "First Response", TL_WHO_CHILD, false, false,
	  "delays", "2025-06-05 fully_upheld", NULL, NULL, "apology", NULL },
	{ "TBA1", C, TL_PROC_TO_BE_ASSESSED, "2025-06-02", "Fostering", TL_WHO_CHILD, false, false,
	  NULL, "-", NULL, NULL, NULL, NULL },
	/* Compliments count whatever their procedure; only consented words show. */
	{ "K1", K, STAT, "2025-04-01", "Fostering", TL_WHO_CARER, false, true, NULL, NULL, NULL,
	  NULL, NULL, "Thank you <b>Sam</b> & \"all\"" },
	{ "K2", K, CORP, "2026-03-31", "Fostering", TL_WHO_PARENT, false, false, NULL, NULL, NULL,
	  NULL, NULL, "private thanks" },
	{ "K3", K, TL_PROC_TO_BE_ASSESSED, "2025-03-31", "First Response", TL_WHO_CHILD, false,
	  true, NULL, NULL, NULL, NULL, NULL, "last year's thanks" },
};

static void put_edges(fixture *f)
{
	bool added;
	for (size_t i = 0; i < sizeof EDGES / sizeof EDGES[0]; i++)
		put_case(f, &EDGES[i]);
	put_cost(f, "2023-03-31", "mediation", 99900, 1);  /* 2022/23: outside */
	put_cost(f, "2023-04-01", "mediation", 10000, 1);
	put_cost(f, "2025-03-31", "independent_person", 25050, 1);
	put_cost(f, "2025-04-01", "independent_person", 12345, 1);
	put_cost(f, "2026-03-31", "investigating_officer", 100005, 1);
	put_cost(f, "2026-04-01", "investigating_officer", 77700, 1); /* 2026/27 */
	assert_int_equal(ombudsman_add(f->st, "S65", D("2025-05-01"), D("2025-06-01"),
				       words_find(&WS_OMBUDSMAN, "upheld_injustice"), 1, &added, &f->err), 0);
	assert_int_equal(ombudsman_add(f->st, "", D("2025-05-01"), D("2026-03-31"),
				       words_find(&WS_OMBUDSMAN, "not_upheld"), 1, &added, &f->err), 0);
	assert_int_equal(ombudsman_add(f->st, "", D("2026-01-01"), D("2026-04-01"),
				       words_find(&WS_OMBUDSMAN, "not_upheld"), 2, &added, &f->err), 0);
	assert_int_equal(context_put(f->st, 2024, "Referrals to Children's Social Care", 400, &added, &f->err), 0);
	assert_int_equal(context_put(f->st, 2024, "Single Assessments", 300, &added, &f->err), 0);
	assert_int_equal(context_put(f->st, 2025, "Referrals to Children's Social Care", 1100, &added, &f->err), 0);
	assert_int_equal(context_put(f->st, 2025, "Single Assessments", 299, &added, &f->err), 0);
	assert_int_equal(context_put(f->st, 2025, "Children in Care at 31st March", 470, &added, &f->err), 0);
}

static void stage_counts_by_year_started(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t2_stages.csv"),
		"stage,previous,current" CRLF "1,5,7" CRLF "2,0,5" CRLF "3,0,1" CRLF);
}

static void service_areas_name_every_area_of_either_year(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t3_service_areas.csv"),
		"service_area,previous,current" CRLF "Fostering,2,4" CRLF "First Response,0,3" CRLF
		"Adoption,2,0" CRLF "Child Protection,1,0" CRLF);
}

static void stage1_response_on_day_10_is_within_10_and_day_21_over_20(void **state)
{
	fixture *f = *state;
	put_edges(f);
	/* 2025/26: D10 (10), D11 (11), D20 (20), D21 (21), S26 (11); WDN is
	 * withdrawn. 2024/25: S25 (10), S65 (8), S66 (10), W2 (9). */
	assert_string_equal(csv_of(f, 2025, "t4_stage1_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_10,4,1,100,20" CRLF "11_to_20,0,3,0,60" CRLF "over_20,0,1,0,20" CRLF);
}

static void stage2_response_on_day_25_is_within_25_and_day_66_over_65(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t4_stage2_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_25,0,1,,25" CRLF "26_to_65,0,2,,50" CRLF "over_65,0,1,,25" CRLF);
}

static void two_causes_or_more_count_under_multiple(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"),
		"cause,previous,current" CRLF "Delays in providing services,1,2" CRLF
		"Multiple,0,2" CRLF "Our fairness to you,1,1" CRLF "Quality of our work,0,1" CRLF
		"Not recorded,1,0" CRLF "Sensitivity / empathy of staff,1,0" CRLF);
	assert_string_equal(csv_of(f, 2025, "t6_causes_upheld.csv"),
		"cause,resolved,upheld,percent_upheld" CRLF "Delays in providing services,2,1,50" CRLF
		"Multiple,2,1,50" CRLF "Our fairness to you,1,0,0" CRLF "Quality of our work,1,0,0" CRLF);
}

static void outcomes_count_withdrawn_as_resolved(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t7_stage1_outcomes.csv"),
		"outcome,previous,current,previous_percent,current_percent" CRLF
		"fully_upheld,0,1,0,17" CRLF "partly_upheld,0,1,0,17" CRLF
		"not_upheld,4,3,100,50" CRLF "withdrawn,0,1,0,17" CRLF);
}

static void costs_on_31_march_and_1_april_fall_in_their_own_years(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t8_costs.csv"),
		"category,2023/24,2024/25,2025/26" CRLF
		"independent_person,0.00,250.50,123.45" CRLF
		"investigating_officer,0.00,0.00,1000.05" CRLF "stage3_panel,0.00,0.00,0.00" CRLF
		"mediation,100.00,0.00,0.00" CRLF "financial_redress,0.00,0.00,0.00" CRLF
		"other,0.00,0.00,0.00" CRLF "total,100.00,250.50,1123.50" CRLF);
}

static void actions_only_of_upheld_statutory_complaints(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t9_actions.csv"),
		"action,count" CRLF "apology,2" CRLF "training,1" CRLF);
}

static void complainants_ombudsman_and_compliments(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "complainants.csv"),
		"complainant,count,percent" CRLF "parent,3,43" CRLF "child,2,29" CRLF
		"foster_carer,1,14" CRLF "relative,1,14" CRLF);
	assert_string_equal(csv_of(f, 2025, "ombudsman.csv"),
		"decision,count,received" CRLF "not_upheld,1,1" CRLF "upheld_injustice,1,1" CRLF
		"not_decided,0,1" CRLF "total,2,3" CRLF);
	assert_string_equal(csv_of(f, 2025, "compliments.csv"),
		"service_area,previous,current" CRLF "Fostering,0,2" CRLF "First Response,1,0" CRLF);
}

static void context_keeps_file_order_with_one_decimal_change(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "t1_context.csv"),
		"measure,previous,current,change_percent" CRLF
		"Referrals to Children's Social Care,400,1100,175.0" CRLF
		"Single Assessments,300,299,-0.3" CRLF "Children in Care at 31st March,,470," CRLF);
}

/* A complaint assessed as statutory joins every count at once: TBA1,
 * received 2025-06-02 and never answered, is open and overdue. */
static void an_assessed_complaint_joins_the_counts(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_int_equal(case_assess(f->st, "TBA1", STAT, "a statutory matter", &f->err), 0);
	assert_non_null(strstr(csv_of(f, 2025, "summary.csv"),
			       "open_at_year_end,3" CRLF "overdue_at_year_end,2" CRLF));
	assert_string_equal(csv_of(f, 2025, "t3_service_areas.csv"),
		"service_area,previous,current" CRLF "Fostering,2,5" CRLF
		"First Response,0,3" CRLF "Adoption,2,0" CRLF "Child Protection,1,0" CRLF);
}

/* A statutory complaint from a parent (a child when child), logged. */
static void log_statutory(fixture *f, const char *received, bool child, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	c.kind = C;
	c.complainant = child ? TL_WHO_CHILD : TL_WHO_PARENT;
	c.received = D(received);
	case_set_text(&c.service_area, "Fostering", NULL);
	case_set_text(&c.summary, "words", NULL);
	if (case_log(f->st, &c, &f->err))
		fail_msg("case_log: %s", f->err.msg);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
}

/* The year's end as it stood then: a pause or a restart (new concerns)
 * after 31 March moves neither the year a complaint was received in nor
 * whether it was overdue then; a clock stopped at the year's end is not
 * overdue. Each complaint is received on a day of March 2026. */
static void the_years_end_is_counted_as_it_stood_then(void **state)
{
	fixture *f = *state;
	char late[REF_MAX], stopped[REF_MAX], renewed[REF_MAX];

	/* Due 2026-03-16: overdue at the year's end. */
	log_statutory(f, "2026-03-02", false, late);
	assert_int_equal(case_pause(f->st, late, D("2026-04-10"), 1, &f->err), TL_OK);
	assert_int_equal(case_resume(f->st, late, D("2026-05-11"), &f->err), TL_OK);
	/* Stopped on 2026-03-04 and still stopped on 31 March. */
	log_statutory(f, "2026-03-02", false, stopped);
	assert_int_equal(case_pause(f->st, stopped, D("2026-03-04"), 0, &f->err), TL_OK);
	/* Received 2026-03-25 by a child, restarted 2026-04-07. */
	log_statutory(f, "2026-03-25", true, renewed);
	assert_int_equal(case_pause(f->st, renewed, D("2026-04-07"), 2, &f->err), TL_OK);
	const char *sum = csv_of(f, 2025, "summary.csv");
	assert_non_null(strstr(sum, "stage1_received,3" CRLF));
	assert_non_null(strstr(sum, "by_children,1" CRLF));
	assert_non_null(strstr(sum, "open_at_year_end,3" CRLF "overdue_at_year_end,1" CRLF));
	assert_string_equal(csv_of(f, 2025, "t2_stages.csv"), "stage,previous,current" CRLF
		"1,0,3" CRLF "2,0,0" CRLF "3,0,0" CRLF);
	assert_non_null(strstr(csv_of(f, 2026, "summary.csv"), "stage1_received,0" CRLF));
	/* Restarting the stopped clock after the year's end changes nothing. */
	assert_int_equal(case_resume(f->st, stopped, D("2026-04-13"), &f->err), TL_OK);
	assert_non_null(strstr(csv_of(f, 2025, "summary.csv"),
			       "open_at_year_end,3" CRLF "overdue_at_year_end,1" CRLF));
}

static void summary_has_every_key_in_order(void **state)
{
	fixture *f = *state;
	put_edges(f);
	/* Made directly by children: D21; D11, a child's logged by an officer
	 * on their behalf, counts as on_behalf only. */
	/* Open at 2026-03-31: OPN1 (due 2026-03-16, overdue) and OPN2 (answered
	 * 2026-04-02, due 2026-04-10 after Easter). Average: 73 / 5 days. */
	assert_string_equal(csv_of(f, 2025, "summary.csv"),
		"key,value" CRLF "stage1_received,7" CRLF "stage2_received,5" CRLF
		"stage3_received,1" CRLF "escalation_rate_percent,71" CRLF
		"complaint_rate_percent,0.6" CRLF "stage1_within_10_percent,20" CRLF
		"stage1_within_20_percent,80" CRLF "upheld_percent,33" CRLF "by_children,1" CRLF
		"by_children_percent,14" CRLF "on_behalf,1" CRLF "compliments,2" CRLF
		"open_at_year_end,2" CRLF "overdue_at_year_end,1" CRLF
		"stage1_average_working_days,14.6" CRLF);
}

static void complaint_rate_uses_the_configured_referrals_measure(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_int_equal(store_setting_set(f->st, "report_referrals_measure", "Single Assessments",
					   &f->err), TL_OK);
	/* 7 stage 1 complaints of 299 assessments: 2.34% */
	assert_non_null(strstr(csv_of(f, 2025, "summary.csv"), CRLF "complaint_rate_percent,2.3" CRLF));
}

static void a_year_with_no_data_has_empty_percentages(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2010, "t4_stage1_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_10,0,0,," CRLF "11_to_20,0,0,," CRLF "over_20,0,0,," CRLF);
	assert_string_equal(csv_of(f, 2010, "t5_causes.csv"), "cause,previous,current" CRLF);
	assert_string_equal(csv_of(f, 2010, "summary.csv"),
		"key,value" CRLF "stage1_received,0" CRLF "stage2_received,0" CRLF
		"stage3_received,0" CRLF "escalation_rate_percent," CRLF
		"complaint_rate_percent," CRLF "stage1_within_10_percent," CRLF
		"stage1_within_20_percent," CRLF "upheld_percent," CRLF "by_children,0" CRLF
		"by_children_percent," CRLF "on_behalf,0" CRLF "compliments,0" CRLF
		"open_at_year_end,0" CRLF "overdue_at_year_end,0" CRLF
		"stage1_average_working_days," CRLF);
}

/* The facts of the published Leicestershire 2015/16 report: stage volumes
 * 65/7/3 against 57/9/2, table 6, the three years of table 8, and 25
 * compliments against 31. */
static const struct {
	const char *causes;
	int resolved, upheld;
} TABLE6[] = {
	{ "sensitivity_empathy", 11, 2 }, { "professional_judgement", 11, 2 },
	{ "quality_of_work", 8, 3 }, { "delays", 8, 6 }, { "delays;keeping_informed", 7, 3 },
	{ "fairness", 4, 1 }, { "keeping_informed", 3, 1 }, { "politeness_honesty", 2, 1 },
	{ "accessibility", 2, 1 }, { "accuracy_of_information", 1, 0 },
};

/* Stage 2 on the first n2 of a batch, answered and taken to stage 3 on
 * the first n3; dates of 2014/15 or 2015/16 by `cur`. */
static void add_escalation(fx_case *x, int i, int n2, int n3, bool cur)
{
	if (i < n2)
		x->s2 = i >= n3 ? (cur ? "2015-07-01" : "2014-07-01")
				: (cur ? "2015-07-01 2015-09-01 not_upheld"
				       : "2014-07-01 2014-09-01 not_upheld");
	if (i < n3)
		x->s3 = cur ? "2015-10-01" : "2014-10-01";
}

static void put_published(fixture *f)
{
	static const char *const CATS[] = { "independent_person", "investigating_officer",
					    "stage3_panel", "mediation", "financial_redress" };
	static const long long POUNDS[3][5] = { { 4040, 7160, 0, 900, 0 },
						{ 2870, 7430, 2410, 420, 0 },
						{ 3910, 8200, 1790, 930, 300 } };
	static const char *const DAYS[3] = { "2013-06-03", "2014-06-02", "2015-06-01" };
	char ref[16];
	int seq = 0;

	for (int i = 0; i < 57; i++) {
		fx_case x = { ref, C, STAT, "2014-06-02", "Fostering", TL_WHO_PARENT, false, false,
			      NULL, "2014-06-10 not_upheld", NULL, NULL, NULL, NULL };
		snprintf(ref, sizeof ref, "P%03d", seq++);
		add_escalation(&x, i, 9, 2, false);
		put_case(f, &x);
	}
	/* 2015/16: 57 resolved with the causes of table 6, 8 still open. */
	for (size_t k = 0, j = 0; k < sizeof TABLE6 / sizeof TABLE6[0]; k++)
		for (int i = 0; i < TABLE6[k].resolved; i++, j++) {
			fx_case x = { ref, C, STAT, "2015-06-01", "First Response", TL_WHO_PARENT,
				      false, false, TABLE6[k].causes, NULL, NULL, NULL, NULL, NULL };
			snprintf(ref, sizeof ref, "P%03d", seq++);
			x.s1 = i < TABLE6[k].upheld ? "2015-06-10 partly_upheld" : "2015-06-10 not_upheld";
			add_escalation(&x, (int)j, 7, 3, true);
			put_case(f, &x);
		}
	for (int i = 0; i < 8; i++) {
		fx_case x = { ref, C, STAT, "2016-03-21", "First Response", TL_WHO_PARENT, false,
			      false, NULL, "-", NULL, NULL, NULL, NULL };
		snprintf(ref, sizeof ref, "P%03d", seq++);
		put_case(f, &x);
	}
	for (int y = 0; y < 3; y++)
		for (int c = 0; c < 5; c++)
			if (POUNDS[y][c])
				put_cost(f, DAYS[y], CATS[c], POUNDS[y][c] * 100, 1);
	for (int i = 0; i < 31 + 25; i++) {
		fx_case x = { ref, K, STAT, i < 31 ? "2014-07-01" : "2015-07-01", "Fostering",
			      TL_WHO_PARENT, false, false, NULL, NULL, NULL, NULL, NULL, NULL };
		snprintf(ref, sizeof ref, "K%03d", i);
		put_case(f, &x);
	}
}

static void published_2015_16_figures_are_reproduced(void **state)
{
	fixture *f = *state;
	put_published(f);
	assert_string_equal(csv_of(f, 2015, "t2_stages.csv"),
		"stage,previous,current" CRLF "1,57,65" CRLF "2,9,7" CRLF "3,2,3" CRLF);
	/* Table 6 of the report, in SPEC order (resolved, then name). */
	assert_string_equal(csv_of(f, 2015, "t6_causes_upheld.csv"),
		"cause,resolved,upheld,percent_upheld" CRLF
		"Professional judgement / decision making,11,2,18" CRLF
		"Sensitivity / empathy of staff,11,2,18" CRLF
		"Delays in providing services,8,6,75" CRLF "Quality of our work,8,3,38" CRLF
		"Multiple,7,3,43" CRLF "Our fairness to you,4,1,25" CRLF "Keeping informed,3,1,33" CRLF
		"Accessibility of our services,2,1,50" CRLF
		"\"Politeness, openness and honesty\",2,1,50" CRLF
		"Accuracy and clarity of information given,1,0,0" CRLF);
	assert_string_equal(csv_of(f, 2015, "t8_costs.csv"),
		"category,2013/14,2014/15,2015/16" CRLF
		"independent_person,4040.00,2870.00,3910.00" CRLF
		"investigating_officer,7160.00,7430.00,8200.00" CRLF
		"stage3_panel,0.00,2410.00,1790.00" CRLF "mediation,900.00,420.00,930.00" CRLF
		"financial_redress,0.00,0.00,300.00" CRLF "other,0.00,0.00,0.00" CRLF
		"total,12100.00,13130.00,15130.00" CRLF);
	assert_string_equal(csv_of(f, 2015, "compliments.csv"),
		"service_area,previous,current" CRLF "Fostering,31,25" CRLF);
	assert_non_null(strstr(csv_of(f, 2015, "summary.csv"), CRLF "compliments,25" CRLF));
}

/* The same tables reach HTML and Markdown; people's words are escaped and
 * only consented compliments are shown. */
static void html_and_markdown_escape_and_keep_consent(void **state)
{
	fixture *f = *state;
	char path[500], text[200000];
	tl_report *r = NULL;
	put_edges(f);
	assert_int_equal(store_setting_set(f->st, "authority_name", "Shire & <Vale>", &f->err), 0);
	assert_int_equal(report_run(f->st, 2025, &r, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_HTML, f->dir, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_MD, f->dir, &f->err), TL_OK);
	report_free(r);
	snprintf(path, sizeof path, "%s/report.html", f->dir);
	FILE *in = fopen(path, "r");
	assert_non_null(in);
	text[fread(text, 1, sizeof text - 1, in)] = '\0';
	fclose(in);
	/* Sam is an initial: the author agreed to the words, not to names. */
	assert_non_null(strstr(text, "Thank you &lt;b&gt;S.&lt;/b&gt; &amp; &quot;all&quot;"));
	assert_non_null(strstr(text, "Shire &amp; &lt;Vale&gt;"));
	assert_null(strstr(text, "<b>Sam"));
	assert_null(strstr(text, "private thanks"));
	assert_null(strstr(text, "last year's thanks"));
	assert_null(strstr(text, "<script"));
	assert_non_null(strstr(text, "<svg"));
	snprintf(path, sizeof path, "%s/report.md", f->dir);
	assert_non_null(in = fopen(path, "r"));
	text[fread(text, 1, sizeof text - 1, in)] = '\0';
	fclose(in);
	assert_non_null(strstr(text, "| Stage 1 | 5 | 7 |"));
	assert_null(strstr(text, "private thanks"));
}

static void unknown_year_and_format_are_refused(void **state)
{
	fixture *f = *state;
	tl_report *r = NULL;
	assert_int_equal(report_run(f->st, 1990, &r, &f->err), TL_EINVAL);
	assert_null(r);
	assert_int_equal(report_format_parse("pdf"), -1);
	assert_int_equal(report_format_parse("md"), REPORT_MD);
}

/* Two runs on one connection agree, and leave no temporary table behind. */
static void a_second_run_agrees_and_leaves_no_temporary_tables(void **state)
{
	fixture *f = *state;
	sqlite3_stmt *q = NULL;
	char first[8192];
	put_edges(f);
	snprintf(first, sizeof first, "%s", csv_of(f, 2025, "t5_causes.csv"));
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"), first);
	assert_int_equal(sqlite3_prepare_v2(store_db(f->st), "SELECT count(*) FROM temp.sqlite_master",
					    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
}

/* cases.causes_key (migration 3) follows every change of the causes: the
 * complaint moves from Multiple to one cause, then to Not recorded. */
static void changed_causes_move_a_complaint_between_its_rows(void **state)
{
	fixture *f = *state;
	const char *one[] = { "fairness" };
	put_edges(f);
	assert_int_equal(case_set_causes(f->st, "D10", one, 1, &f->err), 0);
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"),
		"cause,previous,current" CRLF "Delays in providing services,1,2" CRLF
		"Our fairness to you,1,2" CRLF "Multiple,0,1" CRLF "Quality of our work,0,1" CRLF
		"Not recorded,1,0" CRLF "Sensitivity / empathy of staff,1,0" CRLF);
	assert_int_equal(case_set_causes(f->st, "D10", NULL, 0, &f->err), 0);
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"),
		"cause,previous,current" CRLF "Delays in providing services,1,2" CRLF
		"Multiple,0,1" CRLF "Not recorded,1,1" CRLF "Our fairness to you,1,1" CRLF
		"Quality of our work,0,1" CRLF "Sensitivity / empathy of staff,1,0" CRLF);
}

/* A file written before migration 3 (no causes_key, no triggers, no
 * running totals, no counted stages) is brought forward when opened: its
 * complaints count under their causes, in totals that match a count from
 * scratch, and the year's open and overdue complaints are found. */
static void a_file_of_schema_2_is_migrated_with_its_causes(void **state)
{
	fixture *f = *state;
	put_edges(f);
	exec_ok(f, MIG15_UNDO MIG14_UNDO MIG13_UNDO MIG12_UNDO MIG11_UNDO "DROP TABLE safety_told; DROP INDEX cases_safety_ref;"
		   "ALTER TABLE cases DROP COLUMN safety_ref; ALTER TABLE cases DROP COLUMN safety_note;"
		   "DROP TABLE store_meta;"
		   "DROP TRIGGER stages_counted_insert; DROP TRIGGER stages_counted_moved;"
		   "DROP TRIGGER stages_counted_case; DROP INDEX stages_report;"
		   "ALTER TABLE stages DROP COLUMN counted;"
		   "CREATE INDEX stages_report_started ON stages(stage, started, responded);"
		   "CREATE INDEX stages_report_responded ON stages(stage, responded, started);"
		   "DROP TRIGGER tally_stage_insert; DROP TRIGGER tally_stage_delete;"
		   "DROP TRIGGER tally_stage_update_old; DROP TRIGGER tally_stage_update_new;"
		   "DROP TRIGGER tally_case_update_old; DROP TRIGGER tally_case_update_new;"
		   "DROP VIEW tally_rows; DROP TABLE tally_stages; DROP TABLE tally_people;"
		   "DROP INDEX stage_pauses_stage; ALTER TABLE stages DROP COLUMN opened;"
		   "DROP TRIGGER case_causes_key_insert; DROP TRIGGER case_causes_key_delete;"
		   "DROP TRIGGER case_causes_key_update; ALTER TABLE cases DROP COLUMN causes_key;"
		   "ALTER TABLE cases DROP COLUMN safety_handled;"
		   "DROP INDEX ombudsman_received; DROP INDEX ombudsman_decided;"
		   "ALTER TABLE cases DROP COLUMN consent_names;"
		   "PRAGMA user_version = 2");
	store_close(f->st);
	assert_int_equal(store_open(f->path, &f->st, &f->err), 0);
	store_set_today(f->st, date_from_ymd(2026, 6, 30));
	store_set_actor(f->st, "test");
	tl_checkup check;
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_int_equal(check.tally_groups, 0);
	assert_true(check.stages > 10);
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"),
		"cause,previous,current" CRLF "Delays in providing services,1,2" CRLF
		"Multiple,0,2" CRLF "Our fairness to you,1,1" CRLF "Quality of our work,0,1" CRLF
		"Not recorded,1,0" CRLF "Sensitivity / empathy of staff,1,0" CRLF);
	assert_non_null(strstr(csv_of(f, 2025, "summary.csv"),
			       "open_at_year_end,2" CRLF "overdue_at_year_end,1" CRLF));
	assert_string_equal(csv_of(f, 2025, "t9_actions.csv"),
		"action,count" CRLF "apology,2" CRLF "training,1" CRLF);
	const char *two[] = { "delays", "fairness" };
	assert_int_equal(case_set_causes(f->st, "D21", two, 2, &f->err), 0);
	assert_string_equal(csv_of(f, 2025, "t5_causes.csv"),
		"cause,previous,current" CRLF "Multiple,0,3" CRLF "Delays in providing services,1,2" CRLF
		"Quality of our work,0,1" CRLF "Not recorded,1,0" CRLF "Our fairness to you,1,0" CRLF
		"Sensitivity / empathy of staff,1,0" CRLF);
}

/* Stage 3 from a request on 2025-12-15 across Christmas: the 30th working
 * day is 2026-01-29, the 31st 2026-01-30; in 2024/25 from 2024-10-01 the
 * 30th is 2024-11-12. A stage 3 counts in the year it was answered,
 * withdrawn ones not at all, an open one not yet. */
static void stage3_panel_on_day_30_is_within_30_and_day_31_over_30(void **state)
{
	/* Each received 2025-09-01, answered at stage 1, then at stage 2; stage
	 * 3 as given: "REQUESTED [PANEL RESPONDED OUTCOME]". */
	static const char *const STAGE3[][2] = {
		{ "P30", "2025-12-15 2026-01-29 2026-02-10 not_upheld" },
		{ "P31", "2025-12-15 2026-01-30 2026-02-10 partly_upheld" },
		{ "PWD", "2025-12-15 2026-01-20 2026-02-10 withdrawn" },
		{ "PNXT", "2025-12-15 2026-03-20 2026-04-10 not_upheld" },
		{ "POPN", "2025-12-15" },
	};
	const fx_case old = { "POLD", C, STAT, "2024-06-03", "Fostering", TL_WHO_PARENT, false,
			      false, NULL, "2024-06-07 not_upheld", "2024-06-17 2024-08-20 not_upheld",
			      "2024-10-01 2024-11-12 2024-11-20 not_upheld", NULL, NULL };
	fixture *f = *state;
	tl_checkup check;
	for (size_t i = 0; i < sizeof STAGE3 / sizeof STAGE3[0]; i++) {
		fx_case x = { STAGE3[i][0], C, STAT, "2025-09-01", "Fostering", TL_WHO_PARENT, false,
			      false, NULL, "2025-09-05 not_upheld", "2025-09-15 2025-11-20 not_upheld",
			      STAGE3[i][1], NULL, NULL };
		put_case(f, &x);
	}
	put_case(f, &old);
	assert_string_equal(csv_of(f, 2025, "t4_stage3_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_30,1,1,100,50" CRLF "over_30,0,1,0,50" CRLF);
	/* PNXT's panel came on day 65 and its answer in 2026/27. */
	assert_string_equal(csv_of(f, 2026, "t4_stage3_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_30,1,0,50,0" CRLF "over_30,1,1,50,100" CRLF);
	/* The open one's panel is held on day 31: it counts once answered. */
	if (case_panel(f->st, "POPN", D("2026-01-30"), &f->err))
		fail_msg("%s", f->err.msg);
	if (case_respond(f->st, "POPN", 3, D("2026-02-02"), words_find(&WS_OUTCOME, "not_upheld"),
			 &f->err))
		fail_msg("%s", f->err.msg);
	assert_string_equal(csv_of(f, 2025, "t4_stage3_timeliness.csv"),
		"band,previous,current,previous_percent,current_percent" CRLF
		"within_30,1,1,100,33" CRLF "over_30,0,2,0,67" CRLF);
	assert_int_equal(store_check(f->st, &check, &f->err), TL_OK);
	assert_int_equal(check.tally_groups, 0);
}

/* An enquiry counts in the year it was received and its decision in the
 * year it was made: received 2026-01-01 and decided 2026-04-01, it is an
 * enquiry of 2025/26 not decided by that year's end, and a decision of
 * 2026/27. One with no decision yet counts as received. */
static void ombudsman_enquiry_received_in_one_year_and_decided_in_the_next(void **state)
{
	fixture *f = *state;
	put_edges(f);
	assert_string_equal(csv_of(f, 2025, "ombudsman.csv"),
		"decision,count,received" CRLF "not_upheld,1,1" CRLF "upheld_injustice,1,1" CRLF
		"not_decided,0,1" CRLF "total,2,3" CRLF);
	assert_string_equal(csv_of(f, 2026, "ombudsman.csv"),
		"decision,count,received" CRLF "not_upheld,1,0" CRLF "total,1,0" CRLF);
	assert_string_equal(csv_of(f, 2024, "ombudsman.csv"),
		"decision,count,received" CRLF "total,0,0" CRLF);
	exec_ok(f, "INSERT INTO ombudsman(ref, received, decided, decision)"
		   " VALUES('', '2025-04-01', '', '')");
	assert_string_equal(csv_of(f, 2025, "ombudsman.csv"),
		"decision,count,received" CRLF "not_upheld,1,1" CRLF "upheld_injustice,1,1" CRLF
		"not_decided,0,2" CRLF "total,2,4" CRLF);
}

typedef struct {
	char keys[REPORT_MAX_SECTIONS][REPORT_KEY_MAX];
	size_t n;
} section_list;

static void add_section(const char *heading, void *arg)
{
	section_list *l = arg;
	snprintf(l->keys[l->n++], REPORT_KEY_MAX, "%s", heading);
}

static char *slurp(fixture *f, const char *name)
{
	static char text[400000];
	char path[500];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	FILE *in = fopen(path, "r");
	assert_non_null(in);
	text[fread(text, 1, sizeof text - 1, in)] = '\0';
	fclose(in);
	return text;
}

static void write_file(fixture *f, const char *name, const char *text)
{
	char path[500];
	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fputs(text, out);
	fclose(out);
}

/* Each note lies under its own section: the last heading of level 2
 * before it is the section's, in HTML and in Markdown. */
static void notes_are_placed_under_their_sections(void **state)
{
	fixture *f = *state;
	section_list l = { .n = 0 };
	char notes[8000] = "", one[300], path[500], *text;
	tl_report *r = NULL;

	put_edges(f);
	report_note_sections(add_section, &l);
	assert_true(l.n >= 11);
	assert_string_equal(l.keys[0], "1. Purpose and summary of the report");
	/* Written in the reverse order, and with the year as printed. */
	for (size_t i = l.n; i-- > 0;) {
		snprintf(one, sizeof one, "## %s%s\n\nNote %02zu with **strong**, *emphasis* and "
			 "<script>x</script>.\n\n- a point\n- another\n\n", l.keys[i],
			 i == 1 ? " 2025/26" : "", i);
		strcat(notes, one);
	}
	write_file(f, "notes.md", notes);
	snprintf(path, sizeof path, "%s/notes.md", f->dir);
	assert_int_equal(report_run(f->st, 2025, &r, &f->err), TL_OK);
	assert_int_equal(report_notes_load(r, path, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_HTML, f->dir, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_MD, f->dir, &f->err), TL_OK);
	report_free(r);
	for (int md = 0; md < 2; md++) {
		text = slurp(f, md ? "report.md" : "report.html");
		assert_null(strstr(text, "<script>"));
		assert_null(strstr(text, "to be written"));
		assert_non_null(strstr(text, md ? "with **strong**, *emphasis* and \\<script\\>x"
						: "with <strong>strong</strong>, <em>emphasis</em> and "
						  "&lt;script&gt;x"));
		for (size_t i = 0; i < l.n; i++) {
			snprintf(one, sizeof one, "Note %02zu ", i);
			char *at = strstr(text, one), *h = NULL;
			assert_non_null(at);
			for (char *p = text; (p = strstr(p, md ? "\n## " : "<h2>")) && p < at; p++)
				h = p + (md ? 4 : 4);
			assert_non_null(h);
			if (strncmp(h, l.keys[i], strlen(l.keys[i])))
				fail_msg("note %zu is under '%.60s', not '%s'", i, h, l.keys[i]);
		}
	}
}

/* With notes, a section that holds nothing but commentary and has none
 * is left out whole; a section with tables stays, with nothing marked. */
static void a_section_of_commentary_only_is_left_out_when_the_notes_skip_it(void **state)
{
	fixture *f = *state;
	char path[500];
	tl_report *r = NULL;

	write_file(f, "notes.md", "## 9. key learning points\n\nListen.\n");
	snprintf(path, sizeof path, "%s/notes.md", f->dir);
	assert_int_equal(report_run(f->st, 2025, &r, &f->err), TL_OK);
	assert_int_equal(report_notes_load(r, path, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_HTML, f->dir, &f->err), TL_OK);
	report_free(r);
	const char *html = slurp(f, "report.html");
	assert_non_null(strstr(html, "<h2>9. Key learning points</h2>\n<div class=\"notes\">\n"
				     "<p>Listen.</p>"));
	assert_non_null(strstr(html, "<h2>3. Complaints resolved 2025/26</h2>"));
	assert_non_null(strstr(html, "<h2>Appendix A: Compliments received</h2>"));
	assert_non_null(strstr(html, "<div class=\"pb\"></div>\n<h2>Appendix A"));
	assert_null(strstr(html, "7. Monitoring the process"));
	assert_null(strstr(html, "10. Concluding comments"));
	assert_null(strstr(html, "class=\"notes-todo\""));
}

/* Without notes every section shows where commentary goes; a heading
 * that names no section is refused with every heading that does. */
static void a_notes_heading_that_names_no_section_is_refused_with_the_list(void **state)
{
	fixture *f = *state;
	section_list l = { .n = 0 };
	char path[500];
	tl_report *r = NULL;

	report_note_sections(add_section, &l);
	assert_int_equal(report_run(f->st, 2025, &r, &f->err), TL_OK);
	assert_int_equal(report_write(r, REPORT_MD, f->dir, &f->err), TL_OK);
	const char *md = slurp(f, "report.md");
	for (size_t i = 0; i < l.n; i++) {
		char want[200];
		snprintf(want, sizeof want, "under the heading `## %s`", l.keys[i]);
		assert_non_null(strstr(md, want));
	}
	snprintf(path, sizeof path, "%s/notes.md", f->dir);
	write_file(f, "notes.md", "## 3. Complaints resolved\n\nFine.\n\n## 11. Lessons\n\nNo.\n");
	assert_refused(report_notes_load(r, path, &f->err), TL_EINVAL, f,
		       "notes.md:5: '## 11. Lessons' is not a section of the report");
	for (size_t i = 0; i < l.n; i++)
		if (!strstr(f->err.msg, l.keys[i]))
			fail_msg("'%s' is not listed in: %s", l.keys[i], f->err.msg);
	write_file(f, "notes.md", "## 3. complaints RESOLVED\nA.\n## 3. Complaints resolved\n");
	assert_refused(report_notes_load(r, path, &f->err), TL_EINVAL, f,
		       "notes.md:3: '## 3. Complaints resolved' is given twice (first on line 1)");
	write_file(f, "notes.md", "Some words\n## 3. Complaints resolved\n");
	assert_refused(report_notes_load(r, path, &f->err), TL_EINVAL, f,
		       "notes.md:1: text before the first '## ' heading");
	assert_null(r->notes);
	report_free(r);
}

/* A compliment's names are initials unless its author agreed to names
 * too: known names whatever their case, other capitalised words unless
 * they are not names; words in a script without capitals are withheld. */
static void names_in_compliments_are_initials_without_consent_to_names(void **state)
{
	static const char *const WORDS =
		"Thanks to Bronwen and bronwen, Danielle Marsden's team at First Response. "
		"Wanted to say thanks; we will miss Will.";
	const fx_case cases[] = {
		{ "N1", K, STAT, "2025-05-01", "First Response", TL_WHO_PARENT, false, true, NULL,
		  NULL, NULL, NULL, NULL, WORDS, false },
		{ "N2", K, STAT, "2025-05-02", "First Response", TL_WHO_PARENT, false, true, NULL,
		  NULL, NULL, NULL, NULL, WORDS, true },
		{ "N3", K, STAT, "2025-05-03", "Fostering", TL_WHO_CHILD, false, true, NULL,
		  NULL, NULL, NULL, NULL, "ખૂબ ખૂબ આભાર Leah", false },
		{ "N4", K, STAT, "2025-05-04", "Fostering", TL_WHO_CHILD, false, true, NULL,
		  NULL, NULL, NULL, NULL, "Émilie and Łukasz at Ofsted in Shire, Ümit.", false },
		{ "N5", K, STAT, "2025-05-05", "Fostering", TL_WHO_CHILD, false, false, NULL,
		  NULL, NULL, NULL, NULL, "Private thanks to Sam", false },
	};
	fixture *f = *state;
	tl_report *r = NULL;

	exec_ok(f, "INSERT INTO staff(name, role, pin_hash) VALUES('Bronwen Jones', 'officer', 'x'),"
		   " ('Will Smith', 'officer', 'x')");
	assert_int_equal(store_setting_set(f->st, "authority_name", "Shire & Vale Council",
					   &f->err), TL_OK);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		put_case(f, &cases[i]);
	assert_int_equal(report_run(f->st, 2025, &r, &f->err), TL_OK);
	const tl_report_table *t = report_table_find(r, "compliments_published");
	assert_non_null(t);
	assert_int_equal(t->n_rows, 4);
	assert_string_equal(t->cells[0], "Thanks to B. and b., D. M.'s team at First Response. "
			    "Wanted to say thanks; we will miss W.");
	assert_string_equal(t->cells[2], WORDS);
	assert_non_null(strstr(t->cells[4], "Not printed"));
	assert_null(strstr(t->cells[4], "Leah"));
	assert_string_equal(t->cells[6], "É. and Ł. at Ofsted in Shire, Ü.");
	report_free(r);
}

/* The setup step 01_counts.sql makes report_counts and report_people;
 * tables run in file-name order, so each table that reads them must sort
 * after it (and before zz_cleanup.sql, which drops them) and say so. */
static void tables_that_read_the_counts_run_after_them_and_say_so(void **state)
{
	static const char *const made[] = { "report_counts", "report_people" };
	size_t setup = REPORT_N_DEFS, readers = 0;
	(void)state;
	for (size_t i = 0; i < REPORT_N_DEFS; i++)
		if (strcmp(REPORT_DEFS[i].name, "01_counts") == 0)
			setup = i;
	assert_true(setup < REPORT_N_DEFS);
	assert_string_equal(REPORT_DEFS[REPORT_N_DEFS - 1].name, "zz_cleanup");
	for (size_t i = setup + 1; i + 1 < REPORT_N_DEFS; i++)
		for (size_t m = 0; m < 2; m++) {
			const char *text = REPORT_DEFS[i].text, *says = strstr(text, "\n-- Reads ");
			const char *end = says ? strchr(says + 1, '\n') : NULL;
			const char *at = strstr(text, made[m]);
			if (!at)
				continue;
			readers++;
			if (!says || !end || at < says || at > end || !strstr(says, "01_counts.sql"))
				fail_msg("%s reads %s without a line saying so (-- Reads %s: made by "
					 "01_counts.sql...)", REPORT_DEFS[i].name, made[m], made[m]);
		}
	for (size_t i = 0; i < setup; i++)
		for (size_t m = 0; m < 2; m++)
			if (strstr(REPORT_DEFS[i].text, made[m]))
				fail_msg("%s reads %s but runs before 01_counts.sql makes it",
					 REPORT_DEFS[i].name, made[m]);
	assert_true(readers > 0);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(stage_counts_by_year_started),
		T(service_areas_name_every_area_of_either_year),
		T(stage1_response_on_day_10_is_within_10_and_day_21_over_20),
		T(stage2_response_on_day_25_is_within_25_and_day_66_over_65),
		T(two_causes_or_more_count_under_multiple),
		T(outcomes_count_withdrawn_as_resolved),
		T(costs_on_31_march_and_1_april_fall_in_their_own_years),
		T(actions_only_of_upheld_statutory_complaints),
		T(complainants_ombudsman_and_compliments),
		T(context_keeps_file_order_with_one_decimal_change),
		T(summary_has_every_key_in_order),
		T(an_assessed_complaint_joins_the_counts),
		T(the_years_end_is_counted_as_it_stood_then),
		T(complaint_rate_uses_the_configured_referrals_measure),
		T(a_year_with_no_data_has_empty_percentages),
		T(published_2015_16_figures_are_reproduced),
		T(html_and_markdown_escape_and_keep_consent),
		T(unknown_year_and_format_are_refused),
		T(a_second_run_agrees_and_leaves_no_temporary_tables),
		T(changed_causes_move_a_complaint_between_its_rows),
		T(a_file_of_schema_2_is_migrated_with_its_causes),
		T(stage3_panel_on_day_30_is_within_30_and_day_31_over_30),
		T(ombudsman_enquiry_received_in_one_year_and_decided_in_the_next),
		T(notes_are_placed_under_their_sections),
		T(a_notes_heading_that_names_no_section_is_refused_with_the_list),
		T(a_section_of_commentary_only_is_left_out_when_the_notes_skip_it),
		T(names_in_compliments_are_initials_without_consent_to_names),
		cmocka_unit_test(tables_that_read_the_counts_run_after_them_and_say_so),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
