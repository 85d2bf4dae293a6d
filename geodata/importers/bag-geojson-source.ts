import type { Geometry } from 'geojson';
import type { RawPand, RawVbo } from './bag-records.ts';
import { outerRing } from './bag-gpkg-source.ts';
import type { Xy } from './footprint-geometry.ts';
import { checkCrs, resolveGeoJsonCrs } from './geojson-crs.ts';
import { readGeoJsonFeatures } from './geojson-features.ts';
import type { SourceCrs } from './import-context.ts';
import { rdToWgs84, wgs84ToRd } from './rd-new.ts';

export type BagFeature =
  { kind: 'vbo'; raw: RawVbo } | { kind: 'pand'; raw: RawPand } | { kind: 'other'; row: string; type: string };

/**
 * Streams a PDOK OGC API / WFS GeoJSON download of verblijfsobjecten (points) and, optionally, panden (polygons)
 * in one FeatureCollection. Coordinates are CRS84 unless the file (or --crs) says EPSG:28992.
 */
export async function* bagGeoJsonFeatures(file: string, crsOption: SourceCrs | null): AsyncGenerator<BagFeature> {
  let first = true;
  for await (const { index, feature, crs: declared } of readGeoJsonFeatures(file)) {
    const crs = resolveGeoJsonCrs(file, declared, crsOption);
    const row = `features[${index}]`;
    const g = (feature.geometry ?? null) as Geometry | null;
    const props = (feature.properties ?? {}) as Record<string, unknown>;
    const ok = g !== null && checkCrs(file, g, crs, first, row);
    first = false;
    const toRd = (x: number, y: number): Xy => (crs === 'EPSG:28992' ? [x, y] : wgs84ToRd(x, y));
    const toLonLat = (x: number, y: number): [number, number] => (crs === 'EPSG:28992' ? rdToWgs84(x, y) : [x, y]);
    if (g?.type === 'Point' || g?.type === 'MultiPoint' || (g === null && 'huisnummer' in props)) {
      const c = g?.type === 'Point' ? g.coordinates : g?.type === 'MultiPoint' ? g.coordinates[0] : undefined;
      const pos = ok && c && c.length >= 2 ? ([c[0]!, c[1]!] as const) : null;
      yield {
        kind: 'vbo',
        raw: { row, props, rd: pos ? toRd(pos[0], pos[1]) : null, lonLat: pos ? toLonLat(pos[0], pos[1]) : null },
      };
    } else if (g?.type === 'Polygon' || g?.type === 'MultiPolygon') {
      const ring = ok ? outerRing(g) : null;
      yield {
        kind: 'pand',
        raw: {
          props,
          ring: ring ? ring.map((p) => toRd(p[0]!, p[1]!)) : null,
          lonLatRing: ring ? ring.map((p) => toLonLat(p[0]!, p[1]!)) : null,
        },
      };
    } else yield { kind: 'other', row, type: g?.type ?? 'no geometry' };
  }
}
