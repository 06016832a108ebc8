import { describe, expect, it } from 'vitest';
import { classBreaks, classOf } from './map-style';
import { defaultReportPeriod, periodIdsOfYear } from './period-choice';

describe('period choices', () => {
  it('should offer the months of a year up to the current one', () => {
    expect(periodIdsOfYear('month', 2026, '2026-03-15')).toEqual(['2026M01', '2026M02', '2026M03']);
    expect(periodIdsOfYear('quarter', 2025, '2026-03-15')).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(periodIdsOfYear('year', 2026, '2026-03-15')).toEqual(['2022', '2023', '2024', '2025', '2026']);
  });

  it('should default the dashboard to the first N months up to last month', () => {
    expect(defaultReportPeriod('2026-11-23')).toBe('2026YTD10');
    expect(defaultReportPeriod('2026-01-05')).toBe('2025YTD12');
  });
});

describe('map classes', () => {
  it('should cut values into quantile classes and place each value in one', () => {
    const breaks = classBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(breaks).toEqual([3, 5, 7, 9]);
    expect([1, 3, 6, 10].map((v) => classOf(v, breaks))).toEqual([0, 1, 2, 4]);
    expect(classBreaks([])).toEqual([]);
  });
});
