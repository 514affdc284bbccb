-- name: schema_v3
-- description: Migration 2 -> 3: document outlets, statements (copies of one quote across documents, SAME_AS edges) and speakers' gender evidence.
-- params:

-- The outlet of a document: the JSONL `outlet` field, else the host of its
-- URL without "www.". Existing rows get the URL's host.
ALTER TABLE document ADD COLUMN outlet TEXT;
UPDATE document SET outlet = (
    WITH s(rest) AS (SELECT CASE WHEN instr(url, '://') > 0 THEN substr(url, instr(url, '://') + 3) ELSE url END),
         h(host) AS (SELECT lower(CASE WHEN instr(rest, '/') > 0 THEN substr(rest, 1, instr(rest, '/') - 1) ELSE rest END) FROM s)
    SELECT CASE WHEN host LIKE 'www.%' THEN substr(host, 5) ELSE host END FROM h)
 WHERE url IS NOT NULL AND url <> '';
UPDATE document SET outlet = NULL WHERE outlet = '';
CREATE INDEX document_outlet ON document(outlet);

-- A statement: one quote carried by several documents (trimmed, re-punctuated,
-- a few words changed). `words` is the normalised text of its longest copy so
-- far, what a new copy is compared with. Statements are never deleted: one
-- whose copies are all gone is found again by the next copy.
CREATE TABLE statement (
    id    INTEGER PRIMARY KEY,
    words TEXT NOT NULL
);

-- The look-up keys of a statement: winnowed word-shingle hashes of its
-- copies' text (text::near_dup). A new quote looks its keys up here instead
-- of comparing itself with every stored quote.
CREATE TABLE statement_key (
    key          INTEGER NOT NULL,
    statement_id INTEGER NOT NULL,
    PRIMARY KEY (key, statement_id)
) WITHOUT ROWID;

-- Which statement a quote is a copy of, and how close it was to the
-- statement's text when it was linked (`match`: exact, contained, edited).
CREATE TABLE quote_statement (
    quote_id     INTEGER PRIMARY KEY REFERENCES quote(id) ON DELETE CASCADE,
    statement_id INTEGER NOT NULL,
    similarity   REAL NOT NULL,
    match        TEXT NOT NULL CHECK (match IN ('exact', 'contained', 'edited'))
);
CREATE INDEX quote_statement_statement ON quote_statement(statement_id, quote_id);

-- SAME_AS: every copy of a statement points to its first stored copy.
CREATE VIEW same_as AS
    SELECT m.quote_id AS quote_id, f.first AS same_as_id, m.statement_id, m.similarity, m.match
      FROM quote_statement m
      JOIN (SELECT statement_id, min(quote_id) AS first FROM quote_statement GROUP BY statement_id) f
        ON f.statement_id = m.statement_id
     WHERE m.quote_id <> f.first;

-- Gender evidence for a person in one document, from the text: pronouns
-- resolved to them ("she said") and honorifics ("Ms. Ortiz"). Evidence from
-- the first-name list needs no text and is looked up when reporting.
CREATE TABLE gender_evidence (
    entity_id   INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
    gender      TEXT NOT NULL CHECK (gender IN ('female', 'male')),
    evidence    TEXT NOT NULL CHECK (evidence IN ('pronoun', 'honorific')),
    mentions    INTEGER NOT NULL,
    PRIMARY KEY (entity_id, document_id, evidence, gender)
) WITHOUT ROWID;
CREATE INDEX gender_evidence_document ON gender_evidence(document_id);

-- The edge view gains SAME_AS.
DROP VIEW edge;
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

PRAGMA user_version = 3;
