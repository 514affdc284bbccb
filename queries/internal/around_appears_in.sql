-- name: around_appears_in
-- description: APPEARS_IN edges into the documents whose ids are in a JSON array, for a partial graph.
-- params: :ids
SELECT entity_id, document_id, mentions FROM appears_in WHERE document_id IN (SELECT value FROM json_each(:ids)) ORDER BY entity_id, document_id;
