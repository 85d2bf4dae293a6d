import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBagLight } from '../fixtures/importers/bag-light.ts';
import { writeBaseDataset } from '../fixtures/importers/base-dataset.ts';
import { importInto, tempDir } from '../fixtures/importers/harness.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { prepareStateDir } from './test-app.ts';

// The map, API and statistics show imported data the same way as the shipped data.
let server: RunningServer;
let imported: string[];
// Routes need a sign-in: a gemeente bearer token from the test's own state directory.
const auth = { headers: { authorization: '' } };
beforeAll(async () => {
  const dir = tempDir('imported-api');
  const dsFile = writeBaseDataset(join(dir, 'ds.gpkg'));
  await importInto(dsFile, 'bag', writeBagLight(join(dir, 'bag-light.gpkg')));
  imported = readDataset(dsFile)
    .dwellings.filter((d) => d.provenance === 'registered')
    .map((d) => d.vboId);
  const state = await prepareStateDir(join(dir, 'state'));
  auth.headers.authorization = `Bearer ${state.tokens.gemeente}`;
  server = await startServer({
    datasetFile: dsFile,
    port: 0,
    host: '127.0.0.1',
    webDir: null,
    version: 'test',
    log: () => {},
    stateDir: state.dir,
  });
});
afterAll(() => server?.close());

describe('a dataset after a BAG import, served', () => {
  it('serves the registered dwellings as GeoJSON with their BAG ids', async () => {
    expect(imported.length).toBeGreaterThan(0);
    const fc = (await (await fetch(new URL('api/dwellings', server.url), auth)).json()) as {
      synthetic: boolean;
      features: { id: string; properties: { provenance: string } }[];
    };
    const served = new Map(fc.features.map((f) => [f.id, f.properties.provenance]));
    for (const id of imported) expect(served.get(id)).toBe('registered');
  });

  it('counts them in the statistics the engine worker computes', async () => {
    const stats = (await (await fetch(new URL('api/stats?groupBy=buurt', server.url), auth)).json()) as {
      total: number;
    };
    const fc = (await (await fetch(new URL('api/dwellings', server.url), auth)).json()) as { features: unknown[] };
    expect(stats.total).toBe(fc.features.length);
  });

  it('builds map tiles for the imported dataset', async () => {
    const res = await fetch(new URL('tiles/dwellings.pmtiles', server.url), {
      headers: { ...auth.headers, Range: 'bytes=0-6' },
    });
    expect(res.status).toBe(206);
  });
});
