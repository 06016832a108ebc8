/**
 * Official Vietnamese number and date formatting, written by hand on purpose.
 *
 * ICU's `vi-VN` locale (what `Intl.NumberFormat` / `Intl.DateTimeFormat` use) is not the style of official
 * documents: its long date is "5 tháng 1, 2025" (Decree 30/2020 wants "ngày 05 tháng 01 năm 2025"), it
 * writes money as "1.500.000 ₫" (documents write "đồng" / "tỷ đồng"), it prints "-0" for small negatives, and
 * it only sees numbers as IEEE doubles. Here numbers are rounded on their decimal string, so PostgreSQL
 * `numeric` values passed as strings ("28850.125") keep every digit, and rounding is half away from zero.
 * Sources: docs/domain-vn.md §1.6 (header dates) and §6 (number/date conventions).
 *
 * Naming: `…Vi` = Vietnamese-language output; `…Vn` = Vietnam's clock (Asia/Ho_Chi_Minh, UTC+7, no DST).
 */

/** Options for `formatNumberVi`: at most `decimals` fraction digits (default 2), at least `minDecimals` (default 0). */
export interface NumberFormatOptionsVi {
  decimals?: number;
  minDecimals?: number;
}

/** Largest decimal exponent accepted in numeric strings, so "1e999999999" cannot allocate a huge string. */
const MAX_EXPONENT = 1000;

interface DecimalParts {
  negative: boolean;
  /** Integer digits, possibly with leading zeros or empty. */
  int: string;
  /** Fraction digits, possibly with trailing zeros or empty. */
  frac: string;
}

const DECIMAL_STRING = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Splits a number, bigint or numeric string into sign and digit strings, shifting the point by `shift`. */
function toDecimalParts(value: number | string | bigint, shift = 0): DecimalParts {
  let text: string;
  if (typeof value === 'bigint') {
    text = value.toString();
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot format a non-finite number: ${value}`);
    // String(x) is the shortest text that reads back as x, so 1.005 is "1.005" and rounds as people expect.
    text = String(value);
  } else {
    text = value.trim();
  }
  const match = DECIMAL_STRING.exec(text);
  const intRaw = match?.[2] ?? '';
  const fracRaw = match?.[3] ?? '';
  if (!match || intRaw.length + fracRaw.length === 0) {
    throw new RangeError(`Not a decimal number: '${String(value)}'`);
  }
  const exponent = Number(match[4] ?? '0') + shift;
  if (Math.abs(exponent) > MAX_EXPONENT) throw new RangeError(`Exponent out of range: '${String(value)}'`);
  const digits = intRaw + fracRaw;
  const point = intRaw.length + exponent;
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  return { negative: match[1] === '-', int, frac };
}

/** Adds one to a string of decimal digits ('' counts as 0): '199' → '200', '99' → '100'. */
function incrementDigits(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}

function checkDigitCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new RangeError(`${name} must be an integer from 0 to 100, got ${n}`);
  }
}

/** Rounds half away from zero to `max` fraction digits, keeps at least `min`, and writes it the Vietnamese way. */
function formatParts(parts: DecimalParts, opts: NumberFormatOptionsVi | undefined): string {
  const min = opts?.minDecimals ?? 0;
  const max = opts?.decimals ?? Math.max(2, min);
  checkDigitCount('decimals', max);
  checkDigitCount('minDecimals', min);
  if (min > max) throw new RangeError(`minDecimals (${min}) is greater than decimals (${max})`);

  let { int, frac } = parts;
  if (frac.length > max) {
    let kept = int + frac.slice(0, max);
    // Rounding works on the magnitude, so rounding up the magnitude is "half away from zero".
    if ((frac[max] ?? '0') >= '5') kept = incrementDigits(kept);
    int = kept.slice(0, kept.length - max);
    frac = kept.slice(kept.length - max);
  }
  frac = frac.replace(/0+$/, '');
  if (frac.length < min) frac = frac.padEnd(min, '0');
  int = int.replace(/^0+/, '') || '0';

  const isZero = int === '0' && !/[1-9]/.test(frac);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = parts.negative && !isZero ? '-' : '';
  return frac.length > 0 ? `${sign}${grouped},${frac}` : `${sign}${grouped}`;
}

/** Formats a number the official way ("1.234.567,89"): thousands '.', decimal ',', half away from zero, up to 2 decimals by default. */
export function formatNumberVi(value: number | string | bigint, opts?: NumberFormatOptionsVi): string {
  return formatParts(toDecimalParts(value), opts);
}

/** Options for `formatPercentVi`; `isRatio: true` means 1.435 is 143,5% (default: the value already is a percent). */
export interface PercentFormatOptionsVi extends NumberFormatOptionsVi {
  isRatio?: boolean;
}

/** Formats a percentage with no space before '%' ("143,5%"); 1 decimal at most by default, trailing zeros trimmed. */
export function formatPercentVi(
  ratioOrPercent: number | string | bigint,
  opts?: PercentFormatOptionsVi,
): string {
  // A ratio is shifted by two decimal places on its digits: 0.285 * 100 in floating point is 28.499999999999996.
  const parts = toDecimalParts(ratioOrPercent, opts?.isRatio ? 2 : 0);
  const decimals = opts?.decimals ?? Math.max(1, opts?.minDecimals ?? 0);
  return `${formatParts(parts, { decimals, minDecimals: opts?.minDecimals ?? 0 })}%`;
}

/** Money units used in the authority's reports, as stable identifiers. */
export const MoneyUnit = {
  TrieuUsd: 'trieu_usd',
  TyUsd: 'ty_usd',
  TyDong: 'ty_dong',
  TrieuDong: 'trieu_dong',
  Dong: 'dong',
} as const;
/** One of the `MoneyUnit` identifiers. */
export type MoneyUnit = (typeof MoneyUnit)[keyof typeof MoneyUnit];

/** Vietnamese wording of each money unit ("tỷ" is the spelling of legal texts; newspapers sometimes write "tỉ"). */
export const MONEY_UNIT_LABELS_VI: Record<MoneyUnit, string> = {
  trieu_usd: 'triệu USD',
  ty_usd: 'tỷ USD',
  ty_dong: 'tỷ đồng',
  trieu_dong: 'triệu đồng',
  dong: 'đồng',
};

/** Formats an amount with its unit in words ("621 triệu USD", "12.487 tỷ đồng"); plain 'dong' defaults to 0 decimals. */
export function formatMoneyVi(
  amount: number | string | bigint,
  unit: MoneyUnit,
  opts?: NumberFormatOptionsVi,
): string {
  const label = MONEY_UNIT_LABELS_VI[unit];
  if (label === undefined) throw new RangeError(`Unknown money unit: '${String(unit)}'`);
  const effective = opts ?? (unit === 'dong' ? { decimals: 0 } : undefined);
  return `${formatNumberVi(amount, effective)} ${label}`;
}

/** Vietnam's offset from UTC; Asia/Ho_Chi_Minh has had no daylight saving time since 1975. */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Number of days in a month of the Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

function checkCalendarDate(text: string, year: number, month: number, day: number): void {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: '${text}'`);
  }
}

