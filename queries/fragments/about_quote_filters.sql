-- fragment: about_quote_filters
-- description: The optional filters of `quotes --about` on a quote_about row `qa`, shared by both arms of the listing and of its count.
AND (:doc IS NULL OR qa.document_id = :doc)
AND (:kind IS NULL OR EXISTS (SELECT 1 FROM quote WHERE id = qa.quote_id AND kind = :kind))
AND (:since IS NULL OR qa.date >= :since)
AND (:until IS NULL OR qa.date <= :until)
