-- title: Local Government and Social Care Ombudsman decisions ({cur})
-- header: decision,count
-- columns: Decision|Complaints
SELECT decision, count(*), word_label('ombudsman', decision)
FROM ombudsman WHERE decided BETWEEN :cur_from AND :cur_to
GROUP BY decision ORDER BY 2 DESC, 1 ASC;
