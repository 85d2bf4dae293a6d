import Database from 'better-sqlite3';
import type { Geometry, Position } from 'geojson';
import { assertGeoPackage } from '../gpkg/geopackage.ts';
import { GeodataFormatError } from '../gpkg/format-error.ts';
import { readFeatures } from '../gpkg/read-features.ts';
import { hasSpatialIndex } from '../gpkg/rtree-index.ts';
import { quoteIdent } from '../gpkg/sql-identifier.ts';
import type { RawPand, RawVbo } from './bag-records.ts';
import type { Xy } from './footprint-geometry.ts';
import { ImportFormatError } from './import-error.ts';
import { rdToWgs84 } from './rd-new.ts';

/** Columns of PDOK bag-light.gpkg the importer needs (docs/domain.md §7). */
export const BAG_LIGHT_COLUMNS = {
  verblijfsobject: [
    'identificatie',
    'oppervlakte',
    'status',
    'gebruiksdoel',
    'huisnummer',
    'huisletter',
    'toevoeging',
    'postcode',
    'woonplaats_naam',
    'pand_identificatie',
    'openbare_ruimte_naam',
  ],
  pand: ['identificatie', 'bouwjaar'],
} as const;

/** [minX, minY, maxX, maxY] in RD New metres. */
export type RdBox = [number, number, number, number];

/** An opened, checked bag-light GeoPackage (read-only). */
export interface BagLight {
  db: Database.Database;
  /** Whether both tables have their rtree, so selecting a bbox does not scan the national file. */
  indexed: boolean;
  /** gpkg_contents.last_change of verblijfsobject (YYYY-MM-DD), the date the extract describes. */
  lastChange: string | null;
}

/** Opens bag-light.gpkg and checks tables, columns and CRS before anything is read; throws ImportFormatError. */
export function openBagLight(file: string): BagLight {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    assertGeoPackage(db, file);
  } catch (err) {
    throw new ImportFormatError(
      'import.format',
      file,
      'a GeoPackage (PDOK bag-light.gpkg)',
      err instanceof GeodataFormatError ? err.message.replace(/^.*found /, '') : (err as Error).message,
    );
  }
  try {
    const tables = db
      .prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
      .pluck()
      .all() as string[];
    for (const [table, required] of Object.entries(BAG_LIGHT_COLUMNS)) {
      if (!tables.includes(table)) {
        throw new ImportFormatError(
          'import.header',
          file,
          'feature tables pand and verblijfsobject',
          `tables ${tables.join(', ') || '(none)'}`,
        );
      }
      const cols = (db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string }[]).map(
        (c) => c.name,
      );
      const missing = required.filter((c) => !cols.includes(c));
      if (missing.length > 0)
        throw new ImportFormatError(
          'import.header',
          file,
          `${table} columns ${required.join(', ')}`,
          `${table} columns ${cols.join(', ')} (missing ${missing.join(', ')})`,
        );
      const srs = db
        .prepare(
          `SELECT g.srs_id AS srsId, s.organization AS org, s.organization_coordsys_id AS code, s.srs_name AS name
         FROM gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE lower(g.table_name) = lower(?)`,
        )
        .get(table) as { srsId: number; org: string | null; code: number | null; name: string | null } | undefined;
      if (!srs || String(srs.org).toUpperCase() !== 'EPSG' || srs.code !== 28992) {
        throw new ImportFormatError(
          'import.crs',
          file,
          `${table} in EPSG:28992 (RD New)`,
          srs
            ? `srs_id ${srs.srsId} (${srs.org ?? '?'}:${srs.code ?? '?'} ${srs.name ?? ''})`.trim()
            : 'no geometry column',
        );
      }
    }
    const geomOf = (t: string) =>
      db.prepare('SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = ?').pluck().get(t) as string;
    const indexed =
      hasSpatialIndex(db, 'verblijfsobject', geomOf('verblijfsobject')) && hasSpatialIndex(db, 'pand', geomOf('pand'));
    const lc = db
      .prepare("SELECT last_change FROM gpkg_contents WHERE table_name = 'verblijfsobject'")
      .pluck()
      .get() as string | null;
    return { db, indexed, lastChange: lc && /^\d{4}-\d{2}-\d{2}/.test(lc) ? lc.slice(0, 10) : null };
  } catch (err) {
    db.close();
    throw err;
  }
}

function firstPoint(g: Geometry | null): Xy | null {
  if (g?.type === 'Point' && g.coordinates.length >= 2) return [g.coordinates[0]!, g.coordinates[1]!];
  if (g?.type === 'MultiPoint' && g.coordinates[0]) return [g.coordinates[0][0]!, g.coordinates[0][1]!];
  return null;
}

/** Verblijfsobjecten whose point lies in the box, streamed through the rtree (never the whole table). */
export function* vbosInBox(bag: BagLight, box: RdBox): Generator<RawVbo> {
  for (const f of readFeatures(bag.db, 'verblijfsobject', { bbox: box })) {
    const rd = firstPoint(f.geometry);
    yield { row: `verblijfsobject fid ${f.fid}`, props: f.properties, rd, lonLat: rd ? rdToWgs84(rd[0], rd[1]) : null };
  }
}

/** The outer ring of a polygon, or of the largest member of a multipolygon. */
export function outerRing(g: Geometry | null): Position[] | null {
  if (g?.type === 'Polygon') return g.coordinates[0] ?? null;
  if (g?.type !== 'MultiPolygon') return null;
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const poly of g.coordinates) {
    const ring = poly[0];
    if (!ring) continue;
    let a = 0;
    for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    if (Math.abs(a) > bestArea) [best, bestArea] = [ring, Math.abs(a)];
  }
  return best;
}

/** Panden whose footprint touches the box, streamed through the rtree. */
export function* pandenInBox(bag: BagLight, box: RdBox): Generator<RawPand> {
  for (const f of readFeatures(bag.db, 'pand', { bbox: box })) {
    const ring = outerRing(f.geometry)?.map((p) => [p[0]!, p[1]!] as Xy) ?? null;
    yield { props: f.properties, ring, lonLatRing: ring ? ring.map(([x, y]) => rdToWgs84(x, y)) : null };
  }
}
