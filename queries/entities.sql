-- name: entities
-- description: Entities with their type, external id and counts, optionally of one type.
-- params: :type?
SELECT e.name, e.type, e.external_id,
       (SELECT count(*) FROM quote q WHERE q.speaker_id = e.id) AS quotes,
       (SELECT count(*) FROM quote_about qa WHERE qa.entity_id = e.id) AS quoted_about,
       (SELECT count(*) FROM appears_in a WHERE a.entity_id = e.id) AS documents
  FROM entity e
 WHERE (:type IS NULL OR e.type = :type)
 ORDER BY quotes DESC, quoted_about DESC, e.name, e.id;
