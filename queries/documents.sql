-- name: documents
-- description: Stored documents with their metadata and number of quotes.
-- params:
SELECT d.id, d.title, d.date, d.url, (SELECT count(*) FROM quote q WHERE q.document_id = d.id) AS quotes,
       d.content_hash
  FROM document d
 ORDER BY d.date, d.id;
