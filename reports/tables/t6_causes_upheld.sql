-- title: Table 6: Complaint causes and how many were upheld ({cur}, stage 1 resolved)
-- header: cause,resolved,upheld,percent_upheld
-- columns: Cause|Resolved|Number upheld|% upheld (partly or fully)
-- chart: resolved,upheld
-- percent: percent_upheld
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
WITH c AS (
	SELECT cause, sum(n) AS resolved,
	       sum(CASE WHEN outcome IN ('fully_upheld', 'partly_upheld') THEN n ELSE 0 END) AS up
	FROM report_counts WHERE stage = 1 AND r_year = 1 GROUP BY cause)
SELECT CASE WHEN c.cause = '' THEN 'Not recorded' WHEN c.cause = '*' THEN 'Multiple'
            ELSE coalesce(x.label, c.cause) END AS name, c.resolved, c.up, pct(c.up, c.resolved)
FROM c LEFT JOIN causes x ON x.code = c.cause ORDER BY 2 DESC, 1 ASC;
