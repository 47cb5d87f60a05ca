-- A cluster's nodes work through one print queue: a job is claimed by the node that prints it, for a while;
-- a job left PRINTING by a node that died prints again on another once that while is over.
alter table print_job add column node varchar(64);
alter table print_job add column lease_until timestamp;
