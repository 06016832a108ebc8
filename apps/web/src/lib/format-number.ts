/**
 * Numbers, percentages and calendar dates of the registry screens. Vietnamese follows the official style of
 * `@heza/shared` (82.648; 34,7%; 31/12/2025), computed on the decimal text so nothing is lost to floats;
 * English uses the same digits with "," for thousands and "." for decimals.
 */
import {
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  type NumberFormatOptionsVi,
  toIsoDateVn,
} from '@heza/shared/format-vi';
import type { Language } from './api-types';
import { shiftDecimal } from './decimal';
import { formatDate } from './format';

/** Swaps "." and "," of a Vietnamese-formatted number to get the English form. */
function toEnglish(vi: string): string {
  return vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/** "82.648" / "82,648"; "34,7" / "34.7". Up to 2 decimals unless told otherwise. */
export function formatNumber(
  value: number | string | bigint,
  language: Language,
  opts?: NumberFormatOptionsVi,
): string {
  const vi = formatNumberVi(value, opts);
  return language === 'vi' ? vi : toEnglish(vi);
}

/** "34,7%" / "34.7%"; the value already is a percentage. One decimal unless told otherwise. */
export function formatPercent(
  value: number | string,
  language: Language,
  opts?: NumberFormatOptionsVi,
): string {
  const vi = formatPercentVi(value, opts);
  return language === 'vi' ? vi : toEnglish(vi);
}

/** A number, or a dash when there is none. */
export function formatOptionalNumber(
  value: number | string | null | undefined,
  language: Language,
  opts?: NumberFormatOptionsVi,
): string {
  return value === null || value === undefined || value === '' ? '—' : formatNumber(value, language, opts);
}

/** An amount in millions ("621400000.00" → "621,4"), for "triệu USD". */
export function formatMillions(value: string, language: Language, decimals = 2): string {
  return formatNumber(shiftDecimal(value, -6), language, { decimals });
}

/** An amount in billions ("2057000000000" → "2.057"), for "tỷ đồng". */
export function formatBillions(value: string, language: Language, decimals = 2): string {
  return formatNumber(shiftDecimal(value, -9), language, { decimals });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date 'YYYY-MM-DD' (or a timestamp) as "31/12/2025"; empty when there is none. */
export function formatIsoDate(value: string | null | undefined): string {
  if (!value) return '';
  if (ISO_DATE.test(value)) {
    try {
      return formatDateVi(value);
    } catch {
      return value;
    }
  }
  return formatDate(value);
}

/** Today's date in Vietnam, 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return toIsoDateVn(now);
}

/**
 * Reads a date typed as "31/12/2025", "31-12-2025", "31.12.2025", "1/2/2025" or "2025-12-31" into
 * 'YYYY-MM-DD'; null when it is not a real date.
 */
export function parseDateText(text: string): string | null {
  const s = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (dmy) {
    d = Number(dmy[1]);
    m = Number(dmy[2]);
    y = Number(dmy[3]);
  } else if (ymd) {
    y = Number(ymd[1]);
    m = Number(ymd[2]);
    d = Number(ymd[3]);
  } else {
    return null;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
