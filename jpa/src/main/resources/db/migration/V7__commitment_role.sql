-- Storage commitment asked by this archive of another AE (role SCU: the N-ACTION goes out, the report
-- comes in) besides the transactions asked of it (role SCP). Same rows, same items: the items' results
-- are the remote AE's answer.
alter table commitment add column role varchar(3) default 'SCP' not null;
