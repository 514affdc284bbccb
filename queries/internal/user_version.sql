-- name: user_version
-- description: The schema version of the database (0 for a new file).
-- params:
PRAGMA user_version;
