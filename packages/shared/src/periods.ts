/**
 * Reporting periods as value objects with stable string ids (docs/engineering.md, "Money, numbers, dates"):
 *
 *   2025M06    month (two-digit month)          Tháng 6/2025
 *   2025Q2     quarter 1–4                      Quý II/2025
 *   2025S1     half-year 1–2 ("semester")       6 tháng đầu năm 2025 / 6 tháng cuối năm 2025
 *   2025       calendar year                    Năm 2025
 *   2024YTD11  first N months of the year 1–12  11 tháng đầu năm 2024 (N without a leading zero)
 *
 * Each period has exactly one id: parsing refuses other spellings ('2025M6', '2024YTD09', '2025q2'), so ids
 * stored in the database compare equal when the periods are equal. Dates are ISO 'YYYY-MM-DD' calendar dates in
 * Vietnam (Asia/Ho_Chi_Minh); ends are inclusive.
 */
import { toIsoDateVn, toRoman } from './format-vi.ts';

/** Kinds of reporting period. */
export const PeriodType = {
  Month: 'month',
  Quarter: 'quarter',
  HalfYear: 'half_year',
  Year: 'year',
  Ytd: 'ytd',
} as const;
/** One of the `PeriodType` values. */
export type PeriodType = (typeof PeriodType)[keyof typeof PeriodType];

/** All period types, as a tuple (e.g. for `z.enum(PERIOD_TYPES)`). */
export const PERIOD_TYPES = [
  'month',
  'quarter',
  'half_year',
  'year',
  'ytd',
] as const satisfies readonly PeriodType[];

/** A calendar month, e.g. 2025M06. */
export interface MonthPeriod {
  readonly type: 'month';
  readonly year: number;
  /** 1–12 */
  readonly month: number;
}
/** A calendar quarter, e.g. 2025Q2. */
export interface QuarterPeriod {
  readonly type: 'quarter';
  readonly year: number;
  /** 1–4 */
  readonly quarter: number;
}
/** A half-year, e.g. 2025S1 (January–June). */
export interface HalfYearPeriod {
  readonly type: 'half_year';
  readonly year: number;
  /** 1 = January–June, 2 = July–December */
  readonly half: number;
}
/** A calendar year, e.g. 2025. */
export interface YearPeriod {
  readonly type: 'year';
  readonly year: number;
}
/** The first `months` months of a year, e.g. 2024YTD11 ("11 tháng đầu năm 2024"). */
export interface YtdPeriod {
  readonly type: 'ytd';
  readonly year: number;
  /** 1–12 */
  readonly months: number;
}
/** A reporting period; its stable id is `periodId(p)`. */
export type Period = MonthPeriod | QuarterPeriod | HalfYearPeriod | YearPeriod | YtdPeriod;

/** Languages that `periodLabel` writes. */
export const PERIOD_LABEL_LANGS = ['vi', 'en', 'zh', 'ko', 'ja'] as const;
/** One of `PERIOD_LABEL_LANGS`. */
export type PeriodLabelLang = (typeof PERIOD_LABEL_LANGS)[number];

/** Thrown for a malformed period id or an out-of-range period object; `input` is what was given. */
export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
  /** Stable code for callers that map errors to responses. */
  readonly code = 'INVALID_PERIOD' as const;
  /** The id (or JSON of the object) that was refused. */
  readonly input: string;

  constructor(input: string, reason: string) {
    super(`Invalid period '${input}': ${reason}`);
    this.input = input;
  }
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const ID_SHAPE = /^(\d{4})(?:([A-Za-z]+)(\d+))?$/;
const EXPECTED =
  "expected YYYY, YYYYMmm, YYYYQn, YYYYSn or YYYYYTDn, e.g. '2025', '2025M06', '2025Q2', '2025S1', '2024YTD11'";

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Last day of a Gregorian month (kept private: the calendar module owns the exported day arithmetic). */
function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function inRange(n: number, min: number, max: number): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

