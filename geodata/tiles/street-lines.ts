/**
 * Street centre lines for the basemap, derived from the addressed dwellings: the dwellings of one street in one
 * buurt face it from both sides, so the principal axis of their positions runs along the street's middle. The
 * synthetic generator lays each named street stretch out straight along one grid line (geodata/synthetic/
 * layout.ts, addresses.ts), which this recovers; for imported registers a street that bends or splits is
 * skipped rather than drawn through back gardens (the spread check below).
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { Dwelling } from '../../engine/dwelling.ts';

/** Metres per degree of latitude (WGS84 mean). */
const M_PER_DEG = 111_320;
/** A street is drawn only when its dwellings lie within this distance of the fitted line, m (assumption: about
 * one garden-plus-building depth either side). */
export const MAX_SPREAD_M = 40;
/** Largest gap between neighbouring houses along a street, m; a larger one means two streets of one name (a
 * generator street stretch is 2–4 blocks of 100 m with 14 m streets, so a missing block leaves about 114 m). */
export const MAX_GAP_M = 130;
/** Length added at both ends so a street reaches the crossing beyond its last house, m (half the generator's
 * 14 m street width, geodata/synthetic/layout.ts LAYOUT). */
export const END_EXTENSION_M = 7;

export interface StreetLineProps {
  name: string;
  buurtcode: string;
  addresses: number;
}

/**
 * One line per street name and buurt with at least two addressed dwellings lying along a straight line; sorted
 * by buurt and name so the output is deterministic.
 */
export function streetLines(dwellings: readonly Dwelling[]): FeatureCollection<LineString, StreetLineProps> {
  const groups = new Map<string, { name: string; buurtcode: string; pts: [number, number][] }>();
  for (const d of dwellings) {
    const key = `${d.buurtcode}\u0000${d.address.street}`;
    const g = groups.get(key) ?? { name: d.address.street, buurtcode: d.buurtcode, pts: [] };
    g.pts.push(d.location);
    groups.set(key, g);
  }
  const features: Feature<LineString, StreetLineProps>[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const line = fitLine(g.pts);
    if (line)
      features.push({
        type: 'Feature',
        properties: { name: g.name, buurtcode: g.buurtcode, addresses: g.pts.length },
        geometry: { type: 'LineString', coordinates: line },
      });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The segment along the principal axis of the points (local metres around their mean), from the lowest to the
 * highest projection plus END_EXTENSION_M; null for fewer than two distinct points, a spread over MAX_SPREAD_M or a gap over MAX_GAP_M.
 */
export function fitLine(pts: readonly [number, number][]): [number, number][] | null {
  if (pts.length < 2) return null;
  const lon0 = pts.reduce((a, p) => a + p[0], 0) / pts.length;
  const lat0 = pts.reduce((a, p) => a + p[1], 0) / pts.length;
  const kx = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const xy = pts.map(([lon, lat]) => [(lon - lon0) * kx, (lat - lat0) * M_PER_DEG] as const);
  let sxx = 0,
    syy = 0,
    sxy = 0;
  for (const [x, y] of xy) {
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  if (sxx + syy === 0) return null;
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const [ux, uy] = [Math.cos(angle), Math.sin(angle)];
  let spread = 0;
  const ts = xy.map(([x, y]) => {
    spread = Math.max(spread, Math.abs(-x * uy + y * ux));
    return x * ux + y * uy;
  });
  ts.sort((a, b) => a - b);
  const lo = ts[0]!;
  const hi = ts[ts.length - 1]!;
  if (spread > MAX_SPREAD_M || hi - lo < 1) return null;
  for (let i = 1; i < ts.length; i++) if (ts[i]! - ts[i - 1]! > MAX_GAP_M) return null;
  const at = (t: number): [number, number] => [
    Math.round((lon0 + (t * ux) / kx) * 1e7) / 1e7,
    Math.round((lat0 + (t * uy) / M_PER_DEG) * 1e7) / 1e7,
  ];
  return [at(lo - END_EXTENSION_M), at(hi + END_EXTENSION_M)];
}
