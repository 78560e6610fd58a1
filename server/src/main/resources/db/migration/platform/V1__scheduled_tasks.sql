create schema if not exists platform;

-- Durable scheduled work (db-scheduler's table): recurring tasks such as the message dispatcher and one-time tasks,
-- picked by one node at a time, revived after a crash when their heartbeat stops.
create table platform.scheduled_tasks (
    task_name            text        not null,
    task_instance        text        not null,
    task_data            bytea,
    execution_time       timestamptz not null,
    picked               boolean     not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint      not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on platform.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on platform.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on platform.scheduled_tasks (priority desc, execution_time asc);
