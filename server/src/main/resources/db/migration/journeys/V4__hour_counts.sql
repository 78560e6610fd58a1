-- What the best-hour wait learns from: per customer, how many opens, clicks, visits and orders fell in each hour of
-- the week (0 = Monday 00:00 to 00:59) in the customer's time zone. Customer 0 holds the whole brand's counts.
create table journeys.hour_count (
    customer_id     bigint  not null,
    hour            smallint not null check (hour between 0 and 167),
    n               integer not null,
    primary key (customer_id, hour)
);
