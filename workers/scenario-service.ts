import * as Comlink from 'comlink';
import type { CompiledScenario } from '../engine/housing/compiled.ts';
import { runBatch } from '../engine/housing/simulate.ts';
import type { HousingStock } from '../engine/housing/stock.ts';
import { summarise } from '../engine/housing/summary.ts';
import type { ScenarioWorkerApi } from './scenario-api.ts';

/** The worker side of ScenarioWorkerApi, also usable in-process (then `transfer` is a no-op). */
export function createScenarioService(transfer = true): ScenarioWorkerApi {
  const jobs = new Map<number, { stock: HousingStock; scenario: CompiledScenario }>();
  return {
    async prepare(job, stock, scenario) {
      jobs.set(job, { stock, scenario });
    },
    async runBatch(job, first, count) {
      const j = jobs.get(job);
      if (!j) throw new Error(`scenario job ${job} is not prepared`);
      const values = runBatch(j.stock, j.scenario, first, count);
      return transfer ? Comlink.transfer(values, [values.buffer]) : values;
    },
    async summarise(scenario, values, runs, meta) {
      return summarise(scenario, values, runs, meta);
    },
    async release(job) {
      jobs.delete(job);
    },
  };
}
