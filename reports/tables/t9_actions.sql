-- title: Table 9: Actions taken in response to upheld complaints ({cur})
-- header: action,count
-- columns: Action|Complaints
-- Actions recorded on stage 1 complaints fully or partly upheld and
-- resolved in the year.
SELECT a.action, count(*), word_label('action', a.action)
FROM stages t JOIN cases c ON c.id = t.case_id JOIN actions a ON a.case_id = c.id
WHERE t.stage = 1 AND t.responded BETWEEN :cur_from AND :cur_to
  AND t.outcome IN ('fully_upheld', 'partly_upheld')
  AND c.kind = 'complaint' AND c.procedure = 'statutory'
GROUP BY a.action ORDER BY 2 DESC, 1 ASC;
