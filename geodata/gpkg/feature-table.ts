import type Database from 'better-sqlite3';
import type { Geometry } from 'geojson';
import { GeodataFormatError } from './format-error.ts';
import { encodeGpkgGeometry, gpkgEnvelope } from './gpkg-geometry.ts';
import { createSpatialIndex } from './rtree-index.ts';
import { registerGpkgFunctions } from './spatial-functions.ts';
import { assertNewName, quoteIdent } from './sql-identifier.ts';

/** GeoPackage column data types this project writes (1.4 Table 1); BOOLEAN is stored 0/1, DATE as 'YYYY-MM-DD'. */
export type GpkgColumnType = 'TEXT' | 'INTEGER' | 'REAL' | 'BOOLEAN' | 'DATE';
export type GpkgGeometryType = 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOLYGON' | 'GEOMETRY';
export interface GpkgColumn {
  name: string;
  type: GpkgColumnType;
  notNull?: boolean;
}
export interface AttributeTableSpec {
  table: string;
  columns: GpkgColumn[];
  identifier?: string;
  description?: string;
  /** ISO 8601 UTC timestamp ('2025-01-31T12:00:00.000Z'), passed in so reruns give identical files. */
  lastChange: string;
}
export interface FeatureTableSpec extends AttributeTableSpec {
  /** Defaults to 'geom'. */
  geometryColumn?: string;
  geometryType: GpkgGeometryType;
  srsId: number;
  /** Create the rtree spatial index with its triggers (GeoPackage 1.4 Annex F.3). */
  rtree?: boolean;
}
export type PropertyValue = string | number | boolean | null;
export interface FeatureInput {
  geometry: Geometry;
  properties: Record<string, PropertyValue>;
}

const ID_COLUMN = 'fid';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Creates a feature table (fid INTEGER PRIMARY KEY AUTOINCREMENT + geometry + columns) and registers it in gpkg_contents and gpkg_geometry_columns. */
export function addFeatureTable(db: Database.Database, spec: FeatureTableSpec): void {
  const geometryColumn = spec.geometryColumn ?? 'geom';
  assertNewName(geometryColumn, `${spec.table}: geometry column`);
  const srs = db.prepare('SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?').get(spec.srsId);
  if (srs === undefined) {
    throw new GeodataFormatError(
      'gpkg.unknown-srs',
      `${spec.table}: expected an srs_id listed in gpkg_spatial_ref_sys, found ${spec.srsId}`,
    );
  }
  db.transaction(() => {
    createTable(db, spec, {
      dataType: 'features',
      srsId: spec.srsId,
      geometryColumn: `${quoteIdent(geometryColumn)} ${spec.geometryType}`,
      reserved: [geometryColumn],
    });
    db.prepare(
      'INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)',
    ).run(spec.table, geometryColumn, spec.geometryType, spec.srsId);
    if (spec.rtree) createSpatialIndex(db, spec.table, geometryColumn, ID_COLUMN);
  })();
}

/** Creates a non-spatial table (data_type 'attributes') with fid INTEGER PRIMARY KEY AUTOINCREMENT. */
export function addAttributeTable(db: Database.Database, spec: AttributeTableSpec): void {
  db.transaction(() =>
    createTable(db, spec, { dataType: 'attributes', srsId: null, geometryColumn: null, reserved: [] }),
  )();
}

/** Inserts features in one transaction; returns the number written. Property names must be columns of the table. */
export function insertFeatures(
  db: Database.Database,
  table: string,
  features: Iterable<FeatureInput>,
  srsId: number,
): number {
  const { column, srsId: tableSrs } = geometryColumnOf(db, table);
  if (srsId !== tableSrs) {
    throw new GeodataFormatError(
      'gpkg.srs-mismatch',
      `${table}: expected geometries in srs_id ${tableSrs} as registered, found ${srsId}`,
    );
  }
  const info = (
    db.prepare(`PRAGMA table_info(${quoteIdent(table)})`).all() as { name: string; type: string; pk: number }[]
  ).filter((c) => c.pk === 0 && c.name !== column);
  const columns = info.map((c) => c.name);
  const dates = new Set(info.filter((c) => c.type.toUpperCase() === 'DATE').map((c) => c.name));
  const known = new Set(columns);
  const insert = db.prepare(
    `INSERT INTO ${quoteIdent(table)} (${[column, ...columns].map(quoteIdent).join(', ')}) VALUES (${['?', ...columns.map(() => '?')].join(', ')})`,
  );
  // The rtree triggers call ST_* functions, which must exist on this connection too.
  registerGpkgFunctions(db);
  return db.transaction(() => {
    let n = 0;
    for (const f of features) {
      for (const key of Object.keys(f.properties)) {
        if (!known.has(key)) {
          throw new GeodataFormatError(
            'gpkg.unknown-column',
            `${table}: expected properties among [${columns.join(', ')}], found "${key}"`,
          );
        }
        const v = f.properties[key];
        if (dates.has(key) && v != null && !(typeof v === 'string' && DATE.test(v))) {
          throw new GeodataFormatError(
            'gpkg.bad-date',
            `${table}.${key}: expected a DATE like 2025-01-31, found ${JSON.stringify(v)}`,
          );
        }
      }
      const values = columns.map((c) => toSqlValue(f.properties[c]));
      insert.run(encodeGpkgGeometry(f.geometry, srsId), ...values);
      n++;
    }
    return n;
  })();
}

