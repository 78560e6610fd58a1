-- Customers by a date of theirs, for journeys that fire on it: the month-day of the birthday trait ('05-17' of
-- '1990-05-17') and the time of the last order, both over live profiles only.
create index customer_birthday_month_day on customers.customer ((substr(traits ->> 'birthday', 6, 5)), id)
    where merged_into is null;
create index customer_last_order on customers.customer (last_order_at) where merged_into is null;
