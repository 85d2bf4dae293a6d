import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dwellingFeature } from '../engine/dwelling-feature.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { buildDwellingBodies } from './dwelling-bodies.ts';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('dwelling bodies assembled from per-buurt fragments', () => {
  const ds = smallDataset();
  const codes = [...new Set(ds.dwellings.map((d) => d.buurtcode))].sort();

  it('are byte-identical to serialising the features per request, in the asked order', async () => {
    const bodies = buildDwellingBodies(ds.dwellings, true);
    for (const asked of [codes, [...codes].reverse(), [codes[0]!], ['BU00000000'], []]) {
      const features = asked.flatMap((c) => ds.dwellings.filter((d) => d.buurtcode === c).map(dwellingFeature));
      const body = await bodies.body(asked);
      expect(text(body.identity)).toBe(JSON.stringify({ type: 'FeatureCollection', synthetic: true, features }));
      expect(text(gunzipSync(await body.gzip()))).toBe(text(body.identity));
    }
    expect([...bodies.counts.values()].reduce((a, b) => a + b, 0)).toBe(ds.dwellings.length);
  });

  it('keep assembled answers within their byte bound whatever the queries', async () => {
    const one = (await buildDwellingBodies(ds.dwellings, false).body(codes)).identity.byteLength;
    const bodies = buildDwellingBodies(ds.dwellings, false, { maxEntries: 1_000, maxBytes: 2 * one });
    // Every order of the buurten is a distinct key of about the same size as `one`.
    const orders = [codes, [...codes].reverse(), [codes[1]!, codes[0]!, ...codes.slice(2)], codes.slice(1)];
    for (const o of orders) await bodies.body(o);
    expect(bodies.cache.stats().bytes).toBeLessThanOrEqual(2 * one);
    expect(bodies.cache.stats().entries).toBeLessThan(orders.length);
  });
});
