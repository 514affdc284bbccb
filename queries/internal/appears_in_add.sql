-- name: appears_in_add
-- description: Counts mentions of an entity in a document (APPEARS_IN).
-- params: :entity_id, :document_id, :mentions
INSERT INTO appears_in (entity_id, document_id, mentions) VALUES (:entity_id, :document_id, :mentions) ON CONFLICT (entity_id, document_id) DO UPDATE SET mentions = mentions + excluded.mentions;
