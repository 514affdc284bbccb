-- name: statement_key_lookup
-- description: Statements with a look-up key, at most :limit of them.
-- params: :key, :limit
SELECT statement_id FROM statement_key WHERE key = :key LIMIT :limit;
