-- The ready-made scene a journey was made from (welcome series, abandoned cart, ...), if any.
alter table journeys.journey add column scene text;
create index journey_scene on journeys.journey (scene) where scene is not null;
