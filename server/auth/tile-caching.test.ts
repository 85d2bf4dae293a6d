import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securityApp } from '../../test/security/security-app.ts';
import { createApp } from '../app.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-tiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tile caching', () => {
  it('marks dwelling tiles (addresses) no-store, the basemap private for an hour', async () => {
    writeFileSync(join(dir, 'dwellings.pmtiles'), 'PMTiles-adressen');
    writeFileSync(join(dir, 'basemap.pmtiles'), 'PMTiles-kaart');
    const { ctx, tokens } = await securityApp();
    const app = createApp({ ...ctx, tilesDir: dir });
    const get = (p: string) =>
      app.request(p, { headers: { authorization: `Bearer ${tokens.viewer}`, range: 'bytes=0-3' } });
    const dwellings = await get('/tiles/dwellings.pmtiles');
    expect(dwellings.status).toBe(206);
    expect(dwellings.headers.get('cache-control')).toBe('private, no-store');
    expect((await get('/tiles/basemap.pmtiles')).headers.get('cache-control')).toBe('private, max-age=3600');
  });
});
