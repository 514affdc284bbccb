-- name: quotes_about
-- description: Quotes whose content names an entity (canonical name or alias, case-insensitive); newest first, :limit and :offset page them.
-- params: :name, :doc?, :kind?, :outlet?, :since?, :until?, :limit?, :offset?
-- The page is chosen on quote_about (index quote_about_date, or
-- quote_about_outlet_date with :outlet; both carry the quote's document and
-- date); a quote naming two entities of the name counts once. Of the two arms
-- only the one whose constant test holds reads anything.
WITH page AS (
    SELECT DISTINCT qa.quote_id AS id, qa.date, qa.document_id
      FROM quote_about qa
     WHERE :outlet IS NULL
       AND qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
       {{about_quote_filters}}
    UNION ALL
    SELECT DISTINCT qa.quote_id AS id, qa.date, qa.document_id
      FROM quote_about qa
     WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
       AND qa.outlet = lower(:outlet)
       {{about_quote_filters}}
     ORDER BY date DESC, document_id DESC, id
     LIMIT coalesce(:limit, -1) OFFSET coalesce(:offset, 0)
)
SELECT q.document_id AS doc, s.name AS speaker, q.kind, q.text AS quote, q.cue, q.start, q.end, q.confidence,
       d.title, d.date, q.speaker_text AS speaker_mention, q.rule, q.id AS quote_id
  FROM page p
  JOIN quote q ON q.id = p.id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 ORDER BY p.date DESC, p.document_id DESC, p.id;