/** Wall-clock fields of an instant in Vietnam. */
function vnWallClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + VN_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

function calendarParts(date: Date | string): CalendarParts {
  if (date instanceof Date) {
    const { year, month, day } = vnWallClock(date);
    if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
    return { year, month, day };
  }
  if (typeof date !== 'string') throw new TypeError('Expected a Date or an ISO date string (YYYY-MM-DD)');
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Expected an ISO date 'YYYY-MM-DD', got '${date}'`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  checkCalendarDate(date, year, month, day);
  return { year, month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** The calendar date in Vietnam as 'YYYY-MM-DD': a Date is read on the UTC+7 clock, an ISO date string is checked and returned. */
export function toIsoDateVn(date: Date | string): string {
  const { year, month, day } = calendarParts(date);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** Short numeric date of body text and tables: "31/12/2025". */
export function formatDateVi(date: Date | string): string {
  const { year, month, day } = calendarParts(date);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

/** Header date of Decree 30/2020: "ngày 05 tháng 6 năm 2025" (days below 10 and months 1, 2 get a leading zero). */
export function formatHeaderDateVi(date: Date | string): string {
  const { year, month, day } = calendarParts(date);
  // Only months 1 and 2 are padded (the decree's own examples: "tháng 01", "tháng 6"); the usual explanation is
  // that a handwritten "1" or "2" could otherwise be turned into "11" or "12". "tháng 06" is not used.
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Place and date line of a document header: "Hải Phòng, ngày 05 tháng 01 năm 2025". */
export function formatHeaderPlaceDateVi(place: string, date: Date | string): string {
  const name = place.trim();
  if (name === '') throw new RangeError('The place name of a header date must not be empty');
  return `${name}, ${formatHeaderDateVi(date)}`;
}

/** Time on a receipt or appointment slip: "14 giờ 05 phút, ngày 05 tháng 6 năm 2025" (an instant, shown on the UTC+7 clock). */
export function formatTimeOnReceiptVi(date: Date | string): string {
  let instant: Date;
  if (date instanceof Date) {
    instant = date;
  } else {
    // A bare date has no time of day, and a time without an offset has no defined instant: both are refused.
    const match = ISO_DATE_TIME.exec(date);
    if (!match) {
      throw new RangeError(
        `Expected a Date or an ISO date-time with an offset (e.g. '2025-06-05T14:05:00+07:00'), got '${date}'`,
      );
    }
    checkCalendarDate(date, Number(match[1]), Number(match[2]), Number(match[3]));
    instant = new Date(date);
  }
  const { year, month, day, hour, minute } = vnWallClock(instant);
  const header = formatHeaderDateVi(`${pad4(year)}-${pad2(month)}-${pad2(day)}`);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ${header}`;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Roman numeral for 1–3999, as in "Quý I/2026" and section headings ("II. KẾT QUẢ"). */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999)
    throw new RangeError(`toRoman needs an integer from 1 to 3999, got ${n}`);
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
