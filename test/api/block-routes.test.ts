import { describe, expect, it } from 'vitest';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { BlockFeature, BlockFeatureCollection } from '../../server/routes/block-routes.ts';
import { testApp } from './test-app.ts';

const app = await testApp({ role: 'viewer' });
const ds = smallDataset();

describe('GET /api/blocks', () => {
  it('gives every dwelling exactly one block, as GeoJSON', async () => {
    const res = await app.request('/api/blocks');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const body = BlockFeatureCollection.parse(await res.json());
    expect(body.synthetic).toBe(true);
    const members = body.features.flatMap((f) => f.properties.vboIds).sort();
    expect(members).toEqual(ds.dwellings.map((d) => d.vboId).sort());
    // The fixture's panden carry no bouwblok: each dwelling is its own pand block.
    expect(body.features.every((f) => f.properties.kind === 'pand' && f.id === f.properties.blockId)).toBe(true);
  });

  it('filters by buurt and refuses an unknown buurt with the query path', async () => {
    const body = BlockFeatureCollection.parse(await (await app.request('/api/blocks?buurt=BU16740300')).json());
    expect(body.features.map((f) => f.properties.buurtcodes)).toEqual([['BU16740300'], ['BU16740300']]);
    const res = await app.request('/api/blocks?buurt=BU99999999');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'buurt.unknown', path: ['query', 'buurt', 0] });
  });
});

describe('GET /api/blocks/{blockId}', () => {
  it('answers one block by id and names an unknown id', async () => {
    const id = `pand:${ds.dwellings[0]!.pandId}`;
    const res = await app.request(`/api/blocks/${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    expect(BlockFeature.parse(await res.json()).properties).toMatchObject({
      blockId: id,
      dwellings: 1,
      vboIds: [ds.dwellings[0]!.vboId],
    });
    const unknown = await app.request('/api/blocks/complex%3A9999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'block.unknown', path: ['params', 'blockId'] });
  });
});
