import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';

/**
 * EPSG:28992 Amersfoort / RD New as a proj string with the 7-parameter datum shift (docs/domain.md §7; accurate to
 * decimetres). Never define it via WKT2/PROJJSON: that path gave ~100 m errors.
 */
export const RD_NEW_PROJ =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const converter = proj4(RD_NEW_PROJ, 'WGS84');
/** Degrees are rounded to 7 decimals (≈ 1 cm), so re-imports give identical numbers. */
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** RD New x, y (m) → WGS84 [lon, lat] (degrees). */
export function rdToWgs84(x: number, y: number): [number, number] {
  const [lon, lat] = converter.forward([x, y]);
  return [round7(lon!), round7(lat!)];
}

/** WGS84 [lon, lat] (degrees) → RD New [x, y] (m). */
export function wgs84ToRd(lon: number, lat: number): [number, number] {
  const [x, y] = converter.inverse([lon, lat]);
  return [x!, y!];
}

/** Plausible RD New extent of the Netherlands (m), to tell RD coordinates from degrees. */
export const RD_EXTENT = { minX: -7_000, maxX: 300_000, minY: 289_000, maxY: 629_000 } as const;

export const isRdPosition = (x: number, y: number): boolean =>
  x >= RD_EXTENT.minX && x <= RD_EXTENT.maxX && y >= RD_EXTENT.minY && y <= RD_EXTENT.maxY;

/** Longitude/latitude in degrees inside the Netherlands and its coast. */
export const isDutchLonLat = (lon: number, lat: number): boolean =>
  lon >= 3 && lon <= 7.6 && lat >= 50.6 && lat <= 53.8;

function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString':
      return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((m) => mapPositions(m, f)) };
  }
}

/** A whole geometry from RD New to WGS84. */
export function geometryRdToWgs84(g: Geometry): Geometry {
  return mapPositions(g, ([x, y]) => rdToWgs84(x!, y!));
}

/** Calls visit for every position of a geometry. */
export function forEachPosition(g: Geometry, visit: (x: number, y: number) => void): void {
  mapPositions(g, (p) => {
    visit(p[0]!, p[1]!);
    return p;
  });
}
