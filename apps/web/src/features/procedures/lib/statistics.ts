import type { StatisticsRow } from '@heza/shared/procedures';

/** The columns of the statistics table and of its CSV export, in order (the label column comes first). */
export const STAT_COLUMNS = [
  'carriedOver',
  'newOnline',
  'newCounter',
  'receivedTotal',
  'early',
  'onTime',
  'late',
  'resolvedTotal',
  'withinTime',
  'overdue',
  'inProgressTotal',
  'rejected',
  'withdrawnOrStopped',
  'onlineShare',
  'averageProcessingDays',
  'onTimeRate',
] as const;
export type StatColumn = (typeof STAT_COLUMNS)[number];

/** The value of a column of a row: a count, a ratio (0–1), a mean, or null when it cannot be computed. */
export function statValue(row: StatisticsRow, column: StatColumn): number | null {
  switch (column) {
    case 'carriedOver':
    case 'newOnline':
    case 'newCounter':
      return row.received[column];
    case 'receivedTotal':
      return row.received.total;
    case 'early':
    case 'onTime':
    case 'late':
      return row.resolved[column];
    case 'resolvedTotal':
      return row.resolved.total;
    case 'withinTime':
    case 'overdue':
      return row.inProgress[column];
    case 'inProgressTotal':
      return row.inProgress.total;
    default:
      return row[column];
  }
}

/** True for columns holding a ratio (shown and exported as a percentage). */
export function isRatio(column: StatColumn): boolean {
  return column === 'onlineShare' || column === 'onTimeRate';
}

function csvCell(text: string): string {
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The table as CSV (comma-separated, UTF-8 with a byte-order mark so spreadsheet programs read the
 * Vietnamese letters): ratios as percentages with one decimal, means with two, decimal point '.'.
 */
export function statisticsCsv(
  headers: readonly string[],
  rows: readonly { label: string; row: StatisticsRow }[],
): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const { label, row } of rows) {
    const cells = STAT_COLUMNS.map((c) => {
      const v = statValue(row, c);
      if (v === null) return '';
      if (isRatio(c)) return (v * 100).toFixed(1);
      if (c === 'averageProcessingDays') return v.toFixed(2);
      return String(v);
    });
    lines.push([csvCell(label), ...cells].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
