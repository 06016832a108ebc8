-- One-stop administrative procedures (issue 7): the versioned procedure catalogue, dossiers and their
-- lifecycle, the hand-over log (phiếu kiểm soát), supplement requests, apology/extension letters and the
-- notifications sent to applicants. docs/domain-vn.md §2; the states are a design choice (§2.4).

-- The one-stop office (Bộ phận Một cửa) whose agency identifier starts every dossier code.
create table one_stop_offices (
  -- V1V2V3.Z1Z2.Y1Y2.MX1X2 under TT 10/2016/TT-BTTTT (domain-vn §2.3)
  code text primary key check (code ~ '^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$'),
  name_vi text not null,
  name_en text not null,
  -- the superior body printed above the office name in form headers (e.g. UBND THÀNH PHỐ HẢI PHÒNG)
  parent_vi text not null,
  -- the place of the date line ("Hải Phòng, ngày … tháng … năm …")
  place_vi text not null,
  address_vi text,
  phone text,
  email text,
  is_default boolean not null default false
);
create unique index one_stop_offices_one_default on one_stop_offices (is_default) where is_default;

-- A procedure version. Versions of one code never overlap: a change closes the current version
-- (effective_to) and adds the next; dossiers keep the version they were received under.
create table procedures (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Za-z0-9._-]{1,60}$'),
  version integer not null check (version >= 1),
  effective_from date not null,
  effective_to date,
  name_vi text not null check (length(btrim(name_vi)) between 1 and 500),
  name_en text not null check (length(btrim(name_en)) between 1 and 500),
  field_code text not null,
  field_vi text not null,
  field_en text not null,
  office_code text not null references one_stop_offices(code),
  lead_unit text not null check (lead_unit in (
    'office', 'enterprise_supervision', 'investment_management', 'planning_construction', 'environment', 'labour')),
  -- legal processing time in working days (ngày làm việc), counted after the deemed receipt date
  time_limit_days integer not null check (time_limit_days between 0 and 365),
  -- 'HH:MM' Vietnam time: a dossier received at or after it counts from the next working day; null = none
  cutoff text check (cutoff ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  -- NĐ 42/2022: 'full' = toàn trình, 'partial' = một phần, 'none' = at the counter only
  online_level text not null check (online_level in ('full', 'partial', 'none')),
  -- a supplement request during appraisal: 'restart' the full time limit when the dossier is complete again,
  -- or 'pause' the clock and continue with the working days that were left
  supplement_clock text not null check (supplement_clock in ('restart', 'pause')),
  result_vi text not null,
  result_en text not null,
  legal_basis text not null,
  -- how sure the facts of this row are (docs/domain-vn.md §7); shown to administrators
  note text,
  created_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null,
  constraint procedures_code_version unique (code, version),
  constraint procedures_range check (effective_to is null or effective_to >= effective_from)
);
create unique index procedures_one_open_version on procedures (code) where effective_to is null;

-- Documents required by a procedure version (thành phần hồ sơ), with the number of originals and copies.
create table procedure_documents (
  procedure_id uuid not null references procedures(id) on delete cascade,
  position integer not null,
  key text not null check (key ~ '^[a-z0-9_]{1,60}$'),
  name_vi text not null,
  name_en text not null,
  originals integer not null default 1 check (originals >= 0),
  copies integer not null default 0 check (copies >= 0),
  -- false: only when it applies (e.g. a power of attorney when someone else files)
  required boolean not null default true,
  primary key (procedure_id, key),
  unique (procedure_id, position)
);

-- Processing steps: the responsible unit and role, and the share of the time limit (working days).
create table procedure_steps (
  procedure_id uuid not null references procedures(id) on delete cascade,
  position integer not null check (position >= 0),
  key text not null check (key ~ '^[a-z0-9_]{1,60}$'),
  name_vi text not null,
  name_en text not null,
  unit text not null check (unit in (
    'office', 'enterprise_supervision', 'investment_management', 'planning_construction', 'environment', 'labour')),
  role text not null check (role in ('staff', 'leader')),
  days integer not null check (days >= 0),
  primary key (procedure_id, position),
  unique (procedure_id, key)
);

-- Fees and charges (phí, lệ phí); amount null = set elsewhere (see note).
create table procedure_fees (
  procedure_id uuid not null references procedures(id) on delete cascade,
  position integer not null,
  name_vi text not null,
  name_en text not null,
  amount_vnd numeric(18, 0) check (amount_vnd >= 0),
  note_vi text,
  note_en text,
  primary key (procedure_id, position)
);

