/**
 * Templates as data and the report workflow on a small world (no demo data): slot validation, draft →
 * submitted → approved → issued (numbered from the yearly register) → published, immutability, one number
 * for a double issue, figures changed since the draft, return, correction, carried-forward narrative.
 */
import { todayVn } from '@heza/shared/registry';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser, signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../platform/context.ts';
import { recordPlan } from '../registry/commands/record-plan.ts';
import { makeWorld } from '../registry/testing.ts';
import { docxText, findAll, readDocx, runProps, textOf } from './testing/ooxml.ts';

let t: TestApp;
let staff: Record<string, string>;
let leader: Record<string, string>;
let enterprise: Record<string, string>;

const template = {
  code: 'test-workflow',
  nameVi: 'Báo cáo thử quy trình',
  nameEn: 'Workflow test report',
  descriptionVi: null,
  periodTypes: ['year', 'ytd'],
  content: {
    header: {
      documentType: 'cong_van',
      parentAgency: 'UBND THÀNH PHỐ HẢI PHÒNG',
      issuer: 'BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG',
      sequenceKey: 'BQL',
      numberCode: 'BQL-TEST',
      place: 'Hải Phòng',
      subject: 'báo cáo thử năm {year}',
      recipients: ['Sở Công Thương'],
      request: null,
    },
    body: [
      {
        kind: 'narrative',
        id: 'intro',
        text: 'Căn cứ chức năng, nhiệm vụ được giao, Ban Quản lý báo cáo như sau:',
      },
      {
        kind: 'computed',
        id: 'fdi',
        pattern:
          'Năm {year}: tổng vốn FDI thu hút {reach:fdi.total.usd} {fdi.total.usd} triệu USD, đạt {fdi.total.planPct}% kế hoạch năm.',
      },
    ],
    closing: {
      text: 'Trân trọng báo cáo./.',
      signer: { authority: 'KT', onBehalfOf: 'TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Nguyễn Văn A' },
      distribution: ['Như trên', 'Lưu: VT, DN&GSĐT'],
    },
  },
};

async function api(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  headers: Record<string, string>,
  payload?: unknown,
) {
  return t.app.inject({ method, url: `/api/official-reports${url}`, headers, payload: payload as never });
}

/** Creates a report and walks it to `until`, returning it. */
async function walk(
  until: 'draft' | 'submitted' | 'approved' | 'issued',
  periodId = '2023',
  dataAsOf: string | null = null,
) {
  const res = await api('POST', '/reports', staff, { templateCode: template.code, periodId, dataAsOf });
  expect(res.statusCode, res.body).toBe(201);
  let r = res.json();
  const steps: [string, Record<string, string>][] = [
    ['submit', staff],
    ['approve', leader],
    ['issue', leader],
  ];
  for (const [path, who] of steps) {
    if (r.status === until) break;
    const next = await api('POST', `/reports/${r.id}/${path}`, who, { version: r.version });
    expect(next.statusCode, next.body).toBe(200);
    r = next.json();
  }
  return r as {
    id: string;
    version: number;
    status: string;
    numberText: string | null;
    issuedDate: string | null;
    content: typeof template.content;
  };
}

beforeAll(async () => {
  t = await buildTestApp();
  await makeWorld(t.db);
  await recordPlan(systemCtx(t.db, 'test'), {
    indicator: 'fdi_attracted_usd_m',
    yearFrom: 2023,
    value: '100',
    effectiveFrom: '2023-01-01',
    source: 'test',
  });
  staff = await signIn(t.app, (await makeUser(t.db, 'staff')).email);
  leader = await signIn(t.app, (await makeUser(t.db, 'leader')).email);
  enterprise = await signIn(t.app, (await makeUser(t.db, 'enterprise')).email);
  const res = await api('POST', '/templates', staff, template);
  expect(res.statusCode, res.body).toBe(201);
}, 120_000);
afterAll(() => t?.close());

