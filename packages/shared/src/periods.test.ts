import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidPeriodError,
  nextPeriod,
  PERIOD_TYPES,
  type Period,
  type PeriodLabelLang,
  PeriodType,
  parsePeriod,
  periodContains,
  periodEnd,
  periodId,
  periodLabel,
  periodMonths,
  periodOf,
  periodStart,
  periodsOfType,
  previousPeriod,
  samePeriodLastYear,
  tryParsePeriod,
} from './periods.ts';

function periodsIn(year: fc.Arbitrary<number>): fc.Arbitrary<Period> {
  return fc.oneof(
    fc.record({ type: fc.constant('month' as const), year, month: fc.integer({ min: 1, max: 12 }) }),
    fc.record({ type: fc.constant('quarter' as const), year, quarter: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ type: fc.constant('half_year' as const), year, half: fc.integer({ min: 1, max: 2 }) }),
    fc.record({ type: fc.constant('year' as const), year }),
    fc.record({ type: fc.constant('ytd' as const), year, months: fc.integer({ min: 1, max: 12 }) }),
  );
}
const anyPeriod = periodsIn(fc.integer({ min: 1001, max: 9998 }));

/** The day after an ISO date, computed with Date in UTC (independent of the code under test). */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parsePeriod and periodId', () => {
  it('should parse each kind of id into its value object', () => {
    expect(parsePeriod('2025M06')).toEqual({ type: 'month', year: 2025, month: 6 });
    expect(parsePeriod('2025M12')).toEqual({ type: 'month', year: 2025, month: 12 });
    expect(parsePeriod('2025Q2')).toEqual({ type: 'quarter', year: 2025, quarter: 2 });
    expect(parsePeriod('2025S1')).toEqual({ type: 'half_year', year: 2025, half: 1 });
    expect(parsePeriod('2025')).toEqual({ type: 'year', year: 2025 });
    expect(parsePeriod('2024YTD11')).toEqual({ type: 'ytd', year: 2024, months: 11 });
    expect(parsePeriod('2024YTD3')).toEqual({ type: 'ytd', year: 2024, months: 3 });
  });

  it('should refuse bad ids with a typed error that says what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['2025M13', /month must be 01–12/],
      ['2025M00', /month must be 01–12/],
      ['2025M6', /two digits: '2025M06'/],
      ['2025Q5', /quarter must be 1–4/],
      ['2025Q0', /quarter must be 1–4/],
      ['2025S3', /half-year/],
      ['2024YTD0', /month count must be 1–12/],
      ['2024YTD13', /month count must be 1–12/],
      ['2024YTD09', /without a leading zero: '2024YTD9'/],
      ['2025q2', /unknown period kind 'q'/],
      ['2025H1', /unknown period kind 'H'/],
      ['0999', /year must be/],
      ['25M06', /expected YYYY/],
      ['', /expected YYYY/],
      [' 2025', /expected YYYY/],
      ['2025-06', /expected YYYY/],
    ];
    for (const [id, message] of cases) {
      const error = thrown(() => parsePeriod(id));
      expect(error, id).toBeInstanceOf(InvalidPeriodError);
      expect((error as InvalidPeriodError).code).toBe('INVALID_PERIOD');
      expect((error as InvalidPeriodError).input).toBe(id);
      expect((error as Error).message, id).toMatch(message);
      expect(tryParsePeriod(id), id).toBeUndefined();
    }
  });

  it('should write ids in their one canonical form', () => {
    expect(periodId({ type: 'month', year: 2025, month: 6 })).toBe('2025M06');
    expect(periodId({ type: 'quarter', year: 2025, quarter: 2 })).toBe('2025Q2');
    expect(periodId({ type: 'half_year', year: 2025, half: 2 })).toBe('2025S2');
    expect(periodId({ type: 'year', year: 2025 })).toBe('2025');
    expect(periodId({ type: 'ytd', year: 2024, months: 11 })).toBe('2024YTD11');
  });

  it('should refuse hand-built period objects that are out of range', () => {
    expect(() => periodId({ type: 'month', year: 2025, month: 13 })).toThrow(InvalidPeriodError);
    expect(() => periodId({ type: 'quarter', year: 2025, quarter: 1.5 })).toThrow(InvalidPeriodError);
    expect(() => periodId({ type: 'year', year: 99 })).toThrow(InvalidPeriodError);
    expect(() => periodId({ type: 'week', year: 2025 } as unknown as Period)).toThrow(/unknown period type/);
  });

  it('should round-trip every valid period through its id', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const id = periodId(p);
        expect(parsePeriod(id)).toEqual(p);
        expect(periodId(parsePeriod(id))).toBe(id);
      }),
    );
  });

  it('should accept exactly the ids that periodId can produce', () => {
    const idLike = fc.tuple(
      fc.stringMatching(/^[0-9]{4}$/),
      fc.constantFrom('', 'M', 'Q', 'S', 'YTD', 'm', 'X'),
      fc.stringMatching(/^[0-9]{0,3}$/),
    );
    fc.assert(
      fc.property(idLike, ([y, kind, n]) => {
        const id = kind === '' ? y : `${y}${kind}${n}`;
        const parsed = tryParsePeriod(id);
        if (parsed !== undefined) expect(periodId(parsed)).toBe(id);
      }),
    );
  });
});

