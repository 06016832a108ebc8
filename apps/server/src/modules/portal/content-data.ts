/**
 * What the public sees of the content: for each item and language, the newest published version whose
 * publish_at has come. Lists and pages pick, for the page's language, that language's live version or fall
 * back to English, then Vietnamese (the page then shows a note). Read through the portal caches; the caches
 * are dropped at the moment the next scheduled version goes live (cache.ts `noteScheduledChange`).
 */
import { CONTENT_SECTIONS, type ContentKind } from '@heza/shared/portal';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { noteScheduledChange, portalCaches } from './cache.ts';
import { fallbackChain, PORTAL_LANGS, type PortalLang } from './langs.ts';
import { imageUrl, type PortalImage } from './zone-data.ts';

/** One live version. */
export interface LiveVersion {
  versionId: string;
  lang: PortalLang;
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  searchText: string;
  publishAt: Date;
  file: { id: string; name: string; sizeBytes: number; mediaType: string } | null;
}

/** A content item with its live versions by language. */
export interface LiveItem {
  id: string;
  kind: ContentKind;
  zoneId: string | null;
  periodId: string | null;
  sortOrder: number;
  isDemo: boolean;
  cover: PortalImage | null;
  versions: Partial<Record<PortalLang, LiveVersion>>;
  /** When the item first went online (its earliest live version). */
  firstPublishedAt: Date;
}

/** An item as shown in one language: the version picked by the fallback chain. */
export interface ShownItem {
  item: LiveItem;
  version: LiveVersion;
  /** True when the version is not in the page's language. */
  fallback: boolean;
}

interface LiveRow {
  content_id: string;
  kind: string;
  zone_id: string | null;
  period_id: string | null;
  sort_order: number;
  is_demo: boolean;
  cover_id: string | null;
  cover_width: number | null;
  cover_height: number | null;
  cover_alt: unknown;
  version_id: string;
  lang: string;
  title: string;
  slug: string;
  summary: string;
  body_html: string;
  search_text: string;
  publish_at: Date;
  file_id: string | null;
  file_name: string | null;
  file_size: number | null;
  file_type: string | null;
}

async function loadKind(db: DbOrTx, kind: ContentKind): Promise<LiveItem[]> {
  const [rows, next] = await Promise.all([
    sql<LiveRow>`
      select distinct on (v.content_id, v.lang)
        c.id as content_id, c.kind, c.zone_id, c.period_id, c.sort_order, c.is_demo,
        i.id as cover_id, i.width as cover_width, i.height as cover_height, i.alt as cover_alt,
        v.id as version_id, v.lang, v.title, v.slug, v.summary, v.body_html, v.search_text, v.publish_at,
        f.id as file_id, f.original_name as file_name, f.size_bytes as file_size, f.media_type as file_type
      from portal_versions v
      join portal_contents c on c.id = v.content_id
      left join portal_images i on i.id = c.cover_image_id
      left join stored_files f on f.id = v.file_id
      where c.kind = ${kind} and v.status = 'published' and v.publish_at <= now()
      order by v.content_id, v.lang, v.publish_at desc, v.published_at desc nulls last`.execute(db),
    sql<{ at: Date | null }>`
      select min(v.publish_at) as at from portal_versions v join portal_contents c on c.id = v.content_id
      where c.kind = ${kind} and v.status = 'published' and v.publish_at > now()`.execute(db),
  ]);
  noteScheduledChange(db, next.rows[0]?.at ?? null);
  const items = new Map<string, LiveItem>();
  for (const r of rows.rows) {
    let item = items.get(r.content_id);
    if (!item) {
      item = {
        id: r.content_id,
        kind: r.kind as ContentKind,
        zoneId: r.zone_id,
        periodId: r.period_id,
        sortOrder: r.sort_order,
        isDemo: r.is_demo,
        cover: r.cover_id
          ? {
              id: r.cover_id,
              kind: 'photo',
              width: r.cover_width ?? 0,
              height: r.cover_height ?? 0,
              alt: (r.cover_alt ?? {}) as PortalImage['alt'],
              url: imageUrl(r.cover_id),
            }
          : null,
        versions: {},
        firstPublishedAt: r.publish_at,
      };
      items.set(r.content_id, item);
    }
    if (r.publish_at < item.firstPublishedAt) item.firstPublishedAt = r.publish_at;
    item.versions[r.lang as PortalLang] = {
      versionId: r.version_id,
      lang: r.lang as PortalLang,
      title: r.title,
      slug: r.slug,
      summary: r.summary,
      bodyHtml: r.body_html,
      searchText: r.search_text,
      publishAt: r.publish_at,
      file: r.file_id
        ? {
            id: r.file_id,
            name: r.file_name ?? 'file',
            sizeBytes: Number(r.file_size ?? 0),
            mediaType: r.file_type ?? '',
          }
        : null,
    };
  }
  return [...items.values()];
}