describe('templates as data', () => {
  it('should list the shipped templates and the new one', async () => {
    const codes = (await api('GET', '/templates', staff)).json().items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining(['integration', 'fta', 'investment-summary', 'test-workflow']),
    );
  });

  it('should reject a template whose slot names an unknown figure, naming the slot', async () => {
    const bad = structuredClone(template);
    bad.code = 'test-bad';
    bad.content.body[1] = { kind: 'computed', id: 'fdi', pattern: 'Thu hút {fdi.neww.count} dự án.' };
    const res = await api('POST', '/templates', staff, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details).toEqual([
      expect.objectContaining({
        field: 'content.body.1.pattern',
        message: expect.stringContaining('{fdi.neww.count}'),
      }),
    ]);
    expect((await api('GET', '/templates/test-bad', staff)).statusCode).toBe(404);
    // The editor's live check says the same without saving.
    const check = await api('POST', '/templates/check', staff, {
      pattern: 'Thu hút {fdi.neww.count} dự án.',
    });
    expect(check.json().problems[0].slot).toBe('{fdi.neww.count}');
  });

  it('should version template edits and refuse a stale one', async () => {
    const current = (await api('GET', `/templates/${template.code}`, staff)).json();
    const { code: _code, ...rest } = template;
    const ok = await api('PUT', `/templates/${template.code}`, staff, {
      ...rest,
      nameVi: 'Báo cáo thử (sửa)',
      version: current.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(current.version + 1);
    const stale = await api('PUT', `/templates/${template.code}`, staff, {
      ...rest,
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
  });

  it('should refuse a period type the template does not cover', async () => {
    const res = await api('POST', '/reports', staff, { templateCode: template.code, periodId: '2023Q2' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('periodId');
  });
});

describe('workflow', () => {
  it('should go draft → submitted → approved → issued → published, numbered from the yearly register with the date fixed', async () => {
    const r = await walk('issued');
    expect(r.status).toBe('issued');
    const year = Number(todayVn().slice(0, 4));
    expect(r.numberText).toMatch(/^\d{2,}\/BQL-TEST$/);
    expect(r.issuedDate).toBe(todayVn());
    const reg = await t.db
      .selectFrom('outgoing_documents')
      .selectAll()
      .where('source_id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(reg).toMatchObject({
      sequence_key: 'BQL',
      year,
      number_text: r.numberText,
      document_date: todayVn(),
      source_type: 'official_report',
    });
    // The DOCX carries the number and the italic date; figures are frozen.
    const bytes = (await api('GET', `/reports/${r.id}/document.docx`, staff)).rawPayload;
    const text = await docxText(bytes);
    expect(text).toContain(`Số: ${r.numberText}`);
    expect(text).toContain('Năm 2023: tổng vốn FDI thu hút đạt 10 triệu USD, đạt 10,0% kế hoạch năm.');
    const { document } = await readDocx(bytes);
    const date = findAll(document, 'w:p').find((p) => textOf(p).startsWith('Hải Phòng, ngày'))!;
    expect(textOf(date)).not.toMatch(/ngày\s+tháng/);
    expect(runProps(findAll(date, 'w:r')[0]!).italic).toBe(true);
    const figures = (await api('GET', `/reports/${r.id}/figures`, staff)).json();
    expect(figures.frozen).toBe(true);
    // Stored DOCX: downloading again gives the same bytes.
    const again = (await api('GET', `/reports/${r.id}/document.docx`, staff)).rawPayload;
    expect(Buffer.compare(bytes, again)).toBe(0);
    const published = await api('POST', `/reports/${r.id}/publish`, leader, { version: r.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect(published.json().numberText).toBe(r.numberText);
  });

  it('should give one number when the same report is issued twice at once, and the next number to the next report', async () => {
    const r = await walk('approved');
    const before = await t.db
      .selectFrom('outgoing_document_sequences')
      .select('last_number')
      .where('sequence_key', '=', 'BQL')
      .executeTakeFirst();
    const [a, b] = await Promise.all([
      api('POST', `/reports/${r.id}/issue`, leader, { version: r.version }),
      api('POST', `/reports/${r.id}/issue`, leader, { version: r.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = await t.db
      .selectFrom('outgoing_document_sequences')
      .select('last_number')
      .where('sequence_key', '=', 'BQL')
      .executeTakeFirstOrThrow();
    expect(after.last_number).toBe((before?.last_number ?? 0) + 1);
    const rows = await t.db
      .selectFrom('outgoing_documents')
      .select('number')
      .where('source_id', '=', r.id)
      .execute();
    expect(rows).toHaveLength(1);
    const next = await walk('issued');
    expect(next.numberText).toBe(`${String(after.last_number + 1).padStart(2, '0')}/BQL-TEST`);
  });

  it('should refuse to edit an issued report, through the API and in the database', async () => {
    const r = await walk('issued');
    const res = await api('PUT', `/reports/${r.id}`, staff, { version: r.version, content: r.content });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('INVALID_STATE');
    expect(res.json().details[0].message).toMatch(/đính chính|correction/);
    await expect(
      t.db
        .updateTable('official_reports')
        .set({ content: JSON.stringify({ x: 1 }) })
        .where('id', '=', r.id)
        .execute(),
    ).rejects.toThrow(/immutable/);
    await expect(t.db.deleteFrom('official_reports').where('id', '=', r.id).execute()).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      t.db.updateTable('outgoing_documents').set({ number: 99 }).where('source_id', '=', r.id).execute(),
    ).rejects.toThrow(/immutable/);
    // A correction is a new report, starting from the issued content.
    const corr = await api('POST', '/reports', staff, {
      templateCode: template.code,
      periodId: '2023',
      correctsReportId: r.id,
    });
    expect(corr.statusCode, corr.body).toBe(201);
    expect(corr.json()).toMatchObject({ status: 'draft', correctsReportId: r.id, numberText: null });
  });

  it('should refuse a stale version, a return without a comment, and an issue date in the future', async () => {
    const r = await walk('submitted');
    expect(
      (await api('POST', `/reports/${r.id}/approve`, leader, { version: r.version - 1 })).statusCode,
    ).toBe(409);
    const noComment = await api('POST', `/reports/${r.id}/return`, leader, { version: r.version });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().details[0].field).toBe('comment');
    const returned = await api('POST', `/reports/${r.id}/return`, leader, {
      version: r.version,
      comment: 'Bổ sung số liệu lao động.',
    });
    expect(returned.json()).toMatchObject({ status: 'draft', reviewComment: 'Bổ sung số liệu lao động.' });
    expect(returned.json().allowedActions).toEqual([]);
    const a = await walk('approved');
    const future = await api('POST', `/reports/${a.id}/issue`, leader, {
      version: a.version,
      issuedDate: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details[0].field).toBe('issuedDate');
  });

  it('should refuse an edit whose slot names an unknown figure', async () => {
    const r = await walk('draft');
    const content = structuredClone(r.content);
    content.body[1] = { kind: 'computed', id: 'fdi', pattern: 'Vốn {fdi.totl.usd} triệu USD.' };
    const res = await api('PUT', `/reports/${r.id}`, staff, { version: r.version, content });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({
      field: 'content.body.1.pattern',
      message: expect.stringContaining('{fdi.totl.usd}'),
    });
  });

  it('should show the reviewer which figures changed since the draft was submitted', async () => {
    const r = await walk('submitted');
    expect((await api('GET', `/reports/${r.id}/figures`, leader)).json().changedSinceDraft).toEqual([]);
    // A revised plan in force from today halves the plan: the % of plan doubles.
    await recordPlan(systemCtx(t.db, 'test'), {
      indicator: 'fdi_attracted_usd_m',
      yearFrom: 2023,
      value: '50',
      effectiveFrom: todayVn(),
      source: 'test',
    });
    const changed = (await api('GET', `/reports/${r.id}/figures`, leader)).json().changedSinceDraft;
    expect(changed).toEqual([
      expect.objectContaining({ key: 'fdi.total.planPct', before: '10,0', after: '20,0' }),
    ]);
  });

  it('should carry the narrative forward from the previous period’s report', async () => {
    const r = await walk('draft', '2024');
    const content = structuredClone(r.content);
    content.body[0] = { kind: 'narrative', id: 'intro', text: 'Đoạn viết riêng cho năm 2024.' };
    expect((await api('PUT', `/reports/${r.id}`, staff, { version: r.version, content })).statusCode).toBe(
      200,
    );
    const next = await walk('draft', '2025');
    expect(next.content.body[0]).toMatchObject({ id: 'intro', text: 'Đoạn viết riêng cho năm 2024.' });
    // An earlier period does not inherit from a later one.
    const earlier = await walk('draft', '2022');
    expect(earlier.content.body[0]).toMatchObject({ text: template.content.body[0]!.text });
  });

  it('should offer each person only the actions their role allows', async () => {
    const r = await walk('submitted');
    expect((await api('GET', `/reports/${r.id}`, staff)).json().allowedActions).toEqual([]);
    expect((await api('GET', `/reports/${r.id}`, leader)).json().allowedActions).toEqual([
      'return',
      'approve',
    ]);
    expect((await api('GET', `/reports/${r.id}`, enterprise)).statusCode).toBe(403);
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where entity_id = ${r.id}`.execute(t.db);
    expect(count.rows[0]!.n).toBe(2);
  });
});
