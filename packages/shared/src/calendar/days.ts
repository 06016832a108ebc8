/**
 * Calendar-date arithmetic on day numbers (days since 1970-01-01), with no time zones involved.
 *
 * A "date" in this module is a calendar date in Asia/Ho_Chi_Minh written as 'YYYY-MM-DD'. Working on
 * plain day numbers avoids every JS `Date` local-time-zone pitfall: nothing here depends on the
 * machine's TZ setting. The civil <-> day conversion is the well-known proleptic-Gregorian algorithm
 * (H. Hinnant, "chrono-compatible low-level date algorithms").
 */

import { CalendarError } from './errors.ts';

/** Days since 1970-01-01 (day 0 is Thursday 1970-01-01). */
export type DayNumber = number;

/** The Julian Day Number of day number 0 (1970-01-01). */
export const JDN_OF_EPOCH = 2440588;

/** The Vietnamese civil time offset: UTC+7 all year (no daylight saving time). */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a Gregorian year (365 or 366). */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Number of days in a month (1-12) of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a Gregorian year/month/day (month 1-12); no validation. */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Gregorian { year, month, day } of a day number. */
export function civilFromDay(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Gregorian year of a day number. */
export function yearOfDay(dayNumber: DayNumber): number {
  return civilFromDay(dayNumber).year;
}

/** Day of the week of a day number: 0 = Sunday, 1 = Monday, ..., 6 = Saturday. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** Formats a day number as 'YYYY-MM-DD' (years 0000-9999). */
export function formatDay(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNumber);
  if (year < 0 || year > 9999)
    throw new CalendarError('OUT_OF_RANGE', `year ${year} cannot be written as YYYY`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Parses a strict 'YYYY-MM-DD' date into a day number, or returns null when it is not a real date. */
export function tryParseDay(iso: string): DayNumber | null {
  if (typeof iso !== 'string' || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) {
    return null;
  }
  const y0 = digit(iso, 0);
  const y1 = digit(iso, 1);
  const y2 = digit(iso, 2);
  const y3 = digit(iso, 3);
  const m0 = digit(iso, 5);
  const m1 = digit(iso, 6);
  const d0 = digit(iso, 8);
  const d1 = digit(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** Parses a strict 'YYYY-MM-DD' date into a day number; throws CalendarError('INVALID_DATE') otherwise. */
export function parseDay(iso: string): DayNumber {
  const d = tryParseDay(iso);
  if (d === null)
    throw new CalendarError('INVALID_DATE', `not a valid YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return d;
}

/** Adds (or, with a negative count, subtracts) calendar days to a 'YYYY-MM-DD' date. */
export function addCalendarDays(iso: string, days: number): string {
  return formatDay(parseDay(iso) + days);
}
