-- title: Who complained? (stage 1 received in {cur})
-- header: complainant,count,percent
-- columns: Complainant|Complaints|%
WITH r AS (SELECT complainant FROM report_stages WHERE stage = 1 AND s_year = 1)
SELECT complainant, count(*), pct(count(*), (SELECT count(*) FROM r)),
       word_label('complainant', complainant)
FROM r GROUP BY complainant ORDER BY 2 DESC, 1 ASC;
