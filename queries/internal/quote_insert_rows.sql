-- name: quote_insert_rows
-- description: Stores many quotes in one statement, in array order (ids as one row at a time would give them): the FTS5 trigger then flushes its index once, not once per quote. :rows is a JSON array of [document_id, kind, start, end, text, fragments, speaker_id, speaker_text, speaker_start, speaker_end, cue, cue_start, cue_end, confidence times 10000 (an integer: dividing here gives the bound value bit for bit), rule]; the document's date and lower-case outlet are copied for the newest-first and outlet indexes.
-- params: :rows
INSERT INTO quote (document_id, kind, start, end, text, fragments, speaker_id, speaker_text, speaker_start, speaker_end, cue, cue_start, cue_end, confidence, rule, date, outlet)
SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7,
       value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, (value ->> 13) / 10000.0, value ->> 14,
       (SELECT d.date FROM document d WHERE d.id = value ->> 0), (SELECT lower(d.outlet) FROM document d WHERE d.id = value ->> 0)
  FROM json_each(:rows) ORDER BY key;
