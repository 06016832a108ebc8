-- Enterprise periodic reporting (issue 4): the indicator catalogue with disaggregations, reporting forms with
-- their due day and lock day, validation rules, unlock exceptions, submissions, the submitted values (the one
-- table analytics reads, live) and the append-only history of every value. README: modules/reporting/README.md.

-- Classification of an enterprise for analytics. Both are optional: without them the zone is the first of the
-- enterprise's zones and the sector the VSIC code of its first project (modules/reporting/dims.ts).
alter table enterprises
  add column main_zone_id uuid references zones(id),
  add column main_vsic_code text check (main_vsic_code ~ '^[0-9]{2,5}$');

-- Analytics dimensions as a small star: each submission points at one row (zone, FDI/DDI, VSIC division,
-- investor country) recorded when it was written, so figures stay where they were reported even if the
-- enterprise later moves, and the values table carries a 4-byte key instead of four columns.
create table reporting_dims (
  id integer generated always as identity primary key,
  zone_id uuid references zones(id),
  investment_type text not null check (investment_type in ('fdi', 'ddi')),
  -- VSIC division (2 digits), null when unknown
  sector text check (sector ~ '^[0-9]{2}$'),
  -- ISO 3166-1 alpha-2 of the main investor; 'VN' for domestic enterprises
  country text check (country ~ '^[A-Z]{2}$'),
  constraint reporting_dims_key unique nulls not distinct (zone_id, investment_type, sector, country)
);

-- Indicator catalogue ---------------------------------------------------------------------------------
create table indicators (
  -- a small integer: it is repeated on every one of millions of values
  id smallint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_vi text not null check (length(btrim(name_vi)) between 1 and 200),
  name_en text not null check (length(btrim(name_en)) between 1 and 200),
  name_zh text,
  name_ko text,
  name_ja text,
  description_vi text,
  description_en text,
  -- unit of the stored values (base units: whole USD, whole VND, persons…)
  unit text not null check (unit in ('usd', 'vnd', 'persons', 'vnd_per_person_month', 'ha', 'percent', 'count')),
  -- unit the figures are shown in on reports (millions of USD, billions of VND…)
  display_unit text not null,
  value_type text not null check (value_type in ('decimal', 'integer')),
  decimals smallint not null default 0 check (decimals between 0 and 6),
  allow_negative boolean not null default false,
  -- reported by enterprises, computed by a formula over other indicators, or derived from the registry
  source text not null check (source in ('reported', 'computed', 'registry')),
  -- over time and enterprises: sum for flows, last value for stocks, weighted average (income by labour)
  aggregation text not null check (aggregation in ('sum', 'last', 'weighted_average', 'formula')),
  weight_indicator_id smallint references indicators(id),
  formula text,
  -- registry-derived figure, e.g. 'fdi.attracted', 'ddi.registered_capital', 'occupancy'
  registry_measure text,
  -- the registry plans.indicator whose annual plan applies (e.g. 'revenue_usd_m')
  plan_indicator text,
  sort_order integer not null default 0,
  active boolean not null default true,
  -- shipped with the platform: the code and the source cannot change (reports refer to them)
  is_system boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint indicators_weighted check ((aggregation = 'weighted_average') = (weight_indicator_id is not null)),
  constraint indicators_computed check ((source = 'computed') = (formula is not null and aggregation = 'formula')),
  constraint indicators_registry check ((source = 'registry') = (registry_measure is not null)),
  constraint indicators_not_self_weight check (weight_indicator_id is null or weight_indicator_id <> id)
);

-- Disaggregations (breakdowns of a total): e.g. labour by nationality and, separately, by sex. Each is a
-- breakdown of the same total, not crossed with the others: the parts must add up to the total.
create table disaggregations (
  id smallint generated always as identity primary key,
  code text not null unique check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_vi text not null,
  name_en text not null,
  name_zh text,
  name_ko text,
  name_ja text
);
create table disaggregation_options (
  disaggregation_id smallint not null references disaggregations(id) on delete cascade,
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,40}$'),
  name_vi text not null,
  name_en text not null,
  name_zh text,
  name_ko text,
  name_ja text,
  position smallint not null default 0,
  primary key (disaggregation_id, code)
);
create table indicator_disaggregations (
  indicator_id smallint not null references indicators(id) on delete cascade,
  disaggregation_id smallint not null references disaggregations(id),
  position smallint not null default 0,
  -- a required breakdown must be given on every submission; an optional one all parts or none
  required boolean not null default false,
  primary key (indicator_id, disaggregation_id)
);

