-- name: search_filtered_count
-- description: How many quotes `search_filtered` would list without a limit (same filters, no ranking; no quote row read without filters).
-- params: :query, :speaker?, :about?, :kind?, :outlet?, :since?, :until?
SELECT count(*) AS total
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
                      AND (:until IS NULL OR q.date <= :until)));
