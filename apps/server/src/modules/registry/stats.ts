/**
 * Derived registry figures, computed from the certificate ledger and the zone events on every request (no
 * stored totals to drift): flows for a period (new registrations, adjustments, share purchases, terminations,
 * transfers), cumulative valid projects and registered capital as of a date, by zone, investor country, sector
 * (VSIC division) and FDI/DDI; and counts and occupancy of zones as of a date.
 *
 * Conventions (docs in README.md): an entry counts on its effective date (a correction on the date of the entry
 * it corrects) under the zone/country/sector recorded on it; "adjusted" counts capital increases; share
 * purchases add to the attracted total but not to registered capital; cumulative projects = registrations and
 * transfers in minus terminations and transfers out.
 */
import {
  type Lang,
  parsePeriod,
  periodEnd,
  periodLabel,
  periodStart,
  samePeriodLastYear,
} from '@heza/shared';
import {
  countryName,
  ESTABLISHED_STATUSES,
  type InvestmentStats,
  type InvestmentStatsRow,
  type StatsGroupBy,
  todayVn,
  type ZoneKind,
  type ZonesSummary,
} from '@heza/shared/registry';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { dec, fmt, pct } from './decimal.ts';
import { allZones } from './queries.ts';
import { NO_ID, type RegistryFilter } from './scope.ts';
import { findVsic } from './vsic.ts';

const KEY_SQL: Record<StatsGroupBy, RawBuilder<unknown>> = {
  none: sql`null::text`,
  type: sql`null::text`,
  zone: sql`c.zone_id::text`,
  country: sql`c.country_code`,
  sector: sql`left(c.vsic_code, 2)`,
};

/** Whether the yearly totals can answer for this filter (they carry zone, type, country, sector; no project). */
const totalsAnswer = (filter: RegistryFilter) => filter.kind !== 'enterprise';

