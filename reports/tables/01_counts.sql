-- A setup step: report_stages counted once, so that each table reads a
-- few hundred rows instead of every stage. report_counts: stages by year
-- started, year answered, outcome, cause and timeliness band (1: within
-- the standard, 10 working days at stage 1 and 25 at stage 2; 2: within
-- the maximum, 20 or 65; 3: over it). report_people: stage 1 complaints
-- by year received, service area and who raised them.
DROP TABLE IF EXISTS temp.report_counts;
CREATE TEMP TABLE report_counts AS
SELECT stage, s_year, r_year, outcome, cause,
       CASE WHEN days <= CASE stage WHEN 1 THEN 10 ELSE 25 END THEN 1
            WHEN days <= CASE stage WHEN 1 THEN 20 ELSE 65 END THEN 2 ELSE 3 END AS band,
       count(*) AS n, sum(days) AS days
FROM report_stages GROUP BY 1, 2, 3, 4, 5, 6;
DROP TABLE IF EXISTS temp.report_people;
CREATE TEMP TABLE report_people AS
SELECT s_year, coalesce(nullif(service_area, ''), 'Not recorded') AS area, complainant,
       on_behalf <> 0 AS on_behalf, count(*) AS n
FROM report_stages WHERE stage = 1 AND s_year IS NOT NULL GROUP BY 1, 2, 3, 4;
