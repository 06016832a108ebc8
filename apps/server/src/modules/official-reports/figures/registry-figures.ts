/**
 * Figures from the registry: investment attracted in the period (new registrations, capital increases, share
 * purchases, total, FDI in USD and DDI in VND) and cumulative valid projects and registered capital at its end,
 * through the registry's own `investmentStats` (so the report counts exactly as the registry screens do); the
 * same period last year; % of the annual plan in force at the data date; the established and operating
 * industrial parks and their occupancy (`zonesSummary`).
 *
 * Estimates: certificates are facts, but a period that has not ended at the data date is reported as an
 * estimate ("ước đạt"), as the authority does for an 11-month report compiled on 25 November.
 */
import { periodEnd, periodLabel, periodStart, samePeriodLastYear } from '@heza/shared';
import { cmp, div, int, mul, rational, toPlainDecimal } from '@heza/shared/exact';
import { FIGURES_BY_KEY } from '@heza/shared/official-reports';
import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/client.ts';
import { plansFor } from '../../analytics/plans.ts';
import { investmentStats, zonesSummary } from '../../registry/stats.ts';
import { amountVi, formatFigure, shortDate, toDisplay } from './format.ts';
import { planFootnote, planNote } from './plan-text.ts';
import type { FigureQuery, FigureSource, FigureValue, TraceRef } from './types.ts';

const TYPES = {
  fdi: { money: 'usd', factor: '1000000', plan: 'fdi_attracted_usd_m' },
  ddi: { money: 'vnd', factor: '1000000000', plan: 'ddi_attracted_vnd_bn' },
} as const;

function isRegistryKey(key: string): boolean {
  return key.startsWith('fdi.') || key.startsWith('ddi.') || key.startsWith('zones.');
}

/** Labels used in the comparison footnotes ("Tổng vốn FDI thu hút 11 tháng đầu năm 2023: …"). */
function baseLabel(key: string): string {
  return (FIGURES_BY_KEY.get(key)?.labelVi ?? key).replace(/\s*\([^)]*\)$/, '');
}

/** The registry as a figure source. */
export const registryFigures: FigureSource = {
  name: 'registry',
  provides: isRegistryKey,
  async compute(db, q) {
    const start = periodStart(q.period);
    const end = periodEnd(q.period);
    const wanted = [...q.keys].filter(isRegistryKey);
    if (q.knownAt < start) {
      return wanted.map((key) => ({
        key,
        value: null,
        estimate: false,
        notes: [
          `Kỳ báo cáo bắt đầu ngày ${shortDate(start)}, sau ngày số liệu ${shortDate(q.knownAt)}: chưa có số liệu.`,
        ],
        footnote: null,
        trace: [],
      }));
    }
    const open = q.knownAt < end;
    const openNote = open
      ? [`Kỳ báo cáo chưa kết thúc tại ngày số liệu ${shortDate(q.knownAt)}: số liệu ước.`]
      : [];
    const out: FigureValue[] = [];
    const needInvestment = wanted.some((k) => !k.startsWith('zones.'));
    if (needInvestment) out.push(...(await investment(db, q, { start, end, open, openNote })));
    if (wanted.some((k) => k.startsWith('zones.'))) {
      const asOf = open ? q.knownAt : end;
      const z = await zonesSummary(db, { kind: 'all' }, asOf, 'industrial_park');
      const zonesTrace = (status: 'established' | 'operating'): TraceRef[] => [
        { source: 'zones', asOf, status },
      ];
      const note = [`Theo hồ sơ các khu công nghiệp tại ngày ${shortDate(asOf)}.`];
      out.push(
        {
          key: 'zones.established.count',
          value: String(z.established.count),
          estimate: false,
          notes: note,
          footnote: null,
          trace: zonesTrace('established'),
        },
        {
          key: 'zones.established.areaHa',
          value: z.established.totalAreaHa,
          estimate: false,
          notes: note,
          footnote: null,
          trace: zonesTrace('established'),
        },
        {
          key: 'zones.operating.count',
          value: String(z.operating.count),
          estimate: false,
          notes: note,
          footnote: null,
          trace: zonesTrace('operating'),
        },
        {
          key: 'zones.operating.areaHa',
          value: z.operating.totalAreaHa,
          estimate: false,
          notes: note,
          footnote: null,
          trace: zonesTrace('operating'),
        },
        {
          key: 'zones.occupancyPct',
          value: z.established.occupancyPct === null ? null : String(z.established.occupancyPct),
          estimate: false,
          notes: [
            ...note,
            'Tổng diện tích đã cho thuê trên tổng diện tích có thể cho thuê của các khu đã thành lập.',
          ],
          footnote: null,
          trace: zonesTrace('established'),
        },
      );
    }
    return out.filter((f) => q.keys.has(f.key));
  },
};