-- Daily sequence of received dossiers per office (the XXXX of the dossier code). The upsert that takes a
-- number locks the day's row, so concurrent receipts get distinct, gap-free numbers; a rolled-back receipt
-- gives its number back.
create table dossier_sequences (
  office_code text not null references one_stop_offices(code),
  day date not null,
  last_value integer not null check (last_value >= 1),
  primary key (office_code, day)
);

create table dossiers (
  id uuid primary key default gen_random_uuid(),
  -- mã hồ sơ: <office>-YYMMDD-XXXX, given when the dossier is received (complete and valid)
  code text unique,
  procedure_id uuid not null references procedures(id),
  office_code text not null references one_stop_offices(code),
  status text not null check (status in (
    'submitted', 'intake_supplement', 'rejected', 'received', 'processing', 'appraisal_supplement',
    'result_ready', 'returned', 'stopped', 'withdrawn', 'archived')),
  channel text not null check (channel in ('online', 'counter', 'postal')),
  applicant_kind text not null check (applicant_kind in ('organisation', 'individual')),
  applicant_name text collate vi not null check (length(btrim(applicant_name)) between 1 and 300),
  -- tax code for an organisation, ID number for a person
  applicant_id_number text,
  applicant_address text,
  applicant_phone text,
  applicant_email text,
  -- nội dung yêu cầu giải quyết
  subject text not null check (length(btrim(subject)) between 1 and 2000),
  sets_count integer not null default 1 check (sets_count between 1 and 50),
  -- how the applicant wants the result: online, at the counter or by post
  return_method text not null default 'counter' check (return_method in ('online', 'counter', 'post')),
  return_address text,
  enterprise_id uuid references enterprises(id),
  zone_id uuid references zones(id),
  submitted_by uuid references users(id) on delete set null,
  received_by uuid references users(id) on delete set null,
  -- the 4-character lookup secret printed on the receipt (public tracking: code + secret)
  tracking_secret text not null check (tracking_secret ~ '^[A-Z2-9]{4}$'),
  submitted_at timestamptz not null,
  -- the instant printed on the receipt
  received_at timestamptz,
  -- deemed receipt date: the next working day when received after the cut-off or on a rest day
  counting_from date,
  -- appointment printed on the receipt; moved only by supplement clock rules and apology/extension letters
  due_at timestamptz,
  -- the deadline of the time limit under the clock rules; apology/extension letters do not move it, so a
  -- dossier finished within an extension still counts as late
  legal_due_date date,
  current_step integer,
  -- pause rule: working days still due when the clock stopped for a supplement
  paused_remaining_days integer,
  -- the result is ready (resolved): early / on time / late compares its date with legal_due_date
  finished_at timestamptz,
  result_file_id uuid references stored_files(id),
  result_number text,
  result_note text,
  returned_at timestamptz,
  returned_by_method text check (returned_by_method in ('online', 'counter', 'post')),
  return_note text,
  -- rejected, stopped or withdrawn: when and why
  closed_at timestamptz,
  close_reason text,
  archived_at timestamptz,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint dossiers_received_has_code check (
    status in ('submitted', 'intake_supplement', 'rejected', 'withdrawn')
    or (code is not null and received_at is not null and counting_from is not null and due_at is not null
        and legal_due_date is not null)
    or (status = 'archived')),
  constraint dossiers_guest_contact check (
    submitted_by is not null or channel <> 'online' or (applicant_email is not null and applicant_phone is not null))
);
create index dossiers_status_idx on dossiers (status);
create index dossiers_procedure_idx on dossiers (procedure_id);
create index dossiers_received_idx on dossiers (received_at);
create index dossiers_finished_idx on dossiers (finished_at);
create index dossiers_enterprise_idx on dossiers (enterprise_id);
create index dossiers_zone_idx on dossiers (zone_id);
create index dossiers_open_due_idx on dossiers (legal_due_date) where finished_at is null and closed_at is null;
create index dossiers_applicant_search_idx on dossiers using gin (f_unaccent(applicant_name) gin_trgm_ops);

