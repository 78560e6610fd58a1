-- The members of each lifecycle stage as last published, like segment_membership.
create table audience.stage_membership (
    model       text        not null,
    stage       text        not null,
    members     bytea       not null,
    size        bigint      not null,
    updated_at  timestamptz not null,
    primary key (model, stage)
);
