/**
 * The reporting demo data: a monthly business report form ("Báo cáo tình hình sản xuất kinh doanh hằng tháng")
 * and the monthly reports of the registry's demo enterprises from January 2023 to the current month, with the
 * estimate-then-actual history of each value, bulk-inserted (deterministic: seeded PRNG).
 *
 * CALIBRATED so analytics reproduce published-figures.json:
 * - revenue, exports, imports and budget payments of the first 9 months of 2023 (actuals, read now);
 * - the same of the first 9 months of 2024 and of the first 11 months of 2024 AS PUBLISHED: those figures were
 *   estimates ("ước"), so they are reproduced "as known at" the day the report was compiled (25/9/2024 and
 *   25/11/2024, asOf in the analytics API): actuals of the earlier months plus the estimates of the last one.
 *   The actuals that later replaced those estimates differ slightly (−1 % … +1.5 %), as in life;
 * - revenue, exports and imports of 2024 as of 25/12/2024 (the press article's estimate). Its budget figure
 *   (12 350 billion VND) is below the 11-month one (12 487) and cannot be met with non-negative December
 *   payments, so it is not calibrated;
 * - labour at December 2023 (actual) and November 2024 (as of 25/11/2024), Vietnamese and foreign;
 * - average income 11.52 million VND per person per month over the first 11 months of 2024, weighted by labour.
 *
 * Method: a monthly total per indicator is fixed first (the published totals split over months with a seasonal
 * profile; other months follow the trend), then each month's total is split over the enterprises that report
 * that month in proportion to a size drawn from their registered capital × noise, exactly to the cent (the
 * rounding residue goes to the largest share). Enterprises report from their first registration, stop at
 * termination; about 7 % never report, a few months are missed and a fifth of the other reports start as estimates, so completeness and carry-forward estimates
 * have something to show. Idempotent: nothing is written when the demo form has reports already.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { systemCtx } from '../../platform/context.ts';
import { mainZoneSql } from './dims.ts';
import { addDays, clock } from './schedule.ts';

export const DEMO_FORM_CODE = 'BM-SXKD-THANG';
/** The enterprise behind doanhnghiep@heza.demo (db/seed/demo.ts). */
const DEMO_ACCOUNT_TAX_CODE = '0200000001';

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Published totals (millions of USD; billions of VND for the budget). */
const PUBLISHED = {
  ytd9_2023: { revenue: 20464, export: 16837, import: 14008, budget_payments: 8607 },
  ytd9_2024: { revenue: 23797, export: 20627, import: 16510, budget_payments: 9306 },
  ytd11_2024: { revenue: 29592, export: 24806, import: 19651, budget_payments: 12487 },
  year_2024: { revenue: 33500, export: 28500, import: 22800 } as Record<string, number>,
  labour_2023_12: { vn: 172210, foreign: 4862 },
  labour_2024_11: { vn: 196277, foreign: 4757 },
  income_2024_ytd11: 11_520_000,
} as const;
/** When the published estimates were compiled: the analytics "as known at" these dates reproduce them. */
export const PUBLISHED_AS_OF = {
  ytd9_2024: '2024-09-25',
  ytd11_2024: '2024-11-25',
  year_2024: '2024-12-25',
} as const;

const FLOWS = ['revenue', 'export', 'import', 'budget_payments'] as const;
type Flow = (typeof FLOWS)[number];
/** Minor units per published unit: cents of a million USD; whole VND of a billion VND. */
const SCALE: Record<Flow, bigint> = {
  revenue: 100_000_000n,
  export: 100_000_000n,
  import: 100_000_000n,
  budget_payments: 1_000_000_000n,
};
/** Minor units per stored unit (values are stored in USD with cents, VND whole). */
const MINOR: Record<Flow, number> = { revenue: 2, export: 2, import: 2, budget_payments: 0 };
/** Seasonal profile of a year (Tết lowers January–February, the year-end is strong). */
const SEASON = [0.86, 0.8, 1.0, 1.0, 1.02, 1.03, 1.04, 1.05, 1.06, 1.08, 1.1, 1.16];

interface Month {
  /** 'YYYY-MM' */
  ym: string;
  year: number;
  month: number;
  start: string;
  end: string;
}

