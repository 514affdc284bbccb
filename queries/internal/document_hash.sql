-- name: document_hash
-- description: Content hash of a stored document, if any.
-- params: :id
SELECT content_hash FROM document WHERE id = :id;
