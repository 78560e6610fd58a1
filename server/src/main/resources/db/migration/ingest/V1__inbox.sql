create schema if not exists ingest;

-- Every message id ever acknowledged: the idempotency key of ingestion. A duplicate finds its id here and is
-- acknowledged without being stored again.
create table ingest.message_key (
    message_id   text        primary key,
    received_at  timestamptz not null
);

-- Acknowledged messages waiting to be applied to profiles and orders. A message is written here in the same
-- transaction as its key, before the sender hears "ok"; the pipeline deletes it in the transaction that applies it.
create table ingest.queue (
    seq           bigint generated always as identity primary key,
    message_id    text        not null,
    write_key_id  bigint,
    received_at   timestamptz not null,
    body          text        not null
);

-- Messages the pipeline could not apply even alone; kept whole with the error for people to inspect and replay.
create table ingest.dead_letter (
    seq           bigint      primary key,
    message_id    text        not null,
    write_key_id  bigint,
    received_at   timestamptz not null,
    body          text        not null,
    error         text        not null,
    failed_at     timestamptz not null
);
