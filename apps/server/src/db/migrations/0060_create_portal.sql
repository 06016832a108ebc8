-- Public investor portal (issue 6): content in five languages with a draft → review → published workflow and
-- scheduled publishing, images and 360° panoramas, the portal's view of each zone, the quarterly newsletter,
-- and which statistics periods staff have released to the public.

-- Images (photos and equirectangular panoramas). The bytes are stored files (platform/files); only images
-- registered here are ever served publicly, so a dossier upload can never leak through the portal.
create table portal_images (
  id uuid primary key default gen_random_uuid(),
  file_id uuid not null references stored_files(id),
  kind text not null check (kind in ('photo', 'panorama')),
  width integer not null check (width between 1 and 20000),
  height integer not null check (height between 1 and 20000),
  -- a photo or panorama shown on this zone's page (null: used by content only)
  zone_id uuid references zones(id) on delete cascade,
  sort_order integer not null default 0,
  -- alternative text / caption per language: {"vi": "…", "en": "…"}
  alt jsonb not null default '{}',
  is_demo boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  -- an equirectangular panorama covers 360° × 180°: twice as wide as high (1 % tolerance)
  constraint portal_images_panorama_ratio check (kind <> 'panorama' or abs(width - 2 * height) * 100 <= height)
);
create index portal_images_zone_idx on portal_images (zone_id, kind, sort_order) where zone_id is not null;

-- One content item (a page, a news article, an incentive, a procedure guide, a publication, a FAQ entry, a
-- newsletter issue). Its text lives in versions, one line of versions per language.
create table portal_contents (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in (
    'page', 'news', 'incentive', 'procedure_guide', 'publication', 'faq', 'newsletter')),
  -- the zone a news item or guide is about (optional)
  zone_id uuid references zones(id) on delete set null,
  cover_image_id uuid references portal_images(id) on delete set null,
  -- the quarter of a newsletter issue ('2024Q4')
  period_id text check (period_id ~ '^\d{4}Q[1-4]$'),
  sort_order integer not null default 0,
  is_demo boolean not null default false,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint portal_contents_newsletter_period check ((kind = 'newsletter') = (period_id is not null))
);
create unique index portal_contents_newsletter_idx on portal_contents (period_id) where kind = 'newsletter';

-- Versions of one language of an item. At most one open version (draft or review) per item and language;
-- what the public sees is the newest published version whose publish_at has come (a later publish_at is a
-- scheduled publication, and until then the previous published version stays online).
create table portal_versions (
  id uuid primary key default gen_random_uuid(),
  content_id uuid not null references portal_contents(id) on delete cascade,
  lang text not null check (lang in ('vi', 'en', 'zh', 'ko', 'ja')),
  status text not null check (status in ('draft', 'review', 'published', 'withdrawn')),
  title text not null check (length(title) between 1 and 300),
  -- per-language URL slug: lower-case letters of any script, digits and single hyphens
  slug text not null check (length(slug) between 1 and 200 and slug !~ '[/?#%\s]' and slug = lower(slug)),
  summary text not null default '' check (length(summary) <= 2000),
  -- sanitised on save (sanitize.ts): what is stored is what is shown
  body_html text not null default '',
  -- a publication's downloadable file in this language
  file_id uuid references stored_files(id),
  -- title, summary and body text folded for diacritic-insensitive search (foldVietnamese)
  search_text text not null default '',
  publish_at timestamptz,
  review_note text,
  created_by uuid references users(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now(),
  submitted_by uuid references users(id) on delete set null,
  submitted_at timestamptz,
  published_by uuid references users(id) on delete set null,
  published_at timestamptz,
  withdrawn_by uuid references users(id) on delete set null,
  withdrawn_at timestamptz,
  constraint portal_versions_published_at check (status not in ('published', 'withdrawn') or publish_at is not null)
);
create unique index portal_versions_open_idx on portal_versions (content_id, lang) where status in ('draft', 'review');
create index portal_versions_live_idx on portal_versions (content_id, lang, publish_at desc) where status = 'published';
create index portal_versions_slug_idx on portal_versions (lang, slug);

-- Every slug an item has used in a language: unique per kind and language, so an old link keeps leading to
-- its item (the page redirects to the current slug) and no other item can take it over.
create table portal_slugs (
  kind text not null,
  lang text not null,
  slug text not null,
  content_id uuid not null references portal_contents(id) on delete cascade,
  primary key (kind, lang, slug)
);

-- The articles of a newsletter issue, in order.
create table portal_newsletter_articles (
  newsletter_id uuid not null references portal_contents(id) on delete cascade,
  article_id uuid not null references portal_contents(id) on delete cascade,
  sort_order integer not null default 0,
  primary key (newsletter_id, article_id),
  constraint portal_newsletter_articles_not_self check (newsletter_id <> article_id)
);

-- The portal's view of a registry zone: whether it is listed, the sectors it targets (VSIC 2018 sections A–U
-- or divisions '26') and its description in each language (sanitised HTML; the registry's own vi/en
-- descriptions are the fallback).
create table portal_zone_profiles (
  zone_id uuid primary key references zones(id) on delete cascade,
  listed boolean not null default true,
  target_sectors text[] not null default '{}'
    check (array_to_string(target_sectors, ',') ~ '^(([A-U]|[0-9]{2})(,([A-U]|[0-9]{2}))*)?$'),
  descriptions jsonb not null default '{}',
  -- the zone's name in languages the registry does not hold (zh, ko, ja): {"zh": "…"}
  names jsonb not null default '{}',
  is_demo boolean not null default false,
  updated_by uuid references users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Statistics periods released to the public. Open statistics show only these periods; withdrawing keeps the
-- row (who released it, when) and hides the period again.
create table statistics_publications (
  id uuid primary key default gen_random_uuid(),
  period_id text not null check (period_id ~ '^\d{4}((M\d{2})|(Q[1-4])|(S[12])|(YTD\d{1,2}))?$'),
  note text,
  published_at timestamptz not null default now(),
  published_by uuid references users(id) on delete set null,
  withdrawn_at timestamptz,
  withdrawn_by uuid references users(id) on delete set null
);
create unique index statistics_publications_live_idx on statistics_publications (period_id) where withdrawn_at is null;

-- Permissions: content and statistics release for staff (all zones: the portal is authority-wide), reading
-- for leaders, settings (basemap) for administrators; enterprises have none.
insert into role_permissions (role, action, scope) values
  ('admin', 'portal.content.read', 'all'),
  ('admin', 'portal.content.write', 'all'),
  ('admin', 'portal.content.publish', 'all'),
  ('admin', 'portal.statistics.read', 'all'),
  ('admin', 'portal.statistics.publish', 'all'),
  ('admin', 'portal.settings.write', 'all'),
  ('leader', 'portal.content.read', 'all'),
  ('leader', 'portal.statistics.read', 'all'),
  ('staff', 'portal.content.read', 'all'),
  ('staff', 'portal.content.write', 'all'),
  ('staff', 'portal.content.publish', 'all'),
  ('staff', 'portal.statistics.read', 'all'),
  ('staff', 'portal.statistics.publish', 'all');
