-- Small key/value facts about this installation (e.g. when the demo data finished loading).
create table platform_settings (
  key text primary key check (key ~ '^[a-z][a-z0-9_.]*$'),
  value jsonb not null,
  updated_at timestamptz not null default now()
);
