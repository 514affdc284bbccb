-- name: around_entities
-- description: Entities by id (a JSON array of ids) with their quote counts, for a partial graph.
-- params: :ids
SELECT e.id, e.name, e.type, e.external_id,
       (SELECT count(*) FROM quote q WHERE q.speaker_id = e.id) AS said,
       (SELECT count(*) FROM quote_about qa WHERE qa.entity_id = e.id) AS about
  FROM entity e
 WHERE e.id IN (SELECT value FROM json_each(:ids))
 ORDER BY e.id;
