/**
 * The map of the zones (/{lang}/map): server-rendered first (an SVG of the zones, a legend and the list of
 * every zone with its link — complete without JavaScript), then map.js loads MapLibre GL from the portal's own
 * files and replaces the SVG with an interactive map: markers coloured by status or occupancy, keyboard
 * focusable, opening a zone card. No tile server is needed; a basemap (style or raster tiles) is a setting.
 */
import type { DbOrTx } from '../../../db/client.ts';
import { assetUrl } from '../assets.ts';
import { portalCaches } from '../cache.ts';
import { formatNumber } from '../format.ts';
import { html } from '../html.ts';
import type { PortalLang } from '../langs.ts';
import { fill, MESSAGES, type Messages } from '../messages.ts';
import type { BasemapSettings } from '../site.ts';
import { OCCUPANCY_BANDS, occupancyColour, STATUS_COLOURS, staticMap } from '../static-map.ts';
import { loadZoneIndex, zoneName } from '../zone-data.ts';
import { hectares, type PageContext, type PageResult, page, percentOrUnknown } from './context.ts';

/** The zones as a GeoJSON FeatureCollection with labels in a language (what map.js draws). */
export async function zonesGeoJson(db: DbOrTx, lang: PortalLang): Promise<string> {
  const index = await loadZoneIndex(db);
  return portalCaches(db).pages.get(`geojson|${lang}|${index.asOf}`, async () => {
    const m = MESSAGES[lang];
    const features = index.zones
      .filter((z) => z.location)
      .map((z) => ({
        type: 'Feature',
        id: z.code,
        geometry: z.location,
        properties: {
          code: z.code,
          name: zoneName(z, lang),
          kind: z.kind,
          kindLabel: m.kinds[z.kind as keyof Messages['kinds']] ?? z.kind,
          status: z.status,
          statusLabel: m.statuses[z.status as keyof Messages['statuses']] ?? z.status,
          statusColour: STATUS_COLOURS[z.status] ?? '#5c6670',
          occupancyPct: z.area?.occupancyPct ?? null,
          occupancyLabel: percentOrUnknown(lang, z.area?.occupancyPct),
          occupancyColour: occupancyColour(z.area?.occupancyPct),
          totalAreaLabel: hectares(lang, z.area?.totalAreaHa),
          availableLabel: hectares(lang, z.availableHa),
          point: z.point,
          url: `/${lang}/zones/${z.code}`,
        },
      }));
    return JSON.stringify({ type: 'FeatureCollection', features });
  });
}

/** The origin a configured basemap loads from (for the page's Content-Security-Policy), or null. */
export function basemapOrigin(b: BasemapSettings): string | null {
  if (b.kind === 'none' || !b.url) return null;
  try {
    return new URL(b.url.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}

/** The data attributes map.js reads. */
export function mapDataAttributes(ctx: PageContext, opts: { focus?: string } = {}) {
  const { lang, m } = ctx;
  return {
    geojson: `/${lang}/map/zones.geojson`,
    maplibre: assetUrl('vendor/maplibre-gl.mjs'),
    css: assetUrl('vendor/maplibre-gl.css'),
    basemap: JSON.stringify(ctx.settings.basemap),
    focus: opts.focus ?? '',
    labels: JSON.stringify({
      region: m.map.mapRegion,
      openZone: m.map.openZone,
      close: m.map.close,
      totalArea: m.zones.totalArea,
      available: m.zones.available,
      occupancy: m.zones.occupancy,
      status: m.zones.status,
    }),
  };
}

/** GET /{lang}/map */
export async function mapPage(ctx: PageContext): Promise<PageResult> {
  const { lang, m } = ctx;
  const index = await loadZoneIndex(ctx.db);
  const placed = index.zones.filter((z) => z.point);
  const data = mapDataAttributes(ctx);
  const statuses = [...new Set(placed.map((z) => z.status))];
  const legendStatus = statuses.map(
    (s) =>
      html`<li><span class="swatch" style="background:${STATUS_COLOURS[s] ?? '#5c6670'}"></span>${m.statuses[s as keyof Messages['statuses']] ?? s}</li>`,
  );
  const legendOccupancy = [
    ...OCCUPANCY_BANDS.map(
      (b) =>
        html`<li><span class="swatch" style="background:${b.colour}"></span>${fill(m.map.occupancyBand, { range: b.label })}</li>`,
    ),
    html`<li><span class="swatch" style="background:${occupancyColour(null)}"></span>${m.map.noOccupancy}</li>`,
  ];
  const byKind = new Map<string, typeof placed>();
  for (const z of index.zones) byKind.set(z.kind, [...(byKind.get(z.kind) ?? []), z]);
  const list = [...byKind.entries()].map(
    ([kind, zones]) =>
      html`<h3>${m.kinds[kind as keyof Messages['kinds']] ?? kind}</h3><ul>${zones.map(
        (z) =>
          html`<li id="${z.code}"><a href="/${lang}/zones/${z.code}">${zoneName(z, lang)}</a> — ${m.statuses[z.status as keyof Messages['statuses']] ?? z.status}${z.availableHa ? html`, ${m.zones.available}: ${hectares(lang, z.availableHa)}` : ''}</li>`,
      )}</ul>`,
  );
  const body = html`<h1>${m.map.title}</h1>
<p class="lead">${m.map.lead}</p>
<fieldset class="map-controls" hidden><legend>${m.map.colourBy}</legend>
<label><input type="radio" name="colour-by" value="status" checked> ${m.map.byStatus}</label>
<label><input type="radio" name="colour-by" value="occupancy"> ${m.map.byOccupancy}</label>
</fieldset>
<div class="map-canvas-wrap" data-map="all" data-geojson="${data.geojson}" data-maplibre="${data.maplibre}" data-css="${data.css}" data-basemap="${data.basemap}" data-labels="${data.labels}">
${staticMap(index.zones, lang, { title: m.map.title })}
<noscript><p>${m.map.noScript}</p></noscript>
</div>
<h2 id="legend-title">${m.map.legend}</h2>
<ul class="legend" data-legend="status" aria-labelledby="legend-title">${legendStatus}</ul>
<ul class="legend" data-legend="occupancy" aria-labelledby="legend-title" hidden>${legendOccupancy}</ul>
${ctx.settings.basemap.kind === 'none' ? html`<p class="meta">${m.map.noBasemap}</p>` : ctx.settings.basemap.attribution ? html`<p class="meta">${ctx.settings.basemap.attribution}</p>` : ''}
<h2>${m.map.list}</h2>
<p class="meta">${fill(m.zones.count, { n: formatNumber(lang, index.zones.length, 0) })}</p>
${list}`;
  const origin = basemapOrigin(ctx.settings.basemap);
  return {
    ...page(ctx, {
      title: m.map.title,
      description: m.map.lead,
      path: '/map',
      section: 'map',
      body,
      scripts: ['map.js'],
    }),
    cspOrigins: origin ? [origin] : undefined,
  };
}
