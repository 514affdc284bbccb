-- name: statement_words
-- description: The normalised text a statement's new copies are compared with.
-- params: :id
SELECT words FROM statement WHERE id = :id;
