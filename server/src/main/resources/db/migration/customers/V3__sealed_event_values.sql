-- The phone numbers and e-mail addresses of an event, wherever they stood in its properties or context: the event's
-- JSON keeps them masked, and here they are in clear, sealed together with the personal-data keys (AES-256-GCM), as a
-- JSON list of {"path": ["properties", "contact", "phone"], "value": ...}. Null when the event held none.
alter table customers.event add column sealed_values bytea;
