-- Messages the tracking API rejected for breaking input rules, so that an operator can see what a sender got wrong:
-- the write key that sent them, the rules they broke and the body with phones and e-mail addresses masked. Kept for
-- siyu.ingest.rejected-retention (7 days unless configured), then purged.
create table ingest.rejected_message (
    id              bigint generated always as identity primary key,
    rejected_at     timestamptz not null,
    write_key_id    bigint,
    write_key_name  text,
    endpoint        text        not null,
    batch_index     integer,
    message_id      text,
    reason          text        not null,
    errors          text        not null,
    body            text        not null,
    body_truncated  boolean     not null
);
create index rejected_message_rejected_at on ingest.rejected_message (rejected_at);
