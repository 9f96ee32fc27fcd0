-- title: Table 2: Complaints received at each stage
-- header: stage,previous,current
-- columns: Stage|{prev}|{cur}
-- chart: previous,current
-- Stages started in each year (stage 1: received; 2 and 3: requested).
WITH s(stage) AS (VALUES (1), (2), (3)),
n AS (
	SELECT stage, sum(s_year = 0) AS prev, sum(s_year = 1) AS cur
	FROM report_stages WHERE s_year IS NOT NULL GROUP BY stage)
SELECT s.stage, coalesce(n.prev, 0), coalesce(n.cur, 0), 'Stage ' || s.stage
FROM s LEFT JOIN n USING (stage) ORDER BY s.stage;
