/**
 * Row → staff API view for the portal's records. Presenters list every field and turn timestamps into ISO
 * strings.
 */
import { parsePeriod, periodLabel } from '@heza/shared';
import type {
  ContentKind,
  ImageView,
  PortalLang,
  StatisticsReleaseView,
  VersionStatus,
  VersionView,
} from '@heza/shared/portal';
import { imageUrl } from './zone-data.ts';

const iso = (d: Date | string | null | undefined): string | null =>
  d === null || d === undefined ? null : d instanceof Date ? d.toISOString() : String(d);

/** A portal_versions row as the staff queries select it (with author and publisher names). */
export interface VersionRow {
  id: string;
  content_id: string;
  lang: string;
  status: string;
  title: string;
  slug: string;
  summary: string;
  body_html: string;
  file_id: string | null;
  publish_at: Date | null;
  review_note: string | null;
  created_at: Date;
  updated_at: Date;
  updated_by_name?: string | null;
  submitted_at: Date | null;
  published_at: Date | null;
  published_by_name?: string | null;
}

/** A version; `liveId` is the id of the version the public sees in its language (if any). */
export function presentVersion(r: VersionRow, liveId: string | null, now = new Date()): VersionView {
  return {
    id: r.id,
    contentId: r.content_id,
    lang: r.lang as PortalLang,
    status: r.status as VersionStatus,
    scheduled: r.status === 'published' && !!r.publish_at && r.publish_at > now,
    live: r.id === liveId,
    title: r.title,
    slug: r.slug,
    summary: r.summary,
    bodyHtml: r.body_html,
    fileId: r.file_id,
    publishAt: iso(r.publish_at),
    reviewNote: r.review_note,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    updatedBy: r.updated_by_name ?? null,
    submittedAt: iso(r.submitted_at),
    publishedAt: iso(r.published_at),
    publishedBy: r.published_by_name ?? null,
  };
}

/** A content row for summaries. */
export interface ContentRow {
  id: string;
  kind: string;
  zone_id: string | null;
  cover_image_id: string | null;
  period_id: string | null;
  sort_order: number;
  is_demo: boolean;
  updated_at: Date;
}

/** Per-language state from the item's versions (newest first per language). */
export function translationStates(versions: VersionView[]) {
  const out: {
    lang: PortalLang;
    title: string;
    status: VersionStatus;
    live: boolean;
    scheduledAt: string | null;
  }[] = [];
  const byLang = new Map<PortalLang, VersionView[]>();
  for (const v of versions) byLang.set(v.lang, [...(byLang.get(v.lang) ?? []), v]);
  for (const [lang, list] of byLang) {
    const newest = list[0]!;
    const scheduled = list.find((v) => v.scheduled);
    out.push({
      lang,
      title: newest.title,
      status: newest.status,
      live: list.some((v) => v.live),
      scheduledAt: scheduled?.publishAt ?? null,
    });
  }
  return out;
}

/** The summary of an item. */
export function presentContentSummary(c: ContentRow, versions: VersionView[]) {
  return {
    id: c.id,
    kind: c.kind as ContentKind,
    zoneId: c.zone_id,
    periodId: c.period_id,
    sortOrder: c.sort_order,
    isDemo: c.is_demo,
    updatedAt: iso(c.updated_at)!,
    translations: translationStates(versions),
  };
}

/** A portal image row with its stored file. */
export interface ImageRow {
  id: string;
  kind: string;
  width: number;
  height: number;
  zone_id: string | null;
  sort_order: number;
  alt: unknown;
  media_type: string;
  size_bytes: number | string;
  created_at: Date;
}

/** An image. */
export function presentImage(r: ImageRow): ImageView {
  return {
    id: r.id,
    kind: r.kind as ImageView['kind'],
    width: r.width,
    height: r.height,
    zoneId: r.zone_id,
    sortOrder: r.sort_order,
    alt: (r.alt ?? {}) as ImageView['alt'],
    url: imageUrl(r.id),
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    createdAt: iso(r.created_at)!,
  };
}

/** A statistics release row with the names of who released and withdrew it. */
export interface ReleaseRow {
  id: string;
  period_id: string;
  note: string | null;
  published_at: Date;
  published_by_name: string | null;
  withdrawn_at: Date | null;
  withdrawn_by_name: string | null;
}

/** A statistics release. */
export function presentRelease(r: ReleaseRow): StatisticsReleaseView {
  const p = parsePeriod(r.period_id);
  return {
    id: r.id,
    periodId: r.period_id,
    labelVi: periodLabel(p, 'vi'),
    labelEn: periodLabel(p, 'en'),
    note: r.note,
    publishedAt: iso(r.published_at)!,
    publishedBy: r.published_by_name,
    withdrawnAt: iso(r.withdrawn_at),
    withdrawnBy: r.withdrawn_by_name,
  };
}
