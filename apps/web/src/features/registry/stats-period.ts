/** The stats page's period picker: a period kind, a year and a number, to and from a period id ("2024YTD11"). */
import { type Period, type PeriodType, periodId, tryParsePeriod } from '@heza/shared/periods';

export interface PeriodParts {
  type: PeriodType;
  year: number;
  /** Month (1–12), quarter (1–4), half (1–2) or number of months (1–12); ignored for a year. */
  n: number;
}

/** How many choices the number has for each kind (0: none). */
export const PERIOD_COUNTS: Record<PeriodType, number> = {
  month: 12,
  quarter: 4,
  half_year: 2,
  year: 0,
  ytd: 12,
};

/** The period id of the parts, clamping the number to what the kind allows. */
export function periodFromParts({ type, year, n }: PeriodParts): string {
  const max = PERIOD_COUNTS[type];
  const k = Math.min(Math.max(1, Math.trunc(n) || 1), Math.max(1, max));
  const p: Period =
    type === 'month'
      ? { type, year, month: k }
      : type === 'quarter'
        ? { type, year, quarter: k }
        : type === 'half_year'
          ? { type, year, half: k }
          : type === 'ytd'
            ? { type, year, months: k }
            : { type: 'year', year };
  return periodId(p);
}

/** The parts of a period id, or null when it is not one. */
export function partsOfPeriod(id: string): PeriodParts | null {
  const p = tryParsePeriod(id);
  if (!p) return null;
  switch (p.type) {
    case 'month':
      return { type: p.type, year: p.year, n: p.month };
    case 'quarter':
      return { type: p.type, year: p.year, n: p.quarter };
    case 'half_year':
      return { type: p.type, year: p.year, n: p.half };
    case 'ytd':
      return { type: p.type, year: p.year, n: p.months };
    case 'year':
      return { type: p.type, year: p.year, n: 1 };
  }
}
