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
 *  2. Triggers keep rule 1 whoever writes through the store (but for rule
 *     11's bulk write of new cases, whose causes only case_store.c gives):
 *     a change to a
 *     stage or case that tally_rows reads takes away what its old rows
 *     counted (BEFORE) and adds what its new rows count (AFTER), inside
 *     the writer's transaction (tally_stage_*, tally_case_* of migration 5;
 *     case_causes reach them through cases.causes_key, migration 3). A
 *     group that falls to n = 0 stays as a row; readers skip it.
 *     Migration 9 made tally_rows again (stage 3's band counts the days
 *     from the request to the panel) and with it the stage update
 *     triggers, which now follow the panel too: a column tally_rows reads
 *     is always one the triggers watch (migration 14 keeps that test).
 *  3. Only connections that registered workdays() and tally_deferred()
 *     change what the totals count: the triggers call them, so a
 *     connection without them (the sqlite3 shell) is refused ("no such
 *     function: tally_deferred") rather than leaving the totals wrong.
 *     store_open registers them (store_sql.c) before any migration or
 *     write.
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
 *     that drops and re-creates what it changes, and these follow it
 *     (migration 14 re-created rule 2's triggers for rule 9).
 *  8. cases.open_stage (migration 11) is the number of a case's latest
 *     stage while that has no response, else 0, kept by triggers on
 *     stages (cases_open_stage_*); the lists read it through the index
 *     cases_open. store_check counts the cases where it is not so,
 *     store_tally_rebuild sets them again (OPEN_STAGE_* below).
 *  9. Deferred totals. A writer that is about to change many stages in
 *     one transaction (csvio_import: a whole file, store_bulk; sync_in: a
 *     bundle, store_defer) says so inside its outermost level; until that
 *     level ends, tally_deferred() is true and rule 2's triggers give
 *     way to migration 14's deferred ones, which take away what a stage
 *     counted the first time it is touched (BEFORE an UPDATE or DELETE)
 *     and note its id in tally_touched (inserts too). The outermost
 *     commit (store_commit) first adds what every noted stage counts
 *     now, grouped (TALLY_SETTLE_BEFORE, store_tally_add.c), and empties
 *     tally_touched, so rule 1 holds at every commit and tally_touched
 *     is empty after it; a rollback,
 *     whole or to a savepoint, undoes the notes with the changes. The
 *     same goes for cases.causes_key and rule 6's counted flags, whose
 *     triggers only note the case (tally_cases_touched) or stage while
 *     deferred; the commit sets them before it counts. Each touched
 *     stage is taken away once, as it stood before, and added once, as it
 *     stands at the commit.
 * 10. The search index and the open stages are deferred with the totals
 *     (migration 15): while tally_deferred(), a new case is noted in
 *     search_touched and a new stage sets no open stage; the outermost
 *     commit first sets the open stage of the cases of the noted stages
 *     where it is wrong (rule 8) and indexes the noted cases in one
 *     statement (BULK_SETTLE_DERIVED), then counts (rule 9). FTS5 writes
 *     its index out at the end of every statement, so one statement for
 *     the whole file is what makes the deferral pay.
 * 11. A bulk write of new cases only (store_bulk_new_cases: a file of
 *     cases) never gives a stage to a case stored before it. Its INSERT
 *     triggers on cases, stages and case_causes are dropped inside its
 *     transaction, since each trigger fired costs a frame and a statement
 *     journal even when its WHEN is false. Causes given to a case stored
 *     before it are noted by the one place that writes causes
 *     (case_store.c, through store_bulk_new_causes; tests/security checks
 *     that no other code writes them). At its outermost commit:
 *      - a stage given to an older case fails the commit;
 *      - if every case after the last one stored before it already has
 *        the open stage, causes_key and counted flags the settle would
 *        set (BULK_NEW_DERIVED_OK: case_store.c writes them so), those
 *        cases are indexed for search by their ids (BULK_NEW_SEARCH) and
 *        their stages counted into the totals by their ids with the noted
 *        ones (store_tally_add.c), nothing noted;
 *      - else they and their stages are noted, as the deferred INSERT
 *        triggers would have (search_touched, tally_touched,
 *        tally_cases_touched), and settled as rules 9 and 10 say (the
 *        notes come first: the UPDATE triggers take nothing away from a
 *        noted stage);
 *      - the triggers are made again from their text.
 *     A rollback brings the triggers back with the rest. The UPDATE and
 *     DELETE triggers stay and note what they touch as rule 9 says. */
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

/* Rule 9, at the outermost commit: causes_key (migration 3) of the cases
 * whose causes changed, and the counted flag (migration 6) of the stages
 * noted, set as their own triggers would have (the first UPDATE notes the
 * stages of a case whose key changed) (TALLY_SETTLE_BEFORE); then what
 * every noted stage counts now, read once from TALLY_TOUCHED_ROWS
 * (tally_rows counts working days for each), added to both totals group
 * by group (store_tally_add.c); then the notes emptied
 * (TALLY_SETTLE_AFTER). */
#define TALLY_CAUSES_KEY(id)                                                          \
	"(SELECT CASE count(*) WHEN 0 THEN '' WHEN 1 THEN min(cause) ELSE '*' END"   \
	" FROM case_causes WHERE case_id = " id ")"
#define TALLY_COUNTED_OF(id)                                                          \
	"(SELECT kind = 'complaint' AND procedure = 'statutory' FROM cases WHERE id = " id ")"
/* The tally_rows of the noted stages, read from the notes out (CROSS JOIN
 * keeps that order): a few hundred new cases in a register of a million
 * read a few hundred rows, not the million. */
#define TALLY_TOUCHED_ROWS                                                            \
	"tally_touched t CROSS JOIN tally_rows r WHERE r.stage_id = t.stage_id"
/* The search index's row of each case c the statement reads. */
#define CASE_SEARCH_INSERT                                                            \
	"INSERT INTO case_search(rowid, ref, complainant, child, words)"              \
	" SELECT c.id, c.ref, search_fold(c.complainant_name), search_fold(c.child_name)," \
	" search_fold(c.summary || ' ' || c.desired || ' ' || c.contact)"
/* Rule 10, the first part of TALLY_SETTLE_BEFORE. */
#define BULK_SETTLE_DERIVED                                                           \
	"UPDATE cases SET open_stage = " OPEN_STAGE_OF("cases.id")                    \
	" WHERE id IN (SELECT s.case_id FROM tally_touched t CROSS JOIN stages s"     \
	" ON s.id = t.stage_id) AND " OPEN_STAGE_WRONG ";"                            \
	CASE_SEARCH_INSERT " FROM search_touched t CROSS JOIN cases c ON c.id = t.case_id;" \
	"DELETE FROM search_touched;"
#define TALLY_SETTLE_BEFORE                                                           \
	BULK_SETTLE_DERIVED                                                           \
	"UPDATE cases SET causes_key = " TALLY_CAUSES_KEY("cases.id")                 \
	" WHERE id IN (SELECT case_id FROM tally_cases_touched)"                     \
	" AND causes_key IS NOT " TALLY_CAUSES_KEY("cases.id") ";"                   \
	"UPDATE stages SET counted = " TALLY_COUNTED_OF("stages.case_id")             \
	" WHERE id IN (SELECT stage_id FROM tally_touched)"                          \
	" AND counted IS NOT " TALLY_COUNTED_OF("stages.case_id") ";"
#define TALLY_SETTLE_AFTER "DELETE FROM tally_touched; DELETE FROM tally_cases_touched;"

/* Rule 11, for the cases after ?1 (a bulk write's new ones), read by
 * their ids: whether every open stage, causes_key and counted flag is
 * already what the settle would set (1), as case_store.c writes them; and
 * then their search rows. Where one is not, the cases are noted instead
 * and the settle sets it. */
#define BULK_NEW_DERIVED_OK                                                           \
	"SELECT NOT EXISTS(SELECT 1 FROM cases WHERE id > ?1 AND (" OPEN_STAGE_WRONG    \
	" OR causes_key IS NOT " TALLY_CAUSES_KEY("cases.id") "))"                    \
	" AND NOT EXISTS(SELECT 1 FROM stages WHERE case_id > ?1"                      \
	" AND counted IS NOT " TALLY_COUNTED_OF("stages.case_id") ")"
#define BULK_NEW_SEARCH CASE_SEARCH_INSERT " FROM cases c WHERE c.id > ?1"

#endif
