import { describe, expect, it } from 'vitest';
import type { AcquisitionConfig } from '../../engine/acquisition/params.ts';
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import { createApp } from '../../server/app.ts';
import { createAcquisitionService } from '../../workers/acquisition-service.ts';
import { securityApp } from './security-app.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';

/** Issue finding "acquisition planning blocks the event loop": plans come from the planner (a worker thread in production). */
describe('acquisition plans off the event loop', () => {
  it('asks the injected planner, shares one computation between concurrent requests, and keeps the loop free meanwhile', async () => {
    const { ctx, tokens } = await securityApp();
    const { dataset, signalSet } = splitRestricted(securityDataset());
    const service = createAcquisitionService();
    await service.load({ dwellings: dataset.dwellings, vves: dataset.vves, signals: signalSet.signals });
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // The map's candidates come from the planner as a serialised answer; exports ask it for the whole plan.
    const planner = {
      plan: async (withSignals: boolean, config: AcquisitionConfig) => {
        calls++;
        await gate;
        return service.plan(withSignals, config);
      },
      candidates: async (...args: Parameters<typeof service.candidates>) => {
        calls++;
        await gate;
        return service.candidates(...args);
      },
    };
    const app = createApp({ ...ctx, acquisitionPlanner: planner });
    const get = () =>
      app.request('/api/acquisition/candidates?budget=200000', {
        headers: { authorization: `Bearer ${tokens.gemeente}` },
      });
    const pending = [get(), get(), get()];
    // While the plan is pending the event loop answers other work (health).
    const health = await app.request('/api/health', { headers: { authorization: `Bearer ${tokens.viewer}` } });
    expect(health.status).toBe(200);
    release();
    const answers = await Promise.all(pending);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls).toBe(1);
  });

  it('does not keep a failed plan', async () => {
    const { ctx, tokens } = await securityApp();
    let calls = 0;
    const failing = async () => {
      calls++;
      return {
        ok: false as const,
        issues: [{ code: 'acquisition.zones.empty' as const, message: 'geen zones', path: ['zones'] }],
      };
    };
    const planner = { plan: failing, candidates: failing };
    const app = createApp({ ...ctx, acquisitionPlanner: planner });
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/api/acquisition/candidates', {
        headers: { authorization: `Bearer ${tokens.gemeente}` },
      });
      expect(res.status).toBe(400);
    }
    expect(calls).toBe(2);
  });
});