/** SQL conditions on certificate_entries `c` for the actor's filter and the query's own filters. */
function entryWhere(
  filter: RegistryFilter,
  q: { zoneId?: string; investmentType?: string },
): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.kind === 'zones')
    parts.push(sql`c.zone_id = any(${filter.zoneIds.length ? filter.zoneIds : [NO_ID]}::uuid[])`);
  if (filter.kind === 'enterprise') {
    parts.push(
      sql`c.project_id in (select id from investment_projects where enterprise_id = ${filter.enterpriseId}::uuid)`,
    );
  }
  if (q.zoneId)
    parts.push(
      sql`c.zone_id in (select id from zones where id = ${q.zoneId}::uuid or parent_id = ${q.zoneId}::uuid)`,
    );
  if (q.investmentType) parts.push(sql`c.investment_type = ${q.investmentType}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

interface FlowRow {
  investment_type: string;
  key: string | null;
  new_projects: number;
  new_entries: number;
  new_usd: string;
  new_vnd: string;
  adj_projects: number;
  adj_entries: number;
  adj_usd: string;
  adj_vnd: string;
  dec_projects: number;
  dec_entries: number;
  dec_usd: string;
  dec_vnd: string;
  share_projects: number;
  share_entries: number;
  share_usd: string;
  share_vnd: string;
  term_projects: number;
  term_usd: string;
  term_vnd: string;
  tin_projects: number;
  tin_usd: string;
  tin_vnd: string;
  tout_projects: number;
  tout_usd: string;
  tout_vnd: string;
}

/** The flows of a period [start, end] (an index range scan on effective_date): counts and sums by kind. */
export function flowsSql(start: string, end: string, key: RawBuilder<unknown>, where: RawBuilder<unknown>) {
  return sql<FlowRow>`
    select c.investment_type, ${key} as key,
      count(distinct c.project_id) filter (where c.kind = 'new')::int as new_projects,
      count(*) filter (where c.kind = 'new')::int as new_entries,
      coalesce(sum(c.change_usd) filter (where c.counts_as = 'new'), 0) as new_usd,
      coalesce(sum(c.change_vnd) filter (where c.counts_as = 'new'), 0) as new_vnd,
      count(distinct c.project_id) filter (where c.kind = 'adjustment' and c.capital_change > 0)::int as adj_projects,
      count(*) filter (where c.kind = 'adjustment' and c.capital_change > 0)::int as adj_entries,
      coalesce(sum(c.change_usd) filter (where c.counts_as = 'adjustment' and (c.kind = 'correction' or c.capital_change > 0)), 0) as adj_usd,
      coalesce(sum(c.change_vnd) filter (where c.counts_as = 'adjustment' and (c.kind = 'correction' or c.capital_change > 0)), 0) as adj_vnd,
      count(distinct c.project_id) filter (where c.kind = 'adjustment' and c.capital_change < 0)::int as dec_projects,
      count(*) filter (where c.kind = 'adjustment' and c.capital_change < 0)::int as dec_entries,
      coalesce(sum(c.change_usd) filter (where c.kind = 'adjustment' and c.capital_change < 0), 0) as dec_usd,
      coalesce(sum(c.change_vnd) filter (where c.kind = 'adjustment' and c.capital_change < 0), 0) as dec_vnd,
      count(distinct c.project_id) filter (where c.kind = 'share_purchase')::int as share_projects,
      count(*) filter (where c.kind = 'share_purchase')::int as share_entries,
      coalesce(sum(c.deal_value_usd) filter (where c.kind = 'share_purchase'), 0) as share_usd,
      coalesce(sum(c.deal_value_vnd) filter (where c.kind = 'share_purchase'), 0) as share_vnd,
      count(*) filter (where c.kind = 'termination')::int as term_projects,
      coalesce(sum(c.change_usd) filter (where c.counts_as = 'termination'), 0) as term_usd,
      coalesce(sum(c.change_vnd) filter (where c.counts_as = 'termination'), 0) as term_vnd,
      count(*) filter (where c.kind = 'transfer_in')::int as tin_projects,
      coalesce(sum(c.change_usd) filter (where c.counts_as = 'transfer_in'), 0) as tin_usd,
      coalesce(sum(c.change_vnd) filter (where c.counts_as = 'transfer_in'), 0) as tin_vnd,
      count(*) filter (where c.kind = 'transfer_out')::int as tout_projects,
      coalesce(sum(c.change_usd) filter (where c.counts_as = 'transfer_out'), 0) as tout_usd,
      coalesce(sum(c.change_vnd) filter (where c.counts_as = 'transfer_out'), 0) as tout_vnd
    from certificate_entries c
    where c.effective_date >= ${start}::date and c.effective_date <= ${end}::date and ${where}
    group by 1, 2`;
}

/** A group with no flow in the period (it still has capital). */
function emptyFlow(investmentType: string, key: string | null): FlowRow {
  const zero = '0';
  return {
    investment_type: investmentType,
    key,
    new_projects: 0,
    new_entries: 0,
    new_usd: zero,
    new_vnd: zero,
    adj_projects: 0,
    adj_entries: 0,
    adj_usd: zero,
    adj_vnd: zero,
    dec_projects: 0,
    dec_entries: 0,
    dec_usd: zero,
    dec_vnd: zero,
    share_projects: 0,
    share_entries: 0,
    share_usd: zero,
    share_vnd: zero,
    term_projects: 0,
    term_usd: zero,
    term_vnd: zero,
    tin_projects: 0,
    tin_usd: zero,
    tin_vnd: zero,
    tout_projects: 0,
    tout_usd: zero,
    tout_vnd: zero,
  };
}

/** Labels for group keys (zone names, country and sector names in the request language). */
async function labelsFor(
  db: DbOrTx,
  groupBy: StatsGroupBy,
  keys: string[],
  lang: Lang,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  if (groupBy === 'zone' && keys.length) {
    const zones = await db
      .selectFrom('zones')
      .select(['id', 'name_vi', 'name_en'])
      .where('id', 'in', keys)
      .execute();
    for (const z of zones) labels.set(z.id, lang === 'en' ? (z.name_en ?? z.name_vi) : z.name_vi);
  } else if (groupBy === 'country') {
    for (const k of keys) labels.set(k, countryName(k, lang));
  } else if (groupBy === 'sector') {
    for (const k of keys) {
      const v = findVsic(k);
      labels.set(k, v ? `${k} – ${lang === 'en' ? v.en : v.vi}` : k);
    }
  }
  return labels;
}

const PLAN_OF_TYPE = { fdi: 'fdi_attracted_usd_m', ddi: 'ddi_attracted_vnd_bn' } as const;
/** Plan units are millions of USD and billions of VND. */
const PLAN_SCALE = { fdi: 1_000_000n, ddi: 1_000_000_000n } as const;

/** The revision in force today of each year's plan for an indicator. */
async function planFor(db: DbOrTx, indicator: string, year: number) {
  return db
    .selectFrom('plans')
    .select(['indicator', 'value', 'range_low', 'range_high', 'unit', 'decision_no'])
    .where('indicator', '=', indicator)
    .where('year_from', '=', year)
    .where('year_to', '=', year)
    .where('effective_from', '<=', todayVn())
    .orderBy('effective_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
}

/**
 * Investment figures for a period (id such as 2024YTD11), split FDI/DDI and grouped by zone, country, sector or
 * nothing; with the same period last year and, for authority-wide totals, the year's plan.
 */
export async function investmentStats(
  db: DbOrTx,
  filter: RegistryFilter,
  q: { period: string; groupBy?: StatsGroupBy; zoneId?: string; investmentType?: string },
  lang: Lang = 'vi',
): Promise<InvestmentStats> {
  let period: ReturnType<typeof parsePeriod>;
  try {
    period = parsePeriod(q.period);
  } catch (err) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'query.period', message: (err as Error).message }],
    });
  }
  const groupBy = q.groupBy ?? 'none';
  const start = periodStart(period);
  const end = periodEnd(period);
  const last = samePeriodLastYear(period);
  const where = entryWhere(filter, q);
  const key = KEY_SQL[groupBy];
  const [flows, previous, stock] = await Promise.all([
    flowsSql(start, end, key, where).execute(db),
    flowsSql(periodStart(last), periodEnd(last), key, where).execute(db),
    capitalSql(end, key, where, { fullScan: !totalsAnswer(filter) }).execute(db),
  ]);
  // Every group with flows in the period or capital at its end gets a row.
  const stockBy = new Map(stock.rows.map((r) => [`${r.investment_type}|${r.key}`, r]));
  const flowBy = new Map(flows.rows.map((r) => [`${r.investment_type}|${r.key}`, r]));
  const current = [...new Set([...flowBy.keys(), ...stockBy.keys()])].map((k) => {
    const [type, key] = [k.slice(0, 3), stockBy.get(k)?.key ?? flowBy.get(k)?.key ?? null];
    return { ...(flowBy.get(k) ?? emptyFlow(type, key)), cum: stockBy.get(k) };
  });
  const prevTotal = new Map(
    previous.rows.map((r) => [
      `${r.investment_type}|${r.key}`,
      {
        usd: dec(r.new_usd) + dec(r.adj_usd) + dec(r.share_usd),
        vnd: dec(r.new_vnd) + dec(r.adj_vnd) + dec(r.share_vnd),
      },
    ]),
  );
  const labels = await labelsFor(
    db,
    groupBy,
    [...new Set(current.map((r) => r.key).filter((k): k is string => k !== null))],
    lang,
  );
  const wholeAuthority = filter.kind === 'all' && !q.zoneId && (groupBy === 'none' || groupBy === 'type');
  const plans = wholeAuthority
    ? {
        fdi: await planFor(db, PLAN_OF_TYPE.fdi, period.year),
        ddi: await planFor(db, PLAN_OF_TYPE.ddi, period.year),
      }
    : { fdi: undefined, ddi: undefined };

  const rows: InvestmentStatsRow[] = current.map((r) => {
    const type = r.investment_type as 'fdi' | 'ddi';
    const totalUsd = dec(r.new_usd) + dec(r.adj_usd) + dec(r.share_usd);
    const totalVnd = dec(r.new_vnd) + dec(r.adj_vnd) + dec(r.share_vnd);
    const reportTotal = type === 'fdi' ? totalUsd : totalVnd;
    const prev = prevTotal.get(`${r.investment_type}|${r.key}`) ?? null;
    const plan = plans[type];
    const planBase = plan ? (plan.value ?? plan.range_low) : null;
    const money = (usd: string, vnd: string) => ({ usd: fmt(dec(usd)), vnd: fmt(dec(vnd), 0) });
    return {
      investmentType: type,
      key: r.key,
      label: r.key === null ? null : (labels.get(r.key) ?? r.key),
      new: { projects: r.new_projects, entries: r.new_entries, ...money(r.new_usd, r.new_vnd) },
      adjusted: { projects: r.adj_projects, entries: r.adj_entries, ...money(r.adj_usd, r.adj_vnd) },
      decreased: { projects: r.dec_projects, entries: r.dec_entries, ...money(r.dec_usd, r.dec_vnd) },
      sharePurchase: {
        projects: r.share_projects,
        entries: r.share_entries,
        ...money(r.share_usd, r.share_vnd),
      },
      terminated: { projects: r.term_projects, entries: r.term_projects, ...money(r.term_usd, r.term_vnd) },
      transferredIn: { projects: r.tin_projects, entries: r.tin_projects, ...money(r.tin_usd, r.tin_vnd) },
      transferredOut: {
        projects: r.tout_projects,
        entries: r.tout_projects,
        ...money(r.tout_usd, r.tout_vnd),
      },
      total: { usd: fmt(totalUsd), vnd: fmt(totalVnd, 0) },
      cumulative: {
        projects: r.cum?.projects ?? 0,
        usd: fmt(dec(r.cum?.usd ?? '0')),
        vnd: fmt(dec(r.cum?.vnd ?? '0'), 0),
      },
      samePeriodLastYear: prev ? { usd: fmt(prev.usd), vnd: fmt(prev.vnd, 0) } : null,
      pctSamePeriodLastYear: prev ? pct(reportTotal, type === 'fdi' ? prev.usd : prev.vnd) : null,
      plan: plan
        ? {
            indicator: plan.indicator,
            value: plan.value,
            rangeLow: plan.range_low,
            rangeHigh: plan.range_high,
            unit: plan.unit,
            decisionNo: plan.decision_no,
          }
        : null,
      pctPlan: planBase ? pct(reportTotal, dec(planBase) * PLAN_SCALE[type]) : null,
    };
  });
  rows.sort(
    (a, b) => a.investmentType.localeCompare(b.investmentType) || Number(dec(b.total.usd) - dec(a.total.usd)),
  );
  return {
    period: {
      id: q.period,
      start,
      end,
      labelVi: periodLabel(period, 'vi'),
      labelEn: periodLabel(period, 'en'),
    },
    groupBy,
    rows,
    notes: [
      'Counts: new = registrations; adjusted = projects with a capital increase; cumulative = valid projects at the period end.',
      'Share purchases (góp vốn, mua cổ phần) add to the attracted total but not to registered capital.',
      'Each entry counts under the zone, country and sector recorded on it, on its effective date (corrections on the date of the entry they correct).',
      'pctPlan compares the total with the plan in force today (its lower bound for a range), FDI in USD and DDI in VND.',
    ],
  };
}

/** Valid projects and registered capital as of a date, FDI/DDI and grouped like `investmentStats`. */
export async function capitalAsOf(
  db: DbOrTx,
  filter: RegistryFilter,
  q: { asOf: string; groupBy?: StatsGroupBy; zoneId?: string; investmentType?: string },
  lang: Lang = 'vi',
) {
  const groupBy = q.groupBy ?? 'none';
  const result = await capitalSql(q.asOf, KEY_SQL[groupBy], entryWhere(filter, q), {
    fullScan: !totalsAnswer(filter),
  }).execute(db);
  const labels = await labelsFor(
    db,
    groupBy,
    [...new Set(result.rows.map((r) => r.key).filter((k): k is string => k !== null))],
    lang,
  );
  return {
    asOf: q.asOf,
    groupBy,
    rows: result.rows.map((r) => ({
      investmentType: r.investment_type as 'fdi' | 'ddi',
      key: r.key,
      label: r.key === null ? null : (labels.get(r.key) ?? r.key),
      projects: r.projects,
      usd: fmt(dec(r.usd)),
      vnd: fmt(dec(r.vnd), 0),
    })),
  };
}

/**
 * The stock aggregate as of a date: the yearly totals of the years before (table ledger_year_totals, kept by a
 * trigger) plus the entries of the date's own year. `fullScan` sums every entry instead (the bare SQL the
 * benchmark compares with; also used when the filter needs project columns the totals do not have).
 */
export function capitalSql(
  asOf: string,
  key: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  opts: { fullScan?: boolean } = {},
) {
  const delta = sql`case when c.kind in ('new', 'transfer_in') then 1 when c.kind in ('termination', 'transfer_out') then -1 else 0 end`;
  if (opts.fullScan) {
    return sql<{ investment_type: string; key: string | null; projects: number; usd: string; vnd: string }>`
      select c.investment_type, ${key} as key, coalesce(sum(${delta}), 0)::int as projects,
        coalesce(sum(c.change_usd), 0) as usd, coalesce(sum(c.change_vnd), 0) as vnd
      from certificate_entries c
      where c.effective_date <= ${asOf}::date and ${where}
      group by 1, 2
      order by 1, 2`;
  }
  const year = Number(asOf.slice(0, 4));
  return sql<{ investment_type: string; key: string | null; projects: number; usd: string; vnd: string }>`
    select investment_type, key, coalesce(sum(projects), 0)::int as projects, coalesce(sum(usd), 0) as usd, coalesce(sum(vnd), 0) as vnd
    from (
      select c.investment_type, ${key} as key, c.projects, c.change_usd as usd, c.change_vnd as vnd
      from ledger_year_totals c where c.year < ${year} and ${where}
      union all
      select c.investment_type, ${key} as key, ${delta}, c.change_usd, c.change_vnd
      from certificate_entries c
      where c.effective_date >= ${`${year}-01-01`}::date and c.effective_date <= ${asOf}::date and ${where}
    ) x
    group by 1, 2
    order by 1, 2`;
}

/**
 * How many zones of a kind were at each lifecycle status on a date, and the areas and occupancy of the
 * established and the operating ones: Σ leased ÷ Σ leasable (area-weighted) and the plain mean of each zone's.
 */
export async function zonesSummary(
  db: DbOrTx,
  filter: RegistryFilter,
  asOf: string,
  kind: ZoneKind = 'industrial_park',
): Promise<ZonesSummary> {
  const zones = await allZones(db, filter, { asOf, kind });
  const byStatus: Record<string, number> = {};
  for (const z of zones) if (z.status) byStatus[z.status] = (byStatus[z.status] ?? 0) + 1;
  const group = (list: typeof zones) => {
    let total = 0n;
    let industrial = 0n;
    let leasable = 0n;
    let leased = 0n;
    let weightedLeasable = 0n;
    let weightedLeased = 0n;
    const perZone: number[] = [];
    for (const z of list) {
      if (!z.area) continue;
      total += dec(z.area.totalAreaHa);
      if (z.area.industrialLandHa) industrial += dec(z.area.industrialLandHa);
      if (z.area.leasableHa) leasable += dec(z.area.leasableHa);
      if (z.area.leasedHa) leased += dec(z.area.leasedHa);
      if (z.area.leasableHa && z.area.leasedHa) {
        weightedLeasable += dec(z.area.leasableHa);
        weightedLeased += dec(z.area.leasedHa);
      }
      if (z.area.occupancyPct !== null) perZone.push(z.area.occupancyPct);
    }
    return {
      count: list.length,
      totalAreaHa: fmt(total),
      industrialLandHa: fmt(industrial),
      leasableHa: fmt(leasable),
      leasedHa: fmt(leased),
      occupancyPct: pct(weightedLeased, weightedLeasable),
      meanOccupancyPct: perZone.length
        ? Math.round((perZone.reduce((a, b) => a + b, 0) / perZone.length) * 100) / 100
        : null,
    };
  };
  const established = zones.filter(
    (z) => z.status && (ESTABLISHED_STATUSES as readonly string[]).includes(z.status),
  );
  return {
    asOf,
    kind,
    byStatus,
    established: group(established),
    operating: group(zones.filter((z) => z.status === 'operating')),
    zonesWithoutArea: established.filter((z) => !z.area).map((z) => ({ id: z.id, name: z.nameVi })),
  };
}
