-- Working-day calendar (issue 7): the administrators' official per-year table (holidays, compensatory
-- days off, swapped working Saturdays). Its rows override the dated rules computed by
-- packages/shared/src/calendar (weekends, Labour Code holidays, lunar Tết and Giỗ Tổ for UTC+7).

create table calendar_official_days (
  date date primary key,
  -- 'holiday' and 'day_off' make the date non-working; 'working_day' makes it a working day (làm bù)
  kind text not null check (kind in ('holiday', 'day_off', 'working_day')),
  name_vi text not null check (length(btrim(name_vi)) between 1 and 300),
  name_en text check (name_en is null or length(name_en) <= 300),
  -- the notice the row comes from (Bộ Nội vụ / VPCP letter, resolution), so each row can be checked
  source text check (source is null or length(source) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users(id) on delete set null
);

-- One counter bumped by every edit of the table, in the same transaction: each process compares it with
-- the revision its cached calendar was built from, so an edit made by another process is seen too.
create table calendar_state (
  id integer primary key default 1 check (id = 1),
  revision bigint not null default 0
);
insert into calendar_state (id, revision) values (1, 0);

insert into role_permissions (role, action, scope) values
  ('admin', 'calendar.read', 'all'),
  ('admin', 'calendar.write', 'all'),
  ('leader', 'calendar.read', 'all'),
  ('staff', 'calendar.read', 'all');
