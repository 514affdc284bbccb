-- name: spread_unlinked_quotes
-- description: Every direct or mixed quote not linked to a statement yet (migration to v3, `spread --relink`), in id order.
-- params:
SELECT q.id, q.text, q.document_id
  FROM quote q
 WHERE q.kind IN ('direct', 'mixed')
   AND NOT EXISTS (SELECT 1 FROM quote_statement s WHERE s.quote_id = q.id)
 ORDER BY q.id;
