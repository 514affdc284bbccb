-- name: graph_entities
-- description: Every entity with its quote counts, for building the graph.
-- params: 
SELECT e.id, e.name, e.type, e.external_id, (SELECT count(*) FROM quote q WHERE q.speaker_id = e.id) AS said, (SELECT count(*) FROM quote_about qa WHERE qa.entity_id = e.id) AS about FROM entity e ORDER BY e.id;
