/**
 * The maps really draw: MapLibre's worker starts under the platform's Content-Security-Policy, WebGL renders
 * in headless Chromium, the zones appear as coloured pixels on the canvas (not just an empty canvas element),
 * and a click on a drawn zone opens its card. Pixels are read from a screenshot of the canvas (decoded by the
 * browser itself), so what is checked is what a person would see.
 */
import assert from 'node:assert/strict';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { ADMIN, setupE2e, signIn, visible, WAIT_MS } from './harness.ts';

const { e2eTest } = setupE2e('maps');

type Rgb = [number, number, number];

function hex(colour: string): Rgb {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour drawn with an opacity over a background. */
function over(colour: Rgb, background: Rgb, opacity: number): Rgb {
  return colour.map((c, i) => Math.round(opacity * c + (1 - opacity) * background[i]!)) as Rgb;
}

interface PixelCount {
  width: number;
  height: number;
  /** Pixels within the tolerance of each colour asked for, in the order asked. */
  counts: number[];
  /** For each colour, the centre of the first blob of its pixels (element coordinates), or null. */
  spots: ({ x: number; y: number } | null)[];
}

/** Counts the pixels of given colours in what the element shows on screen. */
async function countPixels(
  page: Page,
  element: Locator,
  colours: Rgb[],
  tolerance = 10,
): Promise<PixelCount> {
  const png = await element.screenshot();
  return page.evaluate(
    async ({ data, colours, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2D canvas');
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const counts = colours.map(() => 0);
      const points: [number, number][][] = colours.map(() => []);
      for (let i = 0; i < px.length; i += 4) {
        colours.forEach((c, k) => {
          if (
            Math.abs(px[i]! - c[0]) <= tolerance &&
            Math.abs(px[i + 1]! - c[1]) <= tolerance &&
            Math.abs(px[i + 2]! - c[2]) <= tolerance
          ) {
            counts[k]! += 1;
            const p = i / 4;
            points[k]!.push([p % img.width, Math.floor(p / img.width)]);
          }
        });
      }
      const spots = points.map((list) => {
        const first = list[0];
        if (!first) return null;
        const blob = list.filter(([x, y]) => Math.hypot(x - first[0], y - first[1]) <= 20);
        return {
          x: Math.round(blob.reduce((s, [x]) => s + x, 0) / blob.length),
          y: Math.round(blob.reduce((s, [, y]) => s + y, 0) / blob.length),
        };
      });
      return { width: img.width, height: img.height, counts, spots };
    },
    { data: png.toString('base64'), colours, tolerance },
  );
}

/** Waits until the element shows at least `min` pixels of the colours (all together); returns the last count. */
async function waitForPixels(
  page: Page,
  element: Locator,
  colours: Rgb[],
  min: number,
  tolerance?: number,
): Promise<PixelCount> {
  const deadline = Date.now() + WAIT_MS;
  let last: PixelCount;
  do {
    last = await countPixels(page, element, colours, tolerance);
    if (last.counts.reduce((a, b) => a + b, 0) >= min) return last;
    await page.waitForTimeout(250);
  } while (Date.now() < deadline);
  assert.fail(`the map shows only ${last.counts.join('+')} pixels of the expected colours (want ≥ ${min})`);
}

/** Collects what MapLibre reports as wrong (worker not loading, WebGL lost…). */
function mapProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    // (Chromium's own "GL Driver Message … Performance" notes about SwiftShader are not problems.)
    if (/GL Driver Message .*Performance/.test(text)) return;
    if (/worker|map error|webgl/i.test(text) && ['error', 'warning'].includes(message.type()))
      problems.push(text);
  });
  return problems;
}

// Staff zone map (apps/web/src/features/registry/zone-map-style.ts, zone-colors.ts).
const STAFF_BACKGROUND = hex('#eef3f8');
const STATUS_HEX = {
  in_master_plan: '#495057',
  proposal_received: '#0c8599',
  established: '#7048e8',
  construction: '#e8590c',
  operating: '#2b8a3e',
};
/** Industrial parks are circles of opacity 0.9 over the background. */
const parkColour = (status: keyof typeof STATUS_HEX) => over(hex(STATUS_HEX[status]), STAFF_BACKGROUND, 0.9);

