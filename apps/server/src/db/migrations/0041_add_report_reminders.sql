-- Reporting reminders (issue 4): one row per reminder e-mail round sent to an enterprise for a report, so the
-- daily sweep never mails the same reminder twice (a graphile-worker job key only merges jobs still pending),
-- and the "still missing" list can show when each enterprise was last reminded.
create table report_reminders (
  id bigint generated always as identity primary key,
  form_id uuid not null references report_forms(id) on delete cascade,
  period_id text not null,
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  -- 'before:3' = 3 days before the due day, 'after:1' = 1 day after it, 'manual' = sent by staff
  kind text not null check (kind ~ '^(before|after):[0-9]{1,3}$' or kind = 'manual'),
  sent_on date not null,
  recipients integer not null,
  sent_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  constraint report_reminders_once unique (form_id, period_id, enterprise_id, kind, sent_on)
);
create index report_reminders_lookup_idx on report_reminders (form_id, period_id, enterprise_id, created_at desc);
