import { describe, expect, it } from 'vitest';
import { toColumns } from '../../engine/dwelling-table.ts';
import {
  DwellingDetailSchema,
  ScoresResponseSchema,
  WhatIfResponseSchema,
} from '../../engine/retrofit/retrofit-schemas.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';
import { createApp } from '../../server/app.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { buildOpenApi } from '../../server/openapi.ts';
import { RETROFIT_ROUTES, todayInNl } from '../../server/routes/retrofit-routes.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { signedIn, testSecurity } from './test-app.ts';

/** The app with the retrofit routes registered (as app.ts will once the lead wires them), engine in-process. */
async function retrofitApp() {
  const ds = smallDataset();
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  const ctx = {
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    today: () => '2025-06-01',
    ...(await testSecurity(ds)),
  };
  // Every request carries a gemeente bearer token (routes are authorised by role).
  const app = signedIn(createApp(ctx), ctx.security);
  return { app, ds };
}

const { app, ds } = await retrofitApp();
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/api/retrofit/what-if', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const WHAT_IF = {
  type: 'tussenwoning',
  bouwjaar: 1965,
  oppervlakte: 100,
  label: 'E',
  eigendom: 'eigenaar-bewoner',
  date: '2025-03-01',
};

describe('POST /api/retrofit/what-if', () => {
  it('returns the issue shape: measures with costs, savings, label after and payback; label before; ecology', async () => {
    const res = await post(WHAT_IF);
    expect(res.status).toBe(200);
    const body = WhatIfResponseSchema.parse(await res.json());
    expect(body.labelBefore).toBe('E');
    expect(body.measures.map((m) => m.id)).toEqual(['cavity-wall', 'roof', 'floor', 'glazing', 'hybrid-heat-pump']);
    for (const m of body.measures) {
      expect(Object.keys(m)).toEqual(
        expect.arrayContaining([
          'id',
          'costEur',
          'gasSavingM3PerYear',
          'billSavingEurPerYear',
          'co2SavingKgPerYear',
          'labelAfter',
          'paybackYears',
        ]),
      );
      expect(m.costEur).toBeGreaterThan(0);
      expect(m.gasSavingM3PerYear).toBeGreaterThan(0);
    }
    expect(body.ecology).toMatchObject({
      route: 'pre-smp',
      earliestExclusion: '2025-03-16',
      earliestInsulation: '2025-03-21',
    });
  });

  it('takes today as the planning date when the body has none', async () => {
    const { date: _date, ...rest } = WHAT_IF;
    const body = (await (await post(rest)).json()) as { ecology: { earliestExclusion: string } };
    expect(body.ecology.earliestExclusion).toBe('2025-08-01'); // 1 June + 48 h is in the breeding season: first open day after 31 July
  });

  it('rejects bad input with a coded 400 naming the field and the allowed values', async () => {
    const unknownType = await post({ ...WHAT_IF, type: 'kasteel' });
    expect(unknownType.status).toBe(400);
    const e1 = (await unknownType.json()) as { code: string; message: string; path: unknown[] };
    // Shape errors come from the route's body schema, the same way on every route (server/route-spec.ts).
    expect(e1).toMatchObject({ code: 'body.invalid', path: ['body', 'type'] });
    expect(e1.message).toContain('"tussenwoning"|"hoekwoning"');
    expect(await (await post({ ...WHAT_IF, bouwjaar: 1400 })).json()).toMatchObject({
      code: 'body.invalid',
      path: ['body', 'bouwjaar'],
    });
    expect(await (await post({ ...WHAT_IF, bouwjaar: 2026 })).json()).toMatchObject({ code: 'whatif.bouwjaar.future' });
    expect(await (await post({ ...WHAT_IF, oppervlakte: 0 })).json()).toMatchObject({
      code: 'body.invalid',
      path: ['body', 'oppervlakte'],
    });
    expect(await (await post({ ...WHAT_IF, oppervlakte: 20000 })).json()).toMatchObject({
      code: 'body.invalid',
      path: ['body', 'oppervlakte'],
    });
    expect(await (await post({ ...WHAT_IF, oppervlakte: '100' })).json()).toMatchObject({
      code: 'body.invalid',
      path: ['body', 'oppervlakte'],
    });
    expect(await (await post({ ...WHAT_IF, date: '2025-02-30' })).json()).toMatchObject({
      code: 'whatif.date.invalid',
    });
    expect(await (await post({ type: 'portiek' })).json()).toMatchObject({
      code: 'body.invalid',
      path: ['body', 'bouwjaar'],
    });
    expect((await post('{"type": ')).status).toBe(400);
  });

  it('accepts only application/json (415) and refuses cross-origin posts (403)', async () => {
    const form = await post('type=portiek', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'body.content-type' });
    expect((await post(WHAT_IF, { 'content-type': 'text/plain' })).status).toBe(415);
    const cross = await post(WHAT_IF, { 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(
      (await post(WHAT_IF, { 'content-type': 'application/json; charset=utf-8', origin: 'http://localhost' })).status,
    ).toBe(200);
  });
});

describe('GET /api/retrofit/scores', () => {
  it('scores every dwelling with a breakdown that sums to the priority', async () => {
    const res = await app.request('/api/retrofit/scores');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-voorraad-synthetic')).toBe('true');
    const body = ScoresResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ synthetic: true, count: 6, total: 6 });
    expect(body.weights).toEqual(DEFAULT_WEIGHTS);
    for (const d of body.dwellings) {
      const sum = Object.values(d.breakdown).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - d.priority)).toBeLessThan(0.3);
    }
    expect(body.dwellings.map((d) => d.vboId)).toEqual(ds.dwellings.map((d) => d.vboId));
    // BU16740202 has no CBS figure in the fixture: its dwellings use the buurt parameters' row, and say so.
    expect(body.lowIncomeShareDefaulted).toEqual([]);
    expect(body.dwellings.find((d) => d.buurtcode === 'BU16740202')!.lowIncomeShareSource).toBe('config');
    expect(body.dwellings.find((d) => d.buurtcode === 'BU16740300')!.lowIncomeShareSource).toBe('cbs');
  });

  it("gives each package's net cost after the subsidies of the planning date beside its gross cost", async () => {
    type Body = {
      subsidies: { bookId: string; date: string | null; covered: boolean | null };
      dwellings: {
        ownership: string;
        measures: { costEur: number; subsidyEur: number | null; netCostEur: number | null };
      }[];
    };
    const on = (await (await app.request('/api/retrofit/scores?date=2025-06-01')).json()) as Body;
    expect(on.subsidies).toMatchObject({ date: '2025-06-01', covered: true });
    for (const d of on.dwellings) {
      expect(d.measures.subsidyEur).not.toBeNull();
      expect(d.measures.netCostEur).toBe(d.measures.costEur - d.measures.subsidyEur!);
    }
    expect(on.dwellings.some((d) => d.measures.subsidyEur! > 0)).toBe(true);
    const off = (await (await app.request('/api/retrofit/scores?date=2031-01-01')).json()) as Body;
    expect(off.subsidies).toMatchObject({ date: '2031-01-01', covered: false });
    for (const d of off.dwellings.filter((x) => x.measures.costEur > 0)) expect(d.measures.netCostEur).toBeNull();
  });

  it('filters by buurt, ownership and type', async () => {
    const body = (await (
      await app.request('/api/retrofit/scores?buurt=BU16740202&ownership=corporatie&type=portiek,tussenwoning')
    ).json()) as { count: number; dwellings: { type: string; ownership: string }[] };
    expect(body.count).toBe(2);
    expect(body.dwellings.every((d) => d.ownership === 'corporatie')).toBe(true);
  });

  it('re-scores with weights from the query; only energy poverty weighted gives the energy-poverty points alone', async () => {
    const w = {
      ...DEFAULT_WEIGHTS,
      factors: { energyPoverty: 1, labelGap: 0, gasSaving: 0, costEffectiveness: 0, ecologyEase: 0 },
    };
    const body = (await (
      await app.request(`/api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify(w))}`)
    ).json()) as { dwellings: { priority: number; breakdown: Record<string, number> }[] };
    for (const d of body.dwellings) {
      expect(d.breakdown.labelGap).toBe(0);
      expect(d.priority).toBeCloseTo(d.breakdown.energyPoverty!, 1);
    }
  });

  it('rejects malformed filters and weights with the path into the query', async () => {
    expect(await (await app.request('/api/retrofit/scores?ownership=huurder')).json()).toMatchObject({
      code: 'query.invalid',
      path: ['query', 'ownership', 0],
    });
    expect(await (await app.request('/api/retrofit/scores?type=portiek,flat')).json()).toMatchObject({
      code: 'query.invalid',
      path: ['query', 'type', 1],
    });
    expect(await (await app.request('/api/retrofit/scores?buurt=Kalsdonk')).json()).toMatchObject({
      code: 'query.invalid',
      path: ['query', 'buurt'],
    });
    expect((await app.request('/api/retrofit/scores?buurt=BU99999999')).status).toBe(404);
    const bad = { ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, energyPovrty: 1 } };
    const res = await app.request(`/api/retrofit/scores?weights=${encodeURIComponent(JSON.stringify(bad))}`);
    expect(res.status).toBe(400);
    const e = (await res.json()) as { code: string; path: unknown[]; message: string };
    expect(e).toMatchObject({ code: 'weights.unknown-key', path: ['query', 'weights', 'factors', 'energyPovrty'] });
    expect(e.message).toContain('energyPoverty, labelGap, gasSaving, costEffectiveness, ecologyEase');
    expect(await (await app.request('/api/retrofit/scores?weights=%7Bnope')).json()).toMatchObject({
      code: 'weights.json',
    });
  });
});

