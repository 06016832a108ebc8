/**
 * Micro-benchmark of `addWorkingDays` for the bench harness (issue target: 1 M computations <= 1 s).
 * Pure: no Node imports; uses `performance.now()` when the host has it, else `Date.now()`.
 */

import { createCalendar, type WorkingDayCalendar } from './calendar.ts';
import { dayFromCivil, formatDay } from './days.ts';
import { OFFICIAL_TABLE_2024_2026 } from './official-table.ts';

function now(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

/** Deterministic 32-bit PRNG (mulberry32), so every run measures the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Times `count` calls of addWorkingDays(random date in 2024–2026, random n in 1..30) on a warmed calendar
 * (default: createCalendar(OFFICIAL_TABLE_2024_2026)). Inputs are drawn before the clock starts.
 */
export function benchAddWorkingDays(
  count: number,
  calendar: WorkingDayCalendar = createCalendar(OFFICIAL_TABLE_2024_2026),
): { count: number; ms: number } {
  const first = dayFromCivil(2024, 1, 1);
  const span = dayFromCivil(2026, 12, 31) - first + 1;
  const dates: string[] = [];
  for (let i = 0; i < span; i++) dates.push(formatDay(first + i));
  const rand = mulberry32(0x4e5a2026);
  const dateIdx = new Uint16Array(count);
  const ns = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    dateIdx[i] = Math.floor(rand() * span);
    ns[i] = 1 + Math.floor(rand() * 30);
  }
  // Warm the per-year caches (2024–2027) so the timing measures lookups, not the one-off year builds.
  for (const d of ['2024-01-01', '2025-01-01', '2026-12-31']) calendar.addWorkingDays(d, 30);
  let sink = 0;
  const t0 = now();
  for (let i = 0; i < count; i++) {
    sink += calendar.addWorkingDays(dates[dateIdx[i]!]!, ns[i]!).charCodeAt(9);
  }
  const ms = now() - t0;
  // Uses the results so the engine cannot drop the benchmarked calls.
  if (sink < count * 48) throw new Error('benchAddWorkingDays: unexpected results');
  return { count, ms };
}
