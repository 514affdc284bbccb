-- name: quote_insert
-- description: Stores one quote with its SAID and IN edges (and a copy of its document's date, for the newest-first indexes).
-- params: :document_id, :kind, :start, :end, :text, :fragments, :speaker_id, :speaker_text, :speaker_start, :speaker_end, :cue, :cue_start, :cue_end, :confidence, :rule
INSERT INTO quote (document_id, kind, start, end, text, fragments, speaker_id, speaker_text, speaker_start, speaker_end, cue, cue_start, cue_end, confidence, rule, date) VALUES (:document_id, :kind, :start, :end, :text, :fragments, :speaker_id, :speaker_text, :speaker_start, :speaker_end, :cue, :cue_start, :cue_end, :confidence, :rule, (SELECT date FROM document WHERE id = :document_id));
