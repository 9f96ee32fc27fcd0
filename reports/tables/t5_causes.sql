-- title: Table 5: What were complaints about? (stage 1 resolved)
-- header: cause,previous,current
-- columns: Cause|{prev}|{cur}
-- chart: previous,current
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Resolved: responded or withdrawn in the year. One cause counts under
-- its name, two or more under Multiple (see 01_counts.sql).
WITH c AS (
	SELECT cause, sum(CASE r_year WHEN 0 THEN n END) AS prev,
	       sum(CASE r_year WHEN 1 THEN n END) AS cur
	FROM report_counts WHERE stage = 1 AND r_year >= 0 GROUP BY cause)
SELECT CASE WHEN c.cause = '' THEN 'Not recorded' WHEN c.cause = '*' THEN 'Multiple'
            ELSE coalesce(x.label, c.cause) END AS name,
       coalesce(c.prev, 0), coalesce(c.cur, 0)
FROM c LEFT JOIN causes x ON x.code = c.cause ORDER BY 3 DESC, 1 ASC;
