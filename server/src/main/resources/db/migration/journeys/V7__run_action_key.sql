-- The customer and occurrence the keys of a run's actions name (journey:<id>:v<version>:<node>:<customer>:<occurrence>:
-- <step>), kept when they stop being the run's own: its customer merged into another profile. A step after the merge
-- then names the messages of the steps before it as they were queued (the fallback of a WeCom message cancels its
-- task). Null while they are the run's customer and occurrence.
alter table journeys.run add column action_key text;
