-- Feedback and petitions (phản ánh, kiến nghị; issue 7): intake from the portal or the counter, routing
-- to a unit by category, a response deadline in working days, internal notes, a public answer, the
-- requester's rating and reopening.

create table feedback_categories (
  code text primary key check (code ~ '^[a-z_]{1,40}$'),
  name_vi text not null,
  name_en text not null,
  -- the unit an item of this category is routed to first
  unit text not null check (unit in (
    'office', 'enterprise_supervision', 'investment_management', 'planning_construction', 'environment', 'labour')),
  -- working days to answer, counted like a dossier's time limit (after the deemed receipt date)
  response_days integer not null check (response_days between 1 and 60),
  position integer not null default 0,
  active boolean not null default true
);

-- Daily sequence of the PAKN-YYMMDD-XXXX codes; the upsert locks the day's row (see dossier_sequences).
create table feedback_sequences (
  day date primary key,
  last_value integer not null check (last_value >= 1)
);

create table feedback_items (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  kind text not null check (kind in ('feedback', 'petition')),
  category_code text not null references feedback_categories(code),
  unit text not null check (unit in (
    'office', 'enterprise_supervision', 'investment_management', 'planning_construction', 'environment', 'labour')),
  channel text not null check (channel in ('portal', 'counter')),
  status text not null check (status in ('received', 'in_progress', 'answered', 'closed')),
  requester_name text collate vi not null check (length(btrim(requester_name)) between 1 and 300),
  requester_organisation text,
  requester_email text,
  requester_phone text,
  enterprise_id uuid references enterprises(id),
  submitted_by uuid references users(id) on delete set null,
  subject text not null check (length(btrim(subject)) between 1 and 300),
  body text not null check (length(btrim(body)) between 1 and 10000),
  -- what the item is about, when it concerns a dossier or a procedure
  dossier_id uuid references dossiers(id),
  procedure_code text,
  -- the 4-character secret given to the requester: with the code it shows the answer, and allows rating
  -- and reopening, without an account
  tracking_secret text not null check (tracking_secret ~ '^[A-Z2-9]{4}$'),
  received_at timestamptz not null,
  counting_from date not null,
  due_date date not null,
  assignee_id uuid references users(id) on delete set null,
  answer text,
  answered_at timestamptz,
  answered_by uuid references users(id) on delete set null,
  -- published on the portal (question as edited for publication, and the answer; never the requester)
  is_public boolean not null default false,
  public_question text,
  published_at timestamptz,
  rating smallint check (rating between 1 and 5),
  rating_comment text,
  rated_at timestamptz,
  reopen_count integer not null default 0,
  closed_at timestamptz,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint feedback_contact check (
    submitted_by is not null or channel = 'counter' or requester_email is not null or requester_phone is not null),
  constraint feedback_answered check (status in ('received', 'in_progress') or answer is not null),
  constraint feedback_public_needs_answer check (not is_public or answer is not null)
);
create index feedback_items_status_idx on feedback_items (status, unit);
create index feedback_items_due_idx on feedback_items (due_date) where status in ('received', 'in_progress');
create index feedback_items_public_idx on feedback_items (published_at desc) where is_public;

-- Internal notes: never shown to the requester or on the portal.
create table feedback_notes (
  id bigint generated always as identity primary key,
  feedback_id uuid not null references feedback_items(id) on delete cascade,
  at timestamptz not null,
  author_id uuid references users(id) on delete set null,
  author_label text,
  body text not null check (length(btrim(body)) between 1 and 5000)
);
create index feedback_notes_item_idx on feedback_notes (feedback_id, id);

-- Every transition and re-routing of an item.
create table feedback_events (
  id bigint generated always as identity primary key,
  feedback_id uuid not null references feedback_items(id) on delete cascade,
  at timestamptz not null,
  actor_id uuid references users(id) on delete set null,
  actor_label text,
  event text not null,
  from_status text,
  to_status text,
  from_unit text,
  to_unit text,
  note text
);
create index feedback_events_item_idx on feedback_events (feedback_id, id);

-- Response times follow the general 10-working-day practice for petitions on administrative rules [M]:
-- check against the current decree before relying on them (docs/domain-vn.md §7).
insert into feedback_categories (code, name_vi, name_en, unit, response_days, position) values
  ('procedures', 'Thủ tục hành chính, giải quyết hồ sơ', 'Administrative procedures and dossiers', 'office', 10, 1),
  ('investment', 'Đầu tư, đăng ký đầu tư', 'Investment and investment registration', 'investment_management', 10, 2),
  ('enterprise', 'Hoạt động doanh nghiệp, giám sát đầu tư', 'Enterprise operations and investment supervision', 'enterprise_supervision', 10, 3),
  ('construction', 'Quy hoạch, xây dựng, hạ tầng khu công nghiệp', 'Planning, construction and park infrastructure', 'planning_construction', 10, 4),
  ('environment', 'Môi trường', 'Environment', 'environment', 10, 5),
  ('labour', 'Lao động, việc làm, nhà ở công nhân', 'Labour, employment and worker housing', 'labour', 10, 6),
  ('other', 'Nội dung khác', 'Other matters', 'office', 10, 7);

insert into role_permissions (role, action, scope) values
  ('admin', 'feedback.item.read', 'all'),
  ('admin', 'feedback.category.write', 'all'),
  ('admin', 'feedback.stats.read', 'all'),
  ('leader', 'feedback.item.read', 'all'),
  ('leader', 'feedback.item.process', 'all'),
  ('leader', 'feedback.stats.read', 'all'),
  ('staff', 'feedback.item.read', 'all'),
  ('staff', 'feedback.item.intake', 'all'),
  ('staff', 'feedback.item.process', 'all'),
  ('staff', 'feedback.stats.read', 'all'),
  ('enterprise', 'feedback.item.read', 'own_enterprise');
