-- name: around_appears_in
-- description: APPEARS_IN edges from the entities of :entities into the documents of :documents (JSON arrays of ids), for a partial graph.
-- params: :entities, :documents
-- Driven by the document index (`+` keeps SQLite from walking every document of hub entities instead).
SELECT entity_id, document_id, mentions
  FROM appears_in
 WHERE document_id IN (SELECT value FROM json_each(:documents))
   AND +entity_id IN (SELECT value FROM json_each(:entities))
 ORDER BY entity_id, document_id;
