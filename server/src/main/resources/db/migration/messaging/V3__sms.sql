-- SMS templates name a template approved at the provider: its code, the signature (签名) and the Handlebars sources
-- of its parameters, as {"templateCode": ..., "signName": ..., "parameters": {...}}. Null for e-mail.
alter table messaging.template_version add column sms jsonb;

-- What the provider reported after accepting a message (SMS delivery receipts), and a keyed digest of the address it
-- went to, so that receipts and replies, which name the phone number, find their row without it being kept in clear.
alter table messaging.send add column delivered_at timestamptz;
alter table messaging.send add column bounced_at timestamptz;
alter table messaging.send add column recipient_key text;
create index send_provider_message on messaging.send (provider_message_id) where provider_message_id is not null;
create index send_recipient_key on messaging.send (recipient_key, id desc) where recipient_key is not null;

-- Receipts and replies the provider pushed and Siyu handled: a push repeated (after a timeout or a 5xx answer) is
-- recognised here and changes nothing the second time.
create table messaging.provider_callback (
    provider        text        not null,
    kind            text        not null,
    key             text        not null,
    received_at     timestamptz not null,
    primary key (provider, kind, key)
);
