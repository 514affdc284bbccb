-- name: graph_appears_in
-- description: Every APPEARS_IN edge with its mention count, for building the graph.
-- params: 
SELECT entity_id, document_id, mentions FROM appears_in ORDER BY entity_id, document_id;
