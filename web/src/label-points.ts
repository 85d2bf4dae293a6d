import type { Feature, FeatureCollection, Point } from 'geojson';
import type { BuurtGeometry, Buurten } from './api.ts';

type Ring = number[][];

/** Signed area of a ring in squared degrees (shoelace). */
function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return a / 2;
}

function centroid(ring: Ring): [number, number] {
  let cx = 0,
    cy = 0;
  const a = ringArea(ring);
  if (a === 0) return [ring[0]![0]!, ring[0]![1]!];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
    cx += (ring[j]![0]! + ring[i]![0]!) * f;
    cy += (ring[j]![1]! + ring[i]![1]!) * f;
  }
  return [cx / (6 * a), cy / (6 * a)];
}

/** Midpoint of the widest stretch of a horizontal line at latitude y inside the ring, or null. */
function widestMidpoint(ring: Ring, y: number): [number, number] | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1, y1] = ring[j]! as [number, number];
    const [x2, y2] = ring[i]! as [number, number];
    if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (xs[k + 1]! - xs[k]! > width) {
      width = xs[k + 1]! - xs[k]!;
      best = [(xs[k]! + xs[k + 1]!) / 2, y];
    }
  }
  return best;
}

/**
 * A point to hang a polygon's label on: the centroid of its largest outer ring, moved onto
 * the widest horizontal stretch through it when the centroid falls outside (concave shapes).
 */
export function labelPoint(geometry: BuurtGeometry): [number, number] {
  const outers: Ring[] =
    geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((p) => p[0]!);
  const ring = outers.reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
  const c = centroid(ring);
  const inside = widestMidpoint(ring, c[1]);
  if (!inside) return c;
  // The centroid is inside when it lies between an odd number of crossings to its left.
  const crossingsLeft = ring.reduce((n, p, i) => {
    const q = ring[(i + ring.length - 1) % ring.length]!;
    if (p[1]! > c[1] === q[1]! > c[1]) return n;
    const x = q[0]! + ((c[1] - q[1]!) * (p[0]! - q[0]!)) / (p[1]! - q[1]!);
    return x < c[0] ? n + 1 : n;
  }, 0);
  return crossingsLeft % 2 === 1 ? c : inside;
}

/** One labelled point per buurt, carrying buurtnaam, buurtcode and programmeArea ('' if none). */
export function buurtLabelPoints(buurten: Buurten): FeatureCollection<Point> {
  const features: Feature<Point>[] = buurten.features.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
    properties: {
      buurtcode: f.properties.buurtcode,
      buurtnaam: f.properties.buurtnaam,
      programmeArea: f.properties.programmeArea ?? '',
    },
  }));
  return { type: 'FeatureCollection', features };
}
