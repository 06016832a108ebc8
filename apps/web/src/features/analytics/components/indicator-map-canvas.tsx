/**
 * The MapLibre map of zones coloured by an indicator. Loaded only when shown (import it lazily).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { type GeoJSONSource, Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { blankStyle, layers } from '../map-style';

setWorkerUrl(workerUrl);

export interface IndicatorMapCanvasProps {
  /** GeoJSON features whose property `v` is the value to colour by (null = none). */
  collection: { type: 'FeatureCollection'; features: unknown[] };
  breaks: number[];
  label: string;
  height: number;
  onFailure: () => void;
}

/** Bounds of every coordinate in the collection. */
function bounds(
  collection: IndicatorMapCanvasProps['collection'],
): [[number, number], [number, number]] | null {
  let minX = 180;
  let minY = 90;
  let maxX = -180;
  let maxY = -90;
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      minX = Math.min(minX, c[0]);
      maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]);
      maxY = Math.max(maxY, c[1]);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of collection.features)
    visit((f as { geometry?: { coordinates?: unknown } }).geometry?.coordinates);
  return minX <= maxX
    ? [
        [minX, minY],
        [maxX, maxY],
      ]
    : null;
}

export default function IndicatorMapCanvas({
  collection,
  breaks,
  label,
  height,
  onFailure,
}: IndicatorMapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const latest = useRef({ collection, breaks });
  latest.current = { collection, breaks };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per mount.
  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: blankStyle(),
        center: [106.7, 20.8],
        zoom: 9,
        attributionControl: false,
      });
    } catch {
      onFailure();
      return;
    }
    mapRef.current = map;
    map.getCanvas().setAttribute('aria-label', label);
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addSource('zones', { type: 'geojson', data: latest.current.collection as never });
      for (const layer of layers(latest.current.breaks)) map.addLayer(layer);
      loaded.current = true;
      const b = bounds(latest.current.collection);
      if (b) map.fitBounds(b, { padding: 40, animate: false, maxZoom: 12 });
    });
    return () => {
      loaded.current = false;
      mapRef.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    (map.getSource('zones') as GeoJSONSource | undefined)?.setData(collection as never);
    for (const layer of layers(breaks)) {
      for (const [key, value] of Object.entries(layer.paint ?? {}))
        map.setPaintProperty(layer.id, key as never, value as never);
    }
  }, [collection, breaks]);

  return <div ref={container} style={{ width: '100%', height, borderRadius: 8, overflow: 'hidden' }} />;
}
