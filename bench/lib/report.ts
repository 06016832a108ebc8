import type { BenchRow } from './types.ts';

/** A suite's outcome as printed and as written to bench/results/latest.json. */
export interface SuiteReport {
  name: string;
  scale: string;
  /** Wall time of the whole suite, data generation included. */
  seconds: number;
  rows: BenchRow[];
  /** Set when the suite threw instead of returning rows. */
  error?: string;
}

/** 12345.6 → "12 346"; small values keep significant decimals (0.42, 3.1). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const [int, frac] = n.toFixed(digits).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** Value ÷ baseline, e.g. "0.41×"; empty without a baseline. */
export function ratio(row: BenchRow): string {
  if (row.baseline === undefined || row.baseline === 0) return '';
  return `${(row.value / row.baseline).toFixed(2)}×`;
}

/** The suite's rows as an aligned text table: figure, value, baseline, ratio, target, result. */
export function formatSuite(report: SuiteReport): string {
  const header = ['figure', 'value', 'baseline (same run)', 'ratio', 'target', 'result'];
  const body = report.rows.map((r) => [
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${formatNumber(r.baseline)} ${r.unit} — ${r.baselineName ?? 'baseline'}`,
    ratio(r),
    r.target ?? '',
    r.ok === undefined ? '—' : r.ok ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const numeric = new Set([1, 3]);
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...body.map(line)].join('\n');
}
