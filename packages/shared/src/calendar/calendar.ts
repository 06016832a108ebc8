/**
 * The working-day calendar: dated rules (weekends, public holidays) overlaid with an official per-year
 * table, with per-year caches so that deadline arithmetic is O(1) per year crossed.
 *
 * Deadline convention (domain-vn §2.5): `addWorkingDays(d, n)` is the earliest date D >= d such that
 * exactly n working days lie in the half-open interval (d, D]. The start day d is never counted (as in
 * BLDS 2015 Art. 147: "the first day is not counted"), whether or not it is itself a working day, and the
 * result for n >= 1 is always a working day (the n-th working day after d). `workingDaysBetween(a, b)`
 * counts the same interval (a, b], so workingDaysBetween(d, addWorkingDays(d, n)) === n. For a dossier,
 * d is the *deemed receipt date* given by `receivedOn` (the next working day when it arrived after the
 * cut-off or on a non-working day), so `appointmentFor(t, 0, …)` is "the same day, or the next working
 * day if received after 15:00", exactly the wording of the procedures quoted in §2.5.
 */

import {
  type DayNumber,
  dayFromCivil,
  daysInYear,
  formatDay,
  parseDay,
  tryParseDay,
  weekdayOf,
  yearOfDay,
} from './days.ts';
import { CalendarError } from './errors.ts';
import { parseCutoff, toVnLocalTime } from './instant.ts';
import { lunarToSolarDay } from './lunar.ts';
import { HOLIDAY_RULES_VN, LABOUR_CODE_2019_FROM, WEEKEND_RULES_VN } from './rules.ts';
import type { Bilingual, HolidayRule, NamedDay, OfficialDay, WeekendRule } from './types.ts';

/** Options for `createCalendar`. */
export type CalendarOptions = {
  /** Holiday rules; defaults to HOLIDAY_RULES_VN. */
  rules?: readonly HolidayRule[];
  /** Weekly rest rules; defaults to WEEKEND_RULES_VN (Saturday, Sunday). */
  weekendRules?: readonly WeekendRule[];
  /** First supported year; defaults to 2021 (Labour Code 2019). */
  minYear?: number;
  /** Last supported year; defaults to 2100. */
  maxYear?: number;
};

/** Options for `receivedOn`: the daily cut-off 'HH:MM' (Vietnam time; at or after it = next working day), or null. */
export type ReceivedOnOptions = { cutoff: string | null };

/**
 * Something the law leaves to a yearly decision that the official table of that year does not settle yet:
 * the day next to 2/9 (`dates` = the candidates), the exact Tết days (`dates` = the computed default days
 * not confirmed by a row), or nghỉ bù for holidays on a weekly rest day when the year has no official
 * day off at all (`ruleId` 'nghi_bu', `dates` = those holidays; Art. 111(3) is never applied by guess).
 */
export type PendingDecision = { ruleId: string; name: Bilingual; dates: string[] };

/** A working-day calendar built by `createCalendar`. All dates are 'YYYY-MM-DD' in Asia/Ho_Chi_Minh. */
export interface WorkingDayCalendar {
  /** First supported year. */
  readonly minYear: number;
  /** Last supported year. */
  readonly maxYear: number;
  /** True when the date is a working day (not a weekend, holiday or official day off; or an official working day). */
  isWorkingDay(date: string): boolean;
  /** The date n (integer >= 0) working days after `date`, the start day not counted; n = 0 returns `date`. */
  addWorkingDays(date: string, n: number): string;
  /** Number of working days in (a, b]; negative (minus the count in (b, a]) when b is before a. */
  workingDaysBetween(a: string, b: string): number;
  /** Non-working days of a year that are not weekly rest days (holidays, days off on Mon–Fri), with names. */
  nonWorkingWeekdays(year: number): NamedDay[];
  /** Weekly rest days of a year that are official working days (ngày làm bù), with names. */
  workingWeekendDays(year: number): NamedDay[];
  /** Public holidays and official days off of a year (including those on weekends), with bilingual names. */
  holidaysOf(year: number): NamedDay[];
  /** The deemed receipt date of a dossier received at `instantIso`: counting starts after this date. */
  receivedOn(instantIso: string, opts: ReceivedOnOptions): string;
  /** Holidays the law grants but whose day the official table has not fixed for that year. */
  pendingDecisions(year: number): PendingDecision[];
}

type Label = { kind: 'holiday' | 'day_off' | 'working_day'; name: Bilingual; source: string };

