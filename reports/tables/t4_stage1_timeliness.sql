-- title: Table 4: Time taken to respond at stage 1 (working days)
-- header: band,previous,current,previous_percent,current_percent
-- columns: Working days|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- percent: previous_percent,current_percent
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Stage 1 responses in each year, withdrawn excluded (bands: 01_counts.sql). Days taken count
-- the working days after receipt up to the response, less pauses.
WITH b(ord, band, label) AS (
	VALUES (1, 'within_10', 'Within 10'), (2, '11_to_20', '11 to 20'), (3, 'over_20', 'Over 20')),
r AS (
	SELECT band AS ord, r_year, n FROM report_counts
	WHERE stage = 1 AND r_year >= 0 AND outcome IS NOT 'withdrawn'),
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
