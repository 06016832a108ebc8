import type { CalendarImpact, CalendarOfficialDayView } from '@heza/shared';
import { createCalendar, type OfficialDay } from '@heza/shared/calendar/index';
import type { DbOrTx } from '../../db/client.ts';
import { calendarImpact, withChange } from './impact.ts';
import { presentOfficialDay } from './presenter.ts';
import { getCalendar, loadOfficialDays } from './service.ts';

/** Lists the official rows, optionally of one year, in date order. */
export async function listOfficialDays(db: DbOrTx, year?: number): Promise<CalendarOfficialDayView[]> {
  let q = db.selectFrom('calendar_official_days').selectAll().orderBy('date');
  if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return (await q.execute()).map(presentOfficialDay);
}

/** What setting a date to `kind` (or removing its row, kind undefined) would move, without saving. */
export async function previewChange(
  db: DbOrTx,
  date: string,
  kind: OfficialDay['kind'] | undefined,
): Promise<CalendarImpact> {
  const rows = await loadOfficialDays(db);
  const existing = rows.find((r) => r.date === date);
  const row: OfficialDay | null = kind ? { date, kind, name: existing?.name ?? 'preview' } : null;
  return calendarImpact(db, date, createCalendar(rows), withChange(rows, date, row));
}

/** A year of the calendar: working-day count, non-working weekdays, working weekend days, holidays, pending decisions. */
export async function getCalendarYear(db: DbOrTx, year: number) {
  const cal = await getCalendar(db);
  return {
    year,
    workingDays:
      cal.workingDaysBetween(`${year}-01-01`, `${year}-12-31`) + (cal.isWorkingDay(`${year}-01-01`) ? 1 : 0),
    nonWorkingWeekdays: cal.nonWorkingWeekdays(year),
    workingWeekendDays: cal.workingWeekendDays(year),
    holidays: cal.holidaysOf(year),
    pendingDecisions: cal.pendingDecisions(year),
  };
}
