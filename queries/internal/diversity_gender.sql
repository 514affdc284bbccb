-- name: diversity_gender
-- description: Gender evidence from the text (pronouns, honorifics) per person, summed over documents.
-- params:
SELECT entity_id, gender, evidence, sum(mentions) AS mentions
  FROM gender_evidence
 GROUP BY entity_id, gender, evidence
 ORDER BY entity_id, gender, evidence;
