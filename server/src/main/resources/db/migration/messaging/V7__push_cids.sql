-- The cid JPush gave each ledger row's push: sent again with a retry, JPush answers the first push's result and pushes
-- nothing twice. JPush remembers a cid for a day; taken_at says when it was taken from JPush's pool.
create table messaging.push_cid (
    send_id  bigint      primary key references messaging.send (id) on delete cascade,
    cid      text        not null,
    taken_at timestamptz not null
);
