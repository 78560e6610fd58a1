-- WeCom mass-message tasks (企业群发): one per message, created for the staff member who owns the relationship, who
-- confirms it in WeCom. The outcome is asked for until it is known: sent, not a friend, the customer's monthly limit
-- reached, cancelled, or expired (never confirmed in time).
create table messaging.wecom_task (
    send_id         bigint primary key,
    msgid           text not null,
    sender          text not null,
    external_userid text not null,
    created_at      timestamptz not null,
    check_at        timestamptz not null,
    reminded_at     timestamptz,
    outcome         text,
    settled_at      timestamptz
);

create index wecom_task_open on messaging.wecom_task (check_at) where settled_at is null;
