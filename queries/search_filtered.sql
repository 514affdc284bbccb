-- name: search_filtered
-- description: Full-text search over quote text (FTS5 syntax) narrowed by speaker, named entity, kind, outlet and date range (names: canonical or alias, case-insensitive; outlet: exact name, case-insensitive); best matches first; `hits` are the [start, end] byte offsets of the matches in `quote`; :limit (default 100) and :offset page them.
-- params: :query, :speaker?, :about?, :kind?, :outlet?, :since?, :until?, :limit?, :offset?
-- Without filters the page is ranked on the FTS index alone, as in `search`
-- (no quote row is read: the filter test is skipped); with filters each match
-- is checked on its quote row (a rowid seek) and its ABOUT edges (primary
-- key), so the cost grows with the matches, not the corpus.
-- `hits` becomes offsets in the store (src/store/hits.rs), as in `search`.
-- `marked` is the same highlight with U+E000/U+E001 around each match, for
-- a reader that must escape the text before marking it up (`serve`).
WITH hits AS (
    SELECT rowid AS id, rank
      FROM quote_fts
     WHERE quote_fts MATCH :query
       AND ((:speaker IS NULL AND :about IS NULL AND :kind IS NULL AND :outlet IS NULL AND :since IS NULL AND :until IS NULL)
            OR EXISTS (SELECT 1 FROM quote q
                        WHERE q.id = quote_fts.rowid
                          AND (:speaker IS NULL OR q.speaker_id IN (SELECT entity_id FROM alias WHERE norm = lower(:speaker)))
                          AND (:about IS NULL OR EXISTS (SELECT 1 FROM quote_about qa
                                                          WHERE qa.quote_id = q.id
                                                            AND qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:about))))
                          AND (:kind IS NULL OR q.kind = :kind)
                          AND (:outlet IS NULL OR q.outlet = lower(:outlet))
                          AND (:since IS NULL OR q.date >= :since)
                          AND (:until IS NULL OR q.date <= :until)))
     ORDER BY rank, rowid
     LIMIT coalesce(:limit, 100) OFFSET coalesce(:offset, 0)
)
SELECT s.name AS speaker, q.document_id AS doc, q.text AS quote,
       highlight(quote_fts, 0, char(64976), char(64977)) AS hits, q.kind,
       q.start, q.end, d.title, d.date, q.id AS quote_id, q.speaker_id,
       highlight(quote_fts, 0, char(57344), char(57345)) AS marked
  FROM hits h
 CROSS JOIN quote_fts ON quote_fts.rowid = h.id
  JOIN quote q ON q.id = h.id
  JOIN document d ON d.id = q.document_id
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE quote_fts MATCH :query
 ORDER BY h.rank, h.id;
