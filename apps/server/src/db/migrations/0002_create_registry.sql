-- Registry (issue 3): zones with dated lifecycle and areas, enterprises, investment projects with an
-- immutable certificate ledger, plans and exchange rates. History is appended, never overwritten.

-- Zones --------------------------------------------------------------------------------------------
alter table zones
  add column kind text not null default 'industrial_park'
    check (kind in ('economic_zone', 'industrial_park', 'non_tariff_zone', 'export_processing_zone')),
  -- a park inside an economic zone; jurisdiction over the parent covers the child
  add column parent_id uuid references zones(id),
  -- Decree 35/2022 Art. 2 park models
  add column model_type text not null default 'general'
    check (model_type in ('general', 'eco', 'high_tech', 'supporting_industry', 'specialised')),
  -- the infrastructure developer (chủ đầu tư hạ tầng)
  add column developer_id uuid references enterprises(id),
  -- a GeoJSON geometry (Point, Polygon or MultiPolygon) in WGS 84
  add column location jsonb,
  add column address text,
  -- [{kind: port|airport|highway|railway|city_centre|other, name, distanceKm}]
  add column infrastructure jsonb not null default '[]',
  -- [{name, role, phone, email}]
  add column contacts jsonb not null default '[]',
  add column description_vi text,
  add column description_en text,
  -- where the zone's facts come from (a report, a decision, 'demo')
  add column source text,
  add column is_demo boolean not null default false,
  add constraint zones_parent_not_self check (parent_id is null or parent_id <> id);
create index zones_parent_idx on zones (parent_id);
create index zones_name_search_idx on zones using gin (f_unaccent(name_vi) gin_trgm_ops);

-- Lifecycle as dated events with the deciding document; the status on a date is derived from them.
-- Events are never edited: a wrong one is voided (with a reason) and a new one recorded.
create table zone_events (
  id uuid primary key default gen_random_uuid(),
  zone_id uuid not null references zones(id),
  status text not null check (status in (
    'in_master_plan', 'proposal_received', 'policy_approved', 'established', 'construction', 'operating',
    'suspended', 'closed')),
  event_date date not null,
  decision_no text,
  decision_date date,
  decision_issuer text,
  note text,
  is_demo boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users(id) on delete set null,
  voided_at timestamptz,
  voided_by uuid references users(id) on delete set null,
  void_reason text,
  constraint zone_events_void_reason check ((voided_at is null) = (void_reason is null))
);
create index zone_events_zone_idx on zone_events (zone_id, event_date);
-- natural key of a live event (imports are idempotent on it)
create unique index zone_events_natural_key on zone_events (zone_id, status, event_date) where voided_at is null;

-- Areas with dated history (hectares). The record in force on a date is the latest as_of on or before it;
-- a correction for the same as_of is a newer row (recorded_at breaks the tie).
create table zone_area_records (
  id uuid primary key default gen_random_uuid(),
  zone_id uuid not null references zones(id),
  as_of date not null,
  total_area_ha numeric(12, 4) not null check (total_area_ha >= 0),
  industrial_land_ha numeric(12, 4) check (industrial_land_ha >= 0),
  -- industrial land that can be leased to investors (the denominator of the occupancy rate)
  leasable_ha numeric(12, 4) check (leasable_ha >= 0),
  leased_ha numeric(12, 4) check (leased_ha >= 0),
  source text,
  note text,
  is_demo boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users(id) on delete set null,
  constraint zone_areas_industrial_le_total check (industrial_land_ha is null or industrial_land_ha <= total_area_ha),
  constraint zone_areas_leasable_le_industrial check (
    leasable_ha is null or industrial_land_ha is null or leasable_ha <= industrial_land_ha),
  constraint zone_areas_leasable_le_total check (leasable_ha is null or leasable_ha <= total_area_ha),
  constraint zone_areas_leased_le_leasable check (leased_ha is null or (leasable_ha is not null and leased_ha <= leasable_ha))
);
create index zone_area_records_zone_idx on zone_area_records (zone_id, as_of desc, recorded_at desc);