describe('period dates', () => {
  it('should give inclusive ISO start and end dates', () => {
    const at = (id: string) => [periodStart(parsePeriod(id)), periodEnd(parsePeriod(id))];
    expect(at('2025M06')).toEqual(['2025-06-01', '2025-06-30']);
    expect(at('2024M02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(at('2025M02')).toEqual(['2025-02-01', '2025-02-28']);
    expect(at('2025Q2')).toEqual(['2025-04-01', '2025-06-30']);
    expect(at('2025Q4')).toEqual(['2025-10-01', '2025-12-31']);
    expect(at('2025S1')).toEqual(['2025-01-01', '2025-06-30']);
    expect(at('2025S2')).toEqual(['2025-07-01', '2025-12-31']);
    expect(at('2025')).toEqual(['2025-01-01', '2025-12-31']);
    expect(at('2024YTD11')).toEqual(['2024-01-01', '2024-11-30']);
  });

  it('should list the months of a period', () => {
    expect(periodMonths(parsePeriod('2025Q3'))).toEqual(['2025-07', '2025-08', '2025-09']);
    expect(periodMonths(parsePeriod('2025M06'))).toEqual(['2025-06']);
    expect(periodMonths(parsePeriod('2024YTD11'))).toHaveLength(11);
    expect(periodMonths(parsePeriod('2025S2'))[0]).toBe('2025-07');
  });

  it('should cover exactly the days from start to end, month by month', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const months = periodMonths(p);
        const start = periodStart(p);
        const end = periodEnd(p);
        expect(start).toBe(`${months[0]}-01`);
        expect(addDays(end, 1).slice(0, 7)).not.toBe(months.at(-1)); // end is the month's last day
        expect(end.slice(0, 7)).toBe(months.at(-1));
        for (let i = 1; i < months.length; i++)
          expect(addDays(`${months[i - 1]}-28`, 4).slice(0, 7)).toBe(months[i]);
        expect(periodContains(p, start)).toBe(true);
        expect(periodContains(p, end)).toBe(true);
        expect(periodContains(p, addDays(start, -1))).toBe(false);
        expect(periodContains(p, addDays(end, 1))).toBe(false);
      }),
    );
  });

  it('should read a Date on the Vietnam clock when testing containment', () => {
    const june = parsePeriod('2025M06');
    expect(periodContains(june, new Date('2025-06-30T16:59:59Z'))).toBe(true);
    expect(periodContains(june, new Date('2025-06-30T17:00:00Z'))).toBe(false); // 1 July 00:00 in Vietnam
    expect(() => periodContains(june, '2025-06-31')).toThrow(RangeError);
  });
});

