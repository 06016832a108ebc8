import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from '@heza/shared/portal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { extractPdfText } from '../../platform/documents/pdf-text.ts';
import { encodePng } from './png.ts';
import { makePortalWorld } from './testing.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makePortalWorld>>;
let staff: Record<string, string>;

const page = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, headers = staff) =>
  t.app.inject({ method, url: `/api${url}`, payload: payload as object, headers });

async function createNews(title: string, bodyHtml: string, slug?: string) {
  const res = await api('POST', '/portal/contents', { kind: 'news', lang: 'vi', title, slug, bodyHtml });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; versions: { id: string; slug: string }[]; removed: string[] };
}

// Uploads go to a folder of this test file's own, not to the developer's data folder.
const dataDir = mkdtempSync(path.join(tmpdir(), 'heza-portal-cms-'));

beforeAll(async () => {
  t = await buildTestApp({ config: { dataDir } });
  w = await makePortalWorld(t.db);
  const user = await makeUser(t.db, 'staff');
  staff = await signIn(t.app, user.email);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sanitising on save', () => {
  it('should strip scripts, event handlers, javascript: links, frames and styles, and say what it removed', async () => {
    const dirty =
      '<h1>Heading</h1><p onclick="steal()">Hello <script>alert(1)</script><a href="javascript:alert(2)">x</a>' +
      '<a href="https://heza.gov.vn/a" target="_blank">ok</a></p><iframe src="https://evil.example"></iframe>' +
      '<style>body{display:none}</style><img src="https://evil.example/t.gif" onerror="x()"><img src="/portal-media/abc" alt="A">';
    const created = await createNews('Bài có mã độc', dirty, 'bai-co-ma-doc');
    expect(created.removed).toEqual(
      expect.arrayContaining(['<iframe>', '<script>', '<style>', 'javascript:', 'onclick', 'onerror']),
    );
    const detail = (await api('GET', `/portal/contents/${created.id}`)).json();
    const body = detail.versions[0].bodyHtml as string;
    expect(body).toBe(
      '<h2>Heading</h2><p>Hello <a>x</a><a href="https://heza.gov.vn/a">ok</a></p><img src="/portal-media/abc" alt="A" />',
    );
    // And the public page shows exactly that once published.
    const v = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v}/submit`);
    await api('POST', `/portal/versions/${v}/publish`, {});
    const res = await page('/vi/news/bai-co-ma-doc');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/alert\(|steal\(|javascript:|<iframe|evil\.example/);
  });

  it('should sanitise a zone description too', async () => {
    const res = await api('PUT', `/portal/zones/${w.parkB.id}`, {
      descriptions: { ja: '<p>説明<script>alert(1)</script></p>' },
      names: { ja: 'テスト団地B' },
      targetSectors: ['C', '52'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().descriptions.ja).toBe('<p>説明</p>');
    expect(res.json().removed).toEqual(['<script>']);
    const zone = await page(`/ja/zones/${w.codes.parkB}`);
    expect(zone.body).toContain('<h1>テスト団地B</h1>');
    expect(zone.body).toContain('<div class="prose" lang="ja"><p>説明</p></div>');
  });
});

describe('publication workflow', () => {
  it('should show a version only once it has been through review and published', async () => {
    const created = await createNews('Tin quy trình', '<p>Bản một</p>', 'tin-quy-trinh');
    const v = created.versions[0]!.id;
    expect((await page('/vi/news/tin-quy-trinh')).statusCode).toBe(404);
    // Publishing skips no step: a draft cannot be published.
    const early = await api('POST', `/portal/versions/${v}/publish`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');
    expect((await api('POST', `/portal/versions/${v}/submit`)).json().status).toBe('review');
    expect((await page('/vi/news/tin-quy-trinh')).statusCode).toBe(404);
    const returned = await api('POST', `/portal/versions/${v}/return`, { note: 'Thiếu nguồn tin' });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewNote: 'Thiếu nguồn tin' });
    await api('POST', `/portal/versions/${v}/submit`);
    const published = await api('POST', `/portal/versions/${v}/publish`, {});
    expect(published.json()).toMatchObject({ status: 'published', live: true, scheduled: false });
    const res = await page('/vi/news/tin-quy-trinh');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Bản một');
  });

  it('should keep the published version online while a new one is written, then replace it', async () => {
    const created = await createNews('Tin sửa đổi', '<p>Bản cũ</p>', 'tin-sua-doi');
    const v1 = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v1}/submit`);
    await api('POST', `/portal/versions/${v1}/publish`, {});
    const draft = await api('PUT', `/portal/contents/${created.id}/versions/vi`, {
      title: 'Tin sửa đổi',
      bodyHtml: '<p>Bản mới</p>',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const v2 = draft.json().id;
    expect(v2).not.toBe(v1);
    expect(draft.json().slug).toBe('tin-sua-doi');
    expect((await page('/vi/news/tin-sua-doi')).body).toContain('Bản cũ');
    await api('POST', `/portal/versions/${v2}/submit`);
    await api('POST', `/portal/versions/${v2}/publish`, {});
    const after = await page('/vi/news/tin-sua-doi');
    expect(after.body).toContain('Bản mới');
    expect(after.body).not.toContain('Bản cũ');
  });

  it('should redirect the old slug after a rename and refuse a slug another item uses', async () => {
    const created = await createNews('Tin đổi tên', '<p>x</p>', 'ten-cu');
    const v1 = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v1}/submit`);
    await api('POST', `/portal/versions/${v1}/publish`, {});
    const renamed = await api('PUT', `/portal/contents/${created.id}/versions/vi`, {
      title: 'Tin đổi tên',
      slug: 'ten-moi',
      bodyHtml: '<p>x</p>',
    });
    await api('POST', `/portal/versions/${renamed.json().id}/submit`);
    await api('POST', `/portal/versions/${renamed.json().id}/publish`, {});
    const old = await page('/vi/news/ten-cu');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/vi/news/ten-moi');
    const clash = await api('POST', '/portal/contents', {
      kind: 'news',
      lang: 'vi',
      title: 'Khác',
      slug: 'ten-cu',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('CONFLICT');
  });

  it('should take a language offline when it is withdrawn', async () => {
    const created = await createNews('Tin sẽ gỡ', '<p>x</p>', 'tin-se-go');
    const v = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v}/submit`);
    await api('POST', `/portal/versions/${v}/publish`, {});
    expect((await page('/vi/news/tin-se-go')).statusCode).toBe(200);
    const res = await api('POST', `/portal/contents/${created.id}/versions/vi/withdraw`);
    expect(res.statusCode).toBe(200);
    expect((await page('/vi/news/tin-se-go')).statusCode).toBe(404);
    expect((await api('POST', `/portal/contents/${created.id}/versions/vi/withdraw`)).json().code).toBe(
      'INVALID_STATE',
    );
  });
});

