-- name: mention_insert
-- description: Stores one mention.
-- params: :document_id, :entity_id, :start, :end, :kind, :text
INSERT INTO mention (document_id, entity_id, start, end, kind, text) VALUES (:document_id, :entity_id, :start, :end, :kind, :text);
