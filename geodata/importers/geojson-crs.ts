import type { Geometry } from 'geojson';
import { ImportFormatError } from './import-error.ts';
import type { SourceCrs } from './import-context.ts';
import { forEachPosition, geometryRdToWgs84, isDutchLonLat, isRdPosition } from './rd-new.ts';

/** CRS of a GeoJSON file from its `crs` member name (GeoJSON 2008 / WFS), the --crs option, or RFC 7946's CRS84. */
export function resolveGeoJsonCrs(file: string, declared: string | null, option: SourceCrs | null): SourceCrs {
  if (declared === null) return option ?? 'CRS84';
  if (/(^|[:/])28992$/.test(declared)) return 'EPSG:28992';
  if (/CRS84$|(^|[:/])4326$/.test(declared)) return 'CRS84';
  throw new ImportFormatError(
    'import.crs',
    file,
    'EPSG:28992 (RD New) or CRS84/EPSG:4326 (lon/lat)',
    `crs "${declared}"`,
  );
}

/**
 * Checks that a geometry's coordinates fit the CRS. A mismatch on the first feature means the whole file is
 * in another CRS (an error naming both); later, it is one bad row (returns false).
 */
export function checkCrs(file: string, g: Geometry, crs: SourceCrs, first: boolean, where: string): boolean {
  let ok = true;
  const positions: [number, number][] = [];
  forEachPosition(g, (x, y) => {
    if (positions.length === 0) positions.push([x, y]);
    if (crs === 'EPSG:28992' ? !isRdPosition(x, y) : !(x >= -180 && x <= 180 && y >= -90 && y <= 90)) ok = false;
  });
  const sample = positions[0];
  if (sample === undefined) return false;
  const [x, y] = sample;
  if (first) {
    if (crs === 'CRS84' && isRdPosition(x, y) && !isDutchLonLat(x, y)) {
      throw new ImportFormatError(
        'import.crs',
        file,
        'lon/lat degrees (CRS84, as RFC 7946 GeoJSON; or declare "crs" / pass --crs EPSG:28992)',
        `coordinates ${x}, ${y} in ${where}, which look like RD New metres`,
      );
    }
    if (crs === 'CRS84' && isDutchLonLat(y, x) && !isDutchLonLat(x, y)) {
      throw new ImportFormatError(
        'import.crs',
        file,
        'longitude first, then latitude (CRS84)',
        `${x}, ${y} in ${where}: latitude first`,
      );
    }
    if (crs === 'EPSG:28992' && !isRdPosition(x, y)) {
      throw new ImportFormatError(
        'import.crs',
        file,
        'RD New metres (EPSG:28992) as declared',
        `coordinates ${x}, ${y} in ${where}`,
      );
    }
  }
  return ok;
}

/** The geometry in WGS84 lon/lat. */
export const toWgs84 = (g: Geometry, crs: SourceCrs): Geometry => (crs === 'EPSG:28992' ? geometryRdToWgs84(g) : g);
