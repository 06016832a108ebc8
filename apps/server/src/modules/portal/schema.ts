import type { ColumnType, Generated } from 'kysely';
import type { GeneratedTimestamp, NullableTimestamp } from '../../db/schema.ts';

/** A jsonb column with a default (written as a JSON string or a value). */
type JsonDefault = ColumnType<unknown, string | unknown | undefined, string | unknown>;

/** Photos and panoramas the portal may show (migration 0060). */
export interface PortalImageTable {
  id: Generated<string>;
  file_id: string;
  kind: string;
  width: number;
  height: number;
  zone_id: string | null;
  sort_order: Generated<number>;
  alt: JsonDefault;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

/** One content item; its text is in `portal_versions`. */
export interface PortalContentTable {
  id: Generated<string>;
  kind: string;
  zone_id: string | null;
  cover_image_id: string | null;
  period_id: string | null;
  sort_order: Generated<number>;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** A version of one language of a content item. */
export interface PortalVersionTable {
  id: Generated<string>;
  content_id: string;
  lang: string;
  status: string;
  title: string;
  slug: string;
  summary: Generated<string>;
  body_html: Generated<string>;
  file_id: string | null;
  search_text: Generated<string>;
  publish_at: NullableTimestamp;
  review_note: string | null;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
  submitted_by: string | null;
  submitted_at: NullableTimestamp;
  published_by: string | null;
  published_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_at: NullableTimestamp;
}

/** Every slug an item has used, per kind and language. */
export interface PortalSlugTable {
  kind: string;
  lang: string;
  slug: string;
  content_id: string;
}

/** Articles of a newsletter issue. */
export interface PortalNewsletterArticleTable {
  newsletter_id: string;
  article_id: string;
  sort_order: Generated<number>;
}

/** The portal's view of a registry zone. */
export interface PortalZoneProfileTable {
  zone_id: string;
  listed: Generated<boolean>;
  target_sectors: ColumnType<string[], string[] | undefined, string[]>;
  descriptions: JsonDefault;
  names: JsonDefault;
  is_demo: Generated<boolean>;
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}

/** Statistics periods released to the public. */
export interface StatisticsPublicationTable {
  id: Generated<string>;
  period_id: string;
  note: string | null;
  published_at: GeneratedTimestamp;
  published_by: string | null;
  withdrawn_at: NullableTimestamp;
  withdrawn_by: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    portal_images: PortalImageTable;
    portal_contents: PortalContentTable;
    portal_versions: PortalVersionTable;
    portal_slugs: PortalSlugTable;
    portal_newsletter_articles: PortalNewsletterArticleTable;
    portal_zone_profiles: PortalZoneProfileTable;
    statistics_publications: StatisticsPublicationTable;
  }
}
