/**
 * The public portal in a real Chromium: home, zones directory, a zone page and open statistics in all five
 * languages (screenshots in test-artifacts/e2e/portal/), the interactive map, keyboard focus, a colour-contrast
 * check of every text on those pages (WCAG 2.1 AA), the pages with JavaScript off, and the staff's publishing
 * workflow from the CMS screens to the public page.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN, ARTIFACTS_DIR, DEMO_PASSWORD, setupE2e, signIn, visible } from './harness.ts';

const { e2eTest } = setupE2e('portal');
const SHOTS = path.join(ARTIFACTS_DIR, 'portal');
const LANGS = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
const LANG_TAGS = { vi: 'vi', en: 'en', zh: 'zh-Hans', ko: 'ko', ja: 'ja' } as const;
const TITLES = {
  zones: {
    vi: 'Các khu kinh tế, khu công nghiệp',
    en: 'Economic zones and industrial parks',
    zh: '经济区和工业园区',
    ko: '경제구역 및 산업단지',
    ja: '経済区・工業団地',
  },
  statistics: {
    vi: 'Số liệu mở',
    en: 'Open statistics',
    zh: '开放统计数据',
    ko: '공개 통계',
    ja: 'オープン統計',
  },
  home: {
    vi: 'Đầu tư vào các khu kinh tế, khu công nghiệp',
    en: 'Invest in our economic zones and industrial parks',
    zh: '投资经济区和工业园区',
    ko: '경제구역과 산업단지에 투자하세요',
    ja: '経済区・工業団地への投資',
  },
} as const;
let zoneCode = '';

/** Signs in through the API and returns a request helper with the session and CSRF token. */
async function apiSession(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: DEMO_PASSWORD }),
  });
  assert.equal(login.status, 200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${url}/api${p}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    assert.ok(res.ok, `${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

let prepared: Promise<void> | null = null;

/**
 * Content the pages need, published once through the staff API (the platform starts with the registry demo
 * data only). Called by each test: the harness starts the platform in its own `before`.
 */
function prepare(url: string): Promise<void> {
  prepared ??= publishFixtures(url);
  return prepared;
}

async function publishFixtures(url: string) {
  mkdirSync(SHOTS, { recursive: true });
  const call = await apiSession(url);
  // The demo data may already have released these periods: a 409 (already released) is fine.
  for (const periodId of ['2023', '2024']) {
    await call('POST', '/portal/statistics/releases', { periodId }).catch((err: Error) => {
      if (!/: 409 /.test(err.message)) throw err;
    });
  }
  const created = await call('POST', '/portal/contents', {
    kind: 'news',
    lang: 'vi',
    title: 'Khai trương cổng thông tin đầu tư',
    slug: 'khai-truong-cong-thong-tin',
    summary: 'Cổng thông tin bằng năm ngôn ngữ.',
    bodyHtml: '<p>Nội dung tin.</p>',
  });
  const en = await call('PUT', `/portal/contents/${created.id}/versions/en`, {
    title: 'Investment portal opens',
    slug: 'investment-portal-opens',
    bodyHtml: '<p>News body.</p>',
  });
  for (const v of [created.versions[0].id, en.id]) {
    await call('POST', `/portal/versions/${v}/submit`);
    await call('POST', `/portal/versions/${v}/publish`, {});
  }
  const html = await (await fetch(`${url}/en/zones?land=1&sort=land`)).text();
  zoneCode = /href="\/en\/zones\/([^"]+)"/.exec(html)?.[1] ?? '';
  assert.ok(zoneCode, 'a zone with land available');
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * WCAG 2.1 contrast of every visible text against its effective background (an axe-like check): 4.5:1, or
 * 3:1 for large text. Kept as plain JavaScript source: the test runner's transpiler would otherwise add
 * helpers to the function that do not exist inside the page.
 */
const CONTRAST_SCRIPT = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
    return { r: Number(r), g: Number(g), b: Number(b), a: Number(a) };
  };
  const channel = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const c = parse(s.backgroundColor);
      if (c && c.a > 0.5) return c;
      if (s.backgroundImage.includes('gradient')) {
        const stop = parse(s.backgroundImage.replace(/^[^(]*\\(/, ''));
        if (stop) return stop;
      }
    }
    return { r: 255, g: 255, b: 255 };
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !el || el.closest('svg, canvas, .maplibregl-map, noscript, .visually-hidden, [hidden]')) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
    if (el.closest('.skip-link') && rect.bottom < 0) continue;
    const fg = parse(style.color);
    if (!fg) continue;
    const bg = background(el);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    if (ratio < (large ? 3 : 4.5))
      failures.push(ratio.toFixed(2) + ' "' + text.slice(0, 40) + '" (' + style.color + ' on rgb(' + bg.r + ',' + bg.g + ',' + bg.b + '))');
  }
  return failures;
})()`;

/** Texts of the page below the WCAG 2.1 AA contrast ratio. */
function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(CONTRAST_SCRIPT) as Promise<string[]>;
}

for (const lang of LANGS) {
  e2eTest(`should show the home, directory, a zone and the statistics in ${lang}`, async ({ page, url }) => {
    await prepare(url);
    await page.goto(`${url}/${lang}/`);
    assert.equal(await page.getAttribute('html', 'lang'), LANG_TAGS[lang]);
    await visible(page.getByRole('heading', { level: 1, name: TITLES.home[lang] }));
    await visible(page.getByRole('navigation', { name: /./ }).first());
    assert.deepEqual(await contrastFailures(page), []);
    await shot(page, `${lang}-home`);

    await page.goto(`${url}/${lang}/zones`);
    await visible(page.getByRole('heading', { level: 1, name: TITLES.zones[lang] }));
    const cards = page.locator('.card');
    assert.ok((await cards.count()) > 10, 'the demo zones are listed');
    // Filter with the form (a GET form: the filtered view is a link).
    await page.locator('#f-land').check();
    await page.locator('form.filters button[type=submit]').click();
    await page.waitForURL(/land=1/);
    const filtered = await page.locator('.card').count();
    assert.ok(filtered > 0 && filtered < (await cards.count()) + 100);
    assert.deepEqual(await contrastFailures(page), []);
    await shot(page, `${lang}-zones`);

    await page.goto(`${url}/${lang}/zones/${zoneCode}`);
    assert.equal(await page.getAttribute('html', 'lang'), LANG_TAGS[lang]);
    await visible(page.locator('h1'));
    // The interactive map replaces the server-drawn one, with one keyboard-focusable marker per zone.
    await visible(page.locator('.maplibregl-canvas'));
    assert.ok((await page.locator('button.map-marker').count()) > 10);
    assert.deepEqual(await contrastFailures(page), []);
    await shot(page, `${lang}-zone`);

    await page.goto(`${url}/${lang}/statistics`);
    await visible(page.getByRole('heading', { level: 1, name: TITLES.statistics[lang] }));
    await visible(page.locator('table th[scope=col]', { hasText: '2024' }));
    await page.locator('.chart').first().scrollIntoViewIfNeeded();
    await visible(page.locator('.chart svg').first());
    assert.deepEqual(await contrastFailures(page), []);
    await shot(page, `${lang}-statistics`);
  });
}

e2eTest(
  'should keep the page when the language is switched, and show untranslated content with a note',
  async ({ page, url }) => {
    await prepare(url);
    await page.goto(`${url}/en/zones/${zoneCode}`);
    await page
      .getByRole('navigation', { name: 'Choose a language' })
      .getByRole('link', { name: '한국어' })
      .click();
    await page.waitForURL(`${url}/ko/zones/${zoneCode}`);
    await page.goto(`${url}/ja/news/investment-portal-opens`);
    await visible(page.getByRole('heading', { level: 1, name: 'Investment portal opens' }));
    await visible(page.getByRole('note').filter({ hasText: '英語' }));
    assert.equal(await page.getAttribute('article', 'lang'), 'en');
    await shot(page, 'ja-news-fallback');
  },
);

e2eTest(
  'should move keyboard focus through the skip link to the main content, with a visible focus ring',
  async ({ page, url }) => {
    await prepare(url);
    await page.goto(`${url}/vi/zones`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Bỏ qua, đến nội dung chính' });
    assert.ok(await skip.evaluate((el) => el === document.activeElement));
    assert.ok((await skip.boundingBox())!.y >= 0, 'the skip link shows when focused');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return {
        inMain: !!el.closest('main'),
        outline: s.outlineStyle,
        width: s.outlineWidth,
        shadow: s.boxShadow,
      };
    });
    assert.equal(focused.inMain, true, 'after the skip link, focus continues inside <main>');
    assert.equal(focused.outline, 'solid');
    assert.notEqual(focused.width, '0px');
    await shot(page, 'keyboard-focus');
  },
);

