import { describe, expect, it, vi } from 'vitest';
import { createEngineService } from '../../workers/engine-service.ts';
import { testApp } from './test-app.ts';

const app = await testApp();
const get = (path: string) => app.request(path);

describe('GET /api/health', () => {
  it('reports the dataset and marks it synthetic', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-voorraad-synthetic')).toBe('true');
    expect(await res.json()).toMatchObject({
      status: 'ok',
      dataset: { synthetic: true, dwellings: 6, buildings: 6, vves: 1, dataDate: '2025-01-01' },
    });
  });
});

describe('GET /api/buurten', () => {
  it('is GeoJSON with buurtcode, buurtnaam and dwelling counts', async () => {
    const res = await get('/api/buurten');
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const body = (await res.json()) as {
      type: string;
      synthetic: boolean;
      features: { properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.synthetic).toBe(true);
    expect(body.features.map((f) => [f.properties.buurtcode, f.properties.buurtnaam, f.properties.dwellings])).toEqual([
      ['BU16740202', 'Kalsdonk', 4],
      ['BU16740300', 'Heerma van Vossstraat-Molenbeek', 2],
    ]);
    expect(body.features[0]!.geometry.type).toBe('Polygon');
  });
});

describe('GET /api/dwellings', () => {
  it('filters by buurt and gives each feature its BAG id and attributes', async () => {
    const body = (await (await get('/api/dwellings?buurt=BU16740300')).json()) as {
      features: { id: string; properties: Record<string, unknown>; geometry: { type: string } }[];
    };
    expect(body.features).toHaveLength(2);
    const f = body.features[0]!;
    expect(f.id).toMatch(/^\d{16}$/);
    expect(f.properties).toMatchObject({
      vboId: f.id,
      buurtcode: 'BU16740300',
      type: 'galerij',
      ownership: 'corporatie',
      label: 'D',
      period: '1965 - 1974',
    });
    expect(f.geometry.type).toBe('Point');
  });

  it('returns every dwelling without a filter and several buurten with a list', async () => {
    expect(((await (await get('/api/dwellings')).json()) as { features: unknown[] }).features).toHaveLength(6);
    expect(
      ((await (await get('/api/dwellings?buurt=BU16740202,BU16740300')).json()) as { features: unknown[] }).features,
    ).toHaveLength(6);
  });

  it('rejects a malformed or unknown buurt with a JSON error naming the path', async () => {
    const bad = await get('/api/dwellings?buurt=Kalsdonk');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      code: 'query.invalid',
      message: expect.stringContaining('CBS buurt codes'),
      path: ['query', 'buurt'],
    });
    const unknown = await get('/api/dwellings?buurt=BU16740202,BU99999999');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'buurt.unknown', path: ['query', 'buurt', 1] });
  });
});

describe('GET /api/dwellings is bounded before work (one viewer request used to freeze everyone)', () => {
  it('answers a repeated buurt once', async () => {
    const body = (await (await get(`/api/dwellings?buurt=${Array(50).fill('BU16740202').join(',')}`)).json()) as {
      features: unknown[];
    };
    expect(body.features).toHaveLength(4);
  });

  it('refuses a list of 1,000 codes with a coded 400 instead of building the answer', async () => {
    const res = await get(`/api/dwellings?buurt=${Array(1000).fill('BU16740202').join(',')}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'query.invalid', path: ['query', 'buurt'] });
    const many = await get(`/api/dwellings?buurt=${Array(101).fill('BU16740202').join(',')}`);
    expect(many.status).toBe(400);
    expect(await many.json()).toMatchObject({ code: 'query.invalid', message: expect.stringContaining('at most 100') });
  });
});

describe('GET /api/stats', () => {
  it('groups by buurt and ownership', async () => {
    const res = await get('/api/stats?groupBy=buurt,ownership');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      groupBy: string[];
      total: number;
      synthetic: boolean;
      rows: { key: Record<string, string>; count: number }[];
    };
    expect(body).toMatchObject({ groupBy: ['buurt', 'ownership'], total: 6, synthetic: true });
    expect(body.rows.find((r) => r.key.buurt === 'BU16740202' && r.key.ownership === 'corporatie')?.count).toBe(2);
  });

  it('defaults to buurt', async () => {
    expect(await (await get('/api/stats')).json()).toMatchObject({ groupBy: ['buurt'] });
  });

  it('asks the engine once per grouping, then answers the same bytes from the cache', async () => {
    const engine = createEngineService();
    const stats = vi.spyOn(engine, 'stats');
    const watched = await testApp({ engine });
    const first = await watched.request('/api/stats?groupBy=buurt,ownership');
    const again = await watched.request('/api/stats?groupBy=buurt,ownership');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(await again.text()).toBe(await first.text());
    expect(stats).toHaveBeenCalledTimes(1);
    await watched.request('/api/stats?groupBy=ownership,buurt');
    expect(stats).toHaveBeenCalledTimes(2);
  });

  it('answers an unknown groupBy field with 400 and the field', async () => {
    const res = await get('/api/stats?groupBy=buurt,naam');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'stats.groupBy.unknown',
      path: ['groupBy', 1],
      message: expect.stringContaining('"naam"'),
    });
  });
});

describe('GET /api/dwellings/table', () => {
  it('serves the columnar table the browser worker loads', async () => {
    const body = (await (await get('/api/dwellings/table')).json()) as {
      count: number;
      buurtCodes: string[];
      label: number[];
    };
    expect(body.count).toBe(6);
    expect(body.buurtCodes).toEqual(['BU16740202', 'BU16740300']);
    expect(body.label).toHaveLength(6);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every API route with schemas generated from zod', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      openapi: string;
      components: { schemas: Record<string, unknown> };
      paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/buurten',
        '/api/dwellings',
        '/api/dwellings/table',
        '/api/health',
        '/api/openapi.json',
        '/api/stats',
      ]),
    );
    expect(doc.paths['/api/stats']!.get.parameters.map((p) => p.name)).toEqual(['groupBy']);
    expect(JSON.stringify(doc.paths['/api/dwellings']!.get.responses['200'])).toContain(
      '#/components/schemas/DwellingFeatureCollection',
    );
    expect(JSON.stringify(doc.components.schemas.DwellingProperties)).toContain('tussenwoning');
    expect(doc.paths['/api/stats']!.get.responses['400']).toBeDefined();
  });
});

describe('errors and headers', () => {
  it('answers unknown routes with JSON 404', async () => {
    const res = await get('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not-found', message: 'no route for GET /api/nope' });
  });

  it('sends a CSP that allows nothing external, HSTS of a year and no CORS', async () => {
    const res = await get('/api/health');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
