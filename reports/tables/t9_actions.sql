-- title: Table 9: Actions taken in response to upheld complaints ({cur})
-- header: action,count
-- columns: Action|Complaints
-- Actions recorded on stage 1 complaints fully or partly upheld and
-- resolved in the year.
SELECT a.action, count(*), word_label('action', a.action)
FROM report_stages s JOIN actions a ON a.case_id = s.case_id
WHERE s.stage = 1 AND s.r_year = 1 AND s.outcome IN ('fully_upheld', 'partly_upheld')
GROUP BY a.action ORDER BY 2 DESC, 1 ASC;
