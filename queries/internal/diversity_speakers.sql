-- name: diversity_speakers
-- description: Quotes and documents per speaker (NULL: unnamed) for `report diversity`, filtered by outlet, date range and an entity the quotes name.
-- params: :outlet?, :since?, :until?, :about?
SELECT q.speaker_id, e.name, e.type, count(*) AS quotes
  FROM quote q
  LEFT JOIN entity e ON e.id = q.speaker_id
 WHERE (:outlet IS NULL OR q.outlet = lower(:outlet))
   AND (:since IS NULL OR q.date >= :since)
   AND (:until IS NULL OR q.date <= :until)
   AND (:about IS NULL OR q.id IN (SELECT qa.quote_id FROM quote_about qa
                                    WHERE qa.entity_id IN (SELECT entity_id FROM alias WHERE norm = :about)))
 GROUP BY q.speaker_id
 ORDER BY q.speaker_id;
