-- The node a run ended at (its last node, the node it waited at when an exit condition or its goal ended it), for the
-- per-node "exited" count of the report. Null for runs that never passed a node (the control group).
alter table journeys.run add column exit_node text;
