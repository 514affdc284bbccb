-- name: around_entity_quotes
-- description: (entity, quote) pairs of the quotes said by, or naming, the entities whose ids are in a JSON array (one graph hop).
-- params: :ids
SELECT speaker_id, id FROM quote WHERE speaker_id IN (SELECT value FROM json_each(:ids))
UNION ALL
SELECT entity_id, quote_id FROM quote_about WHERE entity_id IN (SELECT value FROM json_each(:ids));
