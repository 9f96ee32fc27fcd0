-- A setup step: the two years' share of the running totals that the store
-- keeps (tally_stages, tally_people: migration 5 in
-- app/core/store/schema.sql.h, rules in app/core/store/tally.sql.h), so
-- each table reads a few hundred rows however many cases there are. Only
-- statutory complaints are in them. It runs before every table because
-- its name sorts first; each table that reads it says so.
-- report_counts: stages by year started and year answered (s_year, r_year:
-- 1 this year, 0 the last, -1 neither), outcome ('' while open), cause
-- (stage 1 answered or withdrawn in the two years only: its one cause's
-- code, '*' for two or more, '' none) and timeliness band (0: open; 1:
-- within the standard, 10 working days at stage 1 and 25 at stage 2; 2:
-- within the maximum, 20 or 65; 3: over; at stage 3 the days from the
-- request to the review panel: 1 within 30, 3 over, 0 no panel held).
-- days: the working days taken, less the days the clock stood still,
-- summed.
-- report_people: stage 1 complaints by year received, service area and
-- who raised them.
DROP TABLE IF EXISTS temp.report_counts;
CREATE TEMP TABLE report_counts(stage INTEGER, s_year INTEGER, r_year INTEGER,
	outcome TEXT, cause TEXT, band INTEGER, n INTEGER, days INTEGER,
	PRIMARY KEY(stage, s_year, r_year, outcome, cause, band));
INSERT INTO report_counts
SELECT stage, s_year, r_year, outcome, CASE WHEN r_year >= 0 THEN cause ELSE '' END, band,
       n, days
FROM (SELECT stage, CASE s_fy WHEN :year THEN 1 WHEN :year - 1 THEN 0 ELSE -1 END AS s_year,
             CASE r_fy WHEN :year THEN 1 WHEN :year - 1 THEN 0 ELSE -1 END AS r_year,
             outcome, cause, band, n, days
      FROM tally_stages WHERE s_fy IN (:year - 1, :year) AND n <> 0
      UNION ALL
      SELECT stage, -1, CASE r_fy WHEN :year THEN 1 ELSE 0 END, outcome, cause, band, n, days
      FROM tally_stages WHERE r_fy IN (:year - 1, :year) AND s_fy < :year - 1 AND n <> 0)
WHERE true
ON CONFLICT DO UPDATE SET n = n + excluded.n, days = days + excluded.days;
DROP TABLE IF EXISTS temp.report_people;
CREATE TEMP TABLE report_people(s_year INTEGER, area TEXT, complainant TEXT,
	on_behalf INTEGER, n INTEGER, PRIMARY KEY(s_year, area, complainant, on_behalf));
INSERT INTO report_people
SELECT fy = :year, area, complainant, on_behalf, n
FROM tally_people WHERE fy IN (:year - 1, :year) AND n <> 0;
