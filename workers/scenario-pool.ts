import * as Comlink from 'comlink';
import type { CompiledScenario } from '../engine/housing/compiled.ts';
import { runBatch, runStride } from '../engine/housing/simulate.ts';
import type { HousingStock } from '../engine/housing/stock.ts';
import { summarise, type ScenarioSummary, type SummaryMeta } from '../engine/housing/summary.ts';
import { nodeEndpoint } from './node-endpoint.ts';
import type { ScenarioWorkerApi } from './scenario-api.ts';
import type { PreparedScenario } from './scenario-files.ts';
import { BACKGROUND_NICE } from './thread-priority.ts';
import { startTsWorker } from './ts-worker.ts';

/** Something that runs Monte Carlo runs 0 … runs-1 and returns their values in run order. */
export interface ScenarioRunner {
  run(stock: HousingStock, scenario: CompiledScenario, runs: number): Promise<Float64Array>;
  /** Summarises the values off this thread; without it runScenario summarises here. */
  summarise?(
    scenario: CompiledScenario,
    values: Float64Array,
    runs: number,
    meta: SummaryMeta,
  ): Promise<ScenarioSummary>;
}

export interface ScenarioPool extends ScenarioRunner {
  size: number;
  summarise: NonNullable<ScenarioRunner['summarise']>;
  terminate(): Promise<void>;
}

let nextJob = 1;

/**
 * Worker threads that share the runs of a scenario. Runs are handed out in chunks as workers become
 * free and written back at their run index, so the result is byte-identical to one thread's.
 */
export function startScenarioPool(size: number): ScenarioPool {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`scenario pool size must be a positive integer, got ${size}`);
  const workers = Array.from({ length: size }, () => {
    // Background priority: the event loop comes first when they compete for a core (thread-priority.ts).
    const worker = startTsWorker(new URL('./scenario-worker.ts', import.meta.url), { nice: BACKGROUND_NICE });
    return { worker, api: Comlink.wrap<ScenarioWorkerApi>(nodeEndpoint(worker)) };
  });
  return {
    size,
    async run(stock, scenario, runs) {
      const job = nextJob++;
      const stride = runStride(scenario);
      const out = new Float64Array(stride * runs);
      // Several chunks per worker balance uneven machines; small enough to keep messages cheap.
      const chunk = Math.max(1, Math.min(64, Math.ceil(runs / (size * 4))));
      let next = 0;
      await Promise.all(workers.map((w) => w.api.prepare(job, stock, scenario)));
      try {
        await Promise.all(
          workers.map(async (w) => {
            while (next < runs) {
              const first = next;
              const count = Math.min(chunk, runs - first);
              next += count;
              const values = await w.api.runBatch(job, first, count);
              out.set(values, first * stride);
            }
          }),
        );
      } finally {
        await Promise.all(workers.map((w) => w.api.release(job)));
      }
      return out;
    },
    summarise(scenario, values, runs, meta) {
      // The values are not needed here afterwards: transferred, not copied.
      return workers[0]!.api.summarise(scenario, Comlink.transfer(values, [values.buffer]), runs, meta);
    },
    async terminate() {
      for (const w of workers) w.api[Comlink.releaseProxy]();
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}

/** Runs in this thread, yielding to the event loop between chunks (for the server without a pool). */
export function inProcessRunner(chunk = 8): ScenarioRunner {
  return {
    async run(stock, scenario, runs) {
      const stride = runStride(scenario);
      const out = new Float64Array(stride * runs);
      for (let first = 0; first < runs; first += chunk) {
        const count = Math.min(chunk, runs - first);
        out.set(runBatch(stock, scenario, first, count), first * stride);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };
}

/** Runs a prepared scenario and summarises it (percentiles over runs, target probabilities). */
export async function runScenario(p: PreparedScenario, runner: ScenarioRunner): Promise<ScenarioSummary> {
  const runs = p.compiled.runs;
  const values = await runner.run(p.stock, p.compiled, runs);
  const meta: SummaryMeta = { id: p.id, dataset: p.dataset, buurtCodes: p.stock.buurtCodes, warnings: p.warnings };
  return runner.summarise
    ? runner.summarise(p.compiled, values, runs, meta)
    : summarise(p.compiled, values, runs, meta);
}
