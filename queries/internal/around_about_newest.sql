-- name: around_about_newest
-- description: Ids of the :max newest quotes that name one entity (bounded ego graphs; index quote_about_date).
-- params: :id, :max
SELECT quote_id FROM quote_about WHERE entity_id = :id ORDER BY date DESC, document_id DESC, quote_id LIMIT :max;
