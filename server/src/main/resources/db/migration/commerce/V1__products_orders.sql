create schema if not exists commerce;

-- Products as the shop's catalogue describes them (source 'catalogue'), or as first seen in events ('events').
create table commerce.product (
    product_id   text        primary key,
    sku          text,
    name         text,
    category     text,
    brand        text,
    variant      text,
    price        numeric(14, 2),
    currency     char(3),
    stock        integer,
    rating       numeric(3, 2),
    image_url    text,
    url          text,
    attributes   jsonb       not null default '{}',
    source       text        not null check (source in ('catalogue', 'events')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index product_category on commerce.product (category, product_id);
create index product_name_trgm on commerce.product using gin (name gin_trgm_ops);

-- Orders as the shop reported them through e-commerce events. Order-level fields keep the values of the latest
-- event by its own timestamp (fields_at), so a late "Order Updated" cannot overwrite a newer one.
create table commerce.customer_order (
    order_id        text        primary key,
    customer_id     bigint      not null,
    status          text        not null check (status in ('PENDING', 'COMPLETED', 'CANCELLED')),
    currency        char(3)     not null,
    total           numeric(14, 2) not null default 0,
    subtotal        numeric(14, 2),
    revenue         numeric(14, 2),
    shipping        numeric(14, 2),
    tax             numeric(14, 2),
    discount        numeric(14, 2),
    coupon          text,
    affiliation     text,
    checkout_id     text,
    placed_at       timestamptz not null,
    completed_at    timestamptz,
    cancelled_at    timestamptz,
    refunded_total  numeric(14, 2) not null default 0,
    fields_at       timestamptz not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index order_customer on commerce.customer_order (customer_id, placed_at desc);
create index order_placed on commerce.customer_order (placed_at desc, order_id);

create table commerce.order_line (
    order_id     text           not null,
    position     integer        not null,
    product_id   text,
    sku          text,
    name         text,
    category     text,
    brand        text,
    variant      text,
    price        numeric(14, 2) not null default 0,
    quantity     integer        not null default 1,
    primary key (order_id, position)
);
create index order_line_product on commerce.order_line (product_id);

-- One row per refund message; a refund may arrive before its order (late order events), so no foreign key.
create table commerce.refund (
    message_id   text           primary key,
    order_id     text           not null,
    amount       numeric(14, 2),
    refunded_at  timestamptz    not null,
    lines        jsonb
);
create index refund_order on commerce.refund (order_id);
