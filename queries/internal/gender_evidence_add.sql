-- name: gender_evidence_add
-- description: Gender evidence for a person in a document (pronouns, honorifics), adding mentions.
-- params: :entity_id, :document_id, :gender, :evidence, :mentions
INSERT INTO gender_evidence (entity_id, document_id, gender, evidence, mentions)
VALUES (:entity_id, :document_id, :gender, :evidence, :mentions)
ON CONFLICT (entity_id, document_id, evidence, gender) DO UPDATE SET mentions = mentions + excluded.mentions;
