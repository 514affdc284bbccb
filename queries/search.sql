-- name: search
-- description: Full-text search over quote text (FTS5 syntax), best matches first; `hits` are the [start, end] byte offsets of the matches in `quote`; :limit (default 100) and :offset page them.
-- params: :query, :limit?, :offset?
-- The page is ranked on the FTS index alone (bm25 of every match, no join),
-- then only its rows are joined and highlighted (MATCH plus rowid: a seek).
-- highlight() marks matches with U+FDD0/U+FDD1; the store turns a column
-- named `hits` into offsets (src/store/hits.rs), so no markup reaches data.
WITH hits AS (
    SELECT rowid AS id, rank
      FROM quote_fts
     WHERE quote_fts MATCH :query
     ORDER BY rank, rowid
     LIMIT coalesce(:limit, 100) OFFSET coalesce(:offset, 0)
)
SELECT s.name AS speaker, q.document_id AS doc, q.text AS quote,
       highlight(quote_fts, 0, char(64976), char(64977)) AS hits, q.kind,
       q.start, q.end, d.title, d.date, q.id AS quote_id
  FROM hits h
 CROSS JOIN quote_fts ON quote_fts.rowid = h.id
  JOIN quote q ON q.id = h.id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE quote_fts MATCH :query
 ORDER BY h.rank, h.id;
