-- name: schema_v2
-- description: Migration 1 -> 2: the document date copied onto quotes and ABOUT edges, with indexes that answer list queries newest first in O(limit).
-- params:

-- `quotes --by`, `--about` and `who --about` list the newest quotes first and
-- stop after a page. The date lives on `document`, so ordering by it needed a
-- join and a sort of every matching quote (tens of thousands for a frequent
-- speaker). The date is copied onto `quote`, and speaker, document and date
-- onto `quote_about`, so that one index range, already in order, answers them.

ALTER TABLE quote ADD COLUMN date TEXT;
UPDATE quote SET date = (SELECT d.date FROM document d WHERE d.id = quote.document_id)
 WHERE document_id IN (SELECT id FROM document WHERE date IS NOT NULL);

ALTER TABLE quote_about ADD COLUMN speaker_id INTEGER;
ALTER TABLE quote_about ADD COLUMN document_id TEXT;
ALTER TABLE quote_about ADD COLUMN date TEXT;
UPDATE quote_about SET (speaker_id, document_id, date) =
       (SELECT q.speaker_id, q.document_id, q.date FROM quote q WHERE q.id = quote_about.quote_id);

-- `quotes --by NAME`, newest first; `kind` makes counts with --kind index-only.
DROP INDEX quote_speaker;
CREATE INDEX quote_speaker_date ON quote(speaker_id, date DESC, document_id DESC, start, id, kind);
-- `quotes` without a name, newest first.
CREATE INDEX quote_date ON quote(date DESC, document_id DESC, start, id, kind);
-- `who --about NAME`: one index range grouped by speaker (the key quote_id is in every index of this
-- table); with the date it also covers the quotes between neighbours of an ego graph.
DROP INDEX quote_about_entity;
CREATE INDEX quote_about_speaker ON quote_about(entity_id, speaker_id, document_id, date);
-- `quotes --about NAME`, newest first.
CREATE INDEX quote_about_date ON quote_about(entity_id, date DESC, document_id DESC);

-- Affiliations from or to an entity (neighbours, ego graphs), index-only:
-- most rows are a role without an organisation, skipped by the range
-- `organization_id IS NOT NULL` without reading the table.
DROP INDEX affiliation_entity;
CREATE INDEX affiliation_entity ON affiliation(entity_id, organization_id, role, document_id);
DROP INDEX affiliation_organization;
CREATE INDEX affiliation_organization ON affiliation(organization_id, entity_id, role, document_id);

-- The copies are filled by the insert statements (quote_insert,
-- quote_about_insert); these triggers keep them right whatever writes the
-- rows (another program, an older statement) and when the originals change.
CREATE TRIGGER quote_date_fill AFTER INSERT ON quote
  WHEN new.date IS NULL AND EXISTS (SELECT 1 FROM document d WHERE d.id = new.document_id AND d.date IS NOT NULL)
BEGIN
    UPDATE quote SET date = (SELECT d.date FROM document d WHERE d.id = new.document_id) WHERE id = new.id;
END;
CREATE TRIGGER quote_about_fill AFTER INSERT ON quote_about
  WHEN new.document_id IS NULL
BEGIN
    UPDATE quote_about SET (speaker_id, document_id, date) =
           (SELECT q.speaker_id, q.document_id, q.date FROM quote q WHERE q.id = new.quote_id)
     WHERE quote_id = new.quote_id AND entity_id = new.entity_id;
END;
CREATE TRIGGER document_date_copy AFTER UPDATE OF date ON document
BEGIN
    UPDATE quote SET date = new.date WHERE document_id = new.id;
END;
CREATE TRIGGER quote_copy_to_about AFTER UPDATE OF speaker_id, document_id, date ON quote
BEGIN
    UPDATE quote_about SET speaker_id = new.speaker_id, document_id = new.document_id, date = new.date
     WHERE quote_id = new.id;
END;

PRAGMA user_version = 2;
