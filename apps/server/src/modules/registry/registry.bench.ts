/**
 * Registry benchmark (issue 3 "Numbers"): on a generated dataset of 20 000 projects with 100 000 ledger entries
 * across 60 zones, the p95 of derived counts and sums as of a date by zone / country / sector (target ≤ 50 ms),
 * each printed beside the bare SQL computing the same figures; and the import of a 50 000-row ledger file
 * (target ≤ 30 s) beside a bare bulk insert of the same rows. The data goes into the database it is given
 * (which must be migrated and should be empty: it adds 60 zones, 2 000 enterprises and the projects).
 */
import { performance } from 'node:perf_hooks';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { systemCtx } from '../../platform/context.ts';
import { importRegistryFile } from './commands/import-registry-file.ts';
import { headRows } from './import-formats.ts';
import { writeCsv } from './spreadsheet.ts';
import { capitalAsOf, capitalSql, flowsSql, investmentStats } from './stats.ts';

/** One line of the benchmark table. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  target?: string;
}

const ZONES = 60;
const PROJECTS = 20_000;
const ENTRIES_PER_PROJECT = 5; // 1 registration + 4 adjustments = 100 000 entries
const IMPORT_ROWS = 50_000;
const RUNS = 40;
const AS_OF = '2024-06-30';

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]! * 100) / 100;
}

async function time(fn: () => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Generates the benchmark dataset into `db` with set-based SQL (seconds, not minutes). */
export async function generateRegistryBenchData(db: Db) {
  await sql`insert into exchange_rates (currency, kind, valid_from, valid_to, vnd_per_unit, source)
    values ('USD', 'yearly_average', '1990-01-01', '2100-12-31', 23400, 'bench')
    on conflict do nothing`.execute(db);
  await sql`insert into zones (code, name_vi, kind)
    select 'bench-zone-' || g, 'KCN bench ' || g, 'industrial_park' from generate_series(1, ${ZONES}) g`.execute(
    db,
  );
  await sql`insert into enterprises (tax_code, name_vi, ownership)
    select lpad((5000000000 + g)::text, 10, '0'), 'Công ty bench ' || g, case when g % 4 = 0 then 'domestic' else 'fdi' end
    from generate_series(1, 2000) g`.execute(db);
  await sql`
    with z as (select row_number() over (order by code) as n, id from zones where code like 'bench-zone-%'),
         e as (select row_number() over (order by tax_code) as n, id from enterprises where tax_code like '5%'),
         g as (select g from generate_series(1, ${PROJECTS}) g)
    insert into investment_projects (project_code, name_vi, enterprise_id, zone_id, investment_type, country_code, vsic_code, currency)
    select 'BENCH' || lpad(g::text, 6, '0'), 'Dự án bench ' || g,
      (select id from e where e.n = 1 + g % 2000), (select id from z where z.n = 1 + g % ${ZONES}),
      case when g % 4 = 0 then 'ddi' else 'fdi' end,
      case when g % 4 = 0 then 'VN' else (array['KR','JP','CN','SG','TW','US','DE'])[1 + g % 7] end,
      (array['2610','2620','2640','2710','2930','2220','1410','5210','5229','6810'])[1 + g % 10],
      case when g % 4 = 0 then 'VND' else 'USD' end
    from g`.execute(db);
  // Entry k of a project: k = 1 the registration (capital c), k > 1 an adjustment of +a; after = c + (k-1)·a.
  await sql`
    insert into certificate_entries (project_id, seq, kind, certificate_no, amendment_no, certificate_date, effective_date,
      counts_as, currency, capital_before, capital_change, capital_after, change_usd, change_vnd, after_usd, after_vnd,
      fx_source, zone_id, investment_type, country_code, vsic_code)
    select p.id, k, case when k = 1 then 'new' else 'adjustment' end, p.project_code, k - 1, d, d,
      case when k = 1 then 'new' else 'adjustment' end, p.currency,
      case when k = 1 then 0 else c + (k - 2) * a end, case when k = 1 then c else a end, c + (k - 1) * a,
      case when k = 1 then c else a end, (case when k = 1 then c else a end) * 23400,
      c + (k - 1) * a, (c + (k - 1) * a) * 23400,
      'rate_table', p.zone_id, p.investment_type, p.country_code, p.vsic_code
    from (select id, project_code, zone_id, investment_type, country_code, vsic_code, currency,
            ((hashtext(project_code) & 1023) + 10) * 100000.00 as c, ((hashtext(project_code) & 255) + 1) * 10000.00 as a,
            date '2000-01-01' + (abs(hashtext(project_code)) % 8000) as d0
          from investment_projects where project_code like 'BENCH%') p
    cross join generate_series(1, ${ENTRIES_PER_PROJECT}) k
    cross join lateral (select least(p.d0 + (k - 1) * 60, date '2023-12-31') as d) dd`.execute(db);
  await sql`analyze certificate_entries`.execute(db);
  await sql`analyze investment_projects`.execute(db);
}

