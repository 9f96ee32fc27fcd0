/* test_sync.c - devices and the register through the core's transport-free
 * entry points (bundles and replies as bytes in memory): the header lies
 * where sync.h says, every byte of it is signed, moves are recorded on a
 * device only and in the move's own transaction, the register replays
 * them through the lifecycle (totals true), keeps what it refuses, and
 * replies that a device takes once and in order. */
#include "fixture.h"
#include "tellus/case.h"
#include "tellus/receipt.h"
#include "tellus/sync.h"

typedef struct {
	fixture reg;      /* the register: the fixture's own file */
	tl_store *dev;    /* a device, in the same folder */
	char dev_path[320];
} pair;

static int setup(void **state)
{
	if (fixture_setup(state))
		return -1;
	fixture *f = *state;
	pair *p = calloc(1, sizeof *p);
	tl_sync_blob b;
	tl_device d;
	p->reg = *f;
	free(f);
	snprintf(p->dev_path, sizeof p->dev_path, "%s/device.db", p->reg.dir);
	if (store_setting_set(p->reg.st, "device_code", "R1", &p->reg.err) ||
	    sync_device_add(p->reg.st, "K2", "Reception", "kiosk", &b, &d, &p->reg.err) ||
	    store_open(p->dev_path, &p->dev, &p->reg.err) ||
	    sync_join(p->dev, b.data, b.len, &d, &p->reg.err)) {
		fprintf(stderr, "setup: %s\n", p->reg.err.msg);
		return -1;
	}
	sync_blob_free(&b);
	store_set_today(p->dev, date_from_ymd(2026, 6, 29));
	store_set_actor(p->dev, "kiosk");
	*state = p;
	return 0;
}

static int teardown(void **state)
{
	pair *p = *state;
	fixture *f = malloc(sizeof *f);
	int rc = fixture_stmts_fit(p->dev);
	store_close(p->dev);
	*f = p->reg;
	free(p);
	*state = f;
	return fixture_teardown(state) || rc;
}

static void log_one(pair *p, tl_store *st, const char *words, bool unsafe, char ref[REF_MAX])
{
	tl_case c;
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_CHILD;
	c.channel = TL_CHANNEL_KIOSK;
	c.unsafe = unsafe;
	c.received = store_today(st);
	assert_int_equal(case_set_text(&c.service_area, "Fostering", NULL), TL_OK);
	assert_int_equal(case_set_text(&c.summary, words, NULL), TL_OK);
	if (case_log(st, &c, &p->reg.err))
		fail_msg("case_log: %s", p->reg.err.msg);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
}

/* The device's bundle, applied at the register; the reply into *reply. */
static tl_sync_in carry(pair *p, tl_sync_blob *reply)
{
	tl_sync_blob b;
	tl_sync_out o;
	tl_sync_in in;
	if (sync_out(p->dev, &b, &o, &p->reg.err))
		fail_msg("sync_out: %s", p->reg.err.msg);
	if (sync_in(p->reg.st, b.data, b.len, reply, &in, &p->reg.err))
		fail_msg("sync_in: %s", p->reg.err.msg);
	sync_blob_free(&b);
	return in;
}

static void moves_are_recorded_on_a_device_only_in_the_moves_own_transaction(void **state)
{
	pair *p = *state;
	char ref[REF_MAX], mine[REF_MAX];

	log_one(p, p->reg.st, "At the register", false, mine);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM sync_moves"), 0);
	log_one(p, p->dev, "On the kiosk", false, ref);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves"), 1);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves WHERE body LIKE"
				       " '{\"seq\":1,\"day\":\"2026-06-29\",\"actor\":\"kiosk\",\"move\":\"log\",%'"), 1);
	/* A refused move records nothing. */
	assert_int_equal(case_respond(p->dev, ref, 1, D("2026-01-01"), TL_OUTCOME_NOT_UPHELD,
				      &p->reg.err), TL_ESTATE);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves"), 1);
	assert_int_equal(case_respond(p->dev, ref, 1, D("2026-06-29"), TL_OUTCOME_NOT_UPHELD,
				      &p->reg.err), TL_OK);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves WHERE seq = 2 AND"
				       " body LIKE '%\"move\":\"respond\"%\"word\":\"not_upheld\"%'"), 1);
}

