-- name: entity_roles
-- description: An entity's roles and affiliations, with how many documents state each.
-- params: :id
SELECT f.role, o.name AS organization, count(DISTINCT f.document_id) AS documents FROM affiliation f LEFT JOIN entity o ON o.id = f.organization_id WHERE f.entity_id = :id GROUP BY f.role, o.name ORDER BY documents DESC, f.role, o.name;
