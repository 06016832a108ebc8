/**
 * One figure of a benchmark, printed as a table row. `baseline` is the same figure measured in the same run
 * on the physical limit (a bare Fastify route, the bare SQL…): the ratio value/baseline is what stays
 * comparable across machines, the absolute numbers are not.
 */
export interface BenchRow {
  /** What was measured, e.g. "GET /api/health — requests/s". */
  name: string;
  value: number;
  /** Unit of value and baseline, e.g. "req/s", "ms", "rows/s". */
  unit: string;
  baseline?: number;
  /** What the baseline is, e.g. "bare Fastify route". */
  baselineName?: string;
  /** The goal in words, e.g. "≥ 0.25× baseline" or "≤ 20 ms". */
  target?: string;
  /** Whether the target is met; undefined when the row has no target (reported for information). */
  ok?: boolean;
}

/** What the runner gives each suite. */
export interface BenchContext {
  /** A fresh, migrated database of its own on the benchmark's PostgreSQL. */
  databaseUrl: string;
  /** The PostgreSQL server (maintenance database), to create more databases if a suite needs them. */
  serverUrl: string;
  /** Seconds of measurement per measured target (default 6; `--quick` 2); suites split it into rounds. */
  seconds: number;
  /** Progress lines, printed dimmed under the suite's heading. */
  log(message: string): void;
}

/** A benchmark suite: one file in bench/suites/ with this as its default export. */
export interface BenchSuite {
  /** Short name, used to select it: `npm run bench -- <part of the name>`. */
  name: string;
  /** The data it generates and the load it applies, in words (printed above its table). */
  scale: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Identity function that type-checks a suite (`export default defineSuite({...})`). */
export function defineSuite(suite: BenchSuite): BenchSuite {
  return suite;
}
