/**
 * The analytics engine: indicator × period × dimensions, live from the values tables (see facts.ts) and the
 * registry (registry-source.ts), with same period last year, change %, % of annual plan and cumulative.
 *
 * Flow: resolve indicators (computed ones pull in their operands) → one SQL per aggregation class over every
 * needed date range (requested, same period last year, year to date) grouped at leaf level → partial sums
 * (additive: Σ value, Σ weight, their estimate and carry-forward parts) → cells: the total of each indicator ×
 * period, and one cell per combination of the requested dimensions, zones rolled up to every parent zone →
 * measures and plans on top.
 */
import {
  bilingual,
  type Period,
  type PeriodLabelLang,
  parsePeriod,
  periodEnd,
  periodId,
  periodLabel,
  periodStart,
  periodsOfType,
  samePeriodLastYear,
} from '@heza/shared';
import type { AnalyticsCell, AnalyticsQuery, AnalyticsResult, PlanInfo } from '@heza/shared/analytics';
import {
  changePercent,
  div,
  fromFixedPoint,
  percentOf,
  type Rational,
  rational,
  toDecimal,
  toFixedPoint,
  toPlainDecimal,
} from '@heza/shared/exact';
import { countryName, todayVn } from '@heza/shared/registry';
import { DISPLAY_UNITS } from '@heza/shared/reporting';
import { evaluateExpression, expressionRefs, parseExpression } from '@heza/shared/reporting-rules';
import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../db/client.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { NO_ID, type RegistryFilter, zonesWithDescendants } from '../registry/scope.ts';
import { findVsic } from '../registry/vsic.ts';
import {
  type Catalogue,
  type CatalogueIndicator,
  indicatorName,
  loadCatalogue,
} from '../reporting/catalogue.ts';
import { expectedEnterprisesSql } from '../reporting/forms.ts';
import {
  type FactDims,
  type FactRow,
  type FactSource,
  type ImputeCell,
  imputeSql,
  type RangeSpec,
  totalsSql,
  weightedSql,
} from './facts.ts';
import { plansFor } from './plans.ts';
import { type RegistryIndicator, registryFacts } from './registry-source.ts';

/**
 * Additive partial aggregate of one cell, in fixed point (10^-12: values have 6 decimals, value × weight 12), so
 * rolling thousands of rows up to zones and totals is plain BigInt addition; fractions appear only at the end.
 */
interface Acc {
  total: bigint;
  den: bigint;
  est: bigint;
  estDen: bigint;
  imp: bigint;
  impDen: bigint;
  n: number;
  nLast: number;
  nImp: number;
}

const PLACES = 12;
const fixed = (s: string | null) => (s === null ? 0n : toFixedPoint(s, PLACES));
const asRational = (x: bigint) => fromFixedPoint(x, PLACES);

const emptyAcc = (): Acc => ({
  total: 0n,
  den: 0n,
  est: 0n,
  estDen: 0n,
  imp: 0n,
  impDen: 0n,
  n: 0,
  nLast: 0,
  nImp: 0,
});

function addInto(a: Acc, b: Acc) {
  a.total += b.total;
  a.den += b.den;
  a.est += b.est;
  a.estDen += b.estDen;
  a.imp += b.imp;
  a.impDen += b.impDen;
  a.n += b.n;
  a.nLast += b.nLast;
  a.nImp += b.nImp;
}

interface Leaf {
  combo: string;
  keys: {
    zone: string | null;
    investmentType: string | null;
    sector: string | null;
    country: string | null;
    enterprise: string | null;
  };
  acc: Acc;
}

const DIM_ORDER = ['zone', 'investmentType', 'sector', 'country', 'enterprise'] as const;
const UNKNOWN = '-';

/** Who sees what: the actor's reach (all, some zones with their children, or one enterprise). */
export type AnalyticsAccess = RegistryFilter;

function invalid(field: string, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', {
    details: [{ field, message: bilingual(vi, en) } satisfies FieldProblem],
  });
}

