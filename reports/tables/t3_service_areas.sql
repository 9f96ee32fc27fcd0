-- title: Table 3: Complaints received by service area (stage 1 only)
-- header: service_area,previous,current
-- columns: Service area|{prev}|{cur}
-- chart: previous,current
-- Reads report_people: made by 01_counts.sql, which file-name order runs first.
SELECT area, coalesce(sum(CASE s_year WHEN 0 THEN n END), 0),
       coalesce(sum(CASE s_year WHEN 1 THEN n END), 0)
FROM report_people GROUP BY area ORDER BY 3 DESC, 1 ASC;
