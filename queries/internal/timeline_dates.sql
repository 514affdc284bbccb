-- name: timeline_dates
-- description: Quotes said by an entity (canonical name or alias) per document date and document, within :since..:until.
-- params: :name, :since?, :until?
SELECT q.date, q.document_id AS doc, count(*) AS quotes
  FROM quote q
 WHERE q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = :name)
   AND (:since IS NULL OR q.date >= :since)
   AND (:until IS NULL OR q.date <= :until)
 GROUP BY q.date, q.document_id
 ORDER BY q.date, q.document_id;
