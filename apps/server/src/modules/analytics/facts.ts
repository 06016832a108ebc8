/**
 * SQL over the submitted values, read live (there is no analytics table to refresh). One query per aggregation
 * class returns partial sums per period × indicator × breakdown part × requested dimensions, at leaf zones; the
 * engine rolls zones up to their parents and derives the measures.
 *
 * - sum (flows): Σ values whose period lies inside the requested period;
 * - last (stocks): Σ values of the requested period's last sub-period (the month, quarter… that ends on the same
 *   day: labour "at 30/11"); an enterprise that did not report it is missing, or carried forward when asked;
 * - weighted average: Σ(value × weight) ÷ Σ weight, the weight being copied on each value (income × labour);
 * - carry-forward estimates: for each enterprise that must report the indicator's form but has no value for a
 *   sub-period, its latest earlier value (flagged, counted apart).
 *
 * Sources: `report_rollups` (kept by triggers in the same statement as every write: a few thousand rows per
 * query) whenever no enterprise-level detail is needed; `report_values` for the enterprise dimension and an
 * enterprise's own figures; `report_value_history` for figures "as known at" a moment (each value's latest
 * change up to it).
 */
import { type RawBuilder, sql } from 'kysely';

/** A requested period as a date range; `key` identifies the range (two ids with one range share it). */
export interface RangeSpec {
  key: string;
  start: string;
  end: string;
}

/** The dimensions a fact query groups by (besides period, indicator and breakdown part). */
export interface FactDims {
  zone: boolean;
  investmentType: boolean;
  sector: boolean;
  country: boolean;
  enterprise: boolean;
}

/** A partial aggregate at leaf level. Numbers are exact decimal strings. */
export interface FactRow {
  range: string;
  indicator_id: number;
  combo: string;
  k_zone: string | null;
  k_type: string | null;
  k_sector: string | null;
  k_country: string | null;
  k_ent: string | null;
  total: string;
  den: string | null;
  est: string;
  est_den: string | null;
  /** Values (reports) added. */
  n: number;
  /** Values of the range's last sub-period (the enterprises that reported it). */
  n_last: number;
}

/** Where facts come from: the current values, or the values as known at a moment. */
export type FactSource =
  | { kind: 'rollup' }
  | { kind: 'current' }
  | { kind: 'asOf'; at: string; indicatorIds: number[] };

/** The first start and the last end of some ranges (ISO dates compare as text). */
function span(ranges: RangeSpec[]): { lo: string; hi: string } {
  const starts = ranges.map((r) => r.start).sort();
  const ends = ranges.map((r) => r.end).sort();
  return { lo: starts[0] ?? '0000-01-01', hi: ends[ends.length - 1] ?? '9999-12-31' };
}

/**
 * The facts a query reads: the values table itself, or (as known at a moment) a materialized CTE of each
 * value's latest change up to then, limited to the periods the query can touch.
 */
function facts(src: FactSource, ranges: RangeSpec[], from: 'ranges' | 'all' = 'ranges') {
  if (src.kind !== 'asOf')
    return { cte: null as RawBuilder<unknown> | null, table: sql`report_values` as RawBuilder<unknown> };
  const { lo, hi } = span(ranges);
  const cte = sql`f as materialized (
    select x.* from (
      select distinct on (h.submission_id, h.indicator_id, h.combo)
        h.submission_id, h.indicator_id, h.combo, h.value, h.is_estimate, h.enterprise_id, h.period_start,
        h.period_end, h.dims_id
      from report_value_history h
      where h.changed_at <= ${src.at}::timestamptz and h.indicator_id = any(${src.indicatorIds}::smallint[])
        and h.period_start <= ${hi}::date ${from === 'ranges' ? sql`and h.period_start >= ${lo}::date` : sql``}
      order by h.submission_id, h.indicator_id, h.combo, h.changed_at desc, h.id desc) x
    where x.value is not null)`;
  return { cte, table: sql`f` as RawBuilder<unknown> };
}

const withClause = (cte: RawBuilder<unknown> | null) => (cte ? sql`with ${cte}` : sql``);

function rangesValues(ranges: RangeSpec[]): RawBuilder<unknown> {
  const rows = ranges.map((r) => sql`(${r.key}::text, ${r.start}::date, ${r.end}::date)`);
  return sql`(values ${sql.join(rows)}) as p(range, ps, pe)`;
}

/** The grouping columns, null where a dimension is not requested (so every query returns one row shape). */
function keyColumns(dims: FactDims, ent: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql.join([
    dims.zone ? sql`d.zone_id::text as k_zone` : sql`null::text as k_zone`,
    dims.investmentType ? sql`d.investment_type as k_type` : sql`null::text as k_type`,
    dims.sector ? sql`d.sector as k_sector` : sql`null::text as k_sector`,
    dims.country ? sql`d.country as k_country` : sql`null::text as k_country`,
    dims.enterprise ? sql`${ent}::text as k_ent` : sql`null::text as k_ent`,
  ]);
}

const GROUP_KEYS = sql`k_zone, k_type, k_sector, k_country, k_ent`;

