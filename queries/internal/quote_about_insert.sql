-- name: quote_about_insert
-- description: Stores an ABOUT edge from a quote to an entity, with copies of the quote's speaker, document, date and outlet (for `who --about` and `quotes --about`).
-- params: :quote_id, :entity_id
INSERT OR IGNORE INTO quote_about (quote_id, entity_id, speaker_id, document_id, date, outlet)
VALUES (:quote_id, :entity_id,
        (SELECT speaker_id FROM quote WHERE id = :quote_id),
        (SELECT document_id FROM quote WHERE id = :quote_id),
        (SELECT date FROM quote WHERE id = :quote_id),
        (SELECT outlet FROM quote WHERE id = :quote_id));
