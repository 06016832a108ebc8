/**
 * The MapLibre map of zones coloured by an indicator. Loaded only when shown (import it lazily).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type GeoJSONSource,
  type MapLayerMouseEvent,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { blankStyle, CLICKABLE_LAYERS, isWorkerFailure, layers } from '../map-style';

// The bundler copies the worker next to the app (same origin: CSP `worker-src 'self'` is enough); MapLibre
// would otherwise look for it beside its own file, which the bundle does not have.
setWorkerUrl(workerUrl);

/** What the card of a clicked zone says: its name and lines of "label: value". */
export interface ZoneCardText {
  title: string;
  lines: [label: string, value: string][];
}

/** The popup's content, built from text nodes only (no HTML from data). */
function cardElement(text: ZoneCardText): HTMLElement {
  const card = document.createElement('div');
  card.className = 'indicator-map-card';
  const title = document.createElement('strong');
  title.textContent = text.title;
  card.append(title);
  for (const [label, value] of text.lines) {
    const line = document.createElement('div');
    line.textContent = `${label}: ${value}`;
    card.append(line);
  }
  return card;
}

export interface IndicatorMapCanvasProps {
  /** GeoJSON features whose property `v` is the value to colour by (null = none). */
  collection: { type: 'FeatureCollection'; features: unknown[] };
  breaks: number[];
  label: string;
  height: number;
  /** The card of a clicked zone, from its feature's id. */
  describe: (zoneId: string) => ZoneCardText | null;
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
  describe,
  onFailure,
}: IndicatorMapCanvasProps) {
  const describeRef = useRef(describe);
  describeRef.current = describe;
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
    map.on('error', (event) => {
      // Without its worker MapLibre draws an empty background: say so instead of showing a blank map.
      if (isWorkerFailure(event.error)) onFailure();
      else console.warn('map error', event.error);
    });
    map.on('load', () => {
      map.addSource('zones', { type: 'geojson', data: latest.current.collection as never });
      for (const layer of layers(latest.current.breaks)) map.addLayer(layer);
      loaded.current = true;
      const b = bounds(latest.current.collection);
      if (b) map.fitBounds(b, { padding: 40, animate: false, maxZoom: 12 });
    });
    for (const layer of CLICKABLE_LAYERS) {
      map.on('click', layer, (event: MapLayerMouseEvent) => {
        const id = event.features?.[0]?.properties?.zoneId;
        const text = typeof id === 'string' ? describeRef.current(id) : null;
        if (!text) return;
        new Popup({ closeButton: true, maxWidth: '18rem' })
          .setLngLat(event.lngLat)
          .setDOMContent(cardElement(text))
          .addTo(map);
      });
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
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
