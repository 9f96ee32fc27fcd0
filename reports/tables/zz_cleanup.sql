-- A setup step that runs last (file-name order): frees the temporary
-- tables of 01_counts.sql once every table is computed.
DROP TABLE IF EXISTS temp.report_counts;
DROP TABLE IF EXISTS temp.report_people;
