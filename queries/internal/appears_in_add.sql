-- name: appears_in_add
-- description: Counts mentions of an entity in a document (APPEARS_IN).
-- params: :entity_id, :document_id, :mentions
INSERT INTO appears_in (document_id, entity_id, mentions) VALUES (:document_id, :entity_id, :mentions) ON CONFLICT (document_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions;