function monthsBetween(from: string, to: string): Month[] {
  const out: Month[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    const mm = String(m).padStart(2, '0');
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    out.push({ ym: `${y}-${mm}`, year: y, month: m, start: `${y}-${mm}-01`, end: `${y}-${mm}-${last}` });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Splits `total` into parts proportional to `weights`, exactly (residue on the largest part). */
function splitExact(total: bigint, weights: number[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!weights.length || sum <= 0) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * BigInt(Math.round((w / sum) * 1e12))) / 1_000_000_000_000n);
  let largest = 0;
  parts.forEach((p, i) => {
    if (p > parts[largest]!) largest = i;
  });
  parts[largest] = parts[largest]! + (total - parts.reduce((a, b) => a + b, 0n));
  return parts;
}

/** A minor-unit integer as a decimal string with `places` decimals. */
function minorText(v: bigint, places: number): string {
  if (places === 0) return v.toString();
  const neg = v < 0n;
  const a = neg ? -v : v;
  const s = a.toString().padStart(places + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** x × num ÷ den on minor units (BigInt), for ratios given as decimals. */
function scale(x: bigint, ratio: number): bigint {
  return (x * BigInt(Math.round(ratio * 1e9))) / 1_000_000_000n;
}

/**
 * Monthly totals of a flow in minor units: actuals for every month, estimates where they are calibrated. Group
 * totals are split exactly, so the published sums hold to the cent whatever the rounding of single months.
 */
function flowTotals(
  flow: Flow,
  months: Month[],
): { actual: Map<string, bigint>; estimate: Map<string, bigint> } {
  const actual = new Map<string, bigint>();
  const estimate = new Map<string, bigint>();
  const unit = SCALE[flow];
  const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;
  const sumW = (a: number, b: number) => SEASON.slice(a - 1, b).reduce((x, y) => x + y, 0);
  // 2023: the first nine months add up to the published figure; the rest follow the same profile.
  const p23 = BigInt(PUBLISHED.ytd9_2023[flow]) * unit;
  for (const [i, v] of splitExact(p23, SEASON.slice(0, 9)).entries()) actual.set(ym(2023, i + 1), v);
  for (let m = 10; m <= 12; m++) actual.set(ym(2023, m), scale(p23, SEASON[m - 1]! / sumW(1, 9)));
  // 2024: Jan–Aug actuals and the September estimate make the 9-month figure; the 11-month figure is Jan–Oct
  // actuals plus the November estimate; the year figure (where calibrated) adds the December estimate.
  const p9 = BigInt(PUBLISHED.ytd9_2024[flow]) * unit;
  const x8 = scale(p9, sumW(1, 8) / sumW(1, 9));
  for (const [i, v] of splitExact(x8, SEASON.slice(0, 8)).entries()) actual.set(ym(2024, i + 1), v);
  const e9 = p9 - x8;
  const a9 = scale(e9, 1.008);
  const a10 = scale(e9, SEASON[9]! / SEASON[8]!);
  const e11 = BigInt(PUBLISHED.ytd11_2024[flow]) * unit - x8 - a9 - a10;
  const a11 = scale(e11, 0.994);
  const year = PUBLISHED.year_2024[flow];
  const e12 =
    year !== undefined ? BigInt(year) * unit - x8 - a9 - a10 - a11 : scale(a11, SEASON[11]! / SEASON[10]!);
  estimate.set('2024-09', e9);
  estimate.set('2024-11', e11);
  estimate.set('2024-12', e12);
  actual.set('2024-09', a9);
  actual.set('2024-10', a10);
  actual.set('2024-11', a11);
  actual.set('2024-12', scale(e12, 1.006));
  // Later years: the 2024 profile (without its calibrated year-end jumps) and the trend.
  for (const m of months) {
    if (m.year < 2025) continue;
    // Trend, and a deterministic wobble so year-on-year changes differ from month to month.
    const wobble = 1 + ((((m.month * 7 + m.year * 3) % 11) - 5) / 100) * (flow === 'budget_payments' ? 2 : 1);
    const growth = 1.09 ** (m.year - 2024) * (1 + (m.month - 1) * 0.004) * 1.04 * wobble;
    actual.set(m.ym, scale(x8, (SEASON[m.month - 1]! / sumW(1, 8)) * growth));
  }
  return { actual, estimate };
}

/** Labour totals (Vietnamese, foreign) of each month; November 2024 also as its estimate. */
function labourTotals(months: Month[]) {
  const dec23 = PUBLISHED.labour_2023_12;
  const nov24 = PUBLISHED.labour_2024_11;
  const vn = new Map<string, number>();
  const foreign = new Map<string, number>();
  const index = (m: Month) => (m.year - 2023) * 12 + m.month; // Dec 2023 = 12, Nov 2024 = 23
  for (const m of months) {
    const i = index(m);
    let v: number;
    let f: number;
    if (i <= 12) {
      v = dec23.vn * (1 - (12 - i) * 0.0065);
      f = dec23.foreign * (1 - (12 - i) * 0.002);
    } else if (i <= 23) {
      v = dec23.vn + ((nov24.vn - dec23.vn) * (i - 12)) / 11;
      f = dec23.foreign + ((nov24.foreign - dec23.foreign) * (i - 12)) / 11;
    } else {
      v = nov24.vn * (1 + (i - 23) * 0.0055);
      f = nov24.foreign * (1 + (i - 23) * 0.002);
    }
    vn.set(m.ym, Math.round(v));
    foreign.set(m.ym, Math.round(f));
  }
  return { vn, foreign };
}

interface DemoEnterprise {
  id: string;
  /** The enterprise of the demo enterprise account: it always reports, but not yet this month. */
  account: boolean;
  fdi: boolean;
  start: string;
  stop: string | null;
  size: number;
  foreignShare: number;
  exportShare: number;
  importShare: number;
  income: number;
  never: boolean;
  dimsId: number;
}

/** Calibrated months: every reporting enterprise sends an estimate first, then the actual. */
const CALIBRATED_ESTIMATES = new Set(['2024-09', '2024-11', '2024-12']);

/** Loads the reporting demo data (see the file comment); returns what it wrote, or null when it exists. */
export async function seedReportingDemo(
  db: Db,
): Promise<{ reports: number; values: number; history: number } | null> {
  return db.transaction().execute(async (tx) => {
    const form = await demoForm(tx);
    const exists = await tx
      .selectFrom('report_submissions')
      .select('id')
      .where('form_id', '=', form)
      .limit(1)
      .executeTakeFirst();
    if (exists) return null;
    const counts = await seedReports(tx, form);
    if (counts) {
      await recordAudit(tx, systemCtx(db, 'demo-seed'), {
        action: 'reporting.demo.seed',
        entityType: 'reporting',
        after: counts,
      });
    }
    return counts;
  });
}

/** The demo form with its indicators and rules (created once). */
async function demoForm(tx: Tx): Promise<string> {
  const found = await tx
    .selectFrom('report_forms')
    .select('id')
    .where('code', '=', DEMO_FORM_CODE)
    .executeTakeFirst();
  if (found) return found.id;
  const form = await tx
    .insertInto('report_forms')
    .values({
      code: DEMO_FORM_CODE,
      name_vi: 'Báo cáo tình hình sản xuất kinh doanh hằng tháng (dữ liệu mẫu)',
      name_en: 'Monthly business report (demo data)',
      description_vi:
        'Doanh nghiệp trong KCN, KKT báo cáo hằng tháng: ước thực hiện tháng (trước ngày 25) và số thực hiện (trước ngày 10 tháng sau).',
      period_type: 'month',
      due_after_days: 10,
      lock_after_days: 45,
      first_period: '2023M01',
      target_mode: 'filter',
      is_demo: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ids = await tx.selectFrom('indicators').select(['id', 'code']).execute();
  const id = (code: string) => ids.find((i) => i.code === code)!.id;
  const sections = [
    ['revenue', 'I. Kết quả sản xuất kinh doanh', true],
    ['export', 'I. Kết quả sản xuất kinh doanh', true],
    ['import', 'I. Kết quả sản xuất kinh doanh', true],
    ['budget_payments', 'II. Nghĩa vụ với ngân sách nhà nước', true],
    ['labour', 'III. Lao động và thu nhập', true],
    ['avg_income', 'III. Lao động và thu nhập', true],
    ['implemented_capital', 'IV. Vốn đầu tư thực hiện', false],
  ] as const;
  // Indicators already on another active form stay there (one indicator, one form).
  const taken = new Set(
    (
      await tx
        .selectFrom('report_form_indicators as l')
        .innerJoin('report_forms as f', 'f.id', 'l.form_id')
        .select('l.indicator_id')
        .where('f.active', '=', true)
        .execute()
    ).map((r) => r.indicator_id),
  );
  const rows = sections
    .filter(([code]) => !taken.has(id(code)))
    .map(([code, section, required], position) => ({
      form_id: form.id,
      indicator_id: id(code),
      position,
      required,
      section_vi: section,
    }));
  if (rows.length) await tx.insertInto('report_form_indicators').values(rows).execute();
  await tx
    .insertInto('validation_rules')
    .values([
      {
        form_id: form.id,
        code: 'NN-LE-TONG',
        left_expr: 'labour[nationality:foreign]',
        operator: 'le',
        right_expr: 'labour',
        severity: 'blocking',
        message_vi: 'Số lao động nước ngoài không được lớn hơn tổng số lao động.',
        message_en: 'Foreign workers cannot outnumber all workers.',
        position: 1,
      },
      {
        form_id: form.id,
        code: 'XK-LE-DT',
        left_expr: 'export',
        operator: 'le',
        right_expr: 'revenue * 1.5',
        severity: 'warning',
        message_vi: 'Kim ngạch xuất khẩu lớn hơn 150% doanh thu: đề nghị kiểm tra lại.',
        message_en: 'Exports exceed 150% of revenue: please check.',
        position: 2,
      },
      {
        form_id: form.id,
        code: 'TN-KHOANG',
        left_expr: 'avg_income',
        operator: 'ratio_between',
        right_expr: '1000000',
        ratio_min: '3',
        ratio_max: '150',
        severity: 'warning',
        message_vi:
          'Thu nhập bình quân ngoài khoảng 3–150 triệu đồng/người/tháng: đề nghị kiểm tra đơn vị tính.',
        message_en: 'Average income outside 3–150 million VND per person per month: please check the unit.',
        position: 3,
      },
    ])
    .execute();
  return form.id;
}

/** Writes the submissions, values and history of every demo enterprise and month. */
async function seedReports(tx: Tx, formId: string) {
  const today = clock.today();
  const now = clock.now();
  const rand = prng(20230101);
  const rows = await sql<{
    id: string;
    tax_code: string;
    ownership: string;
    start: string | null;
    stop: string | null;
    capital: string | null;
    zone_id: string | null;
    vsic: string | null;
    country: string | null;
  }>`
    select e.id, e.tax_code, e.ownership,
      min(c.effective_date) filter (where c.kind in ('new', 'transfer_in'))::text as start,
      max(c.effective_date) filter (where c.kind in ('termination', 'transfer_out'))::text as stop,
      coalesce(sum(c.change_usd), 0)::text as capital,
      ${mainZoneSql('e')} as zone_id,
      coalesce(e.main_vsic_code, min(p.vsic_code)) as vsic,
      coalesce(e.investor_countries[1], min(p.country_code)) as country
    from enterprises e
    join investment_projects p on p.enterprise_id = e.id and p.is_demo
    join certificate_entries c on c.project_id = p.id
    where e.status = 'active'
    group by e.id
    order by e.tax_code`.execute(tx);
  if (!rows.rows.length) return null;

  // Dimension rows for every enterprise in one statement.
  const dimsRows = await sql<{ id: string; dims_id: number }>`
    with src as (
      select * from unnest(${rows.rows.map((r) => r.id)}::uuid[], ${rows.rows.map((r) => r.zone_id)}::uuid[],
        ${rows.rows.map((r) => (r.ownership === 'fdi' ? 'fdi' : 'ddi'))}::text[],
        ${rows.rows.map((r) => (r.vsic && /^\d{2}/.test(r.vsic) ? r.vsic.slice(0, 2) : null))}::text[],
        ${rows.rows.map((r) => (r.ownership === 'fdi' ? (r.country ?? null) : 'VN'))}::text[])
        as t(id, zone_id, investment_type, sector, country)
    ),
    ins as (
      insert into reporting_dims (zone_id, investment_type, sector, country)
      select distinct zone_id, investment_type, sector, country from src
      on conflict on constraint reporting_dims_key do nothing
    )
    select s.id::text, d.id as dims_id from src s join reporting_dims d
      on d.zone_id is not distinct from s.zone_id and d.investment_type = s.investment_type
      and d.sector is not distinct from s.sector and d.country is not distinct from s.country`.execute(tx);
  // The CTE's inserts are not visible to its own select: resolve missing ones after it.
  let dimsOf = new Map(dimsRows.rows.map((r) => [r.id, r.dims_id]));
  if (dimsOf.size < rows.rows.length) {
    const again = await sql<{ id: string; dims_id: number }>`
      select s.id::text, d.id as dims_id from unnest(${rows.rows.map((r) => r.id)}::uuid[], ${rows.rows.map((r) => r.zone_id)}::uuid[],
        ${rows.rows.map((r) => (r.ownership === 'fdi' ? 'fdi' : 'ddi'))}::text[],
        ${rows.rows.map((r) => (r.vsic && /^\d{2}/.test(r.vsic) ? r.vsic.slice(0, 2) : null))}::text[],
        ${rows.rows.map((r) => (r.ownership === 'fdi' ? (r.country ?? null) : 'VN'))}::text[])
        as s(id, zone_id, investment_type, sector, country)
      join reporting_dims d on d.zone_id is not distinct from s.zone_id and d.investment_type = s.investment_type
        and d.sector is not distinct from s.sector and d.country is not distinct from s.country`.execute(tx);
    dimsOf = new Map(again.rows.map((r) => [r.id, r.dims_id]));
  }

  const enterprises: DemoEnterprise[] = rows.rows.map((r) => {
    const fdi = r.ownership === 'fdi';
    const capitalUsd = Math.max(Number(r.capital ?? '0'), 200_000);
    const account = r.tax_code === DEMO_ACCOUNT_TAX_CODE;
    return {
      id: r.id,
      account,
      fdi,
      start: r.start ?? '2000-01-01',
      stop: r.stop,
      size: capitalUsd ** 0.7 * Math.exp(rand() * 1.2),
      foreignShare: fdi ? 0.004 + rand() * 0.05 : rand() < 0.15 ? rand() * 0.01 : 0,
      exportShare: fdi ? 0.55 + rand() * 0.43 : 0.05 + rand() * 0.35,
      importShare: fdi ? 0.45 + rand() * 0.45 : 0.05 + rand() * 0.3,
      income: (fdi ? 10.5 : 9) * (0.8 + rand() * 0.5),
      never: rand() < 0.07 && !account,
      dimsId: dimsOf.get(r.id)!,
    };
  });
  const months = monthsBetween('2023-01-01', today);
  const current = months[months.length - 1]!;
  const flows = Object.fromEntries(FLOWS.map((f) => [f, flowTotals(f, months)])) as Record<
    Flow,
    ReturnType<typeof flowTotals>
  >;
  const labour = labourTotals(months);
  const INDICATOR = Object.fromEntries(
    (await tx.selectFrom('indicators').select(['id', 'code']).execute()).map((i) => [i.code, i.id]),
  ) as Record<string, number>;

  // Columns of the bulk inserts.
  const sub = {
    id: [] as string[],
    enterprise: [] as string[],
    period: [] as string[],
    start: [] as string[],
    end: [] as string[],
    status: [] as string[],
    dims: [] as number[],
    first: [] as string[],
    last: [] as string[],
    reviewed: [] as (string | null)[],
  };
  const val = {
    sub: [] as string[],
    ind: [] as number[],
    combo: [] as string[],
    value: [] as string[],
    est: [] as boolean[],
    ent: [] as string[],
    start: [] as string[],
    end: [] as string[],
    dims: [] as number[],
    weight: [] as (string | null)[],
  };
  const hist = {
    sub: [] as string[],
    ind: [] as number[],
    combo: [] as string[],
    value: [] as string[],
    est: [] as boolean[],
    prev: [] as (string | null)[],
    prevEst: [] as (boolean | null)[],
    ent: [] as string[],
    start: [] as string[],
    end: [] as string[],
    dims: [] as number[],
    at: [] as string[],
  };

  // The submission of each enterprise and month ('enterpriseId|YYYY-MM').
  const subOf = new Map<string, string>();
  // Income: generated first, then 2024 is scaled so its labour-weighted average as known on 25/11/2024 is exact.
  const incomeRows: {
    e: DemoEnterprise;
    ym: string;
    estimate: number | null;
    actual: number | null;
    labEst: number | null;
    labAct: number | null;
    estAt: string | null;
    actAt: string | null;
  }[] = [];

  for (const m of months) {
    const isCurrent = m.ym === current.ym;
    const reporters = enterprises.filter((e) => {
      if (e.never || e.start > m.end || (e.stop !== null && e.stop < m.start)) return false;
      if (e.account && isCurrent) return false;
      return CALIBRATED_ESTIMATES.has(m.ym) || m.ym === '2023-12' || rand() > 0.03;
    });
    if (!reporters.length) continue;
    const estimateFirst = reporters.map(() => CALIBRATED_ESTIMATES.has(m.ym) || isCurrent || rand() < 0.2);
    const noise = reporters.map((e) => e.size * (0.85 + rand() * 0.3));
    const estNoise = noise.map((n) => n * (0.97 + rand() * 0.06));
    const estAt = reporters.map(
      () =>
        `${m.ym}-${String(18 + Math.floor(rand() * 7)).padStart(2, '0')}T0${1 + Math.floor(rand() * 8)}:00:00Z`,
    );
    const next = addDays(m.end, 1).slice(0, 7);
    const actAt = reporters.map(
      () =>
        `${next}-${String(1 + Math.floor(rand() * 20)).padStart(2, '0')}T0${1 + Math.floor(rand() * 8)}:00:00Z`,
    );
    const estimateKnown = (i: number) => estimateFirst[i]! && estAt[i]! <= now.toISOString();
    const actualKnown = (i: number) => !isCurrent && actAt[i]! <= now.toISOString();

    // Values per enterprise: [estimate, actual] strings by indicator and combo.
    const cells: Map<string, [string | null, string | null]>[] = reporters.map(() => new Map());
    for (const flow of FLOWS) {
      const share = (e: DemoEnterprise) =>
        flow === 'export' ? e.exportShare : flow === 'import' ? e.importShare : 1;
      const a = flows[flow].actual.get(m.ym)!;
      const eTotal = flows[flow].estimate.get(m.ym);
      const actual = splitExact(
        a,
        reporters.map((e, i) => noise[i]! * share(e)),
      );
      const estimate =
        eTotal !== undefined
          ? splitExact(
              eTotal,
              reporters.map((e, i) => (estimateKnown(i) ? estNoise[i]! * share(e) : 0)),
            )
          : actual.map((v, i) => scale(v, estNoise[i]! / noise[i]!));
      reporters.forEach((_, i) => {
        cells[i]!.set(`${flow}|`, [minorText(estimate[i]!, MINOR[flow]), minorText(actual[i]!, MINOR[flow])]);
      });
    }
    // Labour: Vietnamese and foreign totals split separately; the total is their sum.
    const vnT = BigInt(labour.vn.get(m.ym)!);
    const fT = BigInt(labour.foreign.get(m.ym)!);
    const labourSplit = (vn: bigint, f: bigint, weights: number[]) => {
      const v = splitExact(
        vn,
        reporters.map((e, i) => weights[i]! * (1 - e.foreignShare)),
      );
      const fo = splitExact(
        f,
        reporters.map((e, i) => weights[i]! * e.foreignShare),
      );
      return reporters.map((_, i) => [v[i]!, fo[i]!] as const);
    };
    const labActual = labourSplit(vnT, fT, noise);
    const labEstimate =
      m.ym === '2024-11'
        ? labourSplit(
            BigInt(PUBLISHED.labour_2024_11.vn),
            BigInt(PUBLISHED.labour_2024_11.foreign),
            estNoise.map((n, i) => (estimateKnown(i) ? n : 0)),
          )
        : labActual.map(([v, f], i) => {
            const k = estNoise[i]! / noise[i]!;
            return [BigInt(Math.round(Number(v) * k)), BigInt(Math.round(Number(f) * k))] as const;
          });
    // Actual November 2024 labour ended slightly above the estimate.
    const labAct = m.ym === '2024-11' ? labourSplit((vnT * 1003n) / 1000n, fT, noise) : labActual;
    reporters.forEach((e, i) => {
      const [ev, ef] = labEstimate[i]!;
      const [av, af] = labAct[i]!;
      cells[i]!.set('labour|', [String(ev + ef), String(av + af)]);
      cells[i]!.set('labour|nationality:vn', [String(ev), String(av)]);
      cells[i]!.set('labour|nationality:foreign', [String(ef), String(af)]);
      const growth = 1.075 ** (m.year - 2023) * (1 + (m.month - 1) * 0.005) * (m.month === 12 ? 1.12 : 1);
      const inc = e.income * growth * (0.96 + rand() * 0.08);
      incomeRows.push({
        e,
        ym: m.ym,
        estimate: estimateKnown(i) ? inc * (0.98 + rand() * 0.04) : null,
        actual: actualKnown(i) ? inc : null,
        labEst: estimateKnown(i) ? Number(ev + ef) : null,
        labAct: actualKnown(i) ? Number(av + af) : null,
        estAt: estimateKnown(i) ? estAt[i]! : null,
        actAt: actualKnown(i) ? actAt[i]! : null,
      });
    });

    // Submissions, values, history (income added below once scaled).
    reporters.forEach((e, i) => {
      const hasEst = estimateKnown(i);
      const hasAct = actualKnown(i);
      if (!hasEst && !hasAct) return;
      const id = randomUUID();
      subOf.set(`${e.id}|${m.ym}`, id);
      const first = hasEst ? estAt[i]! : actAt[i]!;
      const last = hasAct ? actAt[i]! : estAt[i]!;
      const old = addDays(m.end, 75) < today;
      sub.id.push(id);
      sub.enterprise.push(e.id);
      sub.period.push(`${m.year}M${String(m.month).padStart(2, '0')}`);
      sub.start.push(m.start);
      sub.end.push(m.end);
      sub.status.push(old ? 'accepted' : 'submitted');
      sub.dims.push(e.dimsId);
      sub.first.push(first);
      sub.last.push(last);
      sub.reviewed.push(old ? addDays(last.slice(0, 10), 3) : null);
      for (const [key, [est, act]] of cells[i]!) {
        const [code, combo] = key.split('|') as [string, string];
        const ind = INDICATOR[code]!;
        const current = hasAct ? act! : est!;
        val.sub.push(id);
        val.ind.push(ind);
        val.combo.push(combo);
        val.value.push(current);
        val.est.push(!hasAct);
        val.ent.push(e.id);
        val.start.push(m.start);
        val.end.push(m.end);
        val.dims.push(e.dimsId);
        val.weight.push(null);
        const pushHist = (
          v: string,
          isEst: boolean,
          prev: string | null,
          prevEst: boolean | null,
          at: string,
        ) => {
          hist.sub.push(id);
          hist.ind.push(ind);
          hist.combo.push(combo);
          hist.value.push(v);
          hist.est.push(isEst);
          hist.prev.push(prev);
          hist.prevEst.push(prevEst);
          hist.ent.push(e.id);
          hist.start.push(m.start);
          hist.end.push(m.end);
          hist.dims.push(e.dimsId);
          hist.at.push(at);
        };
        // Only the estimates travel from here; the actuals' history rows are copied from the values in SQL.
        if (hasEst) pushHist(est!, true, null, null, estAt[i]!);
      }
    });
  }

  // Average income: 2024 scaled so Σ(income × labour) ÷ Σ labour over Jan–Nov, as known on 25/11/2024, is exact.
  const asOf11 = `${PUBLISHED_AS_OF.ytd11_2024}T23:59:59+07:00`;
  let num = 0;
  let den = 0;
  for (const r of incomeRows) {
    if (!r.ym.startsWith('2024-') || r.ym > '2024-11') continue;
    const useAct = r.actAt !== null && new Date(r.actAt) <= new Date(asOf11);
    const useEst = !useAct && r.estAt !== null && new Date(r.estAt) <= new Date(asOf11);
    if (useAct) {
      num += r.actual! * r.labAct!;
      den += r.labAct!;
    } else if (useEst) {
      num += r.estimate! * r.labEst!;
      den += r.labEst!;
    }
  }
  const k2024 = den > 0 ? PUBLISHED.income_2024_ytd11 / 1e6 / (num / den) : 1;
  for (const r of incomeRows) {
    const id = subOf.get(`${r.e.id}|${r.ym}`);
    if (!id) continue;
    const k = r.ym.startsWith('2024-') ? k2024 : 1;
    const est = r.estimate === null ? null : String(Math.round(r.estimate * k * 1000) * 1000);
    const act = r.actual === null ? null : String(Math.round(r.actual * k * 1000) * 1000);
    const [year, month] = r.ym.split('-');
    const end = new Date(Date.UTC(Number(year), Number(month), 0)).toISOString().slice(0, 10);
    val.sub.push(id);
    val.ind.push(INDICATOR.avg_income!);
    val.combo.push('');
    val.value.push(act ?? est!);
    val.est.push(act === null);
    val.ent.push(r.e.id);
    val.start.push(`${r.ym}-01`);
    val.end.push(end);
    val.dims.push(r.e.dimsId);
    // The weight of an average income is the labour of the same report (actual or estimate, as the income).
    val.weight.push(String(act !== null ? r.labAct! : r.labEst!));
    const push = (v: string, isEst: boolean, prev: string | null, prevEst: boolean | null, at: string) => {
      hist.sub.push(id);
      hist.ind.push(INDICATOR.avg_income!);
      hist.combo.push('');
      hist.value.push(v);
      hist.est.push(isEst);
      hist.prev.push(prev);
      hist.prevEst.push(prevEst);
      hist.ent.push(r.e.id);
      hist.start.push(`${r.ym}-01`);
      hist.end.push(end);
      hist.dims.push(r.e.dimsId);
      hist.at.push(at);
    };
    if (est !== null) push(est, true, null, null, r.estAt!);
  }
  await sql`
    insert into report_submissions (id, form_id, enterprise_id, period_id, period_start, period_end, status, dims_id,
      first_submitted_at, submitted_at, last_source, reviewed_at, is_demo, created_at, updated_at)
    select t.id, ${formId}::uuid, t.enterprise_id, t.period_id, t.ps, t.pe, t.status, t.dims_id, t.first_at, t.last_at,
      'demo', t.reviewed_at::timestamptz, true, t.first_at, t.last_at
    from unnest(${sub.id}::uuid[], ${sub.enterprise}::uuid[], ${sub.period}::text[], ${sub.start}::date[],
      ${sub.end}::date[], ${sub.status}::text[], ${sub.dims}::int[], ${sub.first}::timestamptz[],
      ${sub.last}::timestamptz[], ${sub.reviewed}::date[])
      as t(id, enterprise_id, period_id, ps, pe, status, dims_id, first_at, last_at, reviewed_at)`.execute(
    tx,
  );
  await sql`
    insert into report_values (submission_id, indicator_id, combo, value, is_estimate, enterprise_id, period_start,
      period_end, dims_id, weight)
    select * from unnest(${val.sub}::uuid[], ${val.ind}::smallint[], ${val.combo}::text[], ${val.value}::numeric[],
      ${val.est}::boolean[], ${val.ent}::uuid[], ${val.start}::date[], ${val.end}::date[], ${val.dims}::int[],
      ${val.weight}::numeric[])`.execute(tx);
  await sql`
    insert into report_value_history (submission_id, indicator_id, combo, value, is_estimate, previous_value,
      previous_is_estimate, enterprise_id, period_start, period_end, dims_id, changed_at, changed_by_label, source)
    select t.*, 'demo-seed', 'demo' from unnest(${hist.sub}::uuid[], ${hist.ind}::smallint[], ${hist.combo}::text[],
      ${hist.value}::numeric[], ${hist.est}::boolean[], ${hist.prev}::numeric[], ${hist.prevEst}::boolean[],
      ${hist.ent}::uuid[], ${hist.start}::date[], ${hist.end}::date[], ${hist.dims}::int[], ${hist.at}::timestamptz[])
      as t`.execute(tx);
  // The actuals: one history row per current actual value, at its submission's time, after its estimate if any.
  await sql`
    insert into report_value_history (submission_id, indicator_id, combo, value, is_estimate, previous_value,
      previous_is_estimate, enterprise_id, period_start, period_end, dims_id, changed_at, changed_by_label, source)
    select v.submission_id, v.indicator_id, v.combo, v.value, false, e.value, e.is_estimate, v.enterprise_id,
      v.period_start, v.period_end, v.dims_id, s.submitted_at, 'demo-seed', 'demo'
    from report_values v
    join report_submissions s on s.id = v.submission_id and s.form_id = ${formId}::uuid
    left join report_value_history e on e.submission_id = v.submission_id and e.indicator_id = v.indicator_id
      and e.combo = v.combo
    where not v.is_estimate`.execute(tx);
  // The demo account's last report was returned for correction, so the screen has one to show.
  const account = enterprises.find((e) => e.account);
  const previous = months[months.length - 2];
  const returned = account && previous ? subOf.get(`${account.id}|${previous.ym}`) : undefined;
  if (returned) {
    await tx
      .updateTable('report_submissions')
      .set({
        status: 'returned',
        review_comment:
          'Đề nghị kiểm tra lại số nộp ngân sách tháng này (chênh lệch lớn so với tháng trước).',
        reviewed_at: now,
      })
      .where('id', '=', returned)
      .execute();
  }
  const history = await tx
    .selectFrom('report_value_history')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('submission_id', 'in', (eb) =>
      eb.selectFrom('report_submissions').select('id').where('form_id', '=', formId),
    )
    .executeTakeFirstOrThrow();
  return { reports: sub.id.length, values: val.sub.length, history: Number(history.n) };
}
