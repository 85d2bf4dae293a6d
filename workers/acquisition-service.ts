import { candidatesAnswer } from '../engine/acquisition/candidates-answer.ts';
import { planAcquisition, type AcquisitionInput } from '../engine/acquisition/plan.ts';
import { ok } from '../engine/result.ts';
import type { AcquisitionPlannerApi } from './acquisition-api.ts';

/** The worker side of AcquisitionPlannerApi, also usable in-process (tests, and the app without a worker). */
export function createAcquisitionService(): AcquisitionPlannerApi {
  let data: Omit<AcquisitionInput, 'config'> | null = null;
  const plan: AcquisitionPlannerApi['plan'] = async (withSignals, config, ordinance = null) => {
    if (!data) throw new Error('acquisition planner: load() the stock first');
    return planAcquisition({
      dwellings: data.dwellings,
      vves: data.vves,
      signals: withSignals ? data.signals : null,
      config,
      ordinance,
    });
  };
  return {
    async load(input) {
      data = input;
    },
    plan,
    async candidates(withSignals, config, ordinance, limit, meta) {
      const r = await plan(withSignals, config, ordinance);
      return r.ok ? ok(candidatesAnswer(r.value, r.warnings, limit, meta), r.warnings) : r;
    },
  };
}
