-- name: bulk_restore
-- description: Builds what bulk_defer dropped, as the schema files define it (a test compares), and the full-text index from the quotes; run only while deferred_build has its row.
-- params:
DELETE FROM deferred_build;
CREATE INDEX document_date ON document(date);
CREATE INDEX document_outlet ON document(outlet);
CREATE INDEX entity_type ON entity(type, name);
CREATE INDEX alias_entity ON alias(entity_id);
CREATE INDEX quote_kind ON quote(kind);
CREATE INDEX quote_speaker_date ON quote(speaker_id, date DESC, document_id DESC, start, id, kind);
CREATE INDEX quote_date ON quote(date DESC, document_id DESC, start, id, kind);
CREATE INDEX quote_outlet_date ON quote(outlet, date DESC, document_id DESC, start, id, kind);
CREATE INDEX quote_speaker_outlet_date ON quote(speaker_id, outlet, date DESC, document_id DESC, start, id, kind);
CREATE INDEX quote_about_speaker ON quote_about(entity_id, speaker_id, document_id, date);
CREATE INDEX quote_about_date ON quote_about(entity_id, date DESC, document_id DESC);
CREATE INDEX quote_about_outlet_date ON quote_about(entity_id, outlet, date DESC, document_id DESC);
CREATE INDEX affiliation_entity ON affiliation(entity_id, organization_id, role, document_id);
CREATE INDEX affiliation_organization ON affiliation(organization_id, entity_id, role, document_id);
CREATE INDEX affiliation_document ON affiliation(document_id);
CREATE INDEX appears_in_entity ON appears_in(entity_id, document_id, mentions);
CREATE INDEX gender_evidence_document ON gender_evidence(document_id);
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
INSERT INTO quote_fts(quote_fts) VALUES ('rebuild');