/** The moment "as known at" refers to: a bare date means the end of that day in Vietnam. */
export function asOfInstant(asOf: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return `${asOf}T23:59:59.999+07:00`;
  return /(Z|[+-]\d{2}:\d{2})$/.test(asOf) ? asOf : `${asOf}+07:00`;
}

/** The year-to-date period ending with a period's last month ("lũy kế từ đầu năm"). */
export function yearToDate(p: Period): Period {
  return { type: 'ytd', year: p.year, months: Number(periodEnd(p).slice(5, 7)) };
}

/** Runs an analytics query for an actor's reach. */
export async function runAnalytics(
  db: DbOrTx,
  access: AnalyticsAccess,
  q: AnalyticsQuery,
  lang: PeriodLabelLang = 'vi',
): Promise<AnalyticsResult> {
  const cat = await loadCatalogue(db);
  const today = todayVn();
  const asOfAt = q.asOf ? asOfInstant(q.asOf) : null;
  const onDate = q.asOf ? q.asOf.slice(0, 10) : today;

  // Indicators and the operands of computed ones.
  const requested: CatalogueIndicator[] = q.indicators.map((code, i) => {
    const ind = cat.byCode.get(code);
    if (!ind) throw invalid(`indicators.${i}`, `Không có chỉ tiêu "${code}".`, `No indicator "${code}".`);
    return ind;
  });
  const needed = new Map<string, CatalogueIndicator>();
  const operandCombos = new Map<string, Set<string>>();
  const need = (ind: CatalogueIndicator, depth = 0) => {
    if (depth > 5) throw invalid('indicators', 'Công thức lồng nhau quá sâu.', 'Formulas nest too deep.');
    needed.set(ind.code, ind);
    if (ind.source !== 'computed' || !ind.formula) return;
    for (const ref of expressionRefs(parseExpression(ind.formula))) {
      const op = cat.byCode.get(ref.indicator);
      if (!op) continue;
      if (ref.combo) operandCombos.set(op.code, (operandCombos.get(op.code) ?? new Set()).add(ref.combo));
      need(op, depth + 1);
    }
  };
  for (const ind of requested) need(ind);

  // Dimensions.
  const disDims = q.dimensions
    .filter((d) => d.startsWith('disaggregation:'))
    .map((d) => d.slice('disaggregation:'.length));
  if (disDims.length > 1) {
    throw invalid('dimensions', 'Chỉ chọn một cách phân tổ mỗi lần.', 'Choose one disaggregation at a time.');
  }
  const disDim = disDims[0] ?? null;
  if (disDim && !cat.list.some((i) => i.disaggregations.some((d) => d.code === disDim))) {
    throw invalid('dimensions', `Không có cách phân tổ "${disDim}".`, `No disaggregation "${disDim}".`);
  }
  const has = (d: string) => q.dimensions.includes(d);
  const dims: FactDims = {
    zone: has('zone'),
    investmentType: has('investmentType'),
    sector: has('sector'),
    country: has('country'),
    enterprise: has('enterprise'),
  };
  const plainDims = DIM_ORDER.filter((d) => dims[d]);

  // Periods → date ranges (requested, same period last year, year to date).
  const wantLy = q.measures.includes('samePeriodLastYear') || q.measures.includes('changePct');
  const wantCum = q.measures.includes('cumulative');
  const ranges = new Map<string, RangeSpec>();
  const rangeOf = (p: Period): string => {
    const start = periodStart(p);
    const end = periodEnd(p);
    const key = `${start}|${end}`;
    if (!ranges.has(key)) ranges.set(key, { key, start, end });
    return key;
  };
  const periods = q.periods.map((id) => {
    const p = parsePeriod(id);
    return {
      p,
      id: periodId(p),
      range: rangeOf(p),
      ly: wantLy ? rangeOf(samePeriodLastYear(p)) : null,
      cum: wantCum ? rangeOf(yearToDate(p)) : null,
    };
  });
  const rangeList = [...ranges.values()];

  // Filters: the actor's reach and the query's own, as SQL on the values (v/m) and dimension rows (d).
  const zoneFilter = q.zoneIds ? await zonesWithDescendants(db, q.zoneIds) : undefined;
  const where = (ent: RawBuilder<unknown>): RawBuilder<unknown> => {
    const parts: RawBuilder<unknown>[] = [];
    if (access.kind === 'zones')
      parts.push(sql`d.zone_id = any(${access.zoneIds.length ? access.zoneIds : [NO_ID]}::uuid[])`);
    if (access.kind === 'enterprise') parts.push(sql`${ent} = ${access.enterpriseId}::uuid`);
    if (zoneFilter) parts.push(sql`d.zone_id = any(${zoneFilter.length ? zoneFilter : [NO_ID]}::uuid[])`);
    if (q.investmentType) parts.push(sql`d.investment_type = ${q.investmentType}`);
    if (q.sectors) parts.push(sql`d.sector = any(${q.sectors}::text[])`);
    if (q.countries) parts.push(sql`d.country = any(${q.countries}::text[])`);
    return parts.length ? sql.join(parts, sql` and `) : sql`true`;
  };

  // Fact queries, run together.
  const reported = [...needed.values()].filter((i) => i.source === 'reported');
  const weightIds = reported.flatMap((i) => (i.weightIndicatorId !== null ? [i.weightIndicatorId] : []));
  // The rollup answers unless enterprise-level detail is needed (the enterprise dimension, an enterprise's
  // own figures) or the figures as known at a moment (the history).
  const src: FactSource = asOfAt
    ? { kind: 'asOf', at: asOfAt, indicatorIds: [...new Set([...reported.map((i) => i.id), ...weightIds])] }
    : dims.enterprise || access.kind === 'enterprise'
      ? { kind: 'current' }
      : { kind: 'rollup' };
  // Carry-forward looks at single enterprises: it reads the values, never the rollup.
  const valuesSrc: FactSource = src.kind === 'rollup' ? { kind: 'current' } : src;
  const combosOf = (ind: CatalogueIndicator): string[] => {
    const list = new Set<string>(['']);
    const dis = disDim ? ind.disaggregations.find((d) => d.code === disDim) : undefined;
    if (dis && ind.aggregation !== 'weighted_average')
      for (const o of dis.options) list.add(`${dis.code}:${o.code}`);
    for (const c of operandCombos.get(ind.code) ?? []) list.add(c);
    return [...list];
  };
  const jobs: Promise<{ rows: FactRow[]; imputed: boolean }>[] = [];
  const vEnt = sql`v.enterprise_id`;
  for (const agg of ['sum', 'last'] as const) {
    const group = reported.filter((i) => i.aggregation === agg);
    if (!group.length) continue;
    const combos = [...new Set(group.flatMap(combosOf))];
    const ids = group.map((i) => i.id);
    const query = totalsSql(src, agg, ids, combos, rangeList, dims, where(vEnt));
    jobs.push(query.execute(db).then((r) => ({ rows: r.rows, imputed: false })));
  }
  for (const ind of reported.filter((i) => i.aggregation === 'weighted_average')) {
    jobs.push(
      weightedSql(src, ind.id, ind.weightIndicatorId!, rangeList, dims, where(vEnt))
        .execute(db)
        .then((r) => ({ rows: r.rows, imputed: false })),
    );
  }
  const registryInds: RegistryIndicator[] = [...needed.values()]
    .filter((i) => i.source === 'registry' && i.registryMeasure)
    .map((i) => ({ id: i.id, measure: i.registryMeasure! }));
  if (registryInds.length) {
    jobs.push(
      registryFacts(db, registryInds, rangeList, dims, {
        access,
        zoneIds: zoneFilter,
        investmentType: q.investmentType,
        sectors: q.sectors,
        countries: q.countries,
      }).then((rows) => ({ rows, imputed: false })),
    );
  }
  if (q.estimates === 'carry_forward') {
    for (const ind of reported) {
      const plan = await imputationPlan(db, ind, rangeList, today, access);
      if (!plan) continue;
      for (const combo of combosOf(ind)) {
        jobs.push(
          imputeSql(
            valuesSrc,
            ind.id,
            combo,
            ind.aggregation === 'weighted_average' ? ind.weightIndicatorId : null,
            plan.cells,
            plan.expected,
            dims,
            where(sql`m.enterprise_id`),
          )
            .execute(db)
            .then((r) => ({ rows: r.rows, imputed: true })),
        );
      }
    }
  }
  const results = await Promise.all(jobs);

  // Leaves by pseudo-indicator (code, code[combo] for formula operands, code#cum for registry stocks) × range.
  const leaves = new Map<string, Leaf[]>();
  const push = (code: string, range: string, leaf: Leaf) => {
    const k = `${code}|${range}`;
    const list = leaves.get(k);
    if (list) list.push(leaf);
    else leaves.set(k, [leaf]);
  };
  for (const { rows, imputed } of results) {
    for (const r of rows) {
      const ind = cat.byId.get(Number(r.indicator_id));
      if (!ind) continue;
      const total = fixed(r.total ?? '0');
      const den = fixed(r.den);
      const acc: Acc = imputed
        ? { ...emptyAcc(), total, den, imp: total, impDen: den, nImp: r.n }
        : {
            ...emptyAcc(),
            total,
            den,
            est: fixed(r.est),
            estDen: fixed(r.est_den),
            n: r.n,
            nLast: r.n_last,
          };
      const keys = {
        zone: r.k_zone,
        investmentType: r.k_type,
        sector: r.k_sector,
        country: r.k_country,
        enterprise: r.k_ent,
      };
      if (r.combo === '#cum') push(`${ind.code}#cum`, r.range, { combo: '', keys, acc });
      else {
        push(ind.code, r.range, { combo: r.combo, keys, acc });
        if (r.combo) push(`${ind.code}[${r.combo}]`, r.range, { combo: '', keys, acc });
      }
    }
  }

  // Zones: the tree (for roll-up) and the items shown.
  const zoneRows = dims.zone || has('zone') ? await zoneTree(db, access, zoneFilter) : [];
  const parentOf = new Map(zoneRows.map((z) => [z.id, z.parent_id]));
  const ancestors = (id: string | null): string[] => {
    if (id === null) return [UNKNOWN];
    const out: string[] = [];
    let cur: string | null | undefined = id;
    for (let i = 0; cur && i < 12; i++) {
      out.push(cur);
      cur = parentOf.get(cur);
    }
    return out;
  };

  // Cells of one (pseudo-)indicator over one range: '' = the total, else the dimension tuple.
  const cellCache = new Map<string, Map<string, Acc>>();
  const cellsOf = (code: string, range: string, base: CatalogueIndicator): Map<string, Acc> => {
    const cacheKey = `${code}|${range}`;
    const hit = cellCache.get(cacheKey);
    if (hit) return hit;
    const out = new Map<string, Acc>();
    const addTo = (key: string, acc: Acc) => {
      const cur = out.get(key);
      if (cur) addInto(cur, acc);
      else {
        const fresh = emptyAcc();
        addInto(fresh, acc);
        out.set(key, fresh);
      }
    };
    const breakdown = plainDims.length > 0 || disDim !== null;
    const hasDis =
      disDim !== null && base.disaggregations.some((d) => d.code === disDim) && code === base.code;
    for (const leaf of leaves.get(cacheKey) ?? []) {
      if (leaf.combo === '') addTo('', leaf.acc);
      if (!breakdown) continue;
      let disKey: string | null | undefined;
      if (disDim) {
        if (hasDis && base.aggregation !== 'weighted_average') {
          if (!leaf.combo.startsWith(`${disDim}:`)) continue;
          disKey = leaf.combo.slice(disDim.length + 1);
        } else {
          if (leaf.combo !== '') continue;
          disKey = null;
        }
      } else if (leaf.combo !== '') continue;
      const zoneKeys = dims.zone ? ancestors(leaf.keys.zone) : [undefined];
      for (const z of zoneKeys) {
        const parts = plainDims.map((d) => (d === 'zone' ? z : (leaf.keys[d] ?? UNKNOWN)));
        if (disDim) parts.push(disKey === null ? UNKNOWN : disKey);
        addTo(JSON.stringify(parts), leaf.acc);
      }
    }
    cellCache.set(cacheKey, out);
    return out;
  };

  const isRatio = (ind: CatalogueIndicator) =>
    ind.aggregation === 'weighted_average' || ind.registryMeasure === 'occupancy';
  const cellValue = (ind: CatalogueIndicator, acc: Acc | undefined): Rational | null => {
    if (!acc) return null;
    if (isRatio(ind)) return acc.den === 0n ? null : div(asRational(acc.total), asRational(acc.den));
    return asRational(acc.total);
  };
  // Computed indicators: the formula over the operands' cells with the same keys.
  const valueAt = (ind: CatalogueIndicator, range: string, key: string, depth = 0): Rational | null => {
    if (ind.source === 'computed' && ind.formula) {
      if (depth > 5) return null;
      return evaluateExpression(parseExpression(ind.formula), (code, combo) => {
        const op = cat.byCode.get(code);
        if (!op) return null;
        if (combo) return cellValue(op, cellsOf(`${code}[${combo}]`, range, op).get(key));
        return valueAt(op, range, key, depth + 1);
      });
    }
    return cellValue(ind, cellsOf(ind.code, range, ind).get(key));
  };
  const keysOfComputed = (ind: CatalogueIndicator, range: string): string[] => {
    const set = new Set<string>();
    for (const ref of expressionRefs(parseExpression(ind.formula!))) {
      const op = cat.byCode.get(ref.indicator);
      if (!op) continue;
      const keys =
        op.source === 'computed' ? keysOfComputed(op, range) : [...cellsOf(op.code, range, op).keys()];
      for (const k of keys) set.add(k);
    }
    return [...set];
  };

  // Plans (authority-wide figures only: a plan has no zone, sector or country).
  const planEligible = access.kind === 'all' && !q.zoneIds && !q.investmentType && !q.sectors && !q.countries;
  const wantPlan = q.measures.includes('planPct') && planEligible;
  const plans = wantPlan
    ? await plansFor(
        db,
        [...new Set(requested.flatMap((i) => (i.planIndicator ? [i.planIndicator] : [])))],
        [...new Set(periods.map((x) => x.p.year))],
        onDate,
      )
    : new Map<string, PlanInfo>();

  const cells: AnalyticsCell[] = [];
  const dimNames = [...plainDims, ...(disDim ? [`disaggregation:${disDim}`] : [])];
  for (const ind of requested) {
    const unit = DISPLAY_UNITS[ind.displayUnit];
    const factor = rational(unit.factor);
    const places = unit.factor === '1' ? ind.decimals : Math.max(2, ind.decimals);
    const show = (v: Rational | null) => (v === null ? null : toDecimal(div(v, factor), places));
    const exact = (v: Rational | null) => (v === null ? null : toPlainDecimal(v, 6));
    for (const per of periods) {
      const keys =
        ind.source === 'computed'
          ? keysOfComputed(ind, per.range)
          : [...cellsOf(ind.code, per.range, ind).keys()];
      if (!keys.includes('')) keys.unshift('');
      for (const key of keys) {
        const acc = ind.source === 'computed' ? undefined : cellsOf(ind.code, per.range, ind).get(key);
        const value = valueAt(ind, per.range, key);
        if (value === null && key !== '') continue;
        const tuple: (string | undefined)[] = key === '' ? [] : JSON.parse(key);
        const cellKeys: Record<string, string | null> = {};
        dimNames.forEach((d, i) => {
          if (key !== '') cellKeys[d] = tuple[i] ?? null;
        });
        const share = (part: bigint, partDen: bigint) => {
          if (!acc || value === null) return null;
          if (isRatio(ind)) return percentOf(asRational(partDen), asRational(acc.den));
          return acc.total === 0n
            ? part === 0n
              ? 0
              : null
            : percentOf(asRational(part), asRational(acc.total));
        };
        const cell: AnalyticsCell = {
          indicator: ind.code,
          period: per.id,
          keys: cellKeys,
          value: exact(value),
          displayValue: show(value),
          reporting: ind.source === 'reported' && acc ? acc.nLast : null,
          reports: ind.source === 'reported' && acc ? acc.n : null,
          estimateShare: ind.source === 'reported' && acc ? share(acc.est, acc.estDen) : null,
          imputedShare:
            ind.source === 'reported' && acc && q.estimates !== 'none' ? share(acc.imp, acc.impDen) : null,
          imputed: ind.source === 'reported' && q.estimates !== 'none' ? (acc?.nImp ?? 0) : null,
        };
        if (per.ly) {
          const ly = valueAt(ind, per.ly, key);
          if (q.measures.includes('samePeriodLastYear')) cell.samePeriodLastYear = exact(ly);
          if (q.measures.includes('changePct'))
            cell.changePct = value !== null && ly !== null ? changePercent(value, ly) : null;
        }
        if (per.cum) {
          let cum: Rational | null = null;
          if (ind.source === 'registry') {
            cum =
              ind.aggregation === 'sum'
                ? cellValue(ind, cellsOf(`${ind.code}#cum`, per.range, ind).get(key))
                : null;
          } else if (
            ind.aggregation === 'sum' ||
            ind.aggregation === 'weighted_average' ||
            ind.aggregation === 'formula'
          ) {
            cum = valueAt(ind, per.cum, key);
          }
          cell.cumulative = exact(cum);
        }
        if (q.measures.includes('planPct')) {
          const plan =
            key === '' && ind.planIndicator
              ? (plans.get(`${ind.planIndicator}|${per.p.year}`) ?? null)
              : null;
          cell.plan = plan;
          cell.planPct = null;
          cell.planPctRange = null;
          if (plan && value !== null) {
            if (plan.value !== null) cell.planPct = percentOf(value, rational(plan.value));
            else if (plan.rangeLow !== null && plan.rangeHigh !== null) {
              const hi = percentOf(value, rational(plan.rangeHigh));
              const lo = percentOf(value, rational(plan.rangeLow));
              cell.planPct = lo;
              cell.planPctRange = hi !== null && lo !== null ? [hi, lo] : null;
            }
          }
        }
        cells.push(cell);
      }
    }
  }

  return {
    indicators: requested.map((i) => ({
      code: i.code,
      name: indicatorName(i, lang),
      unit: i.unit,
      displayUnit: i.displayUnit,
      displayUnitLabel: lang === 'vi' ? DISPLAY_UNITS[i.displayUnit].vi : DISPLAY_UNITS[i.displayUnit].en,
      decimals: DISPLAY_UNITS[i.displayUnit].factor === '1' ? i.decimals : Math.max(2, i.decimals),
      aggregation: i.aggregation,
      source: i.source,
    })),
    periods: periods.map((x) => ({
      id: x.id,
      label: periodLabel(x.p, lang),
      start: periodStart(x.p),
      end: periodEnd(x.p),
    })),
    dimensions: dimNames,
    items: await dimensionItems(db, cat, dimNames, cells, zoneRows, lang),
    cells,
    asOf: asOfAt,
    estimates: q.estimates,
    notes: methodNotes(lang, q.estimates !== 'none', asOfAt !== null),
  };
}

