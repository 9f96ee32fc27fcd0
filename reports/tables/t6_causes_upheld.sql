-- title: Table 6: Complaint causes and how many were upheld ({cur}, stage 1 resolved)
-- header: cause,resolved,upheld,percent_upheld
-- columns: Cause|Resolved|Number upheld|% upheld (partly or fully)
-- chart: resolved,upheld
WITH r AS (
	SELECT c.id, t.outcome IN ('fully_upheld', 'partly_upheld') AS up
	FROM stages t JOIN cases c ON c.id = t.case_id
	WHERE t.stage = 1 AND t.responded BETWEEN :cur_from AND :cur_to
	  AND c.kind = 'complaint' AND c.procedure = 'statutory'),
k AS (
	SELECT r.up, count(cc.cause) AS n, min(cc.cause) AS one
	FROM r LEFT JOIN case_causes cc ON cc.case_id = r.id GROUP BY r.id, r.up),
n AS (
	SELECT k.up, CASE k.n WHEN 0 THEN 'Not recorded' WHEN 1 THEN coalesce(x.label, k.one)
	             ELSE 'Multiple' END AS cause
	FROM k LEFT JOIN causes x ON x.code = k.one)
SELECT cause, count(*), sum(up), pct(sum(up), count(*))
FROM n GROUP BY cause ORDER BY 2 DESC, 1 ASC;
