-- Stored objects are found by path: the deferred flusher marks what it fsync'd (twice a second) and
-- recovery checks files against the index; without this index each of those scans the whole table.
create index ix_stored_object_path on stored_object (path);
