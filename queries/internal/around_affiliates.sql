-- name: around_affiliates
-- description: Entities affiliated with, or having as affiliate, the entities whose ids are in a JSON array (one graph hop).
-- params: :ids
SELECT entity_id, organization_id FROM affiliation
 WHERE entity_id IN (SELECT value FROM json_each(:ids)) AND organization_id IS NOT NULL
UNION
SELECT entity_id, organization_id FROM affiliation
 WHERE organization_id IN (SELECT value FROM json_each(:ids));
