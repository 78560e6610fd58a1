create schema if not exists customers;
create extension if not exists pg_trgm;

-- One row per profile. A merged profile keeps its row as a tombstone pointing at the survivor (merged_into), so
-- that old ids still lead somewhere; its facts move to the survivor.
create table customers.customer (
    id                bigint      primary key,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    merged_into       bigint,
    merged_at         timestamptz,
    display_name      text,
    traits            jsonb       not null default '{}',
    trait_times       jsonb       not null default '{}',
    channel           text,
    channel_rank      smallint    not null default 0,
    channel_at        timestamptz,
    first_seen_at     timestamptz,
    last_seen_at      timestamptz,
    event_count       bigint      not null default 0,
    order_count       integer     not null default 0,
    total_spent       numeric(16, 2) not null default 0,
    first_order_at    timestamptz,
    last_order_at     timestamptz
);
create sequence customers.customer_id_seq;
create index customer_live_id on customers.customer (id desc) where merged_into is null;
create index customer_first_seen on customers.customer (first_seen_at) where merged_into is null;
create index customer_channel on customers.customer (channel, id desc) where merged_into is null;
create index customer_display_name_trgm on customers.customer using gin (display_name gin_trgm_ops);
create index customer_traits on customers.customer using gin (traits jsonb_path_ops);

-- The identity graph: every known identifier and the profile it belongs to. Personal identifiers (phone, e-mail)
-- are looked up by a keyed hash and kept only sealed with an AEAD; masked_value is what people without the right
-- to see personal data are shown.
create table customers.identity (
    type            text        not null,
    lookup_key      text        not null,
    customer_id     bigint      not null,
    display_value   text,
    sealed_value    bytea,
    first_seen_at   timestamptz not null,
    primary key (type, lookup_key)
);
create index identity_customer on customers.identity (customer_id);

create table customers.merge (
    id               bigint generated always as identity primary key,
    survivor_id      bigint      not null,
    absorbed_id      bigint      not null,
    merged_at        timestamptz not null,
    linked_by_type   text        not null,
    message_id       text,
    events_moved     bigint      not null default 0
);
create index merge_survivor on customers.merge (survivor_id);
create index merge_absorbed on customers.merge (absorbed_id);

-- A link the identity rules refused (for example two different user ids on one device): kept for people to review.
create table customers.identity_conflict (
    id               bigint generated always as identity primary key,
    at               timestamptz not null,
    customer_id      bigint      not null,
    other_customer_id bigint,
    identity_type    text        not null,
    message_id       text,
    reason           text        not null
);
create index identity_conflict_customer on customers.identity_conflict (customer_id);

create table customers.event_count (
    customer_id   bigint      not null,
    name          text        not null,
    count         bigint      not null,
    first_at      timestamptz not null,
    last_at       timestamptz not null,
    primary key (customer_id, name)
);

-- Events, append-only and partitioned by month of occurrence; partitions are created as events arrive.
create sequence customers.event_id_seq;
create table customers.event (
    id            bigint      not null,
    customer_id   bigint      not null,
    occurred_at   timestamptz not null,
    received_at   timestamptz not null,
    type          text        not null,
    name          text,
    message_id    text        not null,
    properties    jsonb,
    context       jsonb
) partition by range (occurred_at);
create index event_timeline on customers.event (customer_id, occurred_at desc, id desc);

-- Counters per day in the brand's time zone, maintained as events are processed, so that charts never scan events.
create table customers.daily_activity (
    day           date   primary key,
    events        bigint not null default 0
);
