-- name: quote_statement_of
-- description: The statement a quote is a copy of.
-- params: :quote_id
SELECT statement_id FROM quote_statement WHERE quote_id = :quote_id;
