import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { seedPortalDemo } from './seed.ts';
import { makePortalWorld } from './testing.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makePortalWorld>>;
const dataDir = mkdtempSync(path.join(tmpdir(), 'heza-portal-seed-'));
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

beforeAll(async () => {
  t = await buildTestApp({ config: { dataDir } });
  w = await makePortalWorld(t.db);
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