/** Every live item of a kind (cached). */
export function liveItems(db: DbOrTx, kind: ContentKind): Promise<LiveItem[]> {
  return portalCaches(db).content.get(`live|${kind}`, () => loadKind(db, kind)) as Promise<LiveItem[]>;
}

/** The version of an item to show in a language (its own, else English, else Vietnamese). */
export function shown(item: LiveItem, lang: PortalLang): ShownItem | null {
  for (const l of fallbackChain(lang)) {
    const v = item.versions[l];
    if (v) return { item, version: v, fallback: l !== lang };
  }
  // Only in Chinese, Korean or Japanese: still show it (better than nothing) with the note.
  for (const l of PORTAL_LANGS) {
    const v = item.versions[l];
    if (v) return { item, version: v, fallback: l !== lang };
  }
  return null;
}

/** Kinds listed newest first; the others follow their sort order, then title. */
const DATED: readonly ContentKind[] = ['news', 'publication', 'newsletter'];

/** The live items of a kind as shown in a language, in list order. */
export async function liveList(
  db: DbOrTx,
  kind: ContentKind,
  lang: PortalLang,
  opts: { limit?: number; offset?: number; zoneId?: string } = {},
): Promise<ShownItem[]> {
  const items = await liveItems(db, kind);
  const list = items
    .filter((i) => !opts.zoneId || i.zoneId === opts.zoneId)
    .map((i) => shown(i, lang))
    .filter((s): s is ShownItem => s !== null);
  if (DATED.includes(kind)) {
    list.sort((a, b) => b.item.firstPublishedAt.getTime() - a.item.firstPublishedAt.getTime());
  } else {
    list.sort(
      (a, b) => a.item.sortOrder - b.item.sortOrder || a.version.title.localeCompare(b.version.title),
    );
  }
  const offset = opts.offset ?? 0;
  return list.slice(offset, opts.limit === undefined ? undefined : offset + opts.limit);
}

/** The public path of an item in a language: its own slug there, or the slug of the version shown instead. */
export function itemPath(s: Pick<ShownItem, 'item'>, lang: PortalLang): string {
  const v = shown(s.item, lang)?.version;
  return `/${lang}/${CONTENT_SECTIONS[s.item.kind]}/${encodeURIComponent(v?.slug ?? '')}`;
}

/** How a slug found an item. */
export type SlugMatch =
  | { kind: 'found'; shown: ShownItem }
  /** The item exists under another (current) slug: redirect there. */
  | { kind: 'moved'; path: string }
  | { kind: 'none' };

/**
 * Finds the item a slug names in a language: the slug of its version in that language (current or former),
 * or, for an untranslated item, the slug of the version shown instead.
 */
export async function findBySlug(
  db: DbOrTx,
  kind: ContentKind,
  lang: PortalLang,
  slug: string,
): Promise<SlugMatch> {
  const items = await liveItems(db, kind);
  for (const item of items) {
    const s = shown(item, lang);
    if (s && s.version.slug === slug) return { kind: 'found', shown: s };
  }
  // A former slug (renamed, or the link was made in another language): look it up in the slug history.
  const known = await db
    .selectFrom('portal_slugs')
    .select(['content_id', 'lang'])
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .execute();
  const preferred = known.find((k) => k.lang === lang) ?? known[0];
  const item = preferred ? items.find((i) => i.id === preferred.content_id) : undefined;
  if (item && shown(item, lang)) return { kind: 'moved', path: itemPath({ item }, lang) };
  return { kind: 'none' };
}
