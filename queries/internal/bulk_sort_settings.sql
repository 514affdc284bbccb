-- name: bulk_sort_settings
-- description: Before building deferred indexes: sorts spill to temporary files (bulk_write_settings keeps temporary storage in memory, where the sort of a million-row index would grow the process by hundreds of MB).
-- params:
PRAGMA temp_store = FILE;
