-- A setup step (no header: it makes no table). The statutory complaint
-- stages that the tables read, gathered once per report with one join:
-- every stage started or answered in the two years, with the year it
-- started in (s_year: 1 this year, 0 the last, NULL before), the year it
-- was answered or withdrawn in (r_year), and the working days it took
-- less the days its clock stood still. Stage 1 carries who raised it.
DROP TABLE IF EXISTS temp.report_stages;
CREATE TEMP TABLE report_stages AS
SELECT t.case_id, t.stage, t.started, t.responded, t.outcome, t.extended, t.panel,
       t.paused_days, c.complainant, c.on_behalf, c.service_area,
       CASE WHEN t.started >= :cur_from THEN 1 WHEN t.started >= :prev_from THEN 0 END AS s_year,
       CASE WHEN t.responded > :cur_to THEN NULL WHEN t.responded >= :cur_from THEN 1
            WHEN t.responded >= :prev_from THEN 0 END AS r_year,
       workdays(t.started, t.responded) - t.paused_days AS days
FROM (SELECT stage, started, responded, case_id, outcome, paused_days, extended, panel
      FROM stages WHERE stage IN (1, 2, 3) AND started BETWEEN :prev_from AND :cur_to
      UNION ALL
      SELECT stage, started, responded, case_id, outcome, paused_days, extended, panel
      FROM stages WHERE stage IN (1, 2, 3) AND responded BETWEEN :prev_from AND :cur_to
        AND started < :prev_from) AS t
JOIN cases c ON c.id = t.case_id
WHERE c.kind = 'complaint' AND c.procedure = 'statutory';
-- The cause each stage 1 answered in the two years counts under: its one
-- cause, Multiple for two or more, Not recorded for none.
DROP TABLE IF EXISTS temp.report_causes;
CREATE TEMP TABLE report_causes AS
WITH k AS (
	SELECT s.case_id, s.r_year, s.outcome, count(cc.cause) AS n, min(cc.cause) AS one
	FROM report_stages s LEFT JOIN case_causes cc ON cc.case_id = s.case_id
	WHERE s.stage = 1 AND s.r_year IS NOT NULL
	GROUP BY s.case_id)
SELECT k.case_id, k.r_year, k.outcome,
       CASE k.n WHEN 0 THEN 'Not recorded' WHEN 1 THEN coalesce(x.label, k.one)
       ELSE 'Multiple' END AS cause
FROM k LEFT JOIN causes x ON x.code = k.one;