e2eTest('should open a zone card from a map marker with the keyboard', async ({ page, url }) => {
  await prepare(url);
  await page.goto(`${url}/en/map`);
  const marker = page.locator('button.map-marker').first();
  await visible(marker);
  await marker.focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.maplibregl-popup');
  await visible(popup);
  const link = popup.getByRole('link', { name: 'Open the zone page' });
  assert.ok(await link.evaluate((el) => el === document.activeElement), 'focus moves into the card');
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'detached' });
  await page.getByLabel('Occupancy rate').check();
  await visible(page.locator('[data-legend="occupancy"]'));
  await shot(page, 'en-map');
});

e2eTest(
  'should read the portal with JavaScript off',
  async ({ page, url }) => {
    await prepare(url);
    await page.goto(`${url}/vi/zones/${zoneCode}`);
    await visible(page.locator('h1'));
    await visible(page.locator('svg.static-map'));
    await page.goto(`${url}/en/statistics`);
    await visible(page.locator('table'));
    await visible(page.locator('.chart svg').first());
    await page.goto(`${url}/en/map`);
    assert.ok((await page.locator('main ul li a').count()) > 10, 'every zone is listed with its link');
    await shot(page, 'no-javascript-map');
  },
  { javaScriptEnabled: false },
);

e2eTest(
  'should let staff write, review and publish news that then shows on the portal',
  async ({ page, url }) => {
    await prepare(url);
    await signIn(page, url, ADMIN.email);
    await page.getByRole('link', { name: 'Nội dung cổng' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nội dung cổng thông tin' }));
    await page.getByRole('button', { name: 'Thêm nội dung' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nội dung' });
    await dialog.getByLabel('Tiêu đề').fill('Tin thử nghiệm từ màn hình quản trị');
    await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.waitForURL(/\/portal\/content\/[0-9a-f-]+$/);
    await page.getByRole('switch', { name: 'Mã HTML' }).check();
    await page.getByLabel('Nội dung — mã HTML').fill('<p>Đoạn văn.</p><script>alert(1)</script>');
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await visible(page.getByText('Khi lưu, hệ thống đã loại bỏ: <script>.'));
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByRole('button', { name: 'Duyệt và đăng ngay' }).click();
    await visible(page.getByText(/Đang hiển thị trên cổng từ/));
    await shot(page, 'staff-content-editor');
    await page.goto(`${url}/vi/news`);
    await page.getByRole('link', { name: 'Tin thử nghiệm từ màn hình quản trị' }).click();
    await visible(page.getByText('Đoạn văn.'));
  },
);
