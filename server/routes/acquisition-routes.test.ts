import { describe, expect, it } from 'vitest';
import type { AcquisitionConfig } from '../../engine/acquisition/params.ts';
import type { AcquisitionPlan } from '../../engine/acquisition/plan.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import { securityApp } from '../../test/security/security-app.ts';
import { createAcquisitionService } from '../../workers/acquisition-service.ts';
import { createApp } from '../app.ts';

interface Candidates {
  usesSignals: boolean;
  budgetEur: number;
  features: { id: string; properties: Record<string, unknown> }[];
}

describe('GET /api/acquisition/candidates', () => {
  it('serialises a plan’s answer once per limit, keeps roles, budgets and limits apart, and audits every read', async () => {
    const { ctx, tokens } = await securityApp();
    const { dataset, signalSet } = splitRestricted(securityDataset());
    const service = createAcquisitionService();
    await service.load({ dwellings: dataset.dwellings, vves: dataset.vves, signals: signalSet.signals });
    const plans: AcquisitionPlan[] = [];
    const planner = {
      plan: async (withSignals: boolean, config: AcquisitionConfig) => {
        const r = await service.plan(withSignals, config);
        if (r.ok) plans.push(r.value);
        return r;
      },
    };
    const app = createApp({ ...ctx, acquisitionPlanner: planner });
    const get = async (role: 'gemeente' | 'alwel', q: string) => {
      const res = await app.request(`/api/acquisition/candidates${q}`, {
        headers: { authorization: `Bearer ${tokens[role]}` },
      });
      expect(res.status).toBe(200);
      return { text: await res.text(), type: res.headers.get('content-type'), cache: res.headers.get('cache-control') };
    };
    const first = await get('gemeente', '?limit=1');
    expect(first.type).toBe('application/geo+json; charset=UTF-8');
    expect(first.cache).toBe('private, no-store');
    // Made once: a second read is the same answer even though the plan object has since changed (test only).
    plans[0]!.candidates[0]!.score = -1;
    expect((await get('gemeente', '?limit=1')).text).toBe(first.text);
    const more = JSON.parse((await get('gemeente', '?limit=5000')).text) as Candidates;
    const partner = JSON.parse((await get('alwel', '?limit=1')).text) as Candidates;
    const budget = JSON.parse((await get('gemeente', '?limit=1&budget=5000')).text) as Candidates;
    const one = JSON.parse(first.text) as Candidates;
    expect(more.features.length).toBeGreaterThan(one.features.length);
    expect([one.usesSignals, partner.usesSignals]).toEqual([true, false]);
    expect(budget.budgetEur).toBe(5000);
    expect(plans).toHaveLength(3);

    const reads = ctx.security.audit
      .list({ limit: 10 })
      .filter((e) => e.action === 'acquisition.read')
      .reverse();
    expect(reads.map((e) => [e.actor, e.detail?.rows])).toEqual([
      ['test-gemeente', one.features.length],
      ['test-gemeente', one.features.length],
      ['test-gemeente', more.features.length],
      ['test-alwel', partner.features.length],
      ['test-gemeente', budget.features.length],
    ]);
  });
});
