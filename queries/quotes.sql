-- name: quotes
-- description: All quotes, optionally of one document, kind or date range.
-- params: :doc?, :kind?, :since?, :until?
SELECT q.document_id AS doc, s.name AS speaker, q.kind, q.text AS quote, q.cue, q.start, q.end, q.confidence,
       d.title, d.date, q.speaker_text AS speaker_mention, q.rule, q.id AS quote_id
  FROM quote q
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE (:doc IS NULL OR q.document_id = :doc)
   AND (:kind IS NULL OR q.kind = :kind)
   AND (:since IS NULL OR d.date >= :since)
   AND (:until IS NULL OR d.date <= :until)
 ORDER BY d.date, q.document_id, q.start;
