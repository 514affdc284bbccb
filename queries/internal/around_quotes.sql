-- name: around_quotes
-- description: Quotes by id (a JSON array of ids) with their speaker and document, for a partial graph.
-- params: :ids
SELECT id, document_id, kind, text, speaker_id, cue, confidence, start, end
  FROM quote
 WHERE id IN (SELECT value FROM json_each(:ids))
 ORDER BY document_id, start, id;
