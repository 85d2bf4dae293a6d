import type Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { envelopesIntersect } from './envelope.ts';
import type { XyEnvelope } from './envelope.ts';
import { GeodataFormatError } from './format-error.ts';
import { decodeGpkgGeometry, gpkgEnvelope } from './gpkg-geometry.ts';
import { hasSpatialIndex, spatialIndexName } from './rtree-index.ts';
import { quoteIdent } from './sql-identifier.ts';

export interface ReadFeaturesOptions {
  /** SQL condition on the table's columns, written by code (never user input); put values in `params`. */
  where?: string;
  params?: readonly (string | number | null)[];
  /** [minx, miny, maxx, maxy] in the table's SRS; keeps rows whose geometry envelope touches it. Uses the rtree when there is one. */
  bbox?: [number, number, number, number];
}
export interface FeatureRow {
  fid: number;
  /** Null for a NULL geometry value or a table without a geometry column. */
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}
interface TableColumn {
  name: string;
  type: string;
  pk: number;
}

/**
 * Streams a table's rows in primary-key order with `.iterate()`, so the table is never held in memory.
 * The connection is busy until the iteration ends or is broken off. BOOLEAN columns come back as booleans.
 */
export function readFeatures(
  db: Database.Database,
  table: string,
  opts: ReadFeaturesOptions = {},
): IterableIterator<FeatureRow> {
  const columns = db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as TableColumn[];
  if (columns.length === 0) {
    throw new GeodataFormatError(
      'gpkg.unknown-table',
      `${table}: expected a table in the GeoPackage, found none by that name`,
    );
  }
  const registered = db
    .prepare('SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)')
    .pluck()
    .get(table) as string | undefined;
  // Rows are keyed by the name as the table declares it, which other writers may have cased differently.
  const geometryColumn = columns.find((c) => c.name.toLowerCase() === registered?.toLowerCase())?.name;
  // Tables without an INTEGER PRIMARY KEY still have a rowid.
  const idColumn = columns.find((c) => c.pk === 1)?.name;
  const conditions = opts.where ? [`(${opts.where})`] : [];
  const params: (string | number | null)[] = [...(opts.params ?? [])];
  let filter: XyEnvelope | null = null;
  if (opts.bbox) {
    if (geometryColumn === undefined) {
      throw new GeodataFormatError(
        'gpkg.no-geometry-column',
        `${table}: expected a geometry column to filter by bbox, found none`,
      );
    }
    const [minX, minY, maxX, maxY] = opts.bbox;
    filter = [minX, maxX, minY, maxY];
    if (idColumn !== undefined && hasSpatialIndex(db, table, registered!)) {
      // The rtree stores float32 rounded outwards, so it may over-select; the exact envelope test below trims that.
      conditions.push(
        `${quoteIdent(idColumn)} IN (SELECT id FROM ${quoteIdent(spatialIndexName(table, registered!))} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)`,
      );
      params.push(maxX, minX, maxY, minY);
    }
  }
  const id = idColumn === undefined ? 'rowid' : quoteIdent(idColumn);
  const sql =
    `SELECT ${id} AS "__fid", * FROM ${quoteIdent(table)}` +
    (conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '') +
    ` ORDER BY ${id}`;
  const statement = db.prepare(sql);
  return decodeRows(() => statement.iterate(...params) as IterableIterator<Record<string, unknown>>, columns, {
    idColumn,
    geometryColumn,
    filter,
  });
}

// Separate from readFeatures so a bad table or SQL fails on the call, while the query (which keeps the
// connection busy) only starts on the first next().
function* decodeRows(
  rows: () => IterableIterator<Record<string, unknown>>,
  columns: TableColumn[],
  { idColumn, geometryColumn, filter }: { idColumn?: string; geometryColumn?: string; filter: XyEnvelope | null },
): IterableIterator<FeatureRow> {
  const booleans = new Set(columns.filter((c) => c.type.toUpperCase() === 'BOOLEAN').map((c) => c.name));
  const skip = new Set([idColumn, geometryColumn]);
  for (const row of rows()) {
    const blob = geometryColumn === undefined ? null : row[geometryColumn];
    const hasBlob = blob instanceof Uint8Array;
    if (filter !== null) {
      const env = hasBlob ? gpkgEnvelope(blob) : null;
      if (env === null || !envelopesIntersect(env, filter)) continue;
    }
    const properties: Record<string, unknown> = {};
    for (const c of columns) {
      if (skip.has(c.name)) continue;
      const v = row[c.name];
      properties[c.name] = booleans.has(c.name) && typeof v === 'number' ? v !== 0 : v;
    }
    yield { fid: row.__fid as number, geometry: hasBlob ? decodeGpkgGeometry(blob).geometry : null, properties };
  }
}
