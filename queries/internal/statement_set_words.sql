-- name: statement_set_words
-- description: A statement takes the text of a longer copy.
-- params: :id, :words
UPDATE statement SET words = :words WHERE id = :id;
