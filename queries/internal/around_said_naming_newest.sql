-- name: around_said_naming_newest
-- description: The newest quotes (id, date, document) said by one of the :speakers that name one of the :named entities (JSON arrays of ids; bounded ego graphs); at most :max rows, a quote naming several of :named once per entity.
-- params: :speakers, :named, :max
-- Driven by quote_about_speaker (entity, speaker) pairs: quote_about carries the
-- speaker and date, no quote row is read. No DISTINCT: SQLite keeps only the
-- top :max rows while sorting; the caller removes repeated quotes.
SELECT quote_id, date, document_id
  FROM quote_about
 WHERE entity_id IN (SELECT value FROM json_each(:named))
   AND speaker_id IN (SELECT value FROM json_each(:speakers))
 ORDER BY date DESC, document_id DESC, quote_id
 LIMIT :max;
