-- name: graph_affiliations
-- description: Every AFFILIATED_WITH edge with its role, for building the graph.
-- params: 
SELECT entity_id, organization_id, role, document_id FROM affiliation WHERE organization_id IS NOT NULL ORDER BY entity_id, organization_id, role, document_id;
