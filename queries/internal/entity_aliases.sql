-- name: entity_aliases
-- description: The names an entity is known by.
-- params: :id
SELECT alias, source FROM alias WHERE entity_id = :id ORDER BY alias;
