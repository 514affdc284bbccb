-- name: entity_set_external_id
-- description: Sets an entity's external id (e.g. a Wikidata QID) when given.
-- params: :id, :external_id
UPDATE entity SET external_id = coalesce(:external_id, external_id) WHERE id = :id;
