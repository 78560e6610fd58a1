-- Each channel's provider as operators set it in the console, overriding the environment's settings for that channel
-- until they are deleted. settings holds the fields that are not secret ({"host": ..., "port": ...}); sealed holds the
-- secret ones as JSON, sealed with AES-256-GCM under the provider keys (SIYU_PROVIDER_KEYS, else
-- <data-dir>/keys/provider-keys.json) and bound to the channel, so that it opens on its own row only; secrets_changed
-- tells when each secret was last given ({"password": "2026-12-07T20:00:00Z"}), so that people see it without it.
create table messaging.provider_settings (
    channel          text        primary key,
    settings         jsonb       not null,
    sealed           bytea,
    secrets_changed  jsonb       not null default '{}',
    updated_at       timestamptz not null,
    updated_by       text        not null
);
