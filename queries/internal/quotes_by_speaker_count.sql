-- name: quotes_by_speaker_count
-- description: How many quotes `quotes --by` would list without a limit (same filters; index-only on quote_speaker_date without --about/--doc).
-- params: :name, :about?, :doc?, :kind?, :outlet?, :since?, :until?
SELECT count(*) AS total
  FROM quote q
 WHERE q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
   AND (:about IS NULL OR q.id IN (SELECT qa.quote_id FROM quote_about qa
                                    WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:about))))
   AND (:doc IS NULL OR q.document_id = :doc)
   AND (:kind IS NULL OR +q.kind = :kind)
   AND (:outlet IS NULL OR q.document_id IN (SELECT id FROM document WHERE lower(outlet) = lower(:outlet)))
   AND (:since IS NULL OR q.date >= :since)
   AND (:until IS NULL OR q.date <= :until);
