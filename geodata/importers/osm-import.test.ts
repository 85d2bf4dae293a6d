import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../dataset-store.ts';
import { basemapBuildings, basemapStreets } from '../build-tiles.ts';
import { importInto, sha, tempDir } from '../../test/fixtures/importers/harness.ts';
import { writeBaseDataset } from '../../test/fixtures/importers/base-dataset.ts';
import { OSM_EXPECTED, writeOsmExtract } from '../../test/fixtures/importers/osm-extract.ts';
import { ImportFormatError } from './import-error.ts';

describe('import osm: an OpenStreetMap XML extract as the basemap streets and buildings', async () => {
  const dir = tempDir('osm');
  const file = writeBaseDataset(join(dir, 'ds.gpkg'));
  const osm = writeOsmExtract(join(dir, 'roosendaal.osm'));
  const before = readDataset(file);
  const warnings: string[] = [];
  const first = await importInto(file, 'osm', osm, { dataDate: '2025-06-01', warn: (m) => warnings.push(m) });
  const ds = readDataset(file);

  it('reads every road and building way: read = accepted + rejected, by reason', () => {
    const { read, accepted, reasons } = OSM_EXPECTED;
    expect(first.summary).toEqual({ read, accepted, rejected: read - accepted, reasons });
    expect(warnings).toEqual(['1 ways without a highway or building tag were not read (land use, water, …)']);
    expect(ds.imports?.at(-1)).toMatchObject({ kind: 'osm', source: 'roosendaal.osm', read, accepted });
  });

  it('stores the roads with their names and the building outline in the dataset', () => {
    expect(ds.basemapStreets?.map((s) => s.name)).toEqual(OSM_EXPECTED.streets);
    expect(ds.basemapStreets?.[0]).toMatchObject({ sourceId: 'osm:way/100', roadClass: 'residential' });
    expect(ds.basemapBuildings).toHaveLength(OSM_EXPECTED.buildings);
    expect(ds.meta.attribution).toContain('Straten en gebouwen: © OpenStreetMap-bijdragers, ODbL 1.0');
  });

  it('feeds the basemap street layer in place of the streets derived from the addresses', () => {
    expect(basemapStreets(before).features.map((f) => f.properties?.name)).toContain('Verzonnenlaan');
    expect(basemapStreets(ds).features.map((f) => f.properties?.name)).toEqual(OSM_EXPECTED.streets);
    const buildings = basemapBuildings(ds).features;
    expect(buildings).toHaveLength(ds.buildings.length + OSM_EXPECTED.buildings);
    expect(buildings.at(-1)?.properties).toEqual({ sourceId: 'osm:way/103' });
  });

  it('is idempotent: the same extract again leaves the dataset byte-identical', async () => {
    const hash = sha(file);
    const again = await importInto(file, 'osm', osm, { dataDate: '2025-06-01' });
    expect(again.changed).toBe(false);
    expect(sha(file)).toBe(hash);
  });

  it('refuses a file that is not OSM XML (a .osm.pbf) and leaves the dataset unchanged', async () => {
    const pbf = join(dir, 'x.osm.pbf');
    writeFileSync(pbf, Buffer.from([0, 0, 0, 13, 10, 9, 79, 83, 77, 72, 101, 97, 100, 101, 114]));
    const hash = sha(file);
    const err = await importInto(file, 'osm', pbf).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFormatError);
    expect((err as ImportFormatError).code).toBe('import.format');
    expect((err as Error).message).toMatch(/osmium cat/);
    expect(sha(file)).toBe(hash);
  });
});