/** The bare aggregate (no presenter, no labels): the physical limit the product is compared with. */
const BARE_KEYS: Record<string, RawBuilder<unknown>> = {
  zone: sql`c.zone_id::text`,
  country: sql`c.country_code`,
  sector: sql`left(c.vsic_code, 2)`,
};

/** A 50 000-row ledger file: 5 adjustments on each of 10 000 bench projects, dated in 2024. */
function ledgerFile(): Buffer {
  const rows: (string | number | null)[][] = [...headRows('ledger')];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const project = 1 + (i % 10_000);
    const k = Math.floor(i / 10_000);
    const code = `BENCH${String(project).padStart(6, '0')}`;
    rows.push([
      code,
      'adjustment',
      code,
      10 + k,
      `2024-0${1 + k}-15`,
      null,
      String(1000 + (i % 97)),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  }
  return writeCsv(rows);
}

/**
 * Runs the registry benchmark on `db` and returns its rows (also passed to `log` as they are measured).
 * Takes about a minute on the reference machine (2 cores).
 */
export async function benchRegistry(opts: { db: Db; log: (row: BenchRow) => void }): Promise<BenchRow[]> {
  const { db, log } = opts;
  const rows: BenchRow[] = [];
  const emit = (r: BenchRow) => {
    rows.push(r);
    log(r);
  };

  const g0 = performance.now();
  await generateRegistryBenchData(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from certificate_entries`.execute(db);
  emit({
    name: `generate ${PROJECTS} projects, ${count.rows[0]?.n} ledger entries, ${ZONES} zones`,
    value: Math.round(performance.now() - g0),
    unit: 'ms',
  });

  for (const groupBy of ['zone', 'country', 'sector'] as const) {
    const product = await time(() => capitalAsOf(db, { kind: 'all' }, { asOf: AS_OF, groupBy }));
    const bare = await time(() =>
      capitalSql(AS_OF, BARE_KEYS[groupBy]!, sql`true`, { fullScan: true }).execute(db),
    );
    emit({
      name: `registered capital and valid projects as of ${AS_OF} by ${groupBy} (p95)`,
      value: p95(product),
      unit: 'ms',
      baseline: p95(bare),
      baselineName: 'bare SQL (full scan)',
      target: '≤ 50 ms',
    });
  }
  for (const groupBy of ['zone', 'country', 'sector'] as const) {
    const product = await time(() => investmentStats(db, { kind: 'all' }, { period: '2023S1', groupBy }));
    const bare = await time(() =>
      Promise.all([
        flowsSql('2023-01-01', '2023-06-30', BARE_KEYS[groupBy]!, sql`true`).execute(db),
        capitalSql('2023-06-30', BARE_KEYS[groupBy]!, sql`true`, { fullScan: true }).execute(db),
      ]),
    );
    emit({
      name: `period flows + cumulative for 2023S1 by ${groupBy}, with last year (p95)`,
      value: p95(product),
      unit: 'ms',
      baseline: p95(bare),
      baselineName: 'bare SQL (period flows + full-scan stock)',
      target: '≤ 50 ms',
    });
  }

  const file = ledgerFile();
  const i0 = performance.now();
  const report = await importRegistryFile(systemCtx(db, 'bench'), 'ledger', file, { format: 'csv' });
  const importMs = performance.now() - i0;
  if (!report.accepted || report.created !== IMPORT_ROWS) {
    throw new Error(`bench import refused: ${JSON.stringify(report.problems.slice(0, 5))}`);
  }
  // Baseline: the same number of rows inserted in bulk with no parsing or checks (copies of the imported rows).
  const b0 = performance.now();
  await db.transaction().execute(async (tx) => {
    await sql`create temporary table bench_copy on commit drop as select * from certificate_entries limit 0`.execute(
      tx,
    );
    await sql`insert into bench_copy select * from certificate_entries where certificate_date >= '2024-01-01'`.execute(
      tx,
    );
  });
  const bareMs = performance.now() - b0;
  emit({
    name: `import a ${IMPORT_ROWS}-row ledger CSV (${(file.length / 1e6).toFixed(1)} MB): parse, check every row, write`,
    value: Math.round(importMs),
    unit: 'ms',
    baseline: Math.round(bareMs),
    baselineName: 'bare insert of the same rows',
    target: '≤ 30 000 ms',
  });
  return rows;
}
