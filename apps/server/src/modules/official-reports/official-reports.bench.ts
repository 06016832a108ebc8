/**
 * Official-reports benchmark (issue 5 "Numbers"): rendering the half-year `integration` report to DOCX —
 * figures from the registry and the analytics engine, composition, DOCX — beside the time of the figure
 * queries alone (the same engine and registry calls, without composing or writing anything), on the analytics
 * benchmark's generated reports (N enterprises × 48 months × 20 values) plus 5 000 projects with 20 000
 * ledger entries. Target: ≤ 1 s and ≤ 3× the queries alone.
 */
import { performance } from 'node:perf_hooks';
import { contentFigures } from '@heza/shared/official-reports';
import { todayVn } from '@heza/shared/registry';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { generateAnalyticsBenchData } from '../analytics/analytics.bench.ts';
import { runAnalytics } from '../analytics/engine.ts';
import { plansFor } from '../analytics/plans.ts';
import { investmentStats, zonesSummary } from '../registry/stats.ts';
import { composeDocument } from './compose.ts';
import { renderDocx } from './document/docx.ts';
import { computeFigures } from './figures/compute.ts';
import { getTemplate } from './queries.ts';
import { ensureShippedTemplates } from './templates/shipped.ts';

/** One line of the benchmark table. */
export interface ReportsBenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  target?: string;
  ok?: boolean;
}

const PERIOD = '2025S1';
const PROJECTS = 5000;

function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]! * 10) / 10;
}

/** The figure queries of the report alone: the engine and registry calls its figure sources make. */
function queriesAlone(db: Db) {
  const all = { kind: 'all' } as const;
  return Promise.all([
    runAnalytics(db, all, {
      indicators: ['revenue', 'export', 'import', 'budget_payments', 'avg_income'],
      periods: [PERIOD],
      dimensions: [],
      measures: ['samePeriodLastYear', 'planPct'],
      estimates: 'none',
    }),
    runAnalytics(db, all, {
      indicators: ['labour'],
      periods: [PERIOD, '2024M12'],
      dimensions: ['disaggregation:nationality'],
      measures: [],
      estimates: 'none',
    }),
    investmentStats(db, all, { period: PERIOD }),
    plansFor(db, ['fdi_attracted_usd_m', 'ddi_attracted_vnd_bn'], [2025], todayVn()),
    zonesSummary(db, all, '2025-06-30', 'industrial_park'),
  ]);
}

/**
 * Registry data for the report: 5 000 projects (three quarters FDI in USD, a quarter DDI in VND) in the
 * analytics benchmark's parks, each registered between 2015 and 2025 with three capital increases, so the
 * half-year has flows, a same period last year and cumulative capital. Set-based, a few seconds.
 */
async function generateLedger(db: Db, projects: number) {
  await sql`insert into exchange_rates (currency, kind, valid_from, valid_to, vnd_per_unit, source)
    values ('USD', 'yearly_average', '1990-01-01', '2100-12-31', 23400, 'bench') on conflict do nothing`.execute(
    db,
  );
  await sql`
    with parks as (select array_agg(id order by code) as ids from zones where code like 'bench-park-%'),
         ents as (select array_agg(id order by tax_code) as ids from enterprises where tax_code like '6%')
    insert into investment_projects (project_code, name_vi, enterprise_id, zone_id, investment_type, country_code, vsic_code, currency)
    select 'RPT' || lpad(g::text, 6, '0'), 'Dự án bench ' || g, ents.ids[1 + g % cardinality(ents.ids)],
      parks.ids[1 + g % cardinality(parks.ids)], case when g % 4 = 0 then 'ddi' else 'fdi' end,
      case when g % 4 = 0 then 'VN' else (array['KR','JP','CN','SG','TW','US'])[1 + g % 6] end,
      (array['2610','2930','1410','5210','2220','2790'])[1 + g % 6], case when g % 4 = 0 then 'VND' else 'USD' end
    from generate_series(1, ${projects}) g, parks, ents`.execute(db);
  await sql`
    insert into certificate_entries (project_id, seq, kind, certificate_no, amendment_no, certificate_date, effective_date,
      counts_as, currency, capital_before, capital_change, capital_after, change_usd, change_vnd, after_usd, after_vnd,
      fx_source, zone_id, investment_type, country_code, vsic_code)
    select p.id, k, case when k = 1 then 'new' else 'adjustment' end, p.project_code, k - 1, d, d,
      case when k = 1 then 'new' else 'adjustment' end, p.currency,
      case when k = 1 then 0 else c + (k - 2) * a end, case when k = 1 then c else a end, c + (k - 1) * a,
      case when p.currency = 'USD' then (case when k = 1 then c else a end) else round((case when k = 1 then c else a end) / 23400, 2) end,
      case when p.currency = 'USD' then (case when k = 1 then c else a end) * 23400 else (case when k = 1 then c else a end) end,
      case when p.currency = 'USD' then c + (k - 1) * a else round((c + (k - 1) * a) / 23400, 2) end,
      case when p.currency = 'USD' then (c + (k - 1) * a) * 23400 else c + (k - 1) * a end,
      'certificate', p.zone_id, p.investment_type, p.country_code, p.vsic_code
    from (select id, project_code, zone_id, investment_type, country_code, vsic_code, currency,
            ((hashtext(project_code) & 1023) + 10) * case when currency = 'USD' then 100000.00 else 2000000000.00 end as c,
            ((hashtext(project_code) & 255) + 1) * case when currency = 'USD' then 10000.00 else 200000000.00 end as a,
            date '2015-01-01' + (abs(hashtext(project_code)) % 3800) as d0
          from investment_projects where project_code like 'RPT%') p
    cross join generate_series(1, 4) k
    cross join lateral (select least(p.d0 + (k - 1) * 120, date '2025-12-31') as d) dd`.execute(db);
  await sql`analyze certificate_entries`.execute(db);
  await sql`analyze investment_projects`.execute(db);
}