/** Writes the table's extent (from the geometry envelopes) into gpkg_contents min_x..max_y; call after the last insert. */
export function finalizeFeatureTable(db: Database.Database, table: string): void {
  const { column } = geometryColumnOf(db, table);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  const blobs = db
    .prepare(`SELECT ${quoteIdent(column)} FROM ${quoteIdent(table)} WHERE ${quoteIdent(column)} NOT NULL`)
    .pluck();
  for (const blob of blobs.iterate() as IterableIterator<Uint8Array>) {
    const env = gpkgEnvelope(blob);
    if (env === null) continue;
    minX = Math.min(minX, env[0]);
    maxX = Math.max(maxX, env[1]);
    minY = Math.min(minY, env[2]);
    maxY = Math.max(maxY, env[3]);
  }
  const bounds = minX <= maxX ? [minX, minY, maxX, maxY] : [null, null, null, null];
  db.prepare('UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?').run(
    ...bounds,
    table,
  );
}

/** The geometry column and its srs_id, from gpkg_geometry_columns. */
export function geometryColumnOf(db: Database.Database, table: string): { column: string; srsId: number } {
  const row = db
    .prepare(
      'SELECT column_name AS column, srs_id AS srsId FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)',
    )
    .get(table) as { column: string; srsId: number } | undefined;
  if (row === undefined) {
    throw new GeodataFormatError(
      'gpkg.no-geometry-column',
      `${table}: expected a row in gpkg_geometry_columns, found none`,
    );
  }
  return row;
}

interface TableKind {
  dataType: 'features' | 'attributes';
  srsId: number | null;
  /** Column definition SQL of the geometry column, null for attribute tables. */
  geometryColumn: string | null;
  /** Names the user's columns may not take. */
  reserved: string[];
}

function createTable(db: Database.Database, spec: AttributeTableSpec, kind: TableKind): void {
  assertNewName(spec.table, 'table');
  if (!TIMESTAMP.test(spec.lastChange)) {
    throw new GeodataFormatError(
      'gpkg.bad-timestamp',
      `${spec.table}: expected lastChange like 2025-01-31T12:00:00.000Z, found ${spec.lastChange}`,
    );
  }
  const seen = new Set([ID_COLUMN, ...kind.reserved].map((n) => n.toLowerCase()));
  for (const c of spec.columns) {
    assertNewName(c.name, `${spec.table}: column`);
    if (seen.has(c.name.toLowerCase())) {
      throw new GeodataFormatError(
        'gpkg.duplicate-column',
        `${spec.table}: expected unique column names, found "${c.name}" twice or reserved`,
      );
    }
    seen.add(c.name.toLowerCase());
  }
  const columns = [
    `${quoteIdent(ID_COLUMN)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`,
    ...(kind.geometryColumn === null ? [] : [kind.geometryColumn]),
    ...spec.columns.map((c) => `${quoteIdent(c.name)} ${c.type}${c.notNull ? ' NOT NULL' : ''}`),
  ];
  db.exec(`CREATE TABLE ${quoteIdent(spec.table)} (${columns.join(', ')})`);
  db.prepare(
    'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(spec.table, kind.dataType, spec.identifier ?? spec.table, spec.description ?? '', spec.lastChange, kind.srsId);
}

function toSqlValue(v: PropertyValue | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  // better-sqlite3 cannot bind booleans; GeoPackage stores BOOLEAN as 0/1.
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}
