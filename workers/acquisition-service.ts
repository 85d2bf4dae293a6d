import { planAcquisition, type AcquisitionInput } from '../engine/acquisition/plan.ts';
import type { AcquisitionPlannerApi } from './acquisition-api.ts';

/** The worker side of AcquisitionPlannerApi, also usable in-process (tests, and the app without a worker). */
export function createAcquisitionService(): AcquisitionPlannerApi {
  let data: Omit<AcquisitionInput, 'config'> | null = null;
  return {
    async load(input) {
      data = input;
    },
    async plan(withSignals, config, ordinance = null) {
      if (!data) throw new Error('acquisition planner: load() the stock first');
      return planAcquisition({
        dwellings: data.dwellings,
        vves: data.vves,
        signals: withSignals ? data.signals : null,
        config,
        ordinance,
      });
    },
  };
}
