-- name: around_document_quotes
-- description: (document, quote) pairs of the quotes in the documents whose ids are in a JSON array (one graph hop).
-- params: :ids
SELECT document_id, id FROM quote WHERE document_id IN (SELECT value FROM json_each(:ids));
