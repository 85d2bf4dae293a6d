/**
 * The rows of the layer list for the layers drawn at start: dwellings and the basemap. The overlays of the panels
 * loaded later (web/src/section-loader.ts) add theirs from layers/overlay-rows.ts once they have drawn them.
 */
import { DWELLINGS_LAYER } from '../map-style.ts';
import { RETROFIT_LAYER } from '../retrofit/retrofit-view.ts';
import type { LayerList } from './layer-list.ts';
import { legendItems } from './legend-items.ts';

export interface DwellingsControl {
  dwellingsVisible(): boolean;
  setDwellingsVisible(visible: boolean): void;
  activeLegend(): HTMLElement;
}

/** Copy of a legend shown elsewhere in the sidebar (ids removed so the page keeps unique ids). */
export function copyOf(node: Element | null): Node | null {
  if (!node) return null;
  const c = node.cloneNode(true) as HTMLElement;
  c.removeAttribute('id');
  c.hidden = false;
  return c;
}

export function addBaseRows(list: LayerList, dwellings: DwellingsControl): void {
  list.add({
    id: 'woningen',
    label: 'Woningen',
    group: 'overlay',
    layers: [DWELLINGS_LAYER, RETROFIT_LAYER],
    visibility: { get: () => dwellings.dwellingsVisible(), set: (v) => dwellings.setDwellingsVisible(v) },
    legend: () => copyOf(dwellings.activeLegend()),
  });
  list.add({
    id: 'panden',
    label: 'Panden',
    group: 'basemap',
    layers: ['buildings'],
    legend: () => legendItems([{ color: '#d2cec7', label: 'pand (gebouw)', shape: 'square' }]),
  });
  list.add({
    id: 'straten',
    label: 'Straten en straatnamen',
    group: 'basemap',
    layers: ['streets', 'street-labels'],
    legend: () => legendItems([{ color: '#ffffff', label: 'straat met naam', shape: 'line' }]),
  });
  list.add({
    id: 'buurten',
    label: 'Buurtgrenzen en -namen',
    group: 'basemap',
    layers: ['buurten-line', 'programme-line', 'focus-line', 'buurt-labels'],
    legend: () =>
      legendItems([
        { color: '#1f4e8c', label: 'Kalsdonk en Westrand', shape: 'line' },
        { color: '#5a7aa6', label: 'ander programmagebied', shape: 'line' },
        { color: '#8d949c', label: 'buurtgrens (CBS)', shape: 'line' },
      ]),
  });
}
