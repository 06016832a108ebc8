/**
 * Figures from the enterprises' periodic reports, through the analytics engine (modules/analytics): revenue,
 * exports, imports and budget payments of the period with the same period last year and % of the annual plan;
 * workers (Vietnamese, foreign) at the period end against the end of last year; average income weighted by
 * workers. Values are "as known at" the report's data date, so an 11-month report compiled on 25 November
 * shows the estimates enterprises had sent by then, and says "ước đạt".
 */
import { periodEnd, periodLabel, periodStart, samePeriodLastYear } from '@heza/shared';
import type { AnalyticsCell, AnalyticsQuery } from '@heza/shared/analytics';
import { cmp, div, int, mul, rational, sub, toPlainDecimal } from '@heza/shared/exact';
import type { FigureUnit } from '@heza/shared/official-reports';
import { runAnalytics } from '../../analytics/engine.ts';
import { amountVi, percentNote, shortDate, toDisplay } from './format.ts';
import { planFootnote, planNote } from './plan-text.ts';
import type { FigureSource, FigureValue, TraceRef } from './types.ts';

/** Business flows: figure code → indicator, unit, display factor, label of the comparison footnote. */
const FLOWS = {
  revenue: { indicator: 'revenue', money: 'usd', unit: 'usd_m', factor: '1000000', label: 'Doanh thu' },
  export: { indicator: 'export', money: 'usd', unit: 'usd_m', factor: '1000000', label: 'Xuất khẩu' },
  import: { indicator: 'import', money: 'usd', unit: 'usd_m', factor: '1000000', label: 'Nhập khẩu' },
  budget: {
    indicator: 'budget_payments',
    money: 'vnd',
    unit: 'vnd_bn',
    factor: '1000000000',
    label: 'Nộp ngân sách',
  },
} as const satisfies Record<
  string,
  { indicator: string; money: string; unit: FigureUnit; factor: string; label: string }
>;

const LABOUR_PARTS = { total: null, vietnamese: 'vn', foreign: 'foreign' } as const;

function isAnalyticsKey(key: string): boolean {
  return /^(revenue|export|import|budget|labour|income)\./.test(key);
}

function estimateOf(cell: AnalyticsCell | undefined): { estimate: boolean; notes: string[] } {
  const notes: string[] = [];
  if (cell && (cell.estimateShare ?? 0) > 0)
    notes.push(`Gồm ${percentNote(cell.estimateShare!)} giá trị do doanh nghiệp báo cáo ước.`);
  if (cell && (cell.imputedShare ?? 0) > 0)
    notes.push(`Gồm ${percentNote(cell.imputedShare!)} giá trị ước tính cho doanh nghiệp chưa báo cáo.`);
  if (cell?.reporting !== null && cell?.reporting !== undefined)
    notes.push(`${cell.reporting} doanh nghiệp báo cáo.`);
  return { estimate: (cell?.estimateShare ?? 0) > 0 || (cell?.imputedShare ?? 0) > 0, notes };
}

const MISSING = 'Chưa có báo cáo của doanh nghiệp cho kỳ này tại ngày số liệu.';

