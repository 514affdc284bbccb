-- name: around_said_newest
-- description: Ids of the :max newest quotes said by one entity (bounded ego graphs; index quote_speaker_date, no sort).
-- params: :id, :max
SELECT id FROM quote WHERE speaker_id = :id ORDER BY date DESC, document_id DESC, start, id LIMIT :max;