static void the_header_lies_where_sync_h_says(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob b;
	tl_sync_out o;
	static const unsigned char magic[8] = { 0x89, 'T', 'E', 'L', 'L', 'U', 'S', '\n' };

	log_one(p, p->dev, "Words", false, ref);
	log_one(p, p->dev, "More words", false, ref);
	assert_int_equal(sync_out(p->dev, &b, &o, &p->reg.err), TL_OK);
	assert_memory_equal(b.data, magic, 8);
	assert_int_equal(b.data[8] << 8 | b.data[9], SYNC_FORMAT);
	assert_int_equal(b.data[10], 1);
	assert_memory_equal(b.data + 32, "K2\0\0", 4);
	assert_int_equal(b.data[39], 1);                      /* epoch 1 */
	assert_int_equal(b.data[63], 1);                      /* first move */
	assert_int_equal(b.data[71], 2);                      /* last move */
	unsigned day = (unsigned)b.data[80] << 24 | b.data[81] << 16 | b.data[82] << 8 | b.data[83];
	assert_int_equal(day, 20260629);
	size_t plen = (size_t)b.data[84] << 24 | b.data[85] << 16 | b.data[86] << 8 | b.data[87];
	assert_int_equal(b.len, SYNC_HEADER_LEN + plen + SYNC_SIG_LEN);
	for (size_t i = 0; i + 10 <= b.len; i++) /* sealed: the words are nowhere */
		assert_false(memcmp(b.data + i, "More words", 10) == 0);
	assert_string_equal(b.name, "K2-e1-1-2.bundle");
	tl_sync_peek pk;
	assert_int_equal(sync_peek(b.data, b.len, &pk, &p->reg.err), TL_OK);
	assert_int_equal(pk.first, 1);
	assert_int_equal(pk.last, 2);
	sync_blob_free(&b);
}

static void any_byte_altered_is_refused_and_changes_nothing(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob b;
	tl_sync_out o;
	tl_sync_in in;

	log_one(p, p->dev, "Words", false, ref);
	assert_int_equal(sync_out(p->dev, &b, &o, &p->reg.err), TL_OK);
	for (size_t i = 0; i < b.len; i += i < SYNC_HEADER_LEN ? 1 : 37) {
		b.data[i] ^= 0x10;
		int rc = sync_in(p->reg.st, b.data, b.len, NULL, &in, &p->reg.err);
		if (rc == TL_OK)
			fail_msg("byte %zu altered was taken in", i);
		b.data[i] ^= 0x10;
	}
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(fixture_count(p->reg.st, "SELECT mark FROM sync_devices"), 0);
	assert_int_equal(sync_in(p->reg.st, b.data, b.len, NULL, &in, &p->reg.err), TL_OK);
	assert_int_equal(in.applied, 1);
	sync_blob_free(&b);
}

static void replayed_moves_keep_the_totals_and_the_audit_true(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_checkup ck;

	log_one(p, p->dev, "Words", false, ref);
	assert_int_equal(case_extend(p->dev, ref, 1, "complex", "J Smith", &p->reg.err), TL_OK);
	assert_int_equal(case_respond(p->dev, ref, 1, D("2026-06-29"), TL_OUTCOME_PARTLY_UPHELD,
				      &p->reg.err), TL_OK);
	tl_sync_in in = carry(p, NULL);
	assert_int_equal(in.applied, 3);
	assert_int_equal(store_check(p->reg.st, &ck, &p->reg.err), TL_OK);
	assert_int_equal(ck.tally_groups + ck.counted_wrong + ck.foreign_keys, 0);
	assert_int_equal(ck.stages, 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM audit WHERE who = 'kiosk'"
				       " AND action IN ('log', 'extend', 'respond')"), 3);
	/* The register's own actor and day are back. */
	assert_string_equal(store_actor(p->reg.st), "test");
	assert_int_equal(store_today(p->reg.st), D("2026-06-30"));
}

