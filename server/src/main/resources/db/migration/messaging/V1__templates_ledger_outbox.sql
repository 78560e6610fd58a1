create schema if not exists messaging;

-- A message template: what a journey step, a test or the shop's backend sends. Every save is a new version; sends
-- name the version they rendered.
create table messaging.template (
    id              bigint generated always as identity primary key,
    key             text        not null unique,
    name            text        not null,
    channel         text        not null,
    purpose         text        not null,
    version         integer     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    archived_at     timestamptz
);

create table messaging.template_version (
    template_id     bigint      not null references messaging.template (id),
    version         integer     not null,
    subject         text        not null,
    html            text,
    text_body       text        not null,
    saved_at        timestamptz not null,
    saved_by        text        not null,
    primary key (template_id, version)
);

-- The send ledger: one row per message Siyu means to send, keyed by its business reason (the journey version, node,
-- customer and occurrence; a request's idempotency key), so a retry, a resumed journey or a restart finds the row
-- instead of sending again. State: queued -> sending -> sent | failed (retried as queued until parked) | skipped
-- (consent, suppression, no address).
create table messaging.send (
    id              bigint generated always as identity primary key,
    reason          text        not null unique,
    origin          text        not null,
    customer_id     bigint      not null,
    channel         text        not null,
    purpose         text        not null,
    template_id     bigint      not null references messaging.template (id),
    template_version integer    not null,
    variables       jsonb       not null default '{}',
    state           text        not null,
    outcome         text,
    attempts        integer     not null default 0,
    due_at          timestamptz not null,
    queued_at       timestamptz not null,
    claimed_at      timestamptz,
    sent_at         timestamptz,
    address         text,
    provider        text,
    provider_message_id text,
    subject         text,
    opened_at       timestamptz,
    clicked_at      timestamptz
) with (fillfactor = 85);
create index send_due on messaging.send (due_at) where state = 'queued';
create index send_in_flight on messaging.send (claimed_at) where state = 'sending';
create index send_customer on messaging.send (customer_id, id desc);
create index send_recent on messaging.send (id desc);

-- What the sandbox channel "sent": the whole rendered message, for people to read in the console when no provider
-- is configured (as a mail catcher would). The address is kept masked. A test send has no ledger row.
create table messaging.sandbox_message (
    id              bigint generated always as identity primary key,
    send_id         bigint      unique references messaging.send (id),
    at              timestamptz not null,
    channel         text        not null,
    recipient       text        not null,
    subject         text        not null,
    html            text,
    text_body       text        not null,
    headers         jsonb       not null
);
create index sandbox_message_recent on messaging.sandbox_message (id desc);

-- Customers who must not get messages of a channel, and why: hard bounces, complaints, operators' decisions.
create table messaging.suppression (
    customer_id     bigint      not null,
    channel         text        not null,
    reason          text        not null,
    note            text,
    created_at      timestamptz not null,
    created_by      text        not null,
    primary key (customer_id, channel)
);

-- The key that signs tracking links (open pixel, click redirect, unsubscribe), made on first start.
create table messaging.signing_key (
    id              smallint    primary key,
    secret          bytea       not null,
    created_at      timestamptz not null
);
