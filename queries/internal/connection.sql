-- name: connection
-- description: Connection settings applied on every open: WAL, foreign keys, busy timeout.
-- params:
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 5000;
PRAGMA synchronous = NORMAL;
