/**
 * Analytics benchmark (issue 4 "Numbers"): generated monthly reports of N enterprises × 48 months × 20 values
 * (every shipped reported indicator, the labour breakdowns and nine more reported indicators: 2 000 enterprises
 * ≈ 1.9 M values, 10 400 ≈ 10 M), then
 *  - one indicator × 12 months × all zones (rolled up to their economic zones) as a pivot, through the API
 *    (GET /api/analytics/query, app.inject: guard, session, engine, serializer) — p95;
 *  - all headline figures of a half-year report (every headline indicator with same period last year, % of plan
 *    and cumulative, labour by nationality, the Vietnamese sentences) through GET /api/analytics/headline — p95;
 * each beside the bare SQL computing the same figures in the same run, with the ratio.
 * Data is generated with set-based SQL (generate_series), indexes are built after the load.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import type { App } from '../../platform/http/types.ts';
import { createUser } from '../accounts/commands/create-user.ts';
import { createForm } from '../reporting/commands/create-form.ts';
import { createIndicator } from '../reporting/commands/create-indicator.ts';

/** One line of the benchmark table. */
export interface AnalyticsBenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  target?: string;
  ok?: boolean;
}

const MONTHS = 48; // 2022-01 … 2025-12
const PASSWORD = 'Bench-Password-123';

/** Reported indicators the benchmark adds so a report has 20 values, as a full statutory report does. */
const EXTRA = [
  ['profit', 'Lợi nhuận', 'Profit', 'usd', 'sum'],
  ['rd_spending', 'Chi nghiên cứu phát triển', 'R&D spending', 'usd', 'sum'],
  ['environment_spending', 'Chi bảo vệ môi trường', 'Environmental spending', 'vnd', 'sum'],
  ['training_spending', 'Chi đào tạo', 'Training spending', 'vnd', 'sum'],
  ['electricity', 'Điện tiêu thụ', 'Electricity used', 'count', 'sum'],
  ['water', 'Nước tiêu thụ', 'Water used', 'count', 'sum'],
  ['waste', 'Chất thải rắn', 'Solid waste', 'count', 'sum'],
  ['land_used', 'Diện tích đất sử dụng', 'Land used', 'ha', 'last'],
  ['vehicles', 'Phương tiện vận tải', 'Vehicles', 'count', 'last'],
] as const;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 10) / 10;
}

async function samples(fn: () => Promise<unknown>, seconds: number, min = 15): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (out.length < min || performance.now() < until) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
    if (out.length >= 400) break;
  }
  return out;
}

