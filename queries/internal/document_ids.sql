-- name: document_ids
-- description: Ids of every stored document, in id order.
-- params: 
SELECT id FROM document ORDER BY id;