-- Reporting forms ---------------------------------------------------------------------------------------
create table report_forms (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
  name_vi text not null check (length(btrim(name_vi)) between 1 and 300),
  name_en text not null check (length(btrim(name_en)) between 1 and 300),
  description_vi text,
  period_type text not null check (period_type in ('month', 'quarter', 'half_year', 'year')),
  -- HẠN NỘP (due day): a submission first made on or before period end + this many calendar days is on time.
  -- It decides timeliness and reminders only; entry stays open until the lock day.
  due_after_days smallint not null check (due_after_days between 0 and 366),
  -- NGÀY KHÓA SỐ LIỆU (lock day): after period end + this many calendar days nobody can enter or change the
  -- period's values, except under an unlock exception (report_unlocks).
  lock_after_days smallint not null check (lock_after_days between 0 and 731),
  -- the first period the form is due for (a period id of period_type), and optionally the last
  first_period text not null,
  last_period text,
  -- who must report: 'filter' = active enterprises in target zones (children included; none = every zone)
  -- and of the target investment type (null = both); 'listed' = exactly report_form_enterprises
  target_mode text not null default 'filter' check (target_mode in ('filter', 'listed')),
  target_zone_ids uuid[] not null default '{}',
  target_investment_type text check (target_investment_type in ('fdi', 'ddi')),
  -- reminder e-mails: so many days before the due day, and so many days after it (until the lock day)
  remind_before_days smallint[] not null default '{3}',
  remind_after_days smallint[] not null default '{1,5}',
  active boolean not null default true,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by uuid references users(id) on delete set null,
  constraint report_forms_lock_after_due check (lock_after_days >= due_after_days)
);

create table report_form_enterprises (
  form_id uuid not null references report_forms(id) on delete cascade,
  enterprise_id uuid not null references enterprises(id) on delete cascade,
  primary key (form_id, enterprise_id)
);

create table report_form_indicators (
  form_id uuid not null references report_forms(id) on delete cascade,
  indicator_id smallint not null references indicators(id),
  position smallint not null default 0,
  required boolean not null default true,
  -- heading the indicator is shown under on the form (e.g. "I. Kết quả sản xuất kinh doanh")
  section_vi text,
  primary key (form_id, indicator_id)
);
create index report_form_indicators_indicator_idx on report_form_indicators (indicator_id);

