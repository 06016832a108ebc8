import { describe, expect, it } from 'vitest';
import { summarise } from './statistics';

const row = (key: string, v: Partial<Record<string, number>>) => ({
  key,
  label: { vi: key, en: key },
  received: 0,
  answeredOnTime: 0,
  answeredLate: 0,
  openWithinTime: 0,
  openOverdue: 0,
  reopened: 0,
  published: 0,
  averageRating: null,
  onTimeRate: null,
  ...v,
});

describe('summarise', () => {
  it('should add the counts and weigh the on-time rate by items, not average the rates', () => {
    const total = summarise([
      row('office', { received: 4, answeredOnTime: 3, answeredLate: 1 }),
      row('labour', { received: 6, answeredOnTime: 1, openOverdue: 3, openWithinTime: 2 }),
    ]);
    expect(total.received).toBe(10);
    expect(total.openOverdue).toBe(3);
    // (3 + 1) / (4 + 1 + 3) = 0.5, not the mean of 0.75 and 0.25 (also 0.5 here) — check an uneven case too.
    expect(total.onTimeRate).toBe(0.5);
    const uneven = summarise([
      row('a', { answeredOnTime: 1 }),
      row('b', { answeredOnTime: 1, answeredLate: 3 }),
    ]);
    expect(uneven.onTimeRate).toBeCloseTo(2 / 5);
  });

  it('should give no rate when nothing was due', () => {
    expect(summarise([row('a', { received: 2, openWithinTime: 2 })]).onTimeRate).toBeNull();
    expect(summarise([]).received).toBe(0);
  });
});
