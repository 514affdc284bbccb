-- name: quotes
-- description: All quotes, newest document first (then in text order), optionally of one document, kind, outlet (exact name, case-insensitive) or date range; :limit and :offset page them.
-- params: :doc?, :kind?, :outlet?, :since?, :until?, :limit?, :offset?
-- The page is chosen on an index walked in order (no row is read beyond it),
-- then joined: quote_date without :outlet, quote_outlet_date with it (the
-- outlet copied onto the quote in lower case). Of the two arms only the one
-- whose constant test holds reads anything.
WITH page AS (
    SELECT q.id, q.date, q.document_id, q.start
      FROM quote q
     WHERE :outlet IS NULL
       {{quote_filters}}
    UNION ALL
    SELECT q.id, q.date, q.document_id, q.start
      FROM quote q
     WHERE q.outlet = lower(:outlet)
       {{quote_filters}}
     ORDER BY date DESC, document_id DESC, start, id
     LIMIT coalesce(:limit, -1) OFFSET coalesce(:offset, 0)
)
SELECT q.document_id AS doc, s.name AS speaker, q.kind, q.text AS quote, q.cue, q.start, q.end, q.confidence,
       d.title, d.date, q.speaker_text AS speaker_mention, q.rule, q.id AS quote_id
  FROM page p
  JOIN quote q ON q.id = p.id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 ORDER BY p.date DESC, p.document_id DESC, p.start, p.id;
