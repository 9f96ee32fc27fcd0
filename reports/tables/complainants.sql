-- title: Who complained? (stage 1 received in {cur})
-- header: complainant,count,percent
-- columns: Complainant|Complaints|%
-- percent: percent
-- Reads report_people: made by 01_counts.sql, which file-name order runs first.
WITH r AS (SELECT complainant, n FROM report_people WHERE s_year = 1)
SELECT complainant, sum(n), pct(sum(n), (SELECT sum(n) FROM r)),
       word_label('complainant', complainant)
FROM r GROUP BY complainant ORDER BY 2 DESC, 1 ASC;
