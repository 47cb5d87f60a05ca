-- The storage SOP classes a local AE accepts (UIDs separated by backslashes); null: every storage class.
alter table application_entity add column storage_sop_classes varchar(100000);
