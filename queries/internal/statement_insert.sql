-- name: statement_insert
-- description: A new statement with the normalised text of its first copy.
-- params: :words
INSERT INTO statement (words) VALUES (:words);
