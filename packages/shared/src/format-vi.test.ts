import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateVi,
  formatHeaderDateVi,
  formatHeaderPlaceDateVi,
  formatMoneyVi,
  formatNumberVi,
  formatPercentVi,
  formatTimeOnReceiptVi,
  toIsoDateVn,
  toRoman,
} from './format-vi.ts';

/** ICU as an independent oracle for plain numbers and numeric strings (not used by the code under test). */
function icu(value: number | string, decimals: number): string {
  return new Intl.NumberFormat('vi-VN', {
    maximumFractionDigits: decimals,
    roundingMode: 'halfExpand',
    useGrouping: 'always',
    signDisplay: 'negative',
  }).format(value as number);
}

describe('formatNumberVi', () => {
  it('should write the figures of the published reports with thousands dots and decimal commas', () => {
    expect(formatNumberVi(82648)).toBe('82.648');
    expect(formatNumberVi(34.7)).toBe('34,7');
    expect(formatNumberVi(28850)).toBe('28.850');
    expect(formatNumberVi(21.4)).toBe('21,4');
    expect(formatNumberVi(12487)).toBe('12.487');
    expect(formatNumberVi(876.14)).toBe('876,14');
    expect(formatNumberVi(319873)).toBe('319.873');
    expect(formatNumberVi(1234567.89)).toBe('1.234.567,89');
    expect(formatNumberVi(4139.39)).toBe('4.139,39');
    expect(formatNumberVi(621)).toBe('621');
    expect(formatNumberVi(999)).toBe('999');
    expect(formatNumberVi(1000)).toBe('1.000');
    expect(formatNumberVi(0)).toBe('0');
  });

  it('should keep every digit of PostgreSQL numeric strings when they exceed double precision', () => {
    expect(formatNumberVi('28850.123')).toBe('28.850,12');
    expect(formatNumberVi('123456789012345678901234.565')).toBe('123.456.789.012.345.678.901.234,57');
    expect(formatNumberVi('9007199254740993')).toBe('9.007.199.254.740.993');
    expect(formatNumberVi('0.000')).toBe('0');
    expect(formatNumberVi('.5', { decimals: 0 })).toBe('1');
    expect(formatNumberVi('1.5e3')).toBe('1.500');
  });

  it('should accept bigint', () => {
    expect(formatNumberVi(123456789012345678901234567890n)).toBe('123.456.789.012.345.678.901.234.567.890');
    expect(formatNumberVi(-1000n)).toBe('-1.000');
  });

  it('should round half away from zero on the decimal digits', () => {
    expect(formatNumberVi(1.005)).toBe('1,01'); // toFixed(2) gives "1.00" because the double is 1.00499…
    expect(formatNumberVi(2.5, { decimals: 0 })).toBe('3');
    expect(formatNumberVi(-2.5, { decimals: 0 })).toBe('-3');
    expect(formatNumberVi('0.125')).toBe('0,13');
    expect(formatNumberVi('-0.125')).toBe('-0,13');
    expect(formatNumberVi('0.124')).toBe('0,12');
    expect(formatNumberVi('999.995')).toBe('1.000');
    expect(formatNumberVi('9999.9996', { decimals: 3 })).toBe('10.000');
  });

  it('should write negatives with a minus sign but never "-0"', () => {
    expect(formatNumberVi(-82648.5)).toBe('-82.648,5');
    expect(formatNumberVi(-0)).toBe('0');
    expect(formatNumberVi('-0.001')).toBe('0');
    expect(formatNumberVi(-0.004, { decimals: 2 })).toBe('0');
  });

  it('should trim trailing zeros down to minDecimals and pad up to it', () => {
    expect(formatNumberVi(34.7, { decimals: 2 })).toBe('34,7');
    expect(formatNumberVi(34.7, { decimals: 2, minDecimals: 2 })).toBe('34,70');
    expect(formatNumberVi(34, { minDecimals: 1 })).toBe('34,0');
    expect(formatNumberVi('1.23456', { minDecimals: 4 })).toBe('1,2346');
    expect(formatNumberVi(1.23456, { decimals: 0 })).toBe('1');
  });

  it('should refuse values that are not finite decimal numbers', () => {
    expect(() => formatNumberVi(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumberVi(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => formatNumberVi('NaN')).toThrow(RangeError);
    expect(() => formatNumberVi('1.234,5')).toThrow(RangeError);
    expect(() => formatNumberVi('')).toThrow(RangeError);
    expect(() => formatNumberVi('-')).toThrow(RangeError);
    expect(() => formatNumberVi(1, { decimals: 1, minDecimals: 2 })).toThrow(RangeError);
    expect(() => formatNumberVi(1, { decimals: -1 })).toThrow(RangeError);
  });

  it('should never contain a decimal comma when decimals is 0', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()), (x) => {
        expect(formatNumberVi(x, { decimals: 0 })).not.toContain(',');
      }),
    );
  });

  it('should group any integer in threes and keep its digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (n) => {
        const text = formatNumberVi(n);
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
        expect(text.replaceAll('.', '')).toBe(n.toString());
      }),
    );
  });

  it('should agree with ICU (half-expand, pinned digits) on doubles', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e15, max: 1e15, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, decimals) => {
          expect(formatNumberVi(x, { decimals })).toBe(icu(x, decimals));
        },
      ),
    );
  });

  it('should agree with ICU on long numeric strings, which ICU formats exactly', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));
    fc.assert(
      fc.property(
        fc.boolean(),
        digits(30),
        digits(12),
        fc.integer({ min: 0, max: 8 }),
        (negative, int, frac, decimals) => {
          const text = `${negative ? '-' : ''}${int}.${frac}`;
          expect(formatNumberVi(text, { decimals })).toBe(icu(text, decimals));
        },
      ),
    );
  });
});