type YearData = {
  year: number;
  start: DayNumber;
  length: number;
  /** 1 = working day, per day offset in the year. */
  working: Uint8Array;
  /** 1 = weekly rest day under the weekend rules, per offset. */
  rest: Uint8Array;
  /** Offsets of the working days, ascending. */
  workIdx: Int32Array;
  /** rankLE[i] = number of working days at offsets <= i. */
  rankLE: Int32Array;
  count: number;
  /** ISO strings of every day of the year, by offset. */
  iso: string[];
  labels: Map<number, Label>;
  /** Offsets computed by each rule id, before the official table is applied. */
  computed: Map<string, number[]>;
  /** Kind of the official row on an offset, when there is one. */
  official: Map<number, OfficialDay['kind']>;
};

type Dated<T> = T & { fromDay: number; toDay: number };

function dayOrInfinity(iso: string | null, fallback: number, what: string): number {
  if (iso === null) return fallback;
  const d = tryParseDay(iso);
  if (d === null) throw new CalendarError('INVALID_TABLE', `invalid ${what}: ${JSON.stringify(iso)}`);
  return d;
}

function dated<T extends { effectiveFrom: string | null; effectiveTo: string | null }>(rule: T): Dated<T> {
  return {
    ...rule,
    fromDay: dayOrInfinity(rule.effectiveFrom, -Infinity, 'effectiveFrom'),
    toDay: dayOrInfinity(rule.effectiveTo, Infinity, 'effectiveTo'),
  };
}

const OFFICIAL_KINDS = new Set(['holiday', 'day_off', 'working_day']);

function checkYear(year: number, minYear: number, maxYear: number): void {
  if (!Number.isInteger(year)) throw new CalendarError('INVALID_YEAR', `year must be an integer: ${year}`);
  if (year < minYear || year > maxYear) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `year ${year} is outside the supported range ${minYear}–${maxYear}`,
    );
  }
}

/**
 * Builds a working-day calendar from the official table (rows override the computed rules on their
 * dates; when a date appears twice the later row wins, so tables can be layered) and the dated rules.
 */
