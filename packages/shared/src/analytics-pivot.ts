/**
 * Arranges analytics cells as a pivot table: some dimensions on rows, the others on columns, one value per
 * intersection. Used by the web pivot screen and by the server's XLSX/CSV export, so both show the same table.
 * Dimensions are 'indicator', 'period' and the query's own ('zone', 'sector', 'disaggregation:nationality'…).
 */
import type { AnalyticsCell, AnalyticsResult } from './analytics.ts';

/** A header item of a pivot axis. */
export interface PivotItem {
  key: string | null;
  label: string;
  depth: number;
}

/** The pivot: row and column header tuples, and values[row][column] (cells or null). */
export interface Pivot {
  rowDims: string[];
  colDims: string[];
  rows: PivotItem[][];
  cols: PivotItem[][];
  values: (AnalyticsCell | null)[][];
}

const TOTAL_KEY = null;

/** The items of one dimension in display order, with a "total" item first when the dimension is a breakdown. */
function axisItems(result: AnalyticsResult, dim: string, totalLabel: string): PivotItem[] {
  if (dim === 'indicator')
    return result.indicators.map((i) => ({
      key: i.code,
      label: `${i.name} (${i.displayUnitLabel})`.replace(' ()', ''),
      depth: 0,
    }));
  if (dim === 'period') return result.periods.map((p) => ({ key: p.id, label: p.label, depth: 0 }));
  const all = result.items[dim] ?? [];
  const present = new Set(result.cells.map((c) => c.keys[dim]).filter((k) => k !== undefined));
  // Zones as a tree (each parent followed by its children); other dimensions in the order given.
  const ordered: typeof all = [];
  if (dim === 'zone') {
    const children = new Map<string | null, typeof all>();
    for (const i of all) children.set(i.parentKey, [...(children.get(i.parentKey) ?? []), i]);
    const walk = (parent: string | null, depth: number) => {
      if (depth > 12) return;
      for (const c of children.get(parent) ?? []) {
        ordered.push(c);
        walk(c.key, depth + 1);
      }
    };
    walk(null, 0);
  } else ordered.push(...all);
  const shown = ordered.filter((i) => present.has(i.key));
  return [
    { key: TOTAL_KEY, label: totalLabel, depth: 0 },
    ...shown.map((i) => ({ key: i.key, label: i.label, depth: i.depth })),
  ];
}

function product(axes: PivotItem[][]): PivotItem[][] {
  return axes.reduce<PivotItem[][]>(
    (acc, items) => acc.flatMap((prefix) => items.map((i) => [...prefix, i])),
    [[]],
  );
}

/** Builds the pivot; `totalLabel` names the "all" item of breakdown dimensions ("Tổng số"). */
export function buildPivot(
  result: AnalyticsResult,
  rowDims: string[],
  colDims: string[],
  totalLabel = 'Tổng số',
): Pivot {
  const breakdown = result.dimensions;
  const index = new Map<string, AnalyticsCell>();
  for (const c of result.cells) {
    const keyParts = [c.indicator, c.period, ...breakdown.map((d) => (d in c.keys ? c.keys[d] : TOTAL_KEY))];
    index.set(JSON.stringify(keyParts), c);
  }
  const rows = product(rowDims.map((d) => axisItems(result, d, totalLabel)));
  const cols = product(colDims.map((d) => axisItems(result, d, totalLabel)));
  const lookup = (row: PivotItem[], col: PivotItem[]): AnalyticsCell | null => {
    const at = new Map<string, string | null>();
    for (const [i, d] of rowDims.entries()) at.set(d, row[i]!.key);
    for (const [i, d] of colDims.entries()) at.set(d, col[i]!.key);
    const indicator = at.get('indicator') ?? result.indicators[0]?.code ?? '';
    const period = at.get('period') ?? result.periods[0]?.id ?? '';
    const parts = breakdown.map((d) => at.get(d) ?? TOTAL_KEY);
    // A cell of the total has no keys; a breakdown cell has all of them.
    const isTotal = parts.every((p) => p === TOTAL_KEY);
    if (!isTotal && parts.some((p) => p === TOTAL_KEY)) return null;
    return (
      index.get(JSON.stringify([indicator, period, ...(isTotal ? breakdown.map(() => TOTAL_KEY) : parts)])) ??
      null
    );
  };
  return { rowDims, colDims, rows, cols, values: rows.map((r) => cols.map((c) => lookup(r, c))) };
}