async function investment(
  db: DbOrTx,
  q: FigureQuery,
  p: { start: string; end: string; open: boolean; openNote: string[] },
): Promise<FigureValue[]> {
  const stats = await investmentStats(db, { kind: 'all' }, { period: q.periodId });
  const plans = await plansFor(db, [TYPES.fdi.plan, TYPES.ddi.plan], [q.period.year], q.knownAt);
  const last = samePeriodLastYear(q.period);
  const out: FigureValue[] = [];
  for (const t of ['fdi', 'ddi'] as const) {
    const { money, factor, plan: planIndicator } = TYPES[t];
    const row = stats.rows.find((r) => r.investmentType === t);
    const m = (x: { usd: string; vnd: string } | undefined) => toDisplay(x ? x[money] : '0', factor);
    const flow = (kinds: ('new' | 'adjustment' | 'share_purchase')[]): TraceRef[] => [
      { source: 'ledger', investmentType: t, kinds, from: p.start, to: p.end },
    ];
    const v = (
      key: string,
      value: string | null,
      trace: TraceRef[],
      extra: Partial<FigureValue> = {},
    ): FigureValue => ({
      key,
      value,
      estimate: p.open,
      notes: [...p.openNote, ...(extra.notes ?? [])],
      footnote: extra.footnote ?? null,
      trace,
    });
    const totalBase = row ? row.total[money] : '0';
    const total = m(row?.total);
    const totalKey = `${t}.total.${money}`;
    out.push(
      v(`${t}.new.count`, String(row?.new.projects ?? 0), flow(['new'])),
      v(`${t}.new.${money}`, m(row?.new), flow(['new'])),
      v(`${t}.adjusted.count`, String(row?.adjusted.projects ?? 0), flow(['adjustment'])),
      v(`${t}.adjusted.${money}`, m(row?.adjusted), flow(['adjustment'])),
      v(`${t}.sharePurchase.count`, String(row?.sharePurchase.projects ?? 0), flow(['share_purchase'])),
      v(`${t}.sharePurchase.${money}`, m(row?.sharePurchase), flow(['share_purchase'])),
      v(totalKey, total, flow(['new', 'adjustment', 'share_purchase']), {
        notes: ['Tổng vốn thu hút = cấp mới + điều chỉnh tăng vốn + góp vốn, mua cổ phần.'],
      }),
      v(
        `${t}.cumulative.count`,
        String(row?.cumulative.projects ?? 0),
        [{ source: 'capital', investmentType: t, asOf: p.end }],
        {
          notes: [`Dự án còn hiệu lực tại ngày ${shortDate(p.end)}.`],
        },
      ),
      v(
        `${t}.cumulative.${money}`,
        m(row?.cumulative),
        [{ source: 'capital', investmentType: t, asOf: p.end }],
        {
          notes: [`Vốn đăng ký của các dự án còn hiệu lực tại ngày ${shortDate(p.end)}.`],
        },
      ),
    );
    // Same period last year (a complete period: no estimate of its own).
    const lastBase = row?.samePeriodLastYear ? row.samePeriodLastYear[money] : '0';
    const lastValue = toDisplay(lastBase, factor);
    const lastLabel = periodLabel(last, 'vi');
    const sameFootnote = `${baseLabel(totalKey)} ${lastLabel}: ${amountVi('money', lastValue, money === 'usd' ? 'usd_m' : 'vnd_bn')}.`;
    const lastTrace: TraceRef[] = [
      {
        source: 'ledger',
        investmentType: t,
        kinds: ['new', 'adjustment', 'share_purchase'],
        from: periodStart(last),
        to: periodEnd(last),
      },
    ];
    out.push({
      key: `${t}.total.lastYear`,
      value: lastValue,
      estimate: false,
      notes: [`${lastLabel}.`],
      footnote: sameFootnote,
      trace: lastTrace,
    });
    const lastR = rational(lastBase);
    out.push(
      cmp(lastR, int(0)) === 0
        ? {
            key: `${t}.total.lastYearPct`,
            value: null,
            estimate: p.open,
            notes: [`${lastLabel} không có vốn thu hút: không so sánh được.`],
            footnote: null,
            trace: lastTrace,
          }
        : {
            key: `${t}.total.lastYearPct`,
            value: toPlainDecimal(mul(div(rational(totalBase), lastR), int(100)), 6),
            estimate: p.open,
            notes: [...p.openNote, `So với ${lastLabel}.`],
            footnote: sameFootnote,
            trace: lastTrace,
          },
    );
    // % of the annual plan in force at the data date.
    const plan = plans.get(`${planIndicator}|${q.period.year}`);
    const planBase = plan ? (plan.value ?? plan.rangeLow) : null;
    if (!plan || planBase === null || cmp(rational(planBase), int(0)) === 0) {
      out.push({
        key: `${t}.total.planPct`,
        value: null,
        estimate: p.open,
        notes: [`Chưa có kế hoạch năm ${q.period.year}.`],
        footnote: null,
        trace: [],
      });
    } else {
      const planDisplay = {
        value: plan.value && toDisplay(plan.value, factor),
        low: plan.rangeLow && toDisplay(plan.rangeLow, factor),
        high: plan.rangeHigh && toDisplay(plan.rangeHigh, factor),
      };
      out.push({
        key: `${t}.total.planPct`,
        value: toPlainDecimal(mul(div(rational(totalBase), rational(planBase)), int(100)), 6),
        estimate: p.open,
        notes: [...p.openNote, planNote(plan, planDisplay, money === 'usd' ? 'usd_m' : 'vnd_bn')],
        footnote: planFootnote(
          planIndicator,
          q.period.year,
          planDisplay,
          money === 'usd' ? 'usd_m' : 'vnd_bn',
          plan,
        ),
        trace: [{ source: 'plan', indicator: planIndicator, year: q.period.year }],
      });
    }
  }
  // DDI converted to USD: the rates the ledger used for the period's domestic entries.
  if (q.keys.has('ddi.total.usd')) {
    const row = stats.rows.find((r) => r.investmentType === 'ddi');
    const rates = await sql<{ vnd_per_unit: string; kind: string; valid_from: string; valid_to: string }>`
      select distinct r.vnd_per_unit, r.kind, r.valid_from, r.valid_to
      from certificate_entries c join exchange_rates r on r.id = c.fx_rate_id
      where c.investment_type = 'ddi' and c.effective_date between ${p.start}::date and ${p.end}::date
        and c.kind in ('new', 'adjustment', 'share_purchase')
      order by r.valid_from`.execute(db);
    const rateText = rates.rows.length
      ? rates.rows
          .map((r) =>
            r.kind === 'yearly_average' && r.valid_from.endsWith('-01-01') && r.valid_to.endsWith('-12-31')
              ? `tỷ giá bình quân năm ${r.valid_from.slice(0, 4)}: ${formatFigure({ kind: 'persons' }, r.vnd_per_unit)} đồng/USD`
              : `tỷ giá ${shortDate(r.valid_from)}–${shortDate(r.valid_to)}: ${formatFigure({ kind: 'persons' }, r.vnd_per_unit)} đồng/USD`,
          )
          .join('; ')
      : 'giá trị quy đổi ghi trên giấy chứng nhận đăng ký đầu tư';
    out.push({
      key: 'ddi.total.usd',
      value: toDisplay(row?.total.usd ?? '0', '1000000'),
      estimate: p.open,
      notes: [...p.openNote, `Quy đổi theo ${rateText}.`],
      footnote: `Quy đổi theo ${rateText}.`,
      trace: [
        {
          source: 'ledger',
          investmentType: 'ddi',
          kinds: ['new', 'adjustment', 'share_purchase'],
          from: p.start,
          to: p.end,
        },
      ],
    });
  }
  return out;
}
