/**
 * The staff side's reads: content items with all their versions, images, zone profiles, statistics releases
 * and settings. (The public pages read live content through content-data.ts and zones through zone-data.ts.)
 */
import type {
  ContentDetail,
  ContentListQuery,
  ContentSummary,
  VersionView,
  ZoneProfileView,
} from '@heza/shared/portal';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { foldForSearch } from '../../platform/search.ts';
import {
  type ContentRow,
  type ImageRow,
  presentContentSummary,
  presentImage,
  presentRelease,
  presentVersion,
  type ReleaseRow,
  type VersionRow,
} from './presenter.ts';
// The portal's tables (Kysely declaration merging), for programs that do not compile the whole tree.
import './schema.ts';

export const CONTENT_ENTITY = { vi: 'nội dung', en: 'Content' };
export const VERSION_ENTITY = { vi: 'phiên bản', en: 'Version' };
export const IMAGE_ENTITY = { vi: 'ảnh', en: 'Image' };
export const RELEASE_ENTITY = { vi: 'kỳ công bố', en: 'Release' };

function versionsSql(where: RawBuilder<unknown>) {
  return sql<VersionRow & { live_id: string | null }>`
    select v.id, v.content_id, v.lang, v.status, v.title, v.slug, v.summary, v.body_html, v.file_id, v.publish_at,
      v.review_note, v.created_at, v.updated_at, v.submitted_at, v.published_at,
      uu.full_name as updated_by_name, pu.full_name as published_by_name,
      (select l.id from portal_versions l where l.content_id = v.content_id and l.lang = v.lang
        and l.status = 'published' and l.publish_at <= now()
        order by l.publish_at desc, l.published_at desc nulls last limit 1) as live_id
    from portal_versions v
    left join users uu on uu.id = v.updated_by
    left join users pu on pu.id = v.published_by
    where ${where}
    order by v.content_id, v.lang, v.created_at desc`;
}

async function versionsOf(db: DbOrTx, contentIds: string[]): Promise<Map<string, VersionView[]>> {
  const out = new Map<string, VersionView[]>();
  if (!contentIds.length) return out;
  const rows = await versionsSql(sql`v.content_id = any(${contentIds}::uuid[])`).execute(db);
  const now = new Date();
  for (const r of rows.rows)
    out.set(r.content_id, [...(out.get(r.content_id) ?? []), presentVersion(r, r.live_id, now)]);
  return out;
}

/** Lists content items (newest change first), filtered by kind, by the status of any version, by title. */
export async function listContents(db: DbOrTx, q: ContentListQuery & { page: number; pageSize: number }) {
  const parts: RawBuilder<unknown>[] = [];
  if (q.kind) parts.push(sql`c.kind = ${q.kind}`);
  if (q.status)
    parts.push(
      sql`exists (select 1 from portal_versions s where s.content_id = c.id and s.status = ${q.status})`,
    );
  if (q.q) {
    const needle = `%${foldForSearch(q.q)}%`;
    parts.push(
      sql`exists (select 1 from portal_versions s where s.content_id = c.id and f_unaccent(s.title) like ${needle})`,
    );
  }
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  const [rows, count] = await Promise.all([
    sql<ContentRow>`select c.* from portal_contents c where ${where}
      order by c.updated_at desc, c.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from portal_contents c where ${where}`.execute(db),
  ]);
  const versions = await versionsOf(
    db,
    rows.rows.map((r) => r.id),
  );
  const items: ContentSummary[] = rows.rows.map((c) => presentContentSummary(c, versions.get(c.id) ?? []));
  return { items, total: count.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** One content item with every version and (newsletters) its articles; throws NOT_FOUND. */
export async function getContent(db: DbOrTx, id: string): Promise<ContentDetail> {
  const c = await db.selectFrom('portal_contents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND', { params: { entity: CONTENT_ENTITY } });
  const [versions, articles] = await Promise.all([
    versionsOf(db, [id]),
    sql<{ id: string; kind: string; title: string }>`
      select c.id, c.kind, coalesce(
        (select v.title from portal_versions v where v.content_id = c.id and v.lang = 'vi' order by v.created_at desc limit 1),
        (select v.title from portal_versions v where v.content_id = c.id order by v.created_at desc limit 1), '') as title
      from portal_newsletter_articles a join portal_contents c on c.id = a.article_id
      where a.newsletter_id = ${id}::uuid order by a.sort_order`.execute(db),
  ]);
  const list = versions.get(id) ?? [];
  return {
    ...presentContentSummary(c, list),
    coverImageId: c.cover_image_id,
    versions: list,
    articles: articles.rows.map((a) => ({ id: a.id, kind: a.kind as ContentDetail['kind'], title: a.title })),
  };
}

/** One version; throws NOT_FOUND. */
export async function getVersion(db: DbOrTx, id: string): Promise<VersionView> {
  const row = (await versionsSql(sql`v.id = ${id}::uuid`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: VERSION_ENTITY } });
  return presentVersion(row, row.live_id);
}

function imagesSql(where: RawBuilder<unknown>) {
  return sql<ImageRow>`select i.id, i.kind, i.width, i.height, i.zone_id, i.sort_order, i.alt, i.created_at,
      f.media_type, f.size_bytes
    from portal_images i join stored_files f on f.id = i.file_id where ${where}
    order by i.zone_id nulls first, i.sort_order, i.created_at desc`;
}

/** Images, all or of one zone. */
export async function listImages(db: DbOrTx, q: { zoneId?: string }) {
  const rows = await imagesSql(q.zoneId ? sql`i.zone_id = ${q.zoneId}::uuid` : sql`true`).execute(db);
  return { items: rows.rows.map(presentImage) };
}

/** One image; throws NOT_FOUND. */
export async function getImage(db: DbOrTx, id: string) {
  const row = (await imagesSql(sql`i.id = ${id}::uuid`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: IMAGE_ENTITY } });
  return presentImage(row);
}

