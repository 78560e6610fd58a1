-- Points earned on each completed order, and how many of them refunds and cancellation have taken back since: a refund
-- takes back its share of what the order earned (a refund of half the total, half the points), once.
create table loyalty.order_points (
    order_id    text        primary key,
    customer_id bigint      not null,
    total       numeric(14, 2) not null,
    earned      bigint      not null check (earned >= 0),
    reversed    bigint      not null check (reversed >= 0 and reversed <= earned),
    earned_at   timestamptz not null
);
