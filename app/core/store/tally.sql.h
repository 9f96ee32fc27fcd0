/* tally.sql.h - private: the SQL pieces of the annual report's running
 * totals (tally_stages, tally_people): migration 5 (schema.sql.h) builds
 * them and their triggers, store_check.c counts them again from scratch.
 * Migration 5 is made of these texts: never change them once shipped; a
 * change is a new migration that drops and re-creates what it changes. */
#ifndef TELLUS_TALLY_SQL_H
#define TELLUS_TALLY_SQL_H

/* The financial year a date falls in (2024 for 2024-04-01 to 2025-03-31);
 * NULL for no date. */
#define TALLY_FY(d) "(CAST(substr(" d ", 1, 4) AS INTEGER) - (substr(" d ", 6, 2) < '04'))"
/* Adds (sign "+") or takes away ("-") what the tally_rows matching where
 * count, in both running totals. */
#define TALLY(sign, where)                                                              \
	"INSERT INTO tally_stages SELECT stage, s_fy, r_fy, outcome, cause, band, "    \
	sign "1, " sign "days FROM tally_rows WHERE " where                           \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n, days = days + excluded.days;" \
	"INSERT INTO tally_people SELECT s_fy, area, complainant, on_behalf, " sign "1" \
	" FROM tally_rows WHERE stage = 1 AND " where                                 \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n;"
/* Both running totals counted from scratch, as migration 5 fills them and
 * store_check() compares them (store_check.c). */
#define TALLY_COUNT_STAGES                                                            \
	"SELECT stage, s_fy, r_fy, outcome, cause, band, count(*), sum(days)"        \
	" FROM tally_rows GROUP BY 1, 2, 3, 4, 5, 6"
#define TALLY_COUNT_PEOPLE                                                            \
	"SELECT s_fy, area, complainant, on_behalf, count(*)"                        \
	" FROM tally_rows WHERE stage = 1 GROUP BY 1, 2, 3, 4"
#define TALLY_STAGE_CHANGED                                                          \
	"(OLD.case_id IS NOT NEW.case_id OR OLD.stage IS NOT NEW.stage OR"           \
	" OLD.started IS NOT NEW.started OR OLD.opened IS NOT NEW.opened OR"         \
	" OLD.responded IS NOT NEW.responded OR"                                      \
	" OLD.outcome IS NOT NEW.outcome OR OLD.paused_days IS NOT NEW.paused_days)"
#define TALLY_CASE_CHANGED                                                           \
	"(OLD.kind IS NOT NEW.kind OR OLD.procedure IS NOT NEW.procedure OR"         \
	" OLD.complainant IS NOT NEW.complainant OR OLD.on_behalf IS NOT NEW.on_behalf" \
	" OR OLD.service_area IS NOT NEW.service_area OR"                             \
	" OLD.causes_key IS NOT NEW.causes_key)"

#endif
