-- name: spread_document_quotes
-- description: Quotes of a document that can be copies of a statement (direct and mixed) and are not linked yet.
-- params: :doc
SELECT q.id, q.text, q.document_id
  FROM quote q
 WHERE q.document_id = :doc
   AND q.kind IN ('direct', 'mixed')
   AND NOT EXISTS (SELECT 1 FROM quote_statement s WHERE s.quote_id = q.id)
 ORDER BY q.id;
