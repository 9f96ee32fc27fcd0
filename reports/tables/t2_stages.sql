-- title: Table 2: Complaints received at each stage
-- header: stage,previous,current
-- columns: Stage|{prev}|{cur}
-- chart: previous,current
-- Stages started in each year (stage 1: received; 2 and 3: requested).
WITH s(stage) AS (VALUES (1), (2), (3)),
n AS (
	SELECT t.stage, sum(t.started < :cur_from) AS prev, sum(t.started >= :cur_from) AS cur
	FROM stages t JOIN cases c ON c.id = t.case_id
	WHERE t.stage IN (1, 2, 3) AND t.started BETWEEN :prev_from AND :cur_to
	  AND c.kind = 'complaint' AND c.procedure = 'statutory'
	GROUP BY t.stage)
SELECT s.stage, coalesce(n.prev, 0), coalesce(n.cur, 0), 'Stage ' || s.stage
FROM s LEFT JOIN n USING (stage) ORDER BY s.stage;
