-- A cluster's nodes share the database: each association record names the node that served it.
alter table association_record add column node varchar(64);
