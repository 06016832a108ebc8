import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { clearPortalCaches } from './cache.ts';
import { LANG_TAGS, PORTAL_LANGS, type PortalLang } from './langs.ts';
import { fill, MESSAGES } from './messages.ts';
import { makePortalWorld, publishFixture } from './testing.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makePortalWorld>>;
let _news: Awaited<ReturnType<typeof publishFixture>>;

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });

/** The hreflang alternates a page declares, as { tag: href }. */
function hreflangs(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g))
    out[m[1]!] = m[2]!;
  return out;
}

beforeAll(async () => {
  t = await buildTestApp();
  w = await makePortalWorld(t.db);
  _news = await publishFixture(t.db, 'news', {
    vi: {
      title: 'Ưu đãi thuế mới cho dự án công nghệ cao',
      slug: 'uu-dai-thue-moi',
      summary: 'Tóm tắt tiếng Việt.',
      bodyHtml: '<p>Nội dung tiếng Việt.</p>',
    },
    en: {
      title: 'New tax incentives for high-tech projects',
      slug: 'new-tax-incentives',
      summary: 'English summary.',
      bodyHtml: '<p>English body.</p>',
    },
  });
});
afterAll(() => t.close());

describe('language routing', () => {
  it('should redirect / to the best language of the browser, else Vietnamese', async () => {
    expect((await get('/', { 'accept-language': 'ko-KR,ko;q=0.9,en;q=0.8' })).headers.location).toBe('/ko/');
    expect((await get('/', { 'accept-language': 'fr-FR, ja;q=0.5, en;q=0.7' })).headers.location).toBe(
      '/en/',
    );
    expect((await get('/', { 'accept-language': 'de, fr' })).headers.location).toBe('/vi/');
    const bare = await get('/');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/vi/');
    expect(bare.headers.vary).toContain('Accept-Language');
  });

  it('should keep the staff app at / for a signed-in member of staff', async () => {
    const staff = await makeUser(t.db, 'staff');
    const h = await signIn(t.app, staff.email);
    const res = await get('/', { cookie: h.cookie });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('class="site-header"');
  });

  it('should redirect an unknown language to the best match of Accept-Language, keeping the path', async () => {
    const fr = await get('/fr/zones?kind=industrial_park', { 'accept-language': 'fr, ja;q=0.8' });
    expect(fr.statusCode).toBe(302);
    expect(fr.headers.location).toBe('/ja/zones?kind=industrial_park');
    expect((await get('/de-AT/map', { 'accept-language': 'de' })).headers.location).toBe('/vi/map');
    expect((await get('/fr')).headers.location).toBe('/vi/');
  });

  it('should send other spellings of a portal language to its canonical path', async () => {
    const upper = await get('/EN/zones');
    expect(upper.statusCode).toBe(301);
    expect(upper.headers.location).toBe('/en/zones');
    expect((await get('/zh-CN/')).headers.location).toBe('/zh/');
    expect((await get('/vie/news')).headers.location).toBe('/vi/news');
    expect((await get('/ko')).headers.location).toBe('/ko/');
  });

  it('should leave the staff app and the API their own paths', async () => {
    for (const path of ['/login', '/admin/users', '/registry/zones', '/account']) {
      const res = await get(path);
      expect(res.headers.location, path).toBeUndefined();
      expect(res.body, path).not.toContain('class="site-header"');
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('pages in every language', () => {
  it.each(PORTAL_LANGS)(
    'should render the home page in %s with lang, hreflang alternates and Open Graph',
    async (lang) => {
      const res = await get(`/${lang}/`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain(`<html lang="${LANG_TAGS[lang]}"`);
      const alternates = hreflangs(res.body);
      for (const l of PORTAL_LANGS) expect(alternates[LANG_TAGS[l]]).toMatch(new RegExp(`/${l}/$`));
      expect(alternates['x-default']).toMatch(/\/vi\/$/);
      expect(res.body).toContain(`<meta property="og:locale" content="`);
      expect(res.body).toContain(MESSAGES[lang].home.title);
      expect(res.body).toContain(`<a class="skip-link" href="#main">${MESSAGES[lang].skipToContent}</a>`);
      // The published news is on the home page (in English where there is no translation).
      expect(res.body).toContain(lang === 'vi' ? 'Ưu đãi thuế mới' : 'New tax incentives');
    },
  );

  it.each(PORTAL_LANGS)('should list the zones in %s with their figures', async (lang) => {
    const res = await get(`/${lang}/zones`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${LANG_TAGS[lang]}"`);
    expect(res.body).toContain(`href="/${lang}/zones/${w.codes.parkA1}"`);
    expect(res.body).toContain(`href="/${lang}/zones/${w.codes.parkB}"`);
    expect(res.body).toContain(MESSAGES[lang].zones.title);
  });

  it.each(PORTAL_LANGS)(
    'should show a zone page in %s whose language switch keeps the zone',
    async (lang) => {
      const res = await get(`/${lang}/zones/${w.codes.parkA1}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${LANG_TAGS[lang]}"`);
      for (const l of PORTAL_LANGS)
        expect(res.body).toContain(`<a href="/${l}/zones/${w.codes.parkA1}" lang="${LANG_TAGS[l]}"`);
      expect(hreflangs(res.body)[LANG_TAGS.ko]).toMatch(new RegExp(`/ko/zones/${w.codes.parkA1}$`));
      // Areas as of the record: 40 of 100 ha leased.
      expect(res.body).toContain('<td>40%</td>');
      expect(res.body).toContain(`<strong>${fill(MESSAGES[lang].zones.hectares, { n: '60' })}</strong>`);
      expect(res.body).toContain('12/QĐ-TTg');
      expect(res.body).toContain(MESSAGES[lang].statuses.operating);
    },
  );

  it('should show the description in English with a note on a Korean zone page, and in Vietnamese on the Vietnamese one', async () => {
    const ko = await get(`/ko/zones/${w.codes.parkA1}`);
    expect(ko.body).toContain(
      '<div class="prose" lang="en"><p>A test industrial park near Dinh Vu port.</p></div>',
    );
    expect(ko.body).toContain(
      MESSAGES.ko.fallbackNote
        .replace('{missing}', MESSAGES.ko.languageNames.ko)
        .replace('{shown}', MESSAGES.ko.languageNames.en),
    );
    const vi = await get(`/vi/zones/${w.codes.parkA1}`);
    expect(vi.body).toContain('Khu công nghiệp thử nghiệm gần cảng Đình Vũ.');
    expect(vi.body).not.toContain('fallback-note');
  });

  it('should count the enterprises present by investor country and sector', async () => {
    const res = await get(`/en/zones/${w.codes.parkA1}`);
    expect(res.body).toContain('South Korea');
    expect(res.body).toContain('Manufacture of computer, electronic and optical products');
    // The economic zone counts the parks inside it.
    const ez = await get(`/en/zones/${w.codes.ezA}`);
    expect(ez.body).toContain('1 enterprises');
  });

  it('should filter the directory by land available, kind, status, location and sector', async () => {
    const codes = async (query: string) => {
      const body = (await get(`/en/zones?${query}`)).body;
      return [w.codes.ezA, w.codes.parkA1, w.codes.parkB].filter((c) =>
        body.includes(`href="/en/zones/${c}"`),
      );
    };
    expect(await codes('')).toEqual([w.codes.ezA, w.codes.parkA1, w.codes.parkB]);
    expect(await codes('land=1')).toEqual([w.codes.parkA1]);
    expect(await codes('minLand=61')).toEqual([]);
    expect(await codes('kind=economic_zone')).toEqual([w.codes.ezA]);
    expect(await codes('status=construction')).toEqual([w.codes.parkB]);
    expect(await codes(`location=${w.codes.ezA}`)).toEqual([w.codes.ezA, w.codes.parkA1]);
    expect(await codes('location=outside')).toEqual([w.codes.parkB]);
    expect(await codes('sector=26')).toEqual([w.codes.ezA, w.codes.parkA1]);
    expect(await codes('sector=H')).toEqual([w.codes.parkB]);
    // Nonsense in the query is ignored, not an error.
    expect((await get('/en/zones?kind=castle&minLand=-5&sort=<x>')).statusCode).toBe(200);
  });

  it.each(PORTAL_LANGS)('should answer an unknown zone with a real 404 page in %s', async (lang) => {
    const res = await get(`/${lang}/zones/no-such-zone`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(`<html lang="${LANG_TAGS[lang]}"`);
    expect(res.body).toContain(`<h1>${MESSAGES[lang].notFound.title}</h1>`);
    expect(res.body).toContain('<meta name="robots" content="noindex">');
  });

  it.each(PORTAL_LANGS)(
    'should answer unknown paths and slugs under /%s/ with its 404 page',
    async (lang) => {
      for (const path of ['/no/such/page', '/news/no-such-article', '/incentives/nope']) {
        const res = await get(`/${lang}${path}`);
        expect(res.statusCode, path).toBe(404);
        expect(res.body).toContain(`<h1>${MESSAGES[lang].notFound.title}</h1>`);
      }
    },
  );
});

describe('content in several languages', () => {
  it('should show untranslated content in English with a visible note and hreflang only for real translations', async () => {
    const res = await get('/ko/news/new-tax-incentives');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="ko"');
    expect(res.body).toContain('<article lang="en">');
    expect(res.body).toContain('New tax incentives for high-tech projects');
    expect(res.body).toContain('class="notice fallback-note"');
    const alternates = hreflangs(res.body);
    expect(Object.keys(alternates).sort()).toEqual(['en', 'vi', 'x-default']);
    expect(alternates.vi).toMatch(/\/vi\/news\/uu-dai-thue-moi$/);
    // The language switch still offers every language, each to its own or its fallback URL.
    expect(res.body).toContain('<a href="/ja/news/new-tax-incentives" lang="ja"');
    expect(res.body).toContain('<a href="/vi/news/uu-dai-thue-moi" lang="vi"');
  });

  it('should show the translation without a note where there is one', async () => {
    const vi = await get('/vi/news/uu-dai-thue-moi');
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain('Nội dung tiếng Việt.');
    expect(vi.body).not.toContain('fallback-note');
  });

  it('should redirect a slug of another language to the page language’s own slug', async () => {
    const res = await get('/vi/news/new-tax-incentives');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/vi/news/uu-dai-thue-moi');
  });

  it('should list the news in every language, falling back per item', async () => {
    const ja = await get('/ja/news');
    expect(ja.statusCode).toBe(200);
    expect(ja.body).toContain('href="/ja/news/new-tax-incentives"');
    expect(ja.body).toContain('<li lang="en">');
  });

  it('should publish per-language slugs in other scripts', async () => {
    await publishFixture(t.db, 'incentive', {
      zh: { title: '税收优惠', bodyHtml: '<p>中文内容</p>' },
      en: { title: 'Tax incentives', bodyHtml: '<p>English</p>' },
    });
    const res = await get(`/zh/incentives/${encodeURIComponent('税收优惠')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('中文内容');
  });
});

describe('search', () => {
  it('should find Vietnamese text typed without diacritics', async () => {
    const res = await get(`/en/search?q=${encodeURIComponent('uu dai thue')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('New tax incentives for high-tech projects');
    const zone = await get(`/vi/search?q=${encodeURIComponent('dinh vu')}`);
    expect(zone.body).toContain(`href="/vi/zones/${w.codes.parkA1}"`);
    const none = await get(`/vi/search?q=${encodeURIComponent('khong co gi ca xyz')}`);
    expect(none.body).toContain(MESSAGES.vi.search.none);
  });

  it('should find the same with or without diacritics', async () => {
    const a = await get(`/vi/search?q=${encodeURIComponent('Ưu đãi')}`);
    const b = await get(`/vi/search?q=${encodeURIComponent('uu dai')}`);
    const titles = (body: string) => [...body.matchAll(/<h3><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(titles(a.body).length).toBeGreaterThan(0);
    expect(titles(a.body)).toEqual(titles(b.body));
  });
});

describe('SEO', () => {
  it('should list every page in all five languages in sitemap.xml with alternates', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    for (const lang of PORTAL_LANGS) {
      expect(res.body).toContain(`/${lang}/zones/${w.codes.parkA1}</loc>`);
      expect(res.body).toContain(`/${lang}/statistics</loc>`);
    }
    expect(res.body).toContain('<xhtml:link rel="alternate" hreflang="zh-Hans"');
    // Content only where it is written: vi and en.
    expect(res.body).toContain('/vi/news/uu-dai-thue-moi</loc>');
    expect(res.body).toContain('/en/news/new-tax-incentives</loc>');
    expect(res.body).not.toContain('/ko/news/new-tax-incentives</loc>');
  });

  it('should point robots.txt to the sitemap and away from the staff app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.body).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);
    expect(res.body).toContain('Disallow: /api/');
  });

  it('should give every page a title, a description and Open Graph tags', async () => {
    const res = await get(`/en/zones/${w.codes.parkA1}`);
    expect(res.body).toMatch(/<title>Test Park A1 [^<]+ — [^<]+<\/title>/);
    expect(res.body).toMatch(
      /<meta name="description" content="Industrial park · Operating · Total area: 150 ha/,
    );
    expect(res.body).toContain('<meta property="og:title" content="Test Park A1');
    expect(res.body).toContain(
      `<meta property="og:url" content="http://localhost:80/en/zones/${w.codes.parkA1}">`,
    );
    expect(res.body).toContain(
      `<link rel="canonical" href="http://localhost:80/en/zones/${w.codes.parkA1}">`,
    );
  });
});

describe('static files and budget', () => {
  it('should serve the portal’s files with a year-long cache when the URL carries their hash', async () => {
    const page = await get('/vi/map');
    const css = /href="(\/portal-assets\/portal\.css\?v=[0-9a-f]+)"/.exec(page.body)![1]!;
    const res = await t.app.inject({ method: 'GET', url: css, headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    const map = /data-maplibre="([^"]+)"/.exec(page.body)![1]!;
    const lib = await t.app.inject({ method: 'GET', url: map.replace(/&amp;/g, '&') });
    expect(lib.statusCode).toBe(200);
    expect(lib.headers['content-type']).toContain('javascript');
    expect((await t.app.inject({ method: 'GET', url: '/portal-assets/../../package.json' })).statusCode).toBe(
      404,
    );
  });

  it('should keep a zone page under 60 KB of HTML', async () => {
    clearPortalCaches(t.db);
    for (const lang of PORTAL_LANGS as readonly PortalLang[]) {
      const res = await get(`/${lang}/zones/${w.codes.parkA1}`);
      expect(Buffer.byteLength(res.body)).toBeLessThan(60 * 1024);
    }
  });
});