/** Every zone with its portal profile (defaults when it has none). */
export async function listZoneProfiles(db: DbOrTx): Promise<{ items: ZoneProfileView[] }> {
  const rows = await db
    .selectFrom('zones as z')
    .leftJoin('portal_zone_profiles as p', 'p.zone_id', 'z.id')
    .select([
      'z.id',
      'z.code',
      'z.name_vi',
      'p.listed',
      'p.target_sectors',
      'p.descriptions',
      'p.names',
      'p.updated_at',
    ])
    .orderBy('z.name_vi')
    .execute();
  return {
    items: rows.map((r) => ({
      zoneId: r.id,
      code: r.code,
      nameVi: r.name_vi,
      listed: r.listed ?? true,
      targetSectors: r.target_sectors ?? [],
      descriptions: (r.descriptions ?? {}) as Record<string, string>,
      names: (r.names ?? {}) as Record<string, string>,
      updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
    })),
  };
}

/** One zone's profile; throws NOT_FOUND for an unknown zone. */
export async function getZoneProfile(db: DbOrTx, zoneId: string): Promise<ZoneProfileView> {
  const all = await listZoneProfiles(db);
  const found = all.items.find((p) => p.zoneId === zoneId);
  if (!found) throw new AppError('NOT_FOUND', { params: { entity: { vi: 'khu', en: 'Zone' } } });
  return found;
}

function releasesSql(where: RawBuilder<unknown>) {
  return sql<ReleaseRow>`select r.id, r.period_id, r.note, r.published_at, r.withdrawn_at,
      pu.full_name as published_by_name, wu.full_name as withdrawn_by_name
    from statistics_publications r
    left join users pu on pu.id = r.published_by
    left join users wu on wu.id = r.withdrawn_by
    where ${where}
    order by r.published_at desc`;
}

/** Every release, withdrawn ones included (the history), newest first. */
export async function listReleases(db: DbOrTx) {
  return { items: (await releasesSql(sql`true`).execute(db)).rows.map(presentRelease) };
}

/** One release; throws NOT_FOUND. */
export async function getRelease(db: DbOrTx, id: string) {
  const row = (await releasesSql(sql`r.id = ${id}::uuid`).execute(db)).rows[0];
  if (!row) throw new AppError('NOT_FOUND', { params: { entity: RELEASE_ENTITY } });
  return presentRelease(row);
}

/** Period ids currently released (not withdrawn). */
export async function releasedPeriods(db: DbOrTx): Promise<{ periodId: string; publishedAt: Date }[]> {
  const rows = await db
    .selectFrom('statistics_publications')
    .select(['period_id', 'published_at'])
    .where('withdrawn_at', 'is', null)
    .execute();
  return rows.map((r) => ({ periodId: r.period_id, publishedAt: r.published_at }));
}