describe('formatPercentVi', () => {
  it('should write percentages with one decimal at most and no space before %', () => {
    expect(formatPercentVi(1.435, { isRatio: true })).toBe('143,5%');
    expect(formatPercentVi(143.5)).toBe('143,5%');
    expect(formatPercentVi(27.9)).toBe('27,9%');
    expect(formatPercentVi(45)).toBe('45%');
    expect(formatPercentVi(66.75, { decimals: 2 })).toBe('66,75%');
    expect(formatPercentVi(0.5)).toBe('0,5%');
    expect(formatPercentVi(-12.04)).toBe('-12%');
    expect(formatPercentVi(45, { minDecimals: 1 })).toBe('45,0%');
  });

  it('should scale ratios on the digits, not in floating point', () => {
    // 0.285 * 100 === 28.499999999999996 in floating point, which would round to 28,4%.
    expect(formatPercentVi(0.285, { isRatio: true })).toBe('28,5%');
    expect(formatPercentVi('0.8245', { isRatio: true })).toBe('82,5%');
    expect(formatPercentVi(0.1535, { isRatio: true, decimals: 2 })).toBe('15,35%');
  });

  it('should give the same text for a ratio and the same value written as a percent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (k, decimals) => {
          // k / 10^4 as a ratio is k / 10^2 as a percent.
          const sign = k < 0 ? '-' : '';
          const abs = String(Math.abs(k)).padStart(5, '0');
          const ratio = `${sign}${abs.slice(0, -4)}.${abs.slice(-4)}`;
          const percent = `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
          expect(formatPercentVi(ratio, { isRatio: true, decimals })).toBe(
            formatPercentVi(percent, { decimals }),
          );
        },
      ),
    );
  });
});

describe('formatMoneyVi', () => {
  it('should write amounts with their unit in words', () => {
    expect(formatMoneyVi(621, 'trieu_usd')).toBe('621 triệu USD');
    expect(formatMoneyVi(12487, 'ty_dong')).toBe('12.487 tỷ đồng');
    expect(formatMoneyVi('38.42', 'ty_usd')).toBe('38,42 tỷ USD');
    expect(formatMoneyVi(965.8, 'trieu_usd')).toBe('965,8 triệu USD');
    expect(formatMoneyVi(7.9, 'trieu_dong')).toBe('7,9 triệu đồng');
    expect(formatMoneyVi(1500000, 'dong')).toBe('1.500.000 đồng');
    expect(formatMoneyVi('1500000.6', 'dong')).toBe('1.500.001 đồng');
    expect(formatMoneyVi(876.14, 'trieu_usd', { decimals: 1 })).toBe('876,1 triệu USD');
  });

  it('should refuse an unknown unit', () => {
    expect(() => formatMoneyVi(1, 'vnd' as never)).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('should write short numeric dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2025-12-31')).toBe('31/12/2025');
    expect(formatDateVi('2025-06-05')).toBe('05/06/2025');
  });

  it('should pad days below 10 and only months 1 and 2 in header dates', () => {
    expect(formatHeaderDateVi('2025-06-05')).toBe('ngày 05 tháng 6 năm 2025');
    expect(formatHeaderDateVi('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(formatHeaderDateVi('2019-06-29')).toBe('ngày 29 tháng 6 năm 2019');
    expect(formatHeaderDateVi('2024-02-29')).toBe('ngày 29 tháng 02 năm 2024');
    expect(formatHeaderDateVi('2025-03-10')).toBe('ngày 10 tháng 3 năm 2025');
    expect(formatHeaderDateVi('2025-12-01')).toBe('ngày 01 tháng 12 năm 2025');
  });

  it('should pad exactly the months 1 and 2 for every month', () => {
    for (let m = 1; m <= 12; m++) {
      const text = formatHeaderDateVi(`2025-${String(m).padStart(2, '0')}-15`);
      expect(text).toBe(`ngày 15 tháng ${m <= 2 ? `0${m}` : m} năm 2025`);
    }
  });

  it('should put the place name before the header date', () => {
    expect(formatHeaderPlaceDateVi('Hải Phòng', '2025-01-05')).toBe('Hải Phòng, ngày 05 tháng 01 năm 2025');
    expect(formatHeaderPlaceDateVi(' Hà Nội ', '2020-01-05')).toBe('Hà Nội, ngày 05 tháng 01 năm 2020');
    expect(() => formatHeaderPlaceDateVi('  ', '2020-01-05')).toThrow(RangeError);
  });

  it('should read a Date on the Vietnam clock (UTC+7), not the machine clock', () => {
    // 17:30 UTC on 31/12/2025 is already 00:30 on 01/01/2026 in Hải Phòng.
    const instant = new Date('2025-12-31T17:30:00Z');
    expect(formatDateVi(instant)).toBe('01/01/2026');
    expect(formatHeaderDateVi(instant)).toBe('ngày 01 tháng 01 năm 2026');
    expect(toIsoDateVn(instant)).toBe('2026-01-01');
    expect(toIsoDateVn(new Date('2025-12-31T16:59:59.999Z'))).toBe('2025-12-31');
  });

  it('should write receipt times with hours and minutes', () => {
    expect(formatTimeOnReceiptVi(new Date('2025-06-05T07:05:00Z'))).toBe(
      '14 giờ 05 phút, ngày 05 tháng 6 năm 2025',
    );
    expect(formatTimeOnReceiptVi('2025-01-05T08:30:00+07:00')).toBe(
      '08 giờ 30 phút, ngày 05 tháng 01 năm 2025',
    );
    expect(formatTimeOnReceiptVi('2025-01-04T17:00:00Z')).toBe('00 giờ 00 phút, ngày 05 tháng 01 năm 2025');
    expect(() => formatTimeOnReceiptVi('2025-06-05')).toThrow(RangeError);
    expect(() => formatTimeOnReceiptVi('2025-06-05T14:05:00')).toThrow(RangeError);
    expect(() => formatTimeOnReceiptVi('2025-02-30T14:05:00Z')).toThrow(RangeError);
  });

  it('should refuse dates that do not exist or are not ISO dates', () => {
    expect(() => formatDateVi('2025-02-29')).toThrow(RangeError);
    expect(() => formatDateVi('2025-13-01')).toThrow(RangeError);
    expect(() => formatDateVi('2025-04-31')).toThrow(RangeError);
    expect(() => formatDateVi('05/06/2025')).toThrow(RangeError);
    expect(() => formatDateVi('2025-6-5')).toThrow(RangeError);
    expect(() => formatDateVi(new Date(Number.NaN))).toThrow(RangeError);
    expect(formatDateVi('2000-02-29')).toBe('29/02/2000');
    expect(() => formatDateVi('1900-02-29')).toThrow(RangeError);
  });

  it('should agree with the calendar of Date for every day, read in UTC+7', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const local = new Date(d.getTime() + 7 * 3600 * 1000);
          const iso = local.toISOString().slice(0, 10);
          expect(toIsoDateVn(d)).toBe(iso);
          expect(toIsoDateVn(iso)).toBe(iso);
          const [y, m, day] = iso.split('-');
          expect(formatDateVi(iso)).toBe(`${day}/${m}/${y}`);
          const header = formatHeaderDateVi(iso);
          expect(header).toMatch(/^ngày (0[1-9]|[12]\d|3[01]) tháng (01|02|[3-9]|1[0-2]) năm \d{4}$/);
        },
      ),
    );
  });
});

describe('toRoman', () => {
  it('should write quarters and section numbers in Roman numerals', () => {
    expect([1, 2, 3, 4].map(toRoman)).toEqual(['I', 'II', 'III', 'IV']);
    expect(toRoman(9)).toBe('IX');
    expect(toRoman(14)).toBe('XIV');
    expect(toRoman(40)).toBe('XL');
    expect(toRoman(1994)).toBe('MCMXCIV');
    expect(toRoman(2026)).toBe('MMXXVI');
    expect(toRoman(3999)).toBe('MMMCMXCIX');
  });

  it('should refuse numbers Roman numerals cannot write', () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(4000)).toThrow(RangeError);
    expect(() => toRoman(1.5)).toThrow(RangeError);
  });

  it('should produce distinct numerals that sum back to the number', () => {
    const value: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    const seen = new Set<string>();
    for (let n = 1; n <= 3999; n++) {
      const r = toRoman(n);
      let total = 0;
      for (let i = 0; i < r.length; i++) {
        const here = value[r.charAt(i)] ?? Number.NaN;
        const next = value[r.charAt(i + 1)] ?? 0;
        total += here < next ? -here : here;
      }
      expect(total).toBe(n);
      expect(r).toMatch(/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/);
      seen.add(r);
    }
    expect(seen.size).toBe(3999);
  });
});
