-- name: connection
-- description: Connection settings applied on every open: busy timeout first (so the rest waits for other writers), WAL, foreign keys.
-- params:
PRAGMA busy_timeout = 5000;
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
PRAGMA synchronous = NORMAL;
