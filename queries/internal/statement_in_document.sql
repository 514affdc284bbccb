-- name: statement_in_document
-- description: Whether a statement already has a copy in a document (overlapping quotes of one article are not copies).
-- params: :statement_id, :doc
SELECT EXISTS (SELECT 1 FROM quote_statement m JOIN quote q ON q.id = m.quote_id
                WHERE m.statement_id = :statement_id AND q.document_id = :doc);