-- What the applicant handed in: catalogue documents (document_key) or others, on paper and/or as a file.
create table dossier_documents (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  document_key text,
  name text not null,
  originals integer not null default 0 check (originals >= 0),
  copies integer not null default 0 check (copies >= 0),
  file_id uuid references stored_files(id),
  -- handed in with the submission, or later to answer a supplement request
  supplement_id uuid,
  provided_at timestamptz not null
);
create index dossier_documents_dossier_idx on dossier_documents (dossier_id);

-- The dossier's processing steps, copied from the procedure version with their due dates.
create table dossier_steps (
  dossier_id uuid not null references dossiers(id) on delete cascade,
  position integer not null,
  key text not null,
  name_vi text not null,
  name_en text not null,
  unit text not null,
  role text not null check (role in ('staff', 'leader')),
  days integer not null,
  due_date date not null,
  assignee_id uuid references users(id) on delete set null,
  started_at timestamptz,
  completed_at timestamptz,
  completed_by uuid references users(id) on delete set null,
  note text,
  primary key (dossier_id, position)
);
create index dossier_steps_queue_idx on dossier_steps (unit, role) where completed_at is null;

-- The hand-over log (phiếu kiểm soát quá trình giải quyết hồ sơ): every transition and hand-over.
create table dossier_events (
  id bigint generated always as identity primary key,
  dossier_id uuid not null references dossiers(id) on delete cascade,
  at timestamptz not null,
  actor_id uuid references users(id) on delete set null,
  actor_label text,
  event text not null,
  from_status text,
  to_status text,
  from_unit text,
  to_unit text,
  assignee_id uuid references users(id) on delete set null,
  note text,
  data jsonb
);
create index dossier_events_dossier_idx on dossier_events (dossier_id, id);

-- Supplement requests (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ): everything missing, once, with reasons.
create table dossier_supplements (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  number integer not null,
  -- 'intake': before receipt (the clock has not started); 'appraisal': while processing
  stage text not null check (stage in ('intake', 'appraisal')),
  requested_at timestamptz not null,
  requested_by uuid references users(id) on delete set null,
  reason text not null,
  legal_basis text,
  -- [{documentKey, name, reason}]
  items jsonb not null,
  clock_rule text check (clock_rule in ('restart', 'pause')),
  remaining_days integer,
  fulfilled_at timestamptz,
  unique (dossier_id, number)
);
alter table dossier_documents
  add constraint dossier_documents_supplement_fk foreign key (supplement_id) references dossier_supplements(id);

-- Apology and extension letters (văn bản xin lỗi và đề nghị gia hạn, form 04): the history of extensions.
create table dossier_extensions (
  id uuid primary key default gen_random_uuid(),
  dossier_id uuid not null references dossiers(id) on delete cascade,
  number integer not null,
  created_at timestamptz not null,
  created_by uuid references users(id) on delete set null,
  reason text not null,
  previous_due_at timestamptz not null,
  new_due_at timestamptz not null,
  signer_name text not null,
  signer_title text not null,
  unique (dossier_id, number),
  check (new_due_at > previous_due_at)
);

-- What was sent to applicants (e-mail is queued as a mail_send job in the same transaction; SMS goes to the
-- SMS provider after commit). Shared by procedures and feedback.
create table applicant_notifications (
  id bigint generated always as identity primary key,
  entity_type text not null check (entity_type in ('dossier', 'feedback')),
  entity_id uuid not null,
  milestone text not null,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text,
  body text not null,
  created_at timestamptz not null default now()
);
create index applicant_notifications_entity_idx on applicant_notifications (entity_type, entity_id);

insert into role_permissions (role, action, scope) values
  ('admin', 'procedures.catalogue.read', 'all'),
  ('admin', 'procedures.catalogue.write', 'all'),
  ('admin', 'procedures.dossier.read', 'all'),
  ('admin', 'procedures.stats.read', 'all'),
  ('leader', 'procedures.catalogue.read', 'all'),
  ('leader', 'procedures.dossier.read', 'all'),
  ('leader', 'procedures.dossier.process', 'all'),
  ('leader', 'procedures.stats.read', 'all'),
  ('staff', 'procedures.catalogue.read', 'all'),
  ('staff', 'procedures.dossier.read', 'jurisdiction'),
  ('staff', 'procedures.dossier.intake', 'jurisdiction'),
  ('staff', 'procedures.dossier.process', 'jurisdiction'),
  ('staff', 'procedures.stats.read', 'jurisdiction'),
  ('enterprise', 'procedures.dossier.submit', 'own_enterprise'),
  ('enterprise', 'procedures.dossier.read', 'own_enterprise');
