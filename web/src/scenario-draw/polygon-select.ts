/**
 * Blocks inside a polygon drawn on the map: a block is in when the centre of its outline (mean of its corners) lies
 * inside the polygon (even-odd rule). Pure, so the browser code only collects the clicks.
 */
export type Lonlat = readonly [number, number];

export function pointInPolygon(p: Lonlat, ring: readonly Lonlat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

interface BlockShape {
  id: string;
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The centre of a block's outline: mean of the outer rings' corners. */
export function blockCentre(b: BlockShape): Lonlat {
  const rings = b.geometry.type === 'Polygon' ? [b.geometry.coordinates[0]!] : b.geometry.coordinates.map((p) => p[0]!);
  let x = 0,
    y = 0,
    n = 0;
  for (const ring of rings)
    for (const c of ring.slice(0, -1)) {
      x += c[0]!;
      y += c[1]!;
      n++;
    }
  return [x / n, y / n];
}

/** Ids of the blocks whose centre lies inside `ring` (at least three corners). */
export function blocksInPolygon(blocks: readonly BlockShape[], ring: readonly Lonlat[]): string[] {
  if (ring.length < 3) return [];
  return blocks.filter((b) => pointInPolygon(blockCentre(b), ring)).map((b) => b.id);
}
