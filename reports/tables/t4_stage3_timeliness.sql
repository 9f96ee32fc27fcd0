-- title: Table 4c: Time from a stage 3 request to the review panel (working days)
-- header: band,previous,current,previous_percent,current_percent
-- columns: Working days|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- percent: previous_percent,current_percent
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Stage 3 responses in each year, withdrawn excluded, by the working days
-- from the request to the review panel, less pauses: the panel is held
-- within 30 (band 1) or later (band 3; migration 9 counts stage 3 so).
WITH b(ord, band, label) AS (VALUES (1, 'within_30', 'Within 30'), (3, 'over_30', 'Over 30')),
r AS (
	SELECT band AS ord, r_year, n FROM report_counts
	WHERE stage = 3 AND r_year >= 0 AND outcome IS NOT 'withdrawn' AND band > 0),
c AS (
	SELECT ord, sum(CASE r_year WHEN 0 THEN n END) AS prev,
	       sum(CASE r_year WHEN 1 THEN n END) AS cur
	FROM r GROUP BY ord),
tot AS (
	SELECT sum(CASE r_year WHEN 0 THEN n END) AS prev, sum(CASE r_year WHEN 1 THEN n END) AS cur
	FROM r)
SELECT b.band, coalesce(c.prev, 0), coalesce(c.cur, 0),
       pct(coalesce(c.prev, 0), tot.prev), pct(coalesce(c.cur, 0), tot.cur), b.label
FROM b LEFT JOIN c USING (ord), tot ORDER BY b.ord;
