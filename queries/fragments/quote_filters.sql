-- fragment: quote_filters
-- description: The optional filters of `quotes` on a quote row `q`, shared by both arms of the listing and of its count.
AND (:doc IS NULL OR q.document_id = :doc)
AND (:kind IS NULL OR q.kind = :kind)
AND (:since IS NULL OR q.date >= :since)
AND (:until IS NULL OR q.date <= :until)
