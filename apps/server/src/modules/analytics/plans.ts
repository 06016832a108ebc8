/**
 * Annual plans (kế hoạch năm) from the registry's plans table, converted to the indicator's base unit: a plan
 * in millions of USD (`usd_m`) becomes USD. The revision in force on the given date applies (a plan revised by
 * a later decision changes the % from that decision's date on).
 */

import type { PlanInfo } from '@heza/shared/analytics';
import { mul, rational, toPlainDecimal } from '@heza/shared/exact';
import { DISPLAY_UNITS, type DisplayUnit } from '@heza/shared/reporting';
import type { DbOrTx } from '../../db/client.ts';

/** The factor from a plan unit to base units (1 when the unit is already a base unit or unknown). */
export function planFactor(unit: string): string {
  return (DISPLAY_UNITS as Record<string, { factor: string }>)[unit]?.factor ?? '1';
}

/** The annual plans in force on `onDate` for these plan indicators and years, keyed `indicator|year`. */
export async function plansFor(
  db: DbOrTx,
  indicators: string[],
  years: number[],
  onDate: string,
): Promise<Map<string, PlanInfo>> {
  const out = new Map<string, PlanInfo>();
  if (!indicators.length || !years.length) return out;
  const rows = await db
    .selectFrom('plans')
    .select([
      'indicator',
      'year_from',
      'value',
      'range_low',
      'range_high',
      'unit',
      'decision_no',
      'decision_date',
      'source',
      'effective_from',
      'recorded_at',
    ])
    .where('indicator', 'in', indicators)
    .where('year_from', 'in', years)
    .whereRef('year_to', '=', 'year_from')
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  for (const r of rows) {
    const key = `${r.indicator}|${r.year_from}`;
    if (out.has(key)) continue;
    const f = rational(planFactor(r.unit));
    const base = (v: string | null) => (v === null ? null : toPlainDecimal(mul(rational(v), f)));
    out.set(key, {
      indicator: r.indicator,
      year: r.year_from,
      value: base(r.value),
      rangeLow: base(r.range_low),
      rangeHigh: base(r.range_high),
      unit: r.unit as DisplayUnit,
      decisionNo: r.decision_no,
      decisionDate: r.decision_date,
      source: r.source,
    });
  }
  return out;
}