-- Enterprises --------------------------------------------------------------------------------------
alter table enterprises
  add column ownership text not null default 'domestic' check (ownership in ('fdi', 'domestic')),
  -- ISO 3166-1 alpha-2 codes of the investors' countries
  add column investor_countries text[] not null default '{}',
  add column address text,
  add column contacts jsonb not null default '[]',
  add column status text not null default 'active' check (status in ('active', 'suspended', 'dissolved')),
  add column is_demo boolean not null default false,
  add constraint enterprises_tax_code_format check (tax_code ~ '^[0-9]{10}(-[0-9]{3})?$');
create index enterprises_name_search_idx on enterprises using gin (f_unaccent(name_vi) gin_trgm_ops);

-- The zones an enterprise operates in (also added automatically for the zone of each of its projects).
create table enterprise_zones (
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  zone_id uuid not null references zones(id),
  primary key (enterprise_id, zone_id)
);
create index enterprise_zones_zone_idx on enterprise_zones (zone_id);

-- Exchange rates and plans --------------------------------------------------------------------------
create table exchange_rates (
  id uuid primary key default gen_random_uuid(),
  currency text not null check (currency ~ '^[A-Z]{3}$' and currency <> 'VND'),
  kind text not null default 'yearly_average' check (kind in ('yearly_average', 'monthly_average', 'daily')),
  valid_from date not null,
  valid_to date not null,
  vnd_per_unit numeric(18, 6) not null check (vnd_per_unit > 0),
  source text,
  decision_no text,
  is_demo boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users(id) on delete set null,
  constraint exchange_rates_range check (valid_to >= valid_from),
  constraint exchange_rates_natural_key unique (currency, kind, valid_from)
);
create index exchange_rates_lookup_idx on exchange_rates (currency, valid_from, valid_to);

-- Annual (or multi-year) plans and targets; a revision is a new row with a later effective_from.
create table plans (
  id uuid primary key default gen_random_uuid(),
  indicator text not null check (indicator ~ '^[a-z][a-z0-9_]*$'),
  year_from integer not null check (year_from between 1990 and 2100),
  year_to integer not null,
  value numeric(20, 4),
  range_low numeric(20, 4),
  range_high numeric(20, 4),
  unit text not null,
  decision_no text,
  decision_date date,
  decision_issuer text,
  -- from when this revision applies (usually the decision date)
  effective_from date not null,
  source text,
  note text,
  is_demo boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users(id) on delete set null,
  constraint plans_years check (year_to >= year_from),
  constraint plans_value_or_range check (
    (value is not null and range_low is null and range_high is null)
    or (value is null and range_low is not null and range_high is not null and range_low <= range_high)),
  constraint plans_natural_key unique (indicator, year_from, year_to, effective_from)
);

