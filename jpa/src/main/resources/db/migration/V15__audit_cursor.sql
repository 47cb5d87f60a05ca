-- The audit forwarder's cursor exists from the start: in a cluster the nodes take turns on this one row
-- (a lock on it), so no two nodes create it at once.
insert into archive_setting (name, setting_value)
    select 'audit.forwarded', '0' where not exists (select 1 from archive_setting where name = 'audit.forwarded');
