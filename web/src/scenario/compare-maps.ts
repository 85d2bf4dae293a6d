/**
 * Two MapLibre maps side by side on the product's offline style (web/src/map-style.ts), each
 * colouring the buurten by one scenario's metric; moving one moves the other.
 */
import {
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  type ExpressionSpecification,
  type GeoJSONSource,
  type MapMouseEvent,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Buurten } from '../api.ts';
import { DWELLINGS_LAYER, mapStyle } from '../map-style.ts';
import { ROOSENDAAL_CENTER } from '../map-view.ts';
import { escapeXml } from './band-chart.ts';
import { fillColor } from './choropleth.ts';

export const SCENARIO_SOURCE = 'scenario-buurten';
export const SCENARIO_FILL = 'scenario-fill';
export const SELECTED_LINE = 'scenario-selected';

export interface CompareMap {
  map: MapLibreMap;
  loaded: Promise<void>;
}

export function createCompareMap(container: HTMLElement, labelFontUrl: string): CompareMap {
  const map = new MapLibreMap({
    container,
    style: mapStyle({ origin: location.origin, labelFontUrl, attribute: 'ownership' }),
    center: ROOSENDAAL_CENTER,
    zoom: 13,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  const loaded = new Promise<void>((resolve) =>
    map.once('load', () => {
      map.setLayoutProperty(DWELLINGS_LAYER, 'visibility', 'none');
      map.addSource(SCENARIO_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer(
        {
          id: SCENARIO_FILL,
          type: 'fill',
          source: SCENARIO_SOURCE,
          paint: { 'fill-color': fillColor(0, 1), 'fill-opacity': 0.78 },
        },
        'buildings',
      );
      map.addLayer(
        {
          id: SELECTED_LINE,
          type: 'line',
          source: SCENARIO_SOURCE,
          filter: ['==', ['get', 'selected'], true],
          paint: { 'line-color': '#c0392b', 'line-width': 3 },
        },
        'buurt-labels',
      );
      resolve();
    }),
  );
  return { map, loaded };
}

/** Keeps the second map's view equal to the first's, both ways. */
export function syncMaps(a: MapLibreMap, b: MapLibreMap): void {
  let syncing = false;
  const follow = (from: MapLibreMap, to: MapLibreMap) => () => {
    if (syncing) return;
    syncing = true;
    to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
    syncing = false;
  };
  a.on('move', follow(a, b));
  b.on('move', follow(b, a));
}

/**
 * Puts the buurten with this map's values (by buurt code), their hover text and the selection on the map, coloured
 * by `fill` (the shared sequential scale, or the diverging scale of a difference).
 */
export function showValues(
  m: MapLibreMap,
  buurten: Buurten,
  values: ReadonlyMap<string, number | null>,
  selected: ReadonlySet<string>,
  fill: ExpressionSpecification,
  hover: ReadonlyMap<string, string> = new Map(),
): void {
  const data: FeatureCollection = {
    type: 'FeatureCollection',
    features: buurten.features
      .filter((f) => values.has(f.properties.buurtcode))
      .map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          buurtcode: f.properties.buurtcode,
          buurtnaam: f.properties.buurtnaam,
          value: values.get(f.properties.buurtcode) ?? null,
          hover: hover.get(f.properties.buurtcode) ?? '',
          selected: selected.has(f.properties.buurtcode),
        },
      })),
  };
  m.getSource<GeoJSONSource>(SCENARIO_SOURCE)?.setData(data);
  m.setPaintProperty(SCENARIO_FILL, 'fill-color', fill);
}

/** Shows a buurt's values (A, B and B − A) in a small popup while the pointer is over it. */
export function hoverValues(m: MapLibreMap): Popup {
  const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'hover-popup', maxWidth: '280px' });
  m.on('mousemove', SCENARIO_FILL, (e: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
    const p = e.features?.[0]?.properties;
    if (!p) return;
    popup
      .setLngLat(e.lngLat)
      .setHTML(`<strong>${escapeXml(String(p.buurtnaam))}</strong><br>${escapeXml(String(p.hover ?? ''))}`)
      .addTo(m);
  });
  m.on('mouseleave', SCENARIO_FILL, () => popup.remove());
  return popup;
}

/** Calls back with the buurt code of a clicked scenario buurt. */
export function onBuurtClick(m: MapLibreMap, pick: (code: string) => void): void {
  m.on('click', SCENARIO_FILL, (e: MapMouseEvent & { features?: { properties: Record<string, unknown> }[] }) => {
    const code = e.features?.[0]?.properties.buurtcode;
    if (typeof code === 'string') pick(code);
  });
  m.on('mouseenter', SCENARIO_FILL, () => {
    m.getCanvas().style.cursor = 'pointer';
  });
  m.on('mouseleave', SCENARIO_FILL, () => {
    m.getCanvas().style.cursor = '';
  });
}

/** [[west, south], [east, north]] around the buurten with these codes, or null. */
export function unitBounds(buurten: Buurten, codes: ReadonlySet<string>): [[number, number], [number, number]] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const f of buurten.features) {
    if (!codes.has(f.properties.buurtcode)) continue;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys)
      for (const [x, y] of poly[0] ?? []) {
        if (x === undefined || y === undefined) continue;
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
  }
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
