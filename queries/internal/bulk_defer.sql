-- name: bulk_defer
-- description: Drops the secondary indexes and full-text triggers for a bulk load into an empty database, after bulk_mark marked them missing (bulk_restore builds them again; the next writable open does if a load was killed).
-- params:
-- Kept: the primary keys, entity_key (entity look-ups), quote_document (linking copies and
-- deletes read a document's quotes) and the statement tables (linking reads them).
-- Writes that need a dropped index (a replaced document, collecting entities) restore them first.
DROP INDEX document_date;
DROP INDEX document_outlet;
DROP INDEX entity_type;
DROP INDEX alias_entity;
DROP INDEX quote_kind;
DROP INDEX quote_speaker_date;
DROP INDEX quote_date;
DROP INDEX quote_outlet_date;
DROP INDEX quote_speaker_outlet_date;
DROP INDEX quote_about_speaker;
DROP INDEX quote_about_date;
DROP INDEX quote_about_outlet_date;
DROP INDEX affiliation_entity;
DROP INDEX affiliation_organization;
DROP INDEX affiliation_document;
DROP INDEX appears_in_entity;
DROP INDEX gender_evidence_document;
DROP TRIGGER quote_fts_insert;
DROP TRIGGER quote_fts_delete;
DROP TRIGGER quote_fts_update;
