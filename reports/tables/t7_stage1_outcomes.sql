-- title: Table 7: Complaints by outcome at stage 1
-- header: outcome,previous,current,previous_percent,current_percent
-- columns: Outcome|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- percent: previous_percent,current_percent
-- Reads report_counts: made by 01_counts.sql, which file-name order runs first.
-- Stage 1 resolved (responded or withdrawn) in each year; every outcome
-- is a row, in the order of the outcome words.
WITH o(ord, outcome) AS (SELECT key, value FROM json_each(word_list('outcome'))),
r AS (SELECT outcome, r_year, n FROM report_counts WHERE stage = 1 AND r_year >= 0),
c AS (
	SELECT outcome, sum(CASE r_year WHEN 0 THEN n END) AS prev,
	       sum(CASE r_year WHEN 1 THEN n END) AS cur
	FROM r GROUP BY outcome),
tot AS (
	SELECT sum(CASE r_year WHEN 0 THEN n END) AS prev, sum(CASE r_year WHEN 1 THEN n END) AS cur
	FROM r)
SELECT o.outcome, coalesce(c.prev, 0), coalesce(c.cur, 0),
       pct(coalesce(c.prev, 0), tot.prev), pct(coalesce(c.cur, 0), tot.cur),
       word_label('outcome', o.outcome)
FROM o LEFT JOIN c USING (outcome), tot ORDER BY o.ord;
