-- name: quote_about_insert
-- description: Stores an ABOUT edge from a quote to an entity, with copies of the quote's speaker, document and date (for `who --about`).
-- params: :quote_id, :entity_id
INSERT OR IGNORE INTO quote_about (quote_id, entity_id, speaker_id, document_id, date)
VALUES (:quote_id, :entity_id,
        (SELECT speaker_id FROM quote WHERE id = :quote_id),
        (SELECT document_id FROM quote WHERE id = :quote_id),
        (SELECT date FROM quote WHERE id = :quote_id));
