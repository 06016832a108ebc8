import { describe, expect, it } from 'vitest';
import { partsOfPeriod, periodFromParts } from './stats-period';

describe('the period picker', () => {
  it('should compose the period ids the API takes', () => {
    expect(periodFromParts({ type: 'ytd', year: 2024, n: 11 })).toBe('2024YTD11');
    expect(periodFromParts({ type: 'month', year: 2025, n: 6 })).toBe('2025M06');
    expect(periodFromParts({ type: 'quarter', year: 2025, n: 2 })).toBe('2025Q2');
    expect(periodFromParts({ type: 'half_year', year: 2025, n: 1 })).toBe('2025S1');
    expect(periodFromParts({ type: 'year', year: 2024, n: 7 })).toBe('2024');
  });

  it('should clamp a number the kind does not allow (quarter 9 after switching from months)', () => {
    expect(periodFromParts({ type: 'quarter', year: 2025, n: 9 })).toBe('2025Q4');
    expect(periodFromParts({ type: 'half_year', year: 2025, n: 0 })).toBe('2025S1');
  });

  it('should read an id back into its parts, and nothing from a bad id', () => {
    expect(partsOfPeriod('2024YTD11')).toEqual({ type: 'ytd', year: 2024, n: 11 });
    expect(partsOfPeriod('2025Q2')).toEqual({ type: 'quarter', year: 2025, n: 2 });
    expect(partsOfPeriod('2024')).toEqual({ type: 'year', year: 2024, n: 1 });
    expect(partsOfPeriod('2024YTD09')).toBeNull();
    expect(partsOfPeriod('')).toBeNull();
  });
});
