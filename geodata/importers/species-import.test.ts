import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { KALSDONK_RD, writeBaseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { importInto, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { SPECIES_HEADER, writeCsv } from '../../test/fixtures/importers/registers.ts';
import { rdToWgs84 } from './rd-new.ts';

const dir = tempDir('species');
const [x, y] = KALSDONK_RD;

describe('import species: observations as CSV (RD New) and GeoJSON', () => {
  it('stores observations in the dataset’s buurten with their group, and rejects the rest by reason', async () => {
    const dsFile = writeBaseDataset(join(dir, 'ds.gpkg'));
    const csv = writeCsv(join(dir, 'waarnemingen.csv'), [
      SPECIES_HEADER,
      ['W1', 'Gewone dwergvleermuis', '2024-06-12', x, y + 10, 'Kraamverblijf', 35],
      ['W2', 'Huismus', '12-04-2024', x + 20, y + 20, 'nest', 2],
      ['W3', 'Gierzwaluw', '20240601', 121000, 487000, 'nest', 1],
      ['W4', 'Gierzwaluw', 'gisteren', x, y, 'nest', 1],
      ['W1', 'Huismus', '2024-05-01', x, y, 'nest', 1],
    ]);
    const r = await importInto(dsFile, 'species', csv, { dataDate: '2024-12-31' });
    expect(r.summary).toEqual({
      read: 5,
      accepted: 2,
      rejected: 3,
      reasons: { 'duplicate.waarneming_id': 1, 'invalid.datum': 1, 'scope.outside-buurten': 1 },
    });
    const ds = readDataset(dsFile);
    expect(ds.species![0]).toEqual({
      observationId: 'W1',
      species: 'Gewone dwergvleermuis',
      speciesGroup: 'vleermuis',
      date: '2024-06-12',
      location: rdToWgs84(x, y + 10),
      roostType: 'kraamverblijf',
      count: 35,
      buurtcode: 'BU16740202',
      dataDate: '2024-12-31',
    });
    const h = sha(dsFile);
    await importInto(dsFile, 'species', csv, { dataDate: '2024-12-31' });
    expect(sha(dsFile)).toBe(h);
  });

  it('reads GeoJSON points and gives rows without an id a stable hash id', async () => {
    const dsFile = writeBaseDataset(join(dir, 'gj.gpkg'));
    const f = join(dir, 'waarnemingen.geojson');
    writeFileSync(
      f,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { soort: 'Huiszwaluw', datum: '2024-07-01', aantal: 4 },
            geometry: { type: 'Point', coordinates: rdToWgs84(x, y) },
          },
        ],
      }),
    );
    await importInto(dsFile, 'species', f, { dataDate: '2024-12-31' });
    const first = readDataset(dsFile).species!;
    expect(first).toHaveLength(1);
    expect(first[0]!.observationId).toMatch(/^h:[0-9a-f]{16}$/);
    await importInto(dsFile, 'species', f, { dataDate: '2024-12-31' });
    expect(readDataset(dsFile).species).toEqual(first);
  });

  it('refuses RD metres in lon/lat columns as a CRS error', async () => {
    const dsFile = writeBaseDataset(join(dir, 'crs.gpkg'));
    const f = writeCsv(join(dir, 'lonlat.csv'), [
      ['soort', 'datum', 'lon', 'lat'],
      ['Huismus', '2024-01-01', x, y],
    ]);
    await expect(importInto(dsFile, 'species', f)).rejects.toMatchObject({
      code: 'import.crs',
      message: expect.stringMatching(
        /expected lon\/lat in degrees \(WGS84\), found 91998, 395229 on row 2, which look like RD New metres/,
      ),
    });
  });
});
