// Interactive map of the zones (progressive enhancement of the server-rendered SVG map).
// Loads MapLibre GL from the portal's own files only when a map is on the page, draws the zones from the
// page's GeoJSON as keyboard-focusable markers (buttons) coloured by status or occupancy, and opens a zone
// card on click or Enter. No tile server is needed; a configured basemap (style URL or raster tiles) is used
// when present. If WebGL or the script fails, the SVG map and the zone list stay as they are.

const BACKGROUND = '#dce9f5';

function baseStyle(basemap) {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
  if (basemap && basemap.kind === 'raster' && basemap.url) {
    style.sources.basemap = {
      type: 'raster',
      tiles: [basemap.url],
      tileSize: 256,
      attribution: basemap.attribution || '',
    };
    style.layers.push({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  return basemap && basemap.kind === 'style' && basemap.url ? basemap.url : style;
}

function text(tag, content, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = content;
  return el;
}

/** The zone card shown in a popup: built from text nodes only (no HTML from data). */
function zoneCard(p, labels) {
  const card = document.createElement('div');
  card.className = 'zone-card-popup';
  card.append(text('h3', p.name));
  card.append(text('p', `${p.kindLabel} · ${p.statusLabel}`, 'meta'));
  const dl = document.createElement('dl');
  for (const [label, value] of [
    [labels.totalArea, p.totalAreaLabel],
    [labels.available, p.availableLabel],
    [labels.occupancy, p.occupancyLabel],
  ]) {
    dl.append(text('dt', label), text('dd', value));
  }
  card.append(dl);
  const link = text('a', labels.openZone);
  link.href = p.url;
  card.append(link);
  return card;
}

async function init(container) {
  const labels = JSON.parse(container.dataset.labels || '{}');
  const basemap = JSON.parse(container.dataset.basemap || '{}');
  const focus = container.dataset.focus || '';
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = container.dataset.css;
  document.head.append(css);
  const [maplibre, geojson] = await Promise.all([
    import(container.dataset.maplibre),
    fetch(container.dataset.geojson, { headers: { accept: 'application/geo+json' } }).then((r) => {
      if (!r.ok) throw new Error(`map data: ${r.status}`);
      return r.json();
    }),
  ]);
  const features = geojson.features.filter((f) => f.properties.point);
  if (features.length === 0) return;

  const canvas = document.createElement('div');
  canvas.className = container.dataset.map === 'zone' ? 'zone-map' : 'map-canvas';
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', labels.region);
  const fallback = [...container.childNodes];
  container.append(canvas);

  let map;
  try {
    map = new maplibre.Map({
      container: canvas,
      style: baseStyle(basemap),
      attributionControl: basemap.kind === 'none' ? false : { compact: true },
      cooperativeGestures: container.dataset.map === 'zone',
    });
  } catch (err) {
    // No WebGL: keep the server-rendered map.
    canvas.remove();
    console.warn('map unavailable', err);
    return;
  }
  for (const node of fallback) node.remove();
  map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibre.ScaleControl({ unit: 'metric' }), 'bottom-left');

  const bounds = new maplibre.LngLatBounds();
  for (const f of features) bounds.extend(f.properties.point);
  const target = features.find((f) => f.properties.code === focus);
  if (target) map.jumpTo({ center: target.properties.point, zoom: 10.5 });
  else map.fitBounds(bounds, { padding: 48, maxZoom: 11, duration: 0 });

  map.on('load', () => {
    // Zone outlines, when the registry holds polygons.
    const polygons = geojson.features.filter((f) => f.geometry && f.geometry.type !== 'Point');
    if (polygons.length) {
      map.addSource('zones', { type: 'geojson', data: { type: 'FeatureCollection', features: polygons } });
      map.addLayer({
        id: 'zone-fill',
        type: 'fill',
        source: 'zones',
        paint: { 'fill-color': ['get', 'statusColour'], 'fill-opacity': 0.25 },
      });
      map.addLayer({
        id: 'zone-line',
        type: 'line',
        source: 'zones',
        paint: { 'line-color': ['get', 'statusColour'], 'line-width': 2 },
      });
    }
  });

  const markers = [];
  let openPopup = null;
  for (const f of features) {
    const p = f.properties;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `map-marker ${p.kind}${p.code === focus ? ' focus' : ''}`;
    button.setAttribute('aria-label', `${p.name} — ${p.statusLabel}`);
    button.title = p.name;
    button.style.background = p.statusColour;
    if (focus && p.code !== focus) button.style.opacity = '0.55';
    const popup = new maplibre.Popup({ offset: 14, closeButton: true, maxWidth: '18rem' }).setDOMContent(
      zoneCard(p, labels),
    );
    popup.on('open', () => {
      openPopup = popup;
      const link = popup.getElement()?.querySelector('a');
      link?.focus();
    });
    popup.on('close', () => {
      if (openPopup === popup) {
        openPopup = null;
        button.focus();
      }
    });
    const marker = new maplibre.Marker({ element: button }).setLngLat(p.point).setPopup(popup).addTo(map);
    markers.push({ marker, button, p });
  }
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && openPopup) openPopup.remove();
  });

  // Colour by status or occupancy (the map page's radio buttons and legends).
  const controls = document.querySelector('.map-controls');
  if (controls && container.dataset.map === 'all') {
    controls.hidden = false;
    controls.addEventListener('change', (e) => {
      const by = e.target.value;
      for (const { button, p } of markers)
        button.style.background = by === 'occupancy' ? p.occupancyColour : p.statusColour;
      for (const legend of document.querySelectorAll('[data-legend]'))
        legend.hidden = legend.dataset.legend !== by;
    });
  }
  // /map#code opens that zone's card.
  const wanted = decodeURIComponent(location.hash.slice(1));
  const hit = markers.find((m) => m.p.code === wanted);
  if (hit) {
    map.jumpTo({ center: hit.p.point, zoom: 11 });
    hit.marker.togglePopup();
  }
}

for (const container of document.querySelectorAll('[data-map]')) {
  init(container).catch((err) => console.warn('map unavailable', err));
}
