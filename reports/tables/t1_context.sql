-- title: Table 1: Contacts with Children's Social Care
-- header: measure,previous,current,change_percent
-- columns: Measure|{prev}|{cur}|% change
-- chart: previous,current
-- percent: change_percent
-- Context figures of this year and the last, in the order of the context
-- file (ord); change_percent has one decimal, empty without a base.
WITH m AS (
	SELECT measure,
	       coalesce(max(CASE WHEN year = :year THEN ord END), min(ord)) AS ord,
	       max(CASE WHEN year = :year - 1 THEN value END) AS prev,
	       max(CASE WHEN year = :year THEN value END) AS cur
	FROM context WHERE year IN (:year - 1, :year) GROUP BY measure)
SELECT measure,
       CASE WHEN prev = CAST(prev AS INTEGER) THEN CAST(prev AS INTEGER) ELSE prev END,
       CASE WHEN cur = CAST(cur AS INTEGER) THEN CAST(cur AS INTEGER) ELSE cur END,
       pct1(cur - prev, prev)
FROM m ORDER BY ord, measure;
