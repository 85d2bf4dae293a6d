import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';

/**
 * Layers drawn over the dwellings that answer a click themselves (e.g. the VvE points and outlines, which open
 * the VvE detail panel). MapLibre hands one click to every layer listener under the pointer, so without this
 * a click on a VvE point would also open the dwelling popup underneath. The dwelling popup asks first.
 */
const claims = new WeakMap<MapLibreMap, Set<string>>();

/** Clicks on these layers are theirs alone: the dwelling popup stays closed. */
export function claimClicks(map: MapLibreMap, layers: readonly string[]): void {
  const set = claims.get(map) ?? new Set<string>();
  for (const l of layers) set.add(l);
  claims.set(map, set);
}

/** True when a rendered feature of a claiming layer lies under the point (hidden layers render nothing). */
export function clickClaimed(map: MapLibreMap, point: PointLike): boolean {
  const layers = [...(claims.get(map) ?? [])].filter((l) => map.getLayer(l) !== undefined);
  return layers.length > 0 && map.queryRenderedFeatures(point, { layers }).length > 0;
}
