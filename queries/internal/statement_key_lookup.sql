-- name: statement_key_lookup
-- description: Statements with a look-up key (the caller reads at most MAX_POSTINGS of them).
-- params: :key
-- No `LIMIT :limit`: a bound LIMIT marks the statement for re-preparing whenever it is bound again
-- (SQLite plans with the value), which was 7 % of a bulk load's writer; the caller stops stepping instead.
SELECT statement_id FROM statement_key WHERE key = :key;
