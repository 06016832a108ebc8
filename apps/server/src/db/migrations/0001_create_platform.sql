-- Platform foundation: accounts, permissions as data, sessions, audit.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Vietnamese alphabetical order (Đ after D, tones after the base letter) for names.
create collation if not exists vi (provider = icu, locale = 'vi');

-- Immutable wrapper so unaccent can be used in indexes; also folds đ/Đ, which unaccent leaves alone
-- in some rule files.
create or replace function f_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(public.unaccent('public.unaccent'::regdictionary, replace(replace($1, 'đ', 'd'), 'Đ', 'D'))) $$;

-- Minimal zone and enterprise tables: accounts refer to them (jurisdiction, enterprise users).
-- The registry module extends them.
create table zones (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name_vi text collate vi not null,
  name_en text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table enterprises (
  id uuid primary key default gen_random_uuid(),
  tax_code text not null unique,
  name_vi text collate vi not null,
  name_en text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table roles (
  code text primary key check (code ~ '^[a-z_]+$'),
  name_vi text not null,
  name_en text not null
);

-- Authorization as data: which role may do which action, and how far it reaches.
create table role_permissions (
  role text not null references roles(code) on delete cascade,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  scope text not null check (scope in ('all', 'jurisdiction', 'own_enterprise')),
  primary key (role, action)
);

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  full_name text collate vi not null check (length(full_name) between 1 and 200),
  password_hash text not null,
  role text not null references roles(code),
  department text,
  -- staff jurisdiction: 'all' zones or the 'listed' ones in user_zones; null for other roles
  zone_scope text check (zone_scope in ('all', 'listed')),
  enterprise_id uuid references enterprises(id),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint users_enterprise_role check ((role = 'enterprise') = (enterprise_id is not null))
);
create unique index users_email_key on users (lower(email));

create table user_zones (
  user_id uuid not null references users(id) on delete cascade,
  zone_id uuid not null references zones(id) on delete cascade,
  primary key (user_id, zone_id)
);

-- Sessions are looked up by the SHA-256 of the cookie value, so a database leak yields no usable cookie.
create table sessions (
  id_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table password_reset_tokens (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- Every write records who, when, what, before and after, in the same transaction as the write.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid references users(id) on delete set null,
  actor_label text,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  ip text
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id, at desc);
create index audit_log_actor_idx on audit_log (actor_id, at desc);
create index audit_log_at_idx on audit_log (at desc);

insert into roles (code, name_vi, name_en) values
  ('admin', 'Quản trị hệ thống', 'Administrator'),
  ('leader', 'Lãnh đạo Ban', 'Leader'),
  ('staff', 'Cán bộ, chuyên viên', 'Staff'),
  ('enterprise', 'Doanh nghiệp', 'Enterprise user');

insert into role_permissions (role, action, scope) values
  ('admin', 'accounts.user.read', 'all'),
  ('admin', 'accounts.user.write', 'all'),
  ('admin', 'audit.read', 'all'),
  ('admin', 'registry.zone.read', 'all'),
  ('admin', 'registry.enterprise.read', 'all'),
  ('leader', 'accounts.user.read', 'all'),
  ('leader', 'registry.zone.read', 'all'),
  ('leader', 'registry.enterprise.read', 'all'),
  ('staff', 'registry.zone.read', 'jurisdiction'),
  ('staff', 'registry.enterprise.read', 'jurisdiction'),
  ('enterprise', 'registry.enterprise.read', 'own_enterprise');
