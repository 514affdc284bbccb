-- name: entity_insert
-- description: Creates an entity.
-- params: :name, :type, :scope, :key, :external_id
INSERT INTO entity (name, type, scope, name_key, external_id) VALUES (:name, :type, :scope, :key, :external_id);
