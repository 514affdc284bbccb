-- name: schema_tables
-- description: Names of the ordinary tables in the file (recognising a quotegraph database before writing to it).
-- params:
SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;
