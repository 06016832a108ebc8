/**
 * The headline figures of the authority's periodic reports (6-month, 11-month, annual): business results,
 * labour and income, investment attracted, cumulative projects and capital, occupancy — each with the same
 * period last year, change %, % of the annual plan and cumulative, and the Vietnamese sentence the reports
 * print ("Doanh thu: ước đạt 29.592 triệu USD, bằng 116% so với cùng kỳ năm 2023, đạt 92,84% kế hoạch năm").
 * The wording is generated from the numbers, so a sentence can never contradict its figure.
 */
import {
  formatNumberVi,
  formatPercentVi,
  parsePeriod,
  periodEnd,
  periodLabel,
  periodStart,
  samePeriodLastYear,
} from '@heza/shared';
import type { AnalyticsCell, HeadlineResult } from '@heza/shared/analytics';
import { div, percentOf, rational, toDecimal } from '@heza/shared/exact';
import { DISPLAY_UNITS, type DisplayUnit } from '@heza/shared/reporting';
import type { DbOrTx } from '../../db/client.ts';
import { type AnalyticsAccess, runAnalytics } from './engine.ts';

/** The indicators of the headline, in report order. */
export const HEADLINE_INDICATORS = [
  'revenue',
  'export',
  'import',
  'budget_payments',
  'labour',
  'avg_income',
  'implemented_capital',
  'fdi_attracted_usd',
  'fdi_new_projects',
  'fdi_valid_projects',
  'fdi_registered_capital_usd',
  'ddi_attracted_vnd',
  'ddi_new_projects',
  'ddi_valid_projects',
  'ddi_registered_capital_vnd',
  'occupancy_rate',
] as const;

const ALL_MEASURES = ['samePeriodLastYear', 'changePct', 'planPct', 'cumulative'] as const;

/** Computes the headline figures of a period for an actor's reach. */
export async function headlineFigures(
  db: DbOrTx,
  access: AnalyticsAccess,
  q: { period: string; estimates: 'none' | 'carry_forward'; asOf?: string },
  lang: 'vi' | 'en' = 'vi',
): Promise<HeadlineResult> {
  const available = new Set(
    (await db.selectFrom('indicators').select('code').where('active', '=', true).execute()).map(
      (r) => r.code,
    ),
  );
  const indicators = HEADLINE_INDICATORS.filter((c) => available.has(c));
  const base = { periods: [q.period], measures: [...ALL_MEASURES], estimates: q.estimates, asOf: q.asOf };
  const [totals, labour] = await Promise.all([
    runAnalytics(db, access, { ...base, indicators: [...indicators], dimensions: [] }, lang),
    available.has('labour')
      ? runAnalytics(
          db,
          access,
          { ...base, indicators: ['labour'], dimensions: ['disaggregation:nationality'] },
          lang,
        )
      : null,
  ]);
  const options = labour?.items['disaggregation:nationality'] ?? [];
  const order = (c: AnalyticsCell) =>
    options.findIndex((o) => o.key === c.keys['disaggregation:nationality']);
  const p = parsePeriod(q.period);
  const lastYear = samePeriodLastYear(p).year;
  const figures = totals.indicators.map((meta) => {
    const cell = totals.cells.find((c) => c.indicator === meta.code && Object.keys(c.keys).length === 0)!;
    const unit = DISPLAY_UNITS[meta.displayUnit as DisplayUnit];
    const fmt = (v: string | null | undefined) =>
      v === null || v === undefined
        ? null
        : formatNumberVi(toDecimal(div(rational(v), rational(unit.factor)), 6), { decimals: meta.decimals });
    const parts =
      meta.code === 'labour' && labour
        ? labour.cells
            .filter((c) => c.keys['disaggregation:nationality'])
            .sort((a, b) => order(a) - order(b))
            .map((c) => ({
              key: c.keys['disaggregation:nationality']!,
              label:
                labour.items['disaggregation:nationality']?.find(
                  (i) => i.key === c.keys['disaggregation:nationality'],
                )?.label ?? '',
              value: c.value,
              displayValue: c.displayValue,
              changePct: c.changePct ?? null,
            }))
        : [];
    return {
      ...cell,
      name: meta.name,
      displayUnit: meta.displayUnit,
      displayUnitLabel: meta.displayUnitLabel,
      displaySamePeriodLastYear: cell.samePeriodLastYear ? fmt(cell.samePeriodLastYear) : null,
      displayCumulative: cell.cumulative ? fmt(cell.cumulative) : null,
      parts,
      sentenceVi: sentence(meta.name, cell, fmt(cell.value), unit.vi, lastYear, parts, unit.vi),
    };
  });
  return {
    period: { id: q.period, label: periodLabel(p, lang), start: periodStart(p), end: periodEnd(p) },
    asOf: totals.asOf,
    estimates: q.estimates,
    figures,
    notes: totals.notes,
  };
}

/** "Doanh thu: ước đạt 29.592 triệu USD, bằng 116% so với cùng kỳ năm 2023, đạt 92,84% kế hoạch năm." */
function sentence(
  name: string,
  cell: AnalyticsCell,
  shown: string | null,
  unitVi: string,
  lastYear: number,
  parts: { label: string; displayValue: string | null }[],
  partUnit: string,
): string | null {
  if (shown === null || cell.value === null) return null;
  const estimated = (cell.estimateShare ?? 0) > 0 || (cell.imputedShare ?? 0) > 0;
  // "65%" is written without a space (docs/domain-vn.md §6); other units take one.
  let s = `${name}: ${estimated ? 'ước đạt' : 'đạt'} ${shown}${unitVi === '%' ? '%' : unitVi ? ` ${unitVi}` : ''}`;
  if (cell.samePeriodLastYear) {
    const ratio = percentOf(rational(cell.value), rational(cell.samePeriodLastYear), 4);
    if (ratio !== null) s += `, bằng ${formatPercentVi(ratio)} so với cùng kỳ năm ${lastYear}`;
  }
  if (cell.planPctRange) {
    s += `, đạt ${formatPercentVi(cell.planPctRange[0])}–${formatPercentVi(cell.planPctRange[1])} kế hoạch năm`;
  } else if (cell.planPct !== null && cell.planPct !== undefined) {
    s += `, đạt ${formatPercentVi(cell.planPct, { decimals: 2 })} kế hoạch năm`;
  }
  if (parts.length) {
    s += `; trong đó ${parts
      .filter((p) => p.displayValue !== null)
      .map(
        (p) =>
          `${p.label.charAt(0).toLowerCase()}${p.label.slice(1)} ${formatNumberVi(p.displayValue!, { decimals: 0 })} ${partUnit}`,
      )
      .join(', ')}`;
  }
  return `${s}.`;
}
