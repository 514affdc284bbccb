-- name: who_about
-- description: Speakers ranked by how many of their quotes name an entity (canonical name or alias).
-- params: :name
SELECT s.name AS speaker, s.type, count(DISTINCT q.id) AS quotes, count(DISTINCT q.document_id) AS documents,
       s.external_id
  FROM quote_about qa
  JOIN quote q ON q.id = qa.quote_id
  JOIN entity s ON s.id = q.speaker_id
 WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
 GROUP BY s.id
 ORDER BY quotes DESC, s.name;
