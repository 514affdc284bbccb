-- name: data_version
-- description: Changes when another connection commits to the database: the ingest's id caches are dropped then.
-- params:
PRAGMA data_version;
