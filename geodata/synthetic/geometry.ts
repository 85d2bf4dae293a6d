/**
 * Small planar geometry for the synthetic layout: a local metric frame (equirectangular around the
 * buurt, rotated to the street grid) and clearance tests of axis-aligned rectangles against rings.
 * Distances in metres; accurate to well under a metre over a buurt of ~1 km.
 */

/** Mean Earth radius in metres (IUGG). */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;
/** Output coordinates are rounded to 1e-7 degree (~1 cm) so JSON stays compact and stable. */
const COORD_DECIMALS = 1e7;

export type XY = readonly [number, number];
export type Ring = readonly XY[];

/** Axis-aligned rectangle in frame coordinates (u along the streets, v across), metres. */
export interface Rect {
  u0: number;
  v0: number;
  u1: number;
  v1: number;
}

/** A frame centred on (lon0, lat0) whose u axis points `angleRad` anticlockwise from east. */
export interface Frame {
  toFrame(lonLat: XY): [number, number];
  toLonLat(uv: XY): [number, number];
  /** Compass bearing (degrees clockwise from north, [0, 360)) of a direction given in frame coordinates. */
  azimuthOf(du: number, dv: number): number;
}

export function makeFrame(lon0: number, lat0: number, angleRad: number): Frame {
  const kx = EARTH_RADIUS_M * DEG * Math.cos(lat0 * DEG);
  const ky = EARTH_RADIUS_M * DEG;
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  const round = (x: number): number => Math.round(x * COORD_DECIMALS) / COORD_DECIMALS;
  return {
    toFrame([lon, lat]) {
      const x = (lon - lon0) * kx;
      const y = (lat - lat0) * ky;
      return [x * c + y * s, -x * s + y * c];
    },
    toLonLat([u, v]) {
      const x = u * c - v * s;
      const y = u * s + v * c;
      return [round(lon0 + x / kx), round(lat0 + y / ky)];
    },
    azimuthOf(du, dv) {
      const east = du * c - dv * s;
      const north = du * s + dv * c;
      const deg = Math.round((Math.atan2(east, north) / DEG) * 10) / 10;
      const norm = ((deg % 360) + 360) % 360;
      return norm >= 360 ? 0 : norm;
    },
  };
}

/** Even–odd point-in-polygon over all rings (outer rings and holes alike). */
export function pointInRings([px, py]: XY, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function pointRectDistance([px, py]: XY, r: Rect): number {
  const dx = Math.max(r.u0 - px, 0, px - r.u1);
  const dy = Math.max(r.v0 - py, 0, py - r.v1);
  return Math.hypot(dx, dy);
}

function pointSegmentDistance([px, py]: XY, [ax, ay]: XY, [bx, by]: XY): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Liang–Barsky: does segment a–b touch the rectangle? */
function segmentHitsRect([ax, ay]: XY, [bx, by]: XY, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const edges: [number, number][] = [
    [-dx, ax - r.u0],
    [dx, r.u1 - ax],
    [-dy, ay - r.v0],
    [dy, r.v1 - ay],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Smallest distance from the rectangle to any ring edge (0 when an edge touches or crosses it). */
export function rectClearance(r: Rect, rings: readonly Ring[]): number {
  const corners: XY[] = [
    [r.u0, r.v0],
    [r.u1, r.v0],
    [r.u1, r.v1],
    [r.u0, r.v1],
  ];
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      if (segmentHitsRect(a, b, r)) return 0;
      best = Math.min(best, pointRectDistance(a, r), pointRectDistance(b, r));
      for (const c of corners) best = Math.min(best, pointSegmentDistance(c, a, b));
    }
  }
  return best;
}

/** True when the whole rectangle lies inside the rings with at least `insetM` to every edge. */
export function rectFitsInside(r: Rect, rings: readonly Ring[], insetM: number): boolean {
  return pointInRings([(r.u0 + r.u1) / 2, (r.v0 + r.v1) / 2], rings) && rectClearance(r, rings) >= insetM;
}

/** Closed GeoJSON ring (anticlockwise in frame = anticlockwise on the map) of a rectangle. */
export function rectToLonLatRing(r: Rect, frame: Frame): [number, number][] {
  const ring = [
    frame.toLonLat([r.u0, r.v0]),
    frame.toLonLat([r.u1, r.v0]),
    frame.toLonLat([r.u1, r.v1]),
    frame.toLonLat([r.u0, r.v1]),
  ];
  return [...ring, ring[0]!];
}

/** Direction (radians from east) of the longest edge of a ring in a metric frame; the grid follows it. */
export function longestEdgeAngle(ring: Ring): number {
  let best = -1;
  let angle = 0;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i]![0] - ring[i - 1]![0];
    const dy = ring[i]![1] - ring[i - 1]![1];
    const len = Math.hypot(dx, dy);
    if (len > best) {
      best = len;
      angle = Math.atan2(dy, dx);
    }
  }
  // Fold into (-90°, 90°] so the "front" sides of the grid keep a consistent meaning.
  if (angle > Math.PI / 2) angle -= Math.PI;
  if (angle <= -Math.PI / 2) angle += Math.PI;
  return angle;
}
