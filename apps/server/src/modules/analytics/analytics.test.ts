import { div, rational, toPlainDecimal } from '@heza/shared/exact';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import { systemCtx } from '../../platform/context.ts';
import { createProject } from '../registry/commands/create-project.ts';
import { seedUsdRate } from '../registry/testing.ts';
import { submitReport } from '../reporting/commands/submit-report.ts';
import { clock } from '../reporting/schedule.ts';
import { createMonthlyForm, insertEnterprise, insertUser, insertZone } from '../reporting/testing.ts';

let t: TestApp;
let form: { id: string };
let ez: { id: string };
let parkA1: { id: string };
let parkB: { id: string };
let e1: { id: string };
let e2: { id: string };
let e3: { id: string };
let admin: Record<string, string>;

interface Month {
  revenue: number;
  labour: number;
  foreign: number;
  income: number;
  estimate?: boolean;
}

/** Submits one month for an enterprise, with the clock set to `at`. */
async function report(enterpriseId: string, period: string, m: Month, at: string) {
  vi.spyOn(clock, 'today').mockReturnValue(at.slice(0, 10));
  vi.spyOn(clock, 'now').mockReturnValue(new Date(`${at}T03:00:00Z`));
  const estimate = m.estimate ?? false;
  const values = [
    { indicator: 'revenue', value: m.revenue, estimate },
    { indicator: 'export', value: m.revenue / 2, estimate },
    { indicator: 'import', value: m.revenue / 5, estimate },
    { indicator: 'budget_payments', value: m.revenue * 1000, estimate },
    { indicator: 'labour', value: m.labour, estimate },
    { indicator: 'labour', combo: 'nationality:vn', value: m.labour - m.foreign, estimate },
    { indicator: 'labour', combo: 'nationality:foreign', value: m.foreign, estimate },
    { indicator: 'avg_income', value: m.income, estimate },
  ];
  await submitReport(
    systemCtx(t.db, 'test'),
    { formId: form.id, enterpriseId, periodId: period },
    { values },
  );
  vi.restoreAllMocks();
}

beforeAll(async () => {
  t = await buildTestApp();
  ez = await insertZone(t.db, 'KKT Phân tích', { kind: 'economic_zone' });
  parkA1 = await insertZone(t.db, 'KCN Phân tích A1', { parentId: ez.id });
  parkB = await insertZone(t.db, 'KCN Phân tích B');
  e1 = await insertEnterprise(t.db, 'E1 Hàn Quốc', parkA1.id, {
    ownership: 'fdi',
    country: 'KR',
    vsic: '2610',
  });
  e2 = await insertEnterprise(t.db, 'E2 Trong nước', parkB.id, { ownership: 'domestic', vsic: '5210' });
  e3 = await insertEnterprise(t.db, 'E3 Nhật Bản', parkB.id, {
    ownership: 'fdi',
    country: 'JP',
    vsic: '2610',
  });
  form = await createMonthlyForm(t.db, { firstPeriod: '2024M01' });
  admin = await signIn(t.app, (await insertUser(t.db, 'admin')).email);

  // 2024 Q1: E1 and E2 only.
  for (const [i, r] of [80, 90, 100].entries()) {
    await report(
      e1.id,
      `2024M0${i + 1}`,
      { revenue: r, labour: 900, foreign: 40, income: 9_000_000 },
      `2024-0${i + 2}-05`,
    );
    await report(
      e2.id,
      `2024M0${i + 1}`,
      { revenue: 40, labour: 450, foreign: 0, income: 7_000_000 },
      `2024-0${i + 2}-05`,
    );
  }
  // 2025 Q1: E1 (March first as an estimate, then the actual), E2, E3 (no March).
  await report(
    e1.id,
    '2025M01',
    { revenue: 100, labour: 980, foreign: 50, income: 10_000_000 },
    '2025-02-05',
  );
  await report(
    e1.id,
    '2025M02',
    { revenue: 110, labour: 990, foreign: 50, income: 10_000_000 },
    '2025-03-05',
  );
  await report(
    e1.id,
    '2025M03',
    { revenue: 115, labour: 1000, foreign: 50, income: 10_000_000, estimate: true },
    '2025-03-25',
  );
  await report(
    e1.id,
    '2025M03',
    { revenue: 120, labour: 1000, foreign: 50, income: 10_000_000 },
    '2025-04-05',
  );
  for (const m of ['01', '02', '03']) {
    await report(
      e2.id,
      `2025M${m}`,
      { revenue: 50, labour: 500, foreign: 0, income: 8_000_000 },
      `2025-0${Number(m) + 1}-05`,
    );
  }
  for (const m of ['01', '02']) {
    await report(
      e3.id,
      `2025M${m}`,
      { revenue: 30, labour: 200, foreign: 10, income: 9_000_000 },
      `2025-0${Number(m) + 1}-05`,
    );
  }
  // Registry: an FDI project of E3 in 2024 and one of E1 in February 2025.
  await seedUsdRate(t.db);
  const ctx = systemCtx(t.db, 'test');
  await createProject(ctx, {
    projectCode: 'AN-P1',
    nameVi: 'Dự án E3',
    enterpriseId: e3.id,
    zoneId: parkB.id,
    investmentType: 'fdi',
    investors: [{ name: 'JP Investor', country: 'JP' }],
    vsicCode: '2610',
    firstEntry: {
      kind: 'new',
      certificateNo: 'AN-GCN-1',
      certificateDate: '2024-05-10',
      capitalChange: '5000000',
    },
  });
  await createProject(ctx, {
    projectCode: 'AN-P2',
    nameVi: 'Dự án E1',
    enterpriseId: e1.id,
    zoneId: parkA1.id,
    investmentType: 'fdi',
    investors: [{ name: 'KR Investor', country: 'KR' }],
    vsicCode: '2610',
    firstEntry: {
      kind: 'new',
      certificateNo: 'AN-GCN-2',
      certificateDate: '2025-02-10',
      capitalChange: '10000000',
    },
  });
  await t.db
    .insertInto('plans')
    .values([
      {
        indicator: 'revenue_usd_m',
        year_from: 2025,
        year_to: 2025,
        range_low: '0.0006',
        range_high: '0.0012',
        unit: 'usd_m',
        effective_from: '2025-01-01',
        decision_no: '12/QĐ-UBND',
        source: 'test',
      },
      {
        indicator: 'export_usd_m',
        year_from: 2025,
        year_to: 2025,
        value: '0.0003',
        unit: 'usd_m',
        effective_from: '2025-01-01',
        source: 'test',
      },
    ])
    .execute();
});
afterAll(() => t.close());
afterEach(() => vi.restoreAllMocks());

