-- csv: no
-- title: Compliments received
-- header: words,service_area
-- The words of compliments received in the year whose authors agreed to
-- their publication, for the report's appendix (never written as CSV).
SELECT summary, service_area FROM cases
WHERE kind = 'compliment' AND consent_to_publish = 1 AND summary <> ''
  AND received BETWEEN :cur_from AND :cur_to
  AND procedure IN (SELECT value FROM json_each(word_list('procedure')))
ORDER BY received, id;
