/**
 * The indicator map's style, without any tile server: a plain background and the zones as polygons and
 * circles coloured by the indicator's value in five classes (quantiles of the values shown). Pure data, so it
 * can be tested without a browser.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';

/** Five blues, light to dark, and grey for zones without a value. */
export const CLASS_COLORS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NO_VALUE = '#c8ced6';

/** Class limits: the 20th, 40th, 60th and 80th percentiles of the values (ascending, distinct). */
export function classBreaks(values: number[]): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: number[] = [];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The class (0–4) of a value for given breaks. */
export function classOf(value: number, breaks: number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return Math.min(i, CLASS_COLORS.length - 1);
}

export function blankStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f8' } }],
  };
}

/** Fill colour from the numeric property `v` (null = no value). */
export function colorExpression(breaks: number[]): ExpressionSpecification {
  const steps: (string | number)[] = [CLASS_COLORS[0]];
  for (const [i, b] of breaks.entries())
    steps.push(b, CLASS_COLORS[Math.min(i + 1, CLASS_COLORS.length - 1)]!);
  return [
    'case',
    ['==', ['typeof', ['get', 'v']], 'number'],
    ['step', ['get', 'v'], ...steps],
    NO_VALUE,
  ] as unknown as ExpressionSpecification;
}

/** The layers a click on a zone is read from. */
export const CLICKABLE_LAYERS = ['ind-points', 'ind-fill'] as const;

/**
 * Whether a MapLibre error event means its web worker could not start (wrong URL, refused by the
 * Content-Security-Policy): the map would then stay an empty background, so the page says it cannot draw it.
 */
export function isWorkerFailure(error: unknown): boolean {
  return error instanceof Error && /worker failed to load|failed to fetch worker/i.test(error.message);
}

/** Polygons filled and outlined, points as circles. */
export function layers(breaks: number[]): LayerSpecification[] {
  const color = colorExpression(breaks);
  const polygons: ExpressionSpecification = [
    'in',
    ['geometry-type'],
    ['literal', ['Polygon', 'MultiPolygon']],
  ];
  return [
    {
      id: 'ind-fill',
      type: 'fill',
      source: 'zones',
      filter: polygons,
      paint: { 'fill-color': color, 'fill-opacity': 0.8 },
    },
    {
      id: 'ind-outline',
      type: 'line',
      source: 'zones',
      filter: polygons,
      paint: { 'line-color': '#334155', 'line-width': 1 },
    },
    {
      id: 'ind-points',
      type: 'circle',
      source: 'zones',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': color,
        'circle-radius': 9,
        'circle-stroke-color': '#334155',
        'circle-stroke-width': 1,
      },
    },
  ];
}
