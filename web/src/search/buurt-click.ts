import type { Map as MapLibreMap } from 'maplibre-gl';

/** Basemap layers a buurt click is read from, and which layers take a click before it (anything drawn on top). */
const BUURT_LAYER = 'buurten-fill';
const BASEMAP = new Set([
  'background',
  BUURT_LAYER,
  'buildings',
  'streets',
  'street-labels',
  'buurten-line',
  'programme-line',
  'focus-line',
  'buurt-labels',
]);

/**
 * A click on a buurt where no dwelling, candidate, VvE or other overlay is drawn opens the buurt card (and
 * zooms to the buurt); clicks on overlays stay theirs.
 */
export function installBuurtClick(map: MapLibreMap, onBuurt: (buurtcode: string) => void): void {
  map.on('click', (e) => {
    const hits = map.queryRenderedFeatures(e.point);
    if (hits.some((f) => !BASEMAP.has(f.layer.id))) return;
    const buurt = hits.find((f) => f.layer.id === BUURT_LAYER);
    const code = buurt?.properties.buurtcode;
    if (typeof code === 'string' && code !== '') onBuurt(code);
  });
}
