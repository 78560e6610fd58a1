-- Delivery reports that arrive before the dispatcher settled their message (WeChat reports as soon as it delivers,
-- which can be before Siyu has written down the message id it answered): kept, answered as handled, and applied once
-- the message is settled. A report that no message of Siyu's ever matches (one of another system's messages on the
-- same official account) is dropped after a day.
create table messaging.early_receipt (
    provider            text        not null,
    provider_message_id text        not null,
    recipient_key       text        not null,
    failure             text,
    failure_properties  jsonb       not null default '{}',
    received_at         timestamptz not null,
    primary key (provider, provider_message_id, recipient_key)
);
create index early_receipt_received on messaging.early_receipt (received_at);
