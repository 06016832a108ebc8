/**
 * The registry as an analytics source: investment attracted, new projects, valid projects and registered
 * capital come from the certificate ledger through the registry's own aggregate (`flowsSql` in
 * modules/registry/stats.ts, so both modules count the same way), occupancy from the zones' area records in
 * force at the period end (`allZones`). Results are leaf rows in the engine's shape; zones roll up there.
 *
 * Measures (indicators.registry_measure): '<fdi|ddi>.attracted' (new + capital increases + share purchases,
 * USD for FDI, VND for DDI), '<t>.new_projects', '<t>.valid_projects' and '<t>.registered_capital' (stocks at the
 * period end), 'occupancy' (Σ leased ÷ Σ leasable of established industrial parks, in %).
 * For flows the registry also yields the cumulative stock (combo '#cum': lũy kế = registered capital to date).
 */
import { add, int, mul, type Rational, rational, toPlainDecimal, ZERO } from '@heza/shared/exact';
import { ESTABLISHED_STATUSES } from '@heza/shared/registry';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { allZones } from '../registry/queries.ts';
import { NO_ID, type RegistryFilter } from '../registry/scope.ts';
import { capitalSql, flowsSql } from '../registry/stats.ts';
import type { FactDims, FactRow, RangeSpec } from './facts.ts';

/** What the registry source needs to know of the query's filters. */
export interface RegistryFilters {
  access: RegistryFilter;
  /** Zone filter, already widened to descendants. */
  zoneIds?: string[];
  investmentType?: 'fdi' | 'ddi';
  sectors?: string[];
  countries?: string[];
}

/** A registry indicator: its id in the catalogue and its measure. */
export interface RegistryIndicator {
  id: number;
  measure: string;
}

