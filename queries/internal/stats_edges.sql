-- name: stats_edges
-- description: Edges by type.
-- params: 
SELECT type, count(*) AS n FROM edge GROUP BY type ORDER BY type;
