-- Profiles merged into another since messaging knew them (customers' CustomersMerged): absorbed -> survivor, written
-- in the merge's transaction when messaging moved the absorbed profile's inbox, grants, suppressions, ledger rows and
-- contact budget to the survivor. A merge heard again finds its row and moves nothing twice; a dispatcher that still
-- took a message for the absorbed profile finds here whose budget, inbox and grants it now belongs to.
create table messaging.merged_customer (
    absorbed    bigint      primary key,
    survivor    bigint      not null,
    merged_at   timestamptz not null
);
create index merged_customer_survivor on messaging.merged_customer (survivor);
