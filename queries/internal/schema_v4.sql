-- name: schema_v4
-- description: Migration 3 -> 4: the document's outlet (lower case) copied onto quotes and ABOUT edges, with indexes that answer the outlet filter in O(limit).
-- params:

-- The outlet filter (`quotes --outlet`, `/api/quotes?outlet=`) built the set
-- of the outlet's documents from every document row and tested each quote
-- against it: 4.5 s at 1.3 M quotes when one outlet holds most documents.
-- The outlet is copied onto `quote` and `quote_about` as the date was in v2,
-- in lower case (SQLite's `lower`, as the filter compared it before), so that
-- `outlet = lower(:outlet)` is one index range already in list order.

ALTER TABLE quote ADD COLUMN outlet TEXT;
UPDATE quote SET outlet = lower(d.outlet)
  FROM document d
 WHERE d.id = quote.document_id AND d.outlet IS NOT NULL;

ALTER TABLE quote_about ADD COLUMN outlet TEXT;
UPDATE quote_about SET outlet = q.outlet
  FROM quote q
 WHERE q.id = quote_about.quote_id AND q.outlet IS NOT NULL;

-- `quotes --outlet` (and with --since/--until: a date range inside the outlet), newest first.
CREATE INDEX quote_outlet_date ON quote(outlet, date DESC, document_id DESC, start, id, kind);
-- `quotes --by NAME --outlet`, newest first.
CREATE INDEX quote_speaker_outlet_date ON quote(speaker_id, outlet, date DESC, document_id DESC, start, id, kind);
-- `quotes --about NAME --outlet`, newest first.
CREATE INDEX quote_about_outlet_date ON quote_about(entity_id, outlet, date DESC, document_id DESC);

-- The copies are filled by the insert statements; the triggers of v2 keep
-- them right whatever writes the rows, now with the outlet.
CREATE TRIGGER quote_outlet_fill AFTER INSERT ON quote
  WHEN new.outlet IS NULL AND EXISTS (SELECT 1 FROM document d WHERE d.id = new.document_id AND d.outlet IS NOT NULL)
BEGIN
    UPDATE quote SET outlet = (SELECT lower(d.outlet) FROM document d WHERE d.id = new.document_id) WHERE id = new.id;
END;
DROP TRIGGER quote_about_fill;
CREATE TRIGGER quote_about_fill AFTER INSERT ON quote_about
  WHEN new.document_id IS NULL
BEGIN
    UPDATE quote_about SET (speaker_id, document_id, date, outlet) =
           (SELECT q.speaker_id, q.document_id, q.date, q.outlet FROM quote q WHERE q.id = new.quote_id)
     WHERE quote_id = new.quote_id AND entity_id = new.entity_id;
END;
CREATE TRIGGER document_outlet_copy AFTER UPDATE OF outlet ON document
BEGIN
    UPDATE quote SET outlet = lower(new.outlet) WHERE document_id = new.id;
END;
DROP TRIGGER quote_copy_to_about;
CREATE TRIGGER quote_copy_to_about AFTER UPDATE OF speaker_id, document_id, date, outlet ON quote
BEGIN
    UPDATE quote_about SET speaker_id = new.speaker_id, document_id = new.document_id, date = new.date, outlet = new.outlet
     WHERE quote_id = new.id;
END;

PRAGMA user_version = 4;
