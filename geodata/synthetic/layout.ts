/**
 * Street grid inside a buurt polygon: a rotated grid of blocks separated by streets; each block is two
 * back-to-back strips (S faces the street below, N the street above). Only strips that lie wholly inside
 * the polygon, `insetM` clear of its (generalised, ~100 m) boundary, are kept. Some blocks become squares.
 */
import type { Buurt } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';
import { longestEdgeAngle, makeFrame, rectFitsInside, type Frame, type Rect, type Ring, type XY } from './geometry.ts';

export interface LayoutParams {
  /** Block length along the street, m. */
  blockLengthM: number;
  /** Depth of one strip (front garden, building, back garden), m; a block is two strips deep. */
  stripDepthM: number;
  /** Street width between blocks, m (brief: ~12–15 m). */
  streetWidthM: number;
  /** Minimum distance from any strip to the buurt boundary, m. */
  insetM: number;
  /** Random rotation added to the polygon's main axis, ± degrees. */
  angleJitterDeg: number;
}

/** Assumption: 100 m blocks of 2 × 24 m strips (post-war "stempel" scale), 14 m streets, 8 m inset. */
export const LAYOUT: LayoutParams = {
  blockLengthM: 100,
  stripDepthM: 24,
  streetWidthM: 14,
  insetM: 8,
  angleJitterDeg: 6,
};

/** Strip lengths tried near the boundary, as shares of the block length (assumption: shortened blocks at edges). */
const SHORT_STRIP_SHARES = [1, 0.75, 0.5] as const;

export interface Strip {
  /** Stable key "row:col:side", used to fork the strip's random stream. */
  key: string;
  row: number;
  col: number;
  side: 'N' | 'S';
  rect: Rect;
  /** Index of the street the strip fronts onto (street k runs between block rows k-1 and k). */
  streetLine: number;
  facesSquare: boolean;
}

export interface BuurtLayout {
  frame: Frame;
  /** Buurt rings in frame coordinates. */
  rings: Ring[];
  strips: Strip[];
  squares: Rect[];
}

function polygonsOf(geometry: Buurt['geometry']): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Frame point (u, v) of a strip-local point: s along the street from the strip start, d back from the front line. */
export function stripPoint(strip: Strip, s: number, d: number): XY {
  return [strip.rect.u0 + s, strip.side === 'N' ? strip.rect.v1 - d : strip.rect.v0 + d];
}

/** Frame rectangle of a strip-local box. */
export function stripRect(strip: Strip, s0: number, s1: number, d0: number, d1: number): Rect {
  const [, va] = stripPoint(strip, s0, d0);
  const [, vb] = stripPoint(strip, s1, d1);
  return { u0: strip.rect.u0 + s0, u1: strip.rect.u0 + s1, v0: Math.min(va, vb), v1: Math.max(va, vb) };
}

/** The full strip if it fits, else the longest shortened strip (3/4, 1/2) anchored at either block end. */
function fittingRect(u0: number, v0: number, rings: readonly Ring[], p: LayoutParams): Rect | null {
  const v1 = v0 + p.stripDepthM;
  for (const share of SHORT_STRIP_SHARES) {
    const len = p.blockLengthM * share;
    const left = { u0, u1: u0 + len, v0, v1 };
    if (rectFitsInside(left, rings, p.insetM)) return left;
    const right = { u0: u0 + p.blockLengthM - len, u1: u0 + p.blockLengthM, v0, v1 };
    if (share < 1 && rectFitsInside(right, rings, p.insetM)) return right;
  }
  return null;
}

export function layoutBuurt(
  geometry: Buurt['geometry'],
  squareShare: number,
  rng: Rng,
  p: LayoutParams = LAYOUT,
): BuurtLayout {
  const polys = polygonsOf(geometry);
  const all = polys.flat(2);
  const lons = all.map((c) => c[0]!);
  const lats = all.map((c) => c[1]!);
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const flat = makeFrame(lon0, lat0, 0);
  const largest = polys.reduce((a, b) => (b[0]!.length > a[0]!.length ? b : a));
  const axis = longestEdgeAngle(largest[0]!.map((c) => flat.toFrame([c[0]!, c[1]!])));
  const jitter = ((rng.next() * 2 - 1) * p.angleJitterDeg * Math.PI) / 180;
  const frame = makeFrame(lon0, lat0, axis + jitter);
  const rings: Ring[] = polys.flat().map((ring) => ring.map((c) => frame.toFrame([c[0]!, c[1]!])));

  const pitchU = p.blockLengthM + p.streetWidthM;
  const pitchV = 2 * p.stripDepthM + p.streetWidthM;
  const offU = rng.next() * pitchU;
  const offV = rng.next() * pitchV;
  const us = rings.flat().map((c) => c[0]);
  const vs = rings.flat().map((c) => c[1]);
  const colMin = Math.floor((Math.min(...us) - offU) / pitchU) - 1;
  const colMax = Math.ceil((Math.max(...us) - offU) / pitchU);
  const rowMin = Math.floor((Math.min(...vs) - offV) / pitchV) - 1;
  const rowMax = Math.ceil((Math.max(...vs) - offV) / pitchV);

  const fits = new Map<string, Strip>();
  for (let row = rowMin; row <= rowMax; row++) {
    for (let col = colMin; col <= colMax; col++) {
      const u0 = offU + col * pitchU + p.streetWidthM / 2;
      const vb = offV + row * pitchV + p.streetWidthM / 2;
      for (const side of ['S', 'N'] as const) {
        const v0 = side === 'S' ? vb : vb + p.stripDepthM;
        const rect = fittingRect(u0, v0, rings, p);
        if (!rect) continue;
        const key = `${row}:${col}:${side}`;
        fits.set(key, { key, row, col, side, rect, streetLine: side === 'S' ? row : row + 1, facesSquare: false });
      }
    }
  }

  // Squares: whole blocks left open, never next to another square; the strips across the street face them.
  const squareCells = new Set<string>();
  const squares: Rect[] = [];
  for (let row = rowMin; row <= rowMax; row++) {
    for (let col = colMin; col <= colMax; col++) {
      const s = fits.get(`${row}:${col}:S`);
      const n = fits.get(`${row}:${col}:N`);
      if (!s || !n || !rng.chance(squareShare)) continue;
      let crowded = false;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) if (squareCells.has(`${row + dr}:${col + dc}`)) crowded = true;
      if (crowded) continue;
      squareCells.add(`${row}:${col}`);
      squares.push({ u0: s.rect.u0, v0: s.rect.v0, u1: n.rect.u1, v1: n.rect.v1 });
      fits.delete(s.key);
      fits.delete(n.key);
      const below = fits.get(`${row - 1}:${col}:N`);
      const above = fits.get(`${row + 1}:${col}:S`);
      if (below) below.facesSquare = true;
      if (above) above.facesSquare = true;
    }
  }
  return { frame, rings, strips: [...fits.values()], squares };
}
