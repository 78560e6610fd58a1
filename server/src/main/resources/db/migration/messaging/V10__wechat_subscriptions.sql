-- WeChat subscriptions: what each customer decided on each subscribe-message template of the mini-program
-- (wx.requestSubscribeMessage), and how many messages of it they may still get. Each "accept" grants one message;
-- sending one takes one (remaining never goes below zero); "reject", "ban" and "filter" are recorded as the latest
-- decision and grant nothing.
create table messaging.wechat_subscription (
    customer_id   bigint      not null,
    template_id   text        not null,
    remaining     integer     not null default 0 check (remaining >= 0),
    accepted      integer     not null default 0,
    last_decision text        not null check (last_decision in ('accept', 'reject', 'ban', 'filter')),
    decided_at    timestamptz not null,
    primary key (customer_id, template_id)
);
