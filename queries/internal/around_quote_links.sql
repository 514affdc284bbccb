-- name: around_quote_links
-- description: Speaker and document of the quotes whose ids are in a JSON array (one graph hop).
-- params: :ids
SELECT id, speaker_id, document_id FROM quote WHERE id IN (SELECT value FROM json_each(:ids));
