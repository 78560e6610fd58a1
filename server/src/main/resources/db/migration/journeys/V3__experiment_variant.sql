-- The variant of the journey's experiment split a run was sent down, for the report's comparison of the variants.
alter table journeys.run add column variant text;
