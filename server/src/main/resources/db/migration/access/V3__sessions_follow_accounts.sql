-- Sessions follow their operator: a password change or disabling the account moves the epoch on, and every session
-- signed in under an older epoch ends at its next request.
alter table access.operator add column session_epoch integer not null default 0;

-- Sign-in is throttled per client address and per client and account, never for an account as a whole: a stranger's
-- wrong guesses must not lock its owner out. Unknown user names are counted exactly like existing ones.
alter table access.operator drop column failed_attempts;
alter table access.operator drop column locked_until;

create table access.sign_in_throttle (
    key                text        primary key,
    attempts           integer     not null,
    window_started_at  timestamptz not null,
    blocked_until      timestamptz
);

-- Idempotency keys now belong to a principal (operator:<id>, api-token:<id>), not to a display name that an operator
-- and a token could share; answers kept under the old names are dropped (they are kept a day at most).
delete from access.idempotent_request;
