-- name: quotes_about_count
-- description: How many quotes `quotes --about` would list without a limit (same filters; quote_about_date, or quote_about_outlet_date with --outlet).
-- params: :name, :doc?, :kind?, :outlet?, :since?, :until?
SELECT (SELECT count(DISTINCT qa.quote_id)
          FROM quote_about qa
         WHERE :outlet IS NULL
           AND qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           AND (:doc IS NULL OR qa.document_id = :doc)
           AND (:kind IS NULL OR EXISTS (SELECT 1 FROM quote WHERE id = qa.quote_id AND kind = :kind))
           AND (:since IS NULL OR qa.date >= :since)
           AND (:until IS NULL OR qa.date <= :until))
     + (SELECT count(DISTINCT qa.quote_id)
          FROM quote_about qa
         WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           AND qa.outlet = lower(:outlet)
           AND (:doc IS NULL OR qa.document_id = :doc)
           AND (:kind IS NULL OR EXISTS (SELECT 1 FROM quote WHERE id = qa.quote_id AND kind = :kind))
           AND (:since IS NULL OR qa.date >= :since)
           AND (:until IS NULL OR qa.date <= :until)) AS total;
