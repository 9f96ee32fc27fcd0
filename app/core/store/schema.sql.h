/* schema.sql.h - private: the database schema, one migration a version.
 * Migration N takes a database from user_version N-1 to N. Never edit a
 * migration that has shipped; add the next one. */
#ifndef TELLUS_SCHEMA_SQL_H
#define TELLUS_SCHEMA_SQL_H

/* The texts migrations 5 and 6 are made of, as shipped: never change one.
 * A database migrated by an older build and one migrated by this build
 * must come out the same (tests/unit/test_store.c pins each migration).
 * The running totals' rules, and the count from scratch that store_check
 * and store_tally use, are tally.sql.h's: those may change, these never. */

/* Migration 5: the financial year a date falls in (2024 for 2024-04-01 to
 * 2025-03-31); NULL for no date. */
#define MIG5_FY(d) "(CAST(substr(" d ", 1, 4) AS INTEGER) - (substr(" d ", 6, 2) < '04'))"
/* Migration 5: adds (sign "+") or takes away ("-") what the tally_rows
 * matching where count, in both running totals. */
#define MIG5_TALLY(sign, where)                                                         \
	"INSERT INTO tally_stages SELECT stage, s_fy, r_fy, outcome, cause, band, "    \
	sign "1, " sign "days FROM tally_rows WHERE " where                           \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n, days = days + excluded.days;" \
	"INSERT INTO tally_people SELECT s_fy, area, complainant, on_behalf, " sign "1" \
	" FROM tally_rows WHERE stage = 1 AND " where                                 \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n;"
/* Migration 5: both running totals counted from scratch, to fill them. */
#define MIG5_COUNT_STAGES                                                             \
	"SELECT stage, s_fy, r_fy, outcome, cause, band, count(*), sum(days)"        \
	" FROM tally_rows GROUP BY 1, 2, 3, 4, 5, 6"
#define MIG5_COUNT_PEOPLE                                                             \
	"SELECT s_fy, area, complainant, on_behalf, count(*)"                        \
	" FROM tally_rows WHERE stage = 1 GROUP BY 1, 2, 3, 4"
/* Migration 5: the columns of a stage or case that tally_rows reads. */
#define MIG5_STAGE_CHANGED                                                           \
	"(OLD.case_id IS NOT NEW.case_id OR OLD.stage IS NOT NEW.stage OR"           \
	" OLD.started IS NOT NEW.started OR OLD.opened IS NOT NEW.opened OR"         \
	" OLD.responded IS NOT NEW.responded OR"                                      \
	" OLD.outcome IS NOT NEW.outcome OR OLD.paused_days IS NOT NEW.paused_days)"
#define MIG5_CASE_CHANGED                                                            \
	"(OLD.kind IS NOT NEW.kind OR OLD.procedure IS NOT NEW.procedure OR"         \
	" OLD.complainant IS NOT NEW.complainant OR OLD.on_behalf IS NOT NEW.on_behalf" \
	" OR OLD.service_area IS NOT NEW.service_area OR"                             \
	" OLD.causes_key IS NOT NEW.causes_key)"

/* Migration 6: a stage's counted flag set from its case. */
#define MIG6_STAGE_COUNTED                                                            \
	"  UPDATE stages SET counted = (SELECT kind = 'complaint' AND procedure = 'statutory'" \
	"    FROM cases WHERE id = NEW.case_id) WHERE id = NEW.id; END;"

/* Migration 9: a stage update that tally_rows reads, the panel too. */
#define MIG9_STAGE_CHANGED "(" MIG5_STAGE_CHANGED " OR OLD.panel IS NOT NEW.panel)"

/* Migration 11: the built-in profiles as they were before it, so that the
 * cases already logged keep the rules they were given (SPEC 3) when the
 * built-in texts change (defaults.c). */
#define MIG11_OLD_PROFILES                                                            \
	"('england_children', 'name england_children\n"                              \
	"title Children''s social care (England): Children Act 1989 representations procedure\n" \
	"closures no\nrequest_window 20\n"                                            \
	"stage 1 standard 10 maximum 20 name Local resolution\n"                      \
	"stage 2 standard 25 maximum 65 name Investigation\n"                         \
	"stage 3 standard 30 maximum 30 after_panel 20 name Review panel\n'),"        \
	"('corporate', 'name corporate\ntitle Corporate complaints\nclosures yes\n"   \
	"request_window 20\nstage 1 standard 10 maximum 20 name Local resolution\n"  \
	"stage 2 standard 20 maximum 30 name Review\n'),"                             \
	"('scotland', 'name scotland\ntitle Scottish model complaints handling procedure\n" \
	"closures yes\nrequest_window 20\nstage 1 standard 5 maximum 10 name Frontline response\n" \
	"stage 2 standard 20 maximum 20 name Investigation\n'),"                      \
	"('wales', 'name wales\ntitle Social services complaints (Wales)\nclosures no\n" \
	"request_window 20\nstage 1 standard 10 maximum 15 name Local resolution\n"  \
	"stage 2 standard 25 maximum 25 name Formal investigation\n')"

/* Migration 11: a case's open stage, the number of its latest stage while
 * that has no response, else 0, for the case whose id is the SQL id. */
#define MIG11_OPEN_OF(id)                                                             \
	"coalesce((SELECT CASE WHEN responded IS NULL THEN stage ELSE 0 END FROM stages" \
	" WHERE case_id = " id " ORDER BY stage DESC LIMIT 1), 0)"
/* Migration 11: sets the open stage of the cases where it is not so. */
#define MIG11_SET_OPEN(ids)                                                           \
	"UPDATE cases SET open_stage = " MIG11_OPEN_OF("cases.id") " WHERE id IN (" ids ")" \
	" AND open_stage IS NOT " MIG11_OPEN_OF("cases.id") ";"

/* Migration 14: what a case's causes_key is (migration 3's rule), and
 * whether a case's stages are counted (migration 6's). */
