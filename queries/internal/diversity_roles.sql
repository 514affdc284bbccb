-- name: diversity_roles
-- description: Roles and organisations of every speaker, with how many times the text states them.
-- params:
SELECT a.entity_id, a.role, o.name AS organization, count(*) AS n
  FROM affiliation a
  LEFT JOIN entity o ON o.id = a.organization_id
 WHERE a.entity_id IN (SELECT speaker_id FROM quote WHERE speaker_id IS NOT NULL)
 GROUP BY a.entity_id, a.role, o.name
 ORDER BY a.entity_id, n DESC, a.role, o.name;
