-- title: Table 4b: Time taken to respond at stage 2 (working days)
-- header: band,previous,current,previous_percent,current_percent
-- columns: Working days|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- percent: previous_percent,current_percent
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Stage 2 responses in each year, withdrawn excluded (bands: 01_counts.sql). Days taken count
-- the working days after the stage 2 request up to the response, less pauses.
WITH b(ord, band, label) AS (
	VALUES (1, 'within_25', 'Within 25'), (2, '26_to_65', '26 to 65'), (3, 'over_65', 'Over 65')),
r AS (
	SELECT band AS ord, r_year, n FROM report_counts
	WHERE stage = 2 AND r_year >= 0 AND outcome IS NOT 'withdrawn'),
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
