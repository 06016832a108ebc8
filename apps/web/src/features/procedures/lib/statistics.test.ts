import type { StatisticsRow } from '@heza/shared/procedures';
import { describe, expect, it } from 'vitest';
import { STAT_COLUMNS, statisticsCsv, statValue } from './statistics';

const row: StatisticsRow = {
  key: 'BQL-LD-05',
  label: { vi: 'Thỏa ước, "tập thể"', en: 'Agreement' },
  received: { carriedOver: 2, newOnline: 3, newCounter: 1, total: 6 },
  resolved: { early: 1, onTime: 2, late: 1, total: 4 },
  inProgress: { withinTime: 1, overdue: 1, total: 2 },
  rejected: 0,
  withdrawnOrStopped: 0,
  onlineShare: 0.75,
  averageProcessingDays: 4.333333,
  onTimeRate: 0.6,
};

describe('statValue', () => {
  it('reads the buckets by column', () => {
    expect(statValue(row, 'carriedOver')).toBe(2);
    expect(statValue(row, 'receivedTotal')).toBe(6);
    expect(statValue(row, 'late')).toBe(1);
    expect(statValue(row, 'inProgressTotal')).toBe(2);
    expect(statValue(row, 'onTimeRate')).toBe(0.6);
    expect(statValue({ ...row, averageProcessingDays: null }, 'averageProcessingDays')).toBeNull();
  });
});

describe('statisticsCsv', () => {
  it('writes one line per row with percentages and quoted labels', () => {
    const headers = ['Thủ tục', ...STAT_COLUMNS];
    const csv = statisticsCsv(headers, [{ label: row.label.vi, row }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.split(',')).toHaveLength(STAT_COLUMNS.length + 1);
    expect(lines[1]).toBe('"Thỏa ước, ""tập thể""",2,3,1,6,1,2,1,4,1,1,2,0,0,75.0,4.33,60.0');
  });
  it('leaves a value that cannot be computed empty', () => {
    const csv = statisticsCsv(['x'], [{ label: 'A', row: { ...row, onlineShare: null } }]);
    expect(csv).toContain(',4.33,60.0');
    expect(csv).toContain(',0,0,,4.33');
  });
});
