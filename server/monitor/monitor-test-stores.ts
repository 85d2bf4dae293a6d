import { fixtureAsPlan } from '../../engine/monitor/programme-fixture-plan.ts';
import type { MonitorPlan } from '../../engine/monitor/monitor-plan.ts';
import { PlanStore, type PlanActor } from '../plans/plan-store.ts';
import { openMonitorStore } from './monitor-store.ts';

export const VHF_ACTOR: PlanActor = { name: 'vhf', role: 'vhf', via: 'session', origin: 'local' };

/**
 * A state database (in memory unless a directory is given) with a plan saved from a monitor plan (the test plan or the seeded programme
 * fixture) and the monitor store over it, for tests of the store, the importer, the CLI and the routes.
 */
export function storesWithPlan(mp: MonitorPlan, stateDir = ':memory:', t0 = Date.UTC(2026, 10, 28, 9)) {
  let t = t0;
  const now = () => (t += 1000);
  const s = openMonitorStore(stateDir, now);
  const plans = new PlanStore(s.db, s.audit, now);
  const plan = fixtureAsPlan(mp);
  const saved = plans.create(
    {
      name: 'Monitorproef',
      input: plan.meta.input,
      plan,
      dataset: { name: 'synthetisch', sha256: 'a'.repeat(64), synthetic: true },
      solver: 'greedy',
      objective: 0,
      gap: null,
      greedyObjective: 0,
      dwellings: plan.batches.flatMap((b) => b.dwellings.map((d) => ({ vboId: d.vboId, batchId: b.id }))),
      batches: plan.batches.length,
    },
    VHF_ACTOR,
  );
  return { ...s, plans, planId: saved.id };
}
