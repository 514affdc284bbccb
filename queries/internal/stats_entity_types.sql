-- name: stats_entity_types
-- description: Entities by type.
-- params: 
SELECT type, count(*) AS n FROM entity GROUP BY type ORDER BY type;
