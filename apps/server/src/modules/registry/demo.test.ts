import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/harness.ts';
import type { Db } from '../../db/client.ts';
import published from '../../db/seed/data/published-figures.json' with { type: 'json' };
import { seedDemo } from '../../db/seed/demo.ts';
import { dec, div, fmt } from './decimal.ts';
import { capitalSql, investmentStats, zonesSummary } from './stats.ts';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  await seedDemo(db);
});
afterAll(() => drop());

/** Decimals of a published number as printed (876.14 → 2, 21.4 → 1, 459 → 0). */
const places = (n: number) => (String(n).split('.')[1] ?? '').length;
/** An exact amount (USD or VND) in the published unit, rounded the way the figure is printed. */
const inUnit = (amount: string, unit: bigint, asPublished: number) =>
  Number(fmt(div(dec(amount), dec(unit)), places(asPublished)));
const M = 1_000_000n;
const BN = 1_000_000_000n;

const entries = published.investment.filter(
  (e) => e.year === 2024 && (e.ytdMonths === 10 || e.ytdMonths === 11),
);

describe('demo data calibrated to the published figures', () => {
  it('should have both 2024 entries to check', () => {
    expect(entries.map((e) => e.ytdMonths)).toEqual([10, 11]);
  });

  for (const pub of entries) {
    it(`should reproduce every FDI and DDI figure of 2024YTD${pub.ytdMonths} from the seeded ledger`, async () => {
      const stats = await investmentStats(db, { kind: 'all' }, { period: `2024YTD${pub.ytdMonths}` });
      const fdi = stats.rows.find((r) => r.investmentType === 'fdi')!;
      const ddi = stats.rows.find((r) => r.investmentType === 'ddi')!;
      const f = pub.fdi!;
      const d = pub.ddi!;
      const fdiRound = (amount: string, asPublished: number) => inUnit(amount, M, asPublished);
      const ddiRound = (amount: string, asPublished: number) => inUnit(amount, BN, asPublished);

      expect({ projects: fdi.new.projects, usd_m: fdiRound(fdi.new.usd, f.new.usd_m) }).toEqual(f.new);
      expect({
        projects: fdi.adjusted.projects,
        usd_m: fdiRound(fdi.adjusted.usd, f.adjusted.usd_m),
      }).toEqual(f.adjusted);
      if ('sharePurchase' in f && f.sharePurchase) {
        expect({
          projects: fdi.sharePurchase.projects,
          usd_m: fdiRound(fdi.sharePurchase.usd, f.sharePurchase.usd_m),
        }).toEqual(f.sharePurchase);
      }
      expect(fdiRound(fdi.total.usd, f.total_usd_m)).toBe(f.total_usd_m);
      expect({
        projects: fdi.cumulative.projects,
        usd_m: fdiRound(fdi.cumulative.usd, f.cumulative.usd_m),
      }).toEqual(f.cumulative);
      // The reports compute percentages from their rounded totals; so does this check.
      const pctOf = (rounded: number, base: string, asPublished: number) =>
        Number(fmt(div(dec(String(rounded)) * 100n, dec(base)), places(asPublished)));
      expect(fdi.plan?.value).toBe('2000.0000');
      expect(pctOf(f.total_usd_m, '2000', f.pctPlan)).toBe(f.pctPlan);
      expect(Math.abs((fdi.pctPlan ?? 0) - f.pctPlan)).toBeLessThan(0.051);
      if ('pctSamePeriodLastYear' in f && f.pctSamePeriodLastYear !== undefined) {
        expect(Math.round(fdi.pctSamePeriodLastYear ?? 0)).toBe(f.pctSamePeriodLastYear);
      }

      expect({ projects: ddi.new.projects, vnd_bn: ddiRound(ddi.new.vnd, d.new.vnd_bn) }).toEqual(d.new);
      expect({
        projects: ddi.adjusted.projects,
        vnd_bn: ddiRound(ddi.adjusted.vnd, d.adjusted.vnd_bn),
      }).toEqual(d.adjusted);
      expect(ddiRound(ddi.total.vnd, d.total_vnd_bn)).toBe(d.total_vnd_bn);
      expect({
        projects: ddi.cumulative.projects,
        vnd_bn: ddiRound(ddi.cumulative.vnd, d.cumulative.vnd_bn),
      }).toEqual(d.cumulative);
      if ('pctPlan' in d && d.pctPlan !== undefined) {
        expect(pctOf(d.total_vnd_bn, '10000', d.pctPlan)).toBe(d.pctPlan);
        expect(Math.abs((ddi.pctPlan ?? 0) - d.pctPlan)).toBeLessThan(0.051);
      }
      if ('pctSamePeriodLastYear' in d && d.pctSamePeriodLastYear !== undefined) {
        expect(Math.round(ddi.pctSamePeriodLastYear ?? 0)).toBe(d.pctSamePeriodLastYear);
      }
    });
  }

  it('should reproduce the first 10 months of 2023 used as "same period last year"', async () => {
    const pub = published.investment.find((e) => e.year === 2023)!;
    const stats = await investmentStats(db, { kind: 'all' }, { period: '2023YTD10' });
    const fdi = stats.rows.find((r) => r.investmentType === 'fdi')!;
    const ddi = stats.rows.find((r) => r.investmentType === 'ddi')!;
    expect(inUnit(fdi.total.usd, M, pub.fdi_total_usd_m!)).toBe(pub.fdi_total_usd_m);
    expect(inUnit(ddi.total.vnd, BN, pub.ddi_total_vnd_bn!)).toBe(pub.ddi_total_vnd_bn);
  });

  it('should reach the full-year 2024 press figures for FDI when December is included', async () => {
    const pub = published.investment.find((e) => e.year === 2024 && e.ytdMonths === 12)!;
    const fdi = (await investmentStats(db, { kind: 'all' }, { period: '2024' })).rows.find(
      (r) => r.investmentType === 'fdi',
    )!;
    expect(inUnit(fdi.total.usd, M, pub.fdi_total_usd_m!)).toBe(pub.fdi_total_usd_m);
    expect(inUnit(fdi.cumulative.usd, M, pub.fdi_cumulative_usd_m!)).toBe(pub.fdi_cumulative_usd_m);
  });

  it('should count 14 established parks of 6 101,95 ha at about 65 % occupancy in October and November 2024', async () => {
    for (const asOf of ['2024-10-31', '2024-11-30']) {
      const s = await zonesSummary(db, { kind: 'all' }, asOf);
      expect(s.established.count).toBe(14);
      expect(s.established.totalAreaHa).toBe('6101.95');
      expect(s.established.occupancyPct).toBe(65);
      expect(s.operating.count).toBe(9);
    }
  });

  it('should give the same stock from the yearly totals as from a full scan of the ledger', async () => {
    const keys = [sql`null::text`, sql`c.zone_id::text`, sql`c.country_code`, sql`left(c.vsic_code, 2)`];
    for (const asOf of ['2010-06-30', '2023-12-31', '2024-10-31', '2024-11-30', '2025-06-30']) {
      for (const key of keys) {
        const fast = await capitalSql(asOf, key, sql`true`).execute(db);
        const full = await capitalSql(asOf, key, sql`true`, { fullScan: true }).execute(db);
        const norm = (
          rows: { investment_type: string; key: string | null; projects: number; usd: string; vnd: string }[],
        ) => rows.map((r) => ({ ...r, usd: Number(r.usd).toFixed(2), vnd: Number(r.vnd).toFixed(0) }));
        expect(norm(fast.rows)).toEqual(norm(full.rows));
      }
    }
  });

  it('should load nothing twice when the demo seed runs again', async () => {
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('certificate_entries')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(1000);
    await seedDemo(db);
    expect(await count()).toBe(before);
  });

  it('should label every demo project and enterprise as demo', async () => {
    const unlabelled = await db
      .selectFrom('investment_projects')
      .select('project_code')
      .where((eb) => eb.or([eb('is_demo', '=', false), eb('name_vi', 'not like', '%(demo)%')]))
      .execute();
    expect(unlabelled).toEqual([]);
  });
});
