-- name: quotes_about_count
-- description: How many quotes `quotes --about` would list without a limit (same filters).
-- params: :name, :doc?, :kind?, :outlet?, :since?, :until?
SELECT count(DISTINCT qa.quote_id) AS total
  FROM quote_about qa
 WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
   AND (:doc IS NULL OR qa.document_id = :doc)
   AND (:kind IS NULL OR EXISTS (SELECT 1 FROM quote WHERE id = qa.quote_id AND kind = :kind))
   AND (:outlet IS NULL OR qa.document_id IN (SELECT id FROM document WHERE lower(outlet) = lower(:outlet)))
   AND (:since IS NULL OR qa.date >= :since)
   AND (:until IS NULL OR qa.date <= :until);
