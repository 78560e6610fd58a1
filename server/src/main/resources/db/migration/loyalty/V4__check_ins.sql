-- Daily check-in (签到): one row per member and day in the member's own time zone, guaranteed by the key, not by a
-- read before the write; the streak is the number of days in a row up to that day, and the points it earned.
create table loyalty.check_in (
    customer_id bigint      not null,
    day         date        not null,
    streak      int         not null check (streak >= 1),
    points      bigint      not null check (points >= 0),
    at          timestamptz not null,
    primary key (customer_id, day)
);
