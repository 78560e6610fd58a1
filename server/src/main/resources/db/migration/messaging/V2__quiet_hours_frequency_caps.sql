-- The brand's respect settings, once an operator saved them (until then SIYU_QUIET_HOURS and no caps apply): quiet
-- hours on the customer's own clock, and the frequency caps of every customer's contact budget, as
-- [{"limit": 2, "windowHours": 24, "channel": null}, ...].
create table messaging.respect_settings (
    id                   smallint    primary key check (id = 1),
    quiet_hours_enabled  boolean     not null,
    quiet_hours_start    time        not null,
    quiet_hours_end      time        not null,
    caps                 jsonb       not null,
    updated_at           timestamptz not null,
    updated_by           text        not null
);

-- A marketing message counts against its customer's contact budget from the moment a dispatcher let it through
-- (counted_at), for the live profile it was sent to (counted_for). Dispatchers count and let through under a lock per
-- customer, so that together they never exceed a cap.
alter table messaging.send add column counted_for bigint,
                           add column counted_at timestamptz;
update messaging.send set counted_for = customer_id, counted_at = sent_at where state = 'sent' and purpose = 'marketing';
create index send_counted on messaging.send (counted_for, counted_at) where counted_at is not null;
