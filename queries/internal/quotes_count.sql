-- name: quotes_count
-- description: How many quotes `quotes` would list without a limit (same filters; index-only without --doc).
-- params: :doc?, :kind?, :outlet?, :since?, :until?
SELECT count(*) AS total
  FROM quote q
 WHERE (:doc IS NULL OR q.document_id = :doc)
   AND (:kind IS NULL OR q.kind = :kind)
   AND (:outlet IS NULL OR q.document_id IN (SELECT id FROM document WHERE lower(outlet) = lower(:outlet)))
   AND (:since IS NULL OR q.date >= :since)
   AND (:until IS NULL OR q.date <= :until);
