-- name: quotes_count
-- description: How many quotes `quotes` would list without a limit (same filters; index-only without --doc: quote_date, or quote_outlet_date with --outlet).
-- params: :doc?, :kind?, :outlet?, :since?, :until?
SELECT (SELECT count(*)
          FROM quote q
         WHERE :outlet IS NULL
           AND (:doc IS NULL OR q.document_id = :doc)
           AND (:kind IS NULL OR q.kind = :kind)
           AND (:since IS NULL OR q.date >= :since)
           AND (:until IS NULL OR q.date <= :until))
     + (SELECT count(*)
          FROM quote q
         WHERE q.outlet = lower(:outlet)
           AND (:doc IS NULL OR q.document_id = :doc)
           AND (:kind IS NULL OR q.kind = :kind)
           AND (:since IS NULL OR q.date >= :since)
           AND (:until IS NULL OR q.date <= :until)) AS total;
