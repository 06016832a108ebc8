import type { PlanInfo } from '@heza/shared/analytics';
import type { FigureUnit } from '@heza/shared/official-reports';
import { formatFigure, shortDate, unitVi } from './format.ts';

/** What each plan indicator is called in a footnote ("Kế hoạch thu hút FDI năm 2024: …"). */
const PLAN_LABELS: Record<string, string> = {
  fdi_attracted_usd_m: 'thu hút FDI',
  ddi_attracted_vnd_bn: 'thu hút đầu tư trong nước',
  revenue_usd_m: 'doanh thu',
  export_usd_m: 'xuất khẩu',
  import_usd_m: 'nhập khẩu',
  budget_vnd_bn: 'nộp ngân sách',
};

/** A plan's amounts in the figure's display unit. */
export interface PlanDisplay {
  value: string | null;
  low: string | null;
  high: string | null;
}

function amount(p: PlanDisplay, unit: FigureUnit): string {
  const f = (v: string) => formatFigure({ kind: 'money' }, v);
  const u = unitVi(unit);
  if (p.value !== null) return `${f(p.value)} ${u}`;
  return `${f(p.low ?? '0')}–${f(p.high ?? '0')} ${u}`;
}

function decision(plan: Pick<PlanInfo, 'decisionNo' | 'decisionDate'>): string {
  if (!plan.decisionNo) return '';
  return ` (Quyết định số ${plan.decisionNo}${plan.decisionDate ? ` ngày ${shortDate(plan.decisionDate)}` : ''})`;
}

/**
 * The plan footnote of a "% kế hoạch năm" figure: "Kế hoạch doanh thu năm 2024: 31.872 triệu USD." with the
 * deciding document when known; a range plan says the percentage is of its low end.
 */
export function planFootnote(
  indicator: string,
  year: number,
  p: PlanDisplay,
  unit: FigureUnit,
  plan: Pick<PlanInfo, 'decisionNo' | 'decisionDate'>,
): string {
  const label = PLAN_LABELS[indicator] ?? indicator;
  const range = p.value === null ? '; tỷ lệ tính trên mức thấp của kế hoạch' : '';
  return `Kế hoạch ${label} năm ${year}: ${amount(p, unit)}${decision(plan)}${range}.`;
}

/** A note for the editor: which plan revision was used. */
export function planNote(
  plan: Pick<PlanInfo, 'decisionNo' | 'decisionDate' | 'source'>,
  p: PlanDisplay,
  unit: FigureUnit,
): string {
  return `Kế hoạch năm: ${amount(p, unit)}${decision(plan)}${plan.source ? `; nguồn: ${plan.source}` : ''}.`;
}
