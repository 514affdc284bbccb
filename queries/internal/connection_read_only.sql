-- name: connection_read_only
-- description: Settings of a read-only connection (`serve`): wait for writers like the others, and refuse any write even if the file could be written.
-- params:
PRAGMA busy_timeout = 5000;
PRAGMA query_only = ON;
