/** Parsing of ISO 8601 instants and 'HH:MM' times into Vietnamese (UTC+7) calendar days and times of day. */

import { type DayNumber, dayFromCivil, daysInMonth, VN_UTC_OFFSET_MINUTES } from './days.ts';
import { CalendarError } from './errors.ts';

const MS_PER_DAY = 86_400_000;

// 2026-02-12T15:00, with optional :SS and .fraction, then Z or ±HH:MM / ±HHMM. The offset is required.
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})$/;

/** A moment expressed as a Vietnamese calendar day plus milliseconds since local (UTC+7) midnight. */
export type VnLocalTime = { day: DayNumber; msOfDay: number };

/**
 * Converts an ISO 8601 instant with an explicit offset ('2026-02-12T14:59:00+07:00', '…Z') into the
 * calendar day and time of day in Asia/Ho_Chi_Minh. A time without an offset is rejected, because it is
 * ambiguous (machine time zone vs. Vietnam time).
 */
export function toVnLocalTime(instantIso: string): VnLocalTime {
  const m = typeof instantIso === 'string' ? INSTANT_RE.exec(instantIso) : null;
  if (!m) {
    throw new CalendarError(
      'INVALID_INSTANT',
      `not an ISO 8601 instant with an offset (e.g. 2026-02-12T14:59:00+07:00): ${JSON.stringify(instantIso)}`,
    );
  }
  const [, ys, mos, ds, hs, mis, ss, frac, off] = m;
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) {
    throw new CalendarError('INVALID_INSTANT', `date or time out of range: ${JSON.stringify(instantIso)}`);
  }
  if (second > 59)
    throw new CalendarError('INVALID_INSTANT', `seconds out of range: ${JSON.stringify(instantIso)}`);
  let offsetMinutes = 0;
  if (off !== undefined && off !== 'Z' && off !== 'z') {
    const digits = off.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) {
      throw new CalendarError('INVALID_INSTANT', `UTC offset out of range: ${JSON.stringify(instantIso)}`);
    }
    offsetMinutes = (off[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const localMs =
    dayFromCivil(year, month, day) * MS_PER_DAY + (hour * 60 + minute) * 60_000 + second * 1000 + ms;
  const vnMs = localMs + (VN_UTC_OFFSET_MINUTES - offsetMinutes) * 60_000;
  const vnDay = Math.floor(vnMs / MS_PER_DAY);
  return { day: vnDay, msOfDay: vnMs - vnDay * MS_PER_DAY };
}

/** Parses a cut-off time 'HH:MM' (00:00–23:59) into milliseconds since midnight. */
export function parseCutoff(cutoff: string): number {
  const m = typeof cutoff === 'string' ? /^(\d{2}):(\d{2})$/.exec(cutoff) : null;
  const h = m ? Number(m[1]) : Number.NaN;
  const min = m ? Number(m[2]) : Number.NaN;
  if (!(h <= 23 && min <= 59)) {
    throw new CalendarError('INVALID_CUTOFF', `cut-off must be 'HH:MM' or null: ${JSON.stringify(cutoff)}`);
  }
  return (h * 60 + min) * 60_000;
}
