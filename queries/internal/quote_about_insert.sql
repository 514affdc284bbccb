-- name: quote_about_insert
-- description: Stores an ABOUT edge from a quote to an entity.
-- params: :quote_id, :entity_id
INSERT OR IGNORE INTO quote_about (quote_id, entity_id) VALUES (:quote_id, :entity_id);
