import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeGpkgGeometry } from './gpkg-geometry.ts';
import { createSpatialIndex, hasSpatialIndex, spatialIndexName } from './rtree-index.ts';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`
    CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL);
    CREATE TABLE p (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom POINT);
  `);
});
afterEach(() => db.close());

const point = (x: number, y: number) => encodeGpkgGeometry({ type: 'Point', coordinates: [x, y] }, 28992);
const empty = encodeGpkgGeometry({ type: 'Point', coordinates: [] }, 28992);
const index = () => db.prepare('SELECT id, minx, maxx, miny, maxy FROM rtree_p_geom ORDER BY id').all();

describe('createSpatialIndex', () => {
  it('loads existing rows, skipping NULL and empty geometries', () => {
    db.prepare('INSERT INTO p (geom) VALUES (?), (NULL), (?)').run(point(1, 2), empty);
    createSpatialIndex(db, 'p', 'geom', 'fid');
    expect(spatialIndexName('p', 'geom')).toBe('rtree_p_geom');
    expect(hasSpatialIndex(db, 'p', 'geom')).toBe(true);
    expect(index()).toEqual([{ id: 1, minx: 1, maxx: 1, miny: 2, maxy: 2 }]);
    expect(db.prepare('SELECT extension_name, scope FROM gpkg_extensions').get()).toEqual({
      extension_name: 'gpkg_rtree_index',
      scope: 'write-only',
    });
  });

  it('keeps the index in step with inserts, updates, fid changes and deletes', () => {
    createSpatialIndex(db, 'p', 'geom', 'fid');
    db.prepare('INSERT INTO p (geom) VALUES (?), (?), (NULL)').run(point(1, 1), point(2, 2));
    expect(index().map((r) => (r as { id: number }).id)).toEqual([1, 2]);
    db.prepare('UPDATE p SET geom = ? WHERE fid = 1').run(point(5, 6)); // update1
    db.prepare('UPDATE p SET geom = ? WHERE fid = 3').run(point(7, 7)); // update1
    db.prepare('UPDATE p SET geom = ? WHERE fid = 2').run(empty); // update2
    expect(index()).toEqual([
      { id: 1, minx: 5, maxx: 5, miny: 6, maxy: 6 },
      { id: 3, minx: 7, maxx: 7, miny: 7, maxy: 7 },
    ]);
    db.prepare('UPDATE p SET fid = 10 WHERE fid = 1').run(); // update3
    db.prepare('DELETE FROM p WHERE fid = 3').run();
    expect(index()).toEqual([{ id: 10, minx: 5, maxx: 5, miny: 6, maxy: 6 }]);
  });

  it('reports a missing index', () => {
    expect(hasSpatialIndex(db, 'p', 'geom')).toBe(false);
  });
});