#define MIG14_CAUSES_KEY(id)                                                           \
	"(SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause) ELSE '*' END"   \
	" FROM case_causes WHERE case_id = " id ")"
#define MIG14_COUNTED(id)                                                              \
	"(SELECT kind = 'complaint' AND procedure = 'statutory' FROM cases WHERE id = " id ")"

/* Migration 14: a stage not yet noted, looked up by its key (NOT IN of a
 * subquery would read the whole table each time). */
#define MIG14_UNNOTED(id) "NOT EXISTS (SELECT 1 FROM tally_touched WHERE stage_id = " id ")"
#define MIG14_CASE_UNNOTED(id)                                                         \
	"NOT EXISTS (SELECT 1 FROM tally_cases_touched WHERE case_id = " id ")"
/* Migration 14: notes what the deferred triggers touched, once. Not INSERT
 * OR IGNORE: inside a trigger the statement that fired it decides the
 * conflict policy (an upsert's makes IGNORE fail), so no conflict arises.
 * A trigger that notes one row asks in its WHEN whether it is noted, and
 * inserts VALUES: an INSERT whose SELECT reads the table it fills is run
 * through a temporary table. */
#define MIG14_NOTE_STAGES(case_id)                                                     \
	"INSERT INTO tally_touched SELECT id FROM stages WHERE case_id = " case_id        \
	" AND " MIG14_UNNOTED("stages.id") ";"
#define MIG14_NOTE_CASE(id)                                                            \
	"INSERT INTO tally_cases_touched SELECT " id " WHERE " MIG14_CASE_UNNOTED(id) ";"

/* Migration 15: a case's words as the search index (migration 12) holds
 * them, from the row whose columns are prefixed p ("NEW." or "c."). */
#define MIG15_SEARCH_VALUES(p)                                                         \
	p "id, " p "ref, search_fold(" p "complainant_name), search_fold(" p "child_name),"  \
	" search_fold(" p "summary || ' ' || " p "desired || ' ' || " p "contact)"

