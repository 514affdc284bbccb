-- name: statement_in_document
-- description: Whether a statement already has a copy in a document (overlapping quotes of one article are not copies).
-- params: :statement_id, :doc
-- Walks the document's few quotes (index quote_document), not the statement's copies (hundreds for a wire quote).
SELECT EXISTS (SELECT 1 FROM quote q
                WHERE q.document_id = :doc
                  AND (SELECT m.statement_id FROM quote_statement m WHERE m.quote_id = q.id) = :statement_id);