/** How a value's period must sit in a requested range: inside it (flows), or its last sub-period (stocks). */
function within(kind: 'sum' | 'last', alias: string): RawBuilder<unknown> {
  const v = sql.ref(alias);
  return kind === 'sum'
    ? sql`${v}.period_start between p.ps and p.pe and ${v}.period_end <= p.pe`
    : sql`${v}.period_end = p.pe and ${v}.period_start between p.ps and p.pe`;
}

/**
 * Σ of flows (kind 'sum') or of stocks at the range end (kind 'last') for each range, from the rollup or the
 * values. `n` counts the values (reports) added.
 */
export function totalsSql(
  src: FactSource,
  kind: 'sum' | 'last',
  indicatorIds: number[],
  combos: string[],
  ranges: RangeSpec[],
  dims: FactDims,
  where: RawBuilder<unknown>,
) {
  if (src.kind === 'rollup') {
    return sql<FactRow>`
      select p.range, r.indicator_id, r.combo, ${keyColumns({ ...dims, enterprise: false }, sql`null`)},
        sum(r.total)::text as total, null::text as den, sum(r.total_est)::text as est, null::text as est_den,
        sum(r.n)::int as n, coalesce(sum(r.n) filter (where r.period_end = p.pe), 0)::int as n_last
      from ${rangesValues(ranges)}
      cross join lateral (
        select * from report_rollups r
        where r.indicator_id = any(${indicatorIds}::smallint[]) and r.combo = any(${combos}::text[])
          and ${within(kind, 'r')} and r.n > 0
        -- offset 0 keeps the per-range index scan (the planner would otherwise flatten it)
        offset 0
      ) r
      join reporting_dims d on d.id = r.dims_id
      where ${where}
      group by p.range, r.indicator_id, r.combo, ${GROUP_KEYS}`;
  }
  const f = facts(src, ranges);
  return sql<FactRow>`
    ${withClause(f.cte)}
    select p.range, v.indicator_id, v.combo, ${keyColumns(dims, sql`v.enterprise_id`)},
      sum(v.value)::text as total, null::text as den,
      coalesce(sum(v.value) filter (where v.is_estimate), 0)::text as est, null::text as est_den,
      count(*)::int as n, count(*) filter (where v.period_end = p.pe)::int as n_last
    from ${rangesValues(ranges)}
    cross join lateral (
      select * from ${f.table} v
      where v.indicator_id = any(${indicatorIds}::smallint[]) and v.combo = any(${combos}::text[]) and ${within(kind, 'v')}
      -- offset 0 keeps the per-range index scan (the planner would otherwise flatten it)
      offset 0
    ) v
    join reporting_dims d on d.id = v.dims_id
    where ${where}
    group by p.range, v.indicator_id, v.combo, ${GROUP_KEYS}`;
}

/**
 * Weighted average: Σ(value × weight) and Σ weight. Current figures use the weight copied on each value (and
 * its rollup); figures "as known at" a moment pair each value with its report's weight as known then, by one
 * grouped scan of both indicators (no self-join).
 */
export function weightedSql(
  src: FactSource,
  indicatorId: number,
  weightId: number,
  ranges: RangeSpec[],
  dims: FactDims,
  where: RawBuilder<unknown>,
) {
  if (src.kind === 'rollup') {
    return sql<FactRow>`
      select p.range, r.indicator_id, r.combo, ${keyColumns({ ...dims, enterprise: false }, sql`null`)},
        sum(r.vw)::text as total, sum(r.w)::text as den, sum(r.vw_est)::text as est, sum(r.w_est)::text as est_den,
        sum(r.n)::int as n, coalesce(sum(r.n) filter (where r.period_end = p.pe), 0)::int as n_last
      from ${rangesValues(ranges)}
      cross join lateral (
        select * from report_rollups r
        where r.indicator_id = ${indicatorId}::smallint and r.combo = '' and ${within('sum', 'r')} and r.n > 0
        -- offset 0 keeps the per-range index scan (the planner would otherwise flatten it)
        offset 0
      ) r
      join reporting_dims d on d.id = r.dims_id
      where ${where}
      group by p.range, r.indicator_id, r.combo, ${GROUP_KEYS}`;
  }
  if (src.kind === 'current') {
    return sql<FactRow>`
      select p.range, v.indicator_id, v.combo, ${keyColumns(dims, sql`v.enterprise_id`)},
        sum(v.value * v.weight)::text as total, sum(v.weight)::text as den,
        coalesce(sum(v.value * v.weight) filter (where v.is_estimate), 0)::text as est,
        coalesce(sum(v.weight) filter (where v.is_estimate), 0)::text as est_den,
        count(*)::int as n, count(*) filter (where v.period_end = p.pe)::int as n_last
      from ${rangesValues(ranges)}
      cross join lateral (
        select * from report_values v
        where v.indicator_id = ${indicatorId}::smallint and v.combo = '' and ${within('sum', 'v')} and v.weight is not null
        -- offset 0 keeps the per-range index scan (the planner would otherwise flatten it)
        offset 0
      ) v
      join reporting_dims d on d.id = v.dims_id
      where ${where}
      group by p.range, v.indicator_id, v.combo, ${GROUP_KEYS}`;
  }
  const f = facts(src, ranges);
  const { lo, hi } = span(ranges);
  return sql<FactRow>`
    ${withClause(f.cte)}
    select p.range, ${indicatorId}::int as indicator_id, ''::text as combo, ${keyColumns(dims, sql`v.enterprise_id`)},
      sum(v.val * v.wt)::text as total, sum(v.wt)::text as den,
      coalesce(sum(v.val * v.wt) filter (where v.est), 0)::text as est,
      coalesce(sum(v.wt) filter (where v.est), 0)::text as est_den,
      count(*)::int as n, count(*) filter (where v.period_end = p.pe)::int as n_last
    from (
      select x.submission_id, x.enterprise_id, x.dims_id, x.period_start, x.period_end,
        max(x.value) filter (where x.indicator_id = ${indicatorId}::smallint) as val,
        max(x.value) filter (where x.indicator_id = ${weightId}::smallint) as wt,
        bool_or(x.is_estimate) filter (where x.indicator_id = ${indicatorId}::smallint) as est
      from ${f.table} x
      where x.indicator_id in (${indicatorId}::smallint, ${weightId}::smallint) and x.combo = ''
        and x.period_start between ${lo}::date and ${hi}::date
      group by x.submission_id, x.enterprise_id, x.dims_id, x.period_start, x.period_end
    ) v
    join ${rangesValues(ranges)} on ${within('sum', 'v')}
    join reporting_dims d on d.id = v.dims_id
    where v.val is not null and v.wt is not null and ${where}
    group by p.range, ${GROUP_KEYS}`;
}

