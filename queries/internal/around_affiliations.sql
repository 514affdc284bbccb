-- name: around_affiliations
-- description: AFFILIATED_WITH edges from or to the entities whose ids are in a JSON array, for a partial graph.
-- params: :ids
SELECT entity_id, organization_id, role, document_id FROM (
    SELECT id, entity_id, organization_id, role, document_id FROM affiliation
     WHERE entity_id IN (SELECT value FROM json_each(:ids)) AND organization_id IS NOT NULL
    UNION
    SELECT id, entity_id, organization_id, role, document_id FROM affiliation
     WHERE organization_id IN (SELECT value FROM json_each(:ids))
)
 ORDER BY entity_id, organization_id, role, document_id;