describe('scheduled publishing', () => {
  it('should put a scheduled version online at its time, not before, with the previous one online meanwhile', async () => {
    const created = await createNews('Tin hẹn giờ', '<p>Hôm nay</p>', 'tin-hen-gio');
    const v1 = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v1}/submit`);
    await api('POST', `/portal/versions/${v1}/publish`, {});
    const next = await api('PUT', `/portal/contents/${created.id}/versions/vi`, {
      title: 'Tin hẹn giờ',
      bodyHtml: '<p>Ngày mai</p>',
    });
    const v2 = next.json().id;
    await api('POST', `/portal/versions/${v2}/submit`);
    const at = new Date(Date.now() + 1500).toISOString();
    const scheduled = await api('POST', `/portal/versions/${v2}/publish`, { publishAt: at });
    expect(scheduled.json()).toMatchObject({ status: 'published', scheduled: true, live: false });
    expect((await page('/vi/news/tin-hen-gio')).body).toContain('Hôm nay');
    expect((await page('/vi/news')).body).toContain('Tin hẹn giờ');
    await new Promise((r) => setTimeout(r, 1700));
    // No cache clearing here: the portal drops its caches when the scheduled time comes.
    expect((await page('/vi/news/tin-hen-gio')).body).toContain('Ngày mai');
    const detail = (await api('GET', `/portal/contents/${created.id}`)).json();
    expect(detail.versions.find((v: { id: string }) => v.id === v2).live).toBe(true);
  });

  it('should not show a first version scheduled for later', async () => {
    const created = await createNews('Tin tương lai', '<p>x</p>', 'tin-tuong-lai');
    const v = created.versions[0]!.id;
    await api('POST', `/portal/versions/${v}/submit`);
    await api('POST', `/portal/versions/${v}/publish`, {
      publishAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await page('/vi/news/tin-tuong-lai')).statusCode).toBe(404);
    expect((await page('/vi/news')).body).not.toContain('Tin tương lai');
    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).not.toContain('tin-tuong-lai');
  });
});

describe('uploads', () => {
  const png = encodePng(64, 32, (x, y) => [x * 4, y * 8, 120]);

  it('should accept a PNG photo and serve it from the portal', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/portal/images?name=anh.png&kind=photo&zoneId=${w.parkA1.id}&alt=${encodeURIComponent('Cổng khu')}`,
      headers: { ...staff, 'content-type': 'image/png' },
      payload: png,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'photo', width: 64, height: 32, mediaType: 'image/png' });
    const img = await t.app.inject({ method: 'GET', url: res.json().url });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.rawPayload.equals(png)).toBe(true);
    const zone = await page(`/vi/zones/${w.codes.parkA1}`);
    expect(zone.body).toContain(`<img src="${res.json().url}" alt="Cổng khu" width="64" height="32"`);
  });

  it('should accept a 2:1 panorama and refuse one of other proportions', async () => {
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/portal/images?name=p.png&kind=panorama&zoneId=${w.parkA1.id}`,
      headers: { ...staff, 'content-type': 'image/png' },
      payload: png,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await page(`/en/zones/${w.codes.parkA1}`)).body).toContain('data-panorama="/portal-media/');
    const square = await t.app.inject({
      method: 'POST',
      url: '/api/portal/images?name=p.png&kind=panorama',
      headers: { ...staff, 'content-type': 'image/png', 'accept-language': 'en' },
      payload: encodePng(40, 40, () => [0, 0, 0]),
    });
    expect(square.statusCode).toBe(400);
    expect(square.json().details[0].message).toContain('twice as wide as high');
  });

  it('should refuse a file that is not an image, whatever it claims, with a clear message', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/images?name=photo.png',
      headers: { ...staff, 'content-type': 'image/png', 'accept-language': 'vi' },
      payload: pdf,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.json().details[0].message).toBe('Chỉ nhận ảnh JPEG hoặc PNG; nội dung tệp này là PDF.');
    const html = await t.app.inject({
      method: 'POST',
      url: '/api/portal/images?name=x.jpg',
      headers: { ...staff, 'content-type': 'image/jpeg', 'accept-language': 'en' },
      payload: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(html.statusCode).toBe(415);
    expect(html.json().details[0].message).toContain('Only JPEG or PNG images are accepted');
  });

  it('should refuse an oversize image with the limit in the message', async () => {
    const big = Buffer.concat([png, Buffer.alloc(MAX_IMAGE_BYTES)]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/portal/images?name=big.png',
      headers: { ...staff, 'content-type': 'image/png', 'accept-language': 'en' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json().details[0].message).toContain('5 MB');
  });

  it('should attach a publication file and serve it only while the version is online', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const file = await t.app.inject({
      method: 'POST',
      url: `/api/portal/files?name=${encodeURIComponent('Sách đầu tư.pdf')}`,
      headers: { ...staff, 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(file.statusCode, file.body).toBe(201);
    const created = await api('POST', '/portal/contents', {
      kind: 'publication',
      lang: 'en',
      title: 'Investment guide 2025',
      fileId: file.json().id,
    });
    const v = created.json().versions[0].id;
    expect((await t.app.inject({ method: 'GET', url: `/portal-files/${v}` })).statusCode).toBe(404);
    await api('POST', `/portal/versions/${v}/submit`);
    await api('POST', `/portal/versions/${v}/publish`, {});
    const download = await t.app.inject({ method: 'GET', url: `/portal-files/${v}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''S%C3%A1ch");
    expect((await page('/en/publications/investment-guide-2025')).body).toContain(
      `href="/portal-files/${v}"`,
    );
    // A file that is not a document cannot be a publication's file.
    const img = await t.app.inject({
      method: 'POST',
      url: '/api/portal/images?name=a.png',
      headers: { ...staff, 'content-type': 'image/png' },
      payload: encodePng(4, 4, () => [1, 2, 3]),
    });
    const row = await t.db
      .selectFrom('portal_images')
      .select('file_id')
      .where('id', '=', img.json().id)
      .executeTakeFirstOrThrow();
    const bad = await api('POST', '/portal/contents', {
      kind: 'publication',
      lang: 'en',
      title: 'Bad',
      fileId: row.file_id,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('newsletter and zone profiles', () => {
  it('should assemble a newsletter issue from articles and show them on its page', async () => {
    const a = await createNews('Bài cho bản tin', '<p>Nội dung bài</p>', 'bai-cho-ban-tin');
    await api('POST', `/portal/versions/${a.versions[0]!.id}/submit`);
    await api('POST', `/portal/versions/${a.versions[0]!.id}/publish`, {});
    const issue = await api('POST', '/portal/contents', {
      kind: 'newsletter',
      periodId: '2024Q4',
      lang: 'vi',
      title: 'Bản tin quý IV',
      bodyHtml: '<p>Lời giới thiệu</p>',
    });
    expect(issue.statusCode, issue.body).toBe(201);
    const set = await api('PUT', `/portal/contents/${issue.json().id}/articles`, { articleIds: [a.id] });
    expect(set.json().articles).toEqual([{ id: a.id, kind: 'news', title: 'Bài cho bản tin' }]);
    const v = issue.json().versions[0].id;
    await api('POST', `/portal/versions/${v}/submit`);
    await api('POST', `/portal/versions/${v}/publish`, {});
    const res = await page(`/vi/newsletter/${issue.json().versions[0].slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Bản tin Quý IV/2024</h1>');
    expect(res.body).toContain('Nội dung bài');
    expect(res.body).toContain('/pdf"');
    // The same issue as a PDF, printed by Chromium.
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/vi/newsletter/${issue.json().versions[0].slug}/pdf`,
    });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('Bản tin Quý IV/2024');
    expect(text).toContain('Nội dung bài');
    expect((await t.app.inject({ method: 'GET', url: '/vi/newsletter/khong-co/pdf' })).statusCode).toBe(404);
    const dup = await api('POST', '/portal/contents', {
      kind: 'newsletter',
      periodId: '2024Q4',
      lang: 'en',
      title: 'Again',
    });
    expect(dup.statusCode).toBe(409);
  });

  it('should hide a zone the authority unlists', async () => {
    expect((await page(`/en/zones/${w.codes.parkB}`)).statusCode).toBe(200);
    await api('PUT', `/portal/zones/${w.parkB.id}`, { listed: false });
    expect((await page(`/en/zones/${w.codes.parkB}`)).statusCode).toBe(404);
    expect((await page('/en/zones')).body).not.toContain(`/en/zones/${w.codes.parkB}"`);
    await api('PUT', `/portal/zones/${w.parkB.id}`, { listed: true });
    expect((await page(`/en/zones/${w.codes.parkB}`)).statusCode).toBe(200);
  });
});

describe('settings', () => {
  it('should use no external map server by default, and admit a configured basemap in the map page’s CSP', async () => {
    const before = await page('/en/map');
    expect(before.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
    expect(before.body).toContain('no external map server is used');
    const admin = await signIn(t.app, (await makeUser(t.db, 'admin')).email);
    const saved = await api(
      'PUT',
      '/portal/settings',
      {
        basemap: {
          kind: 'raster',
          url: 'https://tiles.example.vn/{z}/{x}/{y}.png',
          attribution: '© Bản đồ thử',
        },
        site: { name: { en: 'Test Authority' } },
      },
      admin,
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await page('/en/map');
    expect(after.headers['content-security-policy']).toMatch(/img-src [^;]*https:\/\/tiles\.example\.vn/);
    expect(after.headers['content-security-policy']).toMatch(/connect-src [^;]*https:\/\/tiles\.example\.vn/);
    expect(after.body).toContain('© Bản đồ thử');
    expect(after.body).toContain('<span>Test Authority</span>');
    // Staff may not change settings; only administrators.
    expect((await api('PUT', '/portal/settings', { basemap: { kind: 'none' } })).statusCode).toBe(403);
  });
});