static void a_move_this_register_does_not_know_is_kept_not_dropped(void **state)
{
	pair *p = *state;
	char ref[REF_MAX], sql[300];

	log_one(p, p->dev, "Words", false, ref);
	snprintf(sql, sizeof sql, "INSERT INTO sync_moves(seq, ref, body) VALUES(2, '%s', '{\"seq\":2,"
		 "\"day\":\"2026-06-29\",\"actor\":\"kiosk\",\"move\":\"teleport\",\"action\":\"teleport\","
		 "\"ref\":\"%s\"}')", ref, ref);
	assert_int_equal(sqlite3_exec(store_db(p->dev), sql, NULL, NULL, NULL), SQLITE_OK);
	tl_sync_in in = carry(p, NULL);
	assert_int_equal(in.applied, 1);
	assert_int_equal(in.conflicts, 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM sync_conflicts WHERE move ="
				       " 'teleport' AND reason LIKE '%not one this register knows%'"), 1);
}

static void a_device_clock_ahead_of_the_register_goes_to_conflicts(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];

	store_set_today(p->dev, date_from_ymd(2026, 7, 3));
	log_one(p, p->dev, "From the future", false, ref);
	tl_sync_in in = carry(p, NULL);
	assert_int_equal(in.conflicts, 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM sync_conflicts WHERE reason"
				       " LIKE '%after today at the register%'"), 1);
}

static void a_move_number_sent_again_with_other_content_is_a_conflict(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];

	log_one(p, p->dev, "Words", false, ref);
	carry(p, NULL);
	/* As if the device were restored from a backup and wrote move 1 anew. */
	assert_int_equal(sqlite3_exec(store_db(p->dev), "UPDATE sync_moves SET body ="
				      " replace(body, 'Words', 'Other')", NULL, NULL, NULL), SQLITE_OK);
	tl_sync_in in = carry(p, NULL);
	assert_false(in.already);
	assert_int_equal(in.conflicts, 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM sync_conflicts WHERE reason"
				       " LIKE '%applied before with other content%'"), 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM cases WHERE summary = 'Words'"), 1);
}

static void a_reply_is_taken_once_and_never_an_older_one(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob r1, r2;
	tl_sync_reply got;

	log_one(p, p->dev, "First words", false, ref);
	carry(p, &r1);
	log_one(p, p->dev, "Second words", false, ref);
	carry(p, &r2);
	assert_int_equal(sync_take_reply(p->dev, r2.data, r2.len, &got, &p->reg.err), TL_OK);
	assert_int_equal(got.mark, 2);
	assert_int_equal(got.forgotten, 2);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves"), 0);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM cases WHERE summary <> ''"), 0);
	assert_int_equal(sync_take_reply(p->dev, r1.data, r1.len, &got, &p->reg.err), TL_OK);
	assert_true(got.already);
	assert_int_equal(sync_take_reply(p->dev, r2.data, r2.len, &got, &p->reg.err), TL_OK);
	assert_true(got.already);
	assert_int_equal(fixture_count(p->dev, "SELECT acked FROM sync_self"), 2);
	sync_blob_free(&r1);
	sync_blob_free(&r2);
}

static void a_case_with_a_move_waiting_keeps_its_words_and_state(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob r;
	tl_sync_reply got;

	log_one(p, p->dev, "Still waiting", false, ref);
	carry(p, &r);
	assert_int_equal(case_respond(p->dev, ref, 1, D("2026-06-29"), TL_OUTCOME_FULLY_UPHELD,
				      &p->reg.err), TL_OK);
	assert_int_equal(sync_take_reply(p->dev, r.data, r.len, &got, &p->reg.err), TL_OK);
	assert_int_equal(got.forgotten, 0);
	assert_int_equal(got.cases, 0);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM stages WHERE responded IS NOT NULL"), 1);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM cases WHERE summary = 'Still waiting'"), 1);
	sync_blob_free(&r);
}

