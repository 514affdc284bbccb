-- name: graph_same_as
-- description: SAME_AS edges (copy -> first stored copy of its statement), ordered.
-- params:
SELECT quote_id, same_as_id FROM same_as ORDER BY quote_id;
