-- name: around_said_naming
-- description: Ids of the quotes said by one of the :speakers that name one of the :named entities (JSON arrays of ids).
-- params: :speakers, :named
SELECT DISTINCT q.id
  FROM quote q
  JOIN quote_about qa ON qa.quote_id = q.id
 WHERE q.speaker_id IN (SELECT value FROM json_each(:speakers))
   AND qa.entity_id IN (SELECT value FROM json_each(:named));
