-- title: Table 5: What were complaints about? (stage 1 resolved)
-- header: cause,previous,current
-- columns: Cause|{prev}|{cur}
-- chart: previous,current
-- Resolved: responded or withdrawn in the year. One cause counts under
-- its name, two or more under Multiple.
WITH r AS (
	SELECT c.id, t.responded >= :cur_from AS cur
	FROM stages t JOIN cases c ON c.id = t.case_id
	WHERE t.stage = 1 AND t.responded BETWEEN :prev_from AND :cur_to
	  AND c.kind = 'complaint' AND c.procedure = 'statutory'),
k AS (
	SELECT r.cur, count(cc.cause) AS n, min(cc.cause) AS one
	FROM r LEFT JOIN case_causes cc ON cc.case_id = r.id GROUP BY r.id, r.cur),
n AS (
	SELECT k.cur, CASE k.n WHEN 0 THEN 'Not recorded' WHEN 1 THEN coalesce(x.label, k.one)
	              ELSE 'Multiple' END AS cause
	FROM k LEFT JOIN causes x ON x.code = k.one)
SELECT cause, sum(NOT cur), sum(cur) FROM n GROUP BY cause ORDER BY 3 DESC, 1 ASC;
