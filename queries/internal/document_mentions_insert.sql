-- name: document_mentions_insert
-- description: Stores a document's mentions as one row: a JSON array of [start, end, kind (0 name, 1 pronoun, 2 nominal), entity_id].
-- params: :document_id, :count, :spans
INSERT INTO document_mentions (document_id, count, spans) VALUES (:document_id, :count, :spans);