-- Validation rules: left <operator> right over indicator expressions ("labour[nationality:foreign] <= labour",
-- "export <= revenue * 3"), or min ≤ left ÷ right ≤ max. Blocking rules stop a submission; warnings do not.
create table validation_rules (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms(id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
  left_expr text not null,
  operator text not null check (operator in ('eq', 'le', 'ge', 'lt', 'gt', 'ratio_between')),
  right_expr text not null,
  ratio_min numeric(24, 6),
  ratio_max numeric(24, 6),
  severity text not null check (severity in ('blocking', 'warning')),
  message_vi text not null,
  message_en text not null,
  position smallint not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint validation_rules_code unique (form_id, code),
  constraint validation_rules_ratio check (
    (operator = 'ratio_between') = (ratio_min is not null or ratio_max is not null)
    and (ratio_min is null or ratio_max is null or ratio_min <= ratio_max))
);

-- Unlock exceptions (mở khóa): entry re-opened after the lock day for one enterprise (or all of them when
-- enterprise_id is null) for one period of one form, until a date, recording who allowed it and why.
create table report_unlocks (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms(id) on delete cascade,
  period_id text not null,
  enterprise_id uuid references enterprises(id) on delete cascade,
  open_until date not null,
  reason text not null check (length(btrim(reason)) between 3 and 1000),
  granted_by uuid references users(id) on delete set null,
  granted_by_label text not null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by uuid references users(id) on delete set null
);
create index report_unlocks_lookup_idx on report_unlocks (form_id, period_id);

-- Submissions ------------------------------------------------------------------------------------------
create table report_submissions (
  id uuid primary key default gen_random_uuid(),
  form_id uuid not null references report_forms(id),
  enterprise_id uuid not null references enterprises(id),
  period_id text not null,
  period_start date not null,
  period_end date not null,
  -- draft: never submitted; submitted: waiting for review; accepted; returned for correction (values kept)
  status text not null check (status in ('draft', 'submitted', 'accepted', 'returned')),
  -- the working copy being edited ({values: [{indicator, combo, value, estimate}]}); analytics never reads it
  draft jsonb,
  draft_saved_at timestamptz,
  dims_id integer references reporting_dims(id),
  -- timeliness is decided by the FIRST submission, later corrections do not make a report late
  first_submitted_at timestamptz,
  submitted_at timestamptz,
  submitted_by uuid references users(id) on delete set null,
  -- how the values came in last: online by the enterprise, entered by staff from paper, or imported
  last_source text check (last_source in ('online', 'staff', 'import', 'demo')),
  reviewed_at timestamptz,
  reviewed_by uuid references users(id) on delete set null,
  review_comment text,
  -- optimistic concurrency: a save names the version it edited
  version integer not null default 1,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint report_submissions_key unique (form_id, enterprise_id, period_id),
  constraint report_submissions_dims check (status = 'draft' or dims_id is not null),
  constraint report_submissions_returned_comment check (status <> 'returned' or review_comment is not null)
);
create index report_submissions_period_idx on report_submissions (form_id, period_id, status);
create index report_submissions_enterprise_idx on report_submissions (enterprise_id, period_start);

-- The submitted values: what analytics reads directly (no refresh job). A draft never reaches this table.
-- enterprise_id, period and dims_id are copies of the submission's, so analytics reads one narrow table.
-- No foreign keys on this table and on the history: both are written only by the reporting commands, from the
-- submission row they hold in the same transaction, and the per-row FK triggers cost two thirds of a bulk load
-- (measured: 270 000 rows in 6.2 s with them, 2.4 s without) — the demo load and the 10 M benchmark need that.
create table report_values (
  submission_id uuid not null,
  indicator_id smallint not null,
  -- '' = the total; 'nationality:foreign' = one part of a breakdown
  combo text not null default '',
  value numeric(24, 6) not null,
  -- an estimate (ước) is later replaced by the actual; the history keeps both
  is_estimate boolean not null,
  enterprise_id uuid not null,
  period_start date not null,
  period_end date not null,
  dims_id integer not null,
  updated_at timestamptz not null default now(),
  primary key (submission_id, indicator_id, combo)
);
-- pivots: one indicator over a range of periods, summed by dimension (covering: index-only scans)
create index report_values_analytics_idx on report_values (indicator_id, combo, period_start)
  include (period_end, dims_id, enterprise_id, value, is_estimate);
-- carry-forward estimates: an enterprise's latest value before a period
create index report_values_enterprise_idx on report_values (enterprise_id, indicator_id, combo, period_start desc);

-- Every change of a submitted value, appended in the same transaction (never updated): the per-value history
-- screen and the "as known at" analytics (values as they were known at a moment) read it.
create table report_value_history (
  id bigint generated always as identity primary key,
  submission_id uuid not null,
  indicator_id smallint not null,
  combo text not null default '',
  -- null value = the value was removed
  value numeric(24, 6),
  is_estimate boolean,
  previous_value numeric(24, 6),
  previous_is_estimate boolean,
  enterprise_id uuid not null,
  period_start date not null,
  period_end date not null,
  dims_id integer not null,
  changed_at timestamptz not null default now(),
  changed_by uuid,
  changed_by_label text,
  source text not null check (source in ('online', 'staff', 'import', 'demo')),
  comment text
);
create index report_value_history_value_idx on report_value_history (submission_id, indicator_id, combo, changed_at);
create index report_value_history_asof_idx on report_value_history (indicator_id, period_start);

-- Shipped catalogue -------------------------------------------------------------------------------------
insert into disaggregations (code, name_vi, name_en, name_zh, name_ko, name_ja) values
  ('nationality', 'Quốc tịch', 'Nationality', '国籍', '국적', '国籍'),
  ('sex', 'Giới tính', 'Sex', '性别', '성별', '性別');
insert into disaggregation_options (disaggregation_id, code, name_vi, name_en, name_zh, name_ko, name_ja, position)
select d.id, o.code, o.name_vi, o.name_en, o.name_zh, o.name_ko, o.name_ja, o.position
from disaggregations d join (values
  ('nationality', 'vn', 'Lao động Việt Nam', 'Vietnamese', '越南籍', '베트남인', 'ベトナム人', 1),
  ('nationality', 'foreign', 'Lao động nước ngoài', 'Foreign', '外籍', '외국인', '外国人', 2),
  ('sex', 'female', 'Nữ', 'Female', '女', '여성', '女性', 1),
  ('sex', 'male', 'Nam', 'Male', '男', '남성', '男性', 2)
) as o(dcode, code, name_vi, name_en, name_zh, name_ko, name_ja, position) on o.dcode = d.code;

insert into indicators (code, name_vi, name_en, name_zh, name_ko, name_ja, unit, display_unit, value_type, decimals,
  source, aggregation, registry_measure, plan_indicator, sort_order, is_system, description_vi, description_en) values
  ('revenue', 'Doanh thu', 'Revenue', '营业收入', '매출액', '売上高', 'usd', 'usd_m', 'decimal', 2,
    'reported', 'sum', null, 'revenue_usd_m', 10, true,
    'Doanh thu thuần trong kỳ, quy đổi ra đô la Mỹ.', 'Net revenue of the period, in US dollars.'),
  ('export', 'Kim ngạch xuất khẩu', 'Exports', '出口额', '수출액', '輸出額', 'usd', 'usd_m', 'decimal', 2,
    'reported', 'sum', null, 'export_usd_m', 20, true, null, null),
  ('import', 'Kim ngạch nhập khẩu', 'Imports', '进口额', '수입액', '輸入額', 'usd', 'usd_m', 'decimal', 2,
    'reported', 'sum', null, 'import_usd_m', 30, true, null, null),
  ('budget_payments', 'Nộp ngân sách nhà nước', 'State-budget payments', '上缴国家预算', '국가 예산 납부액', '国家予算納付額',
    'vnd', 'vnd_bn', 'decimal', 0, 'reported', 'sum', null, 'budget_vnd_bn', 40, true, null, null),
  ('labour', 'Lao động', 'Workers', '劳动者人数', '근로자 수', '労働者数', 'persons', 'persons', 'integer', 0,
    'reported', 'last', null, null, 50, true,
    'Số lao động đang làm việc tại cuối kỳ.', 'People employed at the end of the period.'),
  ('implemented_capital', 'Vốn đầu tư thực hiện', 'Implemented investment capital', '实际到位投资额', '실행 투자자본', '実行投資額',
    'usd', 'usd_m', 'decimal', 2, 'reported', 'sum', null, null, 70, true,
    'Vốn đầu tư đã giải ngân trong kỳ.', 'Investment capital disbursed in the period.'),
  ('fdi_attracted_usd', 'Vốn FDI thu hút (cấp mới, điều chỉnh, góp vốn)', 'FDI attracted (new, adjusted, share purchases)',
    '吸引外资（新批、增资、出资）', 'FDI 유치액', 'FDI誘致額', 'usd', 'usd_m', 'decimal', 2, 'registry', 'sum',
    'fdi.attracted', 'fdi_attracted_usd_m', 100, true, null, null),
  ('ddi_attracted_vnd', 'Vốn đầu tư trong nước thu hút', 'Domestic investment attracted', '吸引国内投资', '국내 투자 유치액',
    '国内投資誘致額', 'vnd', 'vnd_bn', 'decimal', 0, 'registry', 'sum', 'ddi.attracted', 'ddi_attracted_vnd_bn', 110, true, null, null),
  ('fdi_new_projects', 'Số dự án FDI cấp mới', 'New FDI projects', '新批外资项目数', '신규 FDI 프로젝트 수', '新規FDI案件数',
    'count', 'count', 'integer', 0, 'registry', 'sum', 'fdi.new_projects', null, 120, true, null, null),
  ('ddi_new_projects', 'Số dự án trong nước cấp mới', 'New domestic projects', '新批国内项目数', '신규 국내 프로젝트 수', '新規国内案件数',
    'count', 'count', 'integer', 0, 'registry', 'sum', 'ddi.new_projects', null, 130, true, null, null),
  ('fdi_valid_projects', 'Lũy kế dự án FDI còn hiệu lực', 'Valid FDI projects (cumulative)', '有效外资项目累计', '유효 FDI 프로젝트 누계',
    '有効FDI案件累計', 'count', 'count', 'integer', 0, 'registry', 'last', 'fdi.valid_projects', null, 140, true, null, null),
  ('fdi_registered_capital_usd', 'Lũy kế vốn FDI đăng ký', 'Registered FDI capital (cumulative)', '外资注册资本累计',
    'FDI 등록자본 누계', 'FDI登録資本累計', 'usd', 'usd_m', 'decimal', 2, 'registry', 'last', 'fdi.registered_capital', null, 150, true, null, null),
  ('ddi_valid_projects', 'Lũy kế dự án trong nước còn hiệu lực', 'Valid domestic projects (cumulative)', '有效国内项目累计',
    '유효 국내 프로젝트 누계', '有効国内案件累計', 'count', 'count', 'integer', 0, 'registry', 'last', 'ddi.valid_projects', null, 160, true, null, null),
  ('ddi_registered_capital_vnd', 'Lũy kế vốn đầu tư trong nước đăng ký', 'Registered domestic capital (cumulative)',
    '国内注册资本累计', '국내 등록자본 누계', '国内登録資本累計', 'vnd', 'vnd_bn', 'decimal', 0, 'registry', 'last',
    'ddi.registered_capital', null, 170, true, null, null),
  ('occupancy_rate', 'Tỷ lệ lấp đầy', 'Occupancy rate', '出租率', '입주율', '入居率', 'percent', 'percent', 'decimal', 2,
    'registry', 'last', 'occupancy', null, 180, true,
    'Diện tích đất công nghiệp đã cho thuê trên diện tích có thể cho thuê của các KCN đã thành lập.',
    'Leased over leasable industrial land of the established industrial parks.');

insert into indicators (code, name_vi, name_en, name_zh, name_ko, name_ja, unit, display_unit, value_type, decimals,
  source, aggregation, weight_indicator_id, sort_order, is_system, description_vi, description_en)
select 'avg_income', 'Thu nhập bình quân', 'Average income', '平均收入', '평균 소득', '平均所得', 'vnd_per_person_month',
  'vnd_m_per_person_month', 'decimal', 0, 'reported', 'weighted_average', id, 60, true,
  'Thu nhập bình quân một lao động một tháng; cộng gộp theo bình quân gia quyền với số lao động.',
  'Average monthly income per worker; aggregated as an average weighted by the number of workers.'
from indicators where code = 'labour';

insert into indicators (code, name_vi, name_en, name_zh, name_ko, name_ja, unit, display_unit, value_type, decimals,
  allow_negative, source, aggregation, formula, sort_order, is_system, description_vi, description_en) values
  ('trade_balance', 'Cán cân xuất nhập khẩu', 'Trade balance', '贸易差额', '무역수지', '貿易収支', 'usd', 'usd_m', 'decimal', 2,
    true, 'computed', 'formula', 'export - import', 35, true,
    'Xuất khẩu trừ nhập khẩu.', 'Exports minus imports.');

insert into indicator_disaggregations (indicator_id, disaggregation_id, position, required)
select i.id, d.id, x.position, x.required
from (values ('labour', 'nationality', 1, true), ('labour', 'sex', 2, false)) as x(icode, dcode, position, required)
join indicators i on i.code = x.icode join disaggregations d on d.code = x.dcode;

-- Permissions --------------------------------------------------------------------------------------------
insert into role_permissions (role, action, scope) values
  ('admin', 'reporting.indicator.read', 'all'),
  ('admin', 'reporting.indicator.write', 'all'),
  ('admin', 'reporting.form.read', 'all'),
  ('admin', 'reporting.form.write', 'all'),
  ('admin', 'reporting.submission.read', 'all'),
  ('admin', 'reporting.submission.write', 'all'),
  ('admin', 'reporting.submission.review', 'all'),
  ('admin', 'reporting.unlock', 'all'),
  ('admin', 'reporting.import', 'all'),
  ('admin', 'reporting.monitor.read', 'all'),
  ('admin', 'reporting.reminder.send', 'all'),
  ('admin', 'analytics.read', 'all'),
  ('leader', 'reporting.indicator.read', 'all'),
  ('leader', 'reporting.form.read', 'all'),
  ('leader', 'reporting.submission.read', 'all'),
  ('leader', 'reporting.monitor.read', 'all'),
  ('leader', 'analytics.read', 'all'),
  -- staff: the enterprises of their zones (entry on behalf of them, review, import, reminders, unlocking)
  ('staff', 'reporting.indicator.read', 'all'),
  ('staff', 'reporting.form.read', 'all'),
  ('staff', 'reporting.submission.read', 'jurisdiction'),
  ('staff', 'reporting.submission.write', 'jurisdiction'),
  ('staff', 'reporting.submission.review', 'jurisdiction'),
  ('staff', 'reporting.unlock', 'jurisdiction'),
  ('staff', 'reporting.import', 'jurisdiction'),
  ('staff', 'reporting.monitor.read', 'jurisdiction'),
  ('staff', 'reporting.reminder.send', 'jurisdiction'),
  ('staff', 'analytics.read', 'jurisdiction'),
  -- enterprise users fill and read only their own enterprise's forms and figures
  ('enterprise', 'reporting.indicator.read', 'all'),
  ('enterprise', 'reporting.form.read', 'own_enterprise'),
  ('enterprise', 'reporting.submission.read', 'own_enterprise'),
  ('enterprise', 'reporting.submission.write', 'own_enterprise'),
  ('enterprise', 'analytics.read', 'own_enterprise')
on conflict do nothing;
