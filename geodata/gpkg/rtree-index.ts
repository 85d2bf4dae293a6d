import type Database from 'better-sqlite3';
import { registerGpkgFunctions } from './spatial-functions.ts';
import { quoteIdent } from './sql-identifier.ts';

/** gpkg_extensions.definition for the RTree Spatial Indexes extension (GeoPackage 1.4 Annex F.3). */
export const RTREE_EXTENSION_DEFINITION = 'http://www.geopackage.org/spec120/#extension_rtree';

/** Name of the rtree virtual table for a geometry column, per the spec: rtree_<t>_<c>. */
export function spatialIndexName(table: string, column: string): string {
  return `rtree_${table}_${column}`;
}

/** Whether the rtree virtual table for a geometry column exists. */
export function hasSpatialIndex(db: Database.Database, table: string, column: string): boolean {
  const row = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
    .get(spatialIndexName(table, column));
  return row !== undefined;
}

/**
 * Creates the spatial index of a geometry column: the rtree virtual table filled from existing rows,
 * the trigger set of the version the file declares — GeoPackage 1.3 (geopackage.ts GPKG_USER_VERSION):
 * insert, update1–update4, delete (1.3 Annex F.3; GDAL's validate_gpkg.py Req 75 checks exactly this set
 * for 1.3, the 1.4 set update5–7 is refused) — that keeps it in sync on every later write by any tool,
 * and the gpkg_extensions row. Call inside a transaction.
 */
export function createSpatialIndex(db: Database.Database, table: string, column: string, idColumn: string): void {
  registerGpkgFunctions(db);
  const t = quoteIdent(table);
  const c = quoteIdent(column);
  const i = quoteIdent(idColumn);
  const rtreeName = spatialIndexName(table, column);
  const r = quoteIdent(rtreeName);
  const values = `NEW.${i}, ST_MinX(NEW.${c}), ST_MaxX(NEW.${c}), ST_MinY(NEW.${c}), ST_MaxY(NEW.${c})`;
  const newSet = `(NEW.${c} NOTNULL AND NOT ST_IsEmpty(NEW.${c}))`;
  const newUnset = `(NEW.${c} ISNULL OR ST_IsEmpty(NEW.${c}))`;
  const trigger = (suffix: string, event: string, when: string, body: string): string =>
    `CREATE TRIGGER ${quoteIdent(`${rtreeName}_${suffix}`)} ${event} ON ${t} WHEN ${when} BEGIN ${body} END;`;
  db.exec(`
    CREATE VIRTUAL TABLE ${r} USING rtree(id, minx, maxx, miny, maxy);
    INSERT OR REPLACE INTO ${r}
      SELECT ${i}, ST_MinX(${c}), ST_MaxX(${c}), ST_MinY(${c}), ST_MaxY(${c}) FROM ${t}
      WHERE ${c} NOT NULL AND NOT ST_IsEmpty(${c});
    ${trigger('insert', 'AFTER INSERT', newSet, `INSERT OR REPLACE INTO ${r} VALUES (${values});`)}
    ${trigger('update1', `AFTER UPDATE OF ${c}`, `OLD.${i} = NEW.${i} AND ${newSet}`, `INSERT OR REPLACE INTO ${r} VALUES (${values});`)}
    ${trigger('update2', `AFTER UPDATE OF ${c}`, `OLD.${i} = NEW.${i} AND ${newUnset}`, `DELETE FROM ${r} WHERE id = OLD.${i};`)}
    ${trigger(
      'update3',
      'AFTER UPDATE',
      `OLD.${i} != NEW.${i} AND ${newSet}`,
      `DELETE FROM ${r} WHERE id = OLD.${i}; INSERT OR REPLACE INTO ${r} VALUES (${values});`,
    )}
    ${trigger('update4', 'AFTER UPDATE', `OLD.${i} != NEW.${i} AND ${newUnset}`, `DELETE FROM ${r} WHERE id IN (OLD.${i}, NEW.${i});`)}
    ${trigger('delete', 'AFTER DELETE', `OLD.${c} NOT NULL`, `DELETE FROM ${r} WHERE id = OLD.${i};`)}
  `);
  db.prepare(
    "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', ?, 'write-only')",
  ).run(table, column, RTREE_EXTENSION_DEFINITION);
}
