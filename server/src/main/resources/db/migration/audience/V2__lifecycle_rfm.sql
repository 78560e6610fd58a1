-- Lifecycle models: an ordered list of stages, each with a condition; a customer is in the first stage whose
-- condition they meet, and in the last stage (which has no condition) otherwise.
create table audience.lifecycle_model (
    name         text        primary key,
    label        text        not null,
    stages       jsonb       not null,
    built_in     boolean     not null default false,
    updated_by   text        not null,
    updated_at   timestamptz not null
);

create table audience.stage_transition (
    id           bigint generated always as identity primary key,
    model        text        not null,
    customer_id  bigint      not null,
    from_stage   text,
    to_stage     text        not null,
    at           timestamptz not null
);
create index stage_transition_at on audience.stage_transition (model, at);
create index stage_transition_customer on audience.stage_transition (customer_id, at desc);

-- Daily counts per stage, for the distribution chart over time.
create table audience.stage_size (
    model   text   not null,
    stage   text   not null,
    day     date   not null,
    size    bigint not null,
    primary key (model, stage, day)
);

create table audience.rfm_settings (
    id              integer primary key default 1 check (id = 1),
    window_days     integer not null default 365,
    reference_date  date,
    updated_by      text    not null,
    updated_at      timestamptz not null
);
