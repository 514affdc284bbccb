-- name: alias_insert
-- description: Records a name an entity is known by.
-- params: :entity_id, :alias, :norm, :source
INSERT OR IGNORE INTO alias (entity_id, alias, norm, source) VALUES (:entity_id, :alias, :norm, :source);
