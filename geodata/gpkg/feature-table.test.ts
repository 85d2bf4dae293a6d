import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addAttributeTable,
  addFeatureTable,
  finalizeFeatureTable,
  geometryColumnOf,
  insertFeatures,
} from './feature-table.ts';
import type { FeatureTableSpec } from './feature-table.ts';
import { GeodataFormatError } from './format-error.ts';
import { createGeoPackage, listContents } from './geopackage.ts';
import { decodeGpkgGeometry } from './gpkg-geometry.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-feature-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db: Database.Database;
let n = 0;
beforeEach(() => {
  db = createGeoPackage(join(dir, `t${n++}.gpkg`));
  return () => db.close();
});

const LAST_CHANGE = '2025-03-01T09:30:00.000Z';
const spec: FeatureTableSpec = {
  table: 'panden',
  geometryColumn: 'omtrek',
  geometryType: 'MULTIPOLYGON',
  srsId: 28992,
  columns: [
    { name: 'bouwjaar', type: 'INTEGER', notNull: true },
    { name: 'gesloopt', type: 'BOOLEAN' },
    { name: 'sinds', type: 'DATE' },
  ],
  lastChange: LAST_CHANGE,
};
const pand = (x: number, bouwjaar: number) => ({
  geometry: {
    type: 'MultiPolygon' as const,
    coordinates: [
      [
        [
          [x, 0],
          [x + 10, 0],
          [x + 10, 8],
          [x, 0],
        ],
      ],
    ],
  },
  properties: { bouwjaar, gesloopt: bouwjaar < 1930 },
});

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GeodataFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('addFeatureTable', () => {
  it('creates fid, the named geometry column and the columns in order', () => {
    addFeatureTable(db, spec);
    const columns = db.prepare('PRAGMA table_info(panden)').all() as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
    }[];
    expect(columns.map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['fid', 'INTEGER', 1, 1],
      ['omtrek', 'MULTIPOLYGON', 0, 0],
      ['bouwjaar', 'INTEGER', 1, 0],
      ['gesloopt', 'BOOLEAN', 0, 0],
      ['sinds', 'DATE', 0, 0],
    ]);
    expect(geometryColumnOf(db, 'panden')).toEqual({ column: 'omtrek', srsId: 28992 });
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rtree_%'").pluck().get()).toBe(0);
  });

  it('rejects names other tools could trip over, unknown SRS ids and malformed timestamps', () => {
    expect(errorCode(() => addFeatureTable(db, { ...spec, table: 'gpkg_panden' }))).toBe('gpkg.bad-identifier');
    expect(errorCode(() => addFeatureTable(db, { ...spec, table: 'pand en' }))).toBe('gpkg.bad-identifier');
    expect(errorCode(() => addFeatureTable(db, { ...spec, columns: [{ name: 'FID', type: 'TEXT' }] }))).toBe(
      'gpkg.duplicate-column',
    );
    expect(errorCode(() => addFeatureTable(db, { ...spec, columns: [{ name: 'omtrek', type: 'TEXT' }] }))).toBe(
      'gpkg.duplicate-column',
    );
    expect(errorCode(() => addFeatureTable(db, { ...spec, srsId: 3857 }))).toBe('gpkg.unknown-srs');
    expect(errorCode(() => addFeatureTable(db, { ...spec, lastChange: '2025-03-01 09:30' }))).toBe(
      'gpkg.bad-timestamp',
    );
    // A failed call leaves nothing behind.
    expect(listContents(db)).toEqual([]);
  });
});

describe('addAttributeTable', () => {
  it('registers a table without geometry as data_type attributes', () => {
    addAttributeTable(db, {
      table: 'maatregelen',
      columns: [{ name: 'code', type: 'TEXT' }],
      description: 'catalogus',
      lastChange: LAST_CHANGE,
    });
    expect(listContents(db)).toEqual([
      {
        tableName: 'maatregelen',
        dataType: 'attributes',
        identifier: 'maatregelen',
        description: 'catalogus',
        lastChange: LAST_CHANGE,
        minX: null,
        minY: null,
        maxX: null,
        maxY: null,
        srsId: null,
      },
    ]);
  });
});

describe('insertFeatures', () => {
  it('writes GeoPackage blobs in the table SRS and booleans as 0/1', () => {
    addFeatureTable(db, spec);
    expect(insertFeatures(db, 'panden', [pand(0, 1925), pand(20, 1975)], 28992)).toBe(2);
    const rows = db.prepare('SELECT fid, omtrek, bouwjaar, gesloopt, sinds FROM panden ORDER BY fid').all() as Record<
      string,
      unknown
    >[];
    expect(rows.map((r) => [r.fid, r.bouwjaar, r.gesloopt, r.sinds])).toEqual([
      [1, 1925, 1, null],
      [2, 1975, 0, null],
    ]);
    const blob = decodeGpkgGeometry(rows[1]!.omtrek as Uint8Array);
    expect(blob).toEqual({ srsId: 28992, envelope: [20, 30, 0, 8], geometry: pand(20, 1975).geometry });
  });

  it('accepts any iterable, such as a generator', () => {
    addFeatureTable(db, spec);
    function* many() {
      for (let i = 0; i < 1000; i++) yield pand(i * 20, 1900 + (i % 120));
    }
    expect(insertFeatures(db, 'panden', many(), 28992)).toBe(1000);
  });

  it('rejects unknown properties, malformed dates and a mismatched SRS, writing nothing', () => {
    addFeatureTable(db, spec);
    const extra = { ...pand(0, 2000), properties: { bouwjaar: 2000, energielabel: 'A' } };
    expect(errorCode(() => insertFeatures(db, 'panden', [pand(0, 1990), extra], 28992))).toBe('gpkg.unknown-column');
    const badDate = { ...pand(0, 2000), properties: { bouwjaar: 2000, sinds: '01-03-2025' } };
    expect(errorCode(() => insertFeatures(db, 'panden', [badDate], 28992))).toBe('gpkg.bad-date');
    expect(errorCode(() => insertFeatures(db, 'panden', [pand(0, 1990)], 4326))).toBe('gpkg.srs-mismatch');
    expect(errorCode(() => insertFeatures(db, 'onbekend', [pand(0, 1990)], 28992))).toBe('gpkg.no-geometry-column');
    expect(db.prepare('SELECT count(*) FROM panden').pluck().get()).toBe(0);
  });
});

describe('finalizeFeatureTable', () => {
  it('writes the extent of all geometries into gpkg_contents, and nulls for an empty table', () => {
    addFeatureTable(db, spec);
    finalizeFeatureTable(db, 'panden');
    expect(listContents(db)[0]).toMatchObject({ minX: null, minY: null, maxX: null, maxY: null });
    insertFeatures(db, 'panden', [pand(-5, 1990), pand(100, 1990)], 28992);
    finalizeFeatureTable(db, 'panden');
    expect(listContents(db)[0]).toMatchObject({ minX: -5, minY: 0, maxX: 110, maxY: 8 });
  });
});
