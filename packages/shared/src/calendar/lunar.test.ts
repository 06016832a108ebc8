import { describe, expect, it } from 'vitest';
import { formatDay } from './days.ts';
import { lunarNewYearDay, lunarToSolarDay } from './lunar.ts';

// docs/domain-vn.md §3.3 [C]: two independent libraries (lunar-date-vn, date-holidays) agree.
const CONFIRMED: [number, string, string][] = [
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
  [2031, '2031-01-23', '2031-04-01'],
  [2032, '2032-02-11', '2032-04-19'],
];

describe('lunar calendar (UTC+7)', () => {
  it.each(CONFIRMED)('%i: Tết is %s and Giỗ Tổ (10/3) is %s', (year, tet, gioTo) => {
    expect(formatDay(lunarNewYearDay(year))).toBe(tet);
    expect(formatDay(lunarToSolarDay(10, 3, year)!)).toBe(gioTo);
  });

  it('puts Giỗ Tổ 2023 in the normal 3rd month, after the leap 2nd month (29/04/2023) [M]', () => {
    // 2023 (Quý Mão) had a leap 2nd month, so month 3 starts one lunation later than without it.
    expect(formatDay(lunarToSolarDay(10, 3, 2023)!)).toBe('2023-04-29');
    expect(formatDay(lunarToSolarDay(1, 2, 2023, true)!)).toBe('2023-03-22');
  });

  it('depends on the time zone: Tết 1985 is 21/01 in Vietnam (UTC+7) but 20/02 at UTC+8 [M]', () => {
    expect(formatDay(lunarNewYearDay(1985))).toBe('1985-01-21');
    expect(formatDay(lunarNewYearDay(1985, 8))).toBe('1985-02-20');
  });

  it('rejects a leap month that is not leap that year, and days beyond the month', () => {
    expect(lunarToSolarDay(1, 3, 2026, true)).toBeNull();
    expect(lunarToSolarDay(31, 1, 2026)).toBeNull();
    expect(lunarToSolarDay(0, 1, 2026)).toBeNull();
    expect(lunarToSolarDay(1, 13, 2026)).toBeNull();
    // The 12th month of lunar year 2025 (Ất Tỵ) has 29 days: it ends on 16/02/2026, the day before Tết
    // (consistent with §3.2, where 16/02/2026 is the first of the five legal Tết days).
    expect(formatDay(lunarToSolarDay(29, 12, 2025)!)).toBe('2026-02-16');
    expect(lunarToSolarDay(30, 12, 2025)).toBeNull();
  });
});
