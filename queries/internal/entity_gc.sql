-- name: entity_gc
-- description: Deletes entities no stored document refers to any more.
-- params: 
DELETE FROM entity WHERE external_id IS NULL AND NOT EXISTS (SELECT 1 FROM appears_in a WHERE a.entity_id = entity.id) AND NOT EXISTS (SELECT 1 FROM quote q WHERE q.speaker_id = entity.id) AND NOT EXISTS (SELECT 1 FROM alias x WHERE x.entity_id = entity.id AND x.source = 'user');
