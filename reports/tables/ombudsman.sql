-- title: Local Government and Social Care Ombudsman: decisions made and enquiries received ({cur})
-- header: decision,count,received
-- columns: Decision|Decisions made in {cur}|Enquiries received in {cur}
-- A decision counts in the year it was made (count), an enquiry in the
-- year it was received (received), under its decision as it stood at the
-- year's end: one not decided by then is not_decided, so that the year's
-- table never changes when a decision comes later. An enquiry with no
-- decision yet (decided empty) counts as received only. Then the total.
-- Both ranges are read through their indexes (migration 9).
WITH e AS (
	SELECT CASE WHEN decided BETWEEN :cur_from AND :cur_to THEN decision END AS made,
	       CASE WHEN received BETWEEN :cur_from AND :cur_to THEN
	            CASE WHEN decided <= :cur_to AND decided <> '' AND decision <> ''
	                 THEN decision ELSE 'not_decided' END END AS got
	FROM ombudsman
	WHERE decided BETWEEN :cur_from AND :cur_to OR received BETWEEN :cur_from AND :cur_to),
g AS (
	SELECT decision, sum(made) AS n, sum(got) AS r
	FROM (SELECT made AS decision, 1 AS made, 0 AS got FROM e WHERE made IS NOT NULL
	      UNION ALL
	      SELECT got, 0, 1 FROM e WHERE got IS NOT NULL)
	GROUP BY decision),
t(ord, decision, n, r, label) AS (
	SELECT decision = 'not_decided', decision, n, r,
	       CASE decision WHEN 'not_decided' THEN 'Not decided by the year''s end'
	                     ELSE word_label('ombudsman', decision) END
	FROM g
	UNION ALL
	SELECT 2, 'total', (SELECT count(made) FROM e), (SELECT count(got) FROM e), 'Total')
SELECT decision, n, r, label FROM t ORDER BY ord, n DESC, r DESC, decision;
