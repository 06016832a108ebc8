/**
 * The periods the analytics screens offer: every period of a type within a year (months, quarters, half-years,
 * first-N-months), or the last five years; and the default report period of the dashboard.
 */
import { type Period, periodId, periodOf, previousPeriod } from '@heza/shared/periods';

/** Period types the screens offer. */
export const CHOICE_TYPES = ['month', 'quarter', 'half_year', 'ytd', 'year'] as const;
export type ChoiceType = (typeof CHOICE_TYPES)[number];

/** The periods of a type in a year (for 'year': the five years ending with it). */
export function periodsOfYear(type: ChoiceType, year: number): Period[] {
  switch (type) {
    case 'month':
      return Array.from({ length: 12 }, (_, i) => ({ type, year, month: i + 1 }));
    case 'quarter':
      return Array.from({ length: 4 }, (_, i) => ({ type, year, quarter: i + 1 }));
    case 'half_year':
      return [1, 2].map((half) => ({ type, year, half }));
    case 'ytd':
      return Array.from({ length: 12 }, (_, i) => ({ type, year, months: i + 1 }));
    case 'year':
      return Array.from({ length: 5 }, (_, i) => ({ type, year: year - 4 + i }));
  }
}

/** Ids of those periods, up to the one containing `today` (no empty future periods). */
export function periodIdsOfYear(type: ChoiceType, year: number, today: string): string[] {
  const current = periodOf(type === 'ytd' ? 'month' : type, today);
  const currentKey = current.year * 100 + index(current);
  return periodsOfYear(type, year)
    .filter((p) => p.year * 100 + index(p) <= currentKey)
    .map(periodId);
}

function index(p: Period): number {
  switch (p.type) {
    case 'month':
      return p.month;
    case 'quarter':
      return p.quarter * 3;
    case 'half_year':
      return p.half * 6;
    case 'ytd':
      return p.months;
    case 'year':
      return 12;
  }
}

/** The dashboard's default: the first N months of this year up to last month ("10 tháng đầu năm"). */
export function defaultReportPeriod(today: string): string {
  const last = previousPeriod(periodOf('month', today));
  if (last.type !== 'month') return periodId(last);
  return periodId({ type: 'ytd', year: last.year, months: last.month });
}
