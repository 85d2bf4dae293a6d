/**
 * One popup per map, shared by every layer that opens one (dwellings, acquisition candidates), so a click can
 * never leave two popups open. Escape closes it; zooming out well past where it was opened closes it too (it
 * would otherwise point at a dot among hundreds); panning keeps it anchored to its place.
 */
import { Popup, type LngLatLike, type Map as MapLibreMap } from 'maplibre-gl';

/** Zoom levels out from where the popup opened after which it closes. */
export const CLOSE_ON_ZOOM_OUT = 1.5;

interface Shared {
  popup: Popup;
  openedAt: number;
}
const shared = new WeakMap<MapLibreMap, Shared>();

function sharedPopup(map: MapLibreMap): Shared {
  let s = shared.get(map);
  if (s) return s;
  const created: Shared = {
    popup: new Popup({ closeButton: true, maxWidth: '760px', className: 'dwelling-popup-container' }),
    openedAt: map.getZoom(),
  };
  s = created;
  shared.set(map, s);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && created.popup.isOpen()) created.popup.remove();
  });
  map.on('zoomend', () => {
    if (created.popup.isOpen() && map.getZoom() < created.openedAt - CLOSE_ON_ZOOM_OUT) created.popup.remove();
  });
  return s;
}

/** Opens (or moves) the map's one popup at `at` with `content`; whatever it showed before is replaced. */
export function showMapPopup(map: MapLibreMap, at: LngLatLike, content: Node, maxWidth = '340px'): Popup {
  const s = sharedPopup(map);
  s.openedAt = map.getZoom();
  return s.popup.setMaxWidth(maxWidth).setLngLat(at).setDOMContent(content).addTo(map);
}

/** Closes the map's popup if one is open. */
export function closeMapPopup(map: MapLibreMap): void {
  shared.get(map)?.popup.remove();
}
