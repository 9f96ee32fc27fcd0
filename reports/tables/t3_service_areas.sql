-- title: Table 3: Complaints received by service area (stage 1 only)
-- header: service_area,previous,current
-- columns: Service area|{prev}|{cur}
-- chart: previous,current
SELECT area, sum(received < :cur_from), sum(received >= :cur_from)
FROM (SELECT coalesce(nullif(service_area, ''), 'Not recorded') AS area, received
      FROM cases
      WHERE kind = 'complaint' AND procedure = 'statutory'
        AND received BETWEEN :prev_from AND :cur_to)
GROUP BY area ORDER BY 3 DESC, 1 ASC;
