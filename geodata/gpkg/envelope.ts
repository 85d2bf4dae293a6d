import type { Geometry, Position } from 'geojson';

/** A 2D bounding box in GeoPackage header order: [minx, maxx, miny, maxy], in the geometry's SRS units. */
export type XyEnvelope = [minX: number, maxX: number, minY: number, maxY: number];

/** Bounding box of a geometry's positions, or null when it has none (an empty geometry). */
export function geometryEnvelope(g: Geometry): XyEnvelope | null {
  const env: XyEnvelope = [Infinity, -Infinity, Infinity, -Infinity];
  forEachPosition(g, ([x, y]) => {
    // An empty Point member is [] and NaN ordinates mean "empty" in GeoPackage; neither widens the box.
    if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) return;
    if (x < env[0]) env[0] = x;
    if (x > env[1]) env[1] = x;
    if (y < env[2]) env[2] = y;
    if (y > env[3]) env[3] = y;
  });
  return env[0] <= env[1] ? env : null;
}

/** Whether two envelopes overlap or touch. */
export function envelopesIntersect(a: XyEnvelope, b: XyEnvelope): boolean {
  return a[0] <= b[1] && b[0] <= a[1] && a[2] <= b[3] && b[2] <= a[3];
}

function forEachPosition(g: Geometry, visit: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      visit(g.coordinates);
      return;
    case 'LineString':
    case 'MultiPoint':
      g.coordinates.forEach(visit);
      return;
    case 'Polygon':
    case 'MultiLineString':
      for (const line of g.coordinates) line.forEach(visit);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const ring of poly) ring.forEach(visit);
      return;
    case 'GeometryCollection':
      for (const member of g.geometries) forEachPosition(member, visit);
  }
}