/** Checks the fields of a period object (which may have been built by hand) and returns it. */
function checked<P extends Period>(p: P): P {
  const fail = (reason: string): never => {
    throw new InvalidPeriodError(JSON.stringify(p) ?? String(p), reason);
  };
  if (typeof p !== 'object' || p === null) return fail('not a period object');
  if (!inRange(p.year, MIN_YEAR, MAX_YEAR)) fail(`year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
  switch (p.type) {
    case 'month':
      if (!inRange(p.month, 1, 12)) fail('month must be 1–12');
      break;
    case 'quarter':
      if (!inRange(p.quarter, 1, 4)) fail('quarter must be 1–4');
      break;
    case 'half_year':
      if (!inRange(p.half, 1, 2)) fail('half must be 1 or 2');
      break;
    case 'year':
      break;
    case 'ytd':
      if (!inRange(p.months, 1, 12)) fail('months must be 1–12');
      break;
    default:
      fail(`unknown period type '${String((p as { type?: unknown }).type)}'`);
  }
  return p;
}

/** Parses a period id ('2025M06', '2025Q2', '2025S1', '2025', '2024YTD11'); throws `InvalidPeriodError` with the reason. */
export function parsePeriod(id: string): Period {
  if (typeof id !== 'string') throw new InvalidPeriodError(String(id), 'a period id must be a string');
  const fail = (reason: string): never => {
    throw new InvalidPeriodError(id, reason);
  };
  const match = ID_SHAPE.exec(id);
  if (!match) return fail(EXPECTED);
  const yearText = match[1] ?? '';
  const year = Number(yearText);
  if (year < MIN_YEAR) fail(`year must be from ${MIN_YEAR} to ${MAX_YEAR}`);
  const kind = match[2];
  const numText = match[3] ?? '';
  const num = Number(numText);
  switch (kind) {
    case undefined:
      return { type: 'year', year };
    case 'M':
      if (!inRange(num, 1, 12)) return fail('month must be 01–12');
      if (numText.length !== 2) return fail(`the month takes two digits: '${yearText}M${pad2(num)}'`);
      return { type: 'month', year, month: num };
    case 'Q':
      if (!inRange(num, 1, 4) || numText.length !== 1) return fail('quarter must be 1–4');
      return { type: 'quarter', year, quarter: num };
    case 'S':
      if (!inRange(num, 1, 2) || numText.length !== 1) {
        return fail('half-year must be S1 (January–June) or S2 (July–December)');
      }
      return { type: 'half_year', year, half: num };
    case 'YTD':
      if (!inRange(num, 1, 12)) return fail('the year-to-date month count must be 1–12');
      if (numText !== String(num))
        return fail(`write the month count without a leading zero: '${yearText}YTD${num}'`);
      return { type: 'ytd', year, months: num };
    default:
      return fail(`unknown period kind '${kind}'; ${EXPECTED}`);
  }
}

/** Parses a period id, or returns undefined when it is not a valid id. */
export function tryParsePeriod(id: string): Period | undefined {
  try {
    return parsePeriod(id);
  } catch (error) {
    if (error instanceof InvalidPeriodError) return undefined;
    throw error;
  }
}

/** The stable id of a period ('2025M06', '2025Q2', '2025S1', '2025', '2024YTD11'). */
export function periodId(p: Period): string {
  const q = checked(p);
  switch (q.type) {
    case 'month':
      return `${q.year}M${pad2(q.month)}`;
    case 'quarter':
      return `${q.year}Q${q.quarter}`;
    case 'half_year':
      return `${q.year}S${q.half}`;
    case 'year':
      return String(q.year);
    case 'ytd':
      return `${q.year}YTD${q.months}`;
  }
}

/** First and last month (1–12) of a period; every period lies within one calendar year. */
function monthSpan(p: Period): { first: number; last: number } {
  const q = checked(p);
  switch (q.type) {
    case 'month':
      return { first: q.month, last: q.month };
    case 'quarter':
      return { first: q.quarter * 3 - 2, last: q.quarter * 3 };
    case 'half_year':
      return { first: q.half * 6 - 5, last: q.half * 6 };
    case 'year':
      return { first: 1, last: 12 };
    case 'ytd':
      return { first: 1, last: q.months };
  }
}

/** First day of the period as 'YYYY-MM-DD'. */
export function periodStart(p: Period): string {
  const { first } = monthSpan(p);
  return `${p.year}-${pad2(first)}-01`;
}

/** Last day of the period (inclusive) as 'YYYY-MM-DD'. */
export function periodEnd(p: Period): string {
  const { last } = monthSpan(p);
  return `${p.year}-${pad2(last)}-${pad2(lastDayOfMonth(p.year, last))}`;
}

/** The months of the period in order, as 'YYYY-MM'. */
export function periodMonths(p: Period): string[] {
  const { first, last } = monthSpan(p);
  const months: string[] = [];
  for (let m = first; m <= last; m++) months.push(`${p.year}-${pad2(m)}`);
  return months;
}

/** The same period one year earlier ("cùng kỳ năm trước"): 2025Q2 → 2024Q2, 2024YTD11 → 2023YTD11. */
export function samePeriodLastYear(p: Period): Period {
  return checked({ ...checked(p), year: p.year - 1 });
}

/** Moves a period by `step` (±1) within its series of the same type. */
function shift(p: Period, step: 1 | -1): Period {
  const q = checked(p);
  const roll = (index: number, size: number): { year: number; index: number } => {
    const zeroBased = index - 1 + step;
    if (zeroBased < 0) return { year: q.year - 1, index: size };
    if (zeroBased >= size) return { year: q.year + 1, index: 1 };
    return { year: q.year, index: zeroBased + 1 };
  };
  switch (q.type) {
    case 'month': {
      const r = roll(q.month, 12);
      return checked({ type: 'month', year: r.year, month: r.index });
    }
    case 'quarter': {
      const r = roll(q.quarter, 4);
      return checked({ type: 'quarter', year: r.year, quarter: r.index });
    }
    case 'half_year': {
      const r = roll(q.half, 2);
      return checked({ type: 'half_year', year: r.year, half: r.index });
    }
    case 'year':
      return checked({ type: 'year', year: q.year + step });
    case 'ytd': {
      const r = roll(q.months, 12);
      return checked({ type: 'ytd', year: r.year, months: r.index });
    }
  }
}

/**
 * The period just before in the series of the same type: 2025M01 → 2024M12, 2025Q1 → 2024Q4, 2025S1 → 2024S2.
 * For year-to-date periods this is the previous cumulative report: 2024YTD11 → 2024YTD10, 2024YTD1 → 2023YTD12.
 */
export function previousPeriod(p: Period): Period {
  return shift(p, -1);
}

/** The period just after in the series of the same type (the inverse of `previousPeriod`). */
export function nextPeriod(p: Period): Period {
  return shift(p, 1);
}

/**
 * The period of a type that contains a date (a Date is read on Vietnam's clock).
 * For 'ytd' it is the year-to-date period through the date's month: 2024-11-15 → 2024YTD11.
 */
export function periodOf(type: PeriodType, date: Date | string): Period {
  const iso = toIsoDateVn(date);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  switch (type) {
    case 'month':
      return checked({ type, year, month });
    case 'quarter':
      return checked({ type, year, quarter: Math.ceil(month / 3) });
    case 'half_year':
      return checked({ type, year, half: month <= 6 ? 1 : 2 });
    case 'year':
      return checked({ type, year });
    case 'ytd':
      return checked({ type, year, months: month });
    default:
      throw new InvalidPeriodError(
        String(type),
        `unknown period type; expected one of ${PERIOD_TYPES.join(', ')}`,
      );
  }
}

/**
 * The periods of a type from `fromDate` to `toDate` (inclusive), in order: every month, quarter, half-year or
 * year that overlaps the range, or for 'ytd' one year-to-date period per month of the range (each ends in it).
 */
export function periodsOfType(type: PeriodType, fromDate: Date | string, toDate: Date | string): Period[] {
  const from = toIsoDateVn(fromDate);
  const to = toIsoDateVn(toDate);
  if (from > to) throw new RangeError(`periodsOfType: fromDate ${from} is after toDate ${to}`);
  const periods: Period[] = [];
  if (type === 'ytd') {
    // Year-to-date periods all start on 1 January, so "overlaps" would return YTD1…YTD12 for any date in a
    // year; one per month of the range (each ending in that month) is the series of monthly cumulative reports.
    for (let p = periodOf('month', from); periodStart(p) <= to; p = nextPeriod(p)) {
      const month = p as MonthPeriod;
      periods.push({ type: 'ytd', year: month.year, months: month.month });
    }
    return periods;
  }
  for (let p = periodOf(type, from); periodStart(p) <= to; p = nextPeriod(p)) periods.push(p);
  return periods;
}

/** Whether a date (ISO 'YYYY-MM-DD', or a Date read on Vietnam's clock) falls within the period, ends included. */
export function periodContains(p: Period, isoDate: string | Date): boolean {
  const day = toIsoDateVn(isoDate);
  return periodStart(p) <= day && day <= periodEnd(p);
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const ZH_NUMERALS = ['一', '二', '三', '四'] as const;

/** Label of a month, used for months and for one-month year-to-date periods. */
function monthLabel(year: number, month: number, lang: PeriodLabelLang): string {
  switch (lang) {
    case 'vi':
      return `Tháng ${month}/${year}`;
    case 'en':
      return `${MONTHS_EN[month - 1]} ${year}`;
    case 'zh':
    case 'ja':
      return `${year}年${month}月`;
    case 'ko':
      return `${year}년 ${month}월`;
  }
}

/** Label of a whole year, used for years and for twelve-month year-to-date periods. */
function yearLabel(year: number, lang: PeriodLabelLang): string {
  switch (lang) {
    case 'vi':
      return `Năm ${year}`;
    case 'en':
      return String(year);
    case 'zh':
    case 'ja':
      return `${year}年`;
    case 'ko':
      return `${year}년`;
  }
}

/**
 * Human label of a period in the wording of the reports: vi "Tháng 6/2025", "Quý II/2025", "6 tháng đầu năm 2025",
 * "6 tháng cuối năm 2025", "Năm 2025", "11 tháng đầu năm 2024"; en "June 2025", "Q2 2025", "H1 2025", "2025",
 * "first 11 months of 2024"; and the zh, ko, ja equivalents.
 */
export function periodLabel(p: Period, lang: PeriodLabelLang): string {
  const q = checked(p);
  if (!PERIOD_LABEL_LANGS.includes(lang)) throw new RangeError(`Unknown label language: '${String(lang)}'`);
  const y = q.year;
  switch (q.type) {
    case 'month':
      return monthLabel(y, q.month, lang);
    case 'quarter':
      switch (lang) {
        case 'vi':
          return `Quý ${toRoman(q.quarter)}/${y}`;
        case 'en':
          return `Q${q.quarter} ${y}`;
        case 'zh':
          return `${y}年第${ZH_NUMERALS[q.quarter - 1]}季度`;
        case 'ko':
          return `${y}년 ${q.quarter}분기`;
        case 'ja':
          return `${y}年第${q.quarter}四半期`;
      }
      break;
    case 'half_year': {
      const first = q.half === 1;
      switch (lang) {
        case 'vi':
          return first ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`;
        case 'en':
          return `H${q.half} ${y}`;
        case 'zh':
          return first ? `${y}年上半年` : `${y}年下半年`;
        case 'ko':
          return first ? `${y}년 상반기` : `${y}년 하반기`;
        case 'ja':
          return first ? `${y}年上半期` : `${y}年下半期`;
      }
      break;
    }
    case 'year':
      return yearLabel(y, lang);
    case 'ytd': {
      // A year-to-date period is labelled by the span it covers. YTD12 is the whole year, and the reports call it
      // "Năm 2024" ("12 tháng đầu năm 2024" / "12 tháng năm 2024" are not the reports' wording); YTD1 is simply
      // January ("Tháng 1/2024"), since "1 tháng đầu năm" is not said either.
      const n = q.months;
      if (n === 12) return yearLabel(y, lang);
      if (n === 1) return monthLabel(y, 1, lang);
      switch (lang) {
        case 'vi':
          return `${n} tháng đầu năm ${y}`;
        case 'en':
          return `first ${n} months of ${y}`;
        case 'zh':
          return `${y}年前${n}个月`;
        case 'ko':
          return `${y}년 1~${n}월`;
        case 'ja':
          return `${y}年1～${n}月`;
      }
      break;
    }
  }
  throw new InvalidPeriodError(JSON.stringify(p), 'unknown period type');
}