/** The zones visible to the actor and the query (with parents for the tree). */
async function zoneTree(db: DbOrTx, access: AnalyticsAccess, zoneFilter: string[] | undefined) {
  let q = db.selectFrom('zones').select(['id', 'parent_id', 'name_vi', 'name_en', 'code']);
  if (access.kind === 'zones') q = q.where('id', 'in', access.zoneIds.length ? access.zoneIds : [NO_ID]);
  if (access.kind === 'enterprise') q = q.where('id', 'in', [NO_ID]);
  if (zoneFilter) q = q.where('id', 'in', zoneFilter.length ? zoneFilter : [NO_ID]);
  return q.orderBy('name_vi').execute();
}

/**
 * The cells to estimate for one indicator: its active form's expected enterprises, and per range either each
 * started sub-period (flows, averages) or the range itself (stocks: an enterprise with no value inside it).
 */
async function imputationPlan(
  db: DbOrTx,
  ind: CatalogueIndicator,
  ranges: RangeSpec[],
  today: string,
  access: AnalyticsAccess,
): Promise<{ cells: ImputeCell[]; expected: RawBuilder<{ enterprise_id: string }> } | null> {
  const form = await db
    .selectFrom('report_forms as f')
    .innerJoin('report_form_indicators as l', 'l.form_id', 'f.id')
    .selectAll('f')
    .where('l.indicator_id', '=', ind.id)
    .where('f.active', '=', true)
    .executeTakeFirst();
  if (!form) return null;
  const firstStart = periodStart(parsePeriod(form.first_period));
  const cells: ImputeCell[] = [];
  for (const r of ranges) {
    const last = r.end < today ? r.end : today;
    if (r.start > last) continue;
    const subs = periodsOfType(form.period_type as Period['type'], r.start, last)
      .map((sp) => ({ s: periodStart(sp), e: periodEnd(sp) }))
      .filter((x) => x.s >= r.start && x.e <= r.end && x.s >= firstStart);
    // A stock is read at the range's last sub-period only (the one ending on the range's last day).
    const wanted = ind.aggregation === 'last' ? subs.filter((x) => x.e === r.end) : subs;
    for (const x of wanted) cells.push({ range: r.key, start: x.s, end: x.e });
  }
  if (!cells.length) return null;
  let expected = await expectedEnterprisesSql(db, form);
  if (access.kind === 'enterprise') {
    expected = sql<{
      enterprise_id: string;
    }>`select * from (${expected}) e where e.enterprise_id = ${access.enterpriseId}::uuid`;
  }
  return { cells, expected };
}

