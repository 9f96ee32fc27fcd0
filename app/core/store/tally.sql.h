/* tally.sql.h - private: the annual report's running totals (tally_stages,
 * tally_people): the rules that keep them true, and the count from scratch
 * that store_check.c compares them with and store_tally.c rebuilds them
 * from. Their tables, view (tally_rows) and triggers are migration 5 in
 * schema.sql.h, made of its own frozen MIG5_* texts.
 *
 *  1. After every commit, the totals equal a count from scratch: the rows
 *     of tally_stages and tally_people with n <> 0 are exactly
 *     TALLY_COUNT_STAGES and TALLY_COUNT_PEOPLE over tally_rows (statutory
 *     complaint stages with their case). store_check counts the groups
 *     that differ (tellus check); tests/unit/test_tally.c checks after
 *     every move.
 *  2. Triggers keep rule 1 whoever writes through the store: a change to a
 *     stage or case that tally_rows reads takes away what its old rows
 *     counted (BEFORE) and adds what its new rows count (AFTER), inside
 *     the writer's transaction (tally_stage_*, tally_case_* of migration 5;
 *     case_causes reach them through cases.causes_key, migration 3). A
 *     group that falls to n = 0 stays as a row; readers skip it.
 *     Migration 9 made tally_rows again (stage 3's band counts the days
 *     from the request to the panel) and with it the stage update
 *     triggers, which now follow the panel too: a column tally_rows reads
 *     is always one the triggers watch.
 *  3. Only connections that registered workdays() change what the totals
 *     count: the triggers read tally_rows, which calls it, so a connection
 *     without it (the sqlite3 shell) is refused ("no such function:
 *     workdays") rather than leaving the totals wrong. store_open registers
 *     it (store_sql.c) before any migration or write.
 *  4. INSERT OR REPLACE keeps rule 1 only because store_open turns on
 *     recursive_triggers: the rows it removes go through the delete
 *     triggers. UPDATE OR IGNORE of stages that meets a conflict skips the
 *     AFTER trigger and breaks rule 1; Tellus never writes that form.
 *     Where rule 1 is broken all the same, store_tally_rebuild (tellus
 *     check --rebuild-tallies) counts again from scratch.
 *  5. days are working days on the statutory calendar of the build that
 *     counted them: store_meta.tally_calendar names it, and a build with
 *     another one counts again when it opens the file (store_tally_sync).
 *  6. stages.counted (migration 6) is 1 exactly for a stage of a statutory
 *     complaint, kept by triggers from its case; store_check counts the
 *     stages where it is not, store_tally_rebuild sets them again.
 *  7. A shipped migration never changes: migration 5 is made of MIG5_*,
 *     the texts below are the check's and the rebuild's alone (they began
 *     as copies). Changing them changes what is checked, never what a
 *     migration made. Changing the totals themselves is a new migration
 *     that drops and re-creates what it changes, and these follow it.
 *  8. cases.open_stage (migration 11) is the number of a case's latest
 *     stage while that has no response, else 0, kept by triggers on
 *     stages (cases_open_stage_*); the lists read it through the index
 *     cases_open. store_check counts the cases where it is not so,
 *     store_tally_rebuild sets them again (OPEN_STAGE_* below). */
#ifndef TELLUS_TALLY_SQL_H
#define TELLUS_TALLY_SQL_H

/* Both running totals counted from scratch from tally_rows, group by
 * group, in the columns of tally_stages and tally_people. */
#define TALLY_COUNT_STAGES                                                            \
	"SELECT stage, s_fy, r_fy, outcome, cause, band, count(*), sum(days)"        \
	" FROM tally_rows GROUP BY 1, 2, 3, 4, 5, 6"
#define TALLY_COUNT_PEOPLE                                                            \
	"SELECT s_fy, area, complainant, on_behalf, count(*)"                        \
	" FROM tally_rows WHERE stage = 1 GROUP BY 1, 2, 3, 4"

/* A case's open stage counted from scratch (rule 8), for the case whose
 * id is the SQL id; the cases where the kept one differs. */
#define OPEN_STAGE_OF(id)                                                             \
	"coalesce((SELECT CASE WHEN responded IS NULL THEN stage ELSE 0 END FROM stages" \
	" WHERE case_id = " id " ORDER BY stage DESC LIMIT 1), 0)"
#define OPEN_STAGE_WRONG "cases.open_stage IS NOT " OPEN_STAGE_OF("cases.id")

#endif