static void a_mark_that_goes_back_is_refused_and_the_device_keeps_what_it_has(void **state)
{
	pair *p = *state;
	char ref[REF_MAX], backup[400], cmd[900];
	tl_sync_blob b1, r;
	tl_sync_out o;
	tl_sync_in in;
	tl_sync_reply got;

	log_one(p, p->dev, "Words", false, ref);
	assert_int_equal(sync_out(p->dev, &b1, &o, &p->reg.err), TL_OK);
	assert_int_equal(sync_in(p->reg.st, b1.data, b1.len, NULL, &in, &p->reg.err), TL_OK);
	snprintf(backup, sizeof backup, "%s/backup.db", p->reg.dir);
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' \".backup '%s'\"", p->reg.path, backup);
	assert_int_equal(system(cmd), 0);
	log_one(p, p->dev, "Later words", false, ref);
	carry(p, &r);
	assert_int_equal(sync_take_reply(p->dev, r.data, r.len, &got, &p->reg.err), TL_OK);
	sync_blob_free(&r);
	/* The register, restored from the backup, replies to the old bundle. */
	store_close(p->reg.st);
	assert_int_equal(store_open(backup, &p->reg.st, &p->reg.err), TL_OK);
	store_set_today(p->reg.st, date_from_ymd(2026, 6, 30));
	assert_int_equal(sync_in(p->reg.st, b1.data, b1.len, &r, &in, &p->reg.err), TL_OK);
	assert_true(in.already);
	assert_refused(sync_take_reply(p->dev, r.data, r.len, &got, &p->reg.err), TL_ESTATE, &p->reg,
		       "restored from a backup?");
	assert_int_equal(fixture_count(p->dev, "SELECT acked FROM sync_self"), 2);
	sync_blob_free(&r);
	sync_blob_free(&b1);
}

static void status_says_what_waits(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_status s;

	log_one(p, p->dev, "Words", true, ref);
	assert_int_equal(receipt_issue(p->dev, ref, false, &(tl_receipt){ 0 }, &p->reg.err), TL_OK);
	assert_int_equal(sync_status(p->dev, &s, &p->reg.err), TL_OK);
	assert_true(s.device);
	assert_string_equal(s.self.code, "K2");
	assert_int_equal(s.self.role, SYNC_ROLE_KIOSK);
	assert_int_equal(s.waiting, 2);
	assert_int_equal(s.waiting_cases, 1);
	assert_string_equal(s.last_reply, "");
	assert_int_equal(sync_status(p->reg.st, &s, &p->reg.err), TL_OK);
	assert_false(s.device);
	assert_true(s.register_keys);
	assert_int_equal(s.devices, 1);
}

/* `tellus check` agrees at the register: its totals are true. */
static void register_checks(pair *p)
{
	tl_checkup ck;
	assert_int_equal(store_check(p->reg.st, &ck, &p->reg.err), TL_OK);
	assert_int_equal(ck.tally_groups + ck.counted_wrong + ck.foreign_keys, 0);
}

/* The kiosk's Undo (case_respond_undo) is a move like any other: the
 * register replays the response and then its undoing, and the stage is
 * open there too. */
static void an_undone_response_is_undone_at_the_register(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob r;
	tl_case c;

	log_one(p, p->dev, "Answered by mistake", false, ref);
	assert_int_equal(case_respond(p->dev, ref, 1, D("2026-06-29"), TL_OUTCOME_NOT_UPHELD,
				      &p->reg.err), TL_OK);
	assert_int_equal(case_respond_undo(p->dev, ref, 1, &p->reg.err), TL_OK);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves WHERE body LIKE"
				       " '%\"move\":\"respond_undo\"%\"stage\":1%'"), 1);
	tl_sync_in in = carry(p, &r);
	assert_int_equal(in.applied, 3);
	assert_int_equal(in.conflicts, 0);
	assert_int_equal(case_get(p->reg.st, ref, &c, &p->reg.err), TL_OK);
	assert_int_equal(c.stages[0].responded, TL_NO_DATE);
	case_clear(&c);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM audit WHERE who = 'kiosk'"
				       " AND action IN ('respond', 'respond_undo')"), 2);
	register_checks(p);
	sync_blob_free(&r);
}

/* A reply that carries a safety record the device logged is the
 * register's word that it has it: the device records that staff were
 * told (SPEC 8), which is what lets its kiosk say so; before the reply it
 * may not. */
