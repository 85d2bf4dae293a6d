import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { toColumns } from '../../engine/dwelling-table.ts';
import { resultJson } from '../../engine/housing/result-json.ts';
import type { ScenarioSummary } from '../../engine/housing/summary.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../../geodata/shipped.ts';
import { createApp } from '../../server/app.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { buildOpenApi } from '../../server/openapi.ts';
import { SCENARIO_ROUTES } from '../../server/routes/scenario-routes.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import { DatasetCache, loadScenarioFile } from '../../workers/scenario-files.ts';
import { inProcessRunner, runScenario } from '../../workers/scenario-pool.ts';
import { signedIn, testSecurity } from '../api/test-app.ts';

let app: Hono;

beforeAll(async () => {
  ensureShippedDataset();
  const ds = readDataset(SHIPPED_DATASET);
  const engine = createEngineService();
  await engine.load(toColumns(ds.dwellings));
  const ctx = {
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...(await testSecurity(ds)),
  };
  // Every request carries a gemeente bearer token (routes are authorised by role).
  app = signedIn(createApp(ctx), ctx.security);
});

const post = (body: unknown, type = 'application/json') =>
  app.request('/api/scenarios/run', {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const INLINE = {
  name: 'Inline',
  description: 'via de API',
  horizon: { start: 2025, end: 2032 },
  seed: 3,
  runs: 4,
  interventions: [{ kind: 'sale', area: 'Kalsdonk', count: 20, by: 2030, mode: 'to-tenants' }],
  targets: [{ metric: 'sold', area: 'Kalsdonk', year: 2030, min: 20, probability: 1 }],
};

describe('GET /api/scenarios', () => {
  it('lists the shipped scenario files with name, description and targets', async () => {
    const res = await app.request('/api/scenarios');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      synthetic: boolean;
      maxRuns: number;
      scenarios: { id: string; valid: boolean; name: string; targets: unknown[] }[];
    };
    expect(body.synthetic).toBe(true);
    expect(body.scenarios.map((s) => [s.id, s.valid])).toEqual([
      ['baseline', true],
      ['kalsdonk-verkopen-differentieren', true],
      ['westrand-sloop-nieuwbouw', true],
    ]);
    expect(body.scenarios[1]!.name).toBe('Verkopen en differentiëren Kalsdonk');
    expect(body.scenarios.every((s) => s.targets.length > 0)).toBe(true);
  });
});

describe('POST /api/scenarios/run', () => {
  it('runs a shipped scenario with the same result as voorraad run', async () => {
    const res = await post({ scenario: 'kalsdonk-verkopen-differentieren', runs: 6 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ScenarioSummary;
    const file = fileURLToPath(new URL('../../scenarios/kalsdonk-verkopen-differentieren.yaml', import.meta.url));
    const p = loadScenarioFile(file, { datasets: new DatasetCache(), runs: 6 });
    if (!p.ok) throw new Error('invalid');
    expect(resultJson(body)).toBe(resultJson(await runScenario(p.value, inProcessRunner())));
    expect(body.series.Kalsdonk!['share-corporation']!.p50).toHaveLength(21);
    const again = await post({ scenario: 'kalsdonk-verkopen-differentieren', runs: 6 });
    expect(await again.text()).toBe(JSON.stringify(body));
  }, 60_000);

  it('runs an inline scenario', async () => {
    const res = await post({ inline: INLINE });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ScenarioSummary;
    expect(body.scenario).toMatchObject({ id: 'inline', runs: 4 });
    expect(body.targets[0]).toMatchObject({ metric: 'sold', probability: 1, met: true });
  });

  it('accepts only application/json (415)', async () => {
    const res = await post('scenario=baseline', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    // The app-wide write guard (server/auth/write-guard.ts) answers before the route's own check.
    expect(await res.json()).toMatchObject({ code: 'body.content-type' });
    expect((await app.request('/api/scenarios/run', { method: 'POST', body: '{}' })).status).toBe(415);
  });

  it('answers bad requests with a code and a path', async () => {
    const cases: [unknown, number, Record<string, unknown>][] = [
      ['{nee', 400, { code: 'body.json' }],
      [{ scenario: 'bestaat-niet' }, 404, { code: 'scenario.unknown', path: ['body', 'scenario'] }],
      [{ scenario: 'baseline', runs: 100_000 }, 400, { code: 'scenario.runs.too-many', path: ['body', 'runs'] }],
      [{ scenario: 'baseline', inline: INLINE }, 400, { code: 'request.scenario' }],
      [{ scenario: 'baseline', kleur: 'rood' }, 400, { code: 'body.unknown-key', path: ['body'] }],
      [
        { inline: { ...INLINE, runs: 5000 } },
        400,
        { code: 'scenario.runs.too-many', path: ['body', 'inline', 'runs'] },
      ],
      [
        { inline: { ...INLINE, interventions: [{ ...INLINE.interventions[0], count: 5000 }] } },
        400,
        { code: 'scenario.count.exceeds-stock', path: ['body', 'inline', 'interventions', 0, 'count'] },
      ],
      [
        { inline: { ...INLINE, targets: [{ ...INLINE.targets[0], metric: 'geluk' }] } },
        400,
        { code: 'scenario.metric.unknown', path: ['body', 'inline', 'targets', 0, 'metric'] },
      ],
      [
        { inline: { ...INLINE, interventions: [{ kind: 'retrofit', area: 'Kalsdonk', plan: '../../etc/passwd' }] } },
        400,
        { code: 'scenario.plan.not-allowed' },
      ],
    ];
    for (const [body, status, expected] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await res.json()).toMatchObject(expected);
    }
  });

  it('is documented in the OpenAPI document', () => {
    const doc = buildOpenApi(SCENARIO_ROUTES.routes, 'test') as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths)).toEqual(['/api/scenarios', '/api/scenarios/run']);
    expect(Object.keys(doc.paths['/api/scenarios/run']!.post!.responses)).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '429',
    ]);
  });
});
