-- name: entity_get
-- description: One entity with its counts.
-- params: :id
SELECT e.id, e.name, e.type, e.external_id, (SELECT count(*) FROM quote q WHERE q.speaker_id = e.id) AS quotes, (SELECT count(*) FROM quote_about qa WHERE qa.entity_id = e.id) AS quoted_about, (SELECT count(*) FROM appears_in a WHERE a.entity_id = e.id) AS documents FROM entity e WHERE e.id = :id;
