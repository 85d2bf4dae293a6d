import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { prepareStateDir } from './test-app.ts';

// The real server: dataset file → tiles → engine worker thread → HTTP on a free port.
let server: RunningServer;
// Every route but /api/health needs a sign-in: a gemeente bearer token from the test's own state directory.
let token = '';
const auth = (headers: Record<string, string> = {}) => ({ headers: { ...headers, authorization: `Bearer ${token}` } });
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'voorraad-server-'));
  const file = join(dir, 'small.gpkg');
  writeDataset(file, smallDataset());
  const state = await prepareStateDir(join(dir, 'state'));
  token = state.tokens.gemeente;
  server = await startServer({
    datasetFile: file,
    port: 0,
    host: '127.0.0.1',
    webDir: null,
    version: 'test',
    log: () => {},
    stateDir: state.dir,
  });
});
afterAll(() => server?.close());

describe('running server', () => {
  it('answers health and computes statistics in the worker thread', async () => {
    expect((await fetch(new URL('api/health', server.url))).status).toBe(200);
    const stats = (await (await fetch(new URL('api/stats?groupBy=buurt', server.url), auth())).json()) as {
      rows: { count: number }[];
    };
    expect(stats.rows.map((r) => r.count)).toEqual([4, 2]);
  });

  it('serves the PMTiles archives with HTTP Range requests', async () => {
    for (const name of ['basemap', 'dwellings']) {
      const res = await fetch(new URL(`tiles/${name}.pmtiles`, server.url), auth({ Range: 'bytes=0-6' }));
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toMatch(/^bytes 0-6\/\d+$/);
      expect(new TextDecoder().decode(await res.arrayBuffer())).toBe('PMTiles');
    }
    const beyond = await fetch(new URL('tiles/dwellings.pmtiles', server.url), auth({ Range: 'bytes=99999999-' }));
    expect(beyond.status).toBe(416);
    // The dwelling tiles carry addresses: not without a sign-in.
    expect(
      (await fetch(new URL('tiles/dwellings.pmtiles', server.url), { headers: { Range: 'bytes=0-6' } })).status,
    ).toBe(401);
  });

  it('does not serve files outside the tile directory', async () => {
    const res = await fetch(new URL('tiles/..%2f..%2fvoorraad.gpkg', server.url), auth());
    expect(res.status).toBe(404);
  });
});
