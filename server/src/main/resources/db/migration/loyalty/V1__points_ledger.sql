create schema if not exists loyalty;

-- A customer's points: the balance, changed only together with a line of the ledger, by a statement that keeps it at
-- zero or above; the row is also what serialises one customer's changes (locked for each).
create table loyalty.points_account (
    customer_id bigint      primary key,
    balance     bigint      not null check (balance >= 0),
    updated_at  timestamptz not null
);

-- The ledger, append-only: every grant, redemption, expiry and reversal as a line with its reason and the key that
-- makes a retry of it harmless. The balance is the sum of a customer's lines; balance_after shows it line by line.
create table loyalty.points_line (
    id              bigint generated always as identity primary key,
    customer_id     bigint      not null,
    kind            text        not null check (kind in ('grant', 'redeem', 'expire', 'reverse')),
    points          bigint      not null,
    balance_after   bigint      not null check (balance_after >= 0),
    reason          text        not null,
    idempotency_key text        not null unique,
    expires_at      timestamptz,
    at              timestamptz not null
);
create index points_line_customer on loyalty.points_line (customer_id, id desc);

-- What each grant left to spend (a lot), spent soonest-expiring first; an expired lot's remainder becomes an expiry
-- line.
create table loyalty.points_lot (
    id          bigint generated always as identity primary key,
    customer_id bigint      not null,
    line_id     bigint      not null references loyalty.points_line (id),
    granted     bigint      not null check (granted > 0),
    remaining   bigint      not null check (remaining >= 0 and remaining <= granted),
    expires_at  timestamptz
);
create index points_lot_open on loyalty.points_lot (customer_id, expires_at nulls last, id) where remaining > 0;
create index points_lot_expiring on loyalty.points_lot (expires_at) where remaining > 0 and expires_at is not null;

-- Which lots a redemption or expiry took its points from.
create table loyalty.points_spend (
    line_id bigint not null references loyalty.points_line (id),
    lot_id  bigint not null references loyalty.points_lot (id),
    points  bigint not null check (points > 0),
    primary key (line_id, lot_id)
);
