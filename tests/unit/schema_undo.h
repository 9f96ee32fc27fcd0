/* schema_undo.h - takes a test's database back from migration 15 (the
 * search index and open stages deferred too), 14 (the deferred running
 * totals), 13 (w2-sync: devices and the register), 12
 * (issue 14's names, lists, corrections, letters, equalities, search) and
 * 11 (issue 14 and 17: acknowledgements, extension dates, kept rules,
 * indexes of open cases) to the schema before each, so a test can open a
 * file as an older build left it. Undo the later first. */
#ifndef TELLUS_TEST_SCHEMA_UNDO_H
#define TELLUS_TEST_SCHEMA_UNDO_H

/* Migration 15's own trigger and table; the triggers it re-created stay
 * (migration 12's undo drops the search ones, 11's the open stage's). */
#define MIG15_UNDO                                                                     \
	"DROP TRIGGER case_search_insert_deferred; DROP TABLE search_touched;"

/* Migration 14's own triggers and tables; the ones it re-created with
 * WHEN NOT tally_deferred() stay, as they count the same outside a bulk
 * write, and the migration drops them again when it runs. */
#define MIG14_UNDO                                                                     \
	"DROP TRIGGER tally_stage_insert_deferred; DROP TRIGGER tally_stage_delete_deferred;" \
	"DROP TRIGGER tally_stage_update_deferred; DROP TRIGGER tally_stage_update_deferred_new;" \
	"DROP TRIGGER tally_case_update_deferred; DROP TRIGGER tally_case_update_deferred_new;" \
	"DROP TRIGGER case_causes_key_insert_deferred;"                                   \
	"DROP TRIGGER case_causes_key_delete_deferred;"                                   \
	"DROP TRIGGER case_causes_key_update_deferred;"                                   \
	"DROP TABLE tally_touched; DROP TABLE tally_cases_touched;"

/* Migration 12's tables and columns (the Ombudsman's table, made again
 * with the same columns, stays: the migration makes it again from itself). */
#define MIG12_UNDO                                                                     \
	"DROP TRIGGER case_search_insert; DROP TRIGGER case_search_update;"              \
	"DROP TABLE case_search; DROP TABLE equalities; DROP TABLE letters;"             \
	"DROP TABLE case_revisions; DROP TABLE services; DROP TABLE teams;"              \
	"ALTER TABLE costs DROP COLUMN voided; ALTER TABLE costs DROP COLUMN void_reason;" \
	"ALTER TABLE cases DROP COLUMN complainant_name;"                                \
	"ALTER TABLE cases DROP COLUMN child_name; ALTER TABLE cases DROP COLUMN retained;"

#define MIG11_UNDO                                                                     \
	"DROP INDEX cases_flagged; DROP INDEX cases_open; DROP INDEX stages_open_due;"   \
	"DROP TRIGGER cases_open_stage_insert; DROP TRIGGER cases_open_stage_update;"  \
	"DROP TRIGGER cases_open_stage_delete; ALTER TABLE cases DROP COLUMN open_stage;" \
	"CREATE INDEX stages_open ON stages(responded, due); ALTER TABLE cases DROP COLUMN rules;" \
	"DROP TABLE profile_rules; ALTER TABLE cases DROP COLUMN assessed_why;"         \
	"ALTER TABLE stages DROP COLUMN extended_on; ALTER TABLE stages DROP COLUMN acknowledged;"

/* Migration 13 (w2-sync: devices and the register): its tables
 * go first, or opening the file again would make them twice. */
#define MIG13_UNDO                                                                    \
	"DROP TABLE sync_keys; DROP TABLE sync_devices; DROP TABLE sync_applied;"        \
	"DROP TABLE sync_origin; DROP TABLE sync_conflicts; DROP TABLE sync_self;"       \
	"DROP TABLE sync_moves; DROP TABLE sync_taken;"

#endif
