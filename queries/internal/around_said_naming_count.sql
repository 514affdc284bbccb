-- name: around_said_naming_count
-- description: How many quotes said by one of the :speakers name one of the :named entities (JSON arrays of ids; index-only).
-- params: :speakers, :named
SELECT count(DISTINCT quote_id)
  FROM quote_about
 WHERE entity_id IN (SELECT value FROM json_each(:named))
   AND speaker_id IN (SELECT value FROM json_each(:speakers));
