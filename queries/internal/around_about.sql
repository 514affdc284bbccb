-- name: around_about
-- description: ABOUT edges of the quotes whose ids are in a JSON array, for a partial graph.
-- params: :ids
SELECT quote_id, entity_id FROM quote_about WHERE quote_id IN (SELECT value FROM json_each(:ids)) ORDER BY quote_id, entity_id;
