import { parsePeriod } from '@heza/shared';
import { FIGURE_UNITS, FIGURES, FIGURES_BY_KEY, type FigureView } from '@heza/shared/official-reports';
import { todayVn } from '@heza/shared/registry';
import type { DbOrTx } from '../../../db/client.ts';
import { analyticsFigures } from './analytics-figures.ts';
import { displayFigure } from './format.ts';
import { registryFigures } from './registry-figures.ts';
import type { FigureSet, FigureSource, FigureValue } from './types.ts';

/** The figure sources, in the order they are asked; the first that provides a key computes it. */
export const FIGURE_SOURCES: readonly FigureSource[] = [registryFigures, analyticsFigures];

/**
 * Computes figures of the catalogue for a period as known at a date (null = now): every figure, or only
 * `keys`. Sources run in parallel; a key no source provides comes back missing with a note.
 */
export async function computeFigures(
  db: DbOrTx,
  q: { periodId: string; asOf: string | null; keys?: Iterable<string> },
): Promise<FigureSet> {
  const period = parsePeriod(q.periodId);
  const keys = new Set(q.keys ?? FIGURES.map((f) => f.key));
  const knownAt = q.asOf ?? todayVn();
  const bySource = new Map<FigureSource, Set<string>>();
  const orphans: string[] = [];
  for (const key of keys) {
    const source = FIGURE_SOURCES.find((s) => s.provides(key));
    if (!source) orphans.push(key);
    else bySource.set(source, (bySource.get(source) ?? new Set()).add(key));
  }
  const results = await Promise.all(
    [...bySource].map(([source, ks]) =>
      source.compute(db, { periodId: q.periodId, period, asOf: q.asOf, knownAt, keys: ks }),
    ),
  );
  const values: Record<string, FigureValue> = {};
  for (const v of results.flat()) values[v.key] = v;
  for (const key of keys) {
    values[key] ??= {
      key,
      value: null,
      estimate: false,
      notes: orphans.includes(key) ? ['Không có nguồn số liệu.'] : ['Không tính được.'],
      footnote: null,
      trace: [],
    };
  }
  return { periodId: q.periodId, asOf: q.asOf, knownAt, computedAt: new Date().toISOString(), values };
}

/** A figure as the API shows it. */
export function figureView(v: FigureValue, lang: 'vi' | 'en' = 'vi'): FigureView {
  const def = FIGURES_BY_KEY.get(v.key);
  return {
    key: v.key,
    label: def ? (lang === 'en' ? def.labelEn : def.labelVi) : v.key,
    kind: def?.kind ?? 'count',
    unit: def ? FIGURE_UNITS[def.unit][lang] : '',
    value: v.value,
    display: displayFigure(v.key, v.value),
    estimate: v.estimate,
    notes: v.footnote ? [...v.notes, `Chú thích: ${v.footnote}`] : v.notes,
  };
}

/** The figures whose printed value differs between two computations (the reviewer's "changed since the draft"). */
export function changedFigures(
  before: FigureSet,
  after: FigureSet,
): { key: string; before: string | null; after: string | null }[] {
  const out: { key: string; before: string | null; after: string | null }[] = [];
  for (const key of new Set([...Object.keys(before.values), ...Object.keys(after.values)])) {
    const b = displayFigure(key, before.values[key]?.value ?? null);
    const a = displayFigure(key, after.values[key]?.value ?? null);
    const bEst = before.values[key]?.estimate;
    const aEst = after.values[key]?.estimate;
    if (b !== a || bEst !== aEst) out.push({ key, before: b, after: a });
  }
  return out;
}
