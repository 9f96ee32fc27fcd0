-- title: Summary of {cur}
-- header: key,value
-- columns: Measure|{cur}
-- percent: value[*_percent]
-- Reads report_counts and report_people: made by 01_counts.sql, which file-name order runs first.
-- The headline figures of the year (SPEC section 5), in a fixed order.
-- Open at year end: the latest stage opened by then has no response by
-- then; overdue: the year's end is past that stage's due date as it stood
-- then (pauses and restarts after the year's end change nothing).
WITH
st AS (
	SELECT coalesce(sum(CASE stage WHEN 1 THEN n END), 0) AS s1,
	       coalesce(sum(CASE stage WHEN 2 THEN n END), 0) AS s2,
	       coalesce(sum(CASE stage WHEN 3 THEN n END), 0) AS s3
	FROM report_counts WHERE s_year = 1),
rcv AS (
	-- Made directly by children: an officer's case on a child's behalf is
	-- counted as on_behalf, not here.
	SELECT coalesce(sum(CASE WHEN complainant = 'child' AND NOT on_behalf THEN n END), 0) AS kids,
	       coalesce(sum(CASE WHEN on_behalf THEN n END), 0) AS behalf
	FROM report_people WHERE s_year = 1),
resp AS (
	SELECT coalesce(sum(n), 0) AS n, coalesce(sum(CASE band WHEN 1 THEN n END), 0) AS w10,
	       coalesce(sum(CASE WHEN band <= 2 THEN n END), 0) AS w20, sum(days) AS days
	FROM report_counts
	WHERE stage = 1 AND r_year = 1 AND outcome IS NOT 'withdrawn'),
res AS (
	SELECT coalesce(sum(n), 0) AS n,
	       coalesce(sum(CASE WHEN outcome IN ('fully_upheld', 'partly_upheld') THEN n END), 0) AS up
	FROM report_counts WHERE stage = 1 AND r_year = 1),
refs AS (
	SELECT (SELECT value FROM context WHERE year = :year AND measure = coalesce(
		(SELECT value FROM settings WHERE key = 'report_referrals_measure'),
		'Referrals to Children''s Social Care')) AS n),
comp AS (
	SELECT count(*) AS n FROM cases
	WHERE kind = 'compliment' AND received BETWEEN :cur_from AND :cur_to
	  AND procedure IN (SELECT value FROM json_each(word_list('procedure')))),
cand AS (
	-- Stages of statutory complaints (counted) opened by the year's end
	-- with no answer by then: two ranges of one covering index, not the
	-- whole history, and no case read.
	SELECT id, case_id, stage, opened, started, extended, panel, paused_days, paused_since
	FROM stages WHERE stage IN (1, 2, 3) AND responded IS NULL AND counted
	  AND coalesce(opened, started) <= :cur_to
	UNION ALL
	SELECT id, case_id, stage, opened, started, extended, panel, paused_days, paused_since
	FROM stages WHERE stage IN (1, 2, 3) AND responded > :cur_to AND counted
	  AND coalesce(opened, started) <= :cur_to),
clock AS (
	-- Each stage's clock as it stood at the year's end, not as it stands
	-- now: from its start or the last restart (new concerns) by then, less
	-- the working days its clock had stood still since, counting a pause
	-- still running then up to the year's end. Stages never paused or
	-- restarted read no history.
	SELECT t.*, coalesce((SELECT sum(CASE WHEN p.resumed <= :cur_to THEN p.days
	                                      ELSE workdays(p.paused, :cur_to) END)
	                      FROM stage_pauses p WHERE p.stage_id = t.id
	                        AND p.reason <> 'new_concerns' AND p.paused >= t.base
	                        AND p.paused <= :cur_to), 0) AS paused
	FROM (SELECT c.*, coalesce((SELECT max(p.paused) FROM stage_pauses p
	                            WHERE p.stage_id = c.id AND p.reason = 'new_concerns'
	                              AND p.paused <= :cur_to), coalesce(c.opened, c.started)) AS base
	      FROM cand c
	      WHERE c.paused_days <> 0 OR c.paused_since IS NOT NULL OR c.started > :cur_to
	         OR c.started IS NOT coalesce(c.opened, c.started)) AS t
	UNION ALL
	SELECT c.*, c.started, 0 FROM cand c
	WHERE c.paused_days = 0 AND c.paused_since IS NULL AND c.started <= :cur_to
	  AND c.started IS coalesce(c.opened, c.started)),
latest AS (
	SELECT CASE t.stage
		WHEN 1 THEN add_workdays(t.base, (CASE WHEN t.extended THEN 20 ELSE 10 END) + t.paused)
		WHEN 2 THEN add_workdays(t.base, (CASE WHEN t.extended THEN 65 ELSE 25 END) + t.paused)
		ELSE CASE WHEN t.panel IS NOT NULL AND t.panel <= :cur_to THEN add_workdays(t.panel, 20)
		          ELSE add_workdays(t.base, 30 + t.paused) END
	       END AS due
	FROM clock t
	WHERE NOT EXISTS (SELECT 1 FROM stages u WHERE u.case_id = t.case_id
	                  AND u.stage > t.stage AND coalesce(u.opened, u.started) <= :cur_to)),
still_open AS (SELECT count(*) AS n, coalesce(sum(:cur_to > due), 0) AS late FROM latest),
v(ord, key, value, label) AS (
	SELECT 1, 'stage1_received', s1, 'Complaints received at stage 1' FROM st UNION ALL
	SELECT 2, 'stage2_received', s2, 'Complaints received at stage 2' FROM st UNION ALL
	SELECT 3, 'stage3_received', s3, 'Complaints received at stage 3' FROM st UNION ALL
	SELECT 4, 'escalation_rate_percent', pct(s2, s1), 'Escalation rate, stage 2 of stage 1 (%)' FROM st UNION ALL
	SELECT 5, 'complaint_rate_percent', pct1(s1, refs.n), 'Complaints per 100 referrals (%)' FROM st, refs UNION ALL
	SELECT 6, 'stage1_within_10_percent', pct(w10, n), 'Stage 1 answered within 10 working days (%)' FROM resp UNION ALL
	SELECT 7, 'stage1_within_20_percent', pct(w20, n), 'Stage 1 answered within 20 working days (%)' FROM resp UNION ALL
	SELECT 8, 'upheld_percent', pct(up, n), 'Stage 1 fully or partly upheld (%)' FROM res UNION ALL
	SELECT 9, 'by_children', kids, 'Made directly by children and young people' FROM rcv UNION ALL
	SELECT 10, 'by_children_percent', pct(kids, s1), 'Made directly by children and young people (%)' FROM st, rcv UNION ALL
	SELECT 11, 'on_behalf', behalf, 'Logged by an officer on a child''s behalf' FROM rcv UNION ALL
	SELECT 12, 'compliments', n, 'Compliments received' FROM comp UNION ALL
	SELECT 13, 'open_at_year_end', n, 'Complaints open at the year''s end' FROM still_open UNION ALL
	SELECT 14, 'overdue_at_year_end', late, 'Overdue at the year''s end' FROM still_open UNION ALL
	SELECT 15, 'stage1_average_working_days', ratio1(days, n), 'Stage 1 average working days to respond' FROM resp)
SELECT key, value, label FROM v ORDER BY ord;
