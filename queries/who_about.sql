-- name: who_about
-- description: Speakers ranked by how many of their quotes name an entity (canonical name or alias); :limit and :offset page them.
-- params: :name, :since?, :until?, :limit?, :offset?
-- One range of the covering index quote_about_speaker (quote_about carries each quote's speaker and document).
SELECT s.name AS speaker, s.type, w.quotes, w.documents, s.external_id
  FROM (SELECT speaker_id, count(DISTINCT quote_id) AS quotes, count(DISTINCT document_id) AS documents
          FROM quote_about
         WHERE entity_id IN (SELECT entity_id FROM alias WHERE norm = lower(:name))
           AND speaker_id IS NOT NULL
           AND (:since IS NULL OR date >= :since)
           AND (:until IS NULL OR date <= :until)
         GROUP BY speaker_id) w
  JOIN entity s ON s.id = w.speaker_id
 ORDER BY w.quotes DESC, s.name, s.id
 LIMIT coalesce(:limit, -1) OFFSET coalesce(:offset, 0);
