-- fragment: speaker_quote_filters
-- description: The optional filters of `quotes --by` on a quote row `q`, shared by both arms of the listing and of its count (`+q.kind` keeps the kind out of the index choice).
AND (:about IS NULL OR q.id IN (SELECT qa.quote_id FROM quote_about qa
                                 WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:about))))
AND (:doc IS NULL OR q.document_id = :doc)
AND (:kind IS NULL OR +q.kind = :kind)
AND (:since IS NULL OR q.date >= :since)
AND (:until IS NULL OR q.date <= :until)
