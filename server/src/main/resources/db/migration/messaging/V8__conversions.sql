-- Orders attributed to the message their customer last clicked or opened before ordering, within the attribution
-- windows (siyu.messaging.attribution.*). One row per order, whichever way and however often its event arrives: the
-- primary key makes a second attribution of the same order a no-op.
create table messaging.conversion (
    order_id        text        primary key,
    send_id         bigint      not null references messaging.send (id),
    customer_id     bigint      not null,
    revenue         numeric(16, 2) not null,
    currency        text,
    touch           text        not null,
    ordered_at      timestamptz not null,
    attributed_at   timestamptz not null
);
create index conversion_send on messaging.conversion (send_id);

-- The ledger row's share: how many orders it converted and what they brought, and when the first came.
alter table messaging.send add column converted_at timestamptz,
                           add column conversions integer not null default 0,
                           add column revenue numeric(16, 2) not null default 0;
-- A customer's engaged messages, newest first: where attribution looks.
create index send_engaged on messaging.send (customer_id, greatest(clicked_at, opened_at) desc)
    where opened_at is not null or clicked_at is not null;
-- The messages of one origin (a journey), for the journey report's per-node figures.
create index send_origin on messaging.send (origin);
