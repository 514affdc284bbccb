-- name: bulk_write_settings
-- description: Connection settings for ingest and reindex: a 64 MiB page cache (index pages stay in memory instead of being re-read), statement journals in memory, and a WAL checkpoint every ~40 MB instead of every 4 MB (each hot page is copied to the database less often). Durability is unchanged (synchronous and WAL stay as set by `connection`).
-- params:
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
PRAGMA wal_autocheckpoint = 10000;
