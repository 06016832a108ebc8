-- Official reports generated from data (issue 5): report templates as data, reports made from them with the
-- workflow draft → submitted → approved → issued → published, the outgoing-document register whose yearly
-- sequence numbers them, and the figures frozen at issue. README: modules/official-reports/README.md.

-- Outgoing-document register (sổ văn bản đi) ----------------------------------------------------------
-- Decree 30/2020 Art. 15: one sequence per agency per year, from 01 on 1 January; number + code unique in the
-- year. The office module will register its other outgoing documents here too.
create table outgoing_document_sequences (
  -- the register, e.g. 'BQL' for the authority's own sequence
  sequence_key text not null check (sequence_key ~ '^[A-Za-z0-9_-]{1,40}$'),
  year integer not null check (year between 2000 and 2100),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (sequence_key, year)
);

create table outgoing_documents (
  id uuid primary key default gen_random_uuid(),
  sequence_key text not null,
  year integer not null,
  number integer not null check (number >= 1),
  -- "15/BQL-DN&GSĐT": the number (two digits at least) and the code, as printed after "Số:"
  number_text text not null,
  document_date date not null,
  subject text not null,
  -- what was issued: 'official_report' and its id
  source_type text not null,
  source_id uuid not null,
  created_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null,
  constraint outgoing_documents_number unique (sequence_key, year, number),
  constraint outgoing_documents_text unique (year, number_text),
  constraint outgoing_documents_source unique (source_type, source_id),
  constraint outgoing_documents_year check (extract(year from document_date) = year)
);

create function outgoing_documents_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'outgoing_documents are immutable: a number once given is never changed or reused'
    using errcode = '55000';
end $$;
create trigger outgoing_documents_no_update before update or delete on outgoing_documents
  for each row execute function outgoing_documents_immutable();

-- Templates --------------------------------------------------------------------------------------------
create table report_templates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z][a-z0-9-]{1,40}$'),
  name_vi text not null check (length(btrim(name_vi)) between 1 and 300),
  name_en text not null check (length(btrim(name_en)) between 1 and 300),
  description_vi text,
  -- period types a report may cover ('half_year', 'year', 'ytd'…)
  period_types text[] not null check (cardinality(period_types) >= 1),
  -- header, body items (headings, narrative, computed sentences, tables) and closing: see
  -- packages/shared/src/official-reports.ts (ReportContent), validated there and slot-checked on save
  content jsonb not null,
  version integer not null default 1 check (version >= 1),
  -- shipped with the platform (integration, fta, investment-summary); staff may still edit them
  is_system boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null,
  updated_by uuid references users(id) on delete set null
);

-- Reports ----------------------------------------------------------------------------------------------
create table official_reports (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references report_templates(id),
  -- the template version the content was copied from (later template edits do not change a report)
  template_version integer not null,
  period_id text not null check (period_id ~ '^\d{4}(M\d{2}|Q[1-4]|S[12]|YTD\d{1,2})?$'),
  -- figures as known at this date; null = as known now (frozen at issue)
  data_as_of date,
  status text not null check (status in ('draft', 'submitted', 'approved', 'issued', 'published')),
  title text not null,
  -- the report's own copy of the template content, edited while a draft
  content jsonb not null,
  -- figures when the draft was last saved or submitted: the reviewer sees what changed since
  draft_figures jsonb,
  draft_figures_at timestamptz,
  -- figures recomputed at issue and never changed again, with the composed document and the DOCX
  frozen_figures jsonb,
  document jsonb,
  docx bytea,
  docx_sha256 text,
  outgoing_document_id uuid references outgoing_documents(id),
  number integer,
  number_text text,
  issued_date date,
  issued_at timestamptz,
  issued_by uuid references users(id) on delete set null,
  submitted_at timestamptz,
  submitted_by uuid references users(id) on delete set null,
  approved_at timestamptz,
  approved_by uuid references users(id) on delete set null,
  returned_at timestamptz,
  returned_by uuid references users(id) on delete set null,
  review_comment text,
  published_at timestamptz,
  published_by uuid references users(id) on delete set null,
  -- a correction of an issued report is a new report pointing at it
  corrects_report_id uuid references official_reports(id),
  -- optimistic concurrency: an edit names the version it changed
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null,
  constraint official_reports_issued check (
    (status in ('issued', 'published')) = (number is not null and issued_date is not null and frozen_figures is not null
      and document is not null and docx is not null and outgoing_document_id is not null)),
  constraint official_reports_published check ((status = 'published') = (published_at is not null))
);
create index official_reports_template_idx on official_reports (template_id, period_id);
create index official_reports_status_idx on official_reports (status, updated_at desc);

-- An issued report never changes: only the move to 'published' (and its stamp) is allowed afterwards.
create function official_reports_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('issued', 'published') then
      raise exception 'an issued report cannot be deleted' using errcode = '55000';
    end if;
    return old;
  end if;
  if old.status in ('issued', 'published') and (
      new.content is distinct from old.content or new.frozen_figures is distinct from old.frozen_figures
      or new.document is distinct from old.document or new.docx is distinct from old.docx
      or new.number is distinct from old.number or new.number_text is distinct from old.number_text
      or new.issued_date is distinct from old.issued_date or new.period_id is distinct from old.period_id
      or new.data_as_of is distinct from old.data_as_of or new.title is distinct from old.title
      or (new.status <> old.status and not (old.status = 'issued' and new.status = 'published'))) then
    raise exception 'an issued report is immutable: issue a correction instead' using errcode = '55000';
  end if;
  return new;
end $$;
create trigger official_reports_immutable before update or delete on official_reports
  for each row execute function official_reports_immutable();

-- Permissions: staff draft and submit; leaders approve and issue; admin everything; enterprises nothing.
-- Reports are authority-wide aggregates, so the scope is 'all'; the records behind a figure are still listed
-- within each person's own registry/reporting jurisdiction (traceability).
insert into role_permissions (role, action, scope) values
  ('admin', 'official_reports.template.read', 'all'),
  ('admin', 'official_reports.template.write', 'all'),
  ('admin', 'official_reports.report.read', 'all'),
  ('admin', 'official_reports.report.write', 'all'),
  ('admin', 'official_reports.report.submit', 'all'),
  ('admin', 'official_reports.report.approve', 'all'),
  ('admin', 'official_reports.report.issue', 'all'),
  ('admin', 'official_reports.report.publish', 'all'),
  ('leader', 'official_reports.template.read', 'all'),
  ('leader', 'official_reports.report.read', 'all'),
  ('leader', 'official_reports.report.approve', 'all'),
  ('leader', 'official_reports.report.issue', 'all'),
  ('leader', 'official_reports.report.publish', 'all'),
  ('staff', 'official_reports.template.read', 'all'),
  ('staff', 'official_reports.template.write', 'all'),
  ('staff', 'official_reports.report.read', 'all'),
  ('staff', 'official_reports.report.write', 'all'),
  ('staff', 'official_reports.report.submit', 'all');
