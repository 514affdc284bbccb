-- name: quote_statement_insert
-- description: Links a quote to the statement it is a copy of.
-- params: :quote_id, :statement_id, :similarity, :match
INSERT OR REPLACE INTO quote_statement (quote_id, statement_id, similarity, match)
VALUES (:quote_id, :statement_id, :similarity, :match);
