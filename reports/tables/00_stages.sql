-- A setup step (no header: it makes no table). The statutory complaint
-- stages that the tables read, gathered once per report with one pass:
-- every stage started or answered in the two years, with the year it
-- started in (s_year: 1 this year, 0 the last, NULL before), the year it
-- was answered or withdrawn in (r_year), the working days it took less
-- the days its clock stood still, and for stage 1 who raised it and its
-- cause: the one cause's code, '*' for two or more, NULL for none (kept
-- with the case by triggers, see migration 3 in app/core/schema.sql.h).
DROP TABLE IF EXISTS temp.report_stages;
CREATE TEMP TABLE report_stages AS
SELECT t.case_id, t.stage, t.outcome, c.complainant, c.on_behalf, c.service_area,
       CASE WHEN t.started >= :cur_from THEN 1 WHEN t.started >= :prev_from THEN 0 END AS s_year,
       CASE WHEN t.responded > :cur_to THEN NULL WHEN t.responded >= :cur_from THEN 1
            WHEN t.responded >= :prev_from THEN 0 END AS r_year,
       workdays(t.started, t.responded) - t.paused_days AS days,
       CASE WHEN t.stage = 1 AND t.responded BETWEEN :prev_from AND :cur_to THEN
            nullif(c.causes_key, '') END AS cause
FROM (SELECT stage, started, responded, case_id, outcome, paused_days
      FROM stages WHERE stage IN (1, 2, 3) AND started BETWEEN :prev_from AND :cur_to
      UNION ALL
      SELECT stage, started, responded, case_id, outcome, paused_days
      FROM stages WHERE stage IN (1, 2, 3) AND responded BETWEEN :prev_from AND :cur_to
        AND started < :prev_from) AS t
JOIN cases c ON c.id = t.case_id
WHERE c.kind = 'complaint' AND c.procedure = 'statutory';