describe('neighbouring periods', () => {
  it('should step to the same period of the previous year', () => {
    expect(periodId(samePeriodLastYear(parsePeriod('2025Q2')))).toBe('2024Q2');
    expect(periodId(samePeriodLastYear(parsePeriod('2024YTD11')))).toBe('2023YTD11');
    expect(periodId(samePeriodLastYear(parsePeriod('2025M01')))).toBe('2024M01');
  });

  it('should step back within the series of the same type', () => {
    const prev = (id: string) => periodId(previousPeriod(parsePeriod(id)));
    expect(prev('2025M01')).toBe('2024M12');
    expect(prev('2025M06')).toBe('2025M05');
    expect(prev('2025Q1')).toBe('2024Q4');
    expect(prev('2025S1')).toBe('2024S2');
    expect(prev('2025S2')).toBe('2025S1');
    expect(prev('2025')).toBe('2024');
    expect(prev('2024YTD11')).toBe('2024YTD10');
    expect(prev('2024YTD1')).toBe('2023YTD12');
  });

  it('should make previous periods of fixed-length types end the day before the period starts', () => {
    const fixed = anyPeriod.filter((p) => p.type !== 'ytd');
    fc.assert(
      fc.property(fixed, (p) => {
        const before = previousPeriod(p);
        expect(before.type).toBe(p.type);
        expect(addDays(periodEnd(before), 1)).toBe(periodStart(p));
        expect(nextPeriod(before)).toEqual(p);
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
      }),
    );
  });

  it('should move the same period back by exactly one year', () => {
    fc.assert(
      fc.property(anyPeriod, (p) => {
        const last = samePeriodLastYear(p);
        expect(periodStart(last)).toBe(`${p.year - 1}${periodStart(p).slice(4)}`);
        expect(periodMonths(last)).toHaveLength(periodMonths(p).length);
      }),
    );
  });

  it('should refuse to step outside four-digit years', () => {
    expect(() => samePeriodLastYear(parsePeriod('1000Q1'))).toThrow(InvalidPeriodError);
    expect(() => nextPeriod(parsePeriod('9999M12'))).toThrow(InvalidPeriodError);
  });
});

describe('periodOf and periodsOfType', () => {
  it('should find the period of a type that contains a date', () => {
    const of = (type: PeriodType, date: string) => periodId(periodOf(type, date));
    expect(of('month', '2025-06-15')).toBe('2025M06');
    expect(of('quarter', '2025-06-30')).toBe('2025Q2');
    expect(of('quarter', '2025-07-01')).toBe('2025Q3');
    expect(of('half_year', '2025-07-01')).toBe('2025S2');
    expect(of('year', '2025-07-01')).toBe('2025');
    expect(of('ytd', '2024-11-15')).toBe('2024YTD11');
  });

  it('should list the periods that overlap a range', () => {
    const ids = (type: PeriodType, from: string, to: string) => periodsOfType(type, from, to).map(periodId);
    expect(ids('quarter', '2024-11-15', '2025-05-01')).toEqual(['2024Q4', '2025Q1', '2025Q2']);
    expect(ids('month', '2025-01-31', '2025-03-01')).toEqual(['2025M01', '2025M02', '2025M03']);
    expect(ids('half_year', '2025-06-30', '2025-07-01')).toEqual(['2025S1', '2025S2']);
    expect(ids('year', '2023-12-31', '2025-01-01')).toEqual(['2023', '2024', '2025']);
    expect(ids('ytd', '2024-10-01', '2025-02-10')).toEqual([
      '2024YTD10',
      '2024YTD11',
      '2024YTD12',
      '2025YTD1',
      '2025YTD2',
    ]);
    expect(ids('month', '2025-06-15', '2025-06-15')).toEqual(['2025M06']);
    expect(() => periodsOfType('month', '2025-06-15', '2025-06-14')).toThrow(RangeError);
  });

  it('should list consecutive periods from the one holding fromDate to the one holding toDate', () => {
    const day = fc
      .date({
        min: new Date('1990-01-01T00:00:00Z'),
        max: new Date('2060-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_TYPES), day, day, (type, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const list = periodsOfType(type, from, to);
        expect(list.length).toBeGreaterThan(0);
        expect(list.every((p) => p.type === type)).toBe(true);
        expect(periodId(list[0] as Period)).toBe(periodId(periodOf(type, from)));
        expect(periodId(list.at(-1) as Period)).toBe(periodId(periodOf(type, to)));
        for (let i = 1; i < list.length; i++) {
          expect(periodId(list[i] as Period)).toBe(periodId(nextPeriod(list[i - 1] as Period)));
        }
      }),
    );
  });
});

