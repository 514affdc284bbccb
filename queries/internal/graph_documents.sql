-- name: graph_documents
-- description: Every document's metadata, for building the graph.
-- params: 
SELECT id, title, date, url FROM document ORDER BY id;
