import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toColumns } from '../../engine/dwelling-table.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { signedIn, testSecurity } from '../../test/api/test-app.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { createApp } from '../app.ts';
import { loadDatasetIntoMemory } from '../loaded-dataset.ts';

/** The app with an in-process engine that counts the scores computations the route asks for. */
async function countingApp() {
  const ds = smallDataset();
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  let computations = 0;
  const counted = {
    ...engine,
    retrofitScoresJson: (q: Parameters<typeof engine.retrofitScoresJson>[0]) => (
      computations++,
      engine.retrofitScoresJson(q)
    ),
  };
  const ctx = {
    data: loadDatasetIntoMemory(ds),
    engine: counted,
    version: 'test',
    tilesDir: null,
    webDir: null,
    today: () => '2025-06-01',
    ...(await testSecurity(ds)),
  };
  return { app: signedIn(createApp(ctx), ctx.security), ds, engine, computations: () => computations };
}

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('GET /api/retrofit/scores, cached', () => {
  it('answers the same bytes c.json gave, from one computation per normalised query', async () => {
    const { app, ds, engine, computations } = await countingApp();
    const first = await app.request(
      '/api/retrofit/scores?buurt=BU16740202&ownership=corporatie&type=portiek,tussenwoning',
    );
    const expected = await engine.retrofitScores({
      buurt: ['BU16740202'],
      ownership: ['corporatie'],
      type: ['portiek', 'tussenwoning'],
      // The route prices subsidies on today's date when the query names none (ctx.today above).
      date: '2025-06-01',
    });
    expect(expected.ok).toBe(true);
    const body = await bytes(first);
    expect(body.toString('utf8')).toBe(
      JSON.stringify({
        synthetic: ds.meta.synthetic,
        dataDate: ds.meta.dataDate,
        ...(expected.ok ? expected.value : {}),
      }),
    );
    expect(first.headers.get('content-type')).toBe('application/json');
    // Order, repeats and spacing of filter values cannot change the answer: the same cache entry.
    const again = await app.request(
      '/api/retrofit/scores?type=tussenwoning,portiek,portiek&ownership=corporatie&buurt=%20BU16740202',
    );
    expect(await bytes(again)).toEqual(body);
    expect(computations()).toBe(1);
    await app.request('/api/retrofit/scores?buurt=BU16740202');
    expect(computations()).toBe(2);
  });

  it('shares one computation between concurrent identical requests', async () => {
    const { app, computations } = await countingApp();
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.request('/api/retrofit/scores')));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(await Promise.all(answers.map(async (r) => (await bytes(r)).toString('base64')))).size).toBe(1);
    expect(computations()).toBe(1);
  });

  it('keys weights by their text, and never caches a rejected weights file', async () => {
    const { app, computations } = await countingApp();
    const w = encodeURIComponent(JSON.stringify({ ...DEFAULT_WEIGHTS, description: 'variant' }));
    const a = await bytes(await app.request(`/api/retrofit/scores?weights=${w}`));
    const b = await bytes(await app.request(`/api/retrofit/scores?weights=${w}`));
    expect(b).toEqual(a);
    expect(computations()).toBe(1);
    for (let i = 0; i < 2; i++) {
      const bad = await app.request('/api/retrofit/scores?weights=%7Bnope');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'weights.json' });
    }
    expect(computations()).toBe(1);
  });

  it('keys weights by their meaning: key order and spacing, or an explicit copy of the defaults, share one entry', async () => {
    const { app, computations } = await countingApp();
    const variant = { ...DEFAULT_WEIGHTS, description: 'variant' };
    const reversed = Object.fromEntries(Object.entries(variant).reverse());
    const a = await bytes(
      await app.request(`/api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify(variant))}`),
    );
    const b = await bytes(
      await app.request(`/api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify(reversed, null, 2))}`),
    );
    expect(b).toEqual(a);
    expect(computations()).toBe(1);
    await app.request('/api/retrofit/scores');
    await app.request(`/api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify(DEFAULT_WEIGHTS))}`);
    expect(computations()).toBe(2);
  });

  it('serves a gzip copy of the same bytes when the client accepts it, with the same security headers', async () => {
    const { app } = await countingApp();
    const plain = await app.request('/api/retrofit/scores');
    const zipped = await app.request('/api/retrofit/scores', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    for (const r of [plain, zipped]) expect(r.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(await bytes(zipped))).toEqual(await bytes(plain));
    const headers = (r: Response) => [...r.headers].filter(([k]) => k !== 'content-encoding');
    expect(headers(zipped)).toEqual(headers(plain));
    expect(zipped.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(zipped.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(zipped.headers.get('x-voorraad-synthetic')).toBe('true');
    const refused = await app.request('/api/retrofit/scores', { headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });
});
