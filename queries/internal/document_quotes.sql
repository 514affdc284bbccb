-- name: document_quotes
-- description: The quotes of one document in text order, with the spans of their content, fragments, speaker mention and cue (the document page marks them up).
-- params: :id
SELECT q.id, q.kind, q.start, q.end, q.fragments, q.text, q.speaker_id, s.name AS speaker, s.type AS speaker_type,
       q.speaker_text, q.speaker_start, q.speaker_end, q.cue, q.cue_start, q.cue_end, q.confidence, q.rule
  FROM quote q
  LEFT JOIN entity s ON s.id = q.speaker_id
 WHERE q.document_id = :id
 ORDER BY q.start, q.id;
