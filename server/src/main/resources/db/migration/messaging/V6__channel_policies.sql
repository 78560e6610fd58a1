-- Per channel, what a marketing message stopped by the quiet hours or a frequency cap does, as
-- [{"channel": "sms", "whenQuiet": "wait", "whenCapped": "skip"}, ...]; a channel not named keeps the default
-- (wait out the quiet hours, skip over a cap).
alter table messaging.respect_settings add column channel_policies jsonb not null default '[]';
