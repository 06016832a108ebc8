import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZone } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { recordZoneEvent } from '../registry/commands/record-zone-event.ts';
import { fixtureCtx } from '../registry/testing.ts';
import { DEMO_ZONE_NAMES } from './demo-zone-names.ts';
import { seedPortalDemo } from './seed.ts';
import { makePortalWorld } from './testing.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makePortalWorld>>;
/** A zone named like a real Hai Phong park (operating), so the demo gives it names in every language. */
let doSon: { id: string; code: string };
const dataDir = mkdtempSync(path.join(tmpdir(), 'heza-portal-seed-'));
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

beforeAll(async () => {
  t = await buildTestApp({ config: { dataDir } });
  w = await makePortalWorld(t.db);
  const zone = await makeZone(t.db, 'KCN Đồ Sơn');
  await recordZoneEvent(fixtureCtx(t.db), zone.id, { status: 'established', eventDate: '2001-01-01' });
  await recordZoneEvent(fixtureCtx(t.db), zone.id, { status: 'operating', eventDate: '2003-01-01' });
  const row = await t.db
    .selectFrom('zones')
    .select('code')
    .where('id', '=', zone.id)
    .executeTakeFirstOrThrow();
  doSon = { id: zone.id, code: row.code };
  await seedPortalDemo(t.db, { dataDir });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('portal demo data', () => {
  it('should name the authority, describe and illustrate the operating parks, and be labelled demo', async () => {
    const home = await get('/en/');
    expect(home.body).toContain('Hai Phong Economic Zone Authority');
    expect(home.body).toContain('This site shows demonstration (demo) data');
    const zone = await get(`/ja/zones/${w.codes.parkA1}`);
    expect(zone.body).toContain('<div class="prose" lang="ja">');
    expect(zone.body).toContain('data-panorama="/portal-media/');
    const img = /<img src="(\/portal-media\/[^"]+)"/.exec(zone.body)![1]!;
    const res = await t.app.inject({ method: 'GET', url: img });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('should name and describe the demo zones in Chinese, Korean and Japanese, without a fallback note', async () => {
    const expected = {
      zh: '涂山工业区',
      ko: '도선 산업단지',
      ja: 'ドーソン工業団地',
      en: 'Do Son Industrial Park',
    };
    expect(DEMO_ZONE_NAMES['KCN Đồ Sơn']).toEqual(expected);
    const list = await get('/zh/zones');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`<a href="/zh/zones/${doSon.code}">涂山工业区</a>`);
    expect(list.body).not.toContain('>KCN Đồ Sơn<');
    // A zone the demo has no translation for still shows, under its Vietnamese name.
    expect(list.body).toContain(`/zh/zones/${w.codes.parkB}`);
    for (const lang of ['zh', 'ko', 'ja'] as const) {
      const page = await get(`/${lang}/zones/${doSon.code}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<h1>${expected[lang]}</h1>`);
      expect(page.body).toContain(`<div class="prose" lang="${lang === 'zh' ? 'zh-Hans' : lang}">`);
      expect(page.body, lang).not.toContain('fallback-note');
    }
    expect((await get(`/en/zones/${doSon.code}`)).body).toContain('<h1>Do Son Industrial Park</h1>');
    // The Vietnamese page keeps the registry's name.
    expect((await get(`/vi/zones/${doSon.code}`)).body).toContain('<h1>KCN Đồ Sơn</h1>');
  });

  it('should publish content in several languages, leaving some untranslated to show the fallback', async () => {
    const vi = await get('/vi/news');
    const news = [...vi.body.matchAll(/<h2><a href="\/vi\/news\/[^"]+">/g)];
    expect(news.length).toBeGreaterThanOrEqual(4);
    const en = await get('/en/news');
    expect(en.body).toContain('<li lang="vi">');
    const faq = await get('/ko/faq');
    expect(faq.body).toContain('투자등록증 발급에는 얼마나 걸리나요?');
    expect((await get('/en/newsletter/newsletter-q4-2024')).statusCode).toBe(200);
    expect((await get('/en/publications')).body).toContain('Investment guide (demo edition)');
  });

  it('should print the newsletter PDF in Chinese, Korean and Japanese with real glyphs (fonts-noto-cjk)', async () => {
    const AUTHORITY = {
      zh: '海防经济区管理委员会',
      ko: '하이퐁 경제구역 관리위원회',
      ja: 'ハイフォン経済区管理委員会',
    };
    for (const lang of ['zh', 'ko', 'ja'] as const) {
      const page = await get(`/${lang}/newsletter/newsletter-q4-2024`);
      expect(page.statusCode, lang).toBe(200);
      const pdfUrl = /href="(\/[a-z]{2}\/newsletter\/[^"]+\/pdf)"/.exec(page.body)?.[1];
      expect(pdfUrl, lang).toBeDefined();
      const pdf = await t.app.inject({ method: 'GET', url: pdfUrl! });
      expect(pdf.statusCode, lang).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      // pdftotext reads the glyphs back: text drawn as empty boxes (no CJK font) would not come out.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.rawPayload }).toString(
        'utf8',
      );
      expect(text, lang).toContain(AUTHORITY[lang]);
      expect(text.replace(/\s+/g, ''), lang).toMatch(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{4}/);
    }
  }, 120_000);

  it('should release statistics periods and be idempotent', async () => {
    const before = await t.db
      .selectFrom('portal_contents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seedPortalDemo(t.db, { dataDir });
    const after = await t.db
      .selectFrom('portal_contents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const releases = await t.db.selectFrom('statistics_publications').select('period_id').execute();
    expect(releases.map((r) => r.period_id).sort()).toEqual(['2022', '2023', '2024', '2024YTD11']);
  });
});
