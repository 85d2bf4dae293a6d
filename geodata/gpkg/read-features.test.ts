import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addAttributeTable, addFeatureTable, insertFeatures } from './feature-table.ts';
import type { FeatureInput } from './feature-table.ts';
import { GeodataFormatError } from './format-error.ts';
import { createGeoPackage } from './geopackage.ts';
import { readFeatures } from './read-features.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-read-features-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LAST_CHANGE = '2025-03-01T09:30:00.000Z';
const line = (x: number): FeatureInput => ({
  geometry: {
    type: 'LineString',
    coordinates: [
      [x, 0],
      [x + 1, 1],
    ],
  },
  properties: { naam: `lijn ${x}`, actief: x % 2 === 0 },
});

const path = join(dir, 'read.gpkg');
{
  const db = createGeoPackage(path);
  for (const [table, rtree] of [
    ['met_index', true],
    ['zonder_index', false],
  ] as const) {
    addFeatureTable(db, {
      table,
      geometryType: 'LINESTRING',
      srsId: 28992,
      lastChange: LAST_CHANGE,
      rtree,
      columns: [
        { name: 'naam', type: 'TEXT' },
        { name: 'actief', type: 'BOOLEAN' },
      ],
    });
    insertFeatures(db, table, [0, 2, 4, 6, 8].map(line), 28992);
    db.prepare(`INSERT INTO ${table} (geom, naam) VALUES (NULL, 'zonder geometrie')`).run();
  }
  addAttributeTable(db, { table: 'notities', columns: [{ name: 'tekst', type: 'TEXT' }], lastChange: LAST_CHANGE });
  db.prepare("INSERT INTO notities (tekst) VALUES ('eerste'), ('tweede')").run();
  db.close();
}
const db = new Database(path, { readonly: true });
afterAll(() => db.close());

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GeodataFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('readFeatures', () => {
  it('streams all rows in fid order with decoded geometry and boolean columns', () => {
    const rows = [...readFeatures(db, 'met_index')];
    expect(rows.map((r) => r.fid)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[1]).toEqual({
      fid: 2,
      geometry: {
        type: 'LineString',
        coordinates: [
          [2, 0],
          [3, 1],
        ],
      },
      properties: { naam: 'lijn 2', actief: true },
    });
    expect(rows[5]).toEqual({ fid: 6, geometry: null, properties: { naam: 'zonder geometrie', actief: null } });
  });

  it('filters by bbox with and without an rtree, with the same exact-envelope result', () => {
    for (const table of ['met_index', 'zonder_index']) {
      const names = [...readFeatures(db, table, { bbox: [3.5, 0.5, 6, 2] })].map((r) => r.properties.naam);
      expect(names).toEqual(['lijn 4', 'lijn 6']);
    }
  });

  it('uses the rtree when there is one', () => {
    const copy = new Database(db.serialize());
    copy.exec('DELETE FROM rtree_met_index_geom WHERE id = 3');
    expect([...readFeatures(copy, 'met_index', { bbox: [3.5, 0.5, 6, 2] })].map((r) => r.fid)).toEqual([4]);
    copy.close();
  });

  it('combines a where clause and parameters with the bbox', () => {
    const rows = readFeatures(db, 'zonder_index', { where: 'naam <> ?', params: ['lijn 4'], bbox: [0, 0, 100, 100] });
    expect([...rows].map((r) => r.properties.naam)).toEqual(['lijn 0', 'lijn 2', 'lijn 6', 'lijn 8']);
  });

  it('reads attribute tables with a null geometry', () => {
    expect([...readFeatures(db, 'notities')]).toEqual([
      { fid: 1, geometry: null, properties: { tekst: 'eerste' } },
      { fid: 2, geometry: null, properties: { tekst: 'tweede' } },
    ]);
    expect(errorCode(() => readFeatures(db, 'notities', { bbox: [0, 0, 1, 1] }))).toBe('gpkg.no-geometry-column');
  });

  it('fails on the call for an unknown table', () => {
    expect(errorCode(() => readFeatures(db, 'bestaat_niet'))).toBe('gpkg.unknown-table');
  });

  it('frees the connection when iteration stops early', () => {
    for (const row of readFeatures(db, 'met_index')) {
      expect(row.fid).toBe(1);
      break;
    }
    expect(db.prepare('SELECT count(*) FROM met_index').pluck().get()).toBe(6);
  });
});
