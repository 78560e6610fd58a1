-- Consent per category (a channel such as sms or email, or a purpose such as Advertising), as the customer last
-- decided it: {"sms": {"granted": false, "at": "2026-11-02T08:00:00Z", "messageId": "..."}}. Read with the profile.
-- consent_withdrawn_at: when every category was last withdrawn at once (an empty categoryPreferences); a decision
-- older than it that arrives late is read as withdrawn.
alter table customers.customer add column consents jsonb not null default '{}',
                               add column consent_withdrawn_at timestamptz;

-- Every change of a profile's consent, kept for the record (PIPL/GDPR): who decided what, when, and which message or
-- merge brought it. Rows of a profile merged into another move to the survivor with its events.
create table customers.consent_change (
    id            bigint generated always as identity primary key,
    customer_id   bigint      not null,
    category      text        not null,
    granted       boolean     not null,
    decided_at    timestamptz not null,
    recorded_at   timestamptz not null,
    message_id    text,
    merged_from   bigint
);
create index consent_change_customer on customers.consent_change (customer_id, id desc);
