-- name: schema_v1
-- description: Migration 0 -> 1: the whole graph schema (tables, indexes, views, full-text search).
-- params:

-- Nodes -------------------------------------------------------------------

-- One row per stored document; `text` is what every span indexes.
CREATE TABLE document (
    id           TEXT PRIMARY KEY,
    title        TEXT,
    date         TEXT,
    url          TEXT,
    content_hash TEXT NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX document_date ON document(date);

-- People, organisations, places. `scope` is '' for entities shared by all
-- documents, or a document id for a single-token person name that must not
-- merge with same-named people of other documents.
CREATE TABLE entity (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('person', 'organization', 'place', 'other')),
    external_id TEXT,
    scope       TEXT NOT NULL DEFAULT '',
    name_key    TEXT NOT NULL
);
CREATE UNIQUE INDEX entity_key ON entity(name_key, type, scope);
CREATE INDEX entity_type ON entity(type, name);

-- Every name an entity is known by, normalised to lower case in `norm`.
CREATE TABLE alias (
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    alias     TEXT NOT NULL,
    norm      TEXT NOT NULL,
    source    TEXT NOT NULL CHECK (source IN ('name', 'mention', 'surname', 'user')),
    PRIMARY KEY (norm, entity_id)
) WITHOUT ROWID;
CREATE INDEX alias_entity ON alias(entity_id);

-- Where a document names (or refers to) an entity.
CREATE TABLE mention (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    entity_id   INTEGER REFERENCES entity(id) ON DELETE SET NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('name', 'pronoun', 'nominal')),
    text        TEXT NOT NULL
);
CREATE INDEX mention_document ON mention(document_id, start);
CREATE INDEX mention_entity ON mention(entity_id);

-- One attributed quotation. `speaker_id` is the SAID edge, `document_id` the IN edge.
CREATE TABLE quote (
    id            INTEGER PRIMARY KEY,
    document_id   TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'mixed', 'indirect')),
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    fragments     TEXT,
    speaker_id    INTEGER REFERENCES entity(id) ON DELETE SET NULL,
    speaker_text  TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    confidence    REAL NOT NULL,
    rule          TEXT NOT NULL
);
CREATE INDEX quote_document ON quote(document_id, start);
CREATE INDEX quote_speaker ON quote(speaker_id, document_id, start);
CREATE INDEX quote_kind ON quote(kind);

-- Edges ---------------------------------------------------------------------

-- ABOUT: entities named inside a quote's content (the speaker excluded).
CREATE TABLE quote_about (
    quote_id  INTEGER NOT NULL REFERENCES quote(id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    PRIMARY KEY (quote_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX quote_about_entity ON quote_about(entity_id, quote_id);

-- AFFILIATED_WITH: a role an entity holds ("spokesperson"), optionally for an organisation or place.
CREATE TABLE affiliation (
    id              INTEGER PRIMARY KEY,
    entity_id       INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    organization_id INTEGER REFERENCES entity(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    document_id     TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL
);
CREATE INDEX affiliation_entity ON affiliation(entity_id);
CREATE INDEX affiliation_organization ON affiliation(organization_id);
CREATE INDEX affiliation_document ON affiliation(document_id);

-- APPEARS_IN: an entity is mentioned in a document (`mentions` times).
CREATE TABLE appears_in (
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (entity_id, document_id)
) WITHOUT ROWID;
CREATE INDEX appears_in_document ON appears_in(document_id);

-- Full-text search over quote text (external content; Datasette detects it).
CREATE VIRTUAL TABLE quote_fts USING fts5(text, content="quote", content_rowid="id");
CREATE TRIGGER quote_fts_insert AFTER INSERT ON quote BEGIN
    INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quote_fts_delete AFTER DELETE ON quote BEGIN
    INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quote_fts_update AFTER UPDATE OF text ON quote BEGIN
    INSERT INTO quote_fts(quote_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quote_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Views ---------------------------------------------------------------------

-- Every typed edge of the graph in one place.
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
    SELECT 'APPEARS_IN', 'entity', CAST(entity_id AS TEXT), 'document', document_id, NULL, document_id FROM appears_in;

-- Who said what: one row per quote with its speaker and document.
CREATE VIEW who_said_what AS
    SELECT e.name AS speaker, e.type AS speaker_type, q.text AS quote, q.kind, q.cue,
           d.id AS document, d.title, d.date, q.start, q.end, q.confidence, q.id AS quote_id
      FROM quote q
      JOIN document d ON d.id = q.document_id
      LEFT JOIN entity e ON e.id = q.speaker_id;

-- Who talks about whom: speaker, the entity their quotes name, and how often.
CREATE VIEW who_talks_about_whom AS
    SELECT s.name AS speaker, a.name AS about, a.type AS about_type, count(*) AS quotes
      FROM quote q
      JOIN entity s ON s.id = q.speaker_id
      JOIN quote_about qa ON qa.quote_id = q.id
      JOIN entity a ON a.id = qa.entity_id
     GROUP BY s.id, a.id;

PRAGMA user_version = 1;