const TYPE_LABELS = {
  vi: { fdi: 'Đầu tư nước ngoài (FDI)', ddi: 'Đầu tư trong nước (DDI)' },
  en: { fdi: 'Foreign investment (FDI)', ddi: 'Domestic investment (DDI)' },
} as const;

async function dimensionItems(
  db: DbOrTx,
  cat: Catalogue,
  dimNames: string[],
  cells: AnalyticsCell[],
  zoneRows: { id: string; parent_id: string | null; name_vi: string; name_en: string | null }[],
  lang: PeriodLabelLang,
): Promise<AnalyticsResult['items']> {
  const items: AnalyticsResult['items'] = {};
  const l = lang === 'vi' ? 'vi' : 'en';
  const unknownLabel = l === 'vi' ? 'Chưa xác định' : 'Unknown';
  const seen = (d: string) => [
    ...new Set(cells.map((c) => c.keys[d]).filter((k): k is string => typeof k === 'string')),
  ];
  for (const d of dimNames) {
    const keys = seen(d);
    if (d === 'zone') {
      const byId = new Map(zoneRows.map((z) => [z.id, z]));
      const depth = (id: string): number => {
        let n = 0;
        let cur = byId.get(id)?.parent_id ?? null;
        while (cur && byId.has(cur) && n < 12) {
          n++;
          cur = byId.get(cur)?.parent_id ?? null;
        }
        return n;
      };
      items.zone = zoneRows.map((z) => ({
        key: z.id,
        label: l === 'vi' ? z.name_vi : (z.name_en ?? z.name_vi),
        parentKey: z.parent_id && byId.has(z.parent_id) ? z.parent_id : null,
        depth: depth(z.id),
      }));
      if (keys.includes(UNKNOWN))
        items.zone.push({ key: UNKNOWN, label: unknownLabel, parentKey: null, depth: 0 });
    } else if (d === 'investmentType') {
      items[d] = (['fdi', 'ddi'] as const).map((k) => ({
        key: k,
        label: TYPE_LABELS[l][k],
        parentKey: null,
        depth: 0,
      }));
    } else if (d === 'sector') {
      items[d] = keys.sort().map((k) => {
        const v = findVsic(k);
        return {
          key: k,
          label: v ? `${k} – ${l === 'vi' ? v.vi : v.en}` : k === UNKNOWN ? unknownLabel : k,
          parentKey: null,
          depth: 0,
        };
      });
    } else if (d === 'country') {
      items[d] = keys
        .map((k) => ({
          key: k,
          label: k === UNKNOWN ? unknownLabel : countryName(k, l),
          parentKey: null,
          depth: 0,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, l));
    } else if (d === 'enterprise') {
      const ids = keys.filter((k) => k !== UNKNOWN);
      const rows = ids.length
        ? await db
            .selectFrom('enterprises')
            .select(['id', 'name_vi', 'tax_code'])
            .where('id', 'in', ids)
            .execute()
        : [];
      items[d] = rows
        .map((r) => ({ key: r.id, label: `${r.name_vi} (${r.tax_code})`, parentKey: null, depth: 0 }))
        .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
    } else {
      const code = d.slice('disaggregation:'.length);
      const dis = cat.list.flatMap((i) => i.disaggregations).find((x) => x.code === code);
      items[d] = (dis?.options ?? []).map((o) => ({
        key: o.code,
        label: l === 'vi' ? o.nameVi : o.nameEn,
        parentKey: null,
        depth: 0,
      }));
    }
  }
  return items;
}

function methodNotes(lang: PeriodLabelLang, estimates: boolean, asOf: boolean): string[] {
  const vi = lang === 'vi';
  const notes = [
    vi
      ? 'Chỉ tiêu dòng (doanh thu, xuất khẩu…) cộng các kỳ nằm trong kỳ chọn; chỉ tiêu thời điểm (lao động) lấy số của tháng (quý…) cuối kỳ; thu nhập bình quân là bình quân gia quyền theo số lao động.'
      : 'Flows (revenue, exports…) add the periods inside the chosen one; stocks (labour) take the values of its last month (quarter…); average income is weighted by labour.',
    vi
      ? 'Mỗi khu bao gồm các khu nằm trong nó; tổng không phải là tổng các dòng khu khi khu lồng nhau.'
      : 'Each zone includes the zones inside it; the total is not the sum of zone rows when zones nest.',
    vi
      ? 'Lũy kế: từ đầu năm đến hết kỳ với số liệu doanh nghiệp báo cáo; vốn đăng ký còn hiệu lực đến cuối kỳ với số liệu từ sổ đăng ký.'
      : 'Cumulative: year to date for reported figures; registered capital still valid at the period end for registry figures.',
    vi
      ? '% kế hoạch: so với kế hoạch năm có hiệu lực (kế hoạch dạng khoảng so với cận dưới và cận trên).'
      : '% of plan: against the annual plan in force (a range plan against both its ends).',
  ];
  if (estimates) {
    notes.push(
      vi
        ? 'Ước tính cho doanh nghiệp chưa báo cáo: lấy số liệu đã nộp gần nhất của doanh nghiệp đó (chuyển tiếp số kỳ trước), đánh dấu và nêu tỷ trọng trong tổng.'
        : 'Estimates for enterprises that did not report: their latest submitted value carried forward, flagged, with their share of the total.',
    );
  }
  if (asOf) {
    notes.push(
      vi
        ? 'Số liệu theo thời điểm đã chọn: mỗi giá trị như được biết tại thời điểm đó (kể cả số ước sau này được thay bằng số thực hiện).'
        : 'Figures as known at the chosen moment: each value as it stood then (including estimates later replaced by actuals).',
    );
  }
  return notes;
}
