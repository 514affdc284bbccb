-- name: document_get
-- description: One stored document with its metadata and text.
-- params: :id
SELECT id, title, date, url, text, outlet FROM document WHERE id = :id;
