import type { Buurten } from './api.ts';

/** Roosendaal, between Kalsdonk and Westrand (lon, lat). */
export const ROOSENDAAL_CENTER: [number, number] = [4.455, 51.537];

/** Programme areas whose dwellings the product models (Nationaal Programma Roosendaal, docs/domain.md §1). */
export const FOCUS_AREAS = ['Kalsdonk', 'Westrand'] as const;

/** Bounding box [[west, south], [east, north]] of the Kalsdonk and Westrand buurten (all buurten if none is marked). */
export function focusBounds(buurten: Buurten): [[number, number], [number, number]] | null {
  const marked = buurten.features.filter((f) =>
    (FOCUS_AREAS as readonly string[]).includes(f.properties.programmeArea ?? ''),
  );
  return focusBoundsOf(marked.length > 0 ? marked : buurten.features);
}

/** Bounding box [[west, south], [east, north]] of buurt features (their outer rings); null when empty. */
export function focusBoundsOf(
  features: readonly Buurten['features'][number][],
): [[number, number], [number, number]] | null {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const [x, y] of poly[0] ?? []) {
        if (x === undefined || y === undefined) continue;
        w = Math.min(w, x);
        e = Math.max(e, x);
        s = Math.min(s, y);
        n = Math.max(n, y);
      }
    }
  }
  return Number.isFinite(w)
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}
