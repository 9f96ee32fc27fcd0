-- title: Table 9: Actions taken in response to upheld complaints ({cur})
-- header: action,count
-- columns: Action|Complaints
-- Actions recorded on statutory stage 1 complaints fully or partly upheld
-- and resolved in the year.
SELECT a.action, count(*), word_label('action', a.action)
FROM stages s JOIN actions a ON a.case_id = s.case_id
WHERE s.stage = 1 AND s.responded BETWEEN :cur_from AND :cur_to AND s.counted
  AND s.outcome IN ('fully_upheld', 'partly_upheld')
GROUP BY a.action ORDER BY 2 DESC, 1 ASC;
