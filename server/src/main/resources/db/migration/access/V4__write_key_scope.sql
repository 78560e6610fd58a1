-- Where a write key may send to: 'browser' keys only track (/v1/...), 'server' keys may also feed the catalogue
-- (/ingest/...). Keys issued before scopes existed could do both, so they become 'server' keys and running shops keep
-- working; new keys name their scope.
alter table access.write_key add column scope text not null default 'SERVER' check (scope in ('BROWSER', 'SERVER'));
alter table access.write_key alter column scope drop default;
