-- title: Table 7: Complaints by outcome at stage 1
-- header: outcome,previous,current,previous_percent,current_percent
-- columns: Outcome|{prev}|{cur}|{prev} %|{cur} %
-- chart: previous,current
-- Stage 1 resolved (responded or withdrawn) in each year; every outcome
-- is a row, in the order of the outcome words.
WITH o(ord, outcome) AS (SELECT key, value FROM json_each(word_list('outcome'))),
r AS (
	SELECT outcome, r_year AS cur FROM report_stages
	WHERE stage = 1 AND r_year IS NOT NULL),
n AS (SELECT outcome, sum(NOT cur) AS prev, sum(cur) AS cur FROM r GROUP BY outcome),
tot AS (SELECT sum(NOT cur) AS prev, sum(cur) AS cur FROM r)
SELECT o.outcome, coalesce(n.prev, 0), coalesce(n.cur, 0),
       pct(coalesce(n.prev, 0), tot.prev), pct(coalesce(n.cur, 0), tot.cur),
       word_label('outcome', o.outcome)
FROM o LEFT JOIN n USING (outcome), tot ORDER BY o.ord;
