import { describe, expect, it } from 'vitest';
import type { AnalyticsResult } from './analytics.ts';
import { buildPivot } from './analytics-pivot.ts';

const cell = (indicator: string, period: string, keys: Record<string, string>, value: string) => ({
  indicator,
  period,
  keys,
  value,
  displayValue: value,
  reporting: 1,
  reports: 1,
  estimateShare: 0,
  imputedShare: null,
  imputed: null,
});

const result: AnalyticsResult = {
  indicators: [
    {
      code: 'revenue',
      name: 'Doanh thu',
      unit: 'usd',
      displayUnit: 'usd_m',
      displayUnitLabel: 'triệu USD',
      decimals: 2,
      aggregation: 'sum',
      source: 'reported',
    },
  ],
  periods: [
    { id: '2025M01', label: 'Tháng 1/2025', start: '2025-01-01', end: '2025-01-31' },
    { id: '2025M02', label: 'Tháng 2/2025', start: '2025-02-01', end: '2025-02-28' },
  ],
  dimensions: ['zone'],
  items: {
    zone: [
      { key: 'ez', label: 'KKT', parentKey: null, depth: 0 },
      { key: 'p1', label: 'KCN 1', parentKey: 'ez', depth: 1 },
      { key: 'p2', label: 'KCN 2', parentKey: null, depth: 0 },
    ],
  },
  cells: [
    cell('revenue', '2025M01', {}, '30'),
    cell('revenue', '2025M01', { zone: 'ez' }, '10'),
    cell('revenue', '2025M01', { zone: 'p1' }, '10'),
    cell('revenue', '2025M01', { zone: 'p2' }, '20'),
    cell('revenue', '2025M02', {}, '5'),
    cell('revenue', '2025M02', { zone: 'p2' }, '5'),
  ],
  asOf: null,
  estimates: 'none',
  notes: [],
};

describe('pivot', () => {
  it('should put zones (parents before children) on rows with the total first, periods on columns', () => {
    const p = buildPivot(result, ['zone'], ['period']);
    expect(p.rows.map((r) => r[0]!.label)).toEqual(['Tổng số', 'KKT', 'KCN 1', 'KCN 2']);
    expect(p.cols.map((c) => c[0]!.key)).toEqual(['2025M01', '2025M02']);
    expect(p.values.map((row) => row.map((c) => c?.value ?? null))).toEqual([
      ['30', '5'],
      ['10', null],
      ['10', null],
      ['20', '5'],
    ]);
  });

  it('should transpose when periods are on rows', () => {
    const p = buildPivot(result, ['period'], ['indicator', 'zone']);
    expect(p.rows).toHaveLength(2);
    expect(p.cols[0]!.map((i) => i.key)).toEqual(['revenue', null]);
    expect(p.values[1]![0]!.value).toBe('5');
  });
});
