-- name: entity_documents
-- description: Documents an entity appears in.
-- params: :id
SELECT d.id, d.title, d.date, a.mentions FROM appears_in a JOIN document d ON d.id = a.document_id WHERE a.entity_id = :id ORDER BY d.date, d.id;
