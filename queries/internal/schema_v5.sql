-- name: schema_v5
-- description: Migration 4 -> 5: a document's mentions in one row (a compact array; `mention` becomes a view), APPEARS_IN keyed by document first, and the marker of indexes deferred by a bulk load.
-- params:

-- Ingest wrote about 58 mention rows per news article, each with two index
-- entries and two foreign-key look-ups: half of the writer's rows. A
-- document's mentions are now one row: `spans` is a JSON array of
-- [start, end, kind, entity_id] in extraction order (kind 0 name, 1 pronoun,
-- 2 nominal; entity_id null when unresolved), the text being the byte slice
-- of the stored document. The entity side of a mention, the old
-- `mention_entity` index, is exactly APPEARS_IN (one row per entity and
-- document), which stays a table.
CREATE TABLE document_mentions (
    document_id TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,
    count       INTEGER NOT NULL,
    spans       TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO document_mentions (document_id, count, spans)
SELECT document_id, count(*),
       json_group_array(json_array(start, end, CASE kind WHEN 'name' THEN 0 WHEN 'pronoun' THEN 1 ELSE 2 END, entity_id) ORDER BY id)
  FROM mention
 GROUP BY document_id;
DROP TABLE mention;

-- The old table's columns (without its row id), for readers written against it.
CREATE VIEW mention AS
    SELECT m.document_id AS document_id,
           j.value ->> 3 AS entity_id,
           j.value ->> 0 AS start,
           j.value ->> 1 AS end,
           CASE j.value ->> 2 WHEN 0 THEN 'name' WHEN 1 THEN 'pronoun' ELSE 'nominal' END AS kind,
           CAST(substr(CAST(d.text AS BLOB), (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)) AS TEXT) AS text,
           j.key AS seq
      FROM document_mentions m
      JOIN document d ON d.id = m.document_id
      JOIN json_each(m.spans) j;

-- APPEARS_IN keyed by document, then entity: a new document's rows go to the
-- end of the table instead of all over it; the entity side is an index.
DROP VIEW edge;
CREATE TABLE appears_in_v5 (
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (document_id, entity_id)
) WITHOUT ROWID;
INSERT INTO appears_in_v5 (document_id, entity_id, mentions) SELECT document_id, entity_id, mentions FROM appears_in ORDER BY document_id, entity_id;
DROP TABLE appears_in;
ALTER TABLE appears_in_v5 RENAME TO appears_in;
CREATE INDEX appears_in_entity ON appears_in(entity_id, document_id, mentions);
CREATE VIEW edge AS
    SELECT 'SAID' AS type, 'entity' AS source_kind, CAST(speaker_id AS TEXT) AS source_id,
           'quote' AS target_kind, CAST(id AS TEXT) AS target_id, NULL AS role, document_id
      FROM quote WHERE speaker_id IS NOT NULL
    UNION ALL
    SELECT 'ABOUT', 'quote', CAST(qa.quote_id AS TEXT), 'entity', CAST(qa.entity_id AS TEXT), NULL, q.document_id
      FROM quote_about qa JOIN quote q ON q.id = qa.quote_id
    UNION ALL
    SELECT 'IN', 'quote', CAST(id AS TEXT), 'document', document_id, NULL, document_id FROM quote
    UNION ALL
    SELECT 'AFFILIATED_WITH', 'entity', CAST(entity_id AS TEXT), 'entity', CAST(organization_id AS TEXT), role, document_id
      FROM affiliation WHERE organization_id IS NOT NULL
    UNION ALL
    SELECT 'APPEARS_IN', 'entity', CAST(entity_id AS TEXT), 'document', document_id, NULL, document_id FROM appears_in
    UNION ALL
    SELECT 'SAME_AS', 'quote', CAST(s.quote_id AS TEXT), 'quote', CAST(s.same_as_id AS TEXT), s.match, q.document_id
      FROM same_as s JOIN quote q ON q.id = s.quote_id;

-- A bulk load into an empty database drops the secondary indexes and the
-- full-text triggers and builds them once at its end (queries/internal/
-- bulk_defer.sql, bulk_restore.sql). A row here says they are missing: the
-- next writable open builds them, so a killed load loses nothing. `pid` is
-- the loading process: an open while it runs leaves its indexes to it.
CREATE TABLE deferred_build (
    what TEXT PRIMARY KEY,
    pid  INTEGER NOT NULL
) WITHOUT ROWID;

PRAGMA user_version = 5;
