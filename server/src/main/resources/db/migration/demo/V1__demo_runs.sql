create schema if not exists demo;

-- One row per demo brand loaded into this installation, so the demo is generated once.
create table demo.run (
    seed          bigint      not null,
    end_date      date        not null,
    customers     integer     not null,
    messages      bigint      not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    primary key (seed, end_date)
);