describe('periodLabel', () => {
  it('should use the wording of the Vietnamese reports', () => {
    const vi = (id: string) => periodLabel(parsePeriod(id), 'vi');
    expect(vi('2025M06')).toBe('Tháng 6/2025');
    expect(vi('2025M12')).toBe('Tháng 12/2025');
    expect(vi('2025Q2')).toBe('Quý II/2025');
    expect(vi('2026Q1')).toBe('Quý I/2026');
    expect(vi('2025Q4')).toBe('Quý IV/2025');
    expect(vi('2025S1')).toBe('6 tháng đầu năm 2025');
    expect(vi('2025S2')).toBe('6 tháng cuối năm 2025');
    expect(vi('2025')).toBe('Năm 2025');
    expect(vi('2024YTD11')).toBe('11 tháng đầu năm 2024');
    expect(vi('2025YTD10')).toBe('10 tháng đầu năm 2025');
    expect(vi('2024YTD12')).toBe('Năm 2024');
    expect(vi('2024YTD1')).toBe('Tháng 1/2024');
  });

  it('should label periods in English', () => {
    const en = (id: string) => periodLabel(parsePeriod(id), 'en');
    expect(en('2025M06')).toBe('June 2025');
    expect(en('2025Q2')).toBe('Q2 2025');
    expect(en('2025S1')).toBe('H1 2025');
    expect(en('2025S2')).toBe('H2 2025');
    expect(en('2025')).toBe('2025');
    expect(en('2024YTD11')).toBe('first 11 months of 2024');
    expect(en('2024YTD12')).toBe('2024');
    expect(en('2024YTD1')).toBe('January 2024');
  });

  it('should label periods in Chinese, Korean and Japanese', () => {
    const q2 = parsePeriod('2025Q2');
    const ytd = parsePeriod('2024YTD11');
    expect(periodLabel(q2, 'zh')).toBe('2025年第二季度');
    expect(periodLabel(q2, 'ko')).toBe('2025년 2분기');
    expect(periodLabel(q2, 'ja')).toBe('2025年第2四半期');
    expect(periodLabel(ytd, 'zh')).toBe('2024年前11个月');
    expect(periodLabel(ytd, 'ko')).toBe('2024년 1~11월');
    expect(periodLabel(ytd, 'ja')).toBe('2024年1～11月');
    expect(periodLabel(parsePeriod('2025S2'), 'zh')).toBe('2025年下半年');
    expect(periodLabel(parsePeriod('2025S1'), 'ko')).toBe('2025년 상반기');
    expect(periodLabel(parsePeriod('2025M06'), 'ja')).toBe('2025年6月');
  });

  it('should give distinct labels to periods that cover different spans', () => {
    const langs: PeriodLabelLang[] = ['vi', 'en', 'zh', 'ko', 'ja'];
    // Two neighbouring years, so that most pairs share a year and only the wording can tell them apart.
    const nearby = periodsIn(fc.integer({ min: 2024, max: 2025 }));
    fc.assert(
      fc.property(nearby, nearby, fc.constantFrom(...langs), (a, b, lang) => {
        const sameSpan = periodStart(a) === periodStart(b) && periodEnd(a) === periodEnd(b);
        // Different periods of one span (2025S1 and 2025YTD6 in some languages) may share a label; different spans never.
        if (!sameSpan) expect(periodLabel(a, lang)).not.toBe(periodLabel(b, lang));
        expect(periodLabel(a, lang)).toContain(String(a.year));
      }),
    );
  });

  it('should refuse an unknown language', () => {
    expect(() => periodLabel(parsePeriod('2025'), 'fr' as PeriodLabelLang)).toThrow(RangeError);
  });
});

describe('PeriodType', () => {
  it('should list the five period types', () => {
    expect(Object.values(PeriodType).sort()).toEqual([...PERIOD_TYPES].sort());
    expect(PERIOD_TYPES).toEqual(['month', 'quarter', 'half_year', 'year', 'ytd']);
  });
});
