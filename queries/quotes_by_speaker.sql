-- name: quotes_by_speaker
-- description: Quotes attributed to an entity, found by canonical name or any alias (surname works), case-insensitive; newest first, :limit and :offset page them.
-- params: :name, :about?, :doc?, :kind?, :outlet?, :since?, :until?, :limit?, :offset?
-- The page is chosen on a covering index, quote_speaker_date, or
-- quote_speaker_outlet_date with :outlet (named: quote_outlet_date also gives
-- the order and would walk a whole outlet for a rarely quoted speaker), then only its rows are read and joined. Of the
-- two arms only the one whose constant test holds reads anything.
WITH page AS (
    SELECT q.id, q.date, q.document_id, q.start
      FROM quote q INDEXED BY quote_speaker_date
     WHERE :outlet IS NULL
       AND q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
       {{speaker_quote_filters}}
    UNION ALL
    SELECT q.id, q.date, q.document_id, q.start
      FROM quote q INDEXED BY quote_speaker_outlet_date
     WHERE q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
       AND q.outlet = lower(:outlet)
       {{speaker_quote_filters}}
     ORDER BY date DESC, document_id DESC, start, id
     LIMIT coalesce(:limit, -1) OFFSET coalesce(:offset, 0)
)
SELECT q.document_id AS doc, s.name AS speaker, q.kind, q.text AS quote, q.cue, q.start, q.end, q.confidence,
       d.title, d.date, q.speaker_text AS speaker_mention, q.rule, q.id AS quote_id
  FROM page p
  JOIN quote q ON q.id = p.id
  JOIN document d ON d.id = q.document_id
  JOIN entity s ON s.id = q.speaker_id
 ORDER BY p.date DESC, p.document_id DESC, p.start, p.id;
