-- name: graph_quotes
-- description: Every quote with its speaker and document, for building the graph.
-- params: 
SELECT id, document_id, kind, text, speaker_id, cue, confidence, start, end FROM quote ORDER BY document_id, start, id;
