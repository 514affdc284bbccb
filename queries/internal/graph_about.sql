-- name: graph_about
-- description: Every ABOUT edge, for building the graph.
-- params: 
SELECT quote_id, entity_id FROM quote_about ORDER BY quote_id, entity_id;
