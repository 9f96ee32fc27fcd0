-- title: Table 4b: Time taken to respond at stage 2 (working days)
-- header: band,previous,current,previous_percent,current_percent
-- columns: Working days|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- Stage 2 responses in each year, withdrawn excluded. Days taken count
-- the working days after the stage 2 request up to the response, less pauses.
WITH b(ord, band, label) AS (
	VALUES (1, 'within_25', 'Within 25'), (2, '26_to_65', '26 to 65'), (3, 'over_65', 'Over 65')),
r AS (
	SELECT r_year AS cur, CASE WHEN days <= 25 THEN 1 WHEN days <= 65 THEN 2 ELSE 3 END AS ord
	FROM report_stages
	WHERE stage = 2 AND r_year IS NOT NULL AND outcome IS NOT 'withdrawn'),
n AS (SELECT ord, sum(NOT cur) AS prev, sum(cur) AS cur FROM r GROUP BY ord),
tot AS (SELECT sum(NOT cur) AS prev, sum(cur) AS cur FROM r)
SELECT b.band, coalesce(n.prev, 0), coalesce(n.cur, 0),
       pct(coalesce(n.prev, 0), tot.prev), pct(coalesce(n.cur, 0), tot.cur), b.label
FROM b LEFT JOIN n USING (ord), tot ORDER BY b.ord;
