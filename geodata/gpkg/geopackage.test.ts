import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addFeatureTable, finalizeFeatureTable, insertFeatures } from './feature-table.ts';
import type { FeatureInput } from './feature-table.ts';
import { GeodataFormatError } from './format-error.ts';
import { assertGeoPackage, createGeoPackage, GPKG_APPLICATION_ID, listContents } from './geopackage.ts';
import { readFeatures } from './read-features.ts';
import { SRS_RD_NEW, SRS_WGS84 } from './srs-definitions.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-gpkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LAST_CHANGE = '2025-03-01T09:30:00.000Z';

// A 10 x 10 grid of points 100 m apart in RD New, and two buurt-like squares in WGS 84.
const points: FeatureInput[] = Array.from({ length: 100 }, (_, i) => ({
  geometry: { type: 'Point', coordinates: [80000 + 100 * (i % 10), 390000 + 100 * Math.floor(i / 10)] },
  properties: { adres: `Straat ${i}`, bouwjaar: 1950 + i, monument: i % 7 === 0, peildatum: '2025-01-01' },
}));
const square = (x: number, y: number, size: number): FeatureInput['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
const polygons: FeatureInput[] = [
  { geometry: square(4.45, 51.52, 0.01), properties: { buurtcode: 'BU17090101', woningen: 812.5 } },
  { geometry: square(4.5, 51.55, 0.02), properties: { buurtcode: 'BU17090202', woningen: null } },
];

function writeSample(path: string): void {
  const db = createGeoPackage(path);
  addFeatureTable(db, {
    table: 'verblijfsobjecten',
    geometryType: 'POINT',
    srsId: SRS_RD_NEW,
    columns: [
      { name: 'adres', type: 'TEXT', notNull: true },
      { name: 'bouwjaar', type: 'INTEGER' },
      { name: 'monument', type: 'BOOLEAN' },
      { name: 'peildatum', type: 'DATE' },
    ],
    description: 'BAG verblijfsobjecten (test)',
    lastChange: LAST_CHANGE,
    rtree: true,
  });
  addFeatureTable(db, {
    table: 'buurten',
    geometryType: 'POLYGON',
    srsId: SRS_WGS84,
    columns: [
      { name: 'buurtcode', type: 'TEXT' },
      { name: 'woningen', type: 'REAL' },
    ],
    identifier: 'CBS buurten',
    lastChange: LAST_CHANGE,
    rtree: true,
  });
  insertFeatures(db, 'verblijfsobjecten', points, SRS_RD_NEW);
  insertFeatures(db, 'buurten', polygons, SRS_WGS84);
  finalizeFeatureTable(db, 'verblijfsobjecten');
  finalizeFeatureTable(db, 'buurten');
  db.close();
}

const samplePath = join(dir, 'sample.gpkg');
writeSample(samplePath);

describe('a written GeoPackage', () => {
  const db = new Database(samplePath, { readonly: true });
  afterAll(() => db.close());

  it('has the GeoPackage 1.4 header values and passes SQLite integrity and foreign key checks', () => {
    expect(db.pragma('application_id', { simple: true })).toBe(GPKG_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => assertGeoPackage(db, 'sample.gpkg')).not.toThrow();
  });

  it('lists both tables with their extents in gpkg_contents', () => {
    expect(listContents(db)).toEqual([
      {
        tableName: 'buurten',
        dataType: 'features',
        identifier: 'CBS buurten',
        description: '',
        lastChange: LAST_CHANGE,
        minX: 4.45,
        minY: 51.52,
        maxX: 4.52,
        maxY: 51.57,
        srsId: SRS_WGS84,
      },
      {
        tableName: 'verblijfsobjecten',
        dataType: 'features',
        identifier: 'verblijfsobjecten',
        description: 'BAG verblijfsobjecten (test)',
        lastChange: LAST_CHANGE,
        minX: 80000,
        minY: 390000,
        maxX: 80900,
        maxY: 390900,
        srsId: SRS_RD_NEW,
      },
    ]);
  });

  it('registers geometry columns, the rtree extension and the spec spatial index objects', () => {
    expect(db.prepare('SELECT * FROM gpkg_geometry_columns ORDER BY table_name').all()).toEqual([
      { table_name: 'buurten', column_name: 'geom', geometry_type_name: 'POLYGON', srs_id: 4326, z: 0, m: 0 },
      { table_name: 'verblijfsobjecten', column_name: 'geom', geometry_type_name: 'POINT', srs_id: 28992, z: 0, m: 0 },
    ]);
    const extensions = db
      .prepare('SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions ORDER BY table_name')
      .all();
    expect(extensions).toEqual([
      { table_name: 'buurten', column_name: 'geom', extension_name: 'gpkg_rtree_index', scope: 'write-only' },
      { table_name: 'verblijfsobjecten', column_name: 'geom', extension_name: 'gpkg_rtree_index', scope: 'write-only' },
    ]);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'buurten' ORDER BY name")
      .pluck()
      .all();
    // The GeoPackage 1.3 trigger set (the version the file declares), not 1.4's update5–7.
    expect(triggers).toEqual(
      ['delete', 'insert', 'update1', 'update2', 'update3', 'update4'].map((s) => `rtree_buurten_geom_${s}`),
    );
    expect(db.prepare('SELECT count(*) FROM rtree_verblijfsobjecten_geom').pluck().get()).toBe(100);
  });

  it('has the four spatial reference systems with EPSG definitions', () => {
    const rows = db
      .prepare('SELECT srs_id, organization, organization_coordsys_id FROM gpkg_spatial_ref_sys ORDER BY srs_id')
      .all();
    expect(rows).toEqual([
      { srs_id: -1, organization: 'NONE', organization_coordsys_id: -1 },
      { srs_id: 0, organization: 'NONE', organization_coordsys_id: 0 },
      { srs_id: 4326, organization: 'EPSG', organization_coordsys_id: 4326 },
      { srs_id: 28992, organization: 'EPSG', organization_coordsys_id: 28992 },
    ]);
  });

  it('reads features back with a bbox filter through the rtree', () => {
    const hits = [...readFeatures(db, 'verblijfsobjecten', { bbox: [80150, 390050, 80350, 390250] })];
    expect(hits.map((f) => f.fid)).toEqual([13, 14, 23, 24]);
    expect(hits[0]).toEqual({
      fid: 13,
      geometry: { type: 'Point', coordinates: [80200, 390100] },
      properties: { adres: 'Straat 12', bouwjaar: 1962, monument: false, peildatum: '2025-01-01' },
    });
    const buurten = [...readFeatures(db, 'buurten', { bbox: [4.455, 51.525, 4.456, 51.526] })];
    expect(buurten.map((f) => f.properties.buurtcode)).toEqual(['BU17090101']);
    expect(buurten[0]!.geometry).toEqual(polygons[0]!.geometry);
  });
});

describe('determinism', () => {
  it('writes byte-identical files from the same input', () => {
    const again = join(dir, 'again.gpkg');
    writeSample(again);
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    expect(sha(again)).toBe(sha(samplePath));
    expect(existsSync(`${again}-journal`)).toBe(false);
  });
});

describe('createGeoPackage', () => {
  it('refuses a path that already holds a database', () => {
    expect(() => createGeoPackage(samplePath)).toThrow(expect.objectContaining({ code: 'gpkg.not-empty' }));
  });
});

describe('assertGeoPackage', () => {
  const failure = (db: Database.Database): GeodataFormatError => {
    try {
      assertGeoPackage(db, 'upload.gpkg');
    } catch (e) {
      if (e instanceof GeodataFormatError) return e;
      throw e;
    }
    throw new Error('expected assertGeoPackage to throw');
  };

  it('rejects a plain SQLite database', () => {
    const db = new Database(join(dir, 'plain.sqlite'));
    db.exec('CREATE TABLE t (x)');
    const e = failure(db);
    db.close();
    expect(e.code).toBe('gpkg.not-geopackage');
    expect(e.message).toBe(
      'upload.gpkg: expected a GeoPackage (application_id GPKG and gpkg_contents), found application_id 0x00000000 and no gpkg_contents or gpkg_spatial_ref_sys table',
    );
  });

  it('rejects a file that is not SQLite at all', () => {
    const path = join(dir, 'not-sqlite.gpkg');
    writeFileSync(path, 'buurtcode;woningen\nBU17090101;812\n'.repeat(20));
    const db = new Database(path, { readonly: true });
    const e = failure(db);
    db.close();
    expect(e.code).toBe('gpkg.not-geopackage');
    expect(e.message).toMatch(/^upload\.gpkg: expected a GeoPackage .* found a file SQLite cannot read/);
  });

  it('names the application_id it found', () => {
    const db = new Database(':memory:');
    db.pragma(`application_id = ${0x47504b47}`);
    expect(failure(db).message).toContain(
      "found application_id 0x47504b47 ('GPKG') and no gpkg_contents or gpkg_spatial_ref_sys table",
    );
    db.close();
  });
});
