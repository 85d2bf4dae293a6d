/**
 * Plane geometry of building footprints in RD New metres: area, length of the long side, shared walls
 * between two footprints and the outward direction of façades. Outer rings only; holes do not carry walls
 * between panden.
 */
export type Xy = readonly [number, number];
export type Ring = readonly Xy[];

/** Signed area (m²): positive when the ring runs counter-clockwise (x east, y north). */
export function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a / 2;
}

/** Length (m) of the long side of the smallest-area rectangle aligned with one of the ring's edges. */
export function longSide(ring: Ring): number {
  let best = { area: Infinity, long: 0 };
  for (let i = 0; i + 1 < ring.length; i++) {
    const dx = ring[i + 1]![0] - ring[i]![0];
    const dy = ring[i + 1]![1] - ring[i]![1];
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) continue;
    const [ux, uy] = [dx / len, dy / len];
    let [minU, maxU, minV, maxV] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [x, y] of ring) {
      const u = x * ux + y * uy;
      const v = -x * uy + y * ux;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < best.area) best = { area, long: Math.max(maxU - minU, maxV - minV) };
  }
  return best.long;
}

/** Walls closer than this (m) and more parallel than ~5° count as one shared wall. */
export const WALL_TOLERANCE_M = 0.3;
const PARALLEL_SIN = Math.sin((5 * Math.PI) / 180);

/** Length (m) along which edge (a0,a1) and edge (b0,b1) lie on top of each other. */
function edgeOverlap(a0: Xy, a1: Xy, b0: Xy, b1: Xy): number {
  const dx = a1[0] - a0[0];
  const dy = a1[1] - a0[1];
  const la = Math.hypot(dx, dy);
  const lb = Math.hypot(b1[0] - b0[0], b1[1] - b0[1]);
  if (la < 0.5 || lb < 0.5) return 0;
  const [ux, uy] = [dx / la, dy / la];
  const cross = (ux * (b1[1] - b0[1]) - uy * (b1[0] - b0[0])) / lb;
  if (Math.abs(cross) > PARALLEL_SIN) return 0;
  if (Math.abs(-(b0[0] - a0[0]) * uy + (b0[1] - a0[1]) * ux) > WALL_TOLERANCE_M) return 0;
  if (Math.abs(-(b1[0] - a0[0]) * uy + (b1[1] - a0[1]) * ux) > WALL_TOLERANCE_M) return 0;
  const t0 = (b0[0] - a0[0]) * ux + (b0[1] - a0[1]) * uy;
  const t1 = (b1[0] - a0[0]) * ux + (b1[1] - a0[1]) * uy;
  return Math.max(0, Math.min(la, Math.max(t0, t1)) - Math.max(0, Math.min(t0, t1)));
}

/** [minX, minY, maxX, maxY] of a ring. */
export function ringBox(ring: Ring): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

/** Total length (m) of wall that two footprints share. */
export function sharedWallLength(a: Ring, b: Ring): number {
  const [ax0, ay0, ax1, ay1] = ringBox(a);
  const [bx0, by0, bx1, by1] = ringBox(b);
  const t = WALL_TOLERANCE_M;
  if (ax0 > bx1 + t || bx0 > ax1 + t || ay0 > by1 + t || by0 > ay1 + t) return 0;
  let total = 0;
  for (let i = 0; i + 1 < a.length; i++) {
    for (let j = 0; j + 1 < b.length; j++) total += edgeOverlap(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!);
  }
  return total;
}

/**
 * Compass direction (degrees clockwise from north) of the façade: the outward normal of the longest wall not
 * shared with a neighbour, preferring the southern one when two are equally long (front and back of a terraced house).
 */
export function facadeAzimuth(ring: Ring, neighbours: readonly Ring[]): number {
  const ccw = signedArea(ring) > 0;
  let best = { len: -1, az: 180 };
  for (let i = 0; i + 1 < ring.length; i++) {
    const a0 = ring[i]!;
    const a1 = ring[i + 1]!;
    let shared = 0;
    for (const n of neighbours) for (let j = 0; j + 1 < n.length; j++) shared += edgeOverlap(a0, a1, n[j]!, n[j + 1]!);
    const free = Math.hypot(a1[0] - a0[0], a1[1] - a0[1]) - shared;
    if (free < 0.5) continue;
    const [dx, dy] = [a1[0] - a0[0], a1[1] - a0[1]];
    const [nx, ny] = ccw ? [dy, -dx] : [-dy, dx];
    const az = ((Math.round((Math.atan2(nx, ny) * 180) / Math.PI) % 360) + 360) % 360;
    const better =
      free > best.len + 0.1 || (Math.abs(free - best.len) <= 0.1 && Math.abs(az - 180) < Math.abs(best.az - 180));
    if (better) best = { len: free, az };
  }
  return best.az;
}
