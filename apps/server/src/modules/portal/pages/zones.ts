/**
 * The zones directory (/{lang}/zones, filters in the query string so every filtered view is a link and works
 * without JavaScript) and a zone's own page (/{lang}/zones/{code}).
 */
import { ZONE_KINDS, ZONE_STATUSES } from '@heza/shared/registry';
import { z } from 'zod';
import { vsicSection } from '../../registry/vsic.ts';
import { portalCaches } from '../cache.ts';
import { countryLabel, formatDate, formatNumber } from '../format.ts';
import { type Html, html, trusted } from '../html.ts';
import { INTL_LOCALES, LANG_TAGS, type PortalLang } from '../langs.ts';
import { fill, type Messages } from '../messages.ts';
import { sectorName } from '../sectors.ts';
import { staticMap } from '../static-map.ts';
import {
  loadZoneIndex,
  loadZonePageData,
  type PortalZone,
  type ZoneIndex,
  zoneDescription,
  zoneName,
} from '../zone-data.ts';
import {
  hectares,
  kindBadge,
  type PageContext,
  type PageResult,
  page,
  percentOrUnknown,
  statusBadge,
} from './context.ts';
import { basemapOrigin, mapDataAttributes } from './map.ts';

/** Directory filters; anything unreadable is ignored rather than refused (these are links people share). */
export const DirectoryQuery = z.object({
  kind: z.enum(ZONE_KINDS).optional().catch(undefined),
  status: z.enum(ZONE_STATUSES).optional().catch(undefined),
  land: z.literal('1').optional().catch(undefined),
  minLand: z.coerce.number().min(0).max(1_000_000).optional().catch(undefined),
  sector: z
    .string()
    .regex(/^([A-U]|\d{2})$/)
    .optional()
    .catch(undefined),
  location: z.string().max(200).optional().catch(undefined),
  sort: z.enum(['name', 'land', 'occupancy', 'area']).default('name').catch('name'),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

const collators = new Map<PortalLang, Intl.Collator>();
const collator = (lang: PortalLang) => {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(INTL_LOCALES[lang]);
    collators.set(lang, c);
  }
  return c;
};

/** The zones a directory query selects, in its order. */
export function filterZones(index: ZoneIndex, q: DirectoryQuery, lang: PortalLang): PortalZone[] {
  const available = (z: PortalZone) => (z.availableHa === null ? null : Number(z.availableHa));
  const location =
    q.location === 'outside' ? 'outside' : q.location ? index.byCode.get(q.location) : undefined;
  const list = index.zones.filter((z) => {
    if (q.kind && z.kind !== q.kind) return false;
    if (q.status && z.status !== q.status) return false;
    if (q.land && !((available(z) ?? 0) > 0)) return false;
    if (q.minLand && !((available(z) ?? 0) >= q.minLand)) return false;
    if (q.sector) {
      const s = q.sector;
      const hit = z.focus.some((f) => f === s || (/^[A-U]$/.test(s) && vsicSection(f) === s));
      if (!hit) return false;
    }
    if (location === 'outside' && (z.parentId !== null || z.kind === 'economic_zone')) return false;
    if (location && location !== 'outside' && z.id !== location.id && z.parentId !== location.id)
      return false;
    return true;
  });
  const byName = (a: PortalZone, b: PortalZone) =>
    collator(lang).compare(zoneName(a, lang), zoneName(b, lang));
  const desc = (f: (z: PortalZone) => number | null) => (a: PortalZone, b: PortalZone) =>
    (f(b) ?? -1) - (f(a) ?? -1) || byName(a, b);
  const sorters = {
    name: byName,
    land: desc(available),
    occupancy: desc((z) => z.area?.occupancyPct ?? null),
    area: desc((z) => (z.area ? Number(z.area.totalAreaHa) : null)),
  };
  return list.sort(sorters[q.sort]);
}

function option(value: string, label: string, selected: string | undefined): Html {
  return selected === value
    ? html`<option value="${value}" selected>${label}</option>`
    : html`<option value="${value}">${label}</option>`;
}

function filtersForm(ctx: PageContext, index: ZoneIndex, q: DirectoryQuery): Html {
  const { lang, m } = ctx;
  const sectors = [...new Set(index.sectors)]
    .map((code) => ({ code, label: `${sectorName(code, lang)} (${code})` }))
    .sort((a, b) => collator(lang).compare(a.label, b.label));
  const sortLabels: Record<DirectoryQuery['sort'], string> = {
    name: m.zones.sortName,
    land: m.zones.available,
    occupancy: m.zones.occupancy,
    area: m.zones.totalArea,
  };
  return html`<form class="filters" method="get" action="/${lang}/zones" aria-labelledby="filters-title">
<h2 id="filters-title" class="visually-hidden">${m.zones.filters}</h2>
<div class="field"><label for="f-kind">${m.zones.kind}</label><select id="f-kind" name="kind">
${option('', m.zones.anyKind, q.kind ?? '')}${ZONE_KINDS.map((k) => option(k, m.kinds[k], q.kind))}</select></div>
<div class="field"><label for="f-status">${m.zones.status}</label><select id="f-status" name="status">
${option('', m.zones.anyStatus, q.status ?? '')}${ZONE_STATUSES.map((s) => option(s, m.statuses[s], q.status))}</select></div>
<div class="field"><label for="f-sector">${m.zones.sector}</label><select id="f-sector" name="sector">
${option('', m.zones.anySector, q.sector ?? '')}${sectors.map((s) => option(s.code, s.label, q.sector))}</select></div>
<div class="field"><label for="f-location">${m.zones.location}</label><select id="f-location" name="location">
${option('', m.zones.anyLocation, q.location ?? '')}${option('outside', m.zones.outsideEz, q.location)}${index.economicZones.map(
  (ez) => option(ez.code, fill(m.zones.insideEz, { name: zoneName(ez, lang) }), q.location),
)}</select></div>
<div class="field"><label for="f-min">${m.zones.minLand}</label><input id="f-min" name="minLand" type="number" min="0" step="1" inputmode="numeric" value="${q.minLand ?? ''}"></div>
<div class="field"><label for="f-sort">${m.zones.sortBy}</label><select id="f-sort" name="sort">
${(Object.keys(sortLabels) as DirectoryQuery['sort'][]).map((s) => option(s, sortLabels[s], q.sort))}</select></div>
<div class="field check"><input id="f-land" name="land" type="checkbox" value="1"${q.land ? html` checked` : ''}><label for="f-land">${m.zones.landAvailable}</label></div>
<div class="filter-actions"><button type="submit">${m.zones.apply}</button><a href="/${lang}/zones">${m.zones.reset}</a></div>
</form>`;
}

/** A zone as a card (directory, home page). */
export function zoneCard(ctx: PageContext, index: ZoneIndex, z: PortalZone, headingLevel: 2 | 3 = 2): Html {
  const { lang, m } = ctx;
  const name = zoneName(z, lang);
  const parent = z.parentId ? index.byId.get(z.parentId) : undefined;
  const occupancy = z.area?.occupancyPct ?? null;
  const link = html`<a href="/${lang}/zones/${z.code}">${name}</a>`;
  return html`<li class="card">
${headingLevel === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
<p>${kindBadge(lang, z.kind)} ${statusBadge(lang, z.status)}${z.isDemo ? html` <span class="demo-tag">demo</span>` : ''}</p>
${parent ? html`<p class="meta">${m.zone.parent}: ${zoneName(parent, lang)}</p>` : ''}
<dl>
<dt>${m.zones.totalArea}</dt><dd>${hectares(lang, z.area?.totalAreaHa)}</dd>
<dt>${m.zones.available}</dt><dd>${hectares(lang, z.availableHa)}</dd>
<dt>${m.zones.occupancy}</dt><dd>${percentOrUnknown(lang, occupancy)}</dd>
</dl>
${occupancy !== null ? html`<div class="meter" aria-hidden="true"><span style="width:${Math.min(100, Math.max(0, occupancy))}%"></span></div>` : ''}
</li>`;
}

/** GET /{lang}/zones */
export async function zonesDirectoryPage(ctx: PageContext, rawQuery: unknown): Promise<PageResult> {
  const q = DirectoryQuery.parse(rawQuery ?? {});
  const index = await loadZoneIndex(ctx.db);
  const key = `directory|${ctx.lang}|${index.asOf}|${JSON.stringify(q)}`;
  const rendered = await portalCaches(ctx.db).pages.get(key, async () => {
    const { lang, m } = ctx;
    const zones = filterZones(index, q, lang);
    const filtered = Object.entries(q).some(([k, v]) => k !== 'sort' && v !== undefined && v !== 0);
    const body = html`<h1>${m.zones.title}</h1>
<p class="lead">${m.zones.lead}</p>
${filtersForm(ctx, index, q)}
<h2 id="results">${fill(m.zones.count, { n: formatNumber(lang, zones.length, 0) })}</h2>
${zones.length ? html`<ul class="cards" aria-labelledby="results">${zones.map((z) => zoneCard(ctx, index, z))}</ul>` : html`<p>${m.zones.none}</p>`}
<p><a class="button secondary" href="/${lang}/map">${m.home.openMap}</a></p>`;
    return page(ctx, {
      title: m.zones.title,
      description: m.zones.lead,
      path: '/zones',
      section: 'zones',
      body,
      // Filtered views are reachable, but the canonical directory is the unfiltered one.
      noindex: filtered,
    }).html;
  });
  return { html: rendered };
}

function factRow(label: string, value: Html | string): Html {
  return html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
}

function sectionNote(ctx: PageContext, shown: PortalLang): Html {
  const m = ctx.m;
  return html`<p class="notice fallback-note" role="note">${fill(m.fallbackNote, {
    missing: m.languageNames[ctx.lang],
    shown: m.languageNames[shown],
  })}</p>`;
}

/** GET /{lang}/zones/{code}: null when no listed zone has that code (the caller answers 404). */
export async function zonePage(ctx: PageContext, code: string): Promise<PageResult | null> {
  const index = await loadZoneIndex(ctx.db);
  const zone = index.byCode.get(code);
  if (!zone) return null;
  const data = await loadZonePageData(ctx.db, index, zone);
  const { lang, m } = ctx;
  const name = zoneName(zone, lang);
  const parent = zone.parentId ? index.byId.get(zone.parentId) : undefined;
  const description = zoneDescription(zone, lang);
  const area = zone.area;
  const st = (s: string) => m.statuses[s as keyof Messages['statuses']] ?? s;

  const descriptionBlock = description
    ? html`${description.lang !== lang ? sectionNote(ctx, description.lang) : ''}<div class="prose" lang="${LANG_TAGS[description.lang]}">${trusted(description.html)}</div>`
    : html`<p>${m.zone.noDescription}</p>`;

  const timeline = data.events.length
    ? html`<ol class="timeline">${data.events.map(
        (e) =>
          html`<li><strong>${formatDate(lang, e.date)}</strong> — ${st(e.status)}${e.decisionNo ? html`<br><span class="meta">${fill(m.zone.decision, { no: e.decisionNo })}${e.issuer ? ` (${e.issuer})` : ''}</span>` : ''}</li>`,
      )}</ol>`
    : '';

  const areas = area
    ? html`<div class="table-wrap"><table class="facts"><caption>${fill(m.zone.areasAsOf, { date: formatDate(lang, area.asOf) })}</caption><tbody>
${factRow(m.zones.totalArea, hectares(lang, area.totalAreaHa))}
${factRow(m.zones.industrialLand, hectares(lang, area.industrialLandHa))}
${factRow(m.zones.leasable, hectares(lang, area.leasableHa))}
${factRow(m.zones.leased, hectares(lang, area.leasedHa))}
${factRow(m.zones.available, html`<strong>${hectares(lang, zone.availableHa)}</strong>`)}
${factRow(m.zones.occupancy, percentOrUnknown(lang, area.occupancyPct))}
</tbody></table></div>`
    : html`<p>${m.zones.unknown}</p>`;

  const infra = zone.infrastructure.length
    ? html`<div class="table-wrap"><table><caption class="visually-hidden">${m.zone.infrastructure}</caption><thead><tr><th scope="col">${m.zone.infrastructureKind}</th><th scope="col">${m.zone.infrastructureName}</th><th scope="col" class="num">${m.zone.distance}</th></tr></thead><tbody>${zone.infrastructure.map(
        (i) =>
          html`<tr><td>${m.infrastructure[i.kind]}</td><td lang="vi">${i.name}</td><td class="num">${i.distanceKm === null || i.distanceKm === undefined ? m.zones.unknown : fill(m.zone.km, { n: formatNumber(lang, i.distanceKm, 1) })}</td></tr>`,
      )}</tbody></table></div>`
    : '';

  const e = data.enterprises;
  const enterprises = e.total
    ? html`<p>${fill(m.zone.enterpriseCount, { n: formatNumber(lang, e.total, 0) })}</p>
<div class="table-wrap"><table><caption>${m.zone.byCountry}</caption><thead><tr><th scope="col">${m.zone.country}</th><th scope="col" class="num">${m.zone.count}</th></tr></thead><tbody>${e.byCountry
        .slice(0, 15)
        .map(
          (r) =>
            html`<tr><td>${countryLabel(lang, r.code)}</td><td class="num">${formatNumber(lang, r.count, 0)}</td></tr>`,
        )}</tbody></table></div>
${
  e.bySector.length
    ? html`<div class="table-wrap"><table><caption>${m.zone.bySector}</caption><thead><tr><th scope="col">${m.zone.sector}</th><th scope="col" class="num">${m.zone.count}</th></tr></thead><tbody>${e.bySector
        .slice(0, 15)
        .map(
          (r) =>
            html`<tr><td>${sectorName(r.code, lang)}</td><td class="num">${formatNumber(lang, r.count, 0)}</td></tr>`,
        )}</tbody></table></div>`
    : ''
}`
    : html`<p>${m.zone.noEnterprises}</p>`;

  const alt = (a: Partial<Record<PortalLang, string>>) => a[lang] ?? a.en ?? a.vi ?? name;
  const photos = data.photos.length
    ? html`<h2 id="photos">${m.zone.photos}</h2><ul class="gallery">${data.photos.map(
        (p) =>
          html`<li><figure><img src="${p.url}" alt="${alt(p.alt)}" width="${p.width}" height="${p.height}" loading="lazy" decoding="async"><figcaption>${alt(p.alt)}</figcaption></figure></li>`,
      )}</ul>`
    : '';
  const panoramas = data.panoramas.length
    ? html`<h2 id="panoramas">${m.zone.panoramas}</h2><p class="meta">${m.zone.panoramaHelp}</p>${data.panoramas.map(
        (p) =>
          html`<figure class="panorama" data-panorama="${p.url}" data-label="${fill(m.zone.panoramaOpen, { name: alt(p.alt) })}"><img src="${p.url}" alt="${alt(p.alt)}" width="${p.width}" height="${p.height}" loading="lazy" decoding="async"><figcaption>${alt(p.alt)}</figcaption></figure>`,
      )}`
    : '';

  const facts = html`<div class="table-wrap"><table class="facts"><caption>${m.zone.overview}</caption><tbody>
${factRow(m.zone.kind, m.kinds[zone.kind as keyof Messages['kinds']] ?? zone.kind)}
${zone.kind !== 'economic_zone' ? factRow(m.zone.model, m.models[zone.modelType as keyof Messages['models']] ?? zone.modelType) : ''}
${factRow(m.zone.status, html`${statusBadge(lang, zone.status)}${zone.statusSince ? html` <span class="meta">${fill(m.zone.since, { date: formatDate(lang, zone.statusSince) })}</span>` : ''}`)}
${parent ? factRow(m.zone.parent, html`<a href="/${lang}/zones/${parent.code}">${zoneName(parent, lang)}</a>`) : ''}
${zone.developer ? factRow(m.zone.developer, html`<span lang="vi">${zone.developer}</span>`) : ''}
${zone.address ? factRow(m.zone.address, html`<span lang="vi">${zone.address}</span>`) : ''}
${zone.targetSectors.length ? factRow(m.zone.targetSectors, zone.targetSectors.map((s) => sectorName(s, lang)).join(', ')) : ''}
</tbody></table></div>`;

  const contacts = zone.contacts.length
    ? html`<h2>${m.zone.contacts}</h2><ul class="plain">${zone.contacts.map(
        (c) =>
          html`<li><strong lang="vi">${c.name}</strong>${c.role ? html`, <span lang="vi">${c.role}</span>` : ''}${c.phone ? html`<br>${m.zone.phone}: <a href="tel:${c.phone.replace(/[^+\d]/g, '')}">${c.phone}</a>` : ''}${c.email ? html`<br>${m.zone.email}: <a href="mailto:${c.email}">${c.email}</a>` : ''}</li>`,
      )}</ul>`
    : '';

  const children = data.children.length
    ? html`<h2>${m.zone.children}</h2><ul>${data.children.map((id) => {
        const c = index.byId.get(id)!;
        return html`<li><a href="/${lang}/zones/${c.code}">${zoneName(c, lang)}</a> — ${st(c.status)}</li>`;
      })}</ul>`
    : '';

  const point = zone.point;
  const mapData = mapDataAttributes(ctx, { focus: zone.code });
  const mapBlock = point
    ? html`<h2 id="location">${m.zone.map}</h2>
<div class="zone-map-wrap" data-map="zone" data-geojson="${mapData.geojson}" data-maplibre="${mapData.maplibre}" data-css="${mapData.css}" data-basemap="${mapData.basemap}" data-focus="${mapData.focus}" data-labels="${mapData.labels}">${staticMap(index.zones, lang, { highlight: zone.id, title: name, width: 480, height: 320 })}</div>
<p class="meta">${m.zone.coordinates}: ${formatNumber(lang, point[1], 4)}, ${formatNumber(lang, point[0], 4)}</p>
<p><a href="/${lang}/map#${zone.code}">${m.zone.mapLink}</a></p>`
    : '';

  const body = html`<div class="zone-head"><h1>${name}</h1><p>${kindBadge(lang, zone.kind)} ${statusBadge(lang, zone.status)}</p></div>
${zone.isDemo ? html`<p class="notice">${m.zone.demo}</p>` : ''}
<div class="columns">
<div>
<h2>${m.zone.description}</h2>
${descriptionBlock}
<h2>${m.zone.areas}</h2>
${areas}
${timeline ? html`<h2>${m.zone.lifecycle}</h2>${timeline}` : ''}
${infra ? html`<h2>${m.zone.infrastructure}</h2>${infra}` : ''}
<h2>${m.zone.enterprises}</h2>
${enterprises}
${photos}
${panoramas}
</div>
<aside aria-label="${m.zone.overview}">
${facts}
${mapBlock}
${contacts}
${children}
</aside>
</div>`;
  const descriptionText = [
    m.kinds[zone.kind as keyof Messages['kinds']],
    st(zone.status),
    area ? `${m.zones.totalArea}: ${hectares(lang, area.totalAreaHa)}` : null,
    zone.availableHa ? `${m.zones.available}: ${hectares(lang, zone.availableHa)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const scripts = [point ? 'map.js' : null, data.panoramas.length ? 'panorama.js' : null].filter(
    (s): s is string => s !== null,
  );
  const origin = basemapOrigin(ctx.settings.basemap);
  const result = page(ctx, {
    title: name,
    description: descriptionText,
    path: `/zones/${zone.code}`,
    section: 'zones',
    breadcrumbs: [{ label: m.nav.zones, href: `/${lang}/zones` }],
    body,
    image: zone.cover?.url ?? data.photos[0]?.url,
    scripts,
  });
  return origin ? { ...result, cspOrigins: [origin] } : result;
}
