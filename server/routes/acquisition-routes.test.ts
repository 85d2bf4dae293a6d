import { describe, expect, it } from 'vitest';
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
  it('takes a plan’s answer from the planner once per limit, keeps roles, budgets and limits apart, and audits every read', async () => {
    const { ctx, tokens } = await securityApp();
    const { dataset, signalSet } = splitRestricted(securityDataset());
    const service = createAcquisitionService();
    await service.load({ dwellings: dataset.dwellings, vves: dataset.vves, signals: signalSet.signals });
    let calls = 0;
    const planner = {
      plan: service.plan,
      candidates: async (...args: Parameters<typeof service.candidates>) => {
        calls++;
        return service.candidates(...args);
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
    // Made once, in the planner: a second read is the same answer without asking it again.
    expect((await get('gemeente', '?limit=1')).text).toBe(first.text);
    expect(calls).toBe(1);
    const more = JSON.parse((await get('gemeente', '?limit=5000')).text) as Candidates;
    const partner = JSON.parse((await get('alwel', '?limit=1')).text) as Candidates;
    const budget = JSON.parse((await get('gemeente', '?limit=1&budget=5000')).text) as Candidates;
    const one = JSON.parse(first.text) as Candidates;
    expect(more.features.length).toBeGreaterThan(one.features.length);
    expect([one.usesSignals, partner.usesSignals]).toEqual([true, false]);
    expect(budget.budgetEur).toBe(5000);
    expect(calls).toBe(4);

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
