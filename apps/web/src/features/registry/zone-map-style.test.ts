import { describe, expect, it } from 'vitest';
import { NO_STATUS_HEX, OCCUPANCY_BANDS, occupancyHex, ZONE_STATUS_COLORS } from './zone-colors';
import { blankStyle, colorExpression, featureBounds, withZoneIds, zoneLayers } from './zone-map-style';
import type { ZoneFeature, ZoneFeatureCollection } from './zones-api';

function feature(
  id: string,
  geometry: ZoneFeature['geometry'],
  extra: Partial<ZoneFeature['properties']> = {},
) {
  return {
    type: 'Feature' as const,
    id,
    geometry,
    properties: {
      code: id,
      nameVi: id,
      nameEn: null,
      kind: 'industrial_park' as const,
      status: 'operating' as const,
      totalAreaHa: null,
      occupancyPct: null,
      isDemo: true,
      ...extra,
    },
  };
}

const collection = (...features: ZoneFeature[]): ZoneFeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

describe('the zone map style', () => {
  it('should need no tile server, font or sprite', () => {
    const style = blankStyle();
    expect(style.sources).toEqual({});
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.map((l) => l.type)).toEqual(['background']);
  });

  it('should colour by status with the same colours as the badges, grey without a status', () => {
    const expr = colorExpression('status') as unknown[];
    expect(expr[0]).toBe('match');
    const operating = expr.indexOf('operating');
    expect(expr[operating + 1]).toBe(ZONE_STATUS_COLORS.operating.hex);
    expect(expr[expr.length - 1]).toBe(NO_STATUS_HEX);
  });

  it('should colour by occupancy in steps matching the legend bands', () => {
    const expr = JSON.stringify(colorExpression('occupancy'));
    for (const band of OCCUPANCY_BANDS) expect(expr).toContain(band.hex);
    expect(expr).toContain('"step"');
    expect(occupancyHex(null)).toBe(NO_STATUS_HEX);
    expect(occupancyHex(10)).toBe(OCCUPANCY_BANDS[0]!.hex);
    expect(occupancyHex(96.1)).toBe(OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1]!.hex);
  });

  it('should draw polygons and points in their own layers and outline the selected zone', () => {
    const layers = zoneLayers('status', 'z1');
    expect(layers.map((l) => l.type)).toEqual(['fill', 'line', 'circle']);
    expect(JSON.stringify(layers[2])).toContain('"z1"');
  });
});

describe('featureBounds', () => {
  it('should frame every zone, points and polygons alike', () => {
    const bounds = featureBounds(
      collection(
        feature('a', { type: 'Point', coordinates: [106.57, 20.89] }),
        feature('b', {
          type: 'Polygon',
          coordinates: [
            [
              [106.8, 20.7],
              [106.9, 20.7],
              [106.9, 20.8],
              [106.8, 20.7],
            ],
          ],
        }),
      ),
    );
    expect(bounds).toEqual([
      [106.57, 20.7],
      [106.9, 20.89],
    ]);
  });

  it('should pad a single point so the map can zoom to it, and give nothing for no zones', () => {
    const bounds = featureBounds(
      collection(feature('a', { type: 'Point', coordinates: [106, 20] })),
    ) as number[][];
    expect(bounds[0]![0]).toBeLessThan(106);
    expect(bounds[1]![1]).toBeGreaterThan(20);
    expect(featureBounds(collection())).toBeNull();
  });
});

describe('withZoneIds', () => {
  it('should copy each zone id into its properties, where MapLibre keeps it', () => {
    const out = withZoneIds(collection(feature('z9', { type: 'Point', coordinates: [1, 2] })));
    expect(out.features[0]?.properties.zoneId).toBe('z9');
  });
});