/** Generates zones, enterprises, a monthly form and N × 48 reports of 20 values each into `db`. */
export async function generateAnalyticsBenchData(db: Db, enterprises: number, log: (m: string) => void) {
  const t0 = performance.now();
  const ctx = systemCtx(db, 'bench');
  // 3 economic zones, 27 parks (9 of them inside the economic zones).
  await sql`insert into zones (code, name_vi, kind)
    select 'bench-ez-' || g, 'KKT bench ' || g, 'economic_zone' from generate_series(1, 3) g`.execute(db);
  await sql`insert into zones (code, name_vi, kind, parent_id)
    select 'bench-park-' || g, 'KCN bench ' || g, 'industrial_park',
      case when g <= 9 then (select id from zones where code = 'bench-ez-' || ((g - 1) / 3 + 1)) end
    from generate_series(1, 27) g`.execute(db);
  await sql`
    with parks as (select array_agg(id order by code) as ids from zones where code like 'bench-park-%')
    insert into enterprises (tax_code, name_vi, ownership, investor_countries, main_zone_id, main_vsic_code)
    select lpad((6000000000 + g)::text, 10, '0'), 'Công ty bench ' || g,
      case when g % 10 < 7 then 'fdi' else 'domestic' end,
      case when g % 10 < 7 then array[(array['KR','JP','CN','SG','TW','US'])[1 + g % 6]] else '{}'::text[] end,
      parks.ids[1 + g % 27], (array['2610','2930','1410','5210','2220','2790'])[1 + g % 6]
    from generate_series(1, ${enterprises}) g, parks`.execute(db);
  await sql`insert into reporting_dims (zone_id, investment_type, sector, country)
    select distinct main_zone_id, case when ownership = 'fdi' then 'fdi' else 'ddi' end, left(main_vsic_code, 2),
      case when ownership = 'fdi' then investor_countries[1] else 'VN' end
    from enterprises where tax_code like '6%'
    on conflict on constraint reporting_dims_key do nothing`.execute(db);
  for (const [code, vi, en, unit, aggregation] of EXTRA) {
    await createIndicator(ctx, { code, nameVi: vi, nameEn: en, unit, aggregation });
  }
  const form = await createForm(ctx, {
    code: 'BENCH-MONTHLY',
    nameVi: 'Báo cáo tháng (benchmark)',
    nameEn: 'Monthly report (benchmark)',
    periodType: 'month',
    dueAfterDays: 10,
    lockAfterDays: 20,
    firstPeriod: '2022M01',
    indicators: [
      ...[
        'revenue',
        'export',
        'import',
        'budget_payments',
        'labour',
        'avg_income',
        'implemented_capital',
      ].map((code) => ({ code })),
      ...EXTRA.map(([code]) => ({ code })),
    ],
  });
  await sql`
    insert into report_submissions (form_id, enterprise_id, period_id, period_start, period_end, status, dims_id,
      first_submitted_at, submitted_at, last_source)
    select ${form.id}::uuid, e.id, to_char(m.start, 'YYYY"M"MM'), m.start, (m.start + interval '1 month - 1 day')::date,
      'accepted', d.id, m.start + interval '1 month 5 days', m.start + interval '1 month 5 days', 'import'
    from enterprises e
    join reporting_dims d on d.zone_id = e.main_zone_id and d.investment_type = case when e.ownership = 'fdi' then 'fdi' else 'ddi' end
      and d.sector is not distinct from left(e.main_vsic_code, 2)
      and d.country is not distinct from case when e.ownership = 'fdi' then e.investor_countries[1] else 'VN' end
    cross join (select (date '2022-01-01' + (k || ' month')::interval)::date as start from generate_series(0, ${MONTHS - 1}) k) m
    where e.tax_code like '6%'`.execute(db);
  log(
    `${enterprises} enterprises, ${enterprises * MONTHS} reports (${Math.round(performance.now() - t0)} ms)`,
  );

  // Values: the table's indexes are dropped for the load and built afterwards (as a bulk load would).
  const t1 = performance.now();
  await sql`alter table report_values drop constraint report_values_pkey`.execute(db);
  await sql`drop index report_values_analytics_idx`.execute(db);
  await sql`drop index report_values_enterprise_idx`.execute(db);
  const ids = Object.fromEntries(
    (await db.selectFrom('indicators').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  ) as Record<string, number>;
  // Deterministic sizes: each enterprise's base from its tax code, months with a trend and some noise.
  const base = sql`(100 + (right(e.tax_code, 6)::bigint * 7919) % 2000)`;
  const noise = sql`(0.9 + ((right(e.tax_code, 6)::bigint * 31 + extract(month from s.period_start)::int * 17) % 200) / 1000.0)`;
  const trend = sql`(1 + (extract(year from s.period_start) - 2022) * 0.08)`;
  const value = (combo: string, expr: ReturnType<typeof sql>) => ({ combo, expr });
  const specs: [string, { combo: string; expr: ReturnType<typeof sql> }][] = [
    ['revenue', value('', sql`round((${base} * 5000 * ${noise} * ${trend})::numeric, 2)`)],
    ['export', value('', sql`round((${base} * 3600 * ${noise} * ${trend})::numeric, 2)`)],
    ['import', value('', sql`round((${base} * 3000 * ${noise} * ${trend})::numeric, 2)`)],
    ['budget_payments', value('', sql`round(${base} * 2000000 * ${noise} * ${trend})`)],
    ['labour', value('', sql`${base}`)],
    ['labour', value('nationality:vn', sql`${base} - ${base} / 40`)],
    ['labour', value('nationality:foreign', sql`${base} / 40`)],
    ['labour', value('sex:female', sql`${base} / 2`)],
    ['labour', value('sex:male', sql`${base} - ${base} / 2`)],
    ['avg_income', value('', sql`round(9000000 * ${noise} * ${trend})`)],
    ['implemented_capital', value('', sql`round((${base} * 800 * ${noise})::numeric, 2)`)],
    ...EXTRA.map(
      ([code], i) =>
        [code, value('', sql`round((${base} * ${i + 3} * ${noise})::numeric, 2)`)] as [
          string,
          { combo: string; expr: ReturnType<typeof sql> },
        ],
    ),
  ];
  for (const [code, spec] of specs) {
    await sql`
      insert into report_values (submission_id, indicator_id, combo, value, is_estimate, enterprise_id, period_start,
        period_end, dims_id, weight)
      select s.id, ${ids[code]!}::smallint, ${spec.combo}, ${spec.expr}, s.period_start >= date '2025-12-01', s.enterprise_id,
        s.period_start, s.period_end, s.dims_id, ${code === 'avg_income' ? base : sql`null`}
      from report_submissions s join enterprises e on e.id = s.enterprise_id
      where s.form_id = ${form.id}::uuid`.execute(db);
  }
  const loaded = performance.now();
  await sql`alter table report_values add primary key (submission_id, indicator_id, combo)`.execute(db);
  await sql`create index report_values_analytics_idx on report_values (indicator_id, combo, period_start)
    include (period_end, dims_id, enterprise_id, value, is_estimate)`.execute(db);
  await sql`create index report_values_enterprise_idx on report_values (enterprise_id, indicator_id, combo, period_start desc)`.execute(
    db,
  );
  await sql`vacuum analyze report_values`.execute(db);
  await sql`vacuum analyze report_rollups`.execute(db);
  await sql`vacuum analyze report_submissions`.execute(db);
  const count = Number(
    (await sql<{ n: string }>`select count(*) as n from report_values`.execute(db)).rows[0]!.n,
  );
  log(
    `${count.toLocaleString('en')} values: load ${Math.round((loaded - t1) / 1000)} s, indexes and vacuum ${Math.round((performance.now() - loaded) / 1000)} s`,
  );
  // Plans for 2025, so % of plan is computed.
  await sql`insert into plans (indicator, year_from, year_to, value, unit, effective_from, source)
    values ('revenue_usd_m', 2025, 2025, 100000, 'usd_m', '2025-01-01', 'bench'),
      ('export_usd_m', 2025, 2025, 80000, 'usd_m', '2025-01-01', 'bench'),
      ('import_usd_m', 2025, 2025, 70000, 'usd_m', '2025-01-01', 'bench'),
      ('budget_vnd_bn', 2025, 2025, 40000, 'vnd_bn', '2025-01-01', 'bench')
    on conflict do nothing`.execute(db);
  return { formId: form.id, values: count, indicatorIds: ids };
}

/** The bare SQL of the pivot: one indicator × 12 months summed by leaf zone and rolled up to parent zones. */
function barePivot(db: Db, indicatorId: number) {
  return sql`
    with leaf as (
      select d.zone_id, v.period_start, sum(v.value) as total
      from report_values v join reporting_dims d on d.id = v.dims_id
      where v.indicator_id = ${indicatorId}::smallint and v.combo = '' and v.period_start between '2025-01-01' and '2025-12-31'
      group by 1, 2
    ),
    up as (select z.id as zone_id, z.id as ancestor from zones z
      union all select z.id, z.parent_id from zones z where z.parent_id is not null)
    select up.ancestor, leaf.period_start, sum(leaf.total) from leaf join up on up.zone_id = leaf.zone_id group by 1, 2
    union all select null, period_start, sum(total) from leaf group by 2`.execute(db);
}

/** The same pivot from the rollup table (the physical limit of the design: no engine, no HTTP). */
function barePivotRollup(db: Db, indicatorId: number) {
  return sql`
    with leaf as (
      select d.zone_id, r.period_start, sum(r.total) as total
      from report_rollups r join reporting_dims d on d.id = r.dims_id
      where r.indicator_id = ${indicatorId}::smallint and r.combo = '' and r.period_start between '2025-01-01' and '2025-12-31'
      group by 1, 2
    ),
    up as (select z.id as zone_id, z.id as ancestor from zones z
      union all select z.id, z.parent_id from zones z where z.parent_id is not null)
    select up.ancestor, leaf.period_start, sum(leaf.total) from leaf join up on up.zone_id = leaf.zone_id group by 1, 2
    union all select null, period_start, sum(total) from leaf group by 2`.execute(db);
}

/**
 * The bare SQL of the half-year headline: the flows of H1 2025, H1 2024 (the same period last year; the year
 * to date is H1 itself), labour as each enterprise's latest value, income weighted by labour, the labour
 * breakdown, and the plans.
 */
async function bareHeadline(db: Db, ids: Record<string, number>) {
  const flows = ['revenue', 'export', 'import', 'budget_payments', 'implemented_capital'].map((c) => ids[c]!);
  await Promise.all([
    sql`select p.k, v.indicator_id, sum(v.value)
      from report_values v join (values ('2025S1', date '2025-01-01', date '2025-06-30'), ('2024S1', date '2024-01-01', date '2024-06-30')) p(k, ps, pe)
        on v.period_start between p.ps and p.pe
      where v.indicator_id = any(${flows}::smallint[]) and v.combo = ''
      group by 1, 2`.execute(db),
    sql`select k, combo, sum(value) from (
        select distinct on (p.k, v.combo, v.enterprise_id) p.k, v.combo, v.value
        from report_values v join (values ('2025S1', date '2025-01-01', date '2025-06-30'), ('2024S1', date '2024-01-01', date '2024-06-30')) p(k, ps, pe)
          on v.period_start between p.ps and p.pe
        where v.indicator_id = ${ids.labour!}::smallint and v.combo in ('', 'nationality:vn', 'nationality:foreign')
        order by p.k, v.combo, v.enterprise_id, v.period_start desc) x
      group by 1, 2`.execute(db),
    sql`select p.k, sum(x.val * x.wt) / sum(x.wt) from (
        select submission_id, period_start,
          max(value) filter (where indicator_id = ${ids.avg_income!}::smallint) as val,
          max(value) filter (where indicator_id = ${ids.labour!}::smallint) as wt
        from report_values where indicator_id in (${ids.avg_income!}::smallint, ${ids.labour!}::smallint) and combo = ''
          and period_start between '2024-01-01' and '2025-06-30'
        group by 1, 2) x
      join (values ('2025S1', date '2025-01-01', date '2025-06-30'), ('2024S1', date '2024-01-01', date '2024-06-30')) p(k, ps, pe)
        on x.period_start between p.ps and p.pe
      group by 1`.execute(db),
    sql`select indicator, value from plans where year_from = 2025 and year_to = 2025`.execute(db),
  ]);
}

/** Runs the measurements on a database generated by `generateAnalyticsBenchData`. */
export async function benchAnalytics(opts: {
  db: Db;
  enterprises: number;
  seconds: number;
  pivotTargetMs: number;
  headlineTargetMs?: number;
  log: (m: string) => void;
}): Promise<AnalyticsBenchRow[]> {
  const { db, log } = opts;
  const data = await generateAnalyticsBenchData(db, opts.enterprises, log);
  const scale = `${(data.values / 1e6).toFixed(1)} M values`;
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { demo: false });
  const app: App = await buildApp({ config, db, logger: false });
  await app.ready();
  try {
    const admin = await createUser(systemCtx(db, 'bench'), {
      email: 'bench-admin@heza.test',
      fullName: 'Bench admin',
      role: 'admin',
      locale: 'vi',
      password: PASSWORD,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: admin.email, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'heza_session')!;
    const headers = { cookie: `heza_session=${cookie.value}` };
    const months = Array.from({ length: 12 }, (_, i) => `2025M${String(i + 1).padStart(2, '0')}`).join(',');
    const get = async (url: string) => {
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200)
        throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      return res;
    };
    const pivotUrl = `/api/analytics/query?indicators=revenue&periods=${months}&dimensions=zone`;
    const cells = (await get(pivotUrl)).json().cells.length;
    log(`pivot: ${cells} cells`);
    const pivot = p95(await samples(() => get(pivotUrl), opts.seconds));
    const pivotBare = p95(await samples(() => barePivot(db, data.indicatorIds.revenue!), opts.seconds));
    const pivotRollup = p95(
      await samples(() => barePivotRollup(db, data.indicatorIds.revenue!), opts.seconds),
    );
    log(`pivot p95 ${pivot} ms (bare SQL on the values ${pivotBare} ms, on the rollup ${pivotRollup} ms)`);
    const headlineUrl = '/api/analytics/headline?period=2025S1';
    const figures = (await get(headlineUrl)).json().figures.length;
    log(`headline: ${figures} figures`);
    const headline = p95(await samples(() => get(headlineUrl), opts.seconds, 8));
    const headlineBare = p95(await samples(() => bareHeadline(db, data.indicatorIds), opts.seconds, 8));
    log(`headline p95 ${headline} ms (bare SQL ${headlineBare} ms)`);
    const rows: AnalyticsBenchRow[] = [
      {
        name: `pivot 1 indicator × 12 months × all zones (API) — p95, ${scale}`,
        value: pivot,
        unit: 'ms',
        baseline: pivotBare,
        baselineName: 'bare SQL on the values, same sums and zone roll-up',
        target: `≤ ${opts.pivotTargetMs} ms`,
        ok: pivot <= opts.pivotTargetMs,
      },
      {
        name: `pivot 1 indicator × 12 months × all zones (API) — p95, ${scale}`,
        value: pivot,
        unit: 'ms',
        baseline: pivotRollup,
        baselineName: 'bare SQL on the rollup (no engine, no HTTP)',
      },
      {
        name: `half-year headline, every indicator with last year, plan %, cumulative (API) — p95, ${scale}`,
        value: headline,
        unit: 'ms',
        baseline: headlineBare,
        baselineName: 'bare SQL on the values, same figures',
        ...(opts.headlineTargetMs !== undefined && {
          target: `≤ ${opts.headlineTargetMs} ms`,
          ok: headline <= opts.headlineTargetMs,
        }),
      },
    ];
    return rows;
  } finally {
    await app.close();
  }
}
