-- title: Compliments received by service area
-- header: service_area,previous,current
-- columns: Service area|{prev}|{cur}
-- chart: previous,current
-- Compliments count whatever their procedure.
SELECT area, sum(received < :cur_from), sum(received >= :cur_from)
FROM (SELECT coalesce(nullif(service_area, ''), 'Not recorded') AS area, received
      FROM cases
      WHERE kind = 'compliment' AND received BETWEEN :prev_from AND :cur_to
        -- every procedure: the list lets the index on (kind, procedure,
        -- received) serve the date range
        AND procedure IN (SELECT value FROM json_each(word_list('procedure'))))
GROUP BY area ORDER BY 3 DESC, 1 ASC;