function entryWhere(f: RegistryFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (f.access.kind === 'zones')
    parts.push(sql`c.zone_id = any(${f.access.zoneIds.length ? f.access.zoneIds : [NO_ID]}::uuid[])`);
  if (f.access.kind === 'enterprise') {
    parts.push(
      sql`c.project_id in (select id from investment_projects where enterprise_id = ${f.access.enterpriseId}::uuid)`,
    );
  }
  if (f.zoneIds) parts.push(sql`c.zone_id = any(${f.zoneIds.length ? f.zoneIds : [NO_ID]}::uuid[])`);
  if (f.investmentType) parts.push(sql`c.investment_type = ${f.investmentType}`);
  if (f.sectors) parts.push(sql`left(c.vsic_code, 2) = any(${f.sectors}::text[])`);
  if (f.countries) parts.push(sql`c.country_code = any(${f.countries}::text[])`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

function keyExpr(dims: FactDims): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  parts.push(dims.zone ? sql`c.zone_id::text` : sql`''`);
  parts.push(dims.sector ? sql`left(c.vsic_code, 2)` : sql`''`);
  parts.push(dims.country ? sql`c.country_code` : sql`''`);
  return sql`concat_ws('|', ${sql.join(parts)})`;
}

const empty = (s: string | undefined) => (s === undefined || s === '' ? null : s);

/** Leaf rows of the ledger-derived indicators for each range. */
export async function registryFacts(
  db: DbOrTx,
  indicators: RegistryIndicator[],
  ranges: RangeSpec[],
  dims: FactDims,
  filters: RegistryFilters,
): Promise<FactRow[]> {
  const ledger = indicators.filter((i) => i.measure !== 'occupancy');
  const occupancy = indicators.find((i) => i.measure === 'occupancy');
  const rows: FactRow[] = [];
  if (ledger.length) {
    const where = entryWhere(filters);
    const key = keyExpr(dims);
    // Flows of the range, and the stock at its end (the registry's yearly totals when the filter allows).
    const results = await Promise.all(
      ranges.map((r) =>
        Promise.all([
          flowsSql(r.start, r.end, key, where).execute(db),
          capitalSql(r.end, key, where, { fullScan: filters.access.kind === 'enterprise' }).execute(db),
        ]),
      ),
    );
    for (const [i, r] of ranges.entries()) {
      const [flows, stocks] = results[i]!;
      const base = (type: string, k: string | null) => {
        const [zone, sector, country] = (k ?? '').split('|');
        return {
          range: r.key,
          k_zone: empty(zone),
          k_type: dims.investmentType ? type : null,
          k_sector: empty(sector),
          k_country: empty(country),
          k_ent: null,
          den: null,
          est: '0',
          est_den: null,
          n: 0,
          n_last: 0,
        };
      };
      for (const ind of ledger) {
        const [t, m] = ind.measure.split('.');
        const push = (type: string, k: string | null, combo: string, total: string) =>
          rows.push({ ...base(type, k), indicator_id: ind.id, combo, total });
        for (const f of flows.rows) {
          if (f.investment_type !== t) continue;
          if (m === 'attracted') {
            const parts =
              t === 'fdi' ? [f.new_usd, f.adj_usd, f.share_usd] : [f.new_vnd, f.adj_vnd, f.share_vnd];
            push(t, f.key, '', toPlainDecimal(parts.map((x) => rational(x)).reduce(add, ZERO)));
          } else if (m === 'new_projects') {
            push(t, f.key, '', String(f.new_projects));
          }
        }
        for (const c of stocks.rows) {
          if (c.investment_type !== t) continue;
          const money = t === 'fdi' ? c.usd : c.vnd;
          if (m === 'attracted') push(t, c.key, '#cum', money);
          else if (m === 'new_projects') push(t, c.key, '#cum', String(c.projects));
          else if (m === 'valid_projects') push(t, c.key, '', String(c.projects));
          else if (m === 'registered_capital') push(t, c.key, '', money);
        }
      }
    }
  }
  if (
    occupancy &&
    filters.access.kind !== 'enterprise' &&
    !dims.investmentType &&
    !dims.sector &&
    !dims.country &&
    !dims.enterprise
  ) {
    rows.push(...(await occupancyFacts(db, occupancy.id, ranges, dims, filters)));
  }
  return rows;
}

/**
 * Occupancy at each range's end per established industrial park: the numerator (leased ha) goes to `total`,
 * the denominator (leasable ha) to `den`, so parents and totals are Σ leased ÷ Σ leasable (area-weighted).
 */
async function occupancyFacts(
  db: DbOrTx,
  indicatorId: number,
  ranges: RangeSpec[],
  dims: FactDims,
  filters: RegistryFilters,
): Promise<FactRow[]> {
  const rows: FactRow[] = [];
  const allowed = filters.zoneIds ? new Set(filters.zoneIds) : null;
  for (const r of ranges) {
    const zones = await allZones(db, filters.access, { asOf: r.end, kind: 'industrial_park' });
    const byZone = new Map<string | null, { leased: Rational; leasable: Rational }>();
    for (const z of zones) {
      if (allowed && !allowed.has(z.id)) continue;
      if (!z.status || !(ESTABLISHED_STATUSES as readonly string[]).includes(z.status)) continue;
      if (!z.area?.leasableHa || !z.area.leasedHa) continue;
      const key = dims.zone ? z.id : null;
      const acc = byZone.get(key) ?? { leased: ZERO, leasable: ZERO };
      byZone.set(key, {
        leased: add(acc.leased, rational(z.area.leasedHa)),
        leasable: add(acc.leasable, rational(z.area.leasableHa)),
      });
    }
    for (const [zone, v] of byZone) {
      rows.push({
        range: r.key,
        indicator_id: indicatorId,
        combo: '',
        k_zone: zone,
        k_type: null,
        k_sector: null,
        k_country: null,
        k_ent: null,
        // ×100 so that total ÷ den reads as a percentage
        total: toPlainDecimal(mul(v.leased, int(100))),
        den: toPlainDecimal(v.leasable),
        est: '0',
        est_den: '0',
        n: 0,
        n_last: 0,
      });
    }
  }
  return rows;
}
