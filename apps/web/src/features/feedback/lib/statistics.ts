import type { FeedbackStatisticsView } from '@heza/shared/feedback';

type Row = FeedbackStatisticsView['rows'][number];
const COUNTS = [
  'received',
  'answeredOnTime',
  'answeredLate',
  'openWithinTime',
  'openOverdue',
  'reopened',
  'published',
] as const;

/**
 * The total row of the statistics table: sums of the counts, and the on-time rate recomputed from the
 * sums exactly as the server does per row (answered on time / (answered + open overdue)). The mean rating
 * cannot be rebuilt from per-row means (the counts of ratings are not given), so it is not totalled.
 */
export function summarise(
  rows: readonly Row[],
): Record<(typeof COUNTS)[number], number> & { onTimeRate: number | null } {
  const total = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Record<
    (typeof COUNTS)[number],
    number
  >;
  const denominator = total.answeredOnTime + total.answeredLate + total.openOverdue;
  return { ...total, onTimeRate: denominator ? total.answeredOnTime / denominator : null };
}
