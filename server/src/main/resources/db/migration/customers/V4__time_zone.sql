-- The customer's own time zone (an IANA name such as America/New_York), from the latest message whose
-- context.timezone named a valid one (time_zone_at: that message's time). Null: the brand's zone applies.
alter table customers.customer add column time_zone text,
                               add column time_zone_at timestamptz;
