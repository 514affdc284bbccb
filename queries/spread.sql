-- name: spread
-- description: Every stored copy of a statement (:statement, or the one quote id :quote belongs to): document, outlet, date, speaker, earliest first.
-- params: :quote?, :statement?
SELECT q.id AS quote_id, q.document_id AS doc, d.outlet, d.date, s.name AS speaker, q.speaker_id,
       q.speaker_text AS speaker_mention, q.kind, m.match, m.similarity, q.text AS quote, m.statement_id
  FROM quote_statement m
  JOIN quote q ON q.id = m.quote_id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE m.statement_id = coalesce(:statement, (SELECT statement_id FROM quote_statement WHERE quote_id = :quote))
 ORDER BY d.date IS NULL, d.date, q.id;
