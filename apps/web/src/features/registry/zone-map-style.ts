/**
 * The zone map's style, built without any tile server: a plain background and the zones from
 * GET /api/zones/map as points (circles) and polygons, coloured by lifecycle status or by occupancy.
 * Pure data (MapLibre style JSON), so it can be tested without a browser.
 */
import { ZONE_STATUSES } from '@heza/shared/registry';
import type {
  ExpressionSpecification,
  LayerSpecification,
  LngLatBoundsLike,
  StyleSpecification,
} from 'maplibre-gl';
import { NO_STATUS_HEX, OCCUPANCY_BANDS, ZONE_STATUS_COLORS } from './zone-colors';
import type { ZoneFeatureCollection } from './zones-api';

export type MapColorMode = 'status' | 'occupancy';

export const ZONE_SOURCE = 'zones';
export const ZONE_LAYERS = { fill: 'zones-fill', outline: 'zones-outline', points: 'zones-points' } as const;
export const BACKGROUND = '#eef3f8';
/** Hai Phong, for a map with nothing to show. */
export const DEFAULT_CENTER: [number, number] = [106.7, 20.8];

/** A style with only a background: no tiles, no fonts, no request to anyone. */
export function blankStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}

/** The colour of a feature for the chosen mode, as a MapLibre expression. */
export function colorExpression(mode: MapColorMode): ExpressionSpecification {
  if (mode === 'status') {
    const pairs = ZONE_STATUSES.flatMap((s) => [s, ZONE_STATUS_COLORS[s].hex]);
    return [
      'match',
      ['coalesce', ['get', 'status'], 'none'],
      ...pairs,
      NO_STATUS_HEX,
    ] as unknown as ExpressionSpecification;
  }
  const steps: (string | number)[] = [OCCUPANCY_BANDS[0]!.hex];
  for (let i = 1; i < OCCUPANCY_BANDS.length; i++)
    steps.push(OCCUPANCY_BANDS[i - 1]!.below, OCCUPANCY_BANDS[i]!.hex);
  return [
    'case',
    ['==', ['typeof', ['get', 'occupancyPct']], 'number'],
    ['step', ['get', 'occupancyPct'], ...steps],
    NO_STATUS_HEX,
  ] as unknown as ExpressionSpecification;
}

const POLYGONS: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/** Layers drawing the zones: polygons filled and outlined, points as circles (economic zones larger). */
export function zoneLayers(mode: MapColorMode, selectedId: string | null): LayerSpecification[] {
  const color = colorExpression(mode);
  const selected: ExpressionSpecification = ['==', ['get', 'zoneId'], selectedId ?? ''];
  return [
    {
      id: ZONE_LAYERS.fill,
      type: 'fill',
      source: ZONE_SOURCE,
      filter: POLYGONS,
      paint: { 'fill-color': color, 'fill-opacity': 0.45 },
    },
    {
      id: ZONE_LAYERS.outline,
      type: 'line',
      source: ZONE_SOURCE,
      filter: POLYGONS,
      paint: { 'line-color': color, 'line-width': ['case', selected, 4, 1.5] },
    },
    {
      id: ZONE_LAYERS.points,
      type: 'circle',
      source: ZONE_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': color,
        'circle-radius': ['case', ['==', ['get', 'kind'], 'economic_zone'], 13, 8],
        'circle-opacity': ['case', ['==', ['get', 'kind'], 'economic_zone'], 0.35, 0.9],
        'circle-stroke-color': ['case', selected, '#000000', '#ffffff'],
        'circle-stroke-width': ['case', selected, 3, 1.5],
      },
    },
  ];
}

/** The collection with each zone's id copied into its properties (MapLibre drops string feature ids). */
export function withZoneIds(collection: ZoneFeatureCollection) {
  return {
    type: 'FeatureCollection' as const,
    features: collection.features.map((f) => ({
      type: 'Feature' as const,
      geometry: f.geometry,
      properties: { ...f.properties, zoneId: f.id },
    })),
  };
}

function positionsOf(geometry: ZoneFeatureCollection['features'][number]['geometry']): [number, number][] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'Polygon') return geometry.coordinates.flat();
  return geometry.coordinates.flat(2);
}

/** The box around every zone, slightly padded for a single point; null when there is nothing. */
export function featureBounds(collection: ZoneFeatureCollection): LngLatBoundsLike | null {
  const positions = collection.features.flatMap((f) => positionsOf(f.geometry));
  if (positions.length === 0) return null;
  let [minLon, minLat] = positions[0]!;
  let [maxLon, maxLat] = positions[0]!;
  for (const [lon, lat] of positions) {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const pad = 0.02;
  if (maxLon - minLon < pad) {
    minLon -= pad;
    maxLon += pad;
  }
  if (maxLat - minLat < pad) {
    minLat -= pad;
    maxLat += pad;
  }
  return [
    [minLon, minLat],
    [maxLon, maxLat],
  ];
}
