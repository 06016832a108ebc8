import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.ts';
import { dayFromCivil, formatDay, parseDay, weekdayOf } from './days.ts';
import { OFFICIAL_TABLE_2024_2026 } from './official-table.ts';

const cal = createCalendar(OFFICIAL_TABLE_2024_2026);
const tableDates = new Set(OFFICIAL_TABLE_2024_2026.map((r) => r.date));

const FIRST = dayFromCivil(2024, 1, 1);
const LAST = dayFromCivil(2026, 12, 31);
/** A date in 2024–2026. */
const dateArb = fc.integer({ min: FIRST, max: LAST }).map(formatDay);
const nArb = fc.integer({ min: 1, max: 60 });
/** A Saturday in 2024–2026 that the official table does not mention. */
const saturdayArb = fc
  .integer({ min: 0, max: Math.floor((LAST - FIRST) / 7) })
  .map((w) => formatDay(FIRST + ((6 - weekdayOf(FIRST) + 7) % 7) + 7 * w))
  .filter((d) => parseDay(d) <= LAST && !tableDates.has(d));

describe('addWorkingDays / workingDaysBetween properties (2024–2026)', () => {
  it('the result is a working day for n >= 1', () => {
    fc.assert(fc.property(dateArb, nArb, (d, n) => cal.isWorkingDay(cal.addWorkingDays(d, n))));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n, for n >= 0', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 300 }), (d, n) => {
        expect(cal.workingDaysBetween(d, cal.addWorkingDays(d, n))).toBe(n);
      }),
    );
  });

  it('is strictly increasing in n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), nArb, (d, n, k) => {
        expect(cal.addWorkingDays(d, n) < cal.addWorkingDays(d, n + k)).toBe(true);
      }),
    );
  });

  it('agrees with a naive day-by-day reference that skips the start day', () => {
    fc.assert(
      fc.property(dateArb, nArb, (d, n) => {
        let day = parseDay(d);
        for (let left = n; left > 0; ) {
          day += 1;
          if (cal.isWorkingDay(formatDay(day))) left -= 1;
        }
        expect(cal.addWorkingDays(d, n)).toBe(formatDay(day));
      }),
    );
  });

  it('workingDaysBetween is additive: (a, b] + (b, c] = (a, c]', () => {
    fc.assert(
      fc.property(dateArb, dateArb, dateArb, (a, b, c) => {
        expect(cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c)).toBe(
          cal.workingDaysBetween(a, c),
        );
      }),
    );
  });

  it('an official working_day on a Saturday is counted', () => {
    fc.assert(
      fc.property(saturdayArb, fc.integer({ min: 1, max: 40 }), (sat, before) => {
        const withSat = createCalendar([
          ...OFFICIAL_TABLE_2024_2026,
          { date: sat, kind: 'working_day', name: 'Làm bù (thử)' },
        ]);
        const from = formatDay(parseDay(sat) - before);
        expect(cal.isWorkingDay(sat)).toBe(false);
        expect(withSat.isWorkingDay(sat)).toBe(true);
        expect(withSat.workingDaysBetween(from, sat)).toBe(cal.workingDaysBetween(from, sat) + 1);
        expect(withSat.workingWeekendDays(Number(sat.slice(0, 4))).map((x) => x.date)).toContain(sat);
      }),
      { numRuns: 50 },
    );
  });

  it('adding an official holiday never makes a deadline earlier (and delays it when it hits the counted span)', () => {
    fc.assert(
      fc.property(dateArb, nArb, dateArb, (d, n, h) => {
        const extra = createCalendar([
          ...OFFICIAL_TABLE_2024_2026,
          { date: h, kind: 'holiday', name: 'Nghỉ (thử)' },
        ]);
        const before = cal.addWorkingDays(d, n);
        const after = extra.addWorkingDays(d, n);
        expect(after >= before).toBe(true);
        if (h > d && h <= before && cal.isWorkingDay(h)) expect(after > before).toBe(true);
        else expect(after).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('receivedOn returns a working day on or after the Vietnam-time receipt date', () => {
    const instantArb = fc
      .record({ day: fc.integer({ min: FIRST, max: LAST - 1 }), minute: fc.integer({ min: 0, max: 1439 }) })
      .map(({ day, minute }) => ({
        date: formatDay(day),
        iso: `${formatDay(day)}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+07:00`,
        minute,
      }));
    fc.assert(
      fc.property(instantArb, fc.boolean(), ({ date, iso, minute }, withCutoff) => {
        const got = cal.receivedOn(iso, { cutoff: withCutoff ? '15:00' : null });
        expect(cal.isWorkingDay(got)).toBe(true);
        const sameDay = cal.isWorkingDay(date) && (!withCutoff || minute < 15 * 60);
        expect(got).toBe(sameDay ? date : cal.addWorkingDays(date, 1));
      }),
    );
  });
});
