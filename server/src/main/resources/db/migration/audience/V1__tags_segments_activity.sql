create schema if not exists audience;

create table audience.tag_category (
    id          bigint generated always as identity primary key,
    name        text        not null unique,
    description text,
    created_at  timestamptz not null
);

-- A tag is a flag (MANUAL: assigned by people or imports; RULE: held by everyone matching a condition) or a value per
-- customer (VALUE: e.g. favourite category), set by people, imports or a rule per value.
create table audience.tag (
    id           bigint generated always as identity primary key,
    category_id  bigint      references audience.tag_category (id),
    name         text        not null unique,
    kind         text        not null check (kind in ('MANUAL', 'RULE', 'VALUE')),
    description  text,
    rule         jsonb,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create table audience.tag_assignment (
    tag_id       bigint      not null references audience.tag (id) on delete cascade,
    customer_id  bigint      not null,
    value        text        not null default '',
    assigned_at  timestamptz not null,
    assigned_by  text        not null,
    primary key (tag_id, customer_id)
);
create index tag_assignment_customer on audience.tag_assignment (customer_id);

create table audience.tag_history (
    id           bigint generated always as identity primary key,
    tag_id       bigint      not null,
    customer_id  bigint      not null,
    change       text        not null check (change in ('ADDED', 'REMOVED', 'CHANGED')),
    value        text,
    at           timestamptz not null,
    by_whom      text        not null
);
create index tag_history_customer on audience.tag_history (customer_id, at desc);

create table audience.segment (
    id            bigint generated always as identity primary key,
    name          text        not null unique,
    description   text,
    definition    jsonb       not null,
    version       integer     not null default 1,
    built_in      boolean     not null default false,
    created_by    text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    deleted_at    timestamptz
);

-- Every version of a segment's definition, so that a change can be reviewed and undone.
create table audience.segment_version (
    segment_id  bigint      not null references audience.segment (id),
    version     integer     not null,
    definition  jsonb       not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    primary key (segment_id, version)
);

-- The members of each segment as last published (a serialized roaring bitmap of customer ids), so that changes made
-- while Siyu was down (a day passed, data arrived) are announced as entries and exits after a restart.
create table audience.segment_membership (
    segment_id   bigint      primary key references audience.segment (id),
    members      bytea       not null,
    size         bigint      not null,
    updated_at   timestamptz not null
);

-- Segment sizes over time, one row per segment and day (the last size seen that day).
create table audience.segment_size (
    segment_id  bigint  not null,
    day         date    not null,
    size        bigint  not null,
    primary key (segment_id, day)
);

-- Frozen member lists ("as of" lists for a campaign).
create table audience.segment_snapshot (
    id           bigint generated always as identity primary key,
    segment_id   bigint      not null references audience.segment (id),
    name         text        not null,
    members      bytea       not null,
    size         bigint      not null,
    taken_at     timestamptz not null,
    taken_by     text        not null
);

-- What customers did per day, maintained as events are applied, so that behaviour windows never scan raw events.
-- A key is an event name alone, an event with one property value (e.g. category = 护肤), or an event with a measured
-- numeric property (e.g. the price of Product Viewed), whose sum, minimum and maximum per day are kept.
create table audience.activity_key (
    id          integer generated always as identity primary key,
    event       text not null,
    property    text not null default '',
    value       text not null default '',
    measure     text not null default '',
    unique (event, property, value, measure)
);

create table audience.activity (
    customer_id  bigint  not null,
    key_id       integer not null,
    day          integer not null,
    count        integer not null,
    sum          numeric(18, 2),
    min          numeric(18, 2),
    max          numeric(18, 2),
    primary key (customer_id, key_id, day)
);
