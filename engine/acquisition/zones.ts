import type { ZoneGeometry, ZoneSpec } from './params.ts';

/**
 * Which target zone a dwelling lies in. Zones of whole buurten match on the dwelling's CBS buurt code (the
 * generalised boundaries are not precise enough to place addresses near a boundary, docs/domain.md §1); zones with
 * a polygon match by point-in-polygon. The zone with the lowest priority number wins.
 */
export interface ResolvedZone {
  id: string;
  name: string;
  priority: number;
  buurten: ReadonlySet<string>;
  polygons: Polygon[];
}

type Ring = readonly (readonly number[])[];
interface Polygon {
  rings: Ring[];
  bbox: [number, number, number, number];
}

function polygonsOf(g: ZoneGeometry | undefined): Polygon[] {
  if (!g) return [];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => {
    let w = Infinity,
      s = Infinity,
      e = -Infinity,
      n = -Infinity;
    for (const [x, y] of rings[0] ?? []) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
    return { rings, bbox: [w, s, e, n] };
  });
}

export function resolveZones(specs: readonly ZoneSpec[]): ResolvedZone[] {
  return [...specs]
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
    .map((z) => ({
      id: z.id,
      name: z.name,
      priority: z.priority,
      buurten: new Set(z.buurten ?? []),
      polygons: polygonsOf(z.geometry),
    }));
}

/** Even-odd ray casting on one ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!,
      yi = ring[i]![1]!,
      xj = ring[j]![0]!,
      yj = ring[j]![1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Point in a polygon with holes (first ring outer, others holes). */
export function pointInPolygon(x: number, y: number, p: Polygon): boolean {
  const [w, s, e, n] = p.bbox;
  if (x < w || x > e || y < s || y > n) return false;
  if (!inRing(x, y, p.rings[0] ?? [])) return false;
  for (let i = 1; i < p.rings.length; i++) if (inRing(x, y, p.rings[i]!)) return false;
  return true;
}

/** The first (highest-priority) zone containing the dwelling, or null. */
export function zoneOf(
  zones: readonly ResolvedZone[],
  buurtcode: string,
  location: readonly [number, number],
): ResolvedZone | null {
  for (const z of zones) {
    if (z.buurten.has(buurtcode)) return z;
    if (z.polygons.some((p) => pointInPolygon(location[0], location[1], p))) return z;
  }
  return null;
}