static void a_reply_that_has_a_safety_record_tells_the_device_staff_know(void **state)
{
	pair *p = *state;
	char ref[REF_MAX], plain[REF_MAX];
	tl_sync_blob r;
	tl_sync_reply got;
	bool told = true;

	log_one(p, p->dev, "I am scared at home", true, ref);
	log_one(p, p->dev, "Nobody rang back", false, plain);
	assert_int_equal(case_staff_told(p->dev, ref, &told, &p->reg.err), TL_OK);
	assert_false(told);
	carry(p, &r);
	assert_int_equal(case_staff_told(p->dev, ref, &told, &p->reg.err), TL_OK);
	assert_false(told); /* a bundle written out is not the register having it */
	assert_int_equal(sync_take_reply(p->dev, r.data, r.len, &got, &p->reg.err), TL_OK);
	assert_int_equal(got.told, 1);
	assert_int_equal(case_staff_told(p->dev, ref, &told, &p->reg.err), TL_OK);
	assert_true(told);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM safety_told WHERE how ="
				       " 'register'"), 1);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM audit WHERE action ="
				       " 'staff_told' AND detail = 'how=register'"), 1);
	sync_blob_free(&r);
}

/* A safety record handled on the device, and a complaint opened from it
 * (case_log_from): the note, the day and the link arrive at the register,
 * which opens the complaint from the record as the device did. */
static void a_complaint_opened_from_a_safety_record_is_linked_at_the_register(void **state)
{
	pair *p = *state;
	char rec[REF_MAX];
	tl_sync_blob r;
	tl_case c, got;

	log_one(p, p->dev, "I don't feel safe", true, rec);
	assert_int_equal(case_safety_handled(p->dev, rec, D("2026-06-29"), "Duty worker visited",
					     &p->reg.err), TL_OK);
	case_init(&c);
	c.received = D("2026-06-29");
	assert_int_equal(case_set_text(&c.summary, "Nobody came", NULL), TL_OK);
	assert_int_equal(case_log_from(p->dev, rec, &c, &p->reg.err), TL_OK);
	tl_sync_in in = carry(p, &r);
	assert_int_equal(in.conflicts, 0);
	assert_int_equal(case_get(p->reg.st, rec, &got, &p->reg.err), TL_OK);
	assert_string_equal(got.linked_complaint, c.ref);
	assert_int_equal(got.safety_handled, D("2026-06-29"));
	assert_string_equal(got.safety_note, "Duty worker visited");
	case_clear(&got);
	assert_int_equal(case_get(p->reg.st, c.ref, &got, &p->reg.err), TL_OK);
	assert_string_equal(got.safety_ref, rec);
	assert_false(got.unsafe);
	case_clear(&got);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM audit WHERE action ="
				       " 'complaint_from' AND who = 'kiosk'"), 1);
	register_checks(p);
	case_clear(&c);
	sync_blob_free(&r);
}

/* Issue 14's moves travel too: an acknowledgement, and the day an
 * extension was agreed (not the day the register took it in). */
static void an_acknowledgement_and_an_extension_day_travel(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob r;
	tl_case c;

	log_one(p, p->dev, "Acknowledge me", false, ref);
	assert_int_equal(case_acknowledge(p->dev, ref, 1, D("2026-06-29"), &p->reg.err), TL_OK);
	assert_int_equal(case_extend(p->dev, ref, 1, "complex", "J Smith", &p->reg.err), TL_OK);
	store_set_today(p->reg.st, date_from_ymd(2026, 7, 2));
	tl_sync_in in = carry(p, &r);
	assert_int_equal(in.applied, 3);
	assert_int_equal(case_get(p->reg.st, ref, &c, &p->reg.err), TL_OK);
	assert_int_equal(c.stages[0].acknowledged, D("2026-06-29"));
	assert_int_equal(c.stages[0].extended_on, D("2026-06-29"));
	case_clear(&c);
	register_checks(p);
	sync_blob_free(&r);
}

/* Team work done on a device (w2-team-a): a corrected service area, with
 * its reason, and a corrected summary reach the register as the same
 * correction; the complainant's and the child's names go to the register
 * like the words did, and once the reply says it has them the kiosk keeps
 * neither the names nor the correction's words before and after. A
 * device's own retention run is not sent: the register decides its own. */
