-- name: top_speakers
-- description: Speakers with the most quotes.
-- params: :limit?
SELECT e.name AS speaker, e.type, count(*) AS quotes, count(DISTINCT q.document_id) AS documents
  FROM quote q JOIN entity e ON e.id = q.speaker_id
 GROUP BY e.id
 ORDER BY quotes DESC, e.name
 LIMIT coalesce(:limit, 20);
