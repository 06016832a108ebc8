/**
 * A map drawn on the server as SVG: the zones as linked markers on a plain background, projected from their
 * coordinates. It is what visitors without JavaScript (and search engines) get in place of the interactive
 * MapLibre map, which replaces it when scripts run.
 */
import { type Html, html } from './html.ts';
import type { PortalLang } from './langs.ts';
import { MESSAGES } from './messages.ts';
import { type PortalZone, zoneName } from './zone-data.ts';

/** Marker colours by status (≥ 3:1 against the map background, with a white ring and a dark outline). */
export const STATUS_COLOURS: Record<string, string> = {
  operating: '#0b6b3a',
  construction: '#0a52a1',
  established: '#4b3aa8',
  policy_approved: '#8a4b00',
  proposal_received: '#a3410f',
  in_master_plan: '#5c6670',
  suspended: '#7a1f1f',
  closed: '#3b3b3b',
};

/** Occupancy bands (upper bound %, colour) for the "colour by occupancy" view. */
export const OCCUPANCY_BANDS: readonly { max: number; colour: string; label: string }[] = [
  { max: 25, colour: '#0b6b3a', label: '0–25%' },
  { max: 50, colour: '#4d7c0f', label: '25–50%' },
  { max: 75, colour: '#a16207', label: '50–75%' },
  { max: 100.01, colour: '#b42318', label: '75–100%' },
];

/** The colour of a zone's occupancy band (grey without data). */
export function occupancyColour(pct: number | null | undefined): string {
  if (pct === null || pct === undefined) return '#5c6670';
  return (OCCUPANCY_BANDS.find((b) => pct < b.max) ?? OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1]!).colour;
}

/**
 * Renders the zones as an SVG map; `highlight` draws one zone larger and the others faint. The picture is
 * hidden from assistive technology: pages always list the same zones as text links next to it.
 */
export function staticMap(
  zones: readonly PortalZone[],
  lang: PortalLang,
  opts: { width?: number; height?: number; highlight?: string; title: string },
): Html {
  const placed = zones.filter((z) => z.point);
  const width = opts.width ?? 800;
  const height = opts.height ?? 500;
  if (placed.length === 0) return html``;
  const xs = placed.map((z) => z.point![0]);
  const ys = placed.map((z) => z.point![1]);
  const pad = 0.06;
  let [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Keep a minimum extent so one zone alone is not infinitely zoomed.
  if (maxX - minX < 0.2) [minX, maxX] = [minX - 0.1, maxX + 0.1];
  if (maxY - minY < 0.2) [minY, maxY] = [minY - 0.1, maxY + 0.1];
  const midLat = ((minY + maxY) / 2) * (Math.PI / 180);
  const spanX = (maxX - minX) * Math.cos(midLat);
  const spanY = maxY - minY;
  const scale = Math.min((width * (1 - 2 * pad)) / spanX, (height * (1 - 2 * pad)) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const project = ([x, y]: [number, number]) => [
    Math.round((offX + (x - minX) * Math.cos(midLat) * scale) * 10) / 10,
    Math.round((offY + (maxY - y) * scale) * 10) / 10,
  ];
  const m = MESSAGES[lang];
  const markers = placed
    .sort((a, b) => (a.id === opts.highlight ? 1 : b.id === opts.highlight ? -1 : 0))
    .map((z) => {
      const [cx, cy] = project(z.point!);
      const name = zoneName(z, lang);
      const label = `${name} — ${m.statuses[z.status as keyof typeof m.statuses] ?? z.status}`;
      const fill = STATUS_COLOURS[z.status] ?? '#5c6670';
      const faint = opts.highlight && z.id !== opts.highlight;
      const r = z.id === opts.highlight ? 11 : z.kind === 'economic_zone' ? 9 : 7;
      const shape =
        z.kind === 'economic_zone'
          ? html`<rect x="${cx! - r}" y="${cy! - r}" width="${2 * r}" height="${2 * r}" rx="3" fill="${fill}" stroke="#fff" stroke-width="2"/>`
          : html`<circle cx="${cx!}" cy="${cy!}" r="${r}" fill="${fill}" stroke="#fff" stroke-width="2"/>`;
      // Mouse users may click a marker; keyboard and screen-reader users get the same links as a list beside it.
      return html`<a href="/${lang}/zones/${z.code}" tabindex="-1"${faint ? html` opacity="0.45"` : ''}><title>${label}</title>${shape}</a>`;
    });
  return html`<svg class="static-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><title>${opts.title}</title><rect width="${width}" height="${height}" fill="#dce9f5"/>${markers}</svg>`;
}
