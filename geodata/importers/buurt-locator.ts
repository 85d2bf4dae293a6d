import { booleanPointInPolygon } from '@turf/turf';
import type { Buurt } from '../../engine/dwelling.ts';

type Box = [minLon: number, minLat: number, maxLon: number, maxLat: number];

function boxOf(b: Buurt): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates;
  for (const poly of rings) {
    for (const [lon, lat] of poly[0] ?? []) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

/**
 * Assigns a WGS84 point to the buurt whose polygon contains it (bounding boxes first, then point-in-polygon).
 * Buurten are tried in code order, so a point on a shared boundary always lands in the same one.
 */
export class BuurtLocator {
  private readonly entries: { code: string; box: Box; buurt: Buurt }[];

  constructor(buurten: readonly Buurt[]) {
    this.entries = [...buurten]
      .sort((a, b) => a.buurtcode.localeCompare(b.buurtcode))
      .map((buurt) => ({ code: buurt.buurtcode, box: boxOf(buurt), buurt }));
  }

  locate(lon: number, lat: number): string | null {
    for (const e of this.entries) {
      const [x0, y0, x1, y1] = e.box;
      if (lon < x0 || lon > x1 || lat < y0 || lat > y1) continue;
      if (booleanPointInPolygon([lon, lat], e.buurt.geometry)) return e.code;
    }
    return null;
  }

  /** WGS84 bounding box of all buurten, [minLon, minLat, maxLon, maxLat]. */
  bbox(): Box | null {
    if (this.entries.length === 0) return null;
    return this.entries.reduce<Box>(
      (acc, e) => [
        Math.min(acc[0], e.box[0]),
        Math.min(acc[1], e.box[1]),
        Math.max(acc[2], e.box[2]),
        Math.max(acc[3], e.box[3]),
      ],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
  }
}
