-- name: entity_find
-- description: Finds an entity by its normalised name, type and scope.
-- params: :key, :type, :scope
SELECT id FROM entity WHERE name_key = :key AND type = :type AND scope = :scope;
