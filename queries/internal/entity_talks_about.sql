-- name: entity_talks_about
-- description: Whom an entity's quotes name most.
-- params: :id
SELECT a.name, a.type, count(*) AS quotes FROM quote q JOIN quote_about qa ON qa.quote_id = q.id JOIN entity a ON a.id = qa.entity_id WHERE q.speaker_id = :id GROUP BY a.id ORDER BY quotes DESC, a.name LIMIT 10;
