-- The public keys the shop's backend signs its customers' consumer tokens with (JWKs; Siyu never holds the private
-- key), by key id: active keys sign new tokens, retiring ones still verify tokens issued before the switch, revoked
-- ones verify nothing.
create table access.consumer_key (
    kid         text        primary key,
    alg         text        not null check (alg in ('ES256', 'EdDSA')),
    public_jwk  jsonb       not null,
    name        text        not null,
    status      text        not null check (status in ('ACTIVE', 'RETIRING', 'REVOKED')),
    created_at  timestamptz not null,
    created_by  text        not null,
    retiring_at timestamptz,
    revoked_at  timestamptz
);

-- The token ids (jti) of consumer writes already carried out, each kept until its token expires: a write token is
-- accepted once.
create table access.consumer_token_use (
    jti        text        primary key,
    kid        text        not null,
    used_at    timestamptz not null,
    expires_at timestamptz not null
);
create index consumer_token_use_expires on access.consumer_token_use (expires_at);
