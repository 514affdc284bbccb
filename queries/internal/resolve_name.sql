-- name: resolve_name
-- description: Entities a name (canonical name or alias, case-insensitive) refers to.
-- params: :name
SELECT DISTINCT e.id FROM alias a JOIN entity e ON e.id = a.entity_id WHERE a.norm = lower(:name) ORDER BY (a.source = 'surname'), e.id;
