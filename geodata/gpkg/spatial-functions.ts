import type Database from 'better-sqlite3';
import { gpkgEnvelope } from './gpkg-geometry.ts';

/**
 * Registers ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY and ST_MaxY on a connection.
 * The spec's rtree triggers call them and SQLite has none built in, so every connection that
 * writes to a spatially indexed table needs them (GDAL and QGIS register their own).
 */
export function registerGpkgFunctions(db: Database.Database): void {
  const envelope = (blob: unknown) => (blob instanceof Uint8Array ? gpkgEnvelope(blob) : null);
  const options = { deterministic: true, varargs: false };
  db.function('ST_IsEmpty', options, (blob: unknown) => (blob == null ? null : envelope(blob) === null ? 1 : 0));
  db.function('ST_MinX', options, (blob: unknown) => envelope(blob)?.[0] ?? null);
  db.function('ST_MaxX', options, (blob: unknown) => envelope(blob)?.[1] ?? null);
  db.function('ST_MinY', options, (blob: unknown) => envelope(blob)?.[2] ?? null);
  db.function('ST_MaxY', options, (blob: unknown) => envelope(blob)?.[3] ?? null);
}