/** A cell to estimate: an expected enterprise's sub-period `[start, end]` of a range. */
export interface ImputeCell {
  range: string;
  start: string;
  end: string;
}

/**
 * Carry-forward estimates for one indicator and breakdown part: every enterprise of `expected` with no value
 * in a cell gets its latest value before the cell (none → not estimated). For a weighted average both the
 * value and its weight come from that latest submission.
 */
export function imputeSql(
  src: FactSource,
  indicatorId: number,
  combo: string,
  weightId: number | null,
  cells: ImputeCell[],
  expected: RawBuilder<{ enterprise_id: string }>,
  dims: FactDims,
  where: RawBuilder<unknown>,
) {
  const f = facts(
    src,
    cells.map((c) => ({ key: c.range, start: c.start, end: c.end })),
    'all',
  );
  const table = f.table;
  const lastEnd = new Map<string, string>();
  for (const c of cells) if ((lastEnd.get(c.range) ?? '') < c.end) lastEnd.set(c.range, c.end);
  const cellRows = cells.map(
    (c) =>
      sql`(${c.range}::text, ${c.start}::date, ${c.end}::date, ${lastEnd.get(c.range) === c.end}::boolean)`,
  );
  const latest =
    weightId === null
      ? sql`select v.value, null::numeric as weight, v.dims_id from ${table} v
          where v.enterprise_id = m.enterprise_id and v.indicator_id = ${indicatorId}::smallint and v.combo = ${combo}
            and v.period_start < m.cs
          order by v.period_start desc limit 1`
      : src.kind !== 'asOf'
        ? sql`select v.value, v.weight, v.dims_id from ${table} v
          where v.enterprise_id = m.enterprise_id and v.indicator_id = ${indicatorId}::smallint and v.combo = ''
            and v.weight is not null and v.period_start < m.cs
          order by v.period_start desc limit 1`
        : sql`select v.value, w.value as weight, v.dims_id from ${table} v
          join ${table} w on w.submission_id = v.submission_id and w.indicator_id = ${weightId}::smallint and w.combo = ''
          where v.enterprise_id = m.enterprise_id and v.indicator_id = ${indicatorId}::smallint and v.combo = ${combo}
            and v.period_start < m.cs
          order by v.period_start desc limit 1`;
  return sql<FactRow>`
    with ${f.cte ? sql`${f.cte},` : sql``} c(range, cs, ce, last) as (values ${sql.join(cellRows)}),
    x as (${expected}),
    m as (
      select c.range, c.cs, c.last, x.enterprise_id from c cross join x
      where not exists (select 1 from ${table} f where f.enterprise_id = x.enterprise_id
        and f.indicator_id = ${indicatorId}::smallint and f.combo = ${combo} and f.period_start between c.cs and c.ce)
    )
    select m.range, ${indicatorId}::int as indicator_id, ${combo}::text as combo,
      ${keyColumns(dims, sql`m.enterprise_id`)},
      ${weightId === null ? sql`sum(l.value)::text` : sql`sum(l.value * l.weight)::text`} as total,
      ${weightId === null ? sql`null::text` : sql`sum(l.weight)::text`} as den,
      '0' as est, null::text as est_den,
      count(*)::int as n, count(*) filter (where m.last)::int as n_last
    from m cross join lateral (${latest}) l
    join reporting_dims d on d.id = l.dims_id
    where ${where}
    group by m.range, ${GROUP_KEYS}`;
}
