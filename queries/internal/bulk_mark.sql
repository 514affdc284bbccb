-- name: bulk_mark
-- description: Marks the secondary indexes and full-text triggers as deferred by the bulk load of process :pid.
-- params: :pid
INSERT INTO deferred_build (what, pid) VALUES ('indexes', :pid);
