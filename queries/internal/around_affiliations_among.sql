-- name: around_affiliations_among
-- description: AFFILIATED_WITH edges between two of the entities whose ids are in a JSON array, for a partial graph.
-- params: :ids
-- (entity, organisation) pairs looked up on the covering index affiliation_entity.
SELECT entity_id, organization_id, role, document_id
  FROM affiliation
 WHERE entity_id IN (SELECT value FROM json_each(:ids))
   AND organization_id IN (SELECT value FROM json_each(:ids))
 ORDER BY entity_id, organization_id, role, document_id;
