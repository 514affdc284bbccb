-- name: entity_by_key
-- description: Shared entities with a normalised name, optionally of one type.
-- params: :key, :type?
SELECT id FROM entity WHERE name_key = :key AND scope = '' AND (:type IS NULL OR type = :type) ORDER BY id;
