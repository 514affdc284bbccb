-- name: document_insert
-- description: Stores a document.
-- params: :id, :title, :date, :url, :hash, :text, :outlet
INSERT INTO document (id, title, date, url, content_hash, text, outlet) VALUES (:id, :title, :date, :url, :hash, :text, :outlet);
