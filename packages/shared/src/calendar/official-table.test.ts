import { describe, expect, it } from 'vitest';
import { benchAddWorkingDays } from './bench.ts';
import { createCalendar } from './calendar.ts';
import { tryParseDay } from './days.ts';
import { OFFICIAL_TABLE_2024_2026 } from './official-table.ts';

describe('OFFICIAL_TABLE_2024_2026', () => {
  it('has valid, unique, sourced rows for 2024–2026 only', () => {
    const seen = new Set<string>();
    for (const row of OFFICIAL_TABLE_2024_2026) {
      expect(tryParseDay(row.date), row.date).not.toBeNull();
      expect(['2024', '2025', '2026']).toContain(row.date.slice(0, 4));
      expect(row.source, row.date).toMatch(/\[C\]/);
      expect(row.nameEn, row.date).toBeTruthy();
      expect(seen.has(row.date), `duplicate ${row.date}`).toBe(false);
      seen.add(row.date);
    }
  });

  it('leaves out the days domain-vn §3 does not confirm', () => {
    const inTable = new Set(OFFICIAL_TABLE_2024_2026.map((r) => r.date));
    // [S]/[?]: the 2026 day next to 2/9, the 2026-11-23 swap; 2024/2025 days next to 2/9 (no schedule in §3).
    for (const d of ['2026-09-01', '2026-09-03', '2026-08-31', '2026-11-23', '2024-09-03', '2025-09-01']) {
      expect(inTable.has(d), d).toBe(false);
    }
    expect(inTable.has('2025-11-24')).toBe(false);
  });

  it('agrees with the computed rules on every confirmed 2024/2025 holiday (lunar engine check)', () => {
    const computed = createCalendar([]);
    for (const row of OFFICIAL_TABLE_2024_2026) {
      if (row.kind !== 'holiday') continue;
      const hit = computed.holidaysOf(Number(row.date.slice(0, 4))).find((d) => d.date === row.date);
      expect(hit, row.date).toBeDefined();
      expect(hit?.name.en.split(' (')[0], row.date).toBe(row.nameEn?.split(' (')[0]);
    }
  });
});

describe('benchAddWorkingDays', () => {
  it('runs 1,000,000 addWorkingDays calls within the 1 s target', () => {
    const { count, ms } = benchAddWorkingDays(1_000_000);
    expect(count).toBe(1_000_000);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});
