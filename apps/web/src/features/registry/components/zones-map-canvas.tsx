/**
 * The MapLibre map of the zones. This module (and MapLibre with it) is loaded only when a map is shown:
 * import it through `LazyZonesMap`, never directly.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapLayerMouseEvent,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import {
  blankStyle,
  DEFAULT_CENTER,
  featureBounds,
  type MapColorMode,
  withZoneIds,
  ZONE_LAYERS,
  ZONE_SOURCE,
  zoneLayers,
} from '../zone-map-style';
import type { ZoneFeatureCollection } from '../zones-api';

// The bundler copies the worker next to the app (same origin: CSP `worker-src 'self'` is enough); MapLibre
// would otherwise look for it beside its own file, which the bundle does not have.
setWorkerUrl(workerUrl);

export interface ZonesMapCanvasProps {
  collection: ZoneFeatureCollection;
  mode: MapColorMode;
  selectedId: string | null;
  onSelect?: (zoneId: string) => void;
  /** Accessible name of the map region. */
  label: string;
  /** Texts of MapLibre's own controls (zoom buttons…) in the UI language. */
  controlTexts: Record<string, string>;
  /** Called when the browser cannot draw the map (no WebGL). */
  onFailure: (error: unknown) => void;
  height: number | string;
  /** Zoom used when there is a single point. */
  singleZoom?: number;
}

const CLICKABLE = [ZONE_LAYERS.points, ZONE_LAYERS.fill];

export default function ZonesMapCanvas({
  collection,
  mode,
  selectedId,
  onSelect,
  label,
  controlTexts,
  onFailure,
  height,
  singleZoom = 11,
}: ZonesMapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const latest = useRef({ collection, mode, selectedId });
  latest.current = { collection, mode, selectedId };

  const fit = (map: MapLibreMap, data: ZoneFeatureCollection) => {
    const bounds = featureBounds(data) as LngLatBoundsLike | null;
    if (!bounds) return;
    if (data.features.length === 1 && data.features[0]?.geometry.type === 'Point') {
      map.jumpTo({ center: data.features[0].geometry.coordinates, zoom: singleZoom });
    } else {
      map.fitBounds(bounds, { padding: 40, animate: false, maxZoom: 13 });
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once per mount.
  useEffect(() => {
    if (!container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: blankStyle(),
        center: DEFAULT_CENTER,
        zoom: 9,
        attributionControl: false,
        locale: controlTexts,
        cooperativeGestures: false,
      });
    } catch (error) {
      onFailure(error);
      return;
    }
    mapRef.current = map;
    map.getCanvas().setAttribute('aria-label', label);
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.on('error', (event) => {
      // Without its worker MapLibre draws an empty background: say so instead of showing a blank map.
      if (
        event.error instanceof Error &&
        /worker failed to load|failed to fetch worker/i.test(event.error.message)
      )
        onFailure(event.error);
      else console.warn('map error', event.error);
    });
    map.on('load', () => {
      const { collection: data, mode: m, selectedId: sel } = latest.current;
      map.addSource(ZONE_SOURCE, { type: 'geojson', data: withZoneIds(data) });
      for (const layer of zoneLayers(m, sel)) map.addLayer(layer);
      loaded.current = true;
      fit(map, data);
    });
    for (const layer of CLICKABLE) {
      map.on('click', layer, (event: MapLayerMouseEvent) => {
        const id = event.features?.[0]?.properties?.zoneId;
        if (typeof id === 'string') onSelectRef.current?.(id);
      });
      map.on('mouseenter', layer, () => {
        if (onSelectRef.current) map.getCanvas().style.cursor = 'pointer';
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

  // New data: replace it and frame it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: fit depends only on the data.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    (map.getSource(ZONE_SOURCE) as GeoJSONSource | undefined)?.setData(withZoneIds(collection));
    fit(map, collection);
  }, [collection]);

  // New colouring or selection: restyle in place.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded.current) return;
    for (const layer of zoneLayers(mode, selectedId)) {
      for (const [key, value] of Object.entries(layer.paint ?? {}))
        map.setPaintProperty(layer.id, key as never, value as never);
    }
  }, [mode, selectedId]);

  return <div ref={container} style={{ width: '100%', height, borderRadius: 8, overflow: 'hidden' }} />;
}
