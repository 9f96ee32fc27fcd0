-- title: Table 3: Complaints received by service area (stage 1 only)
-- header: service_area,previous,current
-- columns: Service area|{prev}|{cur}
-- chart: previous,current
SELECT area, sum(s_year = 0), sum(s_year = 1)
FROM (SELECT coalesce(nullif(service_area, ''), 'Not recorded') AS area, s_year
      FROM report_stages WHERE stage = 1 AND s_year IS NOT NULL)
GROUP BY area ORDER BY 3 DESC, 1 ASC;
