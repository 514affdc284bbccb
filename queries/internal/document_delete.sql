-- name: document_delete
-- description: Deletes a document; its quotes, mentions and edges cascade.
-- params: :id
DELETE FROM document WHERE id = :id;
