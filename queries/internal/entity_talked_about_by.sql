-- name: entity_talked_about_by
-- description: Who names an entity in their quotes most.
-- params: :id
SELECT s.name, s.type, count(*) AS quotes FROM quote_about qa JOIN quote q ON q.id = qa.quote_id JOIN entity s ON s.id = q.speaker_id WHERE qa.entity_id = :id GROUP BY s.id ORDER BY quotes DESC, s.name LIMIT 10;
