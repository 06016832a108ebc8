import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { docxText } from '../official-reports/testing/ooxml.ts';
import { LANG_TAGS, PORTAL_LANGS } from './langs.ts';
import { MESSAGES } from './messages.ts';
import { makePortalWorld } from './testing.ts';

let t: TestApp;
let staff: Record<string, string>;

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const release = (periodId: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/portal/statistics/releases',
    headers: staff,
    payload: { periodId },
  });

/** CSV rows as objects (the portal's CSV has no embedded newlines in this data). */
function parseCsv(text: string): Record<string, string>[] {
  const [head, ...rows] = text
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const cols = head!.split(',');
  return rows.map((r) => {
    const cells = r
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

beforeAll(async () => {
  t = await buildTestApp();
  // FDI project P1: 10 million USD registered 01/03/2023; DDI project P2: 50 billion VND on 01/05/2023.
  await makePortalWorld(t.db);
  const user = await makeUser(t.db, 'staff');
  staff = await signIn(t.app, user.email);
});
afterAll(() => t.close());

describe('open statistics', () => {
  it('should show no figures and an empty download before any period is released', async () => {
    const res = await get('/en/statistics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(MESSAGES.en.statistics.none);
    expect(res.body).not.toContain('FDI attracted');
    const csv = await t.app.inject({ method: 'GET', url: '/en/statistics/data.csv' });
    expect(parseCsv(csv.body)).toEqual([]);
  });

  it('should publish only the released periods, live from the figures', async () => {
    const r = await release('2023');
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ periodId: '2023', labelVi: 'Năm 2023', withdrawnAt: null });
    const res = await get('/en/statistics');
    expect(res.body).toContain('<th scope="col" class="num">2023</th>');
    expect(res.body).not.toContain('<th scope="col" class="num">2022</th>');
    const csv = parseCsv((await t.app.inject({ method: 'GET', url: '/en/statistics/data.csv' })).body);
    expect(new Set(csv.map((r) => r.period_id))).toEqual(new Set(['2023']));
    const fdi = csv.find((r) => r.indicator_code === 'fdi_attracted_usd')!;
    expect(Number(fdi.value)).toBe(10_000_000);
    expect(Number(fdi.display_value)).toBe(10);
    expect(csv.find((r) => r.indicator_code === 'fdi_new_projects')!.value).toBe('1');
    expect(Number(csv.find((r) => r.indicator_code === 'ddi_attracted_vnd')!.value)).toBe(50_000_000_000);
  });

  it('should refuse releasing a period twice and hide a withdrawn period again', async () => {
    expect((await release('2023')).statusCode).toBe(409);
    const r2024 = await release('2024');
    expect((await get('/vi/statistics')).body).toContain('Năm 2024');
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/portal/statistics/releases/${r2024.json().id}/withdraw`,
      headers: staff,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnAt).not.toBeNull();
    expect((await get('/vi/statistics')).body).not.toContain('Năm 2024');
    const history = await t.app.inject({
      method: 'GET',
      url: '/api/portal/statistics/releases',
      headers: staff,
    });
    expect(
      history
        .json()
        .items.map((i: { periodId: string }) => i.periodId)
        .sort(),
    ).toEqual(['2023', '2024']);
  });

  it('should give the same figures in XLSX, with the licence', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/vi/statistics/data.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers.link).toContain('creativecommons.org/licenses/by/4.0');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const data = wb.getWorksheet('data')!;
    const header = (data.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      'period_id',
      'period',
      'indicator_code',
      'indicator',
      'value',
      'display_value',
      'display_unit',
      'released_at',
    ]);
    const rows: Record<string, unknown>[] = [];
    data.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      rows.push(Object.fromEntries(header.map((h, i) => [h, v[i + 1]])));
    });
    expect(new Set(rows.map((r) => r.period_id))).toEqual(new Set(['2023']));
    expect(rows.find((r) => r.indicator_code === 'fdi_attracted_usd')).toMatchObject({
      value: 10_000_000,
      display_value: 10,
      period: 'Năm 2023',
    });
    const licence = wb.getWorksheet('licence')!;
    expect(String(licence.getCell('B1').value)).toContain('CC-BY-4.0');
  });

  it.each(PORTAL_LANGS)(
    'should show the statistics page in %s with a table, a chart and the licence',
    async (lang) => {
      const res = await get(`/${lang}/statistics`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${LANG_TAGS[lang]}"`);
      expect(res.body).toContain(`<h2 id="licence">${MESSAGES[lang].statistics.licence}</h2>`);
      expect(res.body).toContain('<svg');
      expect(res.body).toContain(`href="/${lang}/statistics/data.csv"`);
    },
  );
});

describe('official reports on the statistics page', () => {
  const template = {
    code: 'test-portal-listing',
    nameVi: 'Báo cáo thử cho cổng thông tin',
    nameEn: 'Portal listing test report',
    descriptionVi: null,
    periodTypes: ['year'],
    content: {
      header: {
        documentType: 'cong_van',
        parentAgency: 'UBND THÀNH PHỐ HẢI PHÒNG',
        issuer: 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG',
        sequenceKey: 'BQL',
        numberCode: 'BQL-CONG',
        place: 'Hải Phòng',
        subject: 'tình hình thu hút đầu tư năm {year}',
        recipients: ['Sở Kế hoạch và Đầu tư'],
        request: null,
      },
      body: [
        {
          kind: 'computed',
          id: 'fdi',
          pattern: 'Năm {year}: tổng vốn FDI thu hút {fdi.total.usd} triệu USD.',
        },
      ],
      closing: {
        text: 'Trân trọng báo cáo./.',
        signer: { authority: 'KT', onBehalfOf: 'TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn A' },
        distribution: ['Như trên', 'Lưu: VT'],
      },
    },
  };
  const reportsApi = (
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: unknown,
  ) => t.app.inject({ method, url: `/api/official-reports${url}`, headers, payload: payload as never });

  /** Creates a report of `periodId` and walks it to `until`. */
  async function walk(
    periodId: string,
    until: 'draft' | 'issued' | 'published',
    leader: Record<string, string>,
  ) {
    const created = await reportsApi('POST', '/reports', staff, { templateCode: template.code, periodId });
    expect(created.statusCode, created.body).toBe(201);
    let r = created.json() as { id: string; version: number; status: string; numberText: string | null };
    for (const [step, who] of [
      ['submit', staff],
      ['approve', leader],
      ['issue', leader],
      ['publish', leader],
    ] as const) {
      if (r.status === until) break;
      const next = await reportsApi('POST', `/reports/${r.id}/${step}`, who, { version: r.version });
      expect(next.statusCode, `${step}: ${next.body}`).toBe(200);
      r = next.json();
    }
    expect(r.status).toBe(until);
    return r;
  }

  it('should list an issued report once published, in every language, with its DOCX; never an unpublished one', async () => {
    const leader = await signIn(t.app, (await makeUser(t.db, 'leader')).email);
    const created = await reportsApi('POST', '/templates', staff, template);
    expect(created.statusCode, created.body).toBe(201);
    const published = await walk('2023', 'published', leader);
    const issuedOnly = await walk('2022', 'issued', leader);
    const draft = await walk('2021', 'draft', leader);
    expect(published.numberText).toMatch(/^\d+\/BQL-CONG$/);

    for (const lang of PORTAL_LANGS) {
      const res = await get(`/${lang}/statistics`);
      expect(res.statusCode).toBe(200);
      const body = res.body;
      expect(body, lang).toContain(`<h2 id="reports">${MESSAGES[lang].statistics.reports}</h2>`);
      // The report keeps its Vietnamese title, marked as such, and shows its number.
      const link = body.match(/<a href="(\/portal-reports\/[0-9a-f-]{36})" lang="vi">([^<]+)<\/a>/);
      expect(link, lang).not.toBeNull();
      expect(link![1]).toBe(`/portal-reports/${published.id}`);
      expect(link![2]).toContain('2023');
      expect(body).toContain(published.numberText!);
      expect(body).not.toContain(issuedOnly.id);
      expect(body).not.toContain(draft.id);
      expect(body).not.toContain(issuedOnly.numberText!);
    }

    // The link gives the issued DOCX itself (the stored, immutable document with its number).
    const file = await t.app.inject({ method: 'GET', url: `/portal-reports/${published.id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.headers['content-disposition']).toMatch(/attachment.*\.docx/);
    expect(file.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const text = await docxText(file.rawPayload);
    expect(text).toContain(`Số: ${published.numberText}`);
    expect(text).toContain('Năm 2023: tổng vốn FDI thu hút');
    // Nothing is served for a report that is issued but not published, nor for a draft.
    for (const id of [issuedOnly.id, draft.id]) {
      expect((await t.app.inject({ method: 'GET', url: `/portal-reports/${id}` })).statusCode).toBe(404);
    }

    // Publishing the other one lists it at once (no stale cached page), newest publication first.
    await reportsApi('POST', `/reports/${issuedOnly.id}/publish`, leader, {
      version: (await reportsApi('GET', `/reports/${issuedOnly.id}`, staff)).json().version,
    });
    const after = (await get('/ko/statistics')).body;
    expect(after.indexOf(`/portal-reports/${issuedOnly.id}`)).toBeGreaterThan(-1);
    expect(after.indexOf(`/portal-reports/${issuedOnly.id}`)).toBeLessThan(
      after.indexOf(`/portal-reports/${published.id}`),
    );
  }, 60_000);
});
