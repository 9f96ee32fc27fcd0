-- title: Table 8: Costs incurred through the complaints procedure
-- header: category,{old},{prev},{cur}
-- columns: Spend|Total {old}|Total {prev}|Total {cur}
-- chart: {old},{prev},{cur}
-- money: {old},{prev},{cur}
-- Three financial years, oldest first; every category, then the total;
-- pounds with two decimals. A voided cost (tellus costs void) counts nowhere.
WITH k(ord, category) AS (SELECT key, value FROM json_each(word_list('cost'))),
s AS (
	SELECT category,
	       sum(CASE WHEN date < :prev_from THEN pence ELSE 0 END) AS old,
	       sum(CASE WHEN date BETWEEN :prev_from AND :prev_to THEN pence ELSE 0 END) AS prev,
	       sum(CASE WHEN date >= :cur_from THEN pence ELSE 0 END) AS cur
	FROM costs WHERE voided IS NULL AND date BETWEEN :old_from AND :cur_to GROUP BY category),
r AS (
	SELECT k.ord, k.category, coalesce(s.old, 0) AS old, coalesce(s.prev, 0) AS prev,
	       coalesce(s.cur, 0) AS cur, word_label('cost', k.category) AS label
	FROM k LEFT JOIN s USING (category)
	UNION ALL
	SELECT 1000, 'total', coalesce(sum(old), 0), coalesce(sum(prev), 0),
	       coalesce(sum(cur), 0), 'Total' FROM s)
SELECT category, pounds(old), pounds(prev), pounds(cur), label FROM r ORDER BY ord;
