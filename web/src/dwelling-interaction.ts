import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import { DWELLINGS_LAYER } from './map-style.ts';
import { dwellingPopup, popupElement } from './popup.ts';

/** Pointer cursor over dwellings; a click opens the Dutch popup with the dwelling's data. */
export function installDwellingPopup(map: MapLibreMap, buurtNames: Promise<ReadonlyMap<string, string>>): void {
  const popup = new Popup({ closeButton: true, maxWidth: '340px', className: 'dwelling-popup-container' });
  map.on('mouseenter', DWELLINGS_LAYER, () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', DWELLINGS_LAYER, () => { map.getCanvas().style.cursor = ''; });
  map.on('click', DWELLINGS_LAYER, (e) => {
    const f = e.features?.[0];
    if (!f) return;
    const at = f.geometry.type === 'Point' ? (f.geometry.coordinates as [number, number]) : e.lngLat;
    const props = f.properties as Record<string, unknown>;
    void buurtNames.catch(() => new Map<string, string>()).then((names) => {
      popup.setLngLat(at).setDOMContent(popupElement(dwellingPopup(props, names))).addTo(map);
    });
  });
}
