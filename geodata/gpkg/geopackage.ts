import Database from 'better-sqlite3';
import { GeodataFormatError } from './format-error.ts';
import { registerGpkgFunctions } from './spatial-functions.ts';
import { GPKG_SPATIAL_REF_SYS } from './srs-definitions.ts';

/** SQLite application_id of a GeoPackage: ASCII 'GPKG' (GeoPackage 1.4 Req 2). */
export const GPKG_APPLICATION_ID = 0x47504b47;
/** SQLite user_version of GeoPackage 1.3.0 (Req 2). */
// Written as 1.3: everything we use is in 1.3, and GDAL 3.6 (Debian 12, many QGIS installs)
// warns that 1.4 files "may only be partially supported".
export const GPKG_USER_VERSION = 10300;
// 1.0 and 1.1 files carry 'GP10' / 'GP11'; still readable GeoPackages.
const ACCEPTED_APPLICATION_IDS = [GPKG_APPLICATION_ID, 0x47503130, 0x47503131];

// Core tables as the GeoPackage 1.4 table definition annex gives them; tile tables are only required for tile content and are left out.
const CORE_SCHEMA = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
`;

/** One gpkg_contents row; bounds are in the row's SRS units and null until the table is finalized. */
export interface GpkgContentsRow {
  tableName: string;
  dataType: string;
  identifier: string | null;
  description: string | null;
  lastChange: string;
  minX: number | null;
  minY: number | null;
  maxX: number | null;
  maxY: number | null;
  srsId: number | null;
}

/**
 * Creates a GeoPackage 1.4 at a path that must not hold a database yet (the caller removes old files).
 * Writes only what is passed in, so the same calls give byte-identical files.
 */
export function createGeoPackage(path: string): Database.Database {
  const db = new Database(path);
  let objects: number;
  try {
    objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  } catch (e) {
    db.close();
    throw new GeodataFormatError(
      'gpkg.not-empty',
      `${path}: expected a new, empty file, found one SQLite cannot read (${(e as Error).message})`,
    );
  }
  if (objects > 0) {
    db.close();
    throw new GeodataFormatError(
      'gpkg.not-empty',
      `${path}: expected a new, empty file, found a database with ${objects} schema objects`,
    );
  }
  db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
  db.pragma(`user_version = ${GPKG_USER_VERSION}`);
  registerGpkgFunctions(db);
  db.transaction(() => {
    db.exec(CORE_SCHEMA);
    const insert = db.prepare(
      'INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const s of GPKG_SPATIAL_REF_SYS) {
      insert.run(s.srsName, s.srsId, s.organization, s.organizationCoordsysId, s.definition, s.description);
    }
  })();
  return db;
}

/** Throws 'gpkg.not-geopackage' unless the database is SQLite with a GeoPackage application_id and core tables. */
export function assertGeoPackage(db: Database.Database, fileLabel: string): void {
  let applicationId: number;
  let tables: string[];
  try {
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('gpkg_contents', 'gpkg_spatial_ref_sys')",
      )
      .pluck()
      .all() as string[];
  } catch (e) {
    throw new GeodataFormatError(
      'gpkg.not-geopackage',
      `${fileLabel}: expected a GeoPackage (application_id GPKG and gpkg_contents), found a file SQLite cannot read (${(e as Error).message})`,
    );
  }
  const missing = ['gpkg_contents', 'gpkg_spatial_ref_sys'].filter((t) => !tables.includes(t));
  if (!ACCEPTED_APPLICATION_IDS.includes(applicationId) || missing.length > 0) {
    throw new GeodataFormatError(
      'gpkg.not-geopackage',
      `${fileLabel}: expected a GeoPackage (application_id GPKG and gpkg_contents), found application_id ` +
        `${describeApplicationId(applicationId)}${missing.length > 0 ? ` and no ${missing.join(' or ')} table` : ''}`,
    );
  }
}

/** All gpkg_contents rows, ordered by table name. */
export function listContents(db: Database.Database): GpkgContentsRow[] {
  return db
    .prepare(
      `SELECT table_name AS tableName, data_type AS dataType, identifier, description, last_change AS lastChange,
              min_x AS minX, min_y AS minY, max_x AS maxX, max_y AS maxY, srs_id AS srsId
       FROM gpkg_contents ORDER BY table_name`,
    )
    .all() as GpkgContentsRow[];
}

function describeApplicationId(id: number): string {
  const ascii = String.fromCharCode((id >>> 24) & 0xff, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff);
  const hex = `0x${(id >>> 0).toString(16).padStart(8, '0')}`;
  return /^[\x20-\x7e]{4}$/.test(ascii) ? `${hex} ('${ascii}')` : hex;
}
