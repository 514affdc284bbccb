-- name: search_count
-- description: How many quotes match a full-text query (walks the match list, no ranking).
-- params: :query
SELECT count(*) AS total FROM quote_fts WHERE quote_fts MATCH :query;