/** Generates the data into `db` (migrated, empty) and measures; `enterprises` sets the scale. */
export async function benchOfficialReports(opts: {
  db: Db;
  enterprises: number;
  seconds: number;
  log: (m: string) => void;
}): Promise<ReportsBenchRow[]> {
  const { db, log } = opts;
  const data = await generateAnalyticsBenchData(db, opts.enterprises, log);
  const t0 = performance.now();
  await generateLedger(db, PROJECTS);
  log(
    `registry: ${PROJECTS.toLocaleString('en')} projects, ${(PROJECTS * 4).toLocaleString('en')} ledger entries (${Math.round(performance.now() - t0)} ms)`,
  );
  await sql`insert into plans (indicator, year_from, year_to, value, unit, effective_from, source)
    values ('fdi_attracted_usd_m', 2025, 2025, 3000, 'usd_m', '2025-01-01', 'bench'),
      ('ddi_attracted_vnd_bn', 2025, 2025, 20000, 'vnd_bn', '2025-01-01', 'bench')
    on conflict do nothing`.execute(db);
  await ensureShippedTemplates(db);
  const template = await getTemplate(db, 'integration');
  const scale = `${(data.values / 1e6).toFixed(1)} M values, ${(PROJECTS * 4).toLocaleString('en')} ledger entries`;

  let composeMs: number[] = [];
  const keys = contentFigures(template.content);
  // What the DOCX download of a draft does: the figures the report prints, composed, written.
  const render = async () => {
    const figures = await computeFigures(db, { periodId: PERIOD, asOf: null, keys });
    const t = performance.now();
    const { doc } = composeDocument(template.content, {
      periodId: PERIOD,
      figures,
      issued: null,
      today: todayVn(),
    });
    const bytes = await renderDocx(doc);
    composeMs.push(performance.now() - t);
    return bytes;
  };
  const first = await render();
  log(`integration ${PERIOD}: ${first.length.toLocaleString('en')} bytes of DOCX`);
  for (let i = 0; i < 2; i++) {
    await render();
    await queriesAlone(db);
  }
  composeMs = [];
  // Interleaved rounds, so both sides see the same machine load.
  const full: number[] = [];
  const queries: number[] = [];
  const until = performance.now() + opts.seconds * 2000;
  while (full.length < 10 || performance.now() < until) {
    let t = performance.now();
    await render();
    full.push(performance.now() - t);
    t = performance.now();
    await queriesAlone(db);
    queries.push(performance.now() - t);
    if (full.length >= 200) break;
  }
  const p95 = quantile(full, 0.95);
  const q95 = quantile(queries, 0.95);
  log(
    `render p95 ${p95} ms, queries alone p95 ${q95} ms, compose + DOCX median ${quantile(composeMs, 0.5)} ms (${full.length} rounds)`,
  );
  return [
    {
      name: `half-year integration report → DOCX (figures, compose, DOCX) — p95, ${scale}`,
      value: p95,
      unit: 'ms',
      target: '≤ 1 000 ms',
      ok: p95 <= 1000,
    },
    {
      name: `half-year integration report → DOCX — p95, ${scale}`,
      value: p95,
      unit: 'ms',
      baseline: q95,
      baselineName: 'its figure queries alone (analytics engine + registry), p95',
      target: '≤ 3× baseline',
      ok: p95 <= 3 * q95,
    },
    {
      name: 'compose + DOCX alone (no queries) — median',
      value: quantile(composeMs, 0.5),
      unit: 'ms',
    },
  ];
}