export function createCalendar(
  officialDays: readonly OfficialDay[],
  opts: CalendarOptions = {},
): WorkingDayCalendar {
  const minYear = opts.minYear ?? Number(LABOUR_CODE_2019_FROM.slice(0, 4));
  const maxYear = opts.maxYear ?? 2100;
  if (
    !Number.isInteger(minYear) ||
    !Number.isInteger(maxYear) ||
    minYear < 1 ||
    maxYear > 9998 ||
    minYear > maxYear
  ) {
    throw new CalendarError('INVALID_YEAR', `invalid supported range ${minYear}–${maxYear}`);
  }
  const rules = (opts.rules ?? HOLIDAY_RULES_VN).map(dated);
  const weekendRules = (opts.weekendRules ?? WEEKEND_RULES_VN).map(dated);

  const officialByYear = new Map<number, { day: DayNumber; row: OfficialDay }[]>();
  for (const row of officialDays) {
    const day = row && typeof row.date === 'string' ? tryParseDay(row.date) : null;
    if (day === null)
      throw new CalendarError('INVALID_TABLE', `official day has an invalid date: ${JSON.stringify(row)}`);
    if (!OFFICIAL_KINDS.has(row.kind)) {
      throw new CalendarError(
        'INVALID_TABLE',
        `official day ${row.date} has an invalid kind: ${String(row.kind)}`,
      );
    }
    if (typeof row.name !== 'string' || row.name.trim() === '') {
      throw new CalendarError('INVALID_TABLE', `official day ${row.date} has no name`);
    }
    const y = yearOfDay(day);
    let list = officialByYear.get(y);
    if (!list) {
      list = [];
      officialByYear.set(y, list);
    }
    list.push({ day, row });
  }

  const years = new Map<number, YearData>();
  let last: YearData | null = null;

  function isRestDay(day: DayNumber): boolean {
    const wd = weekdayOf(day);
    for (const r of weekendRules) {
      if (day >= r.fromDay && day <= r.toDay && r.weekdays.includes(wd)) return true;
    }
    return false;
  }

  function computedHolidays(
    year: number,
    start: DayNumber,
    length: number,
    labels: Map<number, Label>,
    computed: Map<string, number[]>,
  ): void {
    const add = (day: DayNumber, rule: Dated<HolidayRule>, name: Bilingual) => {
      const off = day - start;
      if (off < 0 || off >= length || day < rule.fromDay || day > rule.toDay) return;
      computed.set(rule.id, [...(computed.get(rule.id) ?? []), off]);
      if (!labels.has(off)) labels.set(off, { kind: 'holiday', name, source: `rule:${rule.id}` });
    };
    for (const rule of rules) {
      if (rule.type === 'solar') {
        add(dayFromCivil(year, rule.month, rule.day), rule, rule.name);
      } else if (rule.type === 'lunar') {
        // A lunar date of lunar year Y can fall in solar year Y or Y + 1: look at both lunar years.
        for (const lunarYear of [year - 1, year]) {
          const base = lunarToSolarDay(rule.day, rule.month, lunarYear);
          if (base === null) continue;
          for (let o = rule.span[0]; o <= rule.span[1]; o++) {
            add(base + o, rule, rule.dayNames?.[o - rule.span[0]] ?? rule.name);
          }
        }
      }
      // 'decided' rules are never guessed: only the official table places them.
    }
  }

  function buildYear(year: number): YearData {
    const start = dayFromCivil(year, 1, 1);
    const length = daysInYear(year);
    const labels = new Map<number, Label>();
    const computed = new Map<string, number[]>();
    const official = new Map<number, OfficialDay['kind']>();
    computedHolidays(year, start, length, labels, computed);
    for (const { day, row } of officialByYear.get(year) ?? []) {
      const off = day - start;
      official.set(off, row.kind);
      const before = labels.get(off);
      const en = row.nameEn ?? (before && row.kind === 'holiday' ? before.name.en : row.name);
      labels.set(off, { kind: row.kind, name: { vi: row.name, en }, source: row.source ?? 'official table' });
    }
    const working = new Uint8Array(length);
    const rest = new Uint8Array(length);
    const rankLE = new Int32Array(length);
    const idx: number[] = [];
    const iso: string[] = new Array(length);
    for (let i = 0; i < length; i++) {
      rest[i] = isRestDay(start + i) ? 1 : 0;
      const label = labels.get(i);
      const w = label ? label.kind === 'working_day' : rest[i] === 0;
      if (w) {
        working[i] = 1;
        idx.push(i);
      }
      rankLE[i] = idx.length;
      iso[i] = formatDay(start + i);
    }
    return {
      year,
      start,
      length,
      working,
      rest,
      workIdx: Int32Array.from(idx),
      rankLE,
      count: idx.length,
      iso,
      labels,
      computed,
      official,
    };
  }

  function yearData(year: number): YearData {
    let y = years.get(year);
    if (!y) {
      checkYear(year, minYear, maxYear);
      y = buildYear(year);
      years.set(year, y);
    }
    return y;
  }

  function yearOf(day: DayNumber): YearData {
    if (last !== null && day >= last.start && day < last.start + last.length) return last;
    last = yearData(yearOfDay(day));
    return last;
  }

  function named(y: YearData, off: number): NamedDay {
    const label = y.labels.get(off);
    const weekday = weekdayOf(y.start + off);
    if (label)
      return { date: y.iso[off]!, weekday, kind: label.kind, name: label.name, source: label.source };
    return y.rest[off]
      ? {
          date: y.iso[off]!,
          weekday,
          kind: 'weekend',
          name: { vi: 'Nghỉ hằng tuần', en: 'Weekly rest day' },
          source: 'weekend',
        }
      : {
          date: y.iso[off]!,
          weekday,
          kind: 'working',
          name: { vi: 'Ngày làm việc', en: 'Working day' },
          source: 'weekday',
        };
  }

  function listYear(year: number, keep: (y: YearData, off: number) => boolean): NamedDay[] {
    if (!Number.isInteger(year)) throw new CalendarError('INVALID_YEAR', `year must be an integer: ${year}`);
    const y = yearData(year);
    const out: NamedDay[] = [];
    for (let off = 0; off < y.length; off++) if (keep(y, off)) out.push(named(y, off));
    return out;
  }

  function addWorkingDaysFrom(d: DayNumber, n: number): string {
    let y = yearOf(d);
    if (n === 0) return y.iso[d - y.start]!;
    let k = y.rankLE[d - y.start]! + n - 1;
    while (k >= y.count) {
      k -= y.count;
      y = yearData(y.year + 1);
    }
    return y.iso[y.workIdx[k]!]!;
  }

  function countIn(a: DayNumber, b: DayNumber): number {
    // Working days in (a, b], a <= b.
    const ya = yearOf(a);
    const ia = ya.rankLE[a - ya.start]!;
    const yb = yearOf(b);
    const ib = yb.rankLE[b - yb.start]!;
    if (ya.year === yb.year) return ib - ia;
    let total = ya.count - ia + ib;
    for (let year = ya.year + 1; year < yb.year; year++) total += yearData(year).count;
    return total;
  }

  return {
    minYear,
    maxYear,
    isWorkingDay(date) {
      const d = parseDay(date);
      const y = yearOf(d);
      return y.working[d - y.start] === 1;
    },
    addWorkingDays(date, n) {
      if (!Number.isSafeInteger(n) || n < 0) {
        throw new CalendarError('INVALID_COUNT', `n must be an integer >= 0: ${String(n)}`);
      }
      return addWorkingDaysFrom(parseDay(date), n);
    },
    workingDaysBetween(a, b) {
      const da = parseDay(a);
      const db = parseDay(b);
      return da <= db ? countIn(da, db) : -countIn(db, da);
    },
    nonWorkingWeekdays(year) {
      return listYear(year, (y, off) => y.rest[off] === 0 && y.working[off] === 0);
    },
    workingWeekendDays(year) {
      return listYear(year, (y, off) => y.rest[off] === 1 && y.working[off] === 1);
    },
    holidaysOf(year) {
      return listYear(year, (y, off) => {
        const k = y.labels.get(off)?.kind;
        return k === 'holiday' || k === 'day_off';
      });
    },
    receivedOn(instantIso, opts) {
      if (!opts || (opts.cutoff !== null && typeof opts.cutoff !== 'string')) {
        throw new CalendarError('INVALID_CUTOFF', "receivedOn needs { cutoff: 'HH:MM' | null }");
      }
      const cutoffMs = opts.cutoff === null ? Infinity : parseCutoff(opts.cutoff);
      const { day, msOfDay } = toVnLocalTime(instantIso);
      const y = yearOf(day);
      // Received at or after the cut-off, or on a non-working day: deemed received on the next working day.
      if (y.working[day - y.start] === 1 && msOfDay < cutoffMs) return y.iso[day - y.start]!;
      return addWorkingDaysFrom(day, 1);
    },
    pendingDecisions(year) {
      const y = yearData(year);
      const out: PendingDecision[] = [];
      const isOff = (off: number) => y.official.get(off) === 'holiday' || y.official.get(off) === 'day_off';
      for (const rule of rules) {
        if (rule.type === 'decided') {
          const candidates = rule.candidates
            .map((mmdd) => tryParseDay(`${String(year).padStart(4, '0')}-${mmdd}`))
            .filter((d): d is number => d !== null && d >= rule.fromDay && d <= rule.toDay);
          if (candidates.length > 0 && !candidates.some((d) => isOff(d - y.start))) {
            out.push({ ruleId: rule.id, name: rule.name, dates: candidates.map(formatDay) });
          }
        } else if (rule.type === 'lunar' && rule.decidedYearly) {
          const unconfirmed = (y.computed.get(rule.id) ?? []).filter((off) => !y.official.has(off));
          if (unconfirmed.length > 0) {
            out.push({
              ruleId: rule.id,
              name: {
                vi: `${rule.name.vi} (các ngày nghỉ cụ thể)`,
                en: `${rule.name.en} (the exact days off)`,
              },
              dates: unconfirmed.map((off) => y.iso[off]!),
            });
          }
        }
      }
      const hasDayOff = [...y.official.values()].includes('day_off');
      const onRestDays = [...y.labels]
        .filter(([off, label]) => label.kind === 'holiday' && y.rest[off] === 1)
        .map(([off]) => off)
        .sort((a, b) => a - b);
      if (!hasDayOff && onRestDays.length > 0) {
        out.push({
          ruleId: 'nghi_bu',
          name: {
            vi: 'Nghỉ bù cho ngày lễ trùng ngày nghỉ hằng tuần (BLLĐ 2019 Điều 111(3))',
            en: 'Compensatory days off for holidays on weekly rest days (Labour Code 2019 Art. 111(3))',
          },
          dates: onRestDays.map((off) => y.iso[off]!),
        });
      }
      return out;
    },
  };
}

/** Options for `appointmentFor`: the calendar to count on and the procedure's cut-off ('HH:MM' or null). */
export type AppointmentOptions = { calendar: WorkingDayCalendar; cutoff: string | null };

/**
 * Due date (ngày hẹn trả kết quả) of a dossier received at `receivedInstant` (ISO 8601 with offset) whose
 * procedure takes `workingDays` working days: addWorkingDays(receivedOn(instant), workingDays).
 */
export function appointmentFor(
  receivedInstant: string,
  workingDays: number,
  opts: AppointmentOptions,
): string {
  const from = opts.calendar.receivedOn(receivedInstant, { cutoff: opts.cutoff });
  return opts.calendar.addWorkingDays(from, workingDays);
}
