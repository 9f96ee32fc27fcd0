-- title: Table 2: Complaints received at each stage
-- header: stage,previous,current
-- columns: Stage|{prev}|{cur}
-- chart: previous,current
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Stages started in each year (stage 1: received; 2 and 3: requested).
WITH s(stage) AS (VALUES (1), (2), (3)),
c AS (
	SELECT stage, sum(CASE s_year WHEN 0 THEN n END) AS prev,
	       sum(CASE s_year WHEN 1 THEN n END) AS cur
	FROM report_counts WHERE s_year >= 0 GROUP BY stage)
SELECT s.stage, coalesce(c.prev, 0), coalesce(c.cur, 0), 'Stage ' || s.stage
FROM s LEFT JOIN c USING (stage) ORDER BY s.stage;
