-- name: around_documents
-- description: Document metadata by id (a JSON array of ids), for a partial graph.
-- params: :ids
SELECT id, title, date, url FROM document WHERE id IN (SELECT value FROM json_each(:ids)) ORDER BY id;
