-- title: Equalities monitoring: who made stage 1 complaints (counts under 5 shown as <5)
-- header: question,answer,previous,current
-- columns: Question|Answer|{prev}|{cur}
-- The answers people chose to give (tellus equalities, kept apart from the
-- case), for statutory stage 1 complaints received in each year: one row
-- for every answer given in either year, questions and answers in the
-- fixed order of app/core/people/equalities.c (never by count, which
-- would hint at what is hidden). A count from 1 to 4 is shown as <5 so
-- that no one can be picked out.
WITH a AS (
	SELECT coalesce(s.opened, s.started) >= :cur_from AS cur,
	       e.age_band, e.gender, e.ethnicity, e.disability
	FROM equalities e JOIN stages s ON s.case_id = e.case_id AND s.stage = 1
	WHERE s.counted AND coalesce(s.opened, s.started) BETWEEN :prev_from AND :cur_to),
q(ord, question, answer, cur) AS (
	SELECT 1, 'age_band', age_band, cur FROM a UNION ALL
	SELECT 2, 'gender', gender, cur FROM a UNION ALL
	SELECT 3, 'ethnicity', ethnicity, cur FROM a UNION ALL
	SELECT 4, 'disability', disability, cur FROM a),
o(question, answer, k) AS (VALUES
	('age_band', 'under_11', 1), ('age_band', '11_15', 2), ('age_band', '16_17', 3),
	('age_band', '18_24', 4), ('age_band', '25_34', 5), ('age_band', '35_44', 6),
	('age_band', '45_54', 7), ('age_band', '55_64', 8), ('age_band', '65_plus', 9),
	('gender', 'female', 1), ('gender', 'male', 2), ('gender', 'non_binary', 3),
	('gender', 'other', 4), ('ethnicity', 'asian', 1), ('ethnicity', 'black', 2),
	('ethnicity', 'mixed', 3), ('ethnicity', 'white', 4), ('ethnicity', 'other', 5),
	('disability', 'yes', 1), ('disability', 'no', 2)),
n AS (
	SELECT ord, question, answer, sum(NOT cur) AS prev, sum(cur) AS cur
	FROM q WHERE answer <> '' GROUP BY 1, 2, 3)
SELECT n.question, n.answer,
       CASE WHEN n.prev BETWEEN 1 AND 4 THEN '<5' ELSE n.prev END,
       CASE WHEN n.cur BETWEEN 1 AND 4 THEN '<5' ELSE n.cur END,
       CASE n.question WHEN 'age_band' THEN 'Age band' WHEN 'gender' THEN 'Gender'
            WHEN 'ethnicity' THEN 'Ethnicity' ELSE 'Disability' END
FROM n LEFT JOIN o USING (question, answer)
ORDER BY n.ord, coalesce(o.k, 99), n.answer;
