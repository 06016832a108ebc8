/**
 * The portal's static files: its own stylesheet and scripts (./assets), MapLibre GL and ECharts copied from
 * node_modules (no CDN: the strict CSP allows only 'self', and the portal must work offline), and a generated
 * Open Graph picture. Each is read once, gzipped once, and served with a content hash in its URL so browsers
 * may keep it for a year.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodePng } from './png.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Where each vendored file comes from. */
const VENDOR: Record<string, () => string> = {
  'vendor/maplibre-gl.mjs': () => require.resolve('maplibre-gl/dist/maplibre-gl.mjs'),
  'vendor/maplibre-gl-worker.mjs': () => require.resolve('maplibre-gl/dist/maplibre-gl-worker.mjs'),
  'vendor/maplibre-gl.css': () => require.resolve('maplibre-gl/dist/maplibre-gl.css'),
  'vendor/echarts.esm.min.mjs': () => require.resolve('echarts/dist/echarts.esm.min'),
};

/** The portal's own files in ./assets. */
const OWN = ['portal.css', 'map.js', 'panorama.js', 'charts.js', 'favicon.svg'] as const;

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** One servable file. */
export interface Asset {
  body: Buffer;
  /** Gzipped body for clients that accept it (text files only). */
  gzip: Buffer | null;
  type: string;
  hash: string;
}

/** The default Open Graph picture (1200 × 630): the portal's blue with a skyline of factory roofs. */
function ogImage(): Buffer {
  return encodePng(1200, 630, (x, y) => {
    const roof = 430 - (Math.floor(x / 150) % 2 ? 60 : 0) - (x % 150 < 40 ? 70 : 0);
    if (y > roof && y < 560) return [232, 241, 250];
    if (y >= 560) return [10, 61, 110];
    const t = y / 630;
    return [Math.round(10 + 20 * t), Math.round(77 + 40 * t), Math.round(140 + 40 * t)];
  });
}

const cache = new Map<string, Asset | null>();

function load(name: string): Asset | null {
  let body: Buffer;
  if (name === 'og-image.png') body = ogImage();
  else if (VENDOR[name]) body = readFileSync(VENDOR[name]());
  else if ((OWN as readonly string[]).includes(name)) body = readFileSync(path.join(here, 'assets', name));
  else return null;
  const type = TYPES[path.extname(name)] ?? 'application/octet-stream';
  const text = type.startsWith('text/') || type === 'image/svg+xml';
  return {
    body,
    gzip: text ? gzipSync(body, { level: 9 }) : null,
    type,
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
  };
}

/** A static file by name ('portal.css', 'vendor/maplibre-gl.mjs'), or null when there is none. */
export function getAsset(name: string): Asset | null {
  if (!cache.has(name)) cache.set(name, load(name));
  return cache.get(name) ?? null;
}

/** The URL of a static file, with its content hash so a new version is never served from a stale cache. */
export function assetUrl(name: string): string {
  const a = getAsset(name);
  return a ? `/portal-assets/${name}?v=${a.hash}` : `/portal-assets/${name}`;
}
