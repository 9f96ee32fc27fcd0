/* schema_undo.h - takes a test's database back from migration 11 (issue 14
 * and 17: acknowledgements, extension dates, kept rules, indexes of open
 * cases) to the schema before it, so a test can open a file as an older
 * build left it. */
#ifndef TELLUS_TEST_SCHEMA_UNDO_H
#define TELLUS_TEST_SCHEMA_UNDO_H

#define MIG11_UNDO                                                                     \
	"DROP INDEX cases_flagged; DROP INDEX cases_open; DROP INDEX stages_open_due;"   \
	"DROP TRIGGER cases_open_stage_insert; DROP TRIGGER cases_open_stage_update;"  \
	"DROP TRIGGER cases_open_stage_delete; ALTER TABLE cases DROP COLUMN open_stage;" \
	"CREATE INDEX stages_open ON stages(responded, due); ALTER TABLE cases DROP COLUMN rules;" \
	"DROP TABLE profile_rules; ALTER TABLE cases DROP COLUMN assessed_why;"         \
	"ALTER TABLE stages DROP COLUMN extended_on; ALTER TABLE stages DROP COLUMN acknowledged;"

#endif
