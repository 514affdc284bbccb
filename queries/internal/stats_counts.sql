-- name: stats_counts
-- description: Counts of documents, quotes, mentions, entities and aliases.
-- params: 
SELECT 'documents' AS what, count(*) AS n FROM document UNION ALL SELECT 'quotes', count(*) FROM quote UNION ALL SELECT 'mentions', coalesce(sum(count), 0) FROM document_mentions UNION ALL SELECT 'entities', count(*) FROM entity UNION ALL SELECT 'aliases', count(*) FROM alias;
