import { toIsoDateVn } from '@heza/shared';
import type { WorkingDayCalendar } from '@heza/shared/calendar/index';

/**
 * Time of the procedures area. Business instants (receipt, result, return) are taken from the server clock
 * here, never from the database's now(), so tests can set the clock (vi.setSystemTime) and a dossier's
 * dates all come from one source. Dates are Vietnam calendar dates (UTC+7, no DST).
 */

/** The current instant. */
export function now(): Date {
  return new Date();
}

/** 'HH:MM' on the Vietnam clock. */
export function vnTimeOfDay(d: Date): string {
  const shifted = new Date(d.getTime() + 7 * 3_600_000);
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/** The instant of a Vietnam date and time of day. */
export function vnInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+07:00`);
}

/** When the office opens: the appointment time when counting starts on a later day than the receipt. */
export const OFFICE_OPENS = '08:00';

/** A dossier's appointment: the deemed receipt date, the due date and the due instant. */
export type Appointment = { countingFrom: string; dueDate: string; dueAt: Date };

/**
 * The appointment of a dossier received at `receivedAt` under a time limit of `days` working days and the
 * procedure's cut-off: counting starts after the deemed receipt date (the same day, or the next working
 * day when received at or after the cut-off or on a rest day; domain-vn §2.5), the due date is `days`
 * working days later, and the time of day is the receipt time when counting starts on the receipt day,
 * otherwise the office's opening time (a design choice, see README).
 */
export function appointmentOf(
  calendar: WorkingDayCalendar,
  receivedAt: Date,
  days: number,
  cutoff: string | null,
): Appointment {
  const countingFrom = calendar.receivedOn(receivedAt.toISOString(), { cutoff });
  const dueDate = calendar.addWorkingDays(countingFrom, days);
  const sameDay = countingFrom === toIsoDateVn(receivedAt);
  return {
    countingFrom,
    dueDate,
    dueAt: vnInstant(dueDate, sameDay ? vnTimeOfDay(receivedAt) : OFFICE_OPENS),
  };
}
