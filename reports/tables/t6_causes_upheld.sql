-- title: Table 6: Complaint causes and how many were upheld ({cur}, stage 1 resolved)
-- header: cause,resolved,upheld,percent_upheld
-- columns: Cause|Resolved|Number upheld|% upheld (partly or fully)
-- chart: resolved,upheld
WITH n AS (
	SELECT cause, outcome IN ('fully_upheld', 'partly_upheld') AS up
	FROM report_causes WHERE r_year = 1)
SELECT cause, count(*), sum(up), pct(sum(up), count(*))
FROM n GROUP BY cause ORDER BY 2 DESC, 1 ASC;
