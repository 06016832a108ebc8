import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { writeCsv } from '../registry/spreadsheet.ts';
import { clock } from './schedule.ts';
import { createMonthlyForm, insertEnterprise, insertUser, insertZone } from './testing.ts';

let t: TestApp;
let form: { id: string; code: string };
let a: { id: string; tax_code: string };
let b: { id: string; tax_code: string };
let admin: Record<string, string>;
let staffB: Record<string, string>;

const HEAD = (code: string) => ['#HEZA', `reporting:${code}`, 'v1', 'Báo cáo'];
const COLUMNS = [
  'Mã số thuế (tax_code)',
  'Kỳ báo cáo (period)',
  'Số ước tính (estimate)',
  'Doanh thu (revenue)',
  'Xuất khẩu (export)',
  'Nhập khẩu (import)',
  'Nộp ngân sách (budget_payments)',
  'Lao động (labour)',
  'LĐ Việt Nam (labour__nationality__vn)',
  'LĐ nước ngoài (labour__nationality__foreign)',
  'Thu nhập (avg_income)',
];
const row = (tax: string, period: string, over: Partial<Record<string, string>> = {}) => {
  const v = {
    estimate: '',
    revenue: '5000000',
    export: '3000000',
    import: '2000000',
    budget_payments: '900000000',
    labour: '300',
    vn: '290',
    foreign: '10',
    avg_income: '9500000',
    ...over,
  };
  return [
    tax,
    period,
    v.estimate,
    v.revenue,
    v.export,
    v.import,
    v.budget_payments,
    v.labour,
    v.vn,
    v.foreign,
    v.avg_income,
  ];
};

async function upload(rows: (string | null)[][], query = '', headers = admin) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/reporting/forms/${form.id}/import${query}`,
    payload: writeCsv([HEAD(form.code), COLUMNS, ...rows]),
    headers: { ...headers, 'content-type': 'text/csv' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const submissions = async () =>
  Number(
    (
      await t.db
        .selectFrom('report_submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('form_id', '=', form.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await buildTestApp();
  const parkA = await insertZone(t.db, 'KCN Nhập A');
  const parkB = await insertZone(t.db, 'KCN Nhập B');
  a = await insertEnterprise(t.db, 'Công ty giấy A', parkA.id);
  b = await insertEnterprise(t.db, 'Công ty giấy B', parkB.id, { ownership: 'domestic' });
  form = await createMonthlyForm(t.db);
  admin = await signIn(t.app, (await insertUser(t.db, 'admin')).email);
  staffB = await signIn(t.app, (await insertUser(t.db, 'staff', { zoneIds: [parkB.id] })).email);
});
afterAll(() => t.close());
beforeEach(() => {
  vi.spyOn(clock, 'today').mockReturnValue('2026-11-05');
  vi.spyOn(clock, 'now').mockReturnValue(new Date('2026-11-05T03:00:00Z'));
});
afterEach(() => vi.restoreAllMocks());

describe('spreadsheet import of paper reports', () => {
  it('should refuse the whole file and list every bad row and column when some rows are wrong', async () => {
    const before = await submissions();
    const result = await upload([
      row(a.tax_code, '2026M10'),
      row('0999999999', '2026M10'),
      row(b.tax_code, '2026Q3'),
      row(b.tax_code, '2026M10', { revenue: 'năm triệu' }),
      row(a.tax_code, '2026M09', { foreign: '400', vn: '0' }),
      row(a.tax_code, '2026M10'),
      row(a.tax_code, '2026M11'),
    ]);
    expect(result.accepted).toBe(false);
    expect(result.submissions).toBe(0);
    const problems = result.problems.map((p: { row: number; column: string }) => [p.row, p.column]);
    expect(problems).toEqual(
      expect.arrayContaining([
        [4, 'tax_code'],
        [5, 'period'],
        [6, 'revenue'],
        [7, 'labour__nationality__foreign'],
        [8, 'tax_code'],
        [9, 'revenue'],
      ]),
    );
    expect(result.problems.find((p: { row: number }) => p.row === 4).message).toContain('0999999999');
    expect(await submissions()).toBe(before);
  });

  it('should check without writing on a dry run, then write every row in one go', async () => {
    const rows = [
      row(a.tax_code, '2026M10'),
      row(b.tax_code, '2026M10'),
      row(b.tax_code, '2026M11', { estimate: 'x' }),
    ];
    const dry = await upload(rows, '?dryRun=true');
    expect(dry).toMatchObject({ accepted: true, dryRun: true, rows: 3, submissions: 3 });
    expect(await submissions()).toBe(0);
    const done = await upload(rows);
    expect(done).toMatchObject({ accepted: true, dryRun: false, submissions: 3, values: 24 });
    expect(await submissions()).toBe(3);
    const history = await t.db
      .selectFrom('report_value_history')
      .select(['source', 'is_estimate'])
      .where('enterprise_id', '=', b.id)
      .execute();
    expect(new Set(history.map((h) => h.source))).toEqual(new Set(['import']));
    expect(history.filter((h) => h.is_estimate)).toHaveLength(8);
  });

  it("should report a row outside a staff member's zones as a problem of that row", async () => {
    const result = await upload([row(b.tax_code, '2026M09'), row(a.tax_code, '2026M09')], '', staffB);
    expect(result.accepted).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ row: 4, column: 'tax_code' })]);
  });

  it("should refuse a file that is not this form's template", async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/import`,
      payload: writeCsv([['#HEZA', 'zones', 'v1'], ['code'], ['x']]),
      headers: { ...admin, 'content-type': 'text/csv' },
    });
    expect(res.json()).toMatchObject({ accepted: false, problems: [expect.objectContaining({ row: 1 })] });
  });

  it('should import the XLSX template filled in by hand', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: `/api/reporting/forms/${form.id}/import-template?format=xlsx`,
      headers: admin,
    });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as string[]).slice(1);
    expect(header).toContain('Lao động – Lao động nước ngoài (labour__nationality__foreign)');
    ws.spliceRows(3, 1);
    const keys = header.map((h) => /\(([a-z0-9_]+)\)$/.exec(h)![1]!);
    const byKey: Record<string, string | number> = {
      tax_code: a.tax_code,
      period: '2026M09',
      revenue: 7000000,
      export: 3000000,
      import: 2000000,
      budget_payments: 900000000,
      labour: 300,
      labour__nationality__vn: 290,
      labour__nationality__foreign: 10,
      avg_income: 9500000,
    };
    ws.addRow(keys.map((k) => byKey[k] ?? null));
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/reporting/forms/${form.id}/import`,
      payload: buf,
      headers: {
        ...admin,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
    expect(res.json(), res.body).toMatchObject({ accepted: true, submissions: 1 });
  });
});
