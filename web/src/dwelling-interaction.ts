import type { Map as MapLibreMap } from 'maplibre-gl';
import { clickClaimed } from './map-click-claims.ts';
import { showMapPopup } from './map-popup.ts';
import { DWELLINGS_LAYER } from './map-style.ts';
import { dwellingPopup, pickerEntries, popupElement, type PickerEntry } from './popup.ts';

export interface DwellingPopupOptions {
  /** Layer whose dwellings open the popup; the base dwellings layer by default. */
  layer?: string;
  /** More content under the dwelling's rows, e.g. the retrofit measures (web/src/retrofit). */
  extend?: (props: Record<string, unknown>) => Promise<Node | null>;
}

/** The list of dwellings at one point (stacked flats); choosing one opens its popup. */
function pickerElement(entries: PickerEntry[], onPick: (e: PickerEntry) => void): HTMLElement {
  const root = document.createElement('div');
  root.className = 'dwelling-popup dwelling-picker';
  const h = document.createElement('h3');
  h.textContent = `${entries.length} woningen op dit punt`;
  const list = document.createElement('ul');
  for (const e of entries) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'picker-choice';
    b.dataset.vboId = e.vboId;
    b.textContent = e.label;
    b.addEventListener('click', () => onPick(e));
    li.append(b);
    list.append(li);
  }
  root.append(h, list);
  return root;
}

/**
 * Pointer cursor over dwellings; a click opens the Dutch popup with the dwelling's data, or first a picker
 * when several dwellings share the point (flats above each other), so nobody gets a neighbour's address.
 */
export function installDwellingPopup(
  map: MapLibreMap,
  buurtNames: Promise<ReadonlyMap<string, string>>,
  o: DwellingPopupOptions = {},
): void {
  const layer = o.layer ?? DWELLINGS_LAYER;
  const maxWidth = o.extend ? '760px' : '340px';
  let clicks = 0;
  map.on('mouseenter', layer, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', layer, () => {
    map.getCanvas().style.cursor = '';
  });

  const open = (at: [number, number], entry: PickerEntry, back: (() => void) | null): void => {
    const click = ++clicks;
    const extra = o.extend ? o.extend(entry.props).catch(() => null) : Promise.resolve(null);
    void Promise.all([buurtNames.catch(() => new Map<string, string>()), extra]).then(([names, more]) => {
      if (click !== clicks) return;
      const content = popupElement(dwellingPopup(entry.props, names));
      content.dataset.vboId = entry.vboId;
      if (back) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'picker-back';
        b.textContent = '← andere woningen op dit punt';
        b.addEventListener('click', back);
        content.prepend(b);
      }
      if (more) content.append(more);
      showMapPopup(map, at, content, maxWidth);
    });
  };

  map.on('click', layer, (e) => {
    // A layer drawn over the dwellings that answers the click itself (VvE, acquisition) gets it alone: one popup.
    if (clickClaimed(map, e.point)) return;
    const entries = pickerEntries((e.features ?? []).map((f) => f.properties as Record<string, unknown>));
    const f = e.features?.[0];
    if (!f || entries.length === 0) return;
    const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : e.lngLat.toArray();
    if (entries.length === 1) {
      open(at, entries[0]!, null);
      return;
    }
    const pick = (): void => {
      ++clicks;
      showMapPopup(
        map,
        at,
        pickerElement(entries, (entry) => open(at, entry, pick)),
        maxWidth,
      );
    };
    pick();
  });
}
