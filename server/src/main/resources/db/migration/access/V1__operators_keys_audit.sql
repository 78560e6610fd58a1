create schema if not exists access;

create table access.operator (
    id               bigint generated always as identity primary key,
    username         text        not null,
    display_name     text        not null,
    role             text        not null check (role in ('ADMIN', 'MARKETER', 'ANALYST', 'COMMUNITY_MANAGER', 'CUSTOMER_SERVICE')),
    password_hash    text        not null,
    disabled         boolean     not null default false,
    failed_attempts  integer     not null default 0,
    locked_until     timestamptz,
    last_sign_in_at  timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create unique index operator_username on access.operator (lower(username));

-- Secrets are stored as SHA-256 digests only; the prefix lets people recognise a key in lists.
create table access.api_token (
    id            bigint generated always as identity primary key,
    name          text        not null,
    token_hash    text        not null unique,
    prefix        text        not null,
    role          text        not null check (role in ('ADMIN', 'MARKETER', 'ANALYST', 'COMMUNITY_MANAGER', 'CUSTOMER_SERVICE')),
    created_by    text        not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

create table access.write_key (
    id            bigint generated always as identity primary key,
    name          text        not null,
    key_hash      text        not null unique,
    prefix        text        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

create table access.audit_entry (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    actor        text        not null,
    actor_kind   text        not null check (actor_kind in ('OPERATOR', 'API_TOKEN', 'SYSTEM', 'ANONYMOUS')),
    action       text        not null,
    target       text,
    outcome      integer     not null,
    detail       jsonb,
    client_ip    text
);
create index audit_entry_at on access.audit_entry (at desc, id desc);
