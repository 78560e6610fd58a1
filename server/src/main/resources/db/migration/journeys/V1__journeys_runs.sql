create schema if not exists journeys;

-- A journey as operators edit it: its draft graph, and which published version new customers enter.
create table journeys.journey (
    id              bigint generated always as identity primary key,
    name            text        not null,
    description     text,
    status          text        not null,
    draft           jsonb       not null,
    version         integer,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    created_by      text        not null
);

-- A published version: never changed, so customers inside it finish on the graph they entered.
create table journeys.journey_version (
    journey_id      bigint      not null references journeys.journey (id),
    version         integer     not null,
    graph           jsonb       not null,
    published_at    timestamptz not null,
    published_by    text        not null,
    primary key (journey_id, version)
);

-- One customer's way through one version of a journey: where they are, what they wait for and until when. Runs that
-- wait are found by due_at; an event a run waits for finds it by (customer_id, wait_event). `arm` is 'treated' or
-- 'control' (the control group gets no action, and is measured the same).
create table journeys.run (
    id              bigint generated always as identity primary key,
    journey_id      bigint      not null,
    version         integer     not null,
    customer_id     bigint      not null,
    occurrence      text        not null,
    arm             text        not null,
    state           text        not null,
    node            text,
    due_at          timestamptz,
    wait_event      text,
    steps           integer     not null default 0,
    entered_at      timestamptz not null,
    updated_at      timestamptz not null,
    ended_at        timestamptz,
    end_reason      text,
    converted_at    timestamptz,
    revenue         numeric(16, 2),
    data            jsonb       not null default '{}',
    unique (journey_id, customer_id, occurrence)
) with (fillfactor = 85);
create index run_due on journeys.run (due_at) where state = 'waiting' and due_at is not null;
create index run_waiting_event on journeys.run (customer_id, wait_event) where state = 'waiting' and wait_event is not null;
create index run_customer on journeys.run (customer_id, journey_id);
create index run_goal on journeys.run (customer_id) where converted_at is null and state <> 'exited';
-- "always, but never twice at once": one live run per customer and journey
create unique index run_live on journeys.run (journey_id, customer_id) where state in ('active', 'waiting');

-- Triggers and events waited for, written in the transaction that recorded them, drained by the entry worker.
create table journeys.trigger_inbox (
    id              bigint generated always as identity primary key,
    customer_id     bigint      not null,
    event           text        not null,
    message_id      text        not null,
    occurred_at     timestamptz not null,
    properties      jsonb       not null default '{}',
    kind            text        not null default 'event'
);

-- Entries per journey and day, for the daily cap.
create table journeys.entry_count (
    journey_id      bigint      not null,
    day             date        not null,
    entries         integer     not null,
    primary key (journey_id, day)
);

-- How many runs passed each node of each version: the canvas's live counts.
create table journeys.node_count (
    journey_id      bigint      not null,
    version         integer     not null,
    node            text        not null,
    passed          bigint      not null,
    primary key (journey_id, version, node)
);