-- Investment projects and the certificate ledger ----------------------------------------------------
create table investment_projects (
  id uuid primary key default gen_random_uuid(),
  -- mã số dự án: no fixed length (old projects use their old licence number)
  project_code text not null unique check (project_code ~ '^[A-Za-z0-9][A-Za-z0-9./_-]{0,59}$'),
  name_vi text not null check (length(name_vi) between 1 and 500),
  name_en text,
  enterprise_id uuid not null references enterprises(id),
  zone_id uuid not null references zones(id),
  investment_type text not null check (investment_type in ('fdi', 'ddi')),
  -- the country figures are reported under (the main investor's); 'VN' for domestic projects
  country_code text not null check (country_code ~ '^[A-Z]{2}$'),
  -- [{name, country, kind: organisation|individual}]
  investors jsonb not null default '[]',
  vsic_code text not null,
  objectives text,
  land_area_ha numeric(12, 4) check (land_area_ha >= 0),
  -- the currency the certificates state the capital in
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null
);
create index investment_projects_zone_idx on investment_projects (zone_id);
create index investment_projects_enterprise_idx on investment_projects (enterprise_id);
create index investment_projects_name_search_idx on investment_projects using gin (f_unaccent(name_vi) gin_trgm_ops);

-- One row per certificate event. Immutable (see the trigger below): a correction is a new 'correction' row.
create table certificate_entries (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references investment_projects(id),
  -- position in the project's ledger, 1, 2, 3…
  seq integer not null check (seq >= 1),
  kind text not null check (kind in (
    'new', 'adjustment', 'share_purchase', 'termination', 'transfer_in', 'transfer_out', 'correction')),
  certificate_no text not null check (length(certificate_no) between 1 and 100),
  -- 0 = first issue ("chứng nhận lần đầu"), N = "chứng nhận thay đổi lần thứ N"
  amendment_no integer not null default 0 check (amendment_no >= 0),
  certificate_date date not null,
  -- the date the figures count from: the certificate date, or for a correction the corrected entry's date
  effective_date date not null,
  -- the kind whose figures this row adds to: its own kind, or the corrected entry's kind
  counts_as text not null check (counts_as in ('new', 'adjustment', 'share_purchase', 'termination', 'transfer_in', 'transfer_out')),
  corrects_entry_id uuid references certificate_entries(id),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  capital_before numeric(22, 2) not null,
  capital_change numeric(22, 2) not null,
  capital_after numeric(22, 2) not null check (capital_after >= 0),
  change_usd numeric(22, 2) not null,
  change_vnd numeric(22, 2) not null,
  after_usd numeric(22, 2) not null,
  after_vnd numeric(22, 2) not null,
  -- value of a capital contribution / share purchase (góp vốn, mua cổ phần); it does not change project capital
  deal_value numeric(22, 2) check (deal_value > 0),
  deal_value_usd numeric(22, 2),
  deal_value_vnd numeric(22, 2),
  -- how USD and VND were obtained: stated on the certificate, converted with the dated rate (fx_rate_id),
  -- or taken from the ledger's running totals (a termination or transfer out zeroes both exactly)
  fx_source text not null check (fx_source in ('certificate', 'rate_table', 'ledger')),
  fx_rate_id uuid references exchange_rates(id),
  fx_vnd_per_usd numeric(18, 6),
  -- the project's classification when the entry was recorded (figures by zone/country/sector/type)
  zone_id uuid not null references zones(id),
  investment_type text not null check (investment_type in ('fdi', 'ddi')),
  country_code text not null,
  vsic_code text not null,
  reason text,
  note text,
  is_demo boolean not null default false,
  recorded_at timestamptz not null default now(),
  recorded_by uuid references users(id) on delete set null,
  constraint certificate_entries_adds_up check (capital_after = capital_before + capital_change),
  constraint certificate_entries_seq_key unique (project_id, seq),
  constraint certificate_entries_natural_key unique (certificate_no, amendment_no),
  constraint certificate_entries_correction check ((kind = 'correction') = (corrects_entry_id is not null)),
  constraint certificate_entries_deal check ((kind = 'share_purchase') = (deal_value is not null))
);
create index certificate_entries_effective_idx on certificate_entries (effective_date)
  include (counts_as, kind, project_id, zone_id, investment_type, country_code, vsic_code, change_usd, change_vnd);
create index certificate_entries_project_idx on certificate_entries (project_id, seq);

create function certificate_entries_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'certificate_entries are immutable: record a correction entry instead'
    using errcode = '55000';
end $$;
create trigger certificate_entries_no_update before update or delete on certificate_entries
  for each row execute function certificate_entries_immutable();

-- Permissions ----------------------------------------------------------------------------------------
insert into role_permissions (role, action, scope) values
  ('admin', 'registry.zone.write', 'all'),
  ('admin', 'registry.enterprise.write', 'all'),
  ('admin', 'registry.project.read', 'all'),
  ('admin', 'registry.project.write', 'all'),
  ('admin', 'registry.plan.read', 'all'),
  ('admin', 'registry.plan.write', 'all'),
  ('admin', 'registry.stats.read', 'all'),
  ('admin', 'registry.import', 'all'),
  ('leader', 'registry.project.read', 'all'),
  ('leader', 'registry.plan.read', 'all'),
  ('leader', 'registry.stats.read', 'all'),
  -- staff: their zones; authority-wide records (plans, rates) need an all-zones jurisdiction to write
  ('staff', 'registry.zone.write', 'jurisdiction'),
  ('staff', 'registry.enterprise.write', 'jurisdiction'),
  ('staff', 'registry.project.read', 'jurisdiction'),
  ('staff', 'registry.project.write', 'jurisdiction'),
  ('staff', 'registry.plan.read', 'jurisdiction'),
  ('staff', 'registry.plan.write', 'jurisdiction'),
  ('staff', 'registry.stats.read', 'jurisdiction'),
  ('staff', 'registry.import', 'jurisdiction'),
  ('enterprise', 'registry.project.read', 'own_enterprise')
on conflict do nothing;
