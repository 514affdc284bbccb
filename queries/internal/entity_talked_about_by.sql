-- name: entity_talked_about_by
-- description: Who names an entity in their quotes most.
-- params: :id
-- quote_about carries the quote's speaker (schema v2): one covering index range, no quote row read.
SELECT s.name, s.type, count(*) AS quotes FROM quote_about qa JOIN entity s ON s.id = qa.speaker_id WHERE qa.entity_id = :id GROUP BY s.id ORDER BY quotes DESC, s.name LIMIT 10;
