-- title: Table 4: Time taken to respond at stage 1 (working days)
-- header: band,previous,current,previous_percent,current_percent
-- columns: Working days|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- Stage 1 responses in each year, withdrawn excluded. Days taken count
-- the working days after receipt up to the response, less pauses.
WITH b(ord, band, label) AS (
	VALUES (1, 'within_10', 'Within 10'), (2, '11_to_20', '11 to 20'), (3, 'over_20', 'Over 20')),
r AS (
	SELECT r_year AS cur, CASE WHEN days <= 10 THEN 1 WHEN days <= 20 THEN 2 ELSE 3 END AS ord
	FROM report_stages
	WHERE stage = 1 AND r_year IS NOT NULL AND outcome IS NOT 'withdrawn'),
n AS (SELECT ord, sum(NOT cur) AS prev, sum(cur) AS cur FROM r GROUP BY ord),
tot AS (SELECT sum(NOT cur) AS prev, sum(cur) AS cur FROM r)
SELECT b.band, coalesce(n.prev, 0), coalesce(n.cur, 0),
       pct(coalesce(n.prev, 0), tot.prev), pct(coalesce(n.cur, 0), tot.cur), b.label
FROM b LEFT JOIN n USING (ord), tot ORDER BY b.ord;
