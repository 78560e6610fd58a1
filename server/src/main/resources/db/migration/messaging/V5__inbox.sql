-- The in-app inbox: messages of the inbox channel, kept for the customer's app to list, mark read and receive as they
-- come (a server-sent-events stream). One row per ledger row (a test send has a negative send id); the customer is the
-- live profile the message went to.
create table messaging.inbox_message (
    id          bigserial   primary key,
    send_id     bigint      not null unique,
    customer_id bigint      not null,
    title       text        not null,
    text_body   text        not null,
    html        text,
    link        text,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index inbox_message_customer on messaging.inbox_message (customer_id, id desc);
create index inbox_message_unread on messaging.inbox_message (customer_id) where read_at is null;
