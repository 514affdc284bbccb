-- name: bulk_load_settings
-- description: Connection settings while a bulk load has its indexes deferred: a WAL checkpoint every ~200 MB instead of every ~40 MB (bulk_write_settings), so that the few randomly written pages (entity and alias keys, statement keys) are copied to the database less often. Durability is unchanged; the WAL is checkpointed and removed when the last connection closes.
-- params:
PRAGMA wal_autocheckpoint = 50000;