/** The analytics engine as a figure source. */
export const analyticsFigures: FigureSource = {
  name: 'analytics',
  provides: isAnalyticsKey,
  async compute(db, q) {
    const wanted = [...q.keys].filter(isAnalyticsKey);
    const out: FigureValue[] = [];
    const base: Omit<AnalyticsQuery, 'indicators' | 'periods'> = {
      dimensions: [],
      measures: ['samePeriodLastYear', 'planPct'],
      estimates: 'none',
      asOf: q.asOf ?? undefined,
    };
    const from = periodStart(q.period);
    const to = periodEnd(q.period);
    const trace = (indicator: string, combo = '', range = { from, to }): TraceRef[] => [
      { source: 'reports', indicator, combo, from: range.from, to: range.to, asOf: q.asOf },
    ];

    const flowCodes = (Object.keys(FLOWS) as (keyof typeof FLOWS)[]).filter((c) =>
      wanted.some((k) => k.startsWith(`${c}.`)),
    );
    const wantIncome = wanted.includes('income.avg');
    if (flowCodes.length || wantIncome) {
      const indicators = [...flowCodes.map((c) => FLOWS[c].indicator), ...(wantIncome ? ['avg_income'] : [])];
      const result = await runAnalytics(
        db,
        { kind: 'all' },
        { ...base, indicators, periods: [q.periodId] },
        'vi',
      );
      const cellOf = (indicator: string) =>
        result.cells.find((c) => c.indicator === indicator && Object.keys(c.keys).length === 0);
      const last = samePeriodLastYear(q.period);
      const lastLabel = periodLabel(last, 'vi');
      for (const code of flowCodes) {
        const f = FLOWS[code];
        const cell = cellOf(f.indicator);
        const key = `${code}.${f.money}`;
        const est = estimateOf(cell);
        if (!cell || cell.value === null) {
          for (const k of [key, `${code}.planPct`, `${code}.lastYear`, `${code}.lastYearPct`]) {
            out.push({
              key: k,
              value: null,
              estimate: false,
              notes: [MISSING],
              footnote: null,
              trace: trace(f.indicator),
            });
          }
          continue;
        }
        out.push({
          key,
          value: toDisplay(cell.value, f.factor),
          ...est,
          footnote: null,
          trace: trace(f.indicator),
        });
        // Same period last year.
        const lastTrace = trace(f.indicator, '', { from: periodStart(last), to: periodEnd(last) });
        if (cell.samePeriodLastYear === null || cell.samePeriodLastYear === undefined) {
          out.push({
            key: `${code}.lastYear`,
            value: null,
            estimate: false,
            notes: [`${lastLabel}: chưa có số liệu.`],
            footnote: null,
            trace: lastTrace,
          });
          out.push({
            key: `${code}.lastYearPct`,
            value: null,
            estimate: false,
            notes: [`${lastLabel}: chưa có số liệu.`],
            footnote: null,
            trace: lastTrace,
          });
        } else {
          const lastValue = toDisplay(cell.samePeriodLastYear, f.factor);
          const footnote = `${f.label} ${lastLabel}: ${amountVi('money', lastValue, f.unit)}.`;
          out.push({
            key: `${code}.lastYear`,
            value: lastValue,
            estimate: false,
            notes: [`${lastLabel}.`],
            footnote,
            trace: lastTrace,
          });
          const lastR = rational(cell.samePeriodLastYear);
          out.push({
            key: `${code}.lastYearPct`,
            value:
              cmp(lastR, int(0)) === 0
                ? null
                : toPlainDecimal(mul(div(rational(cell.value), lastR), int(100)), 6),
            ...est,
            footnote,
            trace: lastTrace,
          });
        }
        // % of the annual plan (the revision in force at the data date, chosen by the engine).
        const plan = cell.plan ?? null;
        const planBase = plan ? (plan.value ?? plan.rangeLow) : null;
        if (!plan || planBase === null || cmp(rational(planBase), int(0)) === 0) {
          out.push({
            key: `${code}.planPct`,
            value: null,
            estimate: est.estimate,
            notes: [`Chưa có kế hoạch năm ${q.period.year}.`],
            footnote: null,
            trace: [],
          });
        } else {
          const display = {
            value: plan.value && toDisplay(plan.value, f.factor),
            low: plan.rangeLow && toDisplay(plan.rangeLow, f.factor),
            high: plan.rangeHigh && toDisplay(plan.rangeHigh, f.factor),
          };
          out.push({
            key: `${code}.planPct`,
            value: toPlainDecimal(mul(div(rational(cell.value), rational(planBase)), int(100)), 6),
            estimate: est.estimate,
            notes: [...est.notes, planNote(plan, display, f.unit)],
            footnote: planFootnote(plan.indicator, q.period.year, display, f.unit, plan),
            trace: [{ source: 'plan', indicator: plan.indicator, year: q.period.year }],
          });
        }
      }
      if (wantIncome) {
        const cell = cellOf('avg_income');
        out.push(
          !cell || cell.value === null
            ? {
                key: 'income.avg',
                value: null,
                estimate: false,
                notes: [MISSING],
                footnote: null,
                trace: trace('avg_income'),
              }
            : {
                key: 'income.avg',
                value: toDisplay(cell.value, '1000000'),
                ...estimateOf(cell),
                footnote: null,
                trace: trace('avg_income'),
              },
        );
      }
    }

    if (wanted.some((k) => k.startsWith('labour.'))) {
      // Workers at the period end, against the end of last year ("tăng 13,5% so với năm 2023").
      const lastYearEnd = `${q.period.year - 1}M12`;
      const result = await runAnalytics(
        db,
        { kind: 'all' },
        {
          ...base,
          measures: [],
          indicators: ['labour'],
          periods: [q.periodId, lastYearEnd],
          dimensions: ['disaggregation:nationality'],
        },
        'vi',
      );
      const lastRange = { from: `${q.period.year - 1}-12-01`, to: `${q.period.year - 1}-12-31` };
      for (const [part, option] of Object.entries(LABOUR_PARTS) as [
        keyof typeof LABOUR_PARTS,
        string | null,
      ][]) {
        const find = (period: string) =>
          result.cells.find(
            (c) =>
              c.period === period &&
              (option === null
                ? Object.keys(c.keys).length === 0
                : c.keys['disaggregation:nationality'] === option),
          );
        const now = find(q.periodId);
        const before = find(lastYearEnd);
        const combo = option ? `nationality:${option}` : '';
        const key = `labour.${part}`;
        const est = estimateOf(now);
        out.push(
          now?.value
            ? {
                key,
                value: now.value,
                ...est,
                notes: [...est.notes, `Lao động tại cuối kỳ (đến ${shortDate(to)}).`],
                footnote: null,
                trace: trace('labour', combo),
              }
            : {
                key,
                value: null,
                estimate: false,
                notes: [MISSING],
                footnote: null,
                trace: trace('labour', combo),
              },
        );
        out.push(
          before?.value
            ? {
                key: `${key}.lastYearEnd`,
                value: before.value,
                estimate: false,
                notes: [`Tại tháng 12 năm ${q.period.year - 1}.`],
                footnote: null,
                trace: trace('labour', combo, lastRange),
              }
            : {
                key: `${key}.lastYearEnd`,
                value: null,
                estimate: false,
                notes: [`Chưa có số liệu tháng 12 năm ${q.period.year - 1}.`],
                footnote: null,
                trace: trace('labour', combo, lastRange),
              },
        );
        const canCompare = now?.value && before?.value && cmp(rational(before.value), int(0)) !== 0;
        out.push({
          key: `${key}.changePct`,
          value: canCompare
            ? toPlainDecimal(
                mul(
                  div(sub(rational(now!.value!), rational(before!.value!)), rational(before!.value!)),
                  int(100),
                ),
                6,
              )
            : null,
          estimate: est.estimate,
          notes: canCompare ? [`So với tháng 12 năm ${q.period.year - 1}.`] : ['Thiếu số liệu để so sánh.'],
          footnote: null,
          trace: trace('labour', combo),
        });
      }
    }
    return out.filter((f) => q.keys.has(f.key));
  },
};
