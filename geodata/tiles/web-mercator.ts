import type { FeatureCollection } from 'geojson';
import { geometryEnvelope } from '../gpkg/envelope.ts';

/** [west, south, east, north] in degrees. */
export type LonLatBounds = [number, number, number, number];

// Web mercator stops at ±85.0511° so that the world is square.
const MAX_LATITUDE = 85.0511287798066;

/** x of a longitude on the unit square that tile 0/0/0 covers (0 at 180°W, 1 at 180°E). */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** y of a latitude on the unit square that tile 0/0/0 covers (0 at the north edge, 1 at the south edge). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

/** The inclusive tile column and row range [x0, y0, x1, y1] that covers the bounds at zoom z. */
export function tileRange([west, south, east, north]: LonLatBounds, z: number): [number, number, number, number] {
  const n = 2 ** z;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  return [clamp(mercatorX(west)), clamp(mercatorY(north)), clamp(mercatorX(east)), clamp(mercatorY(south))];
}

/** Bounds of all feature geometries in a collection, or null when none has a position. */
export function featureCollectionBounds(fc: FeatureCollection): LonLatBounds | null {
  let bounds: LonLatBounds | null = null;
  for (const f of fc.features) {
    const env = f.geometry ? geometryEnvelope(f.geometry) : null;
    if (env === null) continue;
    bounds = unionBounds(bounds, [env[0], env[2], env[1], env[3]]);
  }
  return bounds;
}

/** The smallest bounds containing both; null counts as nothing. */
export function unionBounds(a: LonLatBounds | null, b: LonLatBounds | null): LonLatBounds | null {
  if (a === null) return b;
  if (b === null) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
