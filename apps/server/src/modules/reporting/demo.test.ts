import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';
import published from '../../db/seed/data/published-figures.json' with { type: 'json' };
import { DEMO_PASSWORD, seedDemo } from '../../db/seed/demo.ts';
import { PUBLISHED_AS_OF, seedReportingDemo } from './seed.ts';

let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  // db/seed/demo.ts loads the reporting demo after the registry's; load it here too in case it does not.
  await seedDemo(t.db);
  await seedReportingDemo(t.db);
  admin = await signIn(t.app, 'admin@heza.demo', DEMO_PASSWORD);
}, 180_000);
afterAll(() => t.close());

type Cell = {
  indicator: string;
  period: string;
  keys: Record<string, string | null>;
  value: string | null;
  displayValue: string | null;
  [k: string]: unknown;
};

async function figures(indicators: string, period: string, extra: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/analytics/query?${new URLSearchParams({ indicators, periods: period, ...extra })}`,
    headers: admin,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().cells as Cell[];
}
const totalOf = (cells: Cell[], indicator: string) =>
  cells.find((c) => c.indicator === indicator && Object.keys(c.keys).length === 0)!;
/** A base-unit value in millions (USD) or billions (VND), rounded as the figure is printed (0 decimals). */
const inMillions = (v: string | null) => Math.round(Number(v) / 1e6);
const inBillions = (v: string | null) => Math.round(Number(v) / 1e9);

const business = (year: number, months: number) =>
  published.businessResults.find((b) => b.year === year && b.ytdMonths === months)!;

describe('reporting demo data calibrated to the published figures', () => {
  // Its speed is measured in bench/suites/analytics-pivot.ts (speed targets live in benchmarks).
  it('should load reports for the demo enterprises and write nothing the second time', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('report_values')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(10_000);
    expect(await seedReportingDemo(t.db)).toBeNull();
    expect(await count()).toBe(before);
  });

  it('should reproduce revenue, exports, imports and budget payments of the first 9 months of 2023 (actuals)', async () => {
    const pub = business(2023, 9);
    const cells = await figures('revenue,export,import,budget_payments', '2023YTD9');
    expect({
      revenue: inMillions(totalOf(cells, 'revenue').value),
      export: inMillions(totalOf(cells, 'export').value),
      import: inMillions(totalOf(cells, 'import').value),
      budget: inBillions(totalOf(cells, 'budget_payments').value),
    }).toEqual({
      revenue: pub.revenue_usd_m,
      export: pub.export_usd_m,
      import: pub.import_usd_m,
      budget: pub.budget_vnd_bn,
    });
    expect(totalOf(cells, 'revenue').estimateShare).toBe(0);
  });

  it('should reproduce the 2024 9-month estimates as known when published, with the published year-on-year change', async () => {
    const pub = business(2024, 9);
    const cells = await figures('revenue,export,import,budget_payments', '2024YTD9', {
      asOf: PUBLISHED_AS_OF.ytd9_2024,
      measures: 'samePeriodLastYear,changePct',
    });
    expect({
      revenue: inMillions(totalOf(cells, 'revenue').value),
      export: inMillions(totalOf(cells, 'export').value),
      import: inMillions(totalOf(cells, 'import').value),
      budget: inBillions(totalOf(cells, 'budget_payments').value),
    }).toEqual({
      revenue: pub.revenue_usd_m,
      export: pub.export_usd_m,
      import: pub.import_usd_m,
      budget: pub.budget_vnd_bn,
    });
    // "bằng 116% so với cùng kỳ" = +16 %, and so on, rounded as printed.
    const ratio = (code: string) => Math.round(100 + (totalOf(cells, code).changePct as number));
    expect({
      revenue: ratio('revenue'),
      export: ratio('export'),
      import: ratio('import'),
      budget: ratio('budget_payments'),
    }).toEqual(pub.pctSamePeriodLastYear);
    // It was an estimate: September's values were estimates then.
    expect(totalOf(cells, 'revenue').estimateShare).toBeGreaterThan(5);
  });

  it('should give the actuals that later replaced the 9-month estimates when read now', async () => {
    const cells = await figures('revenue', '2024YTD9');
    const now = inMillions(totalOf(cells, 'revenue').value);
    expect(now).not.toBe(business(2024, 9).revenue_usd_m);
    expect(Math.abs(now - business(2024, 9).revenue_usd_m)).toBeLessThan(100);
    expect(totalOf(cells, 'revenue').estimateShare).toBe(0);
  });

  it('should reproduce the 2024 11-month estimates and compute the % of plan the report got wrong', async () => {
    const pub = business(2024, 11);
    const cells = await figures('revenue,export,import,budget_payments', '2024YTD11', {
      asOf: PUBLISHED_AS_OF.ytd11_2024,
      measures: 'planPct',
    });
    expect({
      revenue: inMillions(totalOf(cells, 'revenue').value),
      export: inMillions(totalOf(cells, 'export').value),
      import: inMillions(totalOf(cells, 'import').value),
      budget: inBillions(totalOf(cells, 'budget_payments').value),
    }).toEqual({
      revenue: pub.revenue_usd_m,
      export: pub.export_usd_m,
      import: pub.import_usd_m,
      budget: pub.budget_vnd_bn,
    });
    const plan = (code: string) =>
      published.plans.find((p) => p.year === 2024 && p.indicator === code)!.value!;
    expect(totalOf(cells, 'budget_payments').planPct).toBeCloseTo(
      (pub.budget_vnd_bn / plan('budget_vnd_bn')) * 100,
      1,
    );
    expect(totalOf(cells, 'budget_payments').planPct).toBeGreaterThan(100); // the report printed 92,54 %
    expect(totalOf(cells, 'revenue').planPct).toBeCloseTo(
      (pub.revenue_usd_m / plan('revenue_usd_m')) * 100,
      1,
    );
  });

  it('should reproduce the 2024 year estimate of revenue, exports and imports as known in late December', async () => {
    const pub = published.businessResults.find((b) => b.year === 2024 && b.ytdMonths === 12)!;
    const cells = await figures('revenue,export,import', '2024', { asOf: PUBLISHED_AS_OF.year_2024 });
    expect({
      revenue: inMillions(totalOf(cells, 'revenue').value),
      export: inMillions(totalOf(cells, 'export').value),
      import: inMillions(totalOf(cells, 'import').value),
    }).toEqual({ revenue: pub.revenue_usd_m, export: pub.export_usd_m, import: pub.import_usd_m });
  });

  it('should reproduce labour at December 2023, Vietnamese and foreign', async () => {
    const pub = published.labour.find((l) => l.asOf === '2023-12')!;
    const cells = await figures('labour', '2023M12', { dimensions: 'disaggregation:nationality' });
    const part = (k: string) => Number(cells.find((c) => c.keys['disaggregation:nationality'] === k)!.value);
    expect({ vietnamese: part('vn'), foreign: part('foreign') }).toEqual({
      vietnamese: pub.vietnamese,
      foreign: pub.foreign,
    });
    expect(Number(totalOf(cells, 'labour').value)).toBe(pub.vietnamese + pub.foreign);
  });

  it('should reproduce labour at November 2024 as published, with the change against 2023', async () => {
    const pub = published.labour.find((l) => l.asOf === '2024-11')!;
    const cells = await figures('labour', '2024M11', {
      dimensions: 'disaggregation:nationality',
      asOf: PUBLISHED_AS_OF.ytd11_2024,
    });
    const part = (k: string) => Number(cells.find((c) => c.keys['disaggregation:nationality'] === k)!.value);
    expect({
      total: Number(totalOf(cells, 'labour').value),
      vietnamese: part('vn'),
      foreign: part('foreign'),
    }).toEqual({
      total: pub.total,
      vietnamese: pub.vietnamese,
      foreign: pub.foreign,
    });
    const dec2023 = published.labour.find((l) => l.asOf === '2023-12')!;
    const change = (now: number, before: number) => Math.round(((now - before) / before) * 1000) / 10;
    // The report compares with the end of 2023 (its parts' percentages are truncated, not rounded: 13,9 and −2,1).
    expect(change(pub.total!, dec2023.vietnamese + dec2023.foreign)).toBe(pub.pctChangeVsPrevYear!.total);
  });

  it('should reproduce the average income of the first 11 months of 2024, weighted by labour', async () => {
    const pub = published.labour.find((l) => l.asOf === '2024-11')!;
    const cells = await figures('avg_income', '2024YTD11', { asOf: PUBLISHED_AS_OF.ytd11_2024 });
    expect(totalOf(cells, 'avg_income').displayValue).toBe(pub.avgIncome_vnd_m_per_month!.toFixed(2));
  });

  it('should show the headline of the 11-month report with the sentence a report prints', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/analytics/headline?period=2024YTD11&asOf=${PUBLISHED_AS_OF.ytd11_2024}`,
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const revenue = res.json().figures.find((f: { indicator: string }) => f.indicator === 'revenue');
    expect(revenue.sentenceVi).toMatch(
      /^Doanh thu: ước đạt 29\.592 triệu USD, bằng \d+(,\d)?% so với cùng kỳ năm 2023, đạt 92,85% kế hoạch năm\.$/,
    );
  });
});
