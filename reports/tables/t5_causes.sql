-- title: Table 5: What were complaints about? (stage 1 resolved)
-- header: cause,previous,current
-- columns: Cause|{prev}|{cur}
-- chart: previous,current
-- Resolved: responded or withdrawn in the year. One cause counts under
-- its name, two or more under Multiple (see 00_stages.sql).
SELECT cause, sum(r_year = 0), sum(r_year = 1)
FROM report_causes GROUP BY cause ORDER BY 3 DESC, 1 ASC;
