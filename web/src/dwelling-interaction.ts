import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { clickClaimed } from './map-click-claims.ts';
import { DWELLINGS_LAYER } from './map-style.ts';
import { dwellingPopup, popupElement } from './popup.ts';

export interface DwellingPopupOptions {
  /** Layer whose dwellings open the popup; the base dwellings layer by default. */
  layer?: string;
  /** More content under the dwelling's rows, e.g. the retrofit measures (web/src/retrofit). */
  extend?: (props: Record<string, unknown>) => Promise<Node | null>;
}

/** Pointer cursor over dwellings; a click opens the Dutch popup with the dwelling's data. */
export function installDwellingPopup(
  map: MapLibreMap,
  buurtNames: Promise<ReadonlyMap<string, string>>,
  o: DwellingPopupOptions = {},
): void {
  const layer = o.layer ?? DWELLINGS_LAYER;
  const popup = new Popup({
    closeButton: true,
    maxWidth: o.extend ? '760px' : '340px',
    className: 'dwelling-popup-container',
  });
  let clicks = 0;
  map.on('mouseenter', layer, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', layer, () => {
    map.getCanvas().style.cursor = '';
  });
  map.on('click', layer, (e) => {
    // A layer drawn over the dwellings that answers the click itself (the VvE points) gets it alone: one popup.
    if (clickClaimed(map, e.point)) return;
    const f = e.features?.[0];
    if (!f) return;
    const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : e.lngLat;
    const props = f.properties as Record<string, unknown>;
    const click = ++clicks;
    const extra = o.extend ? o.extend(props).catch(() => null) : Promise.resolve(null);
    void Promise.all([buurtNames.catch(() => new Map<string, string>()), extra]).then(([names, more]) => {
      if (click !== clicks) return;
      const content = popupElement(dwellingPopup(props, names));
      if (more) content.append(more);
      popup.setLngLat(at).setDOMContent(content).addTo(map);
    });
  });
}
