import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayFromCivil, formatDay, parseDay, tryParseDay, weekdayOf } from './days.ts';
import { CalendarError } from './errors.ts';

describe('day-number arithmetic', () => {
  it('numbers days from 1970-01-01 (a Thursday)', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(parseDay('2026-02-17'))).toBe(2); // Tuesday, mùng 1 Tết Bính Ngọ
    expect(weekdayOf(parseDay('2026-11-24'))).toBe(2); // Tuesday (domain-vn §3.1)
    expect(weekdayOf(parseDay('1969-12-28'))).toBe(0); // Sunday, before the epoch
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of [
      '2026-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2026-2-01',
      '26-02-01',
      '',
      'x',
    ]) {
      expect(tryParseDay(bad)).toBeNull();
      expect(() => parseDay(bad)).toThrow(CalendarError);
    }
    expect(tryParseDay('2024-02-29')).toBe(dayFromCivil(2024, 2, 29));
    expect(tryParseDay('2000-02-29')).not.toBeNull();
    expect(tryParseDay('1900-02-29')).toBeNull();
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('agrees with Date.UTC on every day from 1900 to 2200 (property)', () => {
    const lo = Date.UTC(1900, 0, 1) / 86_400_000;
    const hi = Date.UTC(2200, 11, 31) / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(day);
        expect(weekdayOf(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });
});
