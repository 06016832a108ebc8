import { describe, expect, it } from 'vitest';
import { appointmentFor, createCalendar } from './calendar.ts';
import { CalendarError } from './errors.ts';
import { OFFICIAL_TABLE_2024_2026 } from './official-table.ts';
import type { HolidayRule, OfficialDay } from './types.ts';

const cal = createCalendar(OFFICIAL_TABLE_2024_2026);
/** The rules alone, without any official table. */
const rulesOnly = createCalendar([]);

const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('Tết and Giỗ Tổ (domain-vn §3.3)', () => {
  it('Tết 2024: mùng 1 is Saturday 10/02; the default five days are 09–13/02', () => {
    const tet = rulesOnly.holidaysOf(2024).filter((d) => d.name.vi.startsWith('Tết Âm lịch'));
    expect(dates(tet)).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(tet[1]).toMatchObject({
      weekday: 6,
      name: { vi: 'Tết Âm lịch (mùng 1)', en: 'Lunar New Year (day 1)' },
    });
    expect(cal.isWorkingDay('2024-02-12')).toBe(false);
    expect(cal.isWorkingDay('2024-02-08')).toBe(true);
  });

  it('Tết 2025: mùng 1 is Wednesday 29/01', () => {
    const day1 = cal.holidaysOf(2025).find((d) => d.date === '2025-01-29');
    expect(day1).toMatchObject({ kind: 'holiday', weekday: 3 });
    expect(day1?.name.vi).toContain('mùng 1');
    expect(cal.isWorkingDay('2025-01-29')).toBe(false);
  });

  it('Tết 2026: the rules alone give exactly the five legal days of the official decision, 16–20/02', () => {
    const tet = rulesOnly.holidaysOf(2026).filter((d) => d.name.vi.startsWith('Tết Âm lịch'));
    expect(dates(tet)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    expect(tet[1]?.weekday).toBe(2); // mùng 1 = Tuesday 17/02/2026
  });

  it('Giỗ Tổ is 10/3 lunar: 18/04/2024, 07/04/2025, 26/04/2026 (a Sunday, with nghỉ bù on Monday 27/04)', () => {
    const gioTo = (y: number) =>
      dates(rulesOnly.holidaysOf(y).filter((d) => d.name.en === 'Hùng Kings Commemoration Day'));
    expect(gioTo(2024)).toEqual(['2024-04-18']);
    expect(gioTo(2025)).toEqual(['2025-04-07']);
    expect(gioTo(2026)).toEqual(['2026-04-26']);
    expect(cal.isWorkingDay('2024-04-18')).toBe(false);
    expect(cal.isWorkingDay('2025-04-07')).toBe(false);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(rulesOnly.isWorkingDay('2026-04-27')).toBe(true); // nghỉ bù comes from the official table only
  });
});

describe('2026 civil-servant schedule (domain-vn §3.2)', () => {
  it('lists exactly the confirmed non-working weekdays of 2026', () => {
    expect(dates(cal.nonWorkingWeekdays(2026))).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-02',
      '2026-11-24',
    ]);
  });

  it('has one working Saturday, 10/01/2026, swapped for Friday 02/01', () => {
    expect(cal.workingWeekendDays(2026)).toEqual([
      expect.objectContaining({ date: '2026-01-10', weekday: 6, kind: 'working_day' }),
    ]);
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(rulesOnly.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('gives the breaks their confirmed lengths', () => {
    const run = (from: string, days: number) =>
      Array.from({ length: days }, (_, i) => cal.isWorkingDay(addDays(from, i)));
    expect(run('2026-01-01', 4)).toEqual([false, false, false, false]); // Thu 01/01 – Sun 04/01
    expect(cal.isWorkingDay('2026-01-05')).toBe(true);
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(run('2026-02-14', 9).every((w) => !w)).toBe(true); // Sat 14/02 – Sun 22/02, 9 days
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(run('2026-04-25', 3).every((w) => !w)).toBe(true); // Sat 25/04 – Mon 27/04
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
    expect(run('2026-04-30', 4).every((w) => !w)).toBe(true); // Thu 30/04 – Sun 03/05
    expect(cal.isWorkingDay('2026-05-04')).toBe(true);
  });

  it('addWorkingDays("2026-02-12", 5) skips the 9-day Tết break: 13/02, 23, 24, 25, 26/02', () => {
    expect(cal.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(cal.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(cal.addWorkingDays('2026-02-12', 2)).toBe('2026-02-23');
    expect(cal.workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
  });

  it('crosses a year end: the first working day after 31/12/2025 is Monday 05/01/2026', () => {
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-10')).toBe(6); // 5, 6, 7, 8, 9, Sat 10/01
  });
});

describe('Ngày Văn hóa Việt Nam, 24/11 from 01/7/2026', () => {
  it('24/11/2026 is a holiday but 24/11/2025 is not, with or without the official table', () => {
    for (const c of [cal, rulesOnly]) {
      expect(c.isWorkingDay('2026-11-24')).toBe(false);
      expect(c.isWorkingDay('2025-11-24')).toBe(true);
      expect(c.holidaysOf(2025).some((d) => d.date === '2025-11-24')).toBe(false);
    }
    expect(cal.holidaysOf(2026).find((d) => d.date === '2026-11-24')).toMatchObject({
      kind: 'holiday',
      name: { vi: 'Ngày Văn hóa Việt Nam', en: 'Vietnamese Culture Day' },
    });
    expect(cal.isWorkingDay('2026-11-23')).toBe(true); // a swap of Monday 23/11 is unconfirmed [?]
  });

  it('applies rules only between effectiveFrom and effectiveTo, both inclusive', () => {
    const rule: HolidayRule = {
      id: 'test',
      type: 'solar',
      month: 6,
      day: 15,
      name: { vi: 'Thử', en: 'Test' },
      effectiveFrom: '2025-06-15',
      effectiveTo: '2026-06-15',
      source: 'test',
    };
    const c = createCalendar([], { rules: [rule] });
    expect(c.holidaysOf(2024)).toEqual([]); // before effectiveFrom
    expect(dates(c.holidaysOf(2025))).toEqual(['2025-06-15']); // effectiveFrom itself (a Sunday)
    expect(dates(c.holidaysOf(2026))).toEqual(['2026-06-15']); // effectiveTo itself (a Monday)
    expect(c.isWorkingDay('2026-06-15')).toBe(false);
    expect(c.holidaysOf(2027)).toEqual([]);
    expect(c.isWorkingDay('2027-06-15')).toBe(true); // Tuesday
  });
});

describe('official table overrides', () => {
  it('a later row wins, and a working_day row cancels a computed holiday', () => {
    const rows: OfficialDay[] = [
      { date: '2027-09-03', kind: 'holiday', name: 'Quốc khánh (liền kề)' },
      { date: '2027-04-30', kind: 'working_day', name: 'Thử: đi làm' },
      { date: '2027-09-03', kind: 'working_day', name: 'Thử: sửa lại' },
    ];
    const c = createCalendar(rows);
    expect(c.isWorkingDay('2027-04-30')).toBe(true);
    expect(c.isWorkingDay('2027-09-03')).toBe(true);
    expect(dates(c.holidaysOf(2027))).not.toContain('2027-04-30');
  });

  it('reports the day next to 2/9 as pending until the table places it', () => {
    expect(cal.pendingDecisions(2026)).toEqual([
      expect.objectContaining({ ruleId: 'quoc_khanh_lien_ke', dates: ['2026-09-01', '2026-09-03'] }),
    ]);
    const decided = createCalendar([
      ...OFFICIAL_TABLE_2024_2026,
      { date: '2026-09-01', kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' },
    ]);
    expect(decided.pendingDecisions(2026)).toEqual([]);
    expect(decided.isWorkingDay('2026-09-01')).toBe(false);
    expect(decided.holidaysOf(2026).find((d) => d.date === '2026-09-01')?.source).toBe('official table');
  });

  it('flags the unconfirmed Tết days and missing nghỉ bù of a year without an official schedule (2024)', () => {
    const pending = cal.pendingDecisions(2024);
    expect(pending.map((p) => p.ruleId)).toEqual(['tet_am_lich', 'quoc_khanh_lien_ke', 'nghi_bu']);
    // mùng 1 (10/02) is confirmed by §3.3; the rest of the default span is not.
    expect(pending[0]?.dates).toEqual(['2024-02-09', '2024-02-11', '2024-02-12', '2024-02-13']);
    expect(pending[2]?.dates).toEqual(['2024-02-10', '2024-02-11']); // Tết days on Saturday and Sunday
    expect(cal.pendingDecisions(2026).map((p) => p.ruleId)).toEqual(['quoc_khanh_lien_ke']);
  });

  it('rejects malformed rows', () => {
    const bad = (row: unknown) => () => createCalendar([row as OfficialDay]);
    expect(bad({ date: '2026-02-30', kind: 'holiday', name: 'x' })).toThrow(CalendarError);
    expect(bad({ date: '2026-02-03', kind: 'vacation', name: 'x' })).toThrow(/kind/);
    expect(bad({ date: '2026-02-03', kind: 'holiday', name: ' ' })).toThrow(/name/);
  });
});

describe('addWorkingDays and workingDaysBetween edge cases', () => {
  it('n = 0 returns the start date itself, even on a non-working day', () => {
    expect(cal.addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
  });

  it('does not count the start day, whether or not it is a working day', () => {
    expect(cal.addWorkingDays('2026-03-13', 1)).toBe('2026-03-16'); // Fri -> Mon
    expect(cal.addWorkingDays('2026-03-14', 1)).toBe('2026-03-16'); // Sat -> Mon
    expect(cal.addWorkingDays('2026-03-16', 1)).toBe('2026-03-17'); // Mon -> Tue
    expect(cal.addWorkingDays('2026-03-16', 5)).toBe('2026-03-23'); // Mon -> next Mon
  });

  it('counts (a, b] and is antisymmetric', () => {
    expect(cal.workingDaysBetween('2026-03-16', '2026-03-16')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-13', '2026-03-16')).toBe(1);
    expect(cal.workingDaysBetween('2026-03-16', '2026-03-13')).toBe(-1);
    expect(cal.workingDaysBetween('2024-01-01', '2026-01-01')).toBeGreaterThan(490);
  });

  it('rejects bad input with coded errors', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as CalendarError).code;
      }
      return 'no error';
    };
    expect(code(() => cal.addWorkingDays('2026-02-30', 1))).toBe('INVALID_DATE');
    expect(code(() => cal.addWorkingDays('12/02/2026', 1))).toBe('INVALID_DATE');
    expect(code(() => cal.addWorkingDays('2026-02-12', -1))).toBe('INVALID_COUNT');
    expect(code(() => cal.addWorkingDays('2026-02-12', 1.5))).toBe('INVALID_COUNT');
    expect(code(() => cal.addWorkingDays('2026-02-12', Number.NaN))).toBe('INVALID_COUNT');
    expect(code(() => cal.isWorkingDay('2020-12-31'))).toBe('OUT_OF_RANGE');
    expect(code(() => cal.addWorkingDays('2100-12-31', 1))).toBe('OUT_OF_RANGE');
    expect(code(() => cal.nonWorkingWeekdays(2026.5))).toBe('INVALID_YEAR');
    expect(code(() => cal.holidaysOf(2101))).toBe('OUT_OF_RANGE');
  });
});

describe('receivedOn and appointmentFor (15:00 cut-off, domain-vn §2.5)', () => {
  const cutoff = { cutoff: '15:00' } as const;

  it('counts a dossier received at 14:59 from that day, and one received at 15:00 from the next working day', () => {
    expect(cal.receivedOn('2026-03-10T14:59:00+07:00', cutoff)).toBe('2026-03-10');
    expect(cal.receivedOn('2026-03-10T14:59:59.999+07:00', cutoff)).toBe('2026-03-10');
    expect(cal.receivedOn('2026-03-10T15:00:00+07:00', cutoff)).toBe('2026-03-11');
    expect(cal.receivedOn('2026-03-10T15:00+07:00', { cutoff: null })).toBe('2026-03-10');
    expect(cal.receivedOn('2026-03-10T23:59:59+07:00', { cutoff: null })).toBe('2026-03-10');
  });

  it('converts other offsets to Vietnam time first', () => {
    expect(cal.receivedOn('2026-03-10T07:59:00Z', cutoff)).toBe('2026-03-10'); // 14:59 in Hà Nội
    expect(cal.receivedOn('2026-03-10T08:00:00Z', cutoff)).toBe('2026-03-11'); // 15:00 in Hà Nội
    expect(cal.receivedOn('2026-03-09T18:30:00Z', cutoff)).toBe('2026-03-10'); // 01:30 on 10/03 in Hà Nội
    expect(cal.receivedOn('2026-03-10T09:00:00+09:00', cutoff)).toBe('2026-03-10'); // 07:00 in Hà Nội
  });

  it('after the cut-off on the Friday before Tết 2026, counting starts on Monday 23/02', () => {
    expect(cal.receivedOn('2026-02-13T15:30:00+07:00', cutoff)).toBe('2026-02-23');
    expect(appointmentFor('2026-02-13T15:30:00+07:00', 0, { calendar: cal, ...cutoff })).toBe('2026-02-23');
    expect(appointmentFor('2026-02-13T10:00:00+07:00', 0, { calendar: cal, ...cutoff })).toBe('2026-02-13');
  });

  it('counts a dossier received on a Saturday from the next working day (Monday)', () => {
    expect(cal.receivedOn('2026-03-14T09:00:00+07:00', cutoff)).toBe('2026-03-16');
    expect(cal.receivedOn('2026-03-14T09:00:00+07:00', { cutoff: null })).toBe('2026-03-16');
    expect(appointmentFor('2026-03-14T09:00:00+07:00', 3, { calendar: cal, ...cutoff })).toBe('2026-03-19');
    // ...but the swapped working Saturday 10/01/2026 counts as a normal working day.
    expect(cal.receivedOn('2026-01-10T09:00:00+07:00', cutoff)).toBe('2026-01-10');
  });

  it('gives a 5-working-day due date one week later for a Monday-morning dossier', () => {
    expect(appointmentFor('2026-03-16T08:30:00+07:00', 5, { calendar: cal, ...cutoff })).toBe('2026-03-23');
    expect(appointmentFor('2026-03-16T16:00:00+07:00', 5, { calendar: cal, ...cutoff })).toBe('2026-03-24');
  });

  it('rejects instants without an offset, impossible times and bad cut-offs', () => {
    expect(() => cal.receivedOn('2026-03-10T14:59:00', cutoff)).toThrow(/offset/);
    expect(() => cal.receivedOn('2026-03-10T24:00:00+07:00', cutoff)).toThrow(CalendarError);
    expect(() => cal.receivedOn('2026-02-30T10:00:00+07:00', cutoff)).toThrow(CalendarError);
    expect(() => cal.receivedOn('2026-03-10T10:00:00+07:00', { cutoff: '3pm' })).toThrow(/HH:MM/);
    expect(() => cal.receivedOn('2026-03-10T10:00:00+07:00', { cutoff: '25:00' })).toThrow(/HH:MM/);
  });
});

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
