/**
 * What the public pages know about zones: the registry's zones as of today (status from the lifecycle events,
 * areas and occupancy from the dated area records — `allZones`, `getZone`) joined with the portal's own
 * profile (listed or not, target sectors, descriptions and names in five languages, photos, panoramas) and
 * with counts of the enterprises present. Read through the portal caches (cache.ts).
 */
import type { Contact, Geometry, Infrastructure, ZoneAreaView } from '@heza/shared/registry';
import { todayVn } from '@heza/shared/registry';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { dec, fmt } from '../registry/decimal.ts';
import { allZones, getZone } from '../registry/queries.ts';
import { portalCaches } from './cache.ts';
import { fallbackChain, PORTAL_LANGS, type PortalLang } from './langs.ts';
// The portal's and the registry's tables (Kysely declaration merging), for programs that do not compile the
// whole tree (the e2e type-check starts from the test files).
import '../registry/schema.ts';
import './schema.ts';

/** An image the portal may show. */
export interface PortalImage {
  id: string;
  kind: 'photo' | 'panorama';
  width: number;
  height: number;
  alt: Partial<Record<PortalLang, string>>;
  url: string;
}

/** A zone as the public pages see it (today). */
export interface PortalZone {
  id: string;
  code: string;
  kind: string;
  parentId: string | null;
  names: Partial<Record<PortalLang, string>>;
  modelType: string;
  status: string;
  statusSince: string | null;
  area: ZoneAreaView | null;
  /** leasable − leased (ha), exact; null without both figures. */
  availableHa: string | null;
  location: Geometry | null;
  /** A point for markers: the location itself, or the centre of its bounding box. */
  point: [number, number] | null;
  address: string | null;
  infrastructure: Infrastructure[];
  contacts: Contact[];
  developer: string | null;
  /** Sanitised HTML per language (portal profile, then the registry's vi/en descriptions). */
  descriptions: Partial<Record<PortalLang, string>>;
  /** Sectors the authority promotes for the zone (VSIC sections or divisions). */
  targetSectors: string[];
  /** Divisions of the active projects in the zone (and the zones inside it), most enterprises first. */
  presentSectors: string[];
  /** Target sectors and present sectors together: what the directory's sector filter matches. */
  focus: string[];
  enterpriseCount: number;
  /** A photo for cards and Open Graph. */
  cover: PortalImage | null;
  isDemo: boolean;
}

/** Every listed zone, with what the directory's filters offer. */
export interface ZoneIndex {
  asOf: string;
  zones: PortalZone[];
  byCode: Map<string, PortalZone>;
  byId: Map<string, PortalZone>;
  /** Economic zones that contain listed parks (the "location" filter). */
  economicZones: PortalZone[];
  /** Every sector some zone focuses on, for the sector filter. */
  sectors: string[];
}

/** The URL of a portal image. */
export function imageUrl(id: string): string {
  return `/portal-media/${id}`;
}