e2eTest('should draw the zones on the staff zone map and open a card on a click', async ({ page, url }) => {
  const problems = mapProblems(page);
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/registry/zones/map`);
  await visible(page.getByRole('heading', { level: 1, name: 'Bản đồ các khu' }));
  const canvas = page.locator('canvas.maplibregl-canvas');
  await visible(canvas);

  const statuses = Object.keys(STATUS_HEX) as (keyof typeof STATUS_HEX)[];
  // Each park is a circle of radius 8 (~150 pixels of its colour inside the white ring): ten parks at least.
  const drawn = await waitForPixels(page, canvas, [...statuses.map(parkColour), STAFF_BACKGROUND], 0);
  const background = drawn.counts[statuses.length]!;
  assert.ok(background > drawn.width * drawn.height * 0.5, 'the WebGL background is drawn');
  const parks = await waitForPixels(page, canvas, statuses.map(parkColour), 1500);
  assert.ok(
    parks.counts.filter((n) => n > 40).length >= 3,
    `parks of several statuses are drawn: ${parks.counts.join(', ')}`,
  );

  // Click on a park drawn in the "established" colour: its card opens with that status.
  const spot = parks.spots[statuses.indexOf('established')];
  assert.ok(spot, 'a park in the established colour is on the map');
  await canvas.click({ position: spot });
  await page.waitForURL(/[?&]zone=/);
  const card = page
    .locator('section')
    .filter({ has: page.getByRole('button', { name: 'Đóng thông tin khu' }) });
  await visible(card.getByText('Đã thành lập', { exact: true }));
  await visible(card.getByRole('link', { name: 'Xem chi tiết khu' }));
  // The selected zone is drawn with a black ring.
  await waitForPixels(page, canvas, [[0, 0, 0]], 20, 30);
  await card.getByRole('button', { name: 'Đóng thông tin khu' }).click();
  await card.waitFor({ state: 'detached' });

  // Coloured by occupancy: other colours, still drawn.
  await page.getByText('Tỷ lệ lấp đầy', { exact: true }).first().click();
  await page.waitForURL(/color=occupancy/);
  const bands = ['#d0ebff', '#74c0fc', '#1c7ed6', '#1864ab', '#0b3866'].map((c) =>
    over(hex(c), STAFF_BACKGROUND, 0.9),
  );
  await waitForPixels(page, canvas, bands, 600);
  assert.deepEqual(problems, []);
});

e2eTest('should draw a zone on the map of its detail page', async ({ page, url }) => {
  const problems = mapProblems(page);
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/registry/zones/map`);
  const list = page.getByRole('table', { name: /Các khu trên bản đồ/ });
  await list.getByRole('link', { name: 'KCN Đình Vũ (DEEP C I)' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'KCN Đình Vũ (DEEP C I)' }));
  const canvas = page.locator('canvas.maplibregl-canvas');
  await canvas.scrollIntoViewIfNeeded();
  await visible(canvas);
  // An operating park: one green circle (possibly its boundary too).
  await waitForPixels(
    page,
    canvas,
    [parkColour('operating'), over(hex('#2b8a3e'), STAFF_BACKGROUND, 0.45)],
    100,
  );
  assert.deepEqual(problems, []);
});

// Indicator map (apps/web/src/features/analytics/map-style.ts): opaque circles in five blues or grey.
const CLASS_COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#c8ced6'].map(hex);

e2eTest('should draw the indicator map and show a zone value on a click', async ({ page, url }) => {
  const problems = mapProblems(page);
  await signIn(page, url, ADMIN.email);
  await page.goto(`${url}/analytics/map`);
  await visible(page.getByRole('heading', { level: 1, name: 'Bản đồ chỉ tiêu theo khu' }));
  const canvas = page.locator('canvas.maplibregl-canvas');
  await visible(canvas);
  const drawn = await waitForPixels(page, canvas, CLASS_COLOURS, 1500);
  assert.ok(
    drawn.counts.filter((n) => n > 40).length >= 2,
    `several classes drawn: ${drawn.counts.join(', ')}`,
  );

  // The darkest blue is a zone with one of the largest values: its card shows its name and value.
  const darkest = drawn.spots.slice(0, 5).reverse().find(Boolean);
  assert.ok(darkest, 'a zone with a value is drawn');
  await canvas.click({ position: darkest });
  const popup = page.locator('.maplibregl-popup');
  await visible(popup);
  const name = (await popup.locator('strong').textContent())?.trim() ?? '';
  assert.ok(name.length > 0, 'the card names the zone');
  await visible(popup.getByText(/^Giá trị .*: [\d.,]+$/));
  // The same zone is in the table below, with the same value.
  const row = page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  await visible(row);
  const value = (await popup.getByText(/^Giá trị/).textContent())!.split(': ')[1]!;
  await visible(row.getByRole('cell', { name: value, exact: true }));
  assert.deepEqual(problems, []);
});

// Portal map (apps/server/src/modules/portal/assets/map.js): a background drawn by WebGL, zones as buttons.
const PORTAL_BACKGROUND = hex('#dce9f5');

e2eTest('should draw the public map and open a zone card from a clicked marker', async ({ page, url }) => {
  const problems = mapProblems(page);
  await page.goto(`${url}/vi/map`);
  const canvas = page.locator('canvas.maplibregl-canvas');
  await visible(canvas);
  const drawn = await waitForPixels(page, canvas, [PORTAL_BACKGROUND], 0);
  assert.ok(drawn.counts[0]! > drawn.width * drawn.height * 0.5, 'the WebGL background is drawn');
  const markers = page.locator('button.map-marker');
  assert.ok((await markers.count()) > 10, 'one marker per placed zone');
  // The server-drawn SVG map has been replaced.
  assert.equal(await page.locator('.map-canvas-wrap svg.static-map').count(), 0);

  // A marker no other marker or control covers.
  let marker = markers.first();
  for (let i = 0; i < (await markers.count()); i++) {
    const ok = await markers
      .nth(i)
      .click({ trial: true, timeout: 1000 })
      .then(() => true)
      .catch(() => false);
    if (ok) {
      marker = markers.nth(i);
      break;
    }
  }
  const label = (await marker.getAttribute('aria-label')) ?? '';
  await marker.click();
  const popup = page.locator('.maplibregl-popup');
  await visible(popup);
  const title = (await popup.locator('h3').textContent())?.trim() ?? '';
  assert.ok(title.length > 0 && label.includes(title), `the card is the marker's zone (${label} / ${title})`);
  await popup.getByRole('link', { name: 'Xem trang của khu' }).click();
  await visible(page.getByRole('heading', { level: 1, name: title }));
  // The zone page's own map draws too.
  const zoneCanvas = page.locator('canvas.maplibregl-canvas');
  await zoneCanvas.scrollIntoViewIfNeeded();
  await waitForPixels(page, zoneCanvas, [PORTAL_BACKGROUND], 10_000);
  assert.deepEqual(problems, []);
});
