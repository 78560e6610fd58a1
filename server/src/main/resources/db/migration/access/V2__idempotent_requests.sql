-- Answers to operator API changes sent with an Idempotency-Key header, kept for a day so that a retried request gets
-- the first answer again instead of making the change twice.
create table access.idempotent_request (
    actor          text        not null,
    idempotency_key text       not null,
    method         text        not null,
    path           text        not null,
    request_hash   text        not null,
    status         integer     not null,
    content_type   text,
    body           bytea,
    created_at     timestamptz not null,
    primary key (actor, idempotency_key)
);
create index idempotent_request_created on access.idempotent_request (created_at);
