-- name: search
-- description: Full-text search over quote text (FTS5 syntax), best matches first, with the match highlighted in [brackets].
-- params: :query, :limit?
SELECT s.name AS speaker, q.document_id AS doc, highlight(quote_fts, 0, '[', ']') AS match, q.kind,
       q.start, q.end, d.title, d.date, q.id AS quote_id
  FROM quote_fts
  JOIN quote q ON q.id = quote_fts.rowid
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE quote_fts MATCH :query
 ORDER BY rank, q.id
 LIMIT coalesce(:limit, 100);