function centre(g: Geometry | null): [number, number] | null {
  if (!g) return null;
  if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
  const rings = g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  for (const ring of rings)
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/**
 * Active projects (the last status-changing ledger entry is a registration or a transfer in) of active
 * enterprises, and enterprises linked to a zone: (zone, enterprise, division) rows, division null for links.
 */
const PRESENCE = sql`
  with status as (
    select distinct on (c.project_id) c.project_id, c.kind from certificate_entries c
    where c.kind in ('new', 'transfer_in', 'termination', 'transfer_out')
    order by c.project_id, c.seq desc
  )
  select p.zone_id, p.enterprise_id, left(p.vsic_code, 2) as division
  from investment_projects p
  join status s on s.project_id = p.id and s.kind in ('new', 'transfer_in')
  join enterprises e on e.id = p.enterprise_id and e.status = 'active'
  union all
  select ez.zone_id, ez.enterprise_id, null
  from enterprise_zones ez join enterprises e on e.id = ez.enterprise_id and e.status = 'active'`;

/** Each zone with itself and every zone nested in it ("root" counts what lies in "id"). */
const TREE = sql`
  with recursive tree(root, id, depth) as (
    select id, id, 0 from zones
    union all
    select t.root, z.id, t.depth + 1 from zones z join tree t on z.parent_id = t.id where t.depth < 10
  )
  select root, id from tree`;

function photoRow(r: { id: string; kind: string; width: number; height: number; alt: unknown }): PortalImage {
  return {
    id: r.id,
    kind: r.kind as PortalImage['kind'],
    width: r.width,
    height: r.height,
    alt: (r.alt ?? {}) as PortalImage['alt'],
    url: imageUrl(r.id),
  };
}

async function loadIndex(db: DbOrTx): Promise<ZoneIndex> {
  const asOf = todayVn();
  const [zones, profiles, counts, sectors, covers] = await Promise.all([
    allZones(db, { kind: 'all' }, { asOf }),
    db.selectFrom('portal_zone_profiles').selectAll().execute(),
    // Enterprises present in each zone and the zones inside it, counted once each.
    sql<{ zone_id: string; n: number }>`
      with x as (${PRESENCE}), t as (${TREE})
      select t.root as zone_id, count(distinct x.enterprise_id)::int as n
      from t join x on x.zone_id = t.id group by t.root`.execute(db),
    sql<{ zone_id: string; division: string; n: number }>`
      with x as (${PRESENCE}), t as (${TREE})
      select t.root as zone_id, x.division, count(distinct x.enterprise_id)::int as n
      from t join x on x.zone_id = t.id where x.division is not null
      group by t.root, x.division`.execute(db),
    db
      .selectFrom('portal_images')
      .select(['id', 'kind', 'width', 'height', 'alt', 'zone_id', 'sort_order'])
      .where('zone_id', 'is not', null)
      .where('kind', '=', 'photo')
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute(),
  ]);
  const profileOf = new Map(profiles.map((p) => [p.zone_id, p]));
  const countOf = new Map(counts.rows.map((r) => [r.zone_id, r.n]));
  const sectorsOf = new Map<string, { division: string; n: number }[]>();
  for (const r of sectors.rows) sectorsOf.set(r.zone_id, [...(sectorsOf.get(r.zone_id) ?? []), r]);
  const coverOf = new Map<string, PortalImage>();
  for (const c of covers) if (c.zone_id && !coverOf.has(c.zone_id)) coverOf.set(c.zone_id, photoRow(c));

  const out: PortalZone[] = [];
  for (const z of zones) {
    const profile = profileOf.get(z.id);
    // A zone without any lifecycle event is not yet something to show investors.
    if (!z.status || profile?.listed === false) continue;
    const presentSectors = (sectorsOf.get(z.id) ?? [])
      .sort((a, b) => b.n - a.n || a.division.localeCompare(b.division))
      .map((r) => r.division);
    const targetSectors = profile?.target_sectors ?? [];
    const names: Partial<Record<PortalLang, string>> = {
      ...((profile?.names ?? {}) as Partial<Record<PortalLang, string>>),
      vi: z.nameVi,
      ...(z.nameEn ? { en: z.nameEn } : {}),
    };
    const descriptions: Partial<Record<PortalLang, string>> = {};
    if (z.descriptionVi) descriptions.vi = paragraphs(z.descriptionVi);
    if (z.descriptionEn) descriptions.en = paragraphs(z.descriptionEn);
    const own = (profile?.descriptions ?? {}) as Partial<Record<PortalLang, string>>;
    for (const l of PORTAL_LANGS) if (own[l]) descriptions[l] = own[l];
    const area = z.area;
    const availableHa =
      area?.leasableHa && area.leasedHa ? fmt(dec(area.leasableHa) - dec(area.leasedHa), 2) : null;
    out.push({
      id: z.id,
      code: z.code,
      kind: z.kind,
      parentId: z.parent?.id ?? null,
      names,
      modelType: z.modelType,
      status: z.status,
      statusSince: z.statusSince,
      area,
      availableHa,
      location: z.location,
      point: centre(z.location),
      address: z.address,
      infrastructure: z.infrastructure,
      contacts: z.contacts,
      developer: z.developer?.name ?? null,
      descriptions,
      targetSectors,
      presentSectors,
      focus: [...new Set([...targetSectors, ...presentSectors.slice(0, 8)])],
      enterpriseCount: countOf.get(z.id) ?? 0,
      cover: coverOf.get(z.id) ?? null,
      isDemo: z.isDemo,
    });
  }
  const byId = new Map(out.map((z) => [z.id, z]));
  const withChildren = new Set(out.map((z) => z.parentId).filter((p): p is string => !!p));
  return {
    asOf,
    zones: out,
    byCode: new Map(out.map((z) => [z.code, z])),
    byId,
    economicZones: out.filter((z) => z.kind === 'economic_zone' && withChildren.has(z.id)),
    sectors: [...new Set(out.flatMap((z) => z.focus))].sort(),
  };
}

/** Plain registry text as paragraphs (the registry stores descriptions as text, the portal as HTML). */
function paragraphs(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Every listed zone as of today (cached). */
export function loadZoneIndex(db: DbOrTx): Promise<ZoneIndex> {
  return portalCaches(db).zones.get(`index|${todayVn()}`, () => loadIndex(db)) as Promise<ZoneIndex>;
}

/** A zone's name in a language: its own, else English, else Vietnamese. */
export function zoneName(zone: Pick<PortalZone, 'names'>, lang: PortalLang): string {
  for (const l of fallbackChain(lang)) if (zone.names[l]) return zone.names[l]!;
  return zone.names.vi ?? '';
}

/** A zone's description in a language, with the language it is really in (fallback), or null. */
export function zoneDescription(
  zone: PortalZone,
  lang: PortalLang,
): { html: string; lang: PortalLang } | null {
  for (const l of fallbackChain(lang))
    if (zone.descriptions[l]) return { html: zone.descriptions[l]!, lang: l };
  return null;
}

/** What a zone's own page adds: timeline, child zones, enterprises by country and sector, photos, panoramas. */
export interface ZonePageData {
  events: { status: string; date: string; decisionNo: string | null; issuer: string | null }[];
  children: string[];
  enterprises: {
    total: number;
    byCountry: { code: string; count: number }[];
    bySector: { code: string; count: number }[];
  };
  photos: PortalImage[];
  panoramas: PortalImage[];
}

async function loadZonePage(db: DbOrTx, index: ZoneIndex, zone: PortalZone): Promise<ZonePageData> {
  const childrenOf = new Map<string, string[]>();
  for (const z of index.zones)
    if (z.parentId) childrenOf.set(z.parentId, [...(childrenOf.get(z.parentId) ?? []), z.id]);
  const [detail, countries, sectors, images] = await Promise.all([
    getZone(db, zone.id),
    sql<{ code: string; n: number }>`
      with x as (${PRESENCE}), t as (${TREE})
      select coalesce(c.code, 'VN') as code, count(distinct e.id)::int as n
      from t join x on x.zone_id = t.id
      join enterprises e on e.id = x.enterprise_id
      left join lateral unnest(case when e.ownership = 'fdi' and cardinality(e.investor_countries) > 0
        then e.investor_countries else array['VN'] end) c(code) on true
      where t.root = ${zone.id}::uuid
      group by 1 order by 2 desc, 1`.execute(db),
    sql<{ code: string; n: number }>`
      with x as (${PRESENCE}), t as (${TREE})
      select x.division as code, count(distinct x.enterprise_id)::int as n
      from t join x on x.zone_id = t.id
      where t.root = ${zone.id}::uuid and x.division is not null
      group by 1 order by 2 desc, 1`.execute(db),
    db
      .selectFrom('portal_images')
      .select(['id', 'kind', 'width', 'height', 'alt'])
      .where('zone_id', '=', zone.id)
      .orderBy('sort_order')
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    events: detail.events
      .filter((e) => !e.voidedAt)
      .map((e) => ({
        status: e.status,
        date: e.eventDate,
        decisionNo: e.decisionNo,
        issuer: e.decisionIssuer,
      })),
    children: (childrenOf.get(zone.id) ?? []).filter((id) => index.byId.has(id)),
    enterprises: {
      total: zone.enterpriseCount,
      byCountry: countries.rows.map((r) => ({ code: r.code, count: r.n })),
      bySector: sectors.rows.map((r) => ({ code: r.code, count: r.n })),
    },
    photos: images.filter((i) => i.kind === 'photo').map(photoRow),
    panoramas: images.filter((i) => i.kind === 'panorama').map(photoRow),
  };
}

/** A zone's page data (cached). */
export function loadZonePageData(db: DbOrTx, index: ZoneIndex, zone: PortalZone): Promise<ZonePageData> {
  return portalCaches(db).zonePages.get(`${zone.id}|${index.asOf}`, () =>
    loadZonePage(db, index, zone),
  ) as Promise<ZonePageData>;
}