static const char *const SCHEMA_MIGRATIONS[] = {
	/* 1: everything of SPEC section 4. */
	"CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE profiles(name TEXT PRIMARY KEY, body TEXT NOT NULL);"
	"CREATE TABLE closures(date TEXT PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE causes(code TEXT PRIMARY KEY, label TEXT NOT NULL,"
	"  ord INTEGER NOT NULL, active INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE ref_seq(device TEXT NOT NULL, year INTEGER NOT NULL,"
	"  next INTEGER NOT NULL, PRIMARY KEY(device, year));"
	"CREATE TABLE staff(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK(role IN ('officer','manager','admin')),"
	"  pin_hash TEXT NOT NULL, failed INTEGER NOT NULL DEFAULT 0,"
	"  locked_until INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);"
	"CREATE TABLE cases(id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK(kind IN ('complaint','compliment')),"
	"  received TEXT NOT NULL, procedure TEXT NOT NULL, profile TEXT NOT NULL,"
	"  channel TEXT NOT NULL, complainant TEXT NOT NULL,"
	"  on_behalf INTEGER NOT NULL DEFAULT 0, officer TEXT NOT NULL DEFAULT '',"
	"  service_area TEXT NOT NULL DEFAULT '', team TEXT NOT NULL DEFAULT '',"
	"  summary TEXT NOT NULL DEFAULT '', desired TEXT NOT NULL DEFAULT '',"
	"  contact TEXT NOT NULL DEFAULT '', consent_to_publish INTEGER NOT NULL DEFAULT 0,"
	"  advocacy INTEGER NOT NULL DEFAULT 0, unsafe INTEGER NOT NULL DEFAULT 0,"
	"  late_reason TEXT NOT NULL DEFAULT '', matter_date TEXT, tracking_hash TEXT,"
	"  created_at TEXT NOT NULL);"
	"CREATE INDEX cases_received ON cases(kind, procedure, received);"
	"CREATE TABLE case_causes(case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  cause TEXT NOT NULL REFERENCES causes(code), PRIMARY KEY(case_id, cause)) WITHOUT ROWID;"
	"CREATE TABLE stages(id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  stage INTEGER NOT NULL CHECK(stage BETWEEN 1 AND 3),"
	"  started TEXT NOT NULL, due TEXT NOT NULL, max_due TEXT NOT NULL,"
	"  extended INTEGER NOT NULL DEFAULT 0, extension_reason TEXT NOT NULL DEFAULT '',"
	"  extension_by TEXT NOT NULL DEFAULT '', request_late INTEGER NOT NULL DEFAULT 0,"
	"  panel TEXT, responded TEXT, outcome TEXT,"
	"  paused_days INTEGER NOT NULL DEFAULT 0, paused_since TEXT,"
	"  UNIQUE(case_id, stage));"
	"CREATE INDEX stages_responded ON stages(stage, responded);"
	"CREATE INDEX stages_started ON stages(stage, started);"
	"CREATE INDEX stages_open ON stages(responded, due);"
	"CREATE TABLE stage_pauses(id INTEGER PRIMARY KEY,"
	"  stage_id INTEGER NOT NULL REFERENCES stages(id), paused TEXT NOT NULL,"
	"  resumed TEXT, reason TEXT NOT NULL, days INTEGER);"
	"CREATE TABLE actions(id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id), action TEXT NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '', UNIQUE(case_id, action));"
	"CREATE TABLE costs(id INTEGER PRIMARY KEY, date TEXT NOT NULL,"
	"  category TEXT NOT NULL, pence INTEGER NOT NULL CHECK(pence >= 0),"
	"  ref TEXT NOT NULL DEFAULT '', seq INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE(date, category, pence, ref, seq));"
	"CREATE INDEX costs_date ON costs(date);"
	"CREATE TABLE ombudsman(id INTEGER PRIMARY KEY, ref TEXT NOT NULL DEFAULT '',"
	"  received TEXT NOT NULL, decided TEXT NOT NULL, decision TEXT NOT NULL,"
	"  seq INTEGER NOT NULL DEFAULT 1, UNIQUE(ref, received, decided, decision, seq));"
	"CREATE TABLE context(year INTEGER NOT NULL, measure TEXT NOT NULL,"
	"  value REAL NOT NULL, ord INTEGER NOT NULL, PRIMARY KEY(year, measure));"
	"CREATE TABLE audit(id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL,"
	"  action TEXT NOT NULL, ref TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '');"
	"CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;"
	"CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;"
	"CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases"
	"  BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;",
	/* 2: covering indexes for the annual report (reports/tables/), so that
	 * a year's tables read indexes only, never whole rows. */
	"CREATE INDEX stages_report_started ON stages(stage, started, responded, case_id,"
	"  outcome, paused_days, extended, panel);"
	"CREATE INDEX stages_report_responded ON stages(stage, responded, started, case_id,"
	"  outcome, paused_days, extended, panel);"
	"CREATE INDEX cases_report ON cases(id, kind, procedure, complainant, on_behalf, service_area);",
	/* 3: cases.causes_key, what the annual report counts a complaint under:
	 * its one cause's code, '*' for two or more, '' for none. Triggers on
	 * case_causes keep it true whoever writes the causes (the lifecycle,
	 * import), so the report reads it with the case instead of counting
	 * causes again for every stage (the tallies of migration 5). */
	"ALTER TABLE cases ADD COLUMN causes_key TEXT NOT NULL DEFAULT '';"
	"UPDATE cases SET causes_key = (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause)"
	"  ELSE '*' END FROM case_causes WHERE case_id = cases.id)"
	"  WHERE id IN (SELECT case_id FROM case_causes);"
	"CREATE TRIGGER case_causes_key_insert AFTER INSERT ON case_causes BEGIN"
	"  UPDATE cases SET causes_key = (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause)"
	"    ELSE '*' END FROM case_causes WHERE case_id = NEW.case_id) WHERE id = NEW.case_id;"
	"  END;"
	"CREATE TRIGGER case_causes_key_delete AFTER DELETE ON case_causes BEGIN"
	"  UPDATE cases SET causes_key = (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause)"
	"    ELSE '*' END FROM case_causes WHERE case_id = OLD.case_id) WHERE id = OLD.case_id;"
	"  END;"
	"CREATE TRIGGER case_causes_key_update AFTER UPDATE ON case_causes BEGIN"
	"  UPDATE cases SET causes_key = (SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause)"
	"    ELSE '*' END FROM case_causes WHERE case_id = cases.id)"
	"    WHERE id IN (OLD.case_id, NEW.case_id);"
	"  END;"
	/* The compliments' tables read the service area and consent from the
	 * index of what was received, not from every compliment's row. */
	"DROP INDEX cases_received;"
	"CREATE INDEX cases_received ON cases(kind, procedure, received, service_area,"
	"  consent_to_publish);",
	/* 4: when staff acted on an "I don't feel safe" record, so that it
	 * leaves the list of safety concerns (the record itself stays). */
	"ALTER TABLE cases ADD COLUMN safety_handled TEXT;",
	/* 5: running totals for the annual report, so that a year's tables
	 * read a few hundred rows however many cases there are. Triggers keep
	 * them true whoever writes (the lifecycle, import, raw SQL through the
	 * store): each change takes away what the old rows counted and adds
	 * what the new ones count. workdays() is the store's SQL function on
	 * the statutory calendar (store_sql.c). Groups that fall to n = 0 stay
	 * as rows; readers skip them. A stage counts in the year it opened
	 * (stages.opened: received for stage 1, requested for 2 and 3), which
	 * "new concerns" never moves, though they restart its clock (started);
	 * a row written without opened counts from started. */
	"ALTER TABLE stages ADD COLUMN opened TEXT;"
	"UPDATE stages SET opened = CASE stage WHEN 1 THEN"
	"  (SELECT received FROM cases WHERE id = stages.case_id) ELSE started END;"
	"CREATE VIEW tally_rows AS SELECT stage_id, case_id, stage, s_fy, r_fy, outcome, cause,"
	"  CASE WHEN days IS NULL THEN 0"
	"       WHEN days <= CASE stage WHEN 1 THEN 10 ELSE 25 END THEN 1"
	"       WHEN days <= CASE stage WHEN 1 THEN 20 ELSE 65 END THEN 2 ELSE 3 END AS band,"
	"  coalesce(days, 0) AS days, area, complainant, on_behalf"
	" FROM (SELECT s.id AS stage_id, s.case_id AS case_id, s.stage AS stage,"
	"  " MIG5_FY("coalesce(s.opened, s.started)") " AS s_fy,"
	"  coalesce(" MIG5_FY("s.responded") ", 0) AS r_fy,"
	"  coalesce(s.outcome, '') AS outcome,"
	"  CASE WHEN s.stage = 1 THEN c.causes_key ELSE '' END AS cause,"
	"  workdays(s.started, s.responded) - s.paused_days AS days,"
	"  coalesce(nullif(c.service_area, ''), 'Not recorded') AS area,"
	"  c.complainant AS complainant, c.on_behalf <> 0 AS on_behalf"
	"  FROM stages s JOIN cases c ON c.id = s.case_id"
	"  WHERE c.kind = 'complaint' AND c.procedure = 'statutory');"
	"CREATE TABLE tally_stages(stage INTEGER NOT NULL, s_fy INTEGER NOT NULL,"
	"  r_fy INTEGER NOT NULL, outcome TEXT NOT NULL, cause TEXT NOT NULL,"
	"  band INTEGER NOT NULL, n INTEGER NOT NULL, days INTEGER NOT NULL,"
	"  PRIMARY KEY(s_fy, r_fy, stage, outcome, cause, band)) WITHOUT ROWID;"
	"CREATE INDEX tally_stages_resolved ON tally_stages(r_fy);"
	"CREATE TABLE tally_people(fy INTEGER NOT NULL, area TEXT NOT NULL,"
	"  complainant TEXT NOT NULL, on_behalf INTEGER NOT NULL, n INTEGER NOT NULL,"
	"  PRIMARY KEY(fy, area, complainant, on_behalf)) WITHOUT ROWID;"
	"INSERT INTO tally_stages " MIG5_COUNT_STAGES ";"
	"INSERT INTO tally_people " MIG5_COUNT_PEOPLE ";"
	"CREATE TRIGGER tally_stage_insert AFTER INSERT ON stages"
	"  BEGIN " MIG5_TALLY("+", "stage_id = NEW.id") " END;"
	"CREATE TRIGGER tally_stage_delete BEFORE DELETE ON stages"
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id") " END;"
	"CREATE TRIGGER tally_stage_update_old BEFORE UPDATE ON stages WHEN " MIG5_STAGE_CHANGED
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id") " END;"
	"CREATE TRIGGER tally_stage_update_new AFTER UPDATE ON stages WHEN " MIG5_STAGE_CHANGED
	"  BEGIN " MIG5_TALLY("+", "stage_id = NEW.id") " END;"
	"CREATE TRIGGER tally_case_update_old BEFORE UPDATE ON cases WHEN " MIG5_CASE_CHANGED
	"  BEGIN " MIG5_TALLY("-", "case_id = OLD.id") " END;"
	"CREATE TRIGGER tally_case_update_new AFTER UPDATE ON cases WHEN " MIG5_CASE_CHANGED
	"  BEGIN " MIG5_TALLY("+", "case_id = NEW.id") " END;",
	/* 6: stages.counted, 1 when the stage is of a statutory complaint,
	 * kept by triggers, in one covering index with what the report asks of
	 * stages still open at a year's end and of stages answered in a year
	 * (summary.sql, t9_actions.sql): those read the index alone, never
	 * looking up each case. It replaces the two indexes of migration 2,
	 * which nothing reads since the running totals. A stage's pauses by
	 * date, for its due date as it stood at a year's end. */
	"ALTER TABLE stages ADD COLUMN counted INTEGER NOT NULL DEFAULT 0;"
	"UPDATE stages SET counted = 1 WHERE case_id IN (SELECT id FROM cases"
	"  WHERE kind = 'complaint' AND procedure = 'statutory');"
	"DROP INDEX stages_report_started;"
	"DROP INDEX stages_report_responded;"
	"CREATE INDEX stages_report ON stages(stage, responded, opened, counted, case_id,"
	"  started, outcome, paused_days, paused_since, extended, panel);"
	"CREATE INDEX stage_pauses_stage ON stage_pauses(stage_id, paused);"
	"CREATE TRIGGER stages_counted_insert AFTER INSERT ON stages BEGIN" MIG6_STAGE_COUNTED
	"CREATE TRIGGER stages_counted_moved AFTER UPDATE OF case_id ON stages BEGIN"
	MIG6_STAGE_COUNTED
	"CREATE TRIGGER stages_counted_case AFTER UPDATE OF kind, procedure ON cases BEGIN"
	"  UPDATE stages SET counted = (NEW.kind = 'complaint' AND NEW.procedure = 'statutory')"
	"    WHERE case_id = NEW.id;"
	"  END;",
	/* 7: what the store keeps about itself: which statutory calendar the
	 * report's running totals were counted with (store_tally.c counts them
	 * again, once, when a new build's calendar differs). */
	"CREATE TABLE store_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
	/* 8: "I don't feel safe" records. Staff's note of what they did when
	 * they handled one (the day is migration 4's safety_handled); on a
	 * complaint opened from one, that record's reference (safety_ref), so
	 * that each shows the other; and when staff were told of a record
	 * (safety_told: an alert that went out, or the register's
	 * acknowledgement), which the kiosk reads before it tells a child
	 * that staff know. */
	"ALTER TABLE cases ADD COLUMN safety_note TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE cases ADD COLUMN safety_ref TEXT NOT NULL DEFAULT '';"
	"CREATE INDEX cases_safety_ref ON cases(safety_ref) WHERE safety_ref <> '';"
	"CREATE TABLE safety_told(case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  at TEXT NOT NULL, how TEXT NOT NULL CHECK(how IN ('alert', 'register')));",
	/* 9: stage 3's timeliness in the running totals (the report's
	 * t4_stage3_timeliness): its band counts the working days from the
	 * request to the review panel, less the days the clock stood still
	 * (1: within 30, 3: over 30, 0: no panel or no response yet), where
	 * stages 1 and 2 count to the response. tally_rows is made again with
	 * that band, the update triggers follow the panel too, and the totals
	 * of stages are counted again from scratch. The Ombudsman's enquiries
	 * are counted by the day received and the day decided: an index each. */
	"DROP TRIGGER tally_stage_update_old;"
	"DROP TRIGGER tally_stage_update_new;"
	"DROP VIEW tally_rows;"
	"CREATE VIEW tally_rows AS SELECT stage_id, case_id, stage, s_fy, r_fy, outcome, cause,"
	"  CASE WHEN days IS NULL THEN 0"
	"       WHEN stage = 3 THEN CASE WHEN panel_days IS NULL THEN 0"
	"                                WHEN panel_days <= 30 THEN 1 ELSE 3 END"
	"       WHEN days <= CASE stage WHEN 1 THEN 10 ELSE 25 END THEN 1"
	"       WHEN days <= CASE stage WHEN 1 THEN 20 ELSE 65 END THEN 2 ELSE 3 END AS band,"
	"  coalesce(days, 0) AS days, area, complainant, on_behalf"
	" FROM (SELECT s.id AS stage_id, s.case_id AS case_id, s.stage AS stage,"
	"  " MIG5_FY("coalesce(s.opened, s.started)") " AS s_fy,"
	"  coalesce(" MIG5_FY("s.responded") ", 0) AS r_fy,"
	"  coalesce(s.outcome, '') AS outcome,"
	"  CASE WHEN s.stage = 1 THEN c.causes_key ELSE '' END AS cause,"
	"  workdays(s.started, s.responded) - s.paused_days AS days,"
	"  CASE WHEN s.stage = 3 THEN workdays(s.started, s.panel) - s.paused_days END"
	"    AS panel_days,"
	"  coalesce(nullif(c.service_area, ''), 'Not recorded') AS area,"
	"  c.complainant AS complainant, c.on_behalf <> 0 AS on_behalf"
	"  FROM stages s JOIN cases c ON c.id = s.case_id"
	"  WHERE c.kind = 'complaint' AND c.procedure = 'statutory');"
	"CREATE TRIGGER tally_stage_update_old BEFORE UPDATE ON stages WHEN " MIG9_STAGE_CHANGED
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id") " END;"
	"CREATE TRIGGER tally_stage_update_new AFTER UPDATE ON stages WHEN " MIG9_STAGE_CHANGED
	"  BEGIN " MIG5_TALLY("+", "stage_id = NEW.id") " END;"
	"DELETE FROM tally_stages;"
	"INSERT INTO tally_stages " MIG5_COUNT_STAGES ";"
	"CREATE INDEX ombudsman_received ON ombudsman(received, decision);"
	"CREATE INDEX ombudsman_decided ON ombudsman(decided, decision);",
	/* 10: whether the author of a compliment agreed to the names in it
	 * being published too, apart from agreeing to the words (consent to
	 * publish): without it the report shows names as initials. */
	"ALTER TABLE cases ADD COLUMN consent_names INTEGER NOT NULL DEFAULT 0;",
	/* 11: the complaints team's daily work (issue 14) and lists that follow
	 * the open cases (issue 17). A stage's acknowledgement and the day an
	 * extension was agreed; why a case was assessed as it was (not
	 * eligible: why its clock does not run). Each case's rules: the text
	 * of its profile as it stood when the case was logged (profile_rules,
	 * one row per distinct text), so that a changed profile, built-in or
	 * loaded, never moves a deadline already given; cases already here get
	 * the text they were logged under (MIG11_OLD_PROFILES, or the loaded
	 * one). What the lists need, kept where they read it without reading
	 * the register (SPEC 10): each case's open stage (open_stage: the
	 * number of its latest stage while that is unanswered, else 0, kept by
	 * triggers on stages), and two small covering indexes of what is open,
	 * the open stages by due date and the cases with an open stage, so a
	 * list of 5,000 open among a million cases reads only them; and the
	 * safety concerns not yet handled. The old index of open stages, on
	 * (responded, due) over every stage, goes. */
	"ALTER TABLE stages ADD COLUMN acknowledged TEXT;"
	"ALTER TABLE stages ADD COLUMN extended_on TEXT;"
	"ALTER TABLE cases ADD COLUMN assessed_why TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE profile_rules(id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	"  body TEXT NOT NULL UNIQUE);"
	"INSERT INTO profile_rules(name, body) SELECT name, body FROM profiles ORDER BY name;"
	"INSERT INTO profile_rules(name, body) SELECT column1, column2 FROM (VALUES "
	MIG11_OLD_PROFILES ") WHERE column1 NOT IN (SELECT name FROM profiles);"
	"ALTER TABLE cases ADD COLUMN rules INTEGER;"
	"UPDATE cases SET rules = (SELECT id FROM profile_rules r WHERE r.name = cases.profile);"
	"ALTER TABLE cases ADD COLUMN open_stage INTEGER NOT NULL DEFAULT 0;"
	MIG11_SET_OPEN("SELECT case_id FROM stages WHERE responded IS NULL")
	"CREATE TRIGGER cases_open_stage_insert AFTER INSERT ON stages BEGIN "
	MIG11_SET_OPEN("NEW.case_id") " END;"
	"CREATE TRIGGER cases_open_stage_update AFTER UPDATE OF case_id, stage, responded"
	"  ON stages BEGIN " MIG11_SET_OPEN("OLD.case_id, NEW.case_id") " END;"
	"CREATE TRIGGER cases_open_stage_delete AFTER DELETE ON stages BEGIN "
	MIG11_SET_OPEN("OLD.case_id") " END;"
	"DROP INDEX stages_open;"
	"CREATE INDEX stages_open_due ON stages(due, case_id, stage, started, max_due, extended,"
	"  request_late, panel, responded, paused_days, paused_since, acknowledged, extended_on)"
	"  WHERE responded IS NULL;"
	"CREATE INDEX cases_open ON cases(id, open_stage, ref, kind, received, procedure, profile,"
	"  rules, channel, complainant, on_behalf, officer, service_area, team, unsafe,"
	"  safety_handled, safety_ref) WHERE open_stage > 0;"
	"CREATE INDEX cases_flagged ON cases(received) WHERE unsafe AND safety_handled IS NULL;",
	/* 12: the complaints team's work (SPEC 14). The complainant's and the
	 * child's names (optional); when retention removed a case's names,
	 * contact and words (retained). Service areas and teams as configured
	 * lists, matched by name_key() (store_sql.c: spaces trimmed, case
	 * ignored); store_lists.c fills them once from the defaults and the
	 * names cases already use. Costs voided with a reason, never deleted.
	 * Ombudsman enquiries recorded when they arrive, decided later: the
	 * table is made again with decided and decision empty until then,
	 * with migration 9's indexes.
	 * The old and new words of a correction to a person's words
	 * (case_revisions: the audit line names the field only, so that
	 * retention can remove them), copies of letters sent, equalities
	 * answers (read only in aggregate, never with the case). case_search:
	 * an index (FTS5, contentless: it keeps no copy of the words) of
	 * references, names and words, kept by triggers through search_fold()
	 * (store_sql.c), so that a search for Lukasz finds Łukasz; unicode61
	 * with remove_diacritics 2 and the mark categories (M*) inside words,
	 * so that Gujarati and Urdu names stay whole words. */
	"ALTER TABLE cases ADD COLUMN complainant_name TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE cases ADD COLUMN child_name TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE cases ADD COLUMN retained TEXT;"
	"CREATE TABLE services(key TEXT PRIMARY KEY, name TEXT NOT NULL, ord INTEGER NOT NULL,"
	"  plain TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE teams(key TEXT PRIMARY KEY, name TEXT NOT NULL, ord INTEGER NOT NULL);"
	"ALTER TABLE costs ADD COLUMN voided TEXT;"
	"ALTER TABLE costs ADD COLUMN void_reason TEXT NOT NULL DEFAULT '';"
	"CREATE TABLE ombudsman_enquiries(id INTEGER PRIMARY KEY, ref TEXT NOT NULL DEFAULT '',"
	"  received TEXT NOT NULL, decided TEXT, decision TEXT,"
	"  seq INTEGER NOT NULL DEFAULT 1, CHECK((decided IS NULL) = (decision IS NULL)),"
	"  UNIQUE(ref, received, decided, decision, seq));"
	"INSERT INTO ombudsman_enquiries SELECT id, ref, received, decided, decision, seq"
	"  FROM ombudsman;"
	"DROP TABLE ombudsman;"
	"ALTER TABLE ombudsman_enquiries RENAME TO ombudsman;"
	"CREATE INDEX ombudsman_received ON ombudsman(received, decision);"
	"CREATE INDEX ombudsman_decided ON ombudsman(decided, decision);"
	"CREATE TABLE case_revisions(id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES cases(id), at TEXT NOT NULL, who TEXT NOT NULL,"
	"  field TEXT NOT NULL, old TEXT NOT NULL, new TEXT NOT NULL, why TEXT NOT NULL);"
	"CREATE INDEX case_revisions_case ON case_revisions(case_id);"
	"CREATE TABLE letters(id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES cases(id),"
	"  kind TEXT NOT NULL, made TEXT NOT NULL, who TEXT NOT NULL, body TEXT NOT NULL);"
	"CREATE INDEX letters_case ON letters(case_id);"
	"CREATE TABLE equalities(case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  age_band TEXT NOT NULL DEFAULT '', gender TEXT NOT NULL DEFAULT '',"
	"  ethnicity TEXT NOT NULL DEFAULT '', disability TEXT NOT NULL DEFAULT '');"
	"CREATE VIRTUAL TABLE case_search USING fts5(ref, complainant, child, words, content='',"
	"  tokenize=\"unicode61 remove_diacritics 2 categories 'L* N* Co M*'\");"
	"INSERT INTO case_search(rowid, ref, complainant, child, words) SELECT id, ref,"
	"  search_fold(complainant_name), search_fold(child_name),"
	"  search_fold(summary || ' ' || desired || ' ' || contact) FROM cases;"
	"CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN"
	"  INSERT INTO case_search(rowid, ref, complainant, child, words) VALUES(NEW.id, NEW.ref,"
	"    search_fold(NEW.complainant_name), search_fold(NEW.child_name),"
	"    search_fold(NEW.summary || ' ' || NEW.desired || ' ' || NEW.contact));"
	"  END;"
	"CREATE TRIGGER case_search_update AFTER UPDATE OF ref, complainant_name, child_name,"
	"  summary, desired, contact ON cases BEGIN"
	"  INSERT INTO case_search(case_search, rowid, ref, complainant, child, words)"
	"    VALUES('delete', OLD.id, OLD.ref, search_fold(OLD.complainant_name),"
	"    search_fold(OLD.child_name),"
	"    search_fold(OLD.summary || ' ' || OLD.desired || ' ' || OLD.contact));"
	"  INSERT INTO case_search(rowid, ref, complainant, child, words) VALUES(NEW.id, NEW.ref,"
	"    search_fold(NEW.complainant_name), search_fold(NEW.child_name),"
	"    search_fold(NEW.summary || ' ' || NEW.desired || ' ' || NEW.contact));"
	"  END;",
	/* 13: devices and the register (include/tellus/sync.h). At the
	 * register: its key pairs, the devices it enrolled with each one's
	 * mark (kept for ever), the hash of every move applied, which device
	 * logged a case, and the moves it refused. On a device: itself, and
	 * the moves it made that the register has not acknowledged
	 * (AUTOINCREMENT: a number is never used twice, even after the moves
	 * below the mark are dropped), and the cases the register sent back. */
	"CREATE TABLE sync_keys(key_id INTEGER PRIMARY KEY, register_id BLOB NOT NULL,"
	"  box_pk BLOB NOT NULL, box_sk BLOB NOT NULL, sign_pk BLOB NOT NULL,"
	"  sign_sk BLOB NOT NULL, created TEXT NOT NULL);"
	"CREATE TABLE sync_devices(code TEXT NOT NULL, epoch INTEGER NOT NULL,"
	"  name TEXT NOT NULL, role TEXT NOT NULL CHECK(role IN ('kiosk','officer','desk')),"
	"  key_id INTEGER NOT NULL REFERENCES sync_keys(key_id),"
	"  sign_pk BLOB NOT NULL, box_pk BLOB NOT NULL, install_id BLOB,"
	"  added TEXT NOT NULL, revoked TEXT, mark INTEGER NOT NULL DEFAULT 0,"
	"  last_day TEXT, last_in TEXT, PRIMARY KEY(code, epoch));"
	"CREATE TABLE sync_applied(code TEXT NOT NULL, epoch INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY(code, epoch, seq)) WITHOUT ROWID;"
	"CREATE TABLE sync_origin(case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  code TEXT NOT NULL);"
	"CREATE INDEX sync_origin_code ON sync_origin(code);"
	"CREATE TABLE sync_conflicts(id INTEGER PRIMARY KEY, code TEXT NOT NULL,"
	"  epoch INTEGER NOT NULL, seq INTEGER NOT NULL, ref TEXT NOT NULL DEFAULT '',"
	"  move TEXT NOT NULL, day TEXT NOT NULL, actor TEXT NOT NULL, body TEXT NOT NULL,"
	"  reason TEXT NOT NULL, received TEXT NOT NULL, settled TEXT, settled_by TEXT,"
	"  note TEXT, UNIQUE(code, epoch, seq));"
	"CREATE TABLE sync_self(id INTEGER PRIMARY KEY CHECK(id = 1), code TEXT NOT NULL,"
	"  name TEXT NOT NULL, role TEXT NOT NULL, epoch INTEGER NOT NULL,"
	"  register_id BLOB NOT NULL, key_id INTEGER NOT NULL, register_box_pk BLOB NOT NULL,"
	"  register_sign_pk BLOB NOT NULL, sign_sk BLOB NOT NULL, box_pk BLOB NOT NULL,"
	"  box_sk BLOB NOT NULL, install_id BLOB NOT NULL, joined TEXT NOT NULL,"
	"  acked INTEGER NOT NULL DEFAULT 0, replies INTEGER NOT NULL DEFAULT 0,"
	"  reply_serial INTEGER NOT NULL DEFAULT 0, last_reply TEXT, last_out TEXT,"
	"  refused INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE sync_moves(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  ref TEXT NOT NULL DEFAULT '', body TEXT NOT NULL);"
	"CREATE INDEX sync_moves_ref ON sync_moves(ref);"
	"CREATE TABLE sync_taken(case_id INTEGER PRIMARY KEY REFERENCES cases(id),"
	"  at TEXT NOT NULL);",
	/* 14: why the cases assessed before migration 11 were assessed so:
	 * until it, the reason was written in the audit trail only ("procedure
	 * A -> B: why"), from which it is taken for the cases whose
	 * assessed_why is still empty. Then running totals that a bulk writer
	 * may defer (rule 9 of tally.sql.h). While tally_deferred()
	 * (store_sql.c) is true, the triggers of migrations 5 and 9 (kept as
	 * they are, panel condition and all) give way to ones that take away
	 * what a stage counted the first time it is touched and note it in
	 * tally_touched, and the triggers that keep cases.causes_key
	 * (migration 3) and stages.counted (migration 6) only note the case or
	 * stage; the
	 * outermost commit sets those and counts every noted stage once
	 * (TALLY_SETTLE_BEFORE, store_tally_add.c), leaving both tables empty, as they are at
	 * every commit. The counted flag and causes_key are written only when
	 * they change, so that a writer that sets them right in its INSERT
	 * (case_insert) costs no UPDATE. */
	"UPDATE cases SET assessed_why = coalesce((SELECT CASE WHEN instr(a.detail, ': ') > 0"
	"  THEN substr(a.detail, instr(a.detail, ': ') + 2) ELSE '' END FROM audit a"
	"  WHERE a.action = 'assess' AND a.ref = cases.ref ORDER BY a.id DESC LIMIT 1), '')"
	"  WHERE assessed_why = '' AND ref IN (SELECT ref FROM audit WHERE action = 'assess');"
	"CREATE TABLE tally_touched(stage_id INTEGER PRIMARY KEY);"
	"CREATE TABLE tally_cases_touched(case_id INTEGER PRIMARY KEY);"
	"DROP TRIGGER tally_stage_insert;"
	"DROP TRIGGER tally_stage_delete;"
	"DROP TRIGGER tally_stage_update_old;"
	"DROP TRIGGER tally_stage_update_new;"
	"DROP TRIGGER tally_case_update_old;"
	"DROP TRIGGER tally_case_update_new;"
	"DROP TRIGGER stages_counted_insert;"
	"DROP TRIGGER case_causes_key_insert;"
	"DROP TRIGGER case_causes_key_delete;"
	"DROP TRIGGER case_causes_key_update;"
	"CREATE TRIGGER tally_stage_insert AFTER INSERT ON stages WHEN NOT tally_deferred()"
	"  BEGIN " MIG5_TALLY("+", "stage_id = NEW.id") " END;"
	"CREATE TRIGGER tally_stage_delete BEFORE DELETE ON stages WHEN NOT tally_deferred()"
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id") " END;"
	"CREATE TRIGGER tally_stage_update_old BEFORE UPDATE ON stages WHEN NOT tally_deferred()"
	"  AND " MIG9_STAGE_CHANGED " BEGIN " MIG5_TALLY("-", "stage_id = OLD.id") " END;"
	"CREATE TRIGGER tally_stage_update_new AFTER UPDATE ON stages WHEN NOT tally_deferred()"
	"  AND " MIG9_STAGE_CHANGED " BEGIN " MIG5_TALLY("+", "stage_id = NEW.id") " END;"
	"CREATE TRIGGER tally_case_update_old BEFORE UPDATE ON cases WHEN NOT tally_deferred()"
	"  AND " MIG5_CASE_CHANGED " BEGIN " MIG5_TALLY("-", "case_id = OLD.id") " END;"
	"CREATE TRIGGER tally_case_update_new AFTER UPDATE ON cases WHEN NOT tally_deferred()"
	"  AND " MIG5_CASE_CHANGED " BEGIN " MIG5_TALLY("+", "case_id = NEW.id") " END;"
	"CREATE TRIGGER tally_stage_insert_deferred AFTER INSERT ON stages WHEN tally_deferred()"
	"  AND " MIG14_UNNOTED("NEW.id") " BEGIN INSERT INTO tally_touched VALUES(NEW.id); END;"
	"CREATE TRIGGER tally_stage_delete_deferred BEFORE DELETE ON stages WHEN tally_deferred()"
	"  AND " MIG14_UNNOTED("OLD.id")
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id")
	"  INSERT INTO tally_touched VALUES(OLD.id); END;"
	"CREATE TRIGGER tally_stage_update_deferred BEFORE UPDATE ON stages WHEN tally_deferred()"
	"  AND " MIG9_STAGE_CHANGED " AND " MIG14_UNNOTED("OLD.id")
	"  BEGIN " MIG5_TALLY("-", "stage_id = OLD.id")
	"  INSERT INTO tally_touched VALUES(OLD.id); END;"
	"CREATE TRIGGER tally_stage_update_deferred_new AFTER UPDATE ON stages WHEN tally_deferred()"
	"  AND " MIG9_STAGE_CHANGED " AND " MIG14_UNNOTED("NEW.id")
	"  BEGIN INSERT INTO tally_touched VALUES(NEW.id); END;"
	"CREATE TRIGGER tally_case_update_deferred BEFORE UPDATE ON cases WHEN tally_deferred()"
	"  AND " MIG5_CASE_CHANGED " BEGIN "
	MIG5_TALLY("-", "case_id = OLD.id AND " MIG14_UNNOTED("tally_rows.stage_id"))
	"  " MIG14_NOTE_STAGES("OLD.id") " END;"
	"CREATE TRIGGER tally_case_update_deferred_new AFTER UPDATE ON cases WHEN tally_deferred()"
	"  AND " MIG5_CASE_CHANGED " BEGIN"
	"  " MIG14_NOTE_STAGES("NEW.id") " END;"
	"CREATE TRIGGER stages_counted_insert AFTER INSERT ON stages WHEN NOT tally_deferred()"
	"  AND NEW.counted IS NOT " MIG14_COUNTED("NEW.case_id") " BEGIN" MIG6_STAGE_COUNTED
	"CREATE TRIGGER case_causes_key_insert AFTER INSERT ON case_causes WHEN NOT tally_deferred()"
	"  AND (SELECT causes_key FROM cases WHERE id = NEW.case_id) IS NOT "
	MIG14_CAUSES_KEY("NEW.case_id") " BEGIN"
	"  UPDATE cases SET causes_key = " MIG14_CAUSES_KEY("NEW.case_id") " WHERE id = NEW.case_id;"
	"  END;"
	"CREATE TRIGGER case_causes_key_delete AFTER DELETE ON case_causes WHEN NOT tally_deferred()"
	"  BEGIN"
	"  UPDATE cases SET causes_key = " MIG14_CAUSES_KEY("OLD.case_id") " WHERE id = OLD.case_id;"
	"  END;"
	"CREATE TRIGGER case_causes_key_update AFTER UPDATE ON case_causes WHEN NOT tally_deferred()"
	"  BEGIN"
	"  UPDATE cases SET causes_key = " MIG14_CAUSES_KEY("cases.id")
	"    WHERE id IN (OLD.case_id, NEW.case_id);"
	"  END;"
	"CREATE TRIGGER case_causes_key_insert_deferred AFTER INSERT ON case_causes"
	"  WHEN tally_deferred() AND " MIG14_CASE_UNNOTED("NEW.case_id")
	"  BEGIN INSERT INTO tally_cases_touched VALUES(NEW.case_id); END;"
	"CREATE TRIGGER case_causes_key_delete_deferred AFTER DELETE ON case_causes"
	"  WHEN tally_deferred() AND " MIG14_CASE_UNNOTED("OLD.case_id")
	"  BEGIN INSERT INTO tally_cases_touched VALUES(OLD.case_id); END;"
	"CREATE TRIGGER case_causes_key_update_deferred AFTER UPDATE ON case_causes"
	"  WHEN tally_deferred() BEGIN"
	"  " MIG14_NOTE_CASE("OLD.case_id") MIG14_NOTE_CASE("NEW.case_id") " END;",
	/* 15: a bulk writer (rule 9 of tally.sql.h) defers the search index
	 * and the open stages too (rule 10). While tally_deferred(), a new
	 * case is only noted in search_touched, and the outermost commit
	 * indexes the noted cases in one statement (FTS5 writes its index out
	 * at the end of every statement: one a case was a third of the time
	 * of an import of 20,000 cases); a change to a noted case leaves the index
	 * alone, as the commit reads the case as it is then. A new stage no
	 * longer sets its case's open stage while deferred: the commit sets
	 * the open stage of the cases of the noted stages where it is wrong
	 * (none, when the writer set it right in its INSERT). */
	"CREATE TABLE search_touched(case_id INTEGER PRIMARY KEY);"
	"DROP TRIGGER case_search_insert;"
	"DROP TRIGGER case_search_update;"
	"DROP TRIGGER cases_open_stage_insert;"
	"CREATE TRIGGER case_search_insert AFTER INSERT ON cases WHEN NOT tally_deferred() BEGIN"
	"  INSERT INTO case_search(rowid, ref, complainant, child, words)"
	"    VALUES(" MIG15_SEARCH_VALUES("NEW.") ");"
	"  END;"
	"CREATE TRIGGER case_search_insert_deferred AFTER INSERT ON cases WHEN tally_deferred()"
	"  AND NOT EXISTS (SELECT 1 FROM search_touched WHERE case_id = NEW.id)"
	"  BEGIN INSERT INTO search_touched VALUES(NEW.id); END;"
	"CREATE TRIGGER case_search_update AFTER UPDATE OF ref, complainant_name, child_name,"
	"  summary, desired, contact ON cases"
	"  WHEN NOT EXISTS (SELECT 1 FROM search_touched WHERE case_id = OLD.id) BEGIN"
	"  INSERT INTO case_search(case_search, rowid, ref, complainant, child, words)"
	"    VALUES('delete', " MIG15_SEARCH_VALUES("OLD.") ");"
	"  INSERT INTO case_search(rowid, ref, complainant, child, words)"
	"    VALUES(" MIG15_SEARCH_VALUES("NEW.") ");"
	"  END;"
	"CREATE TRIGGER cases_open_stage_insert AFTER INSERT ON stages WHEN NOT tally_deferred()"
	"  BEGIN " MIG11_SET_OPEN("NEW.case_id") " END;",
};

#define SCHEMA_N_MIGRATIONS (sizeof SCHEMA_MIGRATIONS / sizeof SCHEMA_MIGRATIONS[0])

#endif