static void a_correction_and_names_travel_and_the_kiosk_forgets_them(void **state)
{
	pair *p = *state;
	char ref[REF_MAX];
	tl_sync_blob r;
	tl_sync_reply got;
	tl_case c;

	/* The names come with the case itself (the log's case object)... */
	case_init(&c);
	c.kind = TL_KIND_COMPLAINT;
	c.complainant = TL_WHO_CHILD;
	c.channel = TL_CHANNEL_KIOSK;
	c.received = store_today(p->dev);
	assert_int_equal(case_set_text(&c.service_area, "Fostering", NULL), TL_OK);
	assert_int_equal(case_set_text(&c.summary, "Placed with the wrong carers", NULL), TL_OK);
	assert_int_equal(case_set_text(&c.complainant_name, "Anna Nowak", NULL), TL_OK);
	assert_int_equal(case_log(p->dev, &c, &p->reg.err), TL_OK);
	memcpy(ref, c.ref, REF_MAX);
	case_clear(&c);
	/* ...or in a correction. */
	assert_int_equal(case_edit(p->dev, ref, "child_name", "Zofia Nowak", "she told us",
				   &p->reg.err), TL_OK);
	assert_int_equal(case_edit(p->dev, ref, "service_area", "Children in care",
				   "chose fostering by mistake", &p->reg.err), TL_OK);
	assert_int_equal(case_edit(p->dev, ref, "summary", "Placed with carers far from school",
				   "the child put it better", &p->reg.err), TL_OK);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM sync_moves WHERE body LIKE"
				       " '%\"move\":\"edit\"%\"word\":\"service_area\"%'"), 1);
	tl_sync_in in = carry(p, &r);
	assert_int_equal(in.applied, 4);
	assert_int_equal(in.conflicts, 0);
	assert_int_equal(case_get(p->reg.st, ref, &c, &p->reg.err), TL_OK);
	assert_string_equal(c.service_area, "Children in care");
	assert_string_equal(c.summary, "Placed with carers far from school");
	assert_string_equal(c.complainant_name, "Anna Nowak");
	assert_string_equal(c.child_name, "Zofia Nowak");
	case_clear(&c);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM audit WHERE who = 'kiosk'"
				       " AND action = 'edit' AND detail LIKE"
				       " '%service_area%why: chose fostering by mistake'"), 1);
	assert_int_equal(fixture_count(p->reg.st, "SELECT count(*) FROM case_revisions"
				       " WHERE field = 'summary' AND why = 'the child put it better'"), 1);
	register_checks(p);

	assert_int_equal(sync_take_reply(p->dev, r.data, r.len, &got, &p->reg.err), TL_OK);
	assert_int_equal(got.forgotten, 1);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM cases WHERE complainant_name"
				       " <> '' OR child_name <> '' OR summary <> ''"), 0);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM case_revisions"), 0);
	assert_int_equal(fixture_count(p->dev, "SELECT count(*) FROM cases WHERE service_area"
				       " = 'Children in care'"), 1);
	sync_blob_free(&r);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(moves_are_recorded_on_a_device_only_in_the_moves_own_transaction),
		T(the_header_lies_where_sync_h_says),
		T(any_byte_altered_is_refused_and_changes_nothing),
		T(replayed_moves_keep_the_totals_and_the_audit_true),
		T(a_move_this_register_does_not_know_is_kept_not_dropped),
		T(a_device_clock_ahead_of_the_register_goes_to_conflicts),
		T(a_move_number_sent_again_with_other_content_is_a_conflict),
		T(a_reply_is_taken_once_and_never_an_older_one),
		T(a_case_with_a_move_waiting_keeps_its_words_and_state),
		T(a_mark_that_goes_back_is_refused_and_the_device_keeps_what_it_has),
		T(status_says_what_waits),
		T(an_undone_response_is_undone_at_the_register),
		T(a_reply_that_has_a_safety_record_tells_the_device_staff_know),
		T(a_complaint_opened_from_a_safety_record_is_linked_at_the_register),
		T(an_acknowledgement_and_an_extension_day_travel),
		T(a_correction_and_names_travel_and_the_kiosk_forgets_them),
	};
	return cmocka_run_group_tests_name("sync", tests, NULL, NULL);
}
