-- name: quotes
-- description: All quotes, newest document first (then in text order), optionally of one document, kind, outlet (exact name, case-insensitive) or date range; :limit and :offset page them.
-- params: :doc?, :kind?, :outlet?, :since?, :until?, :limit?, :offset?
-- The page is chosen on the index quote_date (no row is read beyond it), then joined.
WITH page AS (
    SELECT q.id, q.date, q.document_id, q.start
      FROM quote q
     WHERE (:doc IS NULL OR q.document_id = :doc)
       AND (:kind IS NULL OR q.kind = :kind)
       AND (:outlet IS NULL OR q.document_id IN (SELECT id FROM document WHERE lower(outlet) = lower(:outlet)))
       AND (:since IS NULL OR q.date >= :since)
       AND (:until IS NULL OR q.date <= :until)
     ORDER BY q.date DESC, q.document_id DESC, q.start, q.id
     LIMIT coalesce(:limit, -1) OFFSET coalesce(:offset, 0)
)
SELECT q.document_id AS doc, s.name AS speaker, q.kind, q.text AS quote, q.cue, q.start, q.end, q.confidence,
       d.title, d.date, q.speaker_text AS speaker_mention, q.rule, q.id AS quote_id
  FROM page p
  JOIN quote q ON q.id = p.id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 ORDER BY p.date DESC, p.document_id DESC, p.start, p.id;
