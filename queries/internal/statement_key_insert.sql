-- name: statement_key_insert
-- description: A look-up key of a statement.
-- params: :key, :statement_id
INSERT OR IGNORE INTO statement_key (key, statement_id) VALUES (:key, :statement_id);