describe('GET /api/retrofit/dwellings/:vboId', () => {
  it('gives the popup detail: every measure or its reason, breakdown, ecology dates', async () => {
    const portiek = ds.dwellings[2]!;
    const res = await app.request(`/api/retrofit/dwellings/${portiek.vboId}?date=2025-09-01`);
    expect(res.status).toBe(200);
    const body = DwellingDetailSchema.parse(await res.json());
    expect(body.measureDetails.length + body.notApplicable.length).toBe(5);
    expect(body.route).toBe('corporation-code');
    expect(body.elements.floor).toMatchObject({ level: 'N0', source: 'known', probability: 1 });
  });

  it('404s an unknown dwelling and 400s a malformed id or date', async () => {
    expect((await app.request('/api/retrofit/dwellings/1674019999999999')).status).toBe(404);
    expect((await app.request('/api/retrofit/dwellings/abc')).status).toBe(400);
    expect(
      await (await app.request(`/api/retrofit/dwellings/${ds.dwellings[0]!.vboId}?date=morgen`)).json(),
    ).toMatchObject({ code: 'retrofit.date.invalid' });
  });
});

describe('GET /api/retrofit/context', () => {
  it('lets the browser worker score the loaded table itself, with the same result as the server', async () => {
    const { contextFromJson } = await import('../../engine/retrofit/stock.ts');
    const ctx = contextFromJson(await (await app.request('/api/retrofit/context')).json());
    const engine = createEngineService();
    await engine.load(toColumns(ds.dwellings));
    expect(await engine.retrofitLoadContext(ctx)).toMatchObject({ ok: true, value: { count: 6 } });
    const local = await engine.retrofitScores({ date: '2025-06-01' });
    const server = (await (await app.request('/api/retrofit/scores?date=2025-06-01')).json()) as {
      dwellings: unknown[];
    };
    expect(local.ok && local.value.dwellings).toEqual(server.dwellings);
  });
});

describe('OpenAPI', () => {
  it('documents the retrofit routes from their zod schemas', () => {
    const doc = buildOpenApi(RETROFIT_ROUTES.routes, 'test') as {
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    };
    expect(Object.keys(doc.paths)).toEqual([
      '/api/retrofit/what-if',
      '/api/retrofit/scores',
      '/api/retrofit/context',
      '/api/retrofit/dwellings/{vboId}',
    ]);
    expect(doc.paths['/api/retrofit/scores']!.get!.parameters.map((p) => p.name)).toEqual([
      'buurt',
      'ownership',
      'type',
      'weights',
      'date',
    ]);
  });

  it('todayInNl gives the Dutch calendar date', () => {
    expect(todayInNl(new Date('2025-03-31T22:30:00Z'))).toBe('2025-04-01');
  });
});
