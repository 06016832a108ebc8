import type { CalendarOfficialDayView, CalendarYearView } from '@heza/shared';
import { dayFromCivil } from '@heza/shared/calendar/days';
import {
  addCalendarDays,
  type Bilingual,
  formatDay,
  type OfficialDay,
  type WorkingDayCalendar,
  weekdayOf,
} from '@heza/shared/calendar/index';
import type { z } from 'zod';

/**
 * Calendar helpers of the staff screens: the month grids of the administration page, and working-day
 * counts from the public year views (which list every exception to "Monday–Friday work").
 */

/** How a day shows on the grid: what decides whether it is worked. */
export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'official_holiday'
  | 'official_day_off'
  | 'official_working_day';

export interface DayCell {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  kind: DayKind;
  name: Bilingual | null;
}

export interface MonthGrid {
  /** 1–12. */
  month: number;
  /** Weeks Monday → Sunday (Vietnamese calendars start on Monday); null outside the month. */
  weeks: (DayCell | null)[][];
}

/** The official rows of the API as the shared calendar library takes them. */
export function toOfficialDays(rows: readonly CalendarOfficialDayView[]): OfficialDay[] {
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    name: r.nameVi,
    ...(r.nameEn && { nameEn: r.nameEn }),
    ...(r.source && { source: r.source }),
  }));
}

/** The weekday of an ISO date, 0 = Sunday. */
export function weekdayOfIso(date: string): number {
  return weekdayOf(
    dayFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))),
  );
}

/**
 * The twelve month grids of a year. The official rows (of the administrators' table) win over the
 * computed holidays; computed holidays over weekends. `working` always comes from the calendar itself.
 */
export function buildYearGrid(
  year: number,
  calendar: Pick<WorkingDayCalendar, 'isWorkingDay' | 'holidaysOf'>,
  officialRows: readonly Pick<CalendarOfficialDayView, 'date' | 'kind' | 'nameVi' | 'nameEn'>[],
): MonthGrid[] {
  const official = new Map(officialRows.filter((r) => r.date.startsWith(`${year}-`)).map((r) => [r.date, r]));
  const holidays = new Map(calendar.holidaysOf(year).map((h) => [h.date, h]));
  const months: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const first = dayFromCivil(year, month, 1);
    const next = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
    const weeks: (DayCell | null)[][] = [];
    // Monday-first column of the 1st: Sunday (0) goes last.
    let week: (DayCell | null)[] = Array.from({ length: (weekdayOf(first) + 6) % 7 }, () => null);
    for (let d = first; d < next; d++) {
      const date = formatDay(d);
      const weekday = weekdayOf(d);
      const row = official.get(date);
      const holiday = holidays.get(date);
      let kind: DayKind;
      let name: Bilingual | null = null;
      if (row) {
        kind = `official_${row.kind}`;
        name = { vi: row.nameVi, en: row.nameEn ?? row.nameVi };
      } else if (holiday) {
        kind = 'holiday';
        name = holiday.name;
      } else kind = weekday === 0 || weekday === 6 ? 'weekend' : 'working';
      week.push({ date, day: d - first + 1, weekday, working: calendar.isWorkingDay(date), kind, name });
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
    months.push({ month, weeks });
  }
  return months;
}

/** A working-day test built from the public year views; undefined for a date of a year not given. */
export function workingDayTest(
  views: readonly Pick<
    z.infer<typeof CalendarYearView>,
    'year' | 'nonWorkingWeekdays' | 'workingWeekendDays'
  >[],
): (date: string) => boolean | undefined {
  const years = new Set(views.map((v) => v.year));
  const off = new Set(views.flatMap((v) => v.nonWorkingWeekdays.map((d) => d.date)));
  const worked = new Set(views.flatMap((v) => v.workingWeekendDays.map((d) => d.date)));
  return (date) => {
    if (!years.has(Number(date.slice(0, 4)))) return undefined;
    const weekday = weekdayOfIso(date);
    return weekday === 0 || weekday === 6 ? worked.has(date) : !off.has(date);
  };
}

/**
 * Working days left from `today` to `due`: the working days in (today, due] — 0 when due today, and
 * minus the working days in (due, today] when overdue. Null when a year in between is not known.
 */
export function workingDaysLeft(
  today: string,
  due: string,
  isWorkingDay: (date: string) => boolean | undefined,
): number | null {
  if (today === due) return 0;
  const [from, to, sign] = today < due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    const w = isWorkingDay(d);
    if (w === undefined) return null;
    if (w) count++;
  }
  return sign * count;
}

/** The years a count between two dates needs. */
export function yearsBetween(a: string, b: string): number[] {
  const [x, y] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((p, q) => p - q);
  return Array.from({ length: Math.min(y! - x! + 1, 5) }, (_, i) => x! + i);
}