type Cell = {
  indicator: string;
  period: string;
  keys: Record<string, string | null>;
  value: string | null;
  [k: string]: unknown;
};

async function query(params: Record<string, string>, headers = admin) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/analytics/query?${new URLSearchParams(params)}`,
    headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    cells: Cell[];
    items: Record<string, { key: string; parentKey: string | null }[]>;
    notes: string[];
  };
}
const total = (cells: Cell[], indicator: string, period: string) =>
  cells.find((c) => c.indicator === indicator && c.period === period && Object.keys(c.keys).length === 0);

describe('aggregation rules', () => {
  it('should sum a flow over the months of a quarter and of the first N months', async () => {
    const r = await query({ indicators: 'revenue', periods: '2025Q1,2025YTD2,2025M03' });
    expect(total(r.cells, 'revenue', '2025Q1')?.value).toBe('540');
    expect(total(r.cells, 'revenue', '2025YTD2')?.value).toBe('370');
    expect(total(r.cells, 'revenue', '2025M03')?.value).toBe('170');
  });

  it('should read a stock at the last month of the period', async () => {
    const r = await query({ indicators: 'labour', periods: '2025Q1,2025M02' });
    // March: E1 1000 + E2 500; E3 did not report March (see the carry-forward test).
    expect(total(r.cells, 'labour', '2025Q1')).toMatchObject({ value: '1500', reports: 2, reporting: 2 });
    expect(total(r.cells, 'labour', '2025M02')).toMatchObject({ value: '1690', reports: 3 });
  });

  it('should average income weighted by labour over enterprises and months', async () => {
    const r = await query({ indicators: 'avg_income', periods: '2025Q1' });
    const expected = div(
      rational(10_000_000 * 2970 + 8_000_000 * 1500 + 9_000_000 * 400),
      rational(2970 + 1500 + 400),
    );
    expect(total(r.cells, 'avg_income', '2025Q1')?.value).toBe(toPlainDecimal(expected, 6));
    expect(total(r.cells, 'avg_income', '2025Q1')?.displayValue).toBe('9.30');
  });

  it('should compute a formula indicator from its operands', async () => {
    const r = await query({ indicators: 'trade_balance', periods: '2025Q1', dimensions: 'zone' });
    expect(total(r.cells, 'trade_balance', '2025Q1')?.value).toBe('162'); // 540/2 − 540/5
    const b = r.cells.find((c) => c.keys.zone === parkB.id);
    expect(b?.value).toBe('63'); // (150 + 60) × 0.3
  });

  it('should break labour down by nationality', async () => {
    const r = await query({
      indicators: 'labour',
      periods: '2025Q1',
      dimensions: 'disaggregation:nationality',
    });
    const part = (k: string) => r.cells.find((c) => c.keys['disaggregation:nationality'] === k)?.value;
    // At the end of March: E1 950 + 50, E2 500 + 0 (E3 did not report March).
    expect(part('vn')).toBe('1450');
    expect(part('foreign')).toBe('50');
  });
});

describe('dimensions', () => {
  it('should roll parks up into the economic zone that contains them', async () => {
    const r = await query({ indicators: 'revenue', periods: '2025Q1', dimensions: 'zone' });
    const zone = (id: string) => r.cells.find((c) => c.keys.zone === id)?.value;
    expect(zone(parkA1.id)).toBe('330');
    expect(zone(ez.id)).toBe('330');
    expect(zone(parkB.id)).toBe('210');
    expect(r.items.zone?.find((z) => z.key === parkA1.id)?.parentKey).toBe(ez.id);
  });

  it('should split by FDI/DDI, investor country and sector', async () => {
    const r = await query({ indicators: 'revenue', periods: '2025Q1', dimensions: 'investmentType,country' });
    const at = (type: string, country: string) =>
      r.cells.find((c) => c.keys.investmentType === type && c.keys.country === country)?.value;
    expect(at('fdi', 'KR')).toBe('330');
    expect(at('fdi', 'JP')).toBe('60');
    expect(at('ddi', 'VN')).toBe('150');
    const s = await query({
      indicators: 'revenue',
      periods: '2025Q1',
      dimensions: 'sector',
      investmentType: 'fdi',
    });
    expect(s.cells.find((c) => c.keys.sector === '26')?.value).toBe('390');
  });
});

describe('measures', () => {
  it('should compare with the same period last year', async () => {
    const r = await query({
      indicators: 'revenue',
      periods: '2025Q1',
      measures: 'samePeriodLastYear,changePct',
    });
    expect(total(r.cells, 'revenue', '2025Q1')).toMatchObject({
      samePeriodLastYear: '390',
      changePct: 38.46,
    });
  });

  it('should give the % of plan against a value and against both ends of a range, with the plan source', async () => {
    const r = await query({ indicators: 'revenue,export', periods: '2025Q1', measures: 'planPct' });
    expect(total(r.cells, 'revenue', '2025Q1')).toMatchObject({
      planPct: 90,
      planPctRange: [45, 90],
      plan: expect.objectContaining({ rangeLow: '600', rangeHigh: '1200', decisionNo: '12/QĐ-UBND' }),
    });
    expect(total(r.cells, 'export', '2025Q1')).toMatchObject({
      planPct: 90,
      plan: expect.objectContaining({ value: '300' }),
    });
  });

  it('should not give a plan % to a part of the authority (a zone or a filter)', async () => {
    const r = await query({
      indicators: 'revenue',
      periods: '2025Q1',
      measures: 'planPct',
      zoneIds: parkB.id,
    });
    expect(total(r.cells, 'revenue', '2025Q1')).toMatchObject({ value: '210', planPct: null, plan: null });
  });

  it('should give the cumulative from the start of the year', async () => {
    const r = await query({ indicators: 'revenue,labour', periods: '2025M02', measures: 'cumulative' });
    expect(total(r.cells, 'revenue', '2025M02')?.cumulative).toBe('370');
    expect(total(r.cells, 'labour', '2025M02')?.cumulative).toBeNull();
  });
});

describe('estimates', () => {
  it('should carry forward the last value of an enterprise that did not report, flagged with its share', async () => {
    const plain = await query({ indicators: 'revenue', periods: '2025Q1' });
    expect(total(plain.cells, 'revenue', '2025Q1')).toMatchObject({ value: '540', imputedShare: null });
    const r = await query({ indicators: 'revenue,labour', periods: '2025Q1', estimates: 'carry_forward' });
    // E3's March is estimated from its February (30).
    expect(total(r.cells, 'revenue', '2025Q1')).toMatchObject({
      value: '570',
      imputed: 1,
      imputedShare: 5.26,
    });
    // The stock at the end of March: E3 is carried forward from February (200).
    expect(total(r.cells, 'labour', '2025Q1')).toMatchObject({
      value: '1700',
      imputed: 1,
      imputedShare: 11.76,
    });
    expect(r.notes.join(' ')).toContain('chuyển tiếp');
  });

  it('should show figures as they were known at a moment, estimates included, and the actuals now', async () => {
    // On 31 March E1's March was an estimate (115) and E2 had not yet reported March.
    const before = await query({ indicators: 'revenue', periods: '2025Q1', asOf: '2025-03-31' });
    expect(total(before.cells, 'revenue', '2025Q1')).toMatchObject({ value: '485', estimateShare: 23.71 });
    const now = await query({ indicators: 'revenue', periods: '2025Q1' });
    expect(total(now.cells, 'revenue', '2025Q1')).toMatchObject({ value: '540', estimateShare: 0 });
  });

  it('should show a new submission at once, with no refresh', async () => {
    const before = total(
      (await query({ indicators: 'revenue', periods: '2025M03' })).cells,
      'revenue',
      '2025M03',
    );
    await report(
      e3.id,
      '2025M03',
      { revenue: 45, labour: 210, foreign: 10, income: 9_000_000 },
      '2025-04-20',
    );
    const after = total(
      (await query({ indicators: 'revenue', periods: '2025M03' })).cells,
      'revenue',
      '2025M03',
    );
    expect(Number(after?.value) - Number(before?.value)).toBe(45);
  });
});

describe('registry indicators', () => {
  it('should count FDI attracted in a period and the registered capital to date as its cumulative', async () => {
    const r = await query({
      indicators: 'fdi_attracted_usd,fdi_valid_projects',
      periods: '2025Q1',
      measures: 'cumulative,samePeriodLastYear',
    });
    expect(total(r.cells, 'fdi_attracted_usd', '2025Q1')).toMatchObject({
      value: '10000000',
      cumulative: '15000000',
      displayValue: '10.00',
    });
    expect(total(r.cells, 'fdi_valid_projects', '2025Q1')?.value).toBe('2');
    const z = await query({ indicators: 'fdi_attracted_usd', periods: '2024', dimensions: 'zone' });
    expect(z.cells.find((c) => c.keys.zone === parkB.id)?.value).toBe('5000000');
  });
});

describe('jurisdiction', () => {
  it("should narrow a staff member's figures to their zones", async () => {
    const staff = await signIn(t.app, (await insertUser(t.db, 'staff', { zoneIds: [ez.id] })).email);
    const r = await query(
      { indicators: 'revenue', periods: '2025Q1', dimensions: 'zone', measures: 'planPct' },
      staff,
    );
    expect(total(r.cells, 'revenue', '2025Q1')).toMatchObject({ value: '330', planPct: null });
    expect(r.cells.some((c) => c.keys.zone === parkB.id)).toBe(false);
  });

  it("should show an enterprise user only its own enterprise's figures", async () => {
    const user = await signIn(t.app, (await insertUser(t.db, 'enterprise', { enterpriseId: e2.id })).email);
    const r = await query({ indicators: 'revenue,fdi_attracted_usd', periods: '2025Q1' }, user);
    expect(total(r.cells, 'revenue', '2025Q1')?.value).toBe('150');
    expect(total(r.cells, 'fdi_attracted_usd', '2025Q1')?.value).toBeNull();
  });
});

describe('bad queries', () => {
  it('should name an unknown indicator', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/query?indicators=revenue,nope&periods=2025',
      headers: admin,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('indicators.1');
  });

  it('should name a malformed period', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/query?indicators=revenue&periods=2025M3',
      headers: admin,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toMatch(/^query\.periods/);
  });
});

describe('headline and export', () => {
  it('should write the headline sentence from the figures', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/headline?period=2025Q1',
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const revenue = res.json().figures.find((f: { indicator: string }) => f.indicator === 'revenue');
    // 585 USD against 390 a year before, and a plan of 600–1 200 USD.
    expect(revenue.sentenceVi).toBe(
      'Doanh thu: đạt 0 triệu USD, bằng 150% so với cùng kỳ năm 2024, đạt 48,8%–97,5% kế hoạch năm.',
    );
    const labour = res.json().figures.find((f: { indicator: string }) => f.indicator === 'labour');
    expect(labour.sentenceVi).toContain(
      '; trong đó lao động Việt Nam 1.650 người, lao động nước ngoài 60 người.',
    );
  });

  it('should export the pivot as CSV with zones as rows and periods as columns', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/export?format=csv&indicators=labour&periods=2025M01,2025M02&dimensions=zone&rows=zone&columns=period',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[1]).toContain('Tháng 1/2025');
    expect(lines.some((l) => l.startsWith('Tổng số') && l.includes('1680') && l.includes('1690'))).toBe(true);
  });
});
