-- name: around_said_naming_newest
-- description: Ids of the :max newest quotes said by one of the :speakers that name one of the :named entities (JSON arrays of ids; bounded ego graphs).
-- params: :speakers, :named, :max
-- Driven by quote_about_speaker (entity, speaker) pairs: quote_about carries the speaker, no quote row is read.
SELECT DISTINCT quote_id, date, document_id
  FROM quote_about
 WHERE entity_id IN (SELECT value FROM json_each(:named))
   AND speaker_id IN (SELECT value FROM json_each(:speakers))
 ORDER BY date DESC, document_id DESC, quote_id
 LIMIT :max;
