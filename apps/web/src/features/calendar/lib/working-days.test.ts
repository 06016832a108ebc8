import { createCalendar, OFFICIAL_TABLE_2024_2026 } from '@heza/shared/calendar/index';
import { describe, expect, it } from 'vitest';
import { buildYearGrid, workingDaysLeft, workingDayTest, yearsBetween } from './working-days';

const official = OFFICIAL_TABLE_2024_2026.map((r) => ({
  date: r.date,
  kind: r.kind,
  nameVi: r.name,
  nameEn: r.nameEn ?? null,
}));
const calendar = createCalendar(OFFICIAL_TABLE_2024_2026);

describe('buildYearGrid', () => {
  const grid = buildYearGrid(2026, calendar, official);
  const cells = grid.flatMap((m) => m.weeks.flat()).filter((c) => c !== null);
  const cell = (date: string) => cells.find((c) => c.date === date)!;

  it('should lay out every day of the year once, in Monday-first weeks of seven', () => {
    expect(grid).toHaveLength(12);
    expect(cells).toHaveLength(365);
    expect(new Set(cells.map((c) => c.date)).size).toBe(365);
    for (const m of grid) for (const w of m.weeks) expect(w).toHaveLength(7);
    // 1 January 2026 is a Thursday: three empty cells (Mon–Wed) before it.
    expect(grid[0]!.weeks[0]!.slice(0, 4).map((c) => c?.day ?? null)).toEqual([null, null, null, 1]);
    // Every column holds one weekday: Monday first, Sunday last.
    for (const m of grid)
      for (const w of m.weeks)
        w.forEach((c, i) => {
          if (c) expect(c.weekday).toBe((i + 1) % 7);
        });
  });

  it('should classify weekends, computed holidays and official rows, with the official row winning', () => {
    expect(cell('2026-03-07')).toMatchObject({ kind: 'weekend', working: false }); // Saturday
    expect(cell('2026-03-09')).toMatchObject({ kind: 'working', working: true });
    const tet = cell('2026-02-17');
    expect(tet.working).toBe(false);
    expect(tet.kind.startsWith('official_') || tet.kind === 'holiday').toBe(true);
    expect(cell('2026-11-24')).toMatchObject({ kind: 'official_holiday', working: false });
    // 2027 has no table rows: its holidays are computed (2/9/2027 is a Thursday; 24/11 from 1 July 2026).
    const next = buildYearGrid(2027, calendar, official).flatMap((m) => m.weeks.flat());
    for (const date of ['2027-09-02', '2027-11-24']) {
      const c = next.find((x) => x?.date === date)!;
      expect(c).toMatchObject({ kind: 'holiday', working: false });
      expect(c.name?.vi).toBeTruthy();
    }
  });

  it('should show a working Saturday from the table as worked', () => {
    const swapped = buildYearGrid(
      2026,
      createCalendar([
        ...OFFICIAL_TABLE_2024_2026,
        { date: '2026-03-07', kind: 'working_day', name: 'Làm bù' },
      ]),
      [...official, { date: '2026-03-07', kind: 'working_day', nameVi: 'Làm bù', nameEn: null }],
    );
    const sat = swapped.flatMap((m) => m.weeks.flat()).find((c) => c?.date === '2026-03-07')!;
    expect(sat).toMatchObject({
      kind: 'official_working_day',
      working: true,
      name: { vi: 'Làm bù', en: 'Làm bù' },
    });
  });
});

describe('working days left', () => {
  const view = (year: number) => ({
    year,
    nonWorkingWeekdays: calendar.nonWorkingWeekdays(year),
    workingWeekendDays: calendar.workingWeekendDays(year),
  });
  const test = workingDayTest([view(2026)]);

  it('should agree with the calendar library on working days', () => {
    for (const date of ['2026-02-16', '2026-02-23', '2026-04-27', '2026-05-01', '2026-09-02', '2026-12-31'])
      expect(test(date)).toBe(calendar.isWorkingDay(date));
    expect(test('2027-01-04')).toBeUndefined();
  });

  it('should count forwards, zero on the day and backwards when overdue', () => {
    // Thu 12 Feb 2026 → Thu 26 Feb: 13 Feb, then Tết off until 22 Feb, then 23–26 = 5.
    expect(workingDaysLeft('2026-02-12', '2026-02-26', test)).toBe(5);
    expect(workingDaysLeft('2026-02-12', '2026-02-26', test)).toBe(
      calendar.workingDaysBetween('2026-02-12', '2026-02-26'),
    );
    expect(workingDaysLeft('2026-03-09', '2026-03-09', test)).toBe(0);
    expect(workingDaysLeft('2026-03-13', '2026-03-09', test)).toBe(-4);
    expect(workingDaysLeft('2026-12-30', '2027-01-05', test)).toBeNull();
  });

  it('should list the years a count spans', () => {
    expect(yearsBetween('2026-12-30', '2027-01-05')).toEqual([2026, 2027]);
    expect(yearsBetween('2026-03-01', '2026-02-01')).toEqual([2026]);
  });
});
