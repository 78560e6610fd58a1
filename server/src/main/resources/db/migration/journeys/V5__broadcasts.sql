-- The progress of each firing of a schedule trigger: the members of the segment are entered in chunks, each chunk's
-- transaction moving after_customer on, so a firing interrupted by a crash goes on after the last chunk it committed.
create table journeys.broadcast (
    journey_id      bigint      not null,
    firing_at       timestamptz not null,
    version         integer     not null,
    segment_id      bigint      not null,
    after_customer  bigint      not null default 0,
    entered         bigint      not null default 0,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    primary key (journey_id, firing_at)
);

-- How far each date-attribute journey has entered customers: those whose day and time came up to fired_until.
create table journeys.date_trigger (
    journey_id      bigint      primary key,
    version         integer     not null,
    fired_until     timestamptz not null
);
