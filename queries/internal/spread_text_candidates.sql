-- name: spread_text_candidates
-- description: Statements of the quotes that best match a full-text query (bm25), for `spread TEXT` when no look-up key matches.
-- params: :query, :limit
SELECT DISTINCT m.statement_id
  FROM (SELECT rowid AS id FROM quote_fts WHERE quote_fts MATCH :query ORDER BY rank LIMIT :limit) f
  JOIN quote_statement m ON m.quote_id = f.id;
