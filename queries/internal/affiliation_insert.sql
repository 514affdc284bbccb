-- name: affiliation_insert
-- description: Stores a role (AFFILIATED_WITH when it names an organisation).
-- params: :entity_id, :organization_id, :role, :document_id, :start, :end
INSERT INTO affiliation (entity_id, organization_id, role, document_id, start, end) VALUES (:entity_id, :organization_id, :role, :document_id, :start, :end);
