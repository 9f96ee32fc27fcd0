-- csv: no
-- title: Compliments received
-- header: words,service_area
-- The words of compliments received in the year whose authors agreed to
-- their publication, for the report's appendix (never written as CSV).
-- Names in them are initials unless the author agreed to names being
-- published too (consent_names): publish_names() in
-- app/core/report/report_names.c has the rule. known: the staff's names
-- and the officers of the year's compliments (and, once cases record
-- them, the case's own names); allowed: the words of the authority's
-- name, of the compliments' service areas and teams, and of the
-- report_not_names setting. Words that cannot be checked for names (a
-- script without capitals) are not printed without that consent.
WITH y AS (
	SELECT id, received, summary, service_area, team, officer, consent_names FROM cases
	WHERE kind = 'compliment' AND consent_to_publish = 1 AND summary <> ''
	  AND received BETWEEN :cur_from AND :cur_to
	  AND procedure IN (SELECT value FROM json_each(word_list('procedure')))),
known(names) AS (
	SELECT group_concat(name, char(10)) FROM (SELECT name FROM staff UNION SELECT officer FROM y)),
allowed(words) AS (
	SELECT group_concat(w, char(10))
	FROM (SELECT value AS w FROM settings WHERE key IN ('authority_name', 'report_not_names')
	      UNION SELECT service_area FROM y UNION SELECT team FROM y))
SELECT CASE WHEN y.consent_names THEN y.summary
            ELSE coalesce(publish_names(y.summary, known.names, allowed.words),
                          '(Not printed: these words are in a script in which Tellus cannot '
                          || 'pick out names, and their author did not agree to names being '
                          || 'published.)') END,
       y.service_area
FROM y, known, allowed ORDER BY y.received, y.id;
