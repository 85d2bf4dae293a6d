import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Dataset } from '../../engine/dataset.ts';
import { readDataset } from '../../geodata/dataset-store.ts';
import { SHIPPED_DATASET, ensureShippedDataset } from '../../geodata/shipped.ts';
import { createApp } from '../../server/app.ts';
import { createFairQueue } from '../../server/fair-queue.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';
import type { ScenarioDataset } from '../../workers/scenario-files.ts';
import { inProcessRunner, type ScenarioRunner } from '../../workers/scenario-pool.ts';
import { signedIn, testSecurity, tokenFor } from '../api/test-app.ts';

/** Issue findings "permanent memory growth" and "scenario summaries on the main thread": bounds before work. */
let ds: Dataset;
let ctx: Awaited<ReturnType<typeof build>>;

async function build(runner: ScenarioRunner = inProcessRunner()) {
  const engine = createEngineService();
  const sec = await testSecurity(ds);
  const stocks = new Map<string, ScenarioDataset>();
  const c = {
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...sec,
    scenarios: {
      runner,
      stockCache: stocks,
      queue: createFairQueue({ concurrency: 1, perUserActive: 1, perUserQueued: 2, maxQueued: 8 }),
    },
  };
  const app = createApp(c);
  return {
    app: signedIn(app, sec.security, 'viewer'),
    routes: { cachedStocks: () => stocks.size },
    security: sec.security,
  };
}

beforeAll(async () => {
  ensureShippedDataset();
  ds = readDataset(SHIPPED_DATASET);
  ctx = await build();
});

const withDwellings = () =>
  [...new Set(ds.dwellings.map((d) => d.buurtcode).filter((b): b is string => typeof b === 'string'))].sort();
const inline = (over: Record<string, unknown>) => ({
  name: 'Inline',
  description: 'grenzen',
  horizon: { start: 2025, end: 2030 },
  seed: 1,
  runs: 2,
  interventions: [],
  targets: [],
  ...over,
});
const post = (app: Hono, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/scenarios/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('POST /api/scenarios/run is bounded before work starts', () => {
  it('refuses a 100-year horizon at 500 runs at once with a coded 400', async () => {
    const t0 = performance.now();
    const res = await post(ctx.app, { inline: inline({ horizon: { start: 2025, end: 2124 }, runs: 500 }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'scenario.budget.run-years' });
    // Not a timing assertion on the product: it shows no simulation ran (the old code took 82 s here).
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('refuses every buurt as an area at the run cap (runs × years × dwellings)', async () => {
    const areas = Object.fromEntries(withDwellings().map((code, i) => [`Gebied ${i}`, [code]]));
    const res = await post(ctx.app, { inline: inline({ horizon: { start: 2025, end: 2054 }, runs: 500, areas }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string };
    expect(body.code, JSON.stringify(body)).toMatch(/^scenario\.budget\./);
  });

  it('keeps no stock for rejected requests and at most a few for accepted ones', async () => {
    const fresh = await build();
    const codes = withDwellings();
    for (let i = 0; i < 12; i++) {
      // Rejected after the areas were read: an unknown metric in a target.
      const res = await post(fresh.app, {
        inline: inline({
          areas: { X: [codes[i % codes.length]!] },
          targets: [{ metric: 'geen-metriek', area: 'X', year: 2030, min: 1, probability: 0.5 }],
        }),
      });
      expect(res.status).toBe(400);
    }
    expect(fresh.routes.cachedStocks()).toBe(0);
    for (let i = 0; i < 6; i++) {
      // Six distinct areas lists (each a different pair of buurten).
      const res = await post(fresh.app, {
        inline: inline({
          areas: { X: [codes[i % codes.length]!, codes[(i + 1 + Math.floor(i / codes.length)) % codes.length]!] },
        }),
      });
      expect(res.status, await res.clone().text()).toBe(200);
    }
    expect(fresh.routes.cachedStocks()).toBeLessThanOrEqual(4);
  });

  it("queues per user fairly: one user's backlog is refused with 429 while another user still gets a turn", async () => {
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const started: number[] = [];
    const slow: ScenarioRunner = {
      async run(stock, sc, runs) {
        started.push(runs);
        await blocked;
        return inProcessRunner().run(stock, sc, runs);
      },
    };
    const b = await build(slow);
    const mine = [1, 2, 3].map((r) => post(b.app, { inline: inline({ runs: r }) }));
    await new Promise((r) => setTimeout(r, 50));
    const refused = await post(b.app, { inline: inline({ runs: 4 }) });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: 'scenario.busy' });
    const other = post(
      b.app,
      { inline: inline({ runs: 5 }) },
      { authorization: `Bearer ${tokenFor(b.security, 'alwel')}` },
    );
    await new Promise((r) => setTimeout(r, 50));
    release();
    const statuses = await Promise.all([...mine, other].map(async (p) => (await p).status));
    expect(statuses).toEqual([200, 200, 200, 200]);
    // The other user's request ran second, before this user's backlog.
    expect(started).toEqual([1, 5, 2, 3]);
  });
});
