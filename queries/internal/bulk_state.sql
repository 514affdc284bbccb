-- name: bulk_state
-- description: Whether the database holds no document (a bulk load may defer its indexes), and the process whose bulk load deferred them (NULL when nothing is deferred).
-- params:
SELECT NOT EXISTS (SELECT 1 FROM document) AS empty, (SELECT pid FROM deferred_build LIMIT 1) AS pid;
